"""A merchant's webhook endpoints: add one, change it (URL, events, description, enabled), delete it, rotate its
secret; send it a test event and redeliver a delivery (owners and managers of the merchant). How events are made,
signed and sent is webhooks.delivery's; which addresses may receive them is webhooks.addresses'.

A rotated secret signs every attempt from then on (retries of older messages included), and for
WEBHOOK_SECRET_GRACE_HOURS the old secret signs them too, as a second signature in `webhook-signature`: a receiver
that still checks the old secret keeps accepting events until it is switched to the new one.
"""

import base64
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import ValidationFailed
from merchants.models import Merchant
from webhooks import delivery
from webhooks.addresses import webhook_url_check
from webhooks.errors import WebhookEndpointLimitReached, WebhookEndpointNotFound
from webhooks.models import SUBSCRIBABLE_EVENTS, WebhookDelivery, WebhookEndpoint
from webhooks.selectors import webhook_delivery_get, webhook_endpoint_get, webhook_manager_require

# Enough for a POS, a CRM and a few more; each endpoint costs a request per event, so the list is kept short.
WEBHOOK_ENDPOINTS_PER_MERCHANT = 10
URL_MAX_LENGTH = WebhookEndpoint._meta.get_field("url").max_length or 2000
DESCRIPTION_MAX_LENGTH = WebhookEndpoint._meta.get_field("description").max_length or 200
SECRET_PREFIX = "whsec_"  # noqa: S105 (Standard Webhooks' prefix, not a secret)
SECRET_BYTES = 32
_URL_SYNTAX = URLValidator(schemes=["http", "https"])


