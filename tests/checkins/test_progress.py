"""`my_progress` tells in advance what a check-in would do: for every trigger type, over sequential visits, the
prediction made just before each real check-in (through the service, past the cooldown) matches what it issues."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from checkins.models import Visibility
from checkins.progress import REASONS, campaign_progress_find
from checkins.selectors import visit_facts_find, visit_facts_predict
from checkins.services import checkin_create
from coupons.eligibility import in_holdout
from coupons.triggers import EVER, TRIGGER_TYPES, FriendsHereSince, VisitsSince
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

# Yesterday 03:00 UTC (12:00 in Seoul): the campaigns below started a day before it and run for weeks.
T0 = datetime.combine(timezone.now().date(), time(3), tzinfo=UTC) - timedelta(days=1)
# Past the check-in cooldown: consecutive visits of one user are this far apart.
STEP = timedelta(minutes=settings.CHECKIN_COOLDOWN_MINUTES + 1)
GROUP = {"type": "with_friends", "friends": 2, "window_minutes": 30}


def campaign_make(**fields):
    fields.setdefault("starts_at", T0 - timedelta(days=1))
    fields.setdefault("ends_at", T0 + timedelta(days=30))
    return factories.CampaignFactory(**fields)


def progress(user, campaign, at) -> dict:
    return campaign_progress_find(user_id=user.pk, campaign_ids=[campaign.pk], at=at)[campaign.pk]


def check_in(user, merchant, at, *, visibility=Visibility.FRIENDS) -> list:
    """A real check-in through the service at `at`; the campaign ids of the coupons it earned the user."""
    result = checkin_create(
        user=user,
        merchant_id=merchant.pk,
        lat=merchant.location.y,
        lng=merchant.location.x,
        accuracy_m=5,
        visibility=visibility,
        now=at,
    )
    return [coupon.campaign_id for coupon in result.coupons]


def predicted_then_done(user, campaign, at) -> dict:
    """The prediction at `at`, checked against the real check-in at `at` that follows it."""
    told = progress(user, campaign, at)
    issued = check_in(user, campaign.merchant, at).count(campaign.pk)
    assert told["eligible_now"] == (issued == 1), (told, issued)
    assert told["reason"] is None or not told["eligible_now"]
    return told


def visits_told(user, campaign, count) -> list[tuple]:
    """`count` sequential visits from T0, each predicted then made: (eligible_now, reason, visits_counted,
    visits_to_next, coupons_received) as told before each."""
    told = []
    for n in range(count):
        p = predicted_then_done(user, campaign, T0 + n * STEP)
        told.append((p["eligible_now"], p["reason"], p["visits_counted"], p["visits_to_next"], p["coupons_received"]))
    return told


def test_every_checkin_until_the_per_user_limit(user):
    campaign = campaign_make(trigger={"type": "every_checkin"}, per_user_limit=2)
    assert visits_told(user, campaign, 4) == [
        (True, None, 0, None, 0),
        (True, None, 1, None, 1),
        (False, "limit_reached", 2, None, 2),
        (False, "limit_reached", 3, None, 2),
    ]


def test_every_checkin_counts_only_visits_during_the_campaign(user):
    campaign = campaign_make(trigger={"type": "every_checkin"}, per_user_limit=5)
    factories.CheckinFactory(user=user, merchant=campaign.merchant, created_at=campaign.starts_at - timedelta(days=3))
    assert progress(user, campaign, T0)["visits_counted"] == 0


def test_first_visit_once_ever(user):
    campaign = campaign_make(trigger={"type": "first_visit"}, per_user_limit=3)
    assert visits_told(user, campaign, 3) == [
        (True, None, 0, None, 0),
        (False, "already_visited", 1, None, 1),
        (False, "already_visited", 2, None, 1),
    ]


def test_first_visit_already_visited_before_the_campaign(user):
    campaign = campaign_make(trigger={"type": "first_visit"})
    factories.CheckinFactory(user=user, merchant=campaign.merchant, created_at=campaign.starts_at - timedelta(days=3))
    told = predicted_then_done(user, campaign, T0)
    assert (told["eligible_now"], told["reason"], told["visits_counted"]) == (False, "already_visited", 1)


def test_nth_visit_counts_down_to_every_third(user):
    campaign = campaign_make(trigger={"type": "nth_visit", "visits": 3}, per_user_limit=5)
    # A visit before the campaign started does not count.
    factories.CheckinFactory(user=user, merchant=campaign.merchant, created_at=campaign.starts_at - timedelta(hours=2))
    assert visits_told(user, campaign, 7) == [
        (False, None, 0, 3, 0),
        (False, None, 1, 2, 0),
        (True, None, 2, 1, 0),
        (False, None, 3, 3, 1),
        (False, None, 4, 2, 1),
        (True, None, 5, 1, 1),
        (False, None, 6, 3, 2),
    ]


def test_nth_visit_at_the_limit_still_counts_visits(user):
    campaign = campaign_make(trigger={"type": "nth_visit", "visits": 2}, per_user_limit=1)
    assert visits_told(user, campaign, 4) == [
        (False, None, 0, 2, 0),
        (True, None, 1, 1, 0),
        (False, "limit_reached", 2, 2, 1),
        (False, "limit_reached", 3, 1, 1),
    ]


@pytest.fixture
def group(user_factory):
    """Me and four friends; `stranger` is nobody's friend."""
    me, ana, bo, cy, di = (user_factory() for _ in range(5))
    for friend in (ana, bo, cy, di):
        factories.friendship_make(me, friend)
    return {"me": me, "ana": ana, "bo": bo, "cy": cy, "di": di, "stranger": user_factory()}


