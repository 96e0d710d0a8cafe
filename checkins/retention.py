"""How long raw GPS fixes are kept: until LOCATION_RAW_RETENTION_DAYS have passed, or the user withdraws consent.

A raw fix is the reported position and accuracy of a check-in or a refused attempt (`location`, `accuracy_m`). The
anti-cheat rules need it only briefly (the travel-speed rule reads the previous check-in, and falls back to its
merchant's pin once the fix is gone: checkins/selectors.py); statistics never read it. Erasing sets both to NULL and
keeps the merchant, the time and the distance, so that visits, counts and fraud review still hold.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accounts.consents import location_consent_record
from accounts.models import User
from checkins.services import _user_checkins_serialize

# The tables holding raw fixes. Each has a partial index on created_at WHERE location IS NOT NULL (the purge's walk)
# and one on (user, created_at) (a withdrawal's).
_RAW_FIX_TABLES = ("checkins_checkin", "checkins_checkinrefusal")


def _erase_batch(*, table: str, user_id: int | None, before: datetime | None, batch: int) -> int:
    """Erase the fixes of one batch of rows of `table`; returns how many rows were erased."""
    conditions = ["location IS NOT NULL"]
    params: list = []
    if user_id is not None:
        conditions.append("user_id = %s")
        params.append(user_id)
    if before is not None:
        conditions.append("created_at < %s")
        params.append(before)
    # SKIP LOCKED: a row held by a transaction in flight is taken by the next run (or the next batch of this one).
    sql = f"""
        UPDATE {table} SET location = NULL, accuracy_m = NULL
        WHERE id IN (SELECT id FROM {table} WHERE {" AND ".join(conditions)} LIMIT %s FOR UPDATE SKIP LOCKED)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, batch])
        return cursor.rowcount


def raw_fixes_erase(*, user_id: int | None = None, before: datetime | None = None, batch: int = 5000) -> int:
    """Erase raw fixes (check-ins' and refused attempts'), of one user and/or taken before a time; returns how many.

    Batched, each batch its own short transaction unless the caller holds one; a second run finds nothing to do.
    """
    if user_id is None and before is None:
        raise ValueError("raw_fixes_erase needs a user or a time: it never erases every fix by accident")
    total = 0
    for table in _RAW_FIX_TABLES:
        while True:
            count = _erase_batch(table=table, user_id=user_id, before=before, batch=batch)
            total += count
            if count < batch:
                break
    return total


def raw_fixes_purge(*, now: datetime | None = None) -> int:
    """Erase every raw fix older than LOCATION_RAW_RETENTION_DAYS (the daily beat task); returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.LOCATION_RAW_RETENTION_DAYS)
    return raw_fixes_erase(before=cutoff)


@transaction.atomic
def location_consent_change(*, user: User, granted: bool, now: datetime | None = None) -> bool:
    """Grant or withdraw the user's location consent (recorded with the terms version); a withdrawal erases every raw
    fix of the user at once. Returns whether the consent changed (an unchanged answer writes nothing)."""
    # The user's check-in lock: a check-in in flight commits first (and its fix is erased below), or waits and then
    # reads the withdrawn consent (checkins/selectors.py, the context) and stores nothing.
    _user_checkins_serialize(user.pk)
    # The request's user row may be stale (another device changed the consent meanwhile): read it under the lock.
    user.location_consent, user.location_consent_changed_at = User.objects.values_list(
        "location_consent", "location_consent_changed_at"
    ).get(pk=user.pk)
    changed = location_consent_record(user=user, granted=granted, now=now)
    if not granted:
        # Also when nothing changed: a fix that slipped in is erased all the same (cheap: the index finds none).
        raw_fixes_erase(user_id=user.pk)
    return changed
