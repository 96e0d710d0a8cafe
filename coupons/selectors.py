from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from core.translations import translated_expression
from coupons.eligibility import within_daily_hours
from coupons.errors import CampaignListRefused, CampaignNotFound, RedemptionNotFound, WalletCouponNotFound
from coupons.models import Campaign, Coupon, Redemption
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
        # In the request's language where translated, else the original (core/translations.py).
        title=translated_expression("title", prefix="campaign__"),
        merchant_name=translated_expression("name", prefix="merchant__"),
    )


def coupon_get_for_user(*, coupon_id: int, user_id: int) -> dict:
    """One coupon of the user's wallet, as a row of coupon_list_for_user; WalletCouponNotFound when the user has no
    coupon with this id (whether or not someone else has)."""
    row = coupon_list_for_user(user_id=user_id).filter(pk=coupon_id).first()
    if row is None:
        raise WalletCouponNotFound()
    return row


def coupon_status(row: dict, now=None) -> str:
    """The status of a coupon row from coupon_list_for_user (the rule: coupons.status, as Coupon.status_at)."""
    return Coupon.Status(COUPON_ACTIVE.status_of(row.get, now or timezone.now()))


# One redemption row, flat: the columns redemption_list_for_day reads in its one query and nests.
_REDEMPTION_COLUMNS = {
    "coupon_code": F("coupon__code"),
    "holder_id": F("coupon__user_id"),
    "holder_display_name": F("coupon__user__display_name"),
    "holder_username": F("coupon__user__username"),
    "redeemer_display_name": F("redeemed_by__display_name"),
    "redeemer_username": F("redeemed_by__username"),
    "voider_display_name": F("voided_by__display_name"),
    "voider_username": F("voided_by__username"),
}


def _person(person_id: int | None, display_name: str | None, username: str | None) -> dict | None:
    """{id, display_name} (the display name, else the username), or None for nobody."""
    if person_id is None:
        return None
    return {"id": person_id, "display_name": display_name or username}


def _redemption_row(row: Mapping[str, Any]) -> dict:
    return {
        "id": row["id"],
        "coupon": {"id": row["coupon_id"], "code": row["coupon_code"], "title": row["coupon_title"]},
        "user": _person(row["holder_id"], row["holder_display_name"], row["holder_username"]),
        "redeemed_at": row["redeemed_at"],
        "redeemed_by": _person(row["redeemed_by_id"], row["redeemer_display_name"], row["redeemer_username"]),
        "voided_at": row["voided_at"],
        "voided_by": _person(row["voided_by_id"], row["voider_display_name"], row["voider_username"]),
    }


def _redemption_rows(**filters) -> list[dict]:
    """Redemption rows matching `filters`, newest first, from one query."""
    rows = (
        Redemption.objects.filter(**filters)
        .order_by("-redeemed_at", "-id")
        .values(
            "id",
            "coupon_id",
            "redeemed_at",
            "redeemed_by_id",
            "voided_at",
            "voided_by_id",
            # Per request: the campaign title in the language of the request.
            coupon_title=translated_expression("title", prefix="coupon__campaign__"),
            **_REDEMPTION_COLUMNS,
        )
    )
    return [_redemption_row(row) for row in rows]


def redemption_list_for_day(*, merchant_id: int, user_id: int, day: date | None = None) -> list[dict]:
    """A merchant's redemptions of one local day (its time zone; default today there), newest first, voided ones
    included; for any of its staff. Rows: {id, coupon {id, code, title}, user {id, display_name}, redeemed_at,
    redeemed_by {id, display_name}, voided_at, voided_by {id, display_name} | None}."""
    zone = ZoneInfo(merchant_get(merchant_id=merchant_id).timezone)
    staff_role_require(merchant_id=merchant_id, user_id=user_id)
    day = day or timezone.now().astimezone(zone).date()
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return _redemption_rows(merchant_id=merchant_id, redeemed_at__gte=start, redeemed_at__lt=end)


def redemption_row_get(*, merchant_id: int, redemption_id: int) -> dict:
    """One redemption of the merchant as a row of redemption_list_for_day (the caller has checked the role)."""
    rows = _redemption_rows(merchant_id=merchant_id, pk=redemption_id)
    if not rows:
        raise RedemptionNotFound()
    return rows[0]
