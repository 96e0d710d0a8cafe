from celery import shared_task

from checkins.retention import raw_fixes_purge


@shared_task(name="checkins.raw_fixes_purge")
def raw_fixes_purge_task() -> int:
    """Erase raw GPS fixes older than LOCATION_RAW_RETENTION_DAYS (idempotent: a second run finds nothing to do)."""
    return raw_fixes_purge()
