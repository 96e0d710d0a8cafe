from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from merchants.models import Merchant


class Campaign(models.Model):
    """A merchant's coupon event: who gets a coupon (trigger), how many (stock, per-user limit) and when."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled"
        RUNNING = "running"
        PAUSED = "paused"
        ENDED = "ended"
        SOLD_OUT = "sold_out"

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="campaigns")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True, max_length=2000)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    # {"type": "every_checkin" | "first_visit" | "nth_visit" (+visits) | "with_friends" (+friends, window_minutes)}
    trigger = models.JSONField()
    total_stock = models.PositiveIntegerField(null=True, blank=True)
    issued_count = models.PositiveIntegerField(default=0)
    per_user_limit = models.PositiveIntegerField(default=1)
    coupon_valid_days = models.PositiveIntegerField(default=7)
    daily_start_time = models.TimeField(null=True, blank=True)
    daily_end_time = models.TimeField(null=True, blank=True)
    holdout_percent = models.PositiveSmallIntegerField(default=0)
    paused_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="campaign_ends_after_start"),
            models.CheckConstraint(
                condition=Q(total_stock__isnull=True) | Q(total_stock__gt=0), name="campaign_stock_positive"
            ),
            # The truth behind "never oversold": a conditional UPDATE that would pass the stock fails here.
            models.CheckConstraint(
                condition=Q(total_stock__isnull=True) | Q(issued_count__lte=F("total_stock")),
                name="campaign_not_oversold",
            ),
            models.CheckConstraint(condition=Q(per_user_limit__gte=1), name="campaign_per_user_limit_positive"),
            models.CheckConstraint(condition=Q(coupon_valid_days__gte=1), name="campaign_valid_days_positive"),
            models.CheckConstraint(
                condition=Q(holdout_percent__gte=0) & Q(holdout_percent__lte=50), name="campaign_holdout_range"
            ),
            models.CheckConstraint(
                condition=Q(daily_start_time__isnull=True, daily_end_time__isnull=True)
                | Q(daily_start_time__isnull=False, daily_end_time__isnull=False),
                name="campaign_daily_hours_both_or_none",
            ),
        ]
        indexes = [models.Index(fields=["merchant", "ends_at"])]

    def __str__(self):
        return self.title

    def status_at(self, now=None) -> str:
        """The computed status; ended wins over paused, paused over scheduled, sold out is a running campaign's."""
        now = now or timezone.now()
        if self.ended_at is not None or now >= self.ends_at:
            return self.Status.ENDED
        if self.paused_at is not None:
            return self.Status.PAUSED
        if now < self.starts_at:
            return self.Status.SCHEDULED
        if self.total_stock is not None and self.issued_count >= self.total_stock:
            return self.Status.SOLD_OUT
        return self.Status.RUNNING

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def remaining_stock(self) -> int | None:
        return None if self.total_stock is None else self.total_stock - self.issued_count
