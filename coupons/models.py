from functools import partial

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from core.dates import AFTER_LATEST_INSTANT, EARLIEST_INSTANT
from coupons.limits import COUPON_VALID_DAYS, HOLDOUT_PERCENT, PER_USER_LIMIT
from coupons.status import CAMPAIGN_RUNNING, COUPON_ACTIVE
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
    # {"en": {"title": "...", "description": "..."}, "ja": {...}}: reads fall back to the original per field.
    translations = models.JSONField(default=dict, db_default={}, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="campaign_ends_after_start"),
            models.CheckConstraint(
                condition=Q(starts_at__gte=EARLIEST_INSTANT, ends_at__lt=AFTER_LATEST_INSTANT),
                name="campaign_dates_supported",
            ),
            models.CheckConstraint(
                condition=Q(total_stock__isnull=True) | Q(total_stock__gt=0), name="campaign_stock_positive"
            ),
            # The truth behind "never oversold": a conditional UPDATE that would pass the stock fails here.
            models.CheckConstraint(
                condition=Q(total_stock__isnull=True) | Q(issued_count__lte=F("total_stock")),
                name="campaign_not_oversold",
            ),
            # The limits' ranges (coupons/limits.py): the truths below the messages.
            models.CheckConstraint(
                condition=Q(per_user_limit__gte=PER_USER_LIMIT.low) & Q(per_user_limit__lte=PER_USER_LIMIT.high),
                name="campaign_per_user_limit_range",
            ),
            models.CheckConstraint(
                condition=Q(coupon_valid_days__gte=COUPON_VALID_DAYS.low)
                & Q(coupon_valid_days__lte=COUPON_VALID_DAYS.high),
                name="campaign_valid_days_range",
            ),
            models.CheckConstraint(
                condition=Q(holdout_percent__gte=HOLDOUT_PERCENT.low) & Q(holdout_percent__lte=HOLDOUT_PERCENT.high),
                name="campaign_holdout_range",
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
        """The computed status (the rule: coupons.status.CAMPAIGN_RUNNING)."""
        return self.Status(CAMPAIGN_RUNNING.status_of(partial(getattr, self), now or timezone.now()))

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def remaining_stock(self) -> int | None:
        return None if self.total_stock is None else self.total_stock - self.issued_count


class Coupon(models.Model):
    """A coupon issued to a user by a campaign; redeemed at most once, at the issuing merchant, before it expires.

    `checkin` is the visit that earned it. Check-ins live in a higher layer (checkins -> coupons): the foreign key
    names its model by string, so the database holds the invariant while the coupons package imports nothing of it.
    """

    class Status(models.TextChoices):
        ACTIVE = "active"
        REDEEMED = "redeemed"
        EXPIRED = "expired"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="coupons")
    # Denormalised from the campaign so that the counter can find a code by (merchant, code) in one index probe.
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="coupons")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coupons")
    code = models.CharField(max_length=16, unique=True)
    # A coupon outlives the check-in that earned it (a deleted check-in leaves the coupon in the wallet).
    checkin = models.ForeignKey(
        "checkins.Checkin", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=True
    )
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set by the expiry task; the status reads expires_at, so a coupon is expired even before the task ran.
    expired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(expires_at__gt=F("issued_at")), name="coupon_expires_after_issue"),
            models.CheckConstraint(
                condition=Q(redeemed_at__isnull=True) | Q(expired_at__isnull=True), name="coupon_redeemed_or_expired"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "-issued_at"], name="coupon_user_issued"),
            models.Index(fields=["campaign", "issued_at"], name="coupon_campaign_issued"),
            models.Index(
                fields=["expires_at"],
                condition=Q(redeemed_at__isnull=True, expired_at__isnull=True),
                name="coupon_pending_expiry",
            ),
        ]

    def __str__(self):
        return self.code

    def status_at(self, now=None) -> str:
        """Redeemed, expired (from expires_at, whether or not the expiry task ran) or active (coupons.status)."""
        return self.Status(COUPON_ACTIVE.status_of(partial(getattr, self), now or timezone.now()))

    @property
    def status(self) -> str:
        return self.status_at()


class CampaignUserCount(models.Model):
    """How many coupons a campaign has issued to one user: the row a conditional upsert guards per_user_limit with."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    issued = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="campaign_user_count_unique"),
        ]


class CampaignEligibility(models.Model):
    """A user met a campaign's trigger on a visit: treated (coupon, or none when stock or limit ran out) or holdout.

    One row per (campaign, user, check-in): the statistics compare revisits of treated and holdout users from it.
    `checkin` is the eligible user's own visit (for a group unlock, the friend's recent check-in), a foreign key by
    string as Coupon.checkin.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="eligibilities")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Indexed (beside the unique constraint, which leads with the campaign) so that deleting a check-in finds its rows.
    checkin = models.ForeignKey("checkins.Checkin", on_delete=models.CASCADE, related_name="+", db_index=True)
    in_holdout = models.BooleanField(default=False)
    coupon = models.OneToOneField(Coupon, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user", "checkin"], name="campaign_eligibility_unique"),
        ]
        indexes = [models.Index(fields=["campaign", "created_at"], name="campaign_eligibility_time")]


class Redemption(models.Model):
    """One redemption of a coupon at the counter; voided within the void window, the coupon is active again.

    The coupon's own `redeemed_at`/`redeemed_by` mirror its standing (unvoided) redemption, so every reader of a
    coupon's status keeps reading the coupon; this table keeps the history, voids included.
    """

    coupon = models.ForeignKey(Coupon, on_delete=models.CASCADE, related_name="redemptions")
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="+")
    redeemed_at = models.DateTimeField(default=timezone.now)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            # Exactly once: a coupon has at most one standing redemption, whatever runs concurrently.
            models.UniqueConstraint(
                fields=["coupon"], condition=Q(voided_at__isnull=True), name="redemption_one_standing_per_coupon"
            ),
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True) | Q(voided_at__gte=F("redeemed_at")),
                name="redemption_voided_after_redeemed",
            ),
        ]
        indexes = [
            models.Index(fields=["merchant", "redeemed_at"], name="redemption_merchant_time"),
            models.Index(fields=["voided_at"], condition=Q(voided_at__isnull=False), name="redemption_voided"),
        ]
