"""The group issuance path under real parallel connections, and a campaign paused or ended by another connection
between the check-in's read of the running campaigns and its issue statement."""

from datetime import timedelta
from threading import Thread

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import User
from coupons.campaigns import campaign_end, campaign_pause
from coupons.models import Campaign, CampaignEligibility, CampaignUserCount, Coupon
from coupons.selectors import campaign_list_issuing
from tests import factories
from tests.coupons.test_concurrency import in_parallel
from tests.coupons.test_group_issuance import GROUP, stale_visit, visit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]


def test_parallel_group_unlocks_never_oversell_nor_pass_the_per_user_limit(settings):
    """Rule: concurrent group unlocks, all sharing one friend, issue exactly the stock, at most one coupon per user,
    and give back every per-user slot that found no stock."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    merchant = factories.MerchantFactory()
    campaign = factories.CampaignFactory(merchant=merchant, trigger=GROUP, total_stock=7, per_user_limit=1)
    users = User.objects.bulk_create(
        [User(username=f"group{i}", password="!", location_consent=True) for i in range(17)]
    )
    hub, pairs = users[0], [(users[i], users[i + 1]) for i in range(1, 17, 2)]
    now = timezone.now()
    for visitor, friend in pairs:
        factories.friendship_make(visitor, friend)
        factories.friendship_make(visitor, hub)
        factories.CheckinFactory(user=friend, merchant=merchant, created_at=now - timedelta(minutes=5))
    factories.CheckinFactory(user=hub, merchant=merchant, created_at=now - timedelta(minutes=5))

    in_parallel(lambda visitor: visit(visitor, merchant, timezone.now()), [visitor for visitor, _ in pairs], threads=8)

    campaign.refresh_from_db()
    coupons = Coupon.objects.filter(campaign=campaign)
    assert coupons.count() == campaign.issued_count == 7
    assert coupons.values("user").distinct().count() == 7
    assert coupons.filter(user=hub).count() == 1
    assert sum(CampaignUserCount.objects.filter(campaign=campaign).values_list("issued", flat=True)) == 7
    assert CampaignEligibility.objects.filter(campaign=campaign, coupon__isnull=False).count() == 7


def _in_another_connection(function, **kwargs) -> None:
    """Run `function` on a thread, so on its own database connection, and wait for its commit."""
    failure = []

    def run():
        try:
            function(**kwargs)
        except Exception as exc:  # reported in the test's thread
            failure.append(exc)
        finally:
            connection.close()

    thread = Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not failure, failure


@pytest.mark.parametrize("change", [campaign_pause, campaign_end], ids=["paused", "ended"])
def test_a_campaign_stopped_between_the_read_and_the_issue_issues_nothing(settings, change):
    """Rule: the issue statement re-checks paused_at and ended_at: a pause or an end committed by another connection
    after the running campaigns were read stops issuance, on the fast path and on the group path alike."""
    owner = factories.UserFactory()
    merchants = {path: factories.MerchantFactory() for path in ("fast", "group")}
    campaigns = [factories.CampaignFactory(merchant=merchants["fast"], created_by=owner)]
    campaigns += [factories.CampaignFactory(merchant=merchants["group"], created_by=owner) for _ in range(2)]
    for merchant in merchants.values():
        factories.MerchantStaffFactory(merchant=merchant, user=owner)
    now = timezone.now()
    stale = {path: campaign_list_issuing(merchant_id=merchant.pk, at=now) for path, merchant in merchants.items()}
    assert [len(stale["fast"]), len(stale["group"])] == [1, 2]

    for campaign in campaigns:
        _in_another_connection(change, campaign_id=campaign.pk, actor=owner)

    visitor = factories.UserFactory()
    for path, merchant in merchants.items():
        assert stale_visit(visitor, merchant, stale[path], timezone.now()) == []
    assert not Coupon.objects.exists()
    assert list(Campaign.objects.values_list("issued_count", flat=True)) == [0, 0, 0]
    assert list(CampaignUserCount.objects.values_list("issued", flat=True)) == [0, 0, 0]
