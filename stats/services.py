"""Statistics writes: the merchant-view record, and keeping the rollups up to date."""

from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from stats import rollups
from stats.models import MerchantView

_ROLLUP_TABLES = (
    "stats_merchanthour",
    "stats_campaignhour",
    "stats_bitmap",
    "stats_member",
    "stats_couponshadow",
    "stats_merchantstate",
    "stats_foldstate",
    "stats_foldgap",
    "stats_socialdeletion",
)


def merchant_view_record(*, merchant_id: int, user_id: int, at: datetime | None = None) -> MerchantView:
    """Record that a signed-in user opened a merchant's detail (the funnel's `viewers`)."""
    return MerchantView.objects.create(merchant_id=merchant_id, user_id=user_id, viewed_at=at or timezone.now())


def rollups_fold(*, now: datetime | None = None, wait: bool = True) -> dict:
    """Fold everything written since the last fold into the rollups; returns the rows read per source (or
    `{"skipped": True}` when `wait` is false and another fold is running)."""
    return rollups.rollups_fold(now=now, wait=wait)


def rollups_rebuild(*, now: datetime | None = None) -> dict:
    """Forget the rollups and fold the whole history again (after a bulk load, or to repair them)."""
    with transaction.atomic(), connection.cursor() as cursor:
        # Deferred foreign-key checks still pending in this transaction would block TRUNCATE: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {', '.join(_ROLLUP_TABLES)}")
    return rollups.rollups_fold(now=now)
