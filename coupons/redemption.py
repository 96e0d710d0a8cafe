"""Redemption at the counter and its void, and the expiry of coupons nobody redeemed.

A redemption is a row of coupons_redemption; the coupon's `redeemed_at`/`redeemed_by` mirror its standing (unvoided)
redemption, so that every reader of a coupon's status keeps reading the coupon. Both change in one transaction.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from coupons.codes import coupon_code_normalize, coupon_code_possible
from coupons.errors import (
    CouponAlreadyRedeemed,
    CouponExpired,
    CouponNotFound,
    RedemptionNotFound,
    VoidWindowPassed,
)
from coupons.models import Coupon, Redemption
from coupons.status import COUPON_ACTIVE
from merchants.models import MANAGING_ROLES
from merchants.selectors import staff_role_require
from webhooks.events import webhook_coupon_redeemed, webhook_coupon_voided, webhook_events_emit

# Unredeemed coupons past their expiry that the expiry task has not marked yet, on rows aliased `c`.
_EXPIRABLE_SQL = "c.redeemed_at IS NULL AND c.expired_at IS NULL AND c.expires_at <= %s"


def redemption_void_window() -> timedelta:
    """How long after a redemption it may be voided (settings.REDEMPTION_VOID_MINUTES, the one home of the rule)."""
    return timedelta(minutes=settings.REDEMPTION_VOID_MINUTES)


def staff_name(user: User | None) -> str | None:
    """How a member of staff is named to others: the display name, else the username."""
    return None if user is None else (user.display_name or user.username)


@transaction.atomic
def coupon_redeem(*, merchant_id: int, actor: User, code: str, now: datetime | None = None) -> Coupon:
    """Redeem a coupon at the counter, exactly once; any staff of the issuing merchant. Writes its Redemption row."""
    staff_role_require(merchant_id=merchant_id, user_id=actor.pk)
    now = now or timezone.now()
    normalized = coupon_code_normalize(code)
    if not coupon_code_possible(normalized):
        raise CouponNotFound()
    # The conditional UPDATE is the truth: of any number of concurrent redemptions exactly one matches the row (and
    # the partial unique constraint on standing redemptions would refuse a second row).
    redeemed = (
        Coupon.objects.filter(code=normalized, merchant_id=merchant_id)
        .filter(COUPON_ACTIVE.q(Coupon.Status.ACTIVE, now))
        .update(redeemed_at=now, redeemed_by=actor)
    )
    coupon = (
        Coupon.objects.select_related("campaign", "merchant", "user", "redeemed_by")
        .filter(code=normalized, merchant_id=merchant_id)
        .first()
    )
    if coupon is None:
        raise CouponNotFound()
    if not redeemed:
        if coupon.redeemed_at is not None:
            raise CouponAlreadyRedeemed(redeemed_at=coupon.redeemed_at, redeemed_by=staff_name(coupon.redeemed_by))
        raise CouponExpired(expires_at=coupon.expires_at)
    redemption = Redemption.objects.create(coupon=coupon, merchant_id=merchant_id, redeemed_at=now, redeemed_by=actor)
    webhook_events_emit(
        events=[
            webhook_coupon_redeemed(
                coupon_id=coupon.pk,
                code=coupon.code,
                campaign_id=coupon.campaign_id,
                merchant_id=merchant_id,
                redemption_id=redemption.pk,
                redeemed_at=now,
                redeemed_by_id=actor.pk,
            )
        ]
    )
    return coupon


def _void_claim(*, merchant_id: int, redemption_id: int, actor: User, now: datetime) -> Redemption | None:
    """Void the redemption if it is standing and within the window (conditional UPDATE: exactly once); None if not."""
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE coupons_redemption SET voided_at = GREATEST(%(now)s, redeemed_at), voided_by_id = %(actor)s
            WHERE id = %(id)s AND merchant_id = %(m)s AND voided_at IS NULL AND redeemed_at >= %(earliest)s
            RETURNING coupon_id, redeemed_at""",
            {
                "now": now,
                "actor": actor.pk,
                "id": redemption_id,
                "m": merchant_id,
                "earliest": now - redemption_void_window(),
            },
        )
        row = cursor.fetchone()
    if row is None:
        return None
    coupon_id, redeemed_at = row
    # The coupon is active again: its mirror of this (its standing) redemption is cleared.
    Coupon.objects.filter(pk=coupon_id, redeemed_at=redeemed_at).update(redeemed_at=None, redeemed_by=None)
    return Redemption.objects.get(pk=redemption_id)


@transaction.atomic
def redemption_void(*, merchant_id: int, redemption_id: int, actor: User, now: datetime | None = None) -> Redemption:
    """Void a redemption within the void window; owners and managers. The coupon is active again; exactly once, and
    voiding a voided redemption changes nothing and answers the same."""
    staff_role_require(merchant_id=merchant_id, user_id=actor.pk, roles=MANAGING_ROLES)
    now = now or timezone.now()
    voided = _void_claim(merchant_id=merchant_id, redemption_id=redemption_id, actor=actor, now=now)
    if voided is not None:
        # Only the void that happened is announced (voiding it again answers the same and announces nothing).
        webhook_events_emit(
            events=[
                webhook_coupon_voided(
                    coupon_id=voided.coupon_id,
                    merchant_id=merchant_id,
                    redemption_id=voided.pk,
                    voided_at=voided.voided_at or now,
                    voided_by_id=actor.pk,
                )
            ]
        )
        return voided
    redemption = Redemption.objects.filter(pk=redemption_id, merchant_id=merchant_id).first()
    if redemption is None:
        raise RedemptionNotFound()
    if redemption.voided_at is not None:
        return redemption
    raise VoidWindowPassed(redeemed_at=redemption.redeemed_at, void_minutes=settings.REDEMPTION_VOID_MINUTES)


def coupons_expire(*, now: datetime | None = None, batch: int = 5000) -> int:
    """Mark unredeemed coupons past their expiry as expired (the status already reads expires_at); returns how many."""
    now = now or timezone.now()
    total = 0
    while True:
        # Small batches keep each transaction short; redeemed_at IS NULL keeps a concurrent redemption exclusive.
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                UPDATE coupons_coupon SET expired_at = expires_at
                WHERE id IN (SELECT c.id FROM coupons_coupon c WHERE {_EXPIRABLE_SQL}
                             LIMIT %s FOR UPDATE SKIP LOCKED)
                  AND redeemed_at IS NULL
                """,
                [now, batch],
            )
            count = cursor.rowcount
        total += count
        if count < batch:
            return total
