"""Campaign statistics: the merchant-view record, and the hourly rollups that the statistics are read from.

The rollups are kept by `stats.rollups.rollups_fold` (a beat task): it folds the rows written since its last run into
per-hour counters and per-hour/per-day user bitmaps, so that a statistics request costs in proportion to the number of
buckets it covers, never to the number of check-ins. Hours and days are the merchant's local ones, stored as local
timestamps (without time zone); a merchant that changes its time zone has its rollups rebuilt by the next fold.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from coupons.models import Campaign
from merchants.models import Merchant

# One bitmap row holds this many users (1 KiB): a user's bit is `slot % CHUNK_BITS` in chunk `slot // CHUNK_BITS`.
CHUNK_BITS = 8192


class LocalTimestampField(models.DateTimeField):
    """A `timestamp without time zone`: a wall-clock hour or day of the merchant's time zone."""

    def db_type(self, connection):
        return "timestamp"


class BitsField(models.Field):
    """A fixed-width bit string, `bit(8192)`; read and written only in SQL (bit_or, bit_count, set_bit)."""

    def db_type(self, connection):
        return f"bit({CHUNK_BITS})"


class MerchantView(models.Model):
    """A signed-in user opened a merchant's detail: the first step of a campaign's funnel."""

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="+", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False)
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["merchant", "viewed_at"], name="stats_view_merchant_time")]


class FoldState(models.Model):
    """How far the rollups have read one source table: ids up to `watermark` (id sources) or times up to `folded_at`.

    `source = "fold"` carries the time of the last completed fold: the statistics are complete up to it.
    """

    source = models.CharField(max_length=40, primary_key=True)
    watermark = models.BigIntegerField(default=0)
    folded_at = models.DateTimeField(null=True, blank=True)


class FoldGap(models.Model):
    """An id below a source's watermark that was missing when it was read: a transaction still in flight (re-read by
    the next folds) or a rolled-back insert (forgotten after a while)."""

    pk = models.CompositePrimaryKey("source", "row_id")
    source = models.CharField(max_length=40)
    row_id = models.BigIntegerField()
    seen_at = models.DateTimeField(default=timezone.now)


class MerchantState(models.Model):
    """The time zone a merchant's rollups were built in; a different one on the merchant means a rebuild."""

    merchant = models.OneToOneField(Merchant, on_delete=models.CASCADE, primary_key=True, related_name="+")
    timezone = models.CharField(max_length=64)


class Member(models.Model):
    """A user who did something at a merchant (visit, view, coupon), with the bitmap slot that stands for them, and
    their first ever visit (new visitors) and whether a friend's shared check-in brought them (referred visitors)."""

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="+", db_index=False)
    user_id = models.BigIntegerField()
    slot = models.IntegerField()
    first_visit_at = models.DateTimeField(null=True, blank=True)
    referred = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["merchant", "user_id"], name="stats_member_unique_user"),
            models.UniqueConstraint(fields=["merchant", "slot"], name="stats_member_unique_slot"),
        ]


class MerchantHour(models.Model):
    """A merchant's counters for one local hour; social figures are counted at the hour of the check-in they are on."""

    pk = models.CompositePrimaryKey("merchant_id", "hour")
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="+", db_index=False)
    hour = LocalTimestampField()
    checkins = models.IntegerField(default=0)
    first_visits = models.IntegerField(default=0)
    referred = models.IntegerField(default=0)
    impressions = models.IntegerField(default=0)
    likes = models.IntegerField(default=0)
    comments = models.IntegerField(default=0)


class CampaignHour(models.Model):
    """A campaign's coupon counters for one local hour (issued, redeemed, expired at that hour), with the seconds from
    issue to redemption of each coupon redeemed in it (for the exact median)."""

    pk = models.CompositePrimaryKey("campaign_id", "hour")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+", db_index=False)
    hour = LocalTimestampField()
    issued = models.IntegerField(default=0)
    redeemed = models.IntegerField(default=0)
    expired = models.IntegerField(default=0)
    redeem_seconds = ArrayField(models.BigIntegerField(), default=list)


class Bitmap(models.Model):
    """The users (by slot) behind one figure in one local hour or day: ORed over a range, counted with bit_count, they
    give exact distinct counts over any range of whole hours. `owner_id` is the merchant's or the campaign's id,
    depending on `kind`."""

    class Kind(models.IntegerChoices):
        VISITORS = 1  # merchant: checked in
        VIEWERS = 2  # merchant: opened the detail
        ELIGIBLE_TREATED = 3  # campaign: met the trigger, not in the holdout
        ELIGIBLE_HOLDOUT = 4  # campaign: met the trigger, in the holdout
        REVISITED_TREATED = 5  # campaign: ... and checked in again within 30 days
        REVISITED_HOLDOUT = 6
        ISSUED = 7  # campaign: got a coupon
        REDEEMED = 8  # campaign: redeemed a coupon
        RETURNED = 9  # campaign: redeemed, then checked in again within 30 days

    pk = models.CompositePrimaryKey("kind", "owner_id", "grain", "bucket", "chunk")
    kind = models.SmallIntegerField(choices=Kind.choices)
    owner_id = models.BigIntegerField()
    grain = models.CharField(max_length=1, help_text="h: hour, d: day, w: week (from Monday)")
    bucket = LocalTimestampField()
    chunk = models.IntegerField()
    bits = BitsField()


class CouponShadow(models.Model):
    """What the rollups know of one coupon: enough to count its redemption and its expiry exactly once."""

    coupon_id = models.BigIntegerField(primary_key=True)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+", db_index=False)
    merchant_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)
    expired = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["expires_at"],
                condition=models.Q(redeemed_at__isnull=True, expired=False),
                name="stats_shadow_pending_expiry",
            ),
        ]


class SocialDeletion(models.Model):
    """A like or comment that was deleted (written by a database trigger on social_like and social_comment), so that
    the rollups take it off the counts."""

    source = models.CharField(max_length=10)
    row_id = models.BigIntegerField()
    checkin_id = models.BigIntegerField()
    deleted_at = models.DateTimeField(default=timezone.now)
