"""The location access log: every collection, use and provision of a user's location, written and read here only.

Korea's Act on the Protection and Use of Location Information (art. 16) asks for automatic records of each collection,
use and provision of personal location information, kept at least six months and shown to the person on request.
Entries are append-only (a database trigger refuses UPDATE, migration accounts/0006); they leave by the retention
purge below or with the account (the foreign key cascades).
"""

from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.db import connection
from django.utils import timezone

from accounts.models import LocationLogEntry, User

Action = LocationLogEntry.Action

# Why a location was processed (codes shown to the user as they are; never translated).
PURPOSE_CHECKIN_VERIFICATION = "checkin_verification"  # the fix of a check-in, checked against the merchant's pin
PURPOSE_ANTI_CHEAT_HISTORY = "anti_cheat_history"  # the previous check-in's place and time (cooldown, travel speed)
PURPOSE_FRIENDS_FEED = "friends_feed"  # a check-in delivered to friends' feeds (the merchant, never coordinates)

# On what ground. Collection and use rest on the user's location consent (Location Information Act art. 18; GDPR art.
# 6(1)(a)); delivering a check-in to friends is the service the user asked for when choosing its visibility (GDPR art.
# 6(1)(b)).
LEGAL_BASIS_CONSENT = "consent"
LEGAL_BASIS_CONTRACT = "contract"

RECIPIENT_FRIENDS = "friends"


def location_log_write(*, entries: list[LocationLogEntry]) -> None:
    """Append these entries in one INSERT statement (nothing when there are none)."""
    if entries:
        LocationLogEntry.objects.bulk_create(entries)


def location_log_checkin_evaluated(*, user_id: int, at: datetime, checkin_id: int | None, history_read: bool) -> None:
    """Record a check-in attempt evaluated against a merchant: its fix collected and, when the user's previous
    check-in was read for the anti-cheat rules, that use, in one statement. `checkin_id` is None for a refusal."""
    entries = [
        LocationLogEntry(
            user_id=user_id,
            at=at,
            action=Action.COLLECTED,
            purpose=PURPOSE_CHECKIN_VERIFICATION,
            legal_basis=LEGAL_BASIS_CONSENT,
            checkin_id=checkin_id,
        )
    ]
    if history_read:
        entries.append(
            LocationLogEntry(
                user_id=user_id,
                at=at,
                action=Action.USED,
                purpose=PURPOSE_ANTI_CHEAT_HISTORY,
                legal_basis=LEGAL_BASIS_CONSENT,
                checkin_id=checkin_id,
            )
        )
    location_log_write(entries=entries)


def location_log_feed_provided(*, user_id: int, checkin_id: int, recipient_count: int) -> None:
    """Record that a check-in of the user reached `recipient_count` friends' feeds (how many, never who)."""
    if recipient_count <= 0:
        return
    entry = LocationLogEntry(
        user_id=user_id,
        action=Action.PROVIDED,
        purpose=PURPOSE_FRIENDS_FEED,
        legal_basis=LEGAL_BASIS_CONTRACT,
        recipient_kind=RECIPIENT_FRIENDS,
        recipient_count=recipient_count,
        checkin_id=checkin_id,
    )
    location_log_write(entries=[entry])


_PAGE_FIELDS = ("id", "at", "action", "purpose", "legal_basis", "recipient_kind", "recipient_count", "checkin_id")


def location_log_page(*, user: User, limit: int, below: int | None = None, above: int | None = None) -> list[dict]:
    """Up to `limit` of the user's entries newest first: the newest, those older than id `below`, or (paging back)
    the `limit` oldest of those newer than id `above`; as dicts."""
    entries = LocationLogEntry.objects.filter(user=user)
    if above is not None:
        return list(entries.filter(pk__gt=above).order_by("id").values(*_PAGE_FIELDS)[:limit])[::-1]
    if below is not None:
        entries = entries.filter(pk__lt=below)
    return list(entries.order_by("-id").values(*_PAGE_FIELDS)[:limit])


# Oldest first by time, a batch per statement (each its own short transaction): a large backlog never holds one long
# lock or bloats one transaction. The (at) index finds the batch.
_PURGE_SQL = """
DELETE FROM accounts_locationlogentry
WHERE id IN (SELECT id FROM accounts_locationlogentry WHERE at < %(cutoff)s ORDER BY at LIMIT %(batch)s)
"""


def location_log_purge(*, now: datetime | None = None, batch_size: int | None = None) -> int:
    """Delete entries older than LOCATION_LOG_RETENTION_DAYS (at least six months), in batches; how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.LOCATION_LOG_RETENTION_DAYS)
    batch_size = batch_size or settings.LOCATION_LOG_PURGE_BATCH_SIZE
    deleted = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(_PURGE_SQL, {"cutoff": cutoff, "batch": batch_size})
            count = cursor.rowcount
        deleted += count
        if count < batch_size:
            return deleted


@shared_task(name="accounts.location_log_purge", ignore_result=True)
def location_log_purge_task() -> int:
    """Daily: delete location log entries past their retention."""
    return location_log_purge()
