"""What the dashboard's pages read: the statistics with what each page shows around them (the campaign, the merchant,
the user's role). Every staff check is merchants.selectors'."""

from datetime import date

from coupons.errors import CampaignNotFound
from coupons.models import Campaign
from merchants.errors import MerchantNotFound
from merchants.selectors import (
    merchant_get,
    merchant_list_for_staff,
    staff_role_get,
    staff_role_manages,
    staff_role_require,
)
from stats.campaign_stats import campaign_stats
from stats.overview import merchant_stats_overview


def staff_overview(*, user_id: int) -> list[dict]:
    """Every merchant the user works for, each with its campaigns' headline figures (merchant_stats_overview) and
    whether the user may manage it."""
    overviews = [
        merchant_stats_overview(merchant_id=merchant_id, user_id=user_id)
        for merchant_id in merchant_list_for_staff(user_id=user_id).values_list("id", flat=True)
    ]
    return [{**overview, "can_manage": staff_role_manages(overview["role"])} for overview in overviews]


def campaign_dashboard(
    *,
    campaign_id: int,
    user_id: int,
    from_: date | None = None,
    to: date | None = None,
    bucket: str = "day",
) -> dict:
    """A campaign's statistics with what its page shows around them: the campaign, its merchant and the user's role."""
    stats = campaign_stats(campaign_id=campaign_id, user_id=user_id, from_=from_, to=to, bucket=bucket)
    campaign = Campaign.objects.select_related("merchant").get(pk=campaign_id)
    role = staff_role_get(merchant_id=campaign.merchant_id, user_id=user_id)
    return {"stats": stats, "campaign": campaign, "merchant": campaign.merchant, "role": role}


def merchant_for_staff(*, merchant_id: int, user_id: int) -> dict:
    """A merchant and the user's role there; MerchantNotFound for anyone who is not its staff."""
    merchant = merchant_get(merchant_id=merchant_id)
    role = staff_role_require(merchant_id=merchant_id, user_id=user_id, outsider=MerchantNotFound())
    return {"merchant": merchant, "role": role, "can_manage": staff_role_manages(role)}


def campaign_for_staff(*, campaign_id: int, user_id: int) -> dict:
    """A campaign with its merchant and the user's role there; CampaignNotFound for anyone who is not its staff."""
    campaign = Campaign.objects.select_related("merchant").filter(pk=campaign_id).first()
    if campaign is None:
        raise CampaignNotFound()
    role = staff_role_require(merchant_id=campaign.merchant_id, user_id=user_id, outsider=CampaignNotFound())
    return {"campaign": campaign, "merchant": campaign.merchant, "role": role, "can_manage": staff_role_manages(role)}
