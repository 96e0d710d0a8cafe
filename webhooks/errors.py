"""The webhooks package's errors, each with its stable code and default sentence (api/problems.py maps the kinds)."""

from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed


class WebhookUrlNotAllowed(ValidationFailed):
    """The URL may not receive webhooks (scheme, credentials, or a host of a private network); carries
    `errors={"url": [why]}`. Built by webhooks.addresses.webhook_url_check."""

    code = "webhook_url_not_allowed"
    title = _("Webhook URL not allowed")
    default_detail = _("This URL cannot receive webhooks.")


class WebhookEndpointDisabled(Conflict):
    """A test event or a redelivery was asked of a disabled endpoint: nothing is sent to it until it is enabled."""

    code = "webhook_endpoint_disabled"
    default_detail = _("This endpoint is disabled; enable it first.")


# --- managing endpoints (webhooks/services.py, webhooks/selectors.py) ---


class WebhookEndpointNotFound(NotFound):
    """No such endpoint, or the caller is not staff of its merchant (outsiders are not told that it exists)."""

    code = "webhook_not_found"
    default_detail = _("No webhook endpoint has this id.")


class WebhookDeliveryNotFound(NotFound):
    """No delivery of this endpoint has the id (another endpoint's delivery is not revealed either)."""

    code = "webhook_delivery_not_found"
    default_detail = _("This endpoint has no delivery with this id.")


class WebhookManageRefused(PermissionDenied):
    """The caller's role at the merchant (clerk, or none) does not allow managing its webhooks."""

    code = "permission_denied"
    default_detail = _("Only the shop's owner or a manager can manage its webhooks.")


class WebhookEndpointLimitReached(Conflict):
    """The merchant has as many endpoints as allowed (WEBHOOK_ENDPOINTS_PER_MERCHANT); carries `limit`."""

    code = "webhook_limit_reached"
    default_detail = _("This shop has as many webhook endpoints as allowed; delete one first.")
