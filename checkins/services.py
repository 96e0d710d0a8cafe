"""Check-ins: the anti-cheat rules, the refused-attempt audit, and coupons on the spot."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from accounts.errors import LocationConsentRequired
from accounts.location_log import location_log_checkin_evaluated
from accounts.models import User
from accounts.services import user_checkin_notice_mark
from checkins.errors import CheckinCooldown, CheckinRefused, ImplausibleTravel, PoorAccuracy, TooFar
from checkins.models import Checkin, CheckinRefusal, Visibility
from checkins.selectors import CheckinContext, checkin_context_find, visit_facts_find
from core.db import prepared_cursor
from core.errors import DomainError
from core.outbox import OutboxWrite, outbox_events_write
from coupons.issuance import IssuedCoupon, coupons_issue_for_visit
from coupons.selectors import IssuingCampaign, campaigns_issuing_from_json
from coupons.triggers import Visit, trigger_facts
from geo.points import point_from_lat_lng
from geo.sql import POINT_SQL
from merchants.errors import MerchantNotFound
from webhooks.events import webhook_campaign_sold_out, webhook_checkin_created, webhook_coupon_issued


@dataclass
class CheckinResult:
    """An accepted check-in with the coupons it earned the user on the spot."""

    checkin: Checkin
    merchant_name: str
    coupons: list[IssuedCoupon] = field(default_factory=list)
    # True on the user's first accepted check-in only: its answer tells once who sees their check-ins.
    notice_due: bool = False


def _refusal(context: CheckinContext, *, accuracy_m: float, now: datetime) -> CheckinRefused | None:
    """The first anti-cheat rule that refuses this attempt, in the contract's order, or None."""
    if accuracy_m > settings.CHECKIN_MAX_ACCURACY_M:
        return PoorAccuracy(
            gettext("The GPS fix is too imprecise (%(accuracy)s m); at most %(most)s m.")
            % {"accuracy": f"{accuracy_m:g}", "most": f"{settings.CHECKIN_MAX_ACCURACY_M:g}"},
            max_accuracy_m=settings.CHECKIN_MAX_ACCURACY_M,
        )
    radius = context.checkin_radius_m
    # The reported accuracy is credited, but never more than the radius: no fix is accepted beyond twice the radius.
    if context.distance_m - min(accuracy_m, radius) > radius:
        return TooFar(
            gettext("You are %(distance)s m from this merchant; check-ins are accepted within %(radius)d m.")
            % {"distance": f"{context.distance_m:.0f}", "radius": radius},
            distance_m=round(context.distance_m, 2),
            checkin_radius_m=radius,
        )
    cooldown = timedelta(minutes=settings.CHECKIN_COOLDOWN_MINUTES)
    if cooldown > timedelta(0) and context.last_here_at is not None and now - context.last_here_at < cooldown:
        retry_at = context.last_here_at + cooldown
        minutes = settings.CHECKIN_COOLDOWN_MINUTES
        return CheckinCooldown(
            ngettext(
                "You checked in here less than %(minutes)d minute ago.",
                "You checked in here less than %(minutes)d minutes ago.",
                minutes,
            )
            % {"minutes": minutes},
            retry_at=retry_at.isoformat(),
        )
    previous_m = context.previous_distance_m
    if context.previous_at is not None and previous_m is not None and previous_m >= settings.CHECKIN_SPEED_EXEMPT_M:
        hours = (now - context.previous_at).total_seconds() / 3600
        speed_kmh = previous_m / 1000 / hours if hours > 0 else float("inf")
        if speed_kmh > settings.CHECKIN_MAX_SPEED_KMH:
            return ImplausibleTravel(
                gettext(
                    "Reaching this place from your previous check-in (%(distance)s km away) needs more than "
                    "%(speed)s km/h."
                )
                % {"distance": f"{previous_m / 1000:.1f}", "speed": f"{settings.CHECKIN_MAX_SPEED_KMH:g}"}
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
    visibility: str | None = None,
    now: datetime | None = None,
) -> CheckinResult:
    """Check the user in at a merchant if the anti-cheat rules accept the fix, and issue the coupons it earns.

    A refused attempt writes only an audit row and raises CheckinRefused after the transaction closes, so that the
    failed request still leaves its trace for fraud review.
    """
    # Without location consent no fix is taken: refused before anything is written (no audit row, no check-in). The
    # user row was loaded by authentication, so this costs no query; the context re-reads it under the user's lock.
    if not user.location_consent:
        raise LocationConsentRequired()
    visibility = visibility or user.default_visibility  # none given: the user's default (GET /me)
    # Errors leave the transaction block as values and are raised after it: an exception inside would doom an
    # enclosing transaction (the idempotency layer's), and a refusal's audit row must commit.
    with transaction.atomic(savepoint=False):
        _user_checkins_serialize(user.pk)
        # The clock is read under the lock: a check-in's time is never before that of the one it waited for.
        now = now or timezone.now()
        context = checkin_context_find(user_id=user.pk, merchant_id=merchant_id, lat=lat, lng=lng)
        error: DomainError | None
        if context is None:
            error = MerchantNotFound()
        elif not context.location_consent:  # withdrawn while this request waited for the lock
            error = LocationConsentRequired()
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
            location_log_checkin_evaluated(
                user_id=user.pk, at=now, checkin_id=None, history_read=context.previous_at is not None
            )
    raise error