def webhook_secret_new() -> str:
    """A new signing secret as Standard Webhooks writes it: "whsec_" + base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def webhook_events_clean(events: Any) -> list[str]:
    """A non-empty list of distinct subscribable events, in the order SUBSCRIBABLE_EVENTS lists them; otherwise
    ValidationFailed naming `events`."""
    if not isinstance(events, list | tuple) or not events:
        raise ValidationFailed(errors={"events": [_("Choose at least one event.")]})
    if any(event not in SUBSCRIBABLE_EVENTS for event in events):
        message = _("Not an event you can subscribe to; choose from: %(events)s.") % {
            "events": ", ".join(SUBSCRIBABLE_EVENTS)
        }
        raise ValidationFailed(errors={"events": [message]})
    if len(set(events)) != len(events):
        raise ValidationFailed(errors={"events": [_("Each event may be listed only once.")]})
    return [event for event in SUBSCRIBABLE_EVENTS if event in events]


def webhook_url_clean(url: Any) -> str:
    """An absolute http(s) URL of at most URL_MAX_LENGTH characters that may receive webhooks (webhook_url_check:
    never an address of our own network); otherwise ValidationFailed naming `url`, or WebhookUrlNotAllowed."""
    if not isinstance(url, str) or not url.strip():
        raise ValidationFailed(errors={"url": [_("Enter the address that should receive the events.")]})
    url = url.strip()
    if len(url) > URL_MAX_LENGTH:
        message = _("At most %(max)d characters.") % {"max": URL_MAX_LENGTH}
        raise ValidationFailed(errors={"url": [message]})
    try:
        _URL_SYNTAX(url)
    except DjangoValidationError:
        raise ValidationFailed(
            errors={"url": [_("Enter a full web address starting with https:// (or http://).")]}
        ) from None
    webhook_url_check(url)
    return url


def _description_clean(description: Any) -> str:
    if not isinstance(description, str):
        raise ValidationFailed(errors={"description": [_("A text is required.")]})
    description = description.strip()
    if len(description) > DESCRIPTION_MAX_LENGTH:
        message = _("At most %(max)d characters.") % {"max": DESCRIPTION_MAX_LENGTH}
        raise ValidationFailed(errors={"description": [message]})
    return description


@transaction.atomic
def webhook_endpoint_create(
    *, merchant: Merchant, actor: User, url: str, events: list[str], description: str = ""
) -> tuple[WebhookEndpoint, str]:
    """Add an endpoint to a merchant (owners and managers, at most WEBHOOK_ENDPOINTS_PER_MERCHANT); returns it with
    its secret, which is shown this once."""
    webhook_manager_require(merchant_id=merchant.pk, actor=actor)
    values = {
        "url": webhook_url_clean(url),
        "events": webhook_events_clean(events),
        "description": _description_clean(description),
    }
    # The merchant's row lock makes concurrent additions count one after another, so the cap holds.
    Merchant.objects.select_for_update().filter(pk=merchant.pk).first()
    if WebhookEndpoint.objects.filter(merchant_id=merchant.pk).count() >= WEBHOOK_ENDPOINTS_PER_MERCHANT:
        raise WebhookEndpointLimitReached(limit=WEBHOOK_ENDPOINTS_PER_MERCHANT)
    secret = webhook_secret_new()
    endpoint = WebhookEndpoint.objects.create(merchant=merchant, created_by=actor, secret=secret, **values)
    endpoint.refresh_from_db()  # the database's defaults (enabled, created_at, ...)
    return endpoint, secret


def _endpoint_for_change(*, endpoint_id: int, actor: User) -> WebhookEndpoint:
    """The endpoint, locked against the deliveries' own changes (failure counts, disabling), for an owner or manager
    of its merchant."""
    endpoint = WebhookEndpoint.objects.select_for_update().filter(pk=endpoint_id).first()
    if endpoint is None:
        raise WebhookEndpointNotFound()
    webhook_manager_require(merchant_id=endpoint.merchant_id, actor=actor, outsider=WebhookEndpointNotFound())
    return endpoint


def _enabled_set(endpoint: WebhookEndpoint, enabled: bool, now) -> list[str]:
    """Enable (clearing why and since when it was off, and its failures) or disable by a person; the changed
    fields."""
    if enabled:
        if endpoint.enabled:
            return []
        endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at = True, "", None
        endpoint.consecutive_failures, endpoint.failing_since = 0, None
        return ["enabled", "disabled_reason", "disabled_at", "consecutive_failures", "failing_since"]
    if endpoint.disabled_reason == WebhookEndpoint.DisabledReason.BY_USER:
        return []
    # Disabling one that was turned off for failing acknowledges it: the failure notice goes.
    endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at = (
        False,
        WebhookEndpoint.DisabledReason.BY_USER,
        now,
    )
    return ["enabled", "disabled_reason", "disabled_at"]


@transaction.atomic
def webhook_endpoint_update(*, endpoint_id: int, actor: User, data: dict) -> WebhookEndpoint:
    """Change an endpoint's `url`, `events`, `description` or `enabled` (any of them; owners and managers).

    Enabling a disabled endpoint clears why it was disabled and its failure count; disabling it records "by_user".
    A new URL is a new receiver: the failures of the old one no longer count."""
    endpoint = _endpoint_for_change(endpoint_id=endpoint_id, actor=actor)
    now = timezone.now()
    changed: list[str] = []
    if "url" in data and (url := webhook_url_clean(data["url"])) != endpoint.url:
        endpoint.url, endpoint.consecutive_failures, endpoint.failing_since = url, 0, None
        changed += ["url", "consecutive_failures", "failing_since"]
    if "events" in data:
        endpoint.events = webhook_events_clean(data["events"])
        changed.append("events")
    if "description" in data:
        endpoint.description = _description_clean(data["description"])
        changed.append("description")
    if "enabled" in data:
        if not isinstance(data["enabled"], bool):
            raise ValidationFailed(errors={"enabled": [_("Must be true or false.")]})
        changed += _enabled_set(endpoint, data["enabled"], now)
    if changed:
        endpoint.updated_at = now
        endpoint.save(update_fields=sorted({*changed, "updated_at"}))
    return endpoint


@transaction.atomic
def webhook_endpoint_delete(*, endpoint_id: int, actor: User) -> None:
    """Delete an endpoint with its deliveries (owners and managers); nothing more is sent to it."""
    _endpoint_for_change(endpoint_id=endpoint_id, actor=actor).delete()


@transaction.atomic
def webhook_endpoint_secret_rotate(*, endpoint_id: int, actor: User) -> str:
    """Give an endpoint a new secret and return it (shown this once; owners and managers). Every later attempt is
    signed with it, and for WEBHOOK_SECRET_GRACE_HOURS with the old one as well (a second signature), so the receiver
    can switch secrets without refusing events; rotating again in that time ends the older secret's grace."""
    endpoint = _endpoint_for_change(endpoint_id=endpoint_id, actor=actor)
    now = timezone.now()
    endpoint.previous_secret, endpoint.secret = endpoint.secret, webhook_secret_new()
    endpoint.previous_secret_until = now + timedelta(hours=settings.WEBHOOK_SECRET_GRACE_HOURS)
    endpoint.updated_at = now
    endpoint.save(update_fields=["secret", "previous_secret", "previous_secret_until", "updated_at"])
    return endpoint.secret


def webhook_endpoint_test(*, endpoint_id: int, actor: User) -> WebhookDelivery:
    """Send the endpoint a `webhook.test` event now (owners and managers); its delivery, pending until it is tried."""
    endpoint = webhook_endpoint_get(endpoint_id=endpoint_id, actor=actor)
    return delivery.webhook_test_send(endpoint=endpoint)


def webhook_delivery_resend(*, endpoint_id: int, delivery_id: int, actor: User) -> WebhookDelivery:
    """Send one of the endpoint's deliveries again, the same message under the same `webhook-id` (owners and
    managers)."""
    endpoint = webhook_endpoint_get(endpoint_id=endpoint_id, actor=actor)
    found = webhook_delivery_get(endpoint=endpoint, delivery_id=delivery_id)
    return delivery.webhook_delivery_redeliver(delivery=found)
