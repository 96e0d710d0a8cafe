from celery import shared_task

from coupons.campaigns import campaigns_ended_announce
from coupons.redemption import coupons_expire


@shared_task(name="coupons.expire")
def coupons_expire_task() -> int:
    """Mark coupons past their expiry as expired (idempotent: a second run finds nothing to do)."""
    return coupons_expire()


@shared_task(name="coupons.campaigns_ended_announce", ignore_result=True)
def campaigns_ended_announce_task() -> int:
    """Announce to subscribed webhooks the campaigns that reached their ends_at (each once)."""
    return campaigns_ended_announce()
