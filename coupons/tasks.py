from celery import shared_task

from coupons.redemption import coupons_expire


@shared_task(name="coupons.expire")
def coupons_expire_task() -> int:
    """Mark coupons past their expiry as expired (idempotent: a second run finds nothing to do)."""
    return coupons_expire()
