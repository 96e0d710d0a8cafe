"""Redemption at the counter, and the expiry of coupons nobody redeemed."""

from datetime import datetime

from django.db import connection
from django.utils import timezone

from accounts.models import User
from coupons.codes import coupon_code_normalize, coupon_code_possible
from coupons.errors import CouponAlreadyRedeemed, CouponExpired, CouponNotFound
from coupons.models import Coupon
from coupons.status import COUPON_ACTIVE
from merchants.selectors import staff_role_require

# Unredeemed coupons past their expiry that the expiry task has not marked yet, on rows aliased `c`.
_EXPIRABLE_SQL = "c.redeemed_at IS NULL AND c.expired_at IS NULL AND c.expires_at <= %s"


def coupon_redeem(*, merchant_id: int, actor: User, code: str, now: datetime | None = None) -> Coupon:
    """Redeem a coupon at the counter, exactly once; any staff of the issuing merchant."""
    staff_role_require(merchant_id=merchant_id, user_id=actor.pk)
    now = now or timezone.now()
    normalized = coupon_code_normalize(code)
    if not coupon_code_possible(normalized):
        raise CouponNotFound()
    # The conditional UPDATE is the truth: of any number of concurrent redemptions exactly one matches the row.
    redeemed = (
        Coupon.objects.filter(code=normalized, merchant_id=merchant_id)
        .filter(COUPON_ACTIVE.q(Coupon.Status.ACTIVE, now))
        .update(redeemed_at=now, redeemed_by=actor)
    )
    coupon = (
        Coupon.objects.select_related("campaign", "merchant", "user")
        .filter(code=normalized, merchant_id=merchant_id)
        .first()
    )
    if coupon is None:
        raise CouponNotFound()
    if not redeemed:
        if coupon.redeemed_at is not None:
            raise CouponAlreadyRedeemed(redeemed_at=coupon.redeemed_at)
        raise CouponExpired(expires_at=coupon.expires_at)
    return coupon


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
