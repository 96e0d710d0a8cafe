"""Reads of a merchant's webhook endpoints and their deliveries, for its owner and managers (the API and the
dashboard). Who may see them is merchants.selectors' rule (staff_role_require with MANAGING_ROLES)."""

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from accounts.models import User
from core.errors import DomainError
from merchants.models import MANAGING_ROLES
from merchants.selectors import staff_role_require
from webhooks.errors import WebhookDeliveryNotFound, WebhookEndpointNotFound, WebhookManageRefused
from webhooks.models import WebhookDelivery, WebhookEndpoint

# What a delivery row carries for the API and the dashboard; `webhook_id` is the message's `webhook-id` header.
DELIVERY_FIELDS = (
    "id",
    "status",
    "attempts",
    "last_status_code",
    "last_error",
    "last_attempt_at",
    "next_attempt_at",
    "created_at",
)
DELIVERY_VALUES = {"event_type": F("message__event_type"), "webhook_id": F("message__message_id")}


def webhook_manager_require(*, merchant_id: int, actor: User, outsider: DomainError | None = None) -> str:
    """The actor's role at the merchant if they may manage its webhooks (owner, manager); WebhookManageRefused for
    the other staff, and for anyone else too unless `outsider` (a NotFound) is given."""
    return staff_role_require(
        merchant_id=merchant_id,
        user_id=actor.pk,
        roles=MANAGING_ROLES,
        outsider=outsider,
        refused=WebhookManageRefused(),
    )


def webhook_endpoint_list(*, merchant_id: int, actor: User) -> QuerySet[WebhookEndpoint]:
    """The merchant's endpoints, oldest first (owners and managers; WebhookManageRefused for anyone else)."""
    webhook_manager_require(merchant_id=merchant_id, actor=actor)
    return WebhookEndpoint.objects.filter(merchant_id=merchant_id).order_by("id")


def webhook_endpoint_get(*, endpoint_id: int, actor: User) -> WebhookEndpoint:
    """One endpoint for an owner or manager of its merchant: WebhookEndpointNotFound for anyone who is not its staff
    (they are not told that it exists), WebhookManageRefused for its other staff (clerks)."""
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id).first()
    if endpoint is None:
        raise WebhookEndpointNotFound()
    webhook_manager_require(merchant_id=endpoint.merchant_id, actor=actor, outsider=WebhookEndpointNotFound())
    return endpoint


def webhook_delivery_page(
    *, endpoint: WebhookEndpoint, limit: int, below: int | None = None, above: int | None = None
) -> list[dict]:
    """Up to `limit` of the endpoint's deliveries newest first: the newest, those older than id `below`, or (paging
    back) the `limit` oldest of those newer than id `above`; as dicts (DELIVERY_FIELDS, event_type, webhook_id)."""
    deliveries = WebhookDelivery.objects.filter(endpoint_id=endpoint.pk).values(*DELIVERY_FIELDS, **DELIVERY_VALUES)
    if above is not None:
        return list(deliveries.filter(pk__gt=above).order_by("id")[:limit])[::-1]
    if below is not None:
        deliveries = deliveries.filter(pk__lt=below)
    return list(deliveries.order_by("-id")[:limit])


def webhook_delivery_get(*, endpoint: WebhookEndpoint, delivery_id: int) -> WebhookDelivery:
    """One delivery of the endpoint, or WebhookDeliveryNotFound (another endpoint's delivery too)."""
    delivery = WebhookDelivery.objects.select_related("message").filter(pk=delivery_id, endpoint=endpoint).first()
    if delivery is None:
        raise WebhookDeliveryNotFound()
    return delivery


def webhook_delivery_row(*, delivery_id: int) -> dict:
    """One delivery as the API renders it (the same columns as a page of deliveries)."""
    return WebhookDelivery.objects.filter(pk=delivery_id).values(*DELIVERY_FIELDS, **DELIVERY_VALUES).get()


def webhook_endpoints_with_deliveries(*, merchant_id: int, actor: User, recent: int = 20) -> list[dict]:
    """The merchant's endpoints oldest first, each as {endpoint, deliveries: its `recent` newest deliveries as dicts}:
    two queries whatever the number of endpoints (owners and managers; WebhookManageRefused for anyone else)."""
    endpoints = list(webhook_endpoint_list(merchant_id=merchant_id, actor=actor))
    newest = Window(RowNumber(), partition_by=[F("endpoint_id")], order_by=F("id").desc())
    rows = (
        WebhookDelivery.objects.filter(endpoint__merchant_id=merchant_id)
        .annotate(rank=newest)
        .filter(rank__lte=recent)
        .order_by("endpoint_id", "-id")
        .values("endpoint_id", *DELIVERY_FIELDS, **DELIVERY_VALUES)
    )
    by_endpoint: dict[int, list[dict]] = {endpoint.pk: [] for endpoint in endpoints}
    for row in rows:
        by_endpoint.setdefault(row["endpoint_id"], []).append(row)
    return [{"endpoint": endpoint, "deliveries": by_endpoint[endpoint.pk]} for endpoint in endpoints]


def webhook_endpoints_failing(*, merchant_id: int) -> list[WebhookEndpoint]:
    """The merchant's endpoints that were disabled because their deliveries kept failing, most recent first (what
    the dashboard warns about until someone enables, changes or deletes them)."""
    return list(
        WebhookEndpoint.objects.filter(
            merchant_id=merchant_id, enabled=False, disabled_reason=WebhookEndpoint.DisabledReason.FAILING
        ).order_by(F("disabled_at").desc(nulls_last=True), "-id")
    )
