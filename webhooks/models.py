"""Merchants' webhook endpoints, the events sent to them (messages) and each endpoint's delivery of each message."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now


class EventType(models.TextChoices):
    """What a merchant can subscribe to (API.md, "Wave 2: webhooks"); `webhook.test` is sent on request only."""

    CHECKIN_CREATED = "checkin.created"
    COUPON_ISSUED = "coupon.issued"
    COUPON_REDEEMED = "coupon.redeemed"
    COUPON_VOIDED = "coupon.voided"
    CAMPAIGN_SOLD_OUT = "campaign.sold_out"
    CAMPAIGN_ENDED = "campaign.ended"
    WEBHOOK_TEST = "webhook.test"


# The events an endpoint may subscribe to (webhook.test goes to the endpoint it was asked for, whatever it holds).
SUBSCRIBABLE_EVENTS = tuple(value for value in EventType.values if value != EventType.WEBHOOK_TEST)


class WebhookEndpoint(models.Model):
    """A URL of a merchant's other system (a POS, a CRM) that receives signed events."""

    class DisabledReason(models.TextChoices):
        NONE = "", "enabled"
        BY_USER = "by_user"
        FAILING = "failing"

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="webhook_endpoints")
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=200, blank=True, db_default="")
    events = ArrayField(models.CharField(max_length=40))
    # "whsec_" + base64 of 32 random bytes (Standard Webhooks); kept to sign, shown to people only when made.
    secret = models.CharField(max_length=100)
    # After a rotation the old secret also signs (a second signature) until `previous_secret_until`, so that the
    # receiver can switch to the new one without refusing events meanwhile (Standard Webhooks allows several).
    previous_secret = models.CharField(max_length=100, blank=True, db_default="")
    previous_secret_until = models.DateTimeField(null=True, blank=True)
    enabled = models.BooleanField(db_default=True)
    disabled_reason = models.CharField(max_length=20, choices=DisabledReason.choices, blank=True, db_default="")
    disabled_at = models.DateTimeField(null=True, blank=True)
    # Attempts that failed in a row and when the first of them failed (any success resets both): the endpoint is
    # disabled once the run reaches WEBHOOK_DISABLE_AFTER_FAILURES and has lasted WEBHOOK_DISABLE_AFTER_HOURS.
    consecutive_failures = models.IntegerField(db_default=0)
    failing_since = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(db_default=Now())
    updated_at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [
            # Emission asks "which enabled endpoints of this merchant want this event": one index probe.
            models.Index(fields=["merchant"], condition=Q(enabled=True), name="webhook_endpoint_enabled_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(enabled=True, disabled_reason="") | Q(enabled=False) & ~Q(disabled_reason=""),
                name="webhook_endpoint_disabled_has_reason",
            ),
            # At least one event, each one a merchant may subscribe to (the service says which is wrong; this holds).
            models.CheckConstraint(
                condition=Q(events__contained_by=list(SUBSCRIBABLE_EVENTS)) & Q(events__len__gt=0),
                name="webhook_endpoint_events_subscribable",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.merchant_id})"


class WebhookMessage(models.Model):
    """One event as sent: its body is fixed when the event happens, and every delivery and retry sends the same
    bytes under the same `webhook-id`."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    # The `webhook-id` header: "msg_" + a random 128-bit id in hex; the same on every attempt and redelivery.
    message_id = models.CharField(max_length=40, unique=True)
    payload = models.JSONField()  # {"type", "timestamp", "data"}
    # Events that must be announced once (a campaign's end) carry a key; a second emission is a no-op.
    dedupe_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(db_default=Now())

    def __str__(self) -> str:
        return f"{self.event_type} {self.message_id}"


class WebhookDelivery(models.Model):
    """One endpoint's delivery of one message: attempts with backoff until a 2xx, or failed after the last."""

    class Status(models.TextChoices):
        PENDING = "pending"
        SUCCEEDED = "succeeded"
        FAILED = "failed"

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    message = models.ForeignKey(WebhookMessage, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, db_default=Status.PENDING)
    attempts = models.IntegerField(db_default=0)
    last_status_code = models.IntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True, db_default="")
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # When the next attempt is due (pending only); a worker claims an attempt by moving it forward by a lease.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "message"], name="webhook_delivery_once_per_endpoint"),
            models.CheckConstraint(
                condition=Q(status="pending", next_attempt_at__isnull=False) | ~Q(status="pending"),
                name="webhook_delivery_pending_is_scheduled",
            ),
        ]
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(status="pending"), name="webhook_delivery_due_idx"),
            models.Index(fields=["endpoint", "-id"], name="webhook_delivery_endpoint_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} -> {self.endpoint_id}: {self.status}"
