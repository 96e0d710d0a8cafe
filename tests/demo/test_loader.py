"""The demo's data follows the platform's own rules: every campaign of the demo shops issued coupons for the check-ins
made while it ran (the "every check-in" campaign used to show 64 check-ins and no coupon), within its limits."""

from collections import Counter

import pytest
from django.db.models import Count

from coupons.eligibility import in_holdout
from coupons.models import Campaign, CampaignUserCount, Coupon
from demo import loader
from stats.campaign_stats import campaign_stats

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setattr(loader, "DEMO_HISTORY_CUSTOMERS", 300)
    monkeypatch.setattr(loader, "DEMO_RANDOM_CAMPAIGNS", 5)
    users = loader.demo_people_load()
    loader.merchants_bulk_load(count=200, progress=False)
    loader.demo_campaigns_load()
    assert loader.demo_stats_history_load() > 0
    return users


def test_every_checkin_campaign_has_coupons_within_the_rules(demo):
    owner = demo["owner"]
    campaign = Campaign.objects.get(title=loader.DEMO_CAMPAIGNS[0][1])
    assert campaign.trigger == {"type": "every_checkin"}
    stats = campaign_stats(campaign_id=campaign.pk, user_id=owner.pk)
    assert stats["totals"]["checkins"] > 0
    assert stats["totals"]["coupons_issued"] > 0 and stats["funnel"]["issued"] > 0
    coupons = Coupon.objects.filter(campaign=campaign).select_related("checkin")
    assert campaign.issued_count == coupons.count() == stats["totals"]["coupons_issued"]
    # Every check-in there while it ran earned one, up to one per person (its per-user limit): one per visitor.
    assert coupons.count() == stats["totals"]["unique_visitors"]
    for coupon in coupons:
        assert campaign.starts_at <= coupon.checkin.created_at < campaign.ends_at
        assert coupon.checkin.merchant_id == campaign.merchant_id and coupon.user_id == coupon.checkin.user_id


def test_demo_campaigns_respect_limits_holdout_and_slots(demo):
    shops = [shop for shop in loader.DEMO_SHOPS]
    campaigns = Campaign.objects.filter(merchant__name__in=[shop[0] for shop in shops])
    assert campaigns.count() == len(loader.DEMO_CAMPAIGNS) + len(loader.DEMO_HISTORY_CAMPAIGNS)
    for campaign in campaigns:
        coupons = Coupon.objects.filter(campaign=campaign)
        assert campaign.issued_count == coupons.count(), campaign.title
        if campaign.total_stock is not None:
            assert coupons.count() <= campaign.total_stock
        per_user = Counter(coupons.values_list("user_id", flat=True))
        assert all(count <= campaign.per_user_limit for count in per_user.values()), campaign.title
        assert not any(
            in_holdout(campaign_id=campaign.pk, user_id=user_id, holdout_percent=campaign.holdout_percent)
            for user_id in per_user
        )
        slots = dict(CampaignUserCount.objects.filter(campaign=campaign).values_list("user_id", "issued"))
        assert slots == dict(per_user), campaign.title
    first_visits = Campaign.objects.get(title=loader.DEMO_CAMPAIGNS[1][1])
    repeated = Coupon.objects.filter(campaign=first_visits).values("user_id").annotate(n=Count("id")).filter(n__gt=1)
    assert not repeated.exists()
