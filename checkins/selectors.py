"""Reads about check-ins: the facts the anti-cheat rules need, visit history, a user's own check-ins."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet

from checkins.models import Checkin, Visibility
from core.db import prepared_cursor
from coupons.selectors import RUNNING_CAMPAIGNS_JSON_SQL
from coupons.triggers import Fact, FriendsHereSince, VisitsSince
from geo.sql import point_sql

# Everything the rules need in one round trip: the merchant, the fix's spheroid distance to its pin (ST_Distance on
# geography), the user's latest check-in here (cooldown, first visit) and anywhere (travel speed, with the distance
# from that check-in's fix to this one), and the merchant's running campaigns for issuance. Both check-in subqueries
# walk the (user, merchant, created_at) and (user, created_at) indexes backwards and stop at the first row.
_CONTEXT_SQL = f"""
SELECT m.id, m.name, m.checkin_radius_m, m.timezone, ST_Distance(m.location, fix.point),
       (SELECT c.created_at FROM checkins_checkin c WHERE c.user_id = %(user)s AND c.merchant_id = m.id
        ORDER BY c.created_at DESC LIMIT 1),
       previous.created_at, ST_Distance(previous.location, fix.point),
       ({RUNNING_CAMPAIGNS_JSON_SQL}) AS campaigns
FROM merchants_merchant m
CROSS JOIN (SELECT {point_sql(lng="lng", lat="lat")} AS point) fix
LEFT JOIN LATERAL (
    SELECT c.created_at, c.location FROM checkins_checkin c WHERE c.user_id = %(user)s
    ORDER BY c.created_at DESC LIMIT 1
) previous ON true
WHERE m.id = %(merchant)s
"""

_FRIENDS_HERE_SQL = """
SELECT DISTINCT ON (c.user_id) c.user_id, c.id
FROM checkins_checkin c
JOIN accounts_friendship f ON f.friend_id = c.user_id AND f.user_id = %(user)s
WHERE c.merchant_id = %(merchant)s AND c.created_at > %(since)s AND c.created_at <= %(until)s
  AND c.visibility <> %(private)s
ORDER BY c.user_id, c.created_at DESC, c.id DESC
"""


@dataclass(frozen=True)
class CheckinContext:
    """The merchant and the user's recent history, as seen from a GPS fix."""

    merchant_id: int
    merchant_name: str
    checkin_radius_m: int
    merchant_timezone: str
    distance_m: float
    last_here_at: datetime | None
    previous_at: datetime | None
    previous_distance_m: float | None
    running_campaigns: list[dict]


def checkin_context_find(*, user_id: int, merchant_id: int, lat: float, lng: float) -> CheckinContext | None:
    """The facts for the anti-cheat rules in one query, or None when no merchant has this id."""
    with prepared_cursor() as cursor:
        cursor.execute(_CONTEXT_SQL, {"user": user_id, "merchant": merchant_id, "lat": lat, "lng": lng})
        row = cursor.fetchone()
    return None if row is None else CheckinContext(*row)


def checkin_count_since(*, user_id: int, merchant_id: int, since: datetime) -> int:
    """The user's check-ins at the merchant at or after `since`."""
    return Checkin.objects.filter(user_id=user_id, merchant_id=merchant_id, created_at__gte=since).count()


def friends_checked_in_since(*, user_id: int, merchant_id: int, since: datetime, until: datetime) -> list[tuple]:
    """(friend id, that friend's latest shared check-in id) for each friend who checked in here in (since, until];
    private check-ins are never counted (they reveal nothing to friends)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _FRIENDS_HERE_SQL,
            {"user": user_id, "merchant": merchant_id, "since": since, "until": until, "private": Visibility.PRIVATE},
        )
        return [tuple(row) for row in cursor.fetchall()]


def visit_facts_find(*, user_id: int, merchant_id: int, until: datetime, facts: Iterable[Fact]) -> dict[Fact, Any]:
    """The facts of the user's visit (at `until`, already written) that campaigns' triggers declared, one query each."""
    found: dict[Fact, Any] = {}
    for fact in dict.fromkeys(facts):  # the same fact asked by two campaigns is read once
        if isinstance(fact, VisitsSince):
            found[fact] = checkin_count_since(user_id=user_id, merchant_id=merchant_id, since=fact.since)
        elif isinstance(fact, FriendsHereSince):
            found[fact] = friends_checked_in_since(
                user_id=user_id, merchant_id=merchant_id, since=fact.since, until=until
            )
        else:
            raise TypeError(f"no check-in reader for {fact!r}")
    return found


def checkin_list_for_user(*, user_id: int) -> QuerySet:
    """The user's own check-ins, newest first, as dicts."""
    return (
        Checkin.objects.filter(user_id=user_id)
        .order_by("-created_at", "-id")
        .values(
            "id",
            "merchant_id",
            "message",
            "visibility",
            "distance_m",
            "accuracy_m",
            "created_at",
            merchant_name=F("merchant__name"),
            merchant_category=F("merchant__category"),
        )
    )
