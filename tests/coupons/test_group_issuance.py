"""The group issuance path (a with_friends unlock, or one visit that meets two or more campaigns) holds the same truths
as the single-campaign fast path: the per-user limit, the stock, the holdout, and the running window at the moment of
the issue statement (the campaign list is read before it, so a stale list must not be able to issue)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Notification
from coupons import issuance
from coupons.eligibility import in_holdout
from coupons.issuance import coupons_issue_for_visit
from coupons.models import Campaign, CampaignEligibility, CampaignUserCount, Coupon
from coupons.selectors import campaign_list_issuing
from coupons.triggers import Visit
from tests import factories
from tests.coupons.visits import visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "no_cooldown")]
GROUP = {"type": "with_friends", "friends": 1, "window_minutes": 30}


def stale_visit(user, merchant, campaigns, at) -> list:
    """A check-in whose campaigns were read earlier (as a check-in reads them before it issues); the coupons issued."""
    checkin = factories.CheckinFactory(user=user, merchant=merchant, created_at=at)
    return coupons_issue_for_visit(
        visit=Visit(
            checkin_id=checkin.pk,
            user_id=user.pk,
            merchant_id=merchant.pk,
            merchant_name=merchant.name,
            at=at,
            first_visit=True,
        ),
        campaigns=campaigns,
    )


def counter(campaign, user) -> int | None:
    return CampaignUserCount.objects.filter(campaign=campaign, user=user).values_list("issued", flat=True).first()


def test_a_friend_at_the_limit_gets_nothing_from_a_new_check_in_and_a_new_unlock(user_factory, merchant):
    """Rule: per_user_limit holds on the group path for a friend's *new* check-ins (not only through the one
    eligibility row per check-in): the counter counts each coupon and stops at the limit."""
    campaign = factories.CampaignFactory(merchant=merchant, trigger=GROUP, per_user_limit=2, coupon_valid_days=5)
    me, ana = user_factory(), user_factory()
    factories.friendship_make(me, ana)
    t0 = timezone.now() - timedelta(minutes=10)
    assert visit(ana, merchant, t0) == []  # alone: no group
    assert len(visit(me, merchant, t0 + timedelta(minutes=1))) == 1  # unlocks for me and ana
    assert len(visit(ana, merchant, t0 + timedelta(minutes=2))) == 1  # ana's second check-in: her second coupon
    assert visit(ana, merchant, t0 + timedelta(minutes=3)) == []  # ana's third: she is at her limit of 2
    assert Coupon.objects.filter(campaign=campaign, user=ana).count() == 2
    assert Coupon.objects.filter(campaign=campaign, user=me).count() == 1
    assert (counter(campaign, ana), counter(campaign, me)) == (2, 1)
    campaign.refresh_from_db()
    assert campaign.issued_count == 3
    # every check-in of ana's that met the trigger is recorded, the last one without a coupon
    eligibility = CampaignEligibility.objects.filter(campaign=campaign, user=ana).order_by("checkin_id")
    assert [row.coupon_id is not None for row in eligibility] == [True, True, False]
    # a friend's coupon is issued on the friend's own check-in, expires like any other, and is linked
    friend_coupon = Coupon.objects.filter(campaign=campaign, user=ana).order_by("id").first()
    assert friend_coupon.checkin_id == eligibility[0].checkin_id and friend_coupon.merchant_id == merchant.pk
    assert friend_coupon.expires_at == friend_coupon.issued_at + timedelta(days=5)
    assert eligibility[0].coupon_id == friend_coupon.pk
    # only a coupon unlocked by someone else is notified, once, saying who and where
    notification = Notification.objects.get()
    assert (notification.user_id, notification.type) == (ana.pk, Notification.Type.COUPON_ISSUED)
    assert notification.dedupe_key == f"coupon_issued:{friend_coupon.pk}"
    assert notification.data == {
        "coupon_id": friend_coupon.pk,
        "campaign_id": campaign.pk,
        "title": campaign.title,
        "merchant": {"id": merchant.pk, "name": merchant.name},
        "reason": "with_friends",
        "by_user_id": me.pk,
    }


def test_one_visit_meeting_two_campaigns_with_stock_1_and_holdout_50(user_factory, merchant):
    """Rule: on the group path a held-out user is recorded as eligible and takes neither a per-user slot nor the
    campaign's only unit of stock; the other campaign issues its last unit and is sold out."""
    held_in, open_to = (factories.CampaignFactory(merchant=merchant, total_stock=1, holdout_percent=50) for _ in "ab")

    def held(campaign, user) -> bool:
        return in_holdout(campaign_id=campaign.pk, user_id=user.pk, holdout_percent=50)

    user = next(u for u in iter(user_factory, None) if held(held_in, u) and not held(open_to, u))
    now = timezone.now()
    assert [c.campaign_id for c in visit(user, merchant, now)] == [open_to.pk]
    held_in.refresh_from_db(), open_to.refresh_from_db()
    assert (held_in.issued_count, open_to.issued_count) == (0, 1)
    assert open_to.status == Campaign.Status.SOLD_OUT
    assert CampaignEligibility.objects.get(campaign=held_in, user=user).in_holdout is True
    assert counter(held_in, user) is None and counter(open_to, user) == 1
    # the held-out user left the unit for the next treated visitor
    other = next(u for u in iter(user_factory, None) if not held(held_in, u))
    assert [c.campaign_id for c in visit(other, merchant, now + timedelta(seconds=1))] == [held_in.pk]