# The hot path's INSERT in SQL: the ORM's geometry adaptation and statement building cost more than the INSERT. The
# result is built from what it returns (the row as stored), so the check-in is written once.
_RETURNED = ("id", "user_id", "merchant_id", "accuracy_m", "distance_m", "message", "visibility", "created_at")
_INSERT_SQL = f"""
INSERT INTO checkins_checkin (user_id, merchant_id, location, accuracy_m, distance_m, message, visibility, created_at)
VALUES (%s, %s, {POINT_SQL}, %s, %s, %s, %s, %s)
RETURNING {", ".join(_RETURNED)}
"""


def _checkin_insert(*, user: User, context: CheckinContext, lat, lng, accuracy_m, message, visibility, now) -> Checkin:
    """Write the accepted check-in; the stored row (its fix deferred: nothing after this reads it)."""
    with prepared_cursor() as cursor:
        cursor.execute(_INSERT_SQL, [user.pk, context.merchant_id, lng, lat, accuracy_m, round(context.distance_m, 2),
                                     message, visibility, now])  # fmt: skip
        row = cursor.fetchone()
    return Checkin.from_db(connection.alias, _RETURNED, row)


def _visit_for(checkin: Checkin, *, context: CheckinContext, campaigns: list[IssuingCampaign]) -> Visit:
    """The visit as the coupon rules see it, with the facts the campaigns' triggers declared (read here, once)."""
    shared = checkin.visibility != Visibility.PRIVATE
    wanted = [
        fact
        for campaign in campaigns
        for fact in trigger_facts(
            trigger=campaign.trigger, starts_at=campaign.starts_at, at=checkin.created_at, shared=shared
        )  # fmt: skip
    ]
    facts = visit_facts_find(
        user_id=checkin.user_id, merchant_id=checkin.merchant_id, until=checkin.created_at, facts=wanted
    )
    return Visit(
        checkin_id=checkin.pk,
        user_id=checkin.user_id,
        merchant_id=checkin.merchant_id,
        merchant_name=context.merchant_name,
        at=checkin.created_at,
        first_visit=context.last_here_at is None,
        shared=shared,
        facts=MappingProxyType(facts),
    )


def _webhook_events(checkin: Checkin, *, issued: list[IssuedCoupon], coupons: list[IssuedCoupon]) -> list[OutboxWrite]:
    """The merchant's webhook events of an accepted check-in: it, every coupon it issued (a group unlock's friends'
    too), and each campaign whose last coupon it took."""
    events = [
        webhook_checkin_created(
            checkin_id=checkin.pk,
            merchant_id=checkin.merchant_id,
            user_id=checkin.user_id,
            created_at=checkin.created_at,
            visibility=checkin.visibility,
            coupon_ids=[coupon.id for coupon in coupons],
        )
    ]
    for coupon in issued:
        events.append(
            webhook_coupon_issued(
                coupon_id=coupon.id,
                code=coupon.code,
                campaign_id=coupon.campaign_id,
                merchant_id=checkin.merchant_id,
                user_id=coupon.user_id,
                issued_at=checkin.created_at,
                expires_at=coupon.expires_at,
            )
        )
        if coupon.sold_out_at_stock is not None:
            events.append(
                webhook_campaign_sold_out(
                    campaign_id=coupon.campaign_id,
                    merchant_id=checkin.merchant_id,
                    title=coupon.title,
                    total_stock=coupon.sold_out_at_stock,
                    at=checkin.created_at,
                )
            )
    return events


def _checkin_accept(
    *, user: User, context: CheckinContext, lat, lng, accuracy_m, message, visibility, now
) -> CheckinResult:
    checkin = _checkin_insert(
        user=user, context=context, lat=lat, lng=lng, accuracy_m=accuracy_m, message=message, visibility=visibility,
        now=now,
    )  # fmt: skip
    # The access log's collection (and use of the previous check-in) commits with the check-in: one INSERT.
    location_log_checkin_evaluated(
        user_id=user.pk, at=now, checkin_id=checkin.pk, history_read=context.previous_at is not None
    )
    campaigns = campaigns_issuing_from_json(
        rows=context.running_campaigns, merchant_id=context.merchant_id, timezone_name=context.merchant_timezone, at=now
    )
    visit = _visit_for(checkin, context=context, campaigns=campaigns)
    # Coupons are issued in the check-in's transaction: a check-in and the coupons it earned commit together.
    issued = coupons_issue_for_visit(visit=visit, campaigns=campaigns)
    coupons = [c for c in issued if c.user_id == user.pk]
    # Sharing (friends' feeds, notifications) happens after commit through the outbox, never in this request. The
    # event is written for private check-ins too: the consumer decides what to share, and the event log is complete.
    # The merchant's webhook events go in the same INSERT, each row only if an endpoint subscribes to it.
    outbox_events_write(
        events=[
            OutboxWrite(
                topic="checkin.created",
                payload={
                    "checkin_id": checkin.pk,
                    "user_id": user.pk,
                    "merchant_id": context.merchant_id,
                    "visibility": visibility,
                    "created_at": now.isoformat(),
                },
            ),
            *_webhook_events(checkin, issued=issued, coupons=coupons),
        ]
    )
    # The user row is already loaded: the one-time notice costs a query on the first check-in only (under the user's
    # lock, so two parallel first check-ins carry it once).
    notice_due = user.checkin_notice_shown_at is None and user_checkin_notice_mark(user=user, at=now)
    return CheckinResult(checkin=checkin, merchant_name=context.merchant_name, coupons=coupons, notice_due=notice_due)
