"""A campaign's effect statistics, read from the rollups: a fixed number of queries whatever the data, each costing in
proportion to the hours and days it covers (and, for distinct users, to the number of 8192-user bitmap chunks). The
figures are those declared in stats/metrics.py.
"""

import math
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from core.db import prepared_cursor
from coupons.errors import CampaignNotFound
from coupons.models import Campaign
from merchants.selectors import merchant_list_for_staff
from stats import metrics
from stats.errors import BucketInvalid, SeriesTooLong
from stats.metrics import ELIGIBLE, ratio
from stats.models import Bitmap, FoldState
from stats.windows import (
    BUCKET_LENGTHS,
    HOUR,
    Window,
    bits_rows,
    bucket_floor,
    campaign_period,
    local_aware,
    stats_window_resolve,
)

K = Bitmap.Kind
BUCKETS = tuple(BUCKET_LENGTHS)
# Below this many users in either group the holdout comparison is reported as too small to tell.
HOLDOUT_MIN_USERS = 30
Z_95 = 1.959964
SERIES_MAX_BUCKETS = 24 * 400

_MERCHANT_METRICS = metrics.rollup_metrics("merchant")
_MERCHANT_BASELINE_METRICS = metrics.rollup_metrics("merchant", baseline=True)
_CAMPAIGN_METRICS = metrics.rollup_metrics("campaign")

# One row: the range's sums (rows with r), then the baseline's (rows without).
_MERCHANT_SCALARS_SQL = f"""
SELECT {
    ", ".join(
        [metrics.rollup_of(m).expression("r") for m in _MERCHANT_METRICS]
        + [metrics.rollup_of(m).expression("NOT r") for m in _MERCHANT_BASELINE_METRICS]
    )
}
FROM (SELECT *, hour >= %(rs)s AS r FROM stats_merchanthour
      WHERE merchant_id = %(merchant)s
        AND ((hour >= %(rs)s AND hour < %(re)s) OR (hour >= %(bs)s AND hour < %(be)s))) h
"""

_CAMPAIGN_SCALARS_SQL = f"""
SELECT {", ".join(metrics.rollup_of(m).expression() for m in _CAMPAIGN_METRICS)}
FROM stats_campaignhour WHERE campaign_id = %(campaign)s AND hour >= %(rs)s AND hour < %(re)s
"""

_BASELINE_KINDS = sorted({int(m.source.kind) for m in metrics.BASELINE if isinstance(m.source, metrics.Distinct)})

# Distinct users per figure: OR the bitmaps of each figure over the window chunk by chunk, then count the bits. The
# eligible users (either group) are the two eligibility kinds ORed together, kind ELIGIBLE here.
_UNIQUE_SQL = f"""
SELECT w, k, sum(bit_count(bits))::bigint FROM (
    SELECT w, g.k, chunk, bit_or(bits) AS bits FROM (
        {bits_rows("r", "%(mk)s", "%(merchant)s", "'r' AS w, ")}
        UNION ALL {bits_rows("r", "%(ck)s", "%(campaign)s", "'r' AS w, ")}
        UNION ALL {bits_rows("b", f"ARRAY{_BASELINE_KINDS}", "%(merchant)s", "'b' AS w, ")}
    ) rows
    CROSS JOIN LATERAL (VALUES (kind),
        (CASE WHEN kind IN ({K.ELIGIBLE_TREATED}, {K.ELIGIBLE_HOLDOUT}) THEN {ELIGIBLE} END)) g (k)
    WHERE g.k IS NOT NULL
    GROUP BY 1, 2, 3
) merged GROUP BY 1, 2
"""

_SERIES_SQL = """
SELECT date_trunc(%(unit)s, hour) AS bucket, sum(checkins), sum(issued), sum(redeemed) FROM (
    SELECT hour, checkins, 0 AS issued, 0 AS redeemed FROM stats_merchanthour
    WHERE merchant_id = %(merchant)s AND hour >= %(rs)s AND hour < %(re)s
    UNION ALL
    SELECT hour, 0, issued, redeemed FROM stats_campaignhour
    WHERE campaign_id = %(campaign)s AND hour >= %(rs)s AND hour < %(re)s
) h GROUP BY 1
"""

