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
# The previous check-in's raw fix may be erased (retention, withdrawn consent): its merchant's pin stands in for it.
# The check-in was accepted within that merchant's radius (at most a few hundred metres off), and the rule exempts
# pairs under CHECKIN_SPEED_EXEMPT_M anyway. The user's consent is read here too, under the user's check-in lock, so
# that a withdrawal committed while this request waited for the lock is seen (the request's own user row may be older).
_CONTEXT_SQL = f"""
SELECT m.id, m.name, m.checkin_radius_m, m.timezone, ST_Distance(m.location, fix.point),
       (SELECT c.created_at FROM checkins_checkin c WHERE c.user_id = %(user)s AND c.merchant_id = m.id
        ORDER BY c.created_at DESC LIMIT 1),
       previous.created_at, ST_Distance(previous.location, fix.point),
       ({RUNNING_CAMPAIGNS_JSON_SQL}) AS campaigns,
       (SELECT u.location_consent FROM accounts_user u WHERE u.id = %(user)s)
FROM merchants_merchant m
CROSS JOIN (SELECT {point_sql(lng="lng", lat="lat")} AS point) fix
LEFT JOIN LATERAL (
    SELECT c.created_at,
           COALESCE(c.location, (SELECT pm.location FROM merchants_merchant pm WHERE pm.id = c.merchant_id)) AS location
    FROM checkins_checkin c WHERE c.user_id = %(user)s
    ORDER BY c.created_at DESC LIMIT 1
) previous ON true
WHERE m.id = %(merchant)s
"""


# The triggers' facts as SQL, written once with the merchant and the start as SQL expressions: for one visit
# (visit_facts_find) and for a would-be visit at many merchants at once (visit_facts_predict).
def _visits_since_sql(*, merchant: str, since: str) -> str:
    return f"""
SELECT count(*) FROM checkins_checkin c
WHERE c.user_id = %(user)s AND c.merchant_id = {merchant} AND c.created_at >= {since}
"""


def _friends_here_sql(*, merchant: str, since: str) -> str:
    return f"""
SELECT DISTINCT ON (c.user_id) c.user_id, c.id
FROM checkins_checkin c
JOIN accounts_friendship f ON f.friend_id = c.user_id AND f.user_id = %(user)s
WHERE c.merchant_id = {merchant} AND c.created_at > {since} AND c.created_at <= %(until)s
  AND c.visibility <> %(private)s
ORDER BY c.user_id, c.created_at DESC, c.id DESC
"""


_VISITS_SINCE_SQL = _visits_since_sql(merchant="%(merchant)s", since="%(since)s")
_FRIENDS_HERE_SQL = _friends_here_sql(merchant="%(merchant)s", since="%(since)s")

# Every fact a would-be visit's campaigns asked for, in one round trip: one row per VisitsSince and one per friend
# found for a FriendsHereSince, numbered as asked.
_PREDICT_SQL = f"""
WITH wanted AS (
    SELECT * FROM unnest(%(kinds)s::text[], %(merchants)s::bigint[], %(sinces)s::timestamptz[])
        WITH ORDINALITY AS w(kind, merchant_id, since, i)
)
SELECT w.i, ({_visits_since_sql(merchant="w.merchant_id", since="w.since")}), NULL FROM wanted w
WHERE w.kind = 'visits'
UNION ALL
SELECT w.i, here.user_id, here.id FROM wanted w
CROSS JOIN LATERAL ({_friends_here_sql(merchant="w.merchant_id", since="w.since")}) here
WHERE w.kind = 'friends'
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
    location_consent: bool


def checkin_context_find(*, user_id: int, merchant_id: int, lat: float, lng: float) -> CheckinContext | None:
    """The facts for the anti-cheat rules in one query, or None when no merchant has this id."""
    with prepared_cursor() as cursor:
        cursor.execute(_CONTEXT_SQL, {"user": user_id, "merchant": merchant_id, "lat": lat, "lng": lng})
        row = cursor.fetchone()
    return None if row is None else CheckinContext(*row)


def checkin_count_since(*, user_id: int, merchant_id: int, since: datetime) -> int:
    """The user's check-ins at the merchant at or after `since`."""
    with connection.cursor() as cursor:
        cursor.execute(_VISITS_SINCE_SQL, {"user": user_id, "merchant": merchant_id, "since": since})
        return cursor.fetchone()[0]


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


def visit_facts_predict(
    *, user_id: int, at: datetime, wanted: Iterable[tuple[int, Fact]]
) -> dict[tuple[int, Fact], Any]:
    """The facts a check-in of the user at `at` would read, for each (merchant id, fact) asked, as visit_facts_find
    would read them once the check-in were written (a visit count includes it), in one query for all merchants."""
    asked = list(dict.fromkeys(wanted))
    kinds, merchants, sinces = [], [], []
    for merchant_id, fact in asked:
        if not isinstance(fact, VisitsSince | FriendsHereSince):
            raise TypeError(f"no check-in reader for {fact!r}")
        kinds.append("visits" if isinstance(fact, VisitsSince) else "friends")
        merchants.append(merchant_id)
        sinces.append(fact.since)
    # Before any row is read: the would-be check-in is one visit of every count; no friend is found yet.
    found: dict[tuple[int, Fact], Any] = {key: 1 if isinstance(key[1], VisitsSince) else [] for key in asked}
    if not asked:
        return found
    params: dict[str, Any] = {"user": user_id, "until": at, "private": Visibility.PRIVATE}
    params.update(kinds=kinds, merchants=merchants, sinces=sinces)
    with connection.cursor() as cursor:
        cursor.execute(_PREDICT_SQL, params)
        for number, first, second in cursor.fetchall():
            key = asked[number - 1]
            if isinstance(key[1], VisitsSince):
                found[key] += first
            else:
                found[key].append((first, second))
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
