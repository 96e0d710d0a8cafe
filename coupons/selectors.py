from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from coupons.eligibility import within_daily_hours
from coupons.errors import CampaignListRefused, CampaignNotFound
from coupons.models import Campaign, Coupon
from coupons.status import CAMPAIGN_RUNNING, COUPON_ACTIVE
from merchants.selectors import merchant_get, staff_role_require

# Campaign.status_at(...) == "running" as SQL, for campaign rows aliased `c` (the rule: coupons.status).
RUNNING_CAMPAIGN_SQL = CAMPAIGN_RUNNING.sql(alias="c", now="now()")


def campaign_running_q(now=None) -> Q:
    """Running campaigns as an ORM filter (the rule: coupons.status)."""
    return CAMPAIGN_RUNNING.q(Campaign.Status.RUNNING, now or timezone.now())


def campaign_list_running(*, merchant_id: int) -> list[Campaign]:
    """A merchant's running campaigns, oldest first."""
    return list(Campaign.objects.filter(campaign_running_q(), merchant_id=merchant_id).order_by("id"))


def merchant_public_get(*, merchant_id: int):
    """A merchant with its running campaigns (the public detail view)."""
    merchant = merchant_get(merchant_id=merchant_id)
    merchant.running_campaigns = campaign_list_running(merchant_id=merchant_id)  # type: ignore[attr-defined]
    return merchant


# The running campaigns of the merchant aliased `m` in the caller's query, as one JSON array: the check-in fetches
# them together with the anti-cheat facts in a single round trip.
RUNNING_CAMPAIGNS_JSON_SQL = f"""
    SELECT coalesce(json_agg(json_build_object(
        'id', c.id, 'title', c.title, 'trigger', c.trigger, 'starts_at', c.starts_at,
        'holdout_percent', c.holdout_percent, 'daily_start_time', c.daily_start_time,
        'daily_end_time', c.daily_end_time) ORDER BY c.id), '[]'::json)
    FROM coupons_campaign c WHERE c.merchant_id = m.id AND {RUNNING_CAMPAIGN_SQL}
"""


@dataclass(frozen=True)
class IssuingCampaign:
    """A running campaign inside its daily hours, as issuance reads it."""

    id: int
    merchant_id: int
    title: str
    trigger: dict
    starts_at: datetime
    holdout_percent: int

    @property
    def pk(self) -> int:
        return self.id


def campaigns_issuing_from_json(*, rows: list[dict], merchant_id: int, timezone_name: str, at) -> list[IssuingCampaign]:
    """The campaigns of a RUNNING_CAMPAIGNS_JSON_SQL array that are inside their daily hours at `at`."""
    campaigns = []
    for row in rows:
        start = time.fromisoformat(row["daily_start_time"]) if row["daily_start_time"] else None
        end = time.fromisoformat(row["daily_end_time"]) if row["daily_end_time"] else None
        if within_daily_hours(start=start, end=end, at=at, timezone_name=timezone_name):
            campaigns.append(
                IssuingCampaign(
                    id=row["id"],
                    merchant_id=merchant_id,
                    title=row["title"],
                    trigger=row["trigger"],
                    starts_at=datetime.fromisoformat(row["starts_at"]),
                    holdout_percent=row["holdout_percent"],
                )
            )
    return campaigns


def campaign_list_issuing(*, merchant_id: int, at=None) -> list[IssuingCampaign]:
    """The merchant's campaigns that issue coupons at `at`: running, and inside their daily hours (merchant time)."""
    at = at or timezone.now()
    campaigns = Campaign.objects.filter(campaign_running_q(at), merchant_id=merchant_id).annotate(
        merchant_timezone=F("merchant__timezone")
    )
    return [
        IssuingCampaign(
            id=campaign.pk,
            merchant_id=campaign.merchant_id,
            title=campaign.title,
            trigger=campaign.trigger,
            starts_at=campaign.starts_at,
            holdout_percent=campaign.holdout_percent,
        )
        for campaign in campaigns.order_by("id")
        if within_daily_hours(
            start=campaign.daily_start_time,
            end=campaign.daily_end_time,
            at=at,
            timezone_name=campaign.merchant_timezone,
        )
    ]


def campaign_list_for_merchant(*, merchant_id: int, user_id: int) -> QuerySet[Campaign]:
    """A merchant's campaigns, newest first, for any of its staff (PermissionDenied for anyone else)."""
    staff_role_require(merchant_id=merchant_id, user_id=user_id, refused=CampaignListRefused())
    return Campaign.objects.filter(merchant_id=merchant_id).order_by("-id")


def campaign_get_for_staff(*, campaign_id: int, user_id: int) -> Campaign:
    """One campaign for any staff of its merchant; NotFound for everyone else (who may not know it exists)."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        raise CampaignNotFound()
    staff_role_require(merchant_id=campaign.merchant_id, user_id=user_id, refused=CampaignNotFound())
    return campaign


def coupon_list_for_user(*, user_id: int, status: str | None = None, now=None) -> QuerySet:
    """The user's coupons, newest first, as dicts; `status` (active, redeemed, expired) reads expires_at, so a coupon
    is expired from its expiry on whether or not the expiry task has run."""
    coupons = Coupon.objects.filter(user_id=user_id)
    if status in Coupon.Status.values:
        coupons = coupons.filter(COUPON_ACTIVE.q(status, now or timezone.now()))
    return coupons.order_by("-issued_at", "-id").values(
        "id",
        "code",
        "campaign_id",
        "merchant_id",
        "issued_at",
        "expires_at",
        "redeemed_at",
        "expired_at",
        title=F("campaign__title"),
        merchant_name=F("merchant__name"),
    )


def coupon_status(row: dict, now=None) -> str:
    """The status of a coupon row from coupon_list_for_user (the rule: coupons.status, as Coupon.status_at)."""
    return Coupon.Status(COUPON_ACTIVE.status_of(row.get, now or timezone.now()))
