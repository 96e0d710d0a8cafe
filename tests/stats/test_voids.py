"""Statistics stay exact when redemptions are voided: redeem -> fold -> void -> fold -> redeem again -> fold, and at
every step every figure equals the plain SQL recomputation (tests/stats/oracle.py), the redeemed counters, the
seconds behind the median, the redeemed and returned users."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coupons.models import Redemption
from coupons.redemption import coupon_redeem, redemption_void
from stats.campaign_stats import campaign_stats
from stats.services import rollups_fold
from tests import factories
from tests.stats import oracle
from tests.stats.test_oracle import assert_stats_match_raw

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    """A campaign with five coupons: ann holds two issued at the same moment (equal seconds to redeem), bo, cy and
    di one each; ann and bo come back after redeeming (returned)."""
    start = timezone.now().replace(microsecond=0) - timedelta(hours=3)
    campaign = factories.CampaignFactory(starts_at=start - timedelta(days=2), merchant__timezone="Asia/Seoul")
    owner = factories.MerchantStaffFactory(merchant=campaign.merchant, role="owner").user
    people = {name: factories.UserFactory(username=name) for name in ("ann", "bo", "cy", "di")}
    issued = start - timedelta(hours=5)
    coupons = {
        key: factories.CouponFactory(
            campaign=campaign, user=people[key[:-1] if key[-1].isdigit() else key], issued_at=issued
        )
        for key in ("ann1", "ann2", "bo", "cy", "di")
    }
    for name in ("ann", "bo"):
        factories.CheckinFactory(merchant=campaign.merchant, user=people[name], created_at=start + timedelta(hours=2))
    return {"campaign": campaign, "owner": owner, "coupons": coupons, "start": start}


def _redeem(shop, key, at):
    coupon = shop["coupons"][key]
    coupon_redeem(merchant_id=coupon.merchant_id, actor=shop["owner"], code=coupon.code, now=at)
    return Redemption.objects.get(coupon=coupon, voided_at__isnull=True)


def _void(shop, redemption, at):
    redemption_void(merchant_id=redemption.merchant_id, redemption_id=redemption.pk, actor=shop["owner"], now=at)


def _fold_and_check(shop, at) -> dict:
    """Fold at `at`; every figure equals the oracle's, in hours and days; the figures as the API gives them."""
    rollups_fold(now=at)
    assert oracle.redemption_mirror_mismatches() == []
    campaign, staff = shop["campaign"], shop["owner"]
    for bucket in ("hour", "day"):
        whole = campaign_stats(campaign_id=campaign.pk, user_id=staff.pk, bucket=bucket, now=at)
        assert_stats_match_raw(whole, now=at)
    # A range of exactly the redemption hour, too (the hour bitmaps, not only the days').
    hour = (shop["start"] + timedelta(minutes=1)).replace(minute=0, second=0)
    stats = campaign_stats(
        campaign_id=campaign.pk, user_id=staff.pk, from_=hour, to=hour + timedelta(hours=1), bucket="hour", now=at
    )
    assert_stats_match_raw(stats, now=at)
    return {**whole["totals"], **{f"funnel_{k}": v for k, v in whole["funnel"].items()}}


def test_redeem_fold_void_fold_redeem_again_fold(shop):
    t = shop["start"]
    standing = {key: _redeem(shop, key, t + timedelta(minutes=1)) for key in ("ann1", "ann2", "bo", "cy")}
    figures = _fold_and_check(shop, t + timedelta(minutes=2))
    assert (figures["coupons_redeemed"], figures["funnel_redeemed"], figures["funnel_returned_30d"]) == (4, 3, 2)

    # ann keeps one of her two (her user still redeemed, still returned); bo loses his only one.
    _void(shop, standing["ann1"], t + timedelta(minutes=3))
    _void(shop, standing["bo"], t + timedelta(minutes=3))
    figures = _fold_and_check(shop, t + timedelta(minutes=4))
    assert (figures["coupons_redeemed"], figures["funnel_redeemed"], figures["funnel_returned_30d"]) == (2, 2, 1)

    # A fold with nothing new changes nothing (the void is taken off once).
    assert _fold_and_check(shop, t + timedelta(minutes=5)) == figures

    # Redeemed again, in another hour: counted again.
    _redeem(shop, "bo", t + timedelta(minutes=70))
    figures = _fold_and_check(shop, t + timedelta(minutes=71))
    assert (figures["coupons_redeemed"], figures["funnel_redeemed"]) == (3, 3)


def test_void_and_redeem_again_between_two_folds(shop):
    t = shop["start"]
    cy = _redeem(shop, "cy", t + timedelta(minutes=1))
    _redeem(shop, "di", t + timedelta(minutes=1))
    _fold_and_check(shop, t + timedelta(minutes=2))
    _void(shop, cy, t + timedelta(minutes=3))
    _redeem(shop, "cy", t + timedelta(minutes=65))
    figures = _fold_and_check(shop, t + timedelta(minutes=66))
    assert (figures["coupons_redeemed"], figures["funnel_redeemed"]) == (2, 2)


def test_a_void_before_any_fold_is_never_counted(shop):
    t = shop["start"]
    ann = _redeem(shop, "ann1", t + timedelta(minutes=1))
    _void(shop, ann, t + timedelta(minutes=2))
    figures = _fold_and_check(shop, t + timedelta(minutes=3))
    assert (figures["coupons_redeemed"], figures["funnel_redeemed"], figures["median_minutes_to_redeem"]) == (
        0,
        0,
        None,
    )


def test_a_voided_coupon_past_its_expiry_counts_as_expired(shop):
    t = shop["start"]
    coupon = shop["coupons"]["di"]
    coupon.expires_at = t + timedelta(minutes=2)
    coupon.save()
    di = _redeem(shop, "di", t + timedelta(minutes=1))
    _fold_and_check(shop, t + timedelta(minutes=2, seconds=30))
    _void(shop, di, t + timedelta(minutes=3))
    figures = _fold_and_check(shop, t + timedelta(minutes=4))
    assert (figures["coupons_redeemed"], figures["coupons_expired"]) == (0, 1)