# Distinct visitors per bucket: an hour's bitmap, a whole day's bitmap, or for a day cut by the range the OR of its
# hours inside the range; for a week, the OR of the tiles inside it (a whole week's row, or its days and edge hours).
_SERIES_UNIQUE_SQL = {
    "hour": f"""
SELECT bucket, sum(bit_count(bits))::bigint FROM stats_bitmap
WHERE kind = {K.VISITORS} AND owner_id = %(merchant)s AND grain = 'h' AND bucket >= %(rs)s AND bucket < %(re)s
GROUP BY 1
""",
    "day": f"""
SELECT day, sum(bit_count(bits))::bigint FROM (
    SELECT date_trunc('day', bucket) AS day, chunk, bit_or(bits) AS bits
    FROM ({bits_rows("s", f"ARRAY[{K.VISITORS}]", "%(merchant)s")}) rows
    GROUP BY 1, 2
) b GROUP BY 1
""",
    "week": f"""
SELECT week, sum(bit_count(bits))::bigint FROM (
    SELECT date_trunc('week', bucket) AS week, chunk, bit_or(bits) AS bits
    FROM ({bits_rows("r", f"ARRAY[{K.VISITORS}]", "%(merchant)s")}) rows
    GROUP BY 1, 2
) b GROUP BY 1
""",
}


def holdout_compare(*, treated_users: int, treated_revisited: int, holdout_users: int, holdout_revisited: int) -> dict:
    """Treated against holdout revisit rates, their difference and its 95% interval (normal approximation)."""
    # Revisitors are a subset of the eligible users by construction; should rollups ever disagree (a partial rebuild),
    # the answer stays a rate in [0, 1] rather than failing on the square root of a negative variance.
    treated_revisited, holdout_revisited = min(treated_revisited, treated_users), min(holdout_revisited, holdout_users)
    treated_rate = ratio(treated_revisited, treated_users)
    holdout_rate = ratio(holdout_revisited, holdout_users)
    body: dict[str, Any] = {
        "treated": {"users": treated_users, "revisited": treated_revisited, "revisit_rate": treated_rate},
        "holdout": {"users": holdout_users, "revisited": holdout_revisited, "revisit_rate": holdout_rate},
        "incremental_revisit_rate": None,
        "confidence_interval_95": None,
        "enough_data": treated_users >= HOLDOUT_MIN_USERS and holdout_users >= HOLDOUT_MIN_USERS,
        "significant": False,
    }
    if treated_users and holdout_users:
        p1, p2 = treated_revisited / treated_users, holdout_revisited / holdout_users
        difference = p1 - p2
        body["incremental_revisit_rate"] = round(difference, 4)
        error = math.sqrt(p1 * (1 - p1) / treated_users + p2 * (1 - p2) / holdout_users)
        low, high = difference - Z_95 * error, difference + Z_95 * error
        body["confidence_interval_95"] = [round(low, 4), round(high, 4)]
        body["significant"] = body["enough_data"] and (low > 0 or high < 0)
    return body


def _campaign_for_staff(*, campaign_id: int, user_id: int | None) -> Campaign:
    """The campaign with its merchant, in one query, if the user works for that merchant."""
    campaign = (
        Campaign.objects.select_related("merchant")
        .filter(pk=campaign_id, merchant__in=merchant_list_for_staff(user_id=user_id))
        .first()
        if user_id
        else None
    )
    if campaign is None:
        # Outsiders, other merchants' staff included, are not told that the campaign exists.
        raise CampaignNotFound()
    return campaign


def stats_as_of() -> datetime | None:
    """When the last fold ran: the statistics include everything written before it."""
    return FoldState.objects.filter(source="fold").values_list("folded_at", flat=True).first()


def _rollups_read(params: dict, bucket: str) -> dict:
    """The five rollup reads of a campaign's statistics, in one transaction on prepared statements."""
    # These texts never change, so PostgreSQL parses and plans each once per connection. Each reads a few thousand rows
    # at most: starting parallel workers would cost more than it saves (far more on a busy machine), so they are off.
    with transaction.atomic(savepoint=False), prepared_cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        cursor.execute(_MERCHANT_SCALARS_SQL, params)
        merchant_row = cursor.fetchone()
        cursor.execute(_CAMPAIGN_SCALARS_SQL, params)
        campaign_row = cursor.fetchone()
        cursor.execute(_UNIQUE_SQL, params)
        unique = {(w, k): count for w, k, count in cursor.fetchall()}
        cursor.execute(_SERIES_SQL, params)
        series_counts = {row[0]: row[1:] for row in cursor.fetchall()}
        cursor.execute(_SERIES_UNIQUE_SQL[bucket], params)
        series_unique = dict(cursor.fetchall())
    keys = [m.key for m in _MERCHANT_METRICS] + [f"b:{m.key}" for m in _MERCHANT_BASELINE_METRICS]
    rollups = dict(zip(keys, merchant_row, strict=True))
    rollups.update(zip([m.key for m in _CAMPAIGN_METRICS], campaign_row, strict=True))
    return {"rollups": rollups, "unique": unique, "series_counts": series_counts, "series_unique": series_unique}


