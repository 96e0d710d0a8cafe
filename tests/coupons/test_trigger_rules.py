"""Trigger rules to the value: what a malformed trigger tells the merchant, the smallest valid window, and two
campaigns of one kind evaluated on one visit, each against its own history."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from checkins.services import checkin_create
from core.errors import ValidationFailed
from coupons.eligibility import within_daily_hours
from coupons.triggers import FriendsHereSince, Visit, trigger_clean, trigger_facts, trigger_members
from tests import factories

AT_03_UTC = datetime(2026, 6, 1, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("trigger", "errors"),
    [
        (None, {"trigger": ["An object with a `type` is required."]}),
        (
            {"type": "lottery"},
            {"trigger.type": ["Must be one of: every_checkin, first_visit, nth_visit, with_friends."]},
        ),
        ({"type": "nth_visit"}, {"trigger.visits": ["This field is required for this trigger type."]}),
        ({"type": "nth_visit", "visits": "3"}, {"trigger.visits": ["A whole number is required."]}),
        ({"type": "nth_visit", "visits": 1001}, {"trigger.visits": ["Must be between 2 and 1000."]}),
        (
            {"type": "with_friends", "friends": 0, "window_minutes": 0},
            {
                "trigger.friends": ["Must be between 1 and 100."],
                "trigger.window_minutes": ["Must be between 1 and 1440."],
            },
        ),
    ],
)
def test_a_malformed_trigger_says_what_is_wrong(trigger, errors):
    """Rule: each bad trigger key gets one message naming what is expected (the dashboard shows it as is)."""
    with pytest.raises(ValidationFailed) as caught:
        trigger_clean(trigger)
    assert caught.value.errors == errors


def test_the_smallest_group_and_window_are_valid():
    """Rule: with_friends accepts one friend within one minute (both lower bounds included)."""
    trigger = {"type": "with_friends", "friends": 1, "window_minutes": 1}
    assert trigger_clean(trigger) == trigger


@pytest.mark.django_db
def test_two_nth_visit_campaigns_count_from_their_own_start(user, settings):
    """Rule: nth_visit counts the visits since *its* campaign started, even when another nth_visit campaign with
    another start is evaluated on the same visit (each reads the visit count since its own start)."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    merchant = factories.MerchantFactory()
    now = timezone.now()
    nth = {"type": "nth_visit", "visits": 2}
    older = factories.CampaignFactory(merchant=merchant, trigger=nth, starts_at=now - timedelta(days=10))
    factories.CampaignFactory(merchant=merchant, trigger=nth, starts_at=now - timedelta(days=1))
    factories.CheckinFactory(user=user, merchant=merchant, created_at=now - timedelta(days=5))
    coupons = checkin_create(
        user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5, now=now
    ).coupons
    assert [c.campaign_id for c in coupons] == [older.pk]  # 2nd visit since the older start, 1st since the newer


@pytest.mark.django_db
def test_two_group_campaigns_look_back_over_their_own_window(user_factory, settings):
    """Rule: with_friends looks back over *its* window, even when a group campaign with another window is evaluated
    on the same visit (each reads the friends seen since its own window's start)."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    merchant = factories.MerchantFactory()
    narrow = factories.CampaignFactory(
        merchant=merchant, trigger={"type": "with_friends", "friends": 1, "window_minutes": 10}
    )
    wide = factories.CampaignFactory(
        merchant=merchant, trigger={"type": "with_friends", "friends": 1, "window_minutes": 60}
    )
    me, friend = user_factory(), user_factory()
    factories.friendship_make(me, friend)
    now = timezone.now()
    factories.CheckinFactory(user=friend, merchant=merchant, created_at=now - timedelta(minutes=30))
    coupons = checkin_create(
        user=me, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5, now=now
    ).coupons
    assert [c.campaign_id for c in coupons] == [wide.pk]
    assert narrow.pk not in [c.campaign_id for c in coupons]


@pytest.mark.parametrize(("start", "end"), [(time(9), None), (None, time(18))], ids=["no end", "no start"])
def test_a_window_missing_either_bound_means_all_day(start, end):
    """Rule: daily hours apply only with both bounds (the model's constraint keeps them together); one alone is no
    window at all, never an error."""
    assert within_daily_hours(start=start, end=end, at=AT_03_UTC, timezone_name="Asia/Seoul")


def test_a_window_that_starts_where_it_ends_means_all_day():
    """Rule: start == end (refused on input) reads as a window that wraps round the whole day, never as an empty one."""
    for hour in (0, 9, 12, 23):
        at = datetime(2026, 6, 1, hour, tzinfo=UTC)
        assert within_daily_hours(start=time(9), end=time(9), at=at, timezone_name="UTC")


def test_a_stored_trigger_of_an_unknown_type_needs_nothing_and_issues_nothing():
    """Rule: a trigger type the registry does not know (say, written by a newer release) asks for no facts and
    unlocks nobody, rather than failing the check-in."""
    lottery = {"type": "lottery"}
    assert trigger_facts(trigger=lottery, starts_at=AT_03_UTC, at=AT_03_UTC, shared=True) == ()
    visit = Visit(checkin_id=1, user_id=1, merchant_id=1, merchant_name="Shop", at=AT_03_UTC, first_visit=True)
    assert trigger_members(trigger=lottery, starts_at=AT_03_UTC, visit=visit) == []


def test_a_private_checkin_does_not_even_look_for_friends():
    """Rule: a private check-in takes no part in a group unlock, so its friends are not looked up at all; a shared
    one asks for the friends seen since the window's start."""
    group = {"type": "with_friends", "friends": 1, "window_minutes": 30}
    assert trigger_facts(trigger=group, starts_at=AT_03_UTC, at=AT_03_UTC, shared=False) == ()
    since = AT_03_UTC - timedelta(minutes=30)
    assert trigger_facts(trigger=group, starts_at=AT_03_UTC, at=AT_03_UTC, shared=True) == (FriendsHereSince(since),)