@pytest.mark.parametrize("campaigns", [1, 2], ids=["fast path", "group path"])
def test_a_campaign_sold_out_after_the_read_issues_nothing_and_gives_the_slot_back(user_factory, merchant, campaigns):
    """Rule: the issue statement re-checks the stock (the read may be stale): nothing issued, never oversold, and the
    per-user slot reserved for it is given back."""
    for _ in range(campaigns):
        factories.CampaignFactory(merchant=merchant, total_stock=1)
    now = timezone.now()
    stale = campaign_list_issuing(merchant_id=merchant.pk, at=now)
    assert len(visit(user_factory(), merchant, now)) == campaigns  # takes the last units
    late = user_factory()
    assert stale_visit(late, merchant, stale, now + timedelta(seconds=1)) == []
    for campaign in Campaign.objects.filter(merchant=merchant):
        assert campaign.issued_count == 1
        assert counter(campaign, late) == 0
    assert Coupon.objects.count() == campaigns


@pytest.mark.parametrize("campaigns", [1, 2], ids=["fast path", "group path"])
@pytest.mark.parametrize(
    ("starts_in", "ends_in", "issues"),
    [
        (timedelta(0), timedelta(days=1), True),
        (timedelta(microseconds=1), timedelta(days=1), False),
        (-timedelta(days=1), timedelta(0), False),
        (-timedelta(days=1), -timedelta(microseconds=1), False),
    ],
    ids=["starts at the visit", "starts just after", "ends at the visit", "ended just before"],
)
def test_the_issue_statement_checks_the_period_at_the_visit(user, merchant, campaigns, starts_in, ends_in, issues):
    """Rule: a campaign issues at `at` only when starts_at <= at < ends_at, checked by the issue statement itself."""
    at = timezone.now()
    created = [
        factories.CampaignFactory(merchant=merchant, starts_at=at - timedelta(days=2), ends_at=at + timedelta(days=2))
        for _ in range(campaigns)
    ]
    stale = campaign_list_issuing(merchant_id=merchant.pk, at=at - timedelta(days=1))
    Campaign.objects.filter(pk__in=[c.pk for c in created]).update(starts_at=at + starts_in, ends_at=at + ends_in)
    coupons = stale_visit(user, merchant, stale, at)
    assert len(coupons) == (campaigns if issues else 0)
    assert Coupon.objects.count() == len(coupons)
    assert [counter(campaign, user) for campaign in created] == [1 if issues else 0] * campaigns


@pytest.mark.parametrize("campaigns", [1, 2], ids=["fast path", "group path"])
def test_a_code_collision_takes_one_unit_and_retries_the_code(user, merchant, campaigns, monkeypatch):
    """Rule: a new code that already exists is drawn again; the stock unit is taken once and the coupon is linked."""
    taken = factories.CouponFactory(code="AAAAAAAAAA")
    created = [factories.CampaignFactory(merchant=merchant, total_stock=5) for _ in range(campaigns)]
    codes = iter(["AAAAAAAAAA", "BBBBBBBBBB", "AAAAAAAAAA", "CCCCCCCCCC"])
    monkeypatch.setattr(issuance, "coupon_code_new", lambda: next(codes))
    coupons = visit(user, merchant, timezone.now())
    assert sorted(c.code for c in coupons) == ["BBBBBBBBBB", "CCCCCCCCCC"][:campaigns]
    for coupon in coupons:
        stored = Coupon.objects.get(code=coupon.code)
        assert (stored.pk, stored.user_id, stored.merchant_id) == (coupon.id, user.pk, merchant.pk)
        assert stored.expires_at == coupon.expires_at == stored.issued_at + timedelta(days=7)
        assert CampaignEligibility.objects.get(campaign_id=coupon.campaign_id, user=user).coupon_id == stored.pk
    for campaign in created:
        campaign.refresh_from_db()
        assert campaign.issued_count == 1
    assert Coupon.objects.exclude(pk=taken.pk).count() == campaigns