def _query_params(campaign: Campaign, window: Window, baseline: Window, bucket: str) -> dict:
    """The parameters of the rollup reads."""
    return {
        "merchant": campaign.merchant_id,
        "campaign": campaign.pk,
        "rs": window.start,
        "re": window.end,
        "bs": baseline.start,
        "be": baseline.end,
        "mk": list(map(int, (K.VISITORS, K.VIEWERS))),
        "ck": [int(k) for k in K if k not in (K.VISITORS, K.VIEWERS)],
        "unit": bucket,
        **window.params("r"),
        **baseline.params("b"),
        **window.params("s", weeks=False),
    }


def _figures(read: dict, campaign: Campaign) -> dict:
    """Totals, baseline, lift, funnel and holdout from the rollup reads, as the metrics declare them."""
    unique, rollups = read["unique"], read["rollups"]

    def distinct(kind, w="r") -> int:
        return int(unique.get((w, int(kind)), 0))

    totals = metrics.figures_compute(metrics.TOTALS, rollups=rollups, distinct=distinct)
    baseline = metrics.figures_compute(
        metrics.BASELINE,
        rollups={key[2:]: value for key, value in rollups.items() if key.startswith("b:")},
        distinct=lambda kind: distinct(kind, "b"),
    )
    holdout = None
    if campaign.holdout_percent > 0:
        holdout = holdout_compare(
            treated_users=distinct(K.ELIGIBLE_TREATED),
            treated_revisited=distinct(K.REVISITED_TREATED),
            holdout_users=distinct(K.ELIGIBLE_HOLDOUT),
            holdout_revisited=distinct(K.REVISITED_HOLDOUT),
        )
    return {
        "totals": totals,
        "funnel": {step.key: distinct(step.kind) for step in metrics.FUNNEL},
        "baseline": baseline,
        "lift": {key: ratio(totals[key], baseline[key]) for key in metrics.LIFT},
        "holdout": holdout,
    }


def campaign_stats(
    *,
    campaign_id: int,
    user_id: int | None,
    from_: date | datetime | None = None,
    to: date | datetime | None = None,
    bucket: str = "day",
    now: datetime | None = None,
) -> dict:
    """A campaign's effect statistics for its staff (CampaignNotFound for anyone else): totals, funnel, baseline and
    lift, holdout comparison and a per-hour, per-day or per-week series, as plain dicts."""
    if bucket not in BUCKETS:
        raise BucketInvalid()
    campaign = _campaign_for_staff(campaign_id=campaign_id, user_id=user_id)
    zone = ZoneInfo(campaign.merchant.timezone)
    period = campaign_period(campaign, zone, now or timezone.now())
    window = stats_window_resolve(period=period, zone=zone, from_=from_, to=to)
    baseline = Window(period.start - (window.end - window.start), period.start)
    if bucket == "hour" and window.end - window.start > SERIES_MAX_BUCKETS * HOUR:
        raise SeriesTooLong(most=SERIES_MAX_BUCKETS)
    read = _rollups_read(_query_params(campaign, window, baseline, bucket), bucket)
    figures = _figures(read, campaign)
    return {
        "campaign_id": campaign.pk,
        "merchant_id": campaign.merchant_id,
        "title": campaign.title,
        "timezone": str(zone),
        "bucket": bucket,
        "from": local_aware(window.start, zone),
        "to": local_aware(window.end, zone),
        "as_of": stats_as_of(),
        "totals": figures["totals"],
        "funnel": figures["funnel"],
        "baseline": {
            "from": local_aware(baseline.start, zone),
            "to": local_aware(baseline.end, zone),
            **figures["baseline"],
        },
        "lift": figures["lift"],
        "holdout": figures["holdout"],
        "series": _series(window, bucket, zone, read["series_counts"], read["series_unique"]),
    }


def _series(window: Window, bucket: str, zone: ZoneInfo, counts: dict, unique: dict) -> list[dict]:
    """One row per local hour, day or week of the window, zeros where the rollups have nothing."""
    rows = []
    step = BUCKET_LENGTHS[bucket]
    cursor = bucket_floor(window.start, bucket)
    while cursor < window.end:
        checkins, issued, redeemed = counts.get(cursor, (0, 0, 0))
        rows.append(
            {
                "bucket_start": local_aware(cursor, zone),
                "checkins": int(checkins),
                "unique_visitors": int(unique.get(cursor, 0)),
                "coupons_issued": int(issued),
                "coupons_redeemed": int(redeemed),
            }
        )
        cursor += step
    return rows
