"""Campaign rules beside the trigger: the daily hours a campaign issues in, and its holdout group."""

import hashlib
from datetime import datetime, time
from zoneinfo import ZoneInfo


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
