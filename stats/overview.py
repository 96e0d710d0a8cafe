"""A merchant's overview: every campaign's headline figures over its whole period, in a fixed number of queries."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from core.db import prepared_cursor
from coupons.models import Campaign
from merchants.selectors import merchant_get, staff_role_require
from stats.campaign_stats import stats_as_of
from stats.errors import StatsAccessRefused
from stats.metrics import ratio
from stats.models import Bitmap
from stats.windows import TILES, Window, campaign_period, local_aware

K = Bitmap.Kind
_WINDOW_COLUMNS = ("rs", "re", "h0", "h1", "d0", "d1", "w0", "w1", "d2", "d3", "h2", "h3")

_OVERVIEW_WINDOWS = f"""
SELECT * FROM unnest(%(ids)s::bigint[], {", ".join(f"%({name})s::timestamp[]" for name in _WINDOW_COLUMNS)})
    AS w (campaign_id, {", ".join(_WINDOW_COLUMNS)})
"""

_OVERVIEW_ARMS = " UNION ALL ".join(
    f"SELECT chunk, bits FROM stats_bitmap WHERE kind = {K.VISITORS} AND owner_id = %(merchant)s"
    f" AND grain = '{grain}' AND bucket >= w.{low} AND bucket < w.{high}"
    for grain, low, high in TILES
)

_OVERVIEW_SQL = f"""
WITH w AS ({_OVERVIEW_WINDOWS})
SELECT w.campaign_id,
       (SELECT coalesce(sum(checkins), 0) FROM stats_merchanthour h
        WHERE h.merchant_id = %(merchant)s AND h.hour >= w.rs AND h.hour < w.re),
       (SELECT coalesce(sum(first_visits), 0) FROM stats_merchanthour h
        WHERE h.merchant_id = %(merchant)s AND h.hour >= w.rs AND h.hour < w.re),
       (SELECT coalesce(sum(issued), 0) FROM stats_campaignhour h
        WHERE h.campaign_id = w.campaign_id AND h.hour >= w.rs AND h.hour < w.re),
       (SELECT coalesce(sum(redeemed), 0) FROM stats_campaignhour h
        WHERE h.campaign_id = w.campaign_id AND h.hour >= w.rs AND h.hour < w.re),
       (SELECT coalesce(sum(bit_count(bits)), 0) FROM (
            SELECT bit_or(b.bits) AS bits FROM ({_OVERVIEW_ARMS}) b
            GROUP BY b.chunk) c)
FROM w
"""


def _overview_read(merchant_id: int, windows: dict[int, Window]) -> dict:
    """Each campaign's figures over its window: one query for all of them (their windows passed as arrays)."""
    if not windows:
        return {}
    columns: dict[str, list] = {name: [] for name in ("ids", *_WINDOW_COLUMNS)}
    for campaign_pk, window in windows.items():
        columns["ids"].append(campaign_pk)
        columns["rs"].append(window.start)
        columns["re"].append(window.end)
        for name, value in window.parts().items():
            columns[name].append(value)
    with transaction.atomic(savepoint=False), prepared_cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        cursor.execute(_OVERVIEW_SQL, {"merchant": merchant_id, **columns})
        return {row[0]: row[1:] for row in cursor.fetchall()}


def _campaign_row(campaign: Campaign, window: Window, zone: ZoneInfo, now: datetime, figures: tuple) -> dict:
    """One campaign of the overview with its headline figures (stats.metrics.OVERVIEW)."""
    checkins, new_visitors, issued, redeemed, visitors = figures
    return {
        "id": campaign.pk,
        "title": campaign.title,
        "status": campaign.status_at(now),
        "starts_at": campaign.starts_at,
        "ends_at": campaign.ends_at,
        "holdout_percent": campaign.holdout_percent,
        "from": local_aware(window.start, zone),
        "to": local_aware(window.end, zone),
        "checkins": int(checkins),
        "unique_visitors": int(visitors),
        "new_visitors": int(new_visitors),
        "coupons_issued": int(issued),
        "coupons_redeemed": int(redeemed),
        "redemption_rate": ratio(redeemed, issued),
    }


def merchant_stats_overview(*, merchant_id: int, user_id: int | None, now: datetime | None = None) -> dict:
    """A merchant's campaigns, newest first, each with its headline figures over its whole period; staff only."""
    merchant = merchant_get(merchant_id=merchant_id)
    role = staff_role_require(merchant_id=merchant_id, user_id=user_id, refused=StatsAccessRefused())
    zone = ZoneInfo(merchant.timezone)
    now = now or timezone.now()
    campaigns = list(Campaign.objects.filter(merchant_id=merchant_id).order_by("-id"))
    windows = {campaign.pk: campaign_period(campaign, zone, now) for campaign in campaigns}
    figures = _overview_read(merchant_id, windows)
    return {
        "merchant": {"id": merchant.pk, "name": merchant.name, "timezone": merchant.timezone},
        "role": role,
        "as_of": stats_as_of(),
        "campaigns": [
            _campaign_row(campaign, windows[campaign.pk], zone, now, figures.get(campaign.pk, (0, 0, 0, 0, 0)))
            for campaign in campaigns
        ],
    }