def test_with_friends_unlocks_when_enough_friends_are_here_now(group):
    campaign = campaign_make(trigger=GROUP, per_user_limit=1)
    me, merchant = group["me"], campaign.merchant
    assert progress(me, campaign, T0) == {
        "coupons_received": 0,
        "visits_counted": 0,
        "visits_to_next": None,
        "eligible_now": False,
        "reason": None,
    }
    check_in(group["ana"], merchant, T0 - timedelta(minutes=20))
    check_in(group["stranger"], merchant, T0 - timedelta(minutes=15))  # not a friend: does not count
    check_in(group["di"], merchant, T0 - timedelta(minutes=40))  # outside the 30-minute window
    assert progress(me, campaign, T0)["eligible_now"] is False
    check_in(group["cy"], merchant, T0 - timedelta(minutes=5), visibility=Visibility.PRIVATE)  # private: no part
    assert progress(me, campaign, T0)["eligible_now"] is False
    check_in(group["bo"], merchant, T0 - timedelta(minutes=10))  # now two friends within the window
    told = predicted_then_done(me, campaign, T0)
    assert (told["eligible_now"], told["reason"]) == (True, None)
    # The unlock gave ana and bo their coupon too: at their limit of one, they are told so.
    for friend in (group["ana"], group["bo"]):
        assert progress(friend, campaign, T0 + STEP)["reason"] == "limit_reached"
    later = progress(me, campaign, T0 + STEP)
    assert (later["eligible_now"], later["reason"], later["coupons_received"]) == (False, "limit_reached", 1)


def test_with_friends_window_passes(group):
    campaign = campaign_make(trigger=GROUP, per_user_limit=3)
    me, merchant = group["me"], campaign.merchant
    check_in(group["ana"], merchant, T0 - timedelta(minutes=29))
    check_in(group["bo"], merchant, T0 - timedelta(minutes=29))
    assert progress(me, campaign, T0)["eligible_now"] is True
    told = predicted_then_done(me, campaign, T0 + timedelta(minutes=2))  # ana and bo are 31 minutes ago by then
    assert (told["eligible_now"], told["reason"]) == (False, None)


def test_holdout_share_is_not_offered_and_gets_nothing(user_factory):
    campaign = campaign_make(trigger={"type": "every_checkin"}, holdout_percent=50, per_user_limit=3)
    users = [user_factory() for _ in range(12)]
    held = [u for u in users if in_holdout(campaign_id=campaign.pk, user_id=u.pk, holdout_percent=50)]
    treated = [u for u in users if u not in held]
    assert held and treated, "twelve users all on one side of a 50% split"
    for user in (held[0], treated[0]):
        told = [predicted_then_done(user, campaign, T0 + n * STEP) for n in range(2)]
        expected = (False, "not_offered") if user in held else (True, None)
        assert [(t["eligible_now"], t["reason"]) for t in told] == [expected] * 2


def test_holdout_share_of_nth_visit_is_told_before_the_nth(user_factory):
    """Rule: `not_offered` applies before the visit count (only "more visits needed" leaves reason null)."""
    campaign = campaign_make(trigger={"type": "nth_visit", "visits": 2}, holdout_percent=50)
    user = next(u for u in (user_factory() for _ in range(40)) if in_holdout(campaign_id=campaign.pk, user_id=u.pk,
                                                                             holdout_percent=50))  # fmt: skip
    assert [(e, r) for e, r, *_ in visits_told(user, campaign, 2)] == [(False, "not_offered")] * 2


