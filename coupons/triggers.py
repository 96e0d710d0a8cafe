"""Campaign triggers: their shape, and the rules that decide who met one on a visit."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.errors import ValidationFailed

EVERY_CHECKIN = "every_checkin"
FIRST_VISIT = "first_visit"
NTH_VISIT = "nth_visit"
WITH_FRIENDS = "with_friends"
TRIGGER_TYPES = (EVERY_CHECKIN, FIRST_VISIT, NTH_VISIT, WITH_FRIENDS)

MAX_NTH_VISITS = 1000
MAX_GROUP_FRIENDS = 100
MAX_WINDOW_MINUTES = 1440


def _whole_number(trigger: dict, name: str, low: int, high: int, errors: dict) -> int | None:
    value = trigger.get(name)
    if value is None:
        errors[f"trigger.{name}"] = ["This field is required for this trigger type."]
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        errors[f"trigger.{name}"] = ["A whole number is required."]
        return None
    if not low <= value <= high:
        errors[f"trigger.{name}"] = [f"Must be between {low} and {high}."]
        return None
    return value


def trigger_clean(trigger) -> dict:
    """The trigger with only the keys its type uses, or ValidationFailed naming `trigger.<key>`."""
    if not isinstance(trigger, dict):
        raise ValidationFailed(errors={"trigger": ["An object with a `type` is required."]})
    kind = trigger.get("type")
    if kind not in TRIGGER_TYPES:
        raise ValidationFailed(errors={"trigger.type": [f"Must be one of {', '.join(TRIGGER_TYPES)}."]})
    errors: dict = {}
    cleaned: dict = {"type": kind}
    if kind == NTH_VISIT:
        # visits=1 would be every_checkin under another name; the N-th visit starts making sense at 2.
        cleaned["visits"] = _whole_number(trigger, "visits", 2, MAX_NTH_VISITS, errors)
    elif kind == WITH_FRIENDS:
        cleaned["friends"] = _whole_number(trigger, "friends", 1, MAX_GROUP_FRIENDS, errors)
        cleaned["window_minutes"] = _whole_number(trigger, "window_minutes", 1, MAX_WINDOW_MINUTES, errors)
    if errors:
        raise ValidationFailed(errors=errors)
    return cleaned


def within_daily_hours(*, start: time | None, end: time | None, at: datetime, timezone_name: str) -> bool:
    """Whether `at` falls inside [start, end) in the merchant's local time; a window like 22:00-02:00 spans midnight."""
    if start is None or end is None:
        return True
    local = at.astimezone(ZoneInfo(timezone_name)).time().replace(tzinfo=None)
    if start < end:
        return start <= local < end
    return local >= start or local < end


def in_holdout(*, campaign_id: int, user_id: int, holdout_percent: int) -> bool:
    """Stable per (campaign, user), uniform over users: the same user is always in or out of a campaign's holdout."""
    if holdout_percent <= 0:
        return False
    digest = hashlib.sha256(f"holdout:{campaign_id}:{user_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100 < holdout_percent


@dataclass
class Visit:
    """What the coupon rules need to know about an accepted check-in, supplied by the check-in layer.

    The history questions are callbacks so that they are asked (one query each) only when a running campaign's
    trigger needs them: coupons never reads the check-in table itself (checkins sits above coupons).
    """

    checkin_id: int
    user_id: int
    merchant_id: int
    merchant_name: str
    at: datetime
    first_visit: bool
    # visits_since(t): the user's check-ins at this merchant at or after t, this one included
    visits_since: Callable[[datetime], int]
    # friends_here_since(t): (friend user id, that friend's latest check-in id here) for friends who checked in after t
    friends_here_since: Callable[[datetime], list[tuple[int, int]]]
    # False for a private check-in: it reveals nothing to anyone but its owner, so it takes no part in a group unlock
    # (friends' coupons and notifications would tell them where the user is). friends_here_since likewise never
    # returns friends' private check-ins.
    shared: bool = True
    _cache: dict = field(default_factory=dict, repr=False)

    def visits_since_cached(self, since: datetime) -> int:
        key = ("visits", since)
        if key not in self._cache:
            self._cache[key] = self.visits_since(since)
        return self._cache[key]

    def friends_here_cached(self, since: datetime) -> list[tuple[int, int]]:
        key = ("friends", since)
        if key not in self._cache:
            self._cache[key] = self.friends_here_since(since)
        return self._cache[key]


def trigger_members(*, trigger: dict, starts_at: datetime, visit: Visit) -> list[tuple[int, int]]:
    """Who met the trigger on this visit, as (user id, that user's check-in id); empty when nobody did."""
    kind = trigger.get("type")
    own = [(visit.user_id, visit.checkin_id)]
    if kind == EVERY_CHECKIN:
        return own
    if kind == FIRST_VISIT:
        return own if visit.first_visit else []
    if kind == NTH_VISIT:
        visits = int(trigger["visits"])
        return own if visit.visits_since_cached(starts_at) % visits == 0 else []
    if kind == WITH_FRIENDS:
        if not visit.shared:
            return []
        since = visit.at - timedelta(minutes=int(trigger["window_minutes"]))
        friends = visit.friends_here_cached(since)
        if len(friends) < int(trigger["friends"]):
            return []
        return own + sorted(friends)
    return []
