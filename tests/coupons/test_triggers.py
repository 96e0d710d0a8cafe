"""Trigger shapes, daily hours (overnight too) and the holdout split: pure functions, no database."""

from datetime import UTC, datetime, time

import pytest

from core.errors import ValidationFailed
from coupons.eligibility import in_holdout, within_daily_hours
from coupons.triggers import trigger_clean


@pytest.mark.parametrize(
    ("trigger", "cleaned"),
    [
        ({"type": "every_checkin", "extra": 1}, {"type": "every_checkin"}),
        ({"type": "first_visit"}, {"type": "first_visit"}),
        ({"type": "nth_visit", "visits": 2}, {"type": "nth_visit", "visits": 2}),
        (
            {"type": "with_friends", "friends": 1, "window_minutes": 1440},
            {"type": "with_friends", "friends": 1, "window_minutes": 1440},
        ),
    ],
)
def test_well_formed_triggers(trigger, cleaned):
    assert trigger_clean(trigger) == cleaned


@pytest.mark.parametrize(
    ("trigger", "field"),
    [
        (None, "trigger"),
        ({"type": "lottery"}, "trigger.type"),
        ({}, "trigger.type"),
        ({"type": "nth_visit"}, "trigger.visits"),
        ({"type": "nth_visit", "visits": 1}, "trigger.visits"),
        ({"type": "nth_visit", "visits": "3"}, "trigger.visits"),
        ({"type": "nth_visit", "visits": 2.5}, "trigger.visits"),
        ({"type": "nth_visit", "visits": True}, "trigger.visits"),
        ({"type": "with_friends", "window_minutes": 30}, "trigger.friends"),
        ({"type": "with_friends", "friends": 0, "window_minutes": 30}, "trigger.friends"),
        ({"type": "with_friends", "friends": 2}, "trigger.window_minutes"),
        ({"type": "with_friends", "friends": 2, "window_minutes": 0}, "trigger.window_minutes"),
        ({"type": "with_friends", "friends": 2, "window_minutes": 1441}, "trigger.window_minutes"),
    ],
)
def test_malformed_triggers_name_the_field(trigger, field):
    with pytest.raises(ValidationFailed) as caught:
        trigger_clean(trigger)
    assert field in caught.value.errors


def _utc(hour, minute=0):
    return datetime(2026, 6, 1, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("utc_hour", "utc_minute", "inside"),
    [
        # Seoul is UTC+9: 09:00-18:00 local is 00:00-09:00 UTC
        (0, 0, True),
        (8, 59, True),
        (9, 0, False),
        (23, 59, False),
    ],
)
def test_daily_hours_in_the_merchant_timezone(utc_hour, utc_minute, inside):
    at = _utc(utc_hour, utc_minute)
    assert within_daily_hours(start=time(9), end=time(18), at=at, timezone_name="Asia/Seoul") is inside


@pytest.mark.parametrize(
    ("local_hour", "local_minute", "inside"),
    [(21, 59, False), (22, 0, True), (23, 30, True), (0, 0, True), (1, 59, True), (2, 0, False), (12, 0, False)],
)
def test_overnight_window_spans_midnight(local_hour, local_minute, inside):
    at = _utc((local_hour - 9) % 24, local_minute)
    assert within_daily_hours(start=time(22), end=time(2), at=at, timezone_name="Asia/Seoul") is inside


def test_no_daily_hours_means_all_day():
    assert within_daily_hours(start=None, end=None, at=_utc(3), timezone_name="Asia/Seoul")


def test_holdout_is_stable_and_close_to_the_share():
    users = range(1, 1001)
    held = [u for u in users if in_holdout(campaign_id=7, user_id=u, holdout_percent=20)]
    assert 150 <= len(held) <= 250  # 20% of 1000, binomial sd ~13
    assert held == [u for u in users if in_holdout(campaign_id=7, user_id=u, holdout_percent=20)]
    # another campaign splits the same users differently
    other = [u for u in users if in_holdout(campaign_id=8, user_id=u, holdout_percent=20)]
    assert other != held
    assert not any(in_holdout(campaign_id=7, user_id=u, holdout_percent=0) for u in users)