def test_daily_hours_inside_and_outside(user):
    # 10:00-14:00 in Seoul; T0 is 12:00 there, T0 + 2 h is 14:00 (the end is excluded).
    campaign = campaign_make(trigger={"type": "every_checkin"}, per_user_limit=5, daily_start_time=time(10),
                             daily_end_time=time(14))  # fmt: skip
    inside = predicted_then_done(user, campaign, T0)
    outside = predicted_then_done(user, campaign, T0 + timedelta(hours=2))
    assert (inside["eligible_now"], inside["reason"]) == (True, None)
    assert (outside["eligible_now"], outside["reason"]) == (False, "outside_hours")


def test_daily_hours_across_midnight_in_the_merchant_time_zone(user):
    merchant = factories.MerchantFactory(timezone="Europe/Paris")
    # 22:00-02:00 in Paris; T0 (03:00 UTC) is 04:00 or 05:00 there: outside; T0 - 3 h is 01:00 or 02:00.
    campaign = campaign_make(merchant=merchant, trigger={"type": "every_checkin"}, per_user_limit=5,
                             daily_start_time=time(22), daily_end_time=time(2))  # fmt: skip
    assert progress(user, campaign, T0)["reason"] == "outside_hours"
    late = T0 - timedelta(hours=4)  # 00:00 or 01:00 in Paris
    assert predicted_then_done(user, campaign, late)["eligible_now"] is True


def test_sold_out(user_factory):
    campaign = campaign_make(trigger={"type": "every_checkin"}, total_stock=1)
    first, second = user_factory(), user_factory()
    assert predicted_then_done(first, campaign, T0)["eligible_now"] is True
    told = predicted_then_done(second, campaign, T0 + STEP)
    assert (told["eligible_now"], told["reason"]) == (False, "sold_out")


def test_reasons_come_in_their_order(user):
    """Rule: the first reason that applies is told: limit before hours, hours before a first visit that passed."""
    campaign = campaign_make(trigger={"type": "first_visit"}, daily_start_time=time(10), daily_end_time=time(14))
    check_in(user, campaign.merchant, T0)
    assert progress(user, campaign, T0 + STEP)["reason"] == "limit_reached"
    campaign.per_user_limit = 5
    campaign.save()
    assert progress(user, campaign, T0 + 2 * STEP)["reason"] == "outside_hours"
    assert progress(user, campaign, T0 + timedelta(minutes=90))["reason"] == "already_visited"
    assert REASONS.index("sold_out") < REASONS.index("limit_reached") < REASONS.index("outside_hours")
    assert REASONS.index("outside_hours") < REASONS.index("already_visited") < REASONS.index("not_offered")


SCENARIOS = {
    "every_checkin": test_every_checkin_until_the_per_user_limit,
    "first_visit": test_first_visit_once_ever,
    "nth_visit": test_nth_visit_counts_down_to_every_third,
    "with_friends": test_with_friends_unlocks_when_enough_friends_are_here_now,
}


def test_every_trigger_type_has_its_agreement_test():
    """A new trigger type needs its own prediction-against-check-in test here."""
    assert set(SCENARIOS) == set(TRIGGER_TYPES)


def test_several_campaigns_of_several_merchants_in_two_queries(user, django_assert_num_queries):
    campaigns = []
    for _ in range(3):
        merchant = factories.MerchantFactory()
        campaigns += [
            campaign_make(merchant=merchant, trigger={"type": "every_checkin"}),
            campaign_make(merchant=merchant, trigger={"type": "nth_visit", "visits": 4}),
            campaign_make(merchant=merchant, trigger=GROUP),
            campaign_make(merchant=merchant, trigger={"type": "first_visit"}),
        ]
    with django_assert_num_queries(2):
        found = campaign_progress_find(user_id=user.pk, campaign_ids=[c.pk for c in campaigns], at=T0)
    assert set(found) == {c.pk for c in campaigns}


def test_predicted_facts_are_those_the_check_in_then_reads(group):
    """Rule: visit_facts_predict before a check-in answers what visit_facts_find reads after writing it."""
    merchant = factories.MerchantFactory()
    me = group["me"]
    factories.CheckinFactory(user=me, merchant=merchant, created_at=T0 - timedelta(days=3))
    check_in(group["ana"], merchant, T0 - timedelta(minutes=20))
    check_in(group["cy"], merchant, T0 - timedelta(minutes=10), visibility=Visibility.PRIVATE)
    facts = [VisitsSince(T0 - timedelta(days=1)), VisitsSince(EVER), FriendsHereSince(T0 - timedelta(minutes=30))]
    predicted = visit_facts_predict(user_id=me.pk, at=T0, wanted=[(merchant.pk, fact) for fact in facts])
    check_in(me, merchant, T0)
    found = visit_facts_find(user_id=me.pk, merchant_id=merchant.pk, until=T0, facts=facts)
    assert {fact: predicted[(merchant.pk, fact)] for fact in facts} == found
    assert list(found.values()) == [1, 2, [(group["ana"].pk, found[facts[2]][0][1])]]
