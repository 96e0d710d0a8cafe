"""Check-ins: the anti-cheat rules, the refused-attempt audit, and coupons on the spot."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from checkins.models import Checkin, CheckinRefusal, Visibility
from checkins.selectors import (
    CheckinContext,
    checkin_context_find,
    checkin_count_since,
    friends_checked_in_since,
)
from core.db import prepared_cursor
from core.errors import NotFound, Unprocessable
from core.outbox import outbox_event_write
from coupons.selectors import campaigns_issuing_from_json
from coupons.services import IssuedCoupon, coupons_issue_for_visit
from coupons.triggers import Visit
from geo.points import point_from_lat_lng

POOR_ACCURACY = "poor_accuracy"
TOO_FAR = "too_far"
CHECKIN_COOLDOWN = "checkin_cooldown"
IMPLAUSIBLE_TRAVEL = "implausible_travel"


class CheckinRefused(Unprocessable):
    """An anti-cheat rule refused the check-in (422 with the rule's code)."""

    title = _("Check-in refused")


@dataclass
class CheckinResult:
    """An accepted check-in with the coupons it earned the user on the spot."""

    checkin: Checkin
    merchant_name: str
    coupons: list[IssuedCoupon] = field(default_factory=list)


def _refusal(context: CheckinContext, *, accuracy_m: float, now: datetime) -> CheckinRefused | None:
    """The first anti-cheat rule that refuses this attempt, in the order API.md gives, or None."""
    if accuracy_m > settings.CHECKIN_MAX_ACCURACY_M:
        return CheckinRefused(
            f"The GPS fix is too imprecise ({accuracy_m:g} m); at most {settings.CHECKIN_MAX_ACCURACY_M:g} m.",
            code=POOR_ACCURACY,
            max_accuracy_m=settings.CHECKIN_MAX_ACCURACY_M,
        )
    radius = context.checkin_radius_m
    # The reported accuracy is credited, but never more than the radius: no fix is accepted beyond twice the radius.
    if context.distance_m - min(accuracy_m, radius) > radius:
        return CheckinRefused(
            f"You are {context.distance_m:.0f} m from this merchant; check-ins are accepted within {radius} m.",
            code=TOO_FAR,
            distance_m=round(context.distance_m, 2),
            checkin_radius_m=radius,
        )
    cooldown = timedelta(minutes=settings.CHECKIN_COOLDOWN_MINUTES)
    if cooldown > timedelta(0) and context.last_here_at is not None and now - context.last_here_at < cooldown:
        retry_at = context.last_here_at + cooldown
        return CheckinRefused(
            f"You checked in here less than {settings.CHECKIN_COOLDOWN_MINUTES} minutes ago.",
            code=CHECKIN_COOLDOWN,
            retry_at=retry_at.isoformat(),
        )
    if context.previous_at is not None and context.previous_distance_m >= settings.CHECKIN_SPEED_EXEMPT_M:
        hours = (now - context.previous_at).total_seconds() / 3600
        speed_kmh = context.previous_distance_m / 1000 / hours if hours > 0 else float("inf")
        if speed_kmh > settings.CHECKIN_MAX_SPEED_KMH:
            return CheckinRefused(
                f"Reaching this place from your previous check-in "
                f"({context.previous_distance_m / 1000:.1f} km away) needs more than "
                f"{settings.CHECKIN_MAX_SPEED_KMH:g} km/h.",
                code=IMPLAUSIBLE_TRAVEL,
            )
    return None


# One user's check-ins run one at a time: a transaction-scoped advisory lock on the user, taken before the history is
# read and held until the check-in commits, so that parallel attempts see each other as if sent one after another
# (one accepted within a cooldown; travel measured from the check-in that really came before). The two-key form keeps
# these locks apart from any single-key lock (stats' fold); ids past 2**32 share a lock now and then, which only
# serialises two users' check-ins.
_USER_LOCK_NAMESPACE = 7_300_002
_USER_LOCK_SQL = "SELECT pg_advisory_xact_lock(%s, %s)"


def _user_checkins_serialize(user_id: int) -> None:
    with prepared_cursor() as cursor:
        cursor.execute(_USER_LOCK_SQL, [_USER_LOCK_NAMESPACE, (user_id & 0xFFFFFFFF) - 2**31])


def checkin_create(
    *,
    user: User,
    merchant_id: int,
    lat: float,
    lng: float,
    accuracy_m: float,
    message: str = "",
    visibility: str = Visibility.FRIENDS,
    now: datetime | None = None,
) -> CheckinResult:
    """Check the user in at a merchant if the anti-cheat rules accept the fix, and issue the coupons it earns.

    A refused attempt writes only an audit row and raises CheckinRefused after the transaction closes, so that the
    failed request still leaves its trace for fraud review.
    """
    # Errors leave the transaction block as values and are raised after it: an exception inside would doom an
    # enclosing transaction (the idempotency layer's), and a refusal's audit row must commit.
    with transaction.atomic(savepoint=False):
        _user_checkins_serialize(user.pk)
        # The clock is read under the lock: a check-in's time is never before that of the one it waited for.
        now = now or timezone.now()
        context = checkin_context_find(user_id=user.pk, merchant_id=merchant_id, lat=lat, lng=lng)
        if context is None:
            error = NotFound("No merchant has this id.", code="merchant_not_found")
        else:
            error = _refusal(context, accuracy_m=accuracy_m, now=now)
            if error is None:
                return _checkin_accept(
                    user=user,
                    context=context,
                    lat=lat,
                    lng=lng,
                    accuracy_m=accuracy_m,
                    message=message,
                    visibility=visibility,
                    now=now,
                )
            CheckinRefusal.objects.create(
                user=user,
                merchant_id=merchant_id,
                location=point_from_lat_lng(lat, lng),
                accuracy_m=accuracy_m,
                distance_m=context.distance_m,
                reason=error.code,
                created_at=now,
            )
    raise error


_INSERT_SQL = """
INSERT INTO checkins_checkin (user_id, merchant_id, location, accuracy_m, distance_m, message, visibility, created_at)
VALUES (%s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, %s, %s, %s, %s)
RETURNING id
"""


def _checkin_accept(
    *, user: User, context: CheckinContext, lat, lng, accuracy_m, message, visibility, now
) -> CheckinResult:
    checkin = Checkin(
        user=user,
        merchant_id=context.merchant_id,
        location=point_from_lat_lng(lat, lng),
        accuracy_m=accuracy_m,
        distance_m=round(context.distance_m, 2),
        message=message,
        visibility=visibility,
        created_at=now,
    )
    # The hot path's INSERT in SQL: the ORM's geometry adaptation and statement building cost more than the INSERT.
    with prepared_cursor() as cursor:
        cursor.execute(_INSERT_SQL, [user.pk, context.merchant_id, lng, lat, accuracy_m, checkin.distance_m, message,
                                     visibility, now])  # fmt: skip
        checkin.pk = cursor.fetchone()[0]
    campaigns = campaigns_issuing_from_json(
        rows=context.running_campaigns, merchant_id=context.merchant_id, timezone_name=context.merchant_timezone, at=now
    )
    visit = Visit(
        checkin_id=checkin.pk,
        user_id=user.pk,
        merchant_id=context.merchant_id,
        merchant_name=context.merchant_name,
        at=now,
        first_visit=context.last_here_at is None,
        shared=visibility != Visibility.PRIVATE,
        visits_since=lambda since: checkin_count_since(user_id=user.pk, merchant_id=context.merchant_id, since=since),
        friends_here_since=lambda since: friends_checked_in_since(
            user_id=user.pk, merchant_id=context.merchant_id, since=since, until=now
        ),
    )
    # Coupons are issued in the check-in's transaction: a check-in and the coupons it earned commit together.
    coupons = [c for c in coupons_issue_for_visit(visit=visit, campaigns=campaigns) if c.user_id == user.pk]
    # Sharing (friends' feeds, notifications) happens after commit through the outbox, never in this request. The
    # event is written for private check-ins too: the consumer decides what to share, and the event log is complete.
    outbox_event_write(
        topic="checkin.created",
        payload={
            "checkin_id": checkin.pk,
            "user_id": user.pk,
            "merchant_id": context.merchant_id,
            "visibility": visibility,
            "created_at": now.isoformat(),
        },
    )
    return CheckinResult(checkin=checkin, merchant_name=context.merchant_name, coupons=coupons)
