"""Each trigger issues to the right people, only while the campaign runs and inside its daily hours; holdout users
are recorded as eligible and get nothing; stock and per-user limits hold."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from accounts.models import Notification
from checkins.services import checkin_create
from coupons.eligibility import in_holdout
from coupons.models import Campaign, CampaignEligibility, Coupon
from tests import factories
from tests.coupons.visits import visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "no_cooldown")]


def test_every_checkin_issues_up_to_the_per_user_limit(user, merchant):
    campaign = factories.CampaignFactory(merchant=merchant, per_user_limit=2, coupon_valid_days=3)
    now = timezone.now()
    first = visit(user, merchant, now)
    assert len(first) == 1
    coupon = Coupon.objects.get(pk=first[0].id)
    assert (coupon.campaign_id, coupon.merchant_id, coupon.user_id) == (campaign.pk, merchant.pk, user.pk)
    assert coupon.expires_at == coupon.issued_at + timedelta(days=3)
    assert coupon.checkin_id is not None
    assert len(coupon.code) == 10 and set(coupon.code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert len(visit(user, merchant)) == 1
    assert visit(user, merchant) == []  # limit reached
    campaign.refresh_from_db()
    assert campaign.issued_count == 2
    assert CampaignEligibility.objects.filter(campaign=campaign, user=user).count() == 3


def test_first_visit_only_on_the_users_first_ever_checkin_here(user_factory, merchant):
    factories.CampaignFactory(merchant=merchant, trigger={"type": "first_visit"}, per_user_limit=5)
    regular = user_factory()
    factories.CheckinFactory(user=regular, merchant=merchant, created_at=timezone.now() - timedelta(days=30))
    assert visit(regular, merchant) == []
    newcomer = user_factory()
    assert len(visit(newcomer, merchant)) == 1
    assert visit(newcomer, merchant) == []


def test_nth_visit_counts_visits_since_the_campaign_started(user, merchant):
    now = timezone.now()
    factories.CampaignFactory(
        merchant=merchant,
        trigger={"type": "nth_visit", "visits": 3},
        per_user_limit=5,
        starts_at=now - timedelta(days=1),
    )
    # visits before the campaign started do not count
    factories.CheckinFactory(user=user, merchant=merchant, created_at=now - timedelta(days=2))
    got = [len(visit(user, merchant, now + timedelta(minutes=i))) for i in range(1, 8)]
    assert got == [0, 0, 1, 0, 0, 1, 0]


def test_with_friends_unlocks_the_whole_group_and_notifies_friends(user_factory, merchant):
    campaign = factories.CampaignFactory(
        merchant=merchant, trigger={"type": "with_friends", "friends": 2, "window_minutes": 30}
    )
    me, ana, ben, stranger, late = (user_factory() for _ in range(5))
    for friend in (ana, ben, late):
        factories.friendship_make(me, friend)
    now = timezone.now()
    factories.CheckinFactory(user=ana, merchant=merchant, created_at=now - timedelta(minutes=10))
    factories.CheckinFactory(user=stranger, merchant=merchant, created_at=now - timedelta(minutes=5))
    factories.CheckinFactory(user=late, merchant=merchant, created_at=now - timedelta(minutes=45))
    # one friend inside the window: not enough
    assert visit(me, merchant, now - timedelta(minutes=9)) == []
    factories.CheckinFactory(user=ben, merchant=merchant, created_at=now - timedelta(minutes=1))
    mine = visit(me, merchant, now)
    assert len(mine) == 1
    holders = set(Coupon.objects.filter(campaign=campaign).values_list("user_id", flat=True))
    assert holders == {me.pk, ana.pk, ben.pk}
    notified = Notification.objects.filter(type="coupon_issued")
    assert set(notified.values_list("user_id", flat=True)) == {ana.pk, ben.pk}
    assert notified.first().data["merchant"]["id"] == merchant.pk
    # friends at their per_user_limit (1) get nothing more when the group unlocks again
    other = user_factory()
    for friend in (ana, ben):
        factories.friendship_make(other, friend)
    assert len(visit(other, merchant, now + timedelta(minutes=1))) == 1
    assert Coupon.objects.filter(campaign=campaign).count() == 4


def test_holdout_users_are_eligible_but_get_no_coupon(user_factory, merchant):
    campaign = factories.CampaignFactory(merchant=merchant, holdout_percent=50, per_user_limit=1)
    users = [user_factory() for _ in range(12)]
    for user in users:
        visit(user, merchant)
    for user in users:
        held = in_holdout(campaign_id=campaign.pk, user_id=user.pk, holdout_percent=50)
        record = CampaignEligibility.objects.get(campaign=campaign, user=user)
        assert record.in_holdout is held
        assert (record.coupon_id is None) is held
        assert Coupon.objects.filter(user=user).exists() is not held


def test_holdout_split_over_many_users(merchant, fast_passwords):
    """About the configured share of 1000 eligible users lands in the holdout."""
    campaign = factories.CampaignFactory(merchant=merchant, holdout_percent=20)
    users = factories.User.objects.bulk_create(
        [factories.User(username=f"holdout{i}", password="!", location_consent=True) for i in range(1000)]
    )
    for user in users:
        visit(user, merchant)
    held = CampaignEligibility.objects.filter(campaign=campaign, in_holdout=True).count()
    assert CampaignEligibility.objects.filter(campaign=campaign).count() == 1000
    assert 160 <= held <= 240  # 20% +- 3 standard deviations
    assert Coupon.objects.filter(campaign=campaign).count() == 1000 - held


@pytest.mark.parametrize(
    "changes",
    [
        {"paused_at": timezone.now()},
        {"ended_at": timezone.now()},
        {"starts_at": timezone.now() + timedelta(hours=1)},
        {"ends_at": timezone.now() - timedelta(seconds=1), "starts_at": timezone.now() - timedelta(days=2)},
    ],
    ids=["paused", "ended", "scheduled", "past its end"],
)
def test_only_running_campaigns_issue(user, merchant, changes):
    factories.CampaignFactory(merchant=merchant, **changes)
    assert visit(user, merchant) == []
    assert not CampaignEligibility.objects.exists()


def test_daily_hours_in_the_merchant_timezone_and_overnight(user_factory, merchant):
    now = timezone.now()
    local_hour = now.astimezone(timezone.zoneinfo.ZoneInfo("Asia/Seoul")).hour
    # an overnight window that contains now, and one that does not
    inside = factories.CampaignFactory(
        merchant=merchant, daily_start_time=time((local_hour - 1) % 24), daily_end_time=time((local_hour + 1) % 24)
    )
    outside = factories.CampaignFactory(
        merchant=merchant, daily_start_time=time((local_hour + 2) % 24), daily_end_time=time((local_hour + 3) % 24)
    )
    coupons = visit(user_factory(), merchant, now)
    assert [c.campaign_id for c in coupons] == [inside.pk]
    assert outside.pk not in [c.campaign_id for c in coupons]


def test_sold_out_campaign_stops_and_reports_sold_out(user_factory, merchant):
    campaign = factories.CampaignFactory(merchant=merchant, total_stock=2)
    issued = [len(visit(user_factory(), merchant)) for _ in range(3)]
    assert issued == [1, 1, 0]
    campaign.refresh_from_db()
    assert (campaign.issued_count, campaign.remaining_stock, campaign.status) == (2, 0, Campaign.Status.SOLD_OUT)
    # a sold-out campaign is no longer running: the third visitor is not even evaluated
    assert CampaignEligibility.objects.filter(campaign=campaign).count() == 2


def test_one_checkin_can_earn_several_campaigns(user, merchant):
    a = factories.CampaignFactory(merchant=merchant)
    b = factories.CampaignFactory(merchant=merchant, trigger={"type": "first_visit"})
    factories.CampaignFactory()  # another merchant's
    assert sorted(c.campaign_id for c in visit(user, merchant)) == [a.pk, b.pk]


def _group(user_factory, merchant, friends: int = 2):
    """A with_friends(2, 30 min) campaign and a user with `friends` friends."""
    campaign = factories.CampaignFactory(
        merchant=merchant, trigger={"type": "with_friends", "friends": 2, "window_minutes": 30}
    )
    me = user_factory()
    pals = [user_factory() for _ in range(friends)]
    for pal in pals:
        factories.friendship_make(me, pal)
    return campaign, me, pals


def test_a_private_checkin_does_not_unlock_a_group(user_factory, merchant):
    """A private check-in reveals nothing: completing a group with it gives nobody a coupon and notifies nobody (the
    friends' coupon_issued notifications used to name the merchant, the user and the time)."""
    campaign, me, pals = _group(user_factory, merchant)
    now = timezone.now()
    for pal in pals:
        factories.CheckinFactory(user=pal, merchant=merchant, created_at=now - timedelta(minutes=5))
    result = checkin_create(
        user=me,
        merchant_id=merchant.pk,
        lat=merchant.location.y,
        lng=merchant.location.x,
        accuracy_m=5,
        visibility="private",
        now=now,
    )
    assert result.coupons == []
    assert not Coupon.objects.filter(campaign=campaign).exists()
    assert not Notification.objects.filter(type="coupon_issued").exists()
    # the same visit shared with friends does unlock the group
    assert len(visit(me, merchant, now + timedelta(minutes=1))) == 1
    assert Coupon.objects.filter(campaign=campaign).count() == 3


def test_a_friends_private_checkin_does_not_count_towards_a_group(user_factory, merchant):
    """A friend's private check-in is not a friend present: it neither completes a group nor earns that friend a
    coupon; a shared one does."""
    campaign, me, (ana, ben) = _group(user_factory, merchant)
    now = timezone.now()
    factories.CheckinFactory(user=ana, merchant=merchant, created_at=now - timedelta(minutes=5))
    factories.CheckinFactory(user=ben, merchant=merchant, created_at=now - timedelta(minutes=4), visibility="private")
    assert visit(me, merchant, now) == []
    assert not Coupon.objects.filter(campaign=campaign).exists()
    factories.CheckinFactory(user=ben, merchant=merchant, created_at=now - timedelta(minutes=3), visibility="public")
    assert len(visit(me, merchant, now + timedelta(minutes=1))) == 1
    holders = set(Coupon.objects.filter(campaign=campaign).values_list("user_id", flat=True))
    assert holders == {me.pk, ana.pk, ben.pk}
