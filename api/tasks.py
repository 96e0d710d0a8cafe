from celery import shared_task

from api.idempotency import idempotency_records_purge


@shared_task(name="api.idempotency_purge")
def idempotency_purge_task() -> int:
    """Delete idempotency records older than IDEMPOTENCY_TTL_HOURS (idempotent)."""
    return idempotency_records_purge()
