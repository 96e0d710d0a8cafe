"""Campaign statistics, read from the rollups: a fixed number of queries whatever the data, each costing in proportion
to the hours and days it covers (and, for distinct users, to the number of 8192-user bitmap chunks).

Statistics have hourly resolution in the merchant's time zone: a range is widened to whole local hours (`from` rounded
down, `to` up), clipped to the campaign's period (its start hour to the hour of its end, or now while it runs).
"""

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from core.dates import supported_date_error
from core.db import prepared_cursor
from core.errors import NotFound, PermissionDenied, ValidationFailed
from coupons.models import Campaign
from merchants.models import Merchant, MerchantStaff
from stats.models import Bitmap, FoldState

K = Bitmap.Kind
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
BUCKETS = ("hour", "day")
# Below this many users in either group the holdout comparison is reported as too small to tell.
HOLDOUT_MIN_USERS = 30
Z_95 = 1.959964
SERIES_MAX_BUCKETS = 24 * 400


@dataclass(frozen=True)
class Window:
    """A range of whole local hours [start, end) (naive local timestamps), split into whole days and edge hours."""

    start: datetime
    end: datetime

    def parts(self, *, weeks: bool = True) -> dict:
        """Bounds of the tiling: hours [h0, h1), days [d0, d1), weeks [w0, w1), days [d2, d3), hours [h2, h3)."""
        first_day = self.start if self.start.time() == time(0) else _midnight(self.start) + DAY
        last_day = _midnight(self.end)
        if first_day >= last_day:
            e = self.end
            return {"h0": self.start, "h1": e, "d0": e, "d1": e, "w0": e, "w1": e, "d2": e, "d3": e, "h2": e, "h3": e}
        first_week = first_day + (-first_day.weekday() % 7) * DAY  # local Mondays
        last_week = last_day - last_day.weekday() * DAY
        if not weeks or first_week >= last_week:
            first_week = last_week = last_day
        return {
            "h0": self.start,
            "h1": first_day,
            "d0": first_day,
            "d1": first_week,
            "w0": first_week,
            "w1": last_week,
            "d2": last_week,
            "d3": last_day,
            "h2": last_day,
            "h3": self.end,
        }

    def params(self, prefix: str, *, weeks: bool = True) -> dict:
        return {f"{prefix}{name}": value for name, value in self.parts(weeks=weeks).items()}


def _midnight(local: datetime) -> datetime:
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def _bits_rows(prefix: str, kinds: str, owner: str, label: str = "") -> str:
    """The stats_bitmap rows that tile a window (whole weeks, whole days, and the hours at either end) for some kinds of
    one owner: five index range scans, UNION ALL. `kinds` and `owner` are SQL expressions."""
    p = f"%({prefix}"
    select = (
        f"SELECT {label}kind, bucket, chunk, bits FROM stats_bitmap WHERE kind = ANY({kinds}) AND owner_id = {owner}"
    )
    return " UNION ALL ".join(
        f"{select} AND grain = '{grain}' AND bucket >= {p}{low})s AND bucket < {p}{high})s"
        for grain, low, high in (
            ("h", "h0", "h1"),
            ("d", "d0", "d1"),
            ("w", "w0", "w1"),
            ("d", "d2", "d3"),
            ("h", "h2", "h3"),
        )
    )


def local_hour_floor(moment: datetime, zone: ZoneInfo) -> datetime:
    """The start of the local hour containing `moment`, as a naive local timestamp."""
    return moment.astimezone(zone).replace(tzinfo=None, minute=0, second=0, microsecond=0)


def local_hour_ceil(moment: datetime, zone: ZoneInfo) -> datetime:
    """The first local hour boundary at or after `moment`, as a naive local timestamp."""
    local = moment.astimezone(zone).replace(tzinfo=None)
    floor = local.replace(minute=0, second=0, microsecond=0)
    return floor if floor == local else floor + HOUR


def local_aware(local: datetime, zone: ZoneInfo) -> datetime:
    """A naive local timestamp as an aware datetime in the merchant's zone."""
    return local.replace(tzinfo=zone)


def _bound(value: date | datetime | None, zone: ZoneInfo, *, end: bool) -> datetime | None:
    """A `from`/`to` value as an instant: a date is its local midnight (for `to`, the next one: the day is included),
    a datetime without offset is local time."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value + DAY if end else value, time(0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value


def campaign_period(campaign: Campaign, zone: ZoneInfo, now: datetime) -> Window:
    """The campaign's statistics period in whole local hours: its start to its end (or now while it runs)."""
    end = min(campaign.ended_at or campaign.ends_at, campaign.ends_at, now)
    start = local_hour_floor(campaign.starts_at, zone)
    return Window(start, max(start, local_hour_ceil(end, zone)))


def stats_window_resolve(
    *, period: Window, zone: ZoneInfo, from_: date | datetime | None, to: date | datetime | None
) -> Window:
    """The asked range in whole local hours, clipped to the period; ValidationFailed naming `to` if it is not after
    `from`, or either outside the supported calendar."""
    errors = {name: [error] for name, value in (("from", from_), ("to", to)) if (error := supported_date_error(value))}
    if errors:
        raise ValidationFailed(errors=errors)
    start, end = _bound(from_, zone, end=False), _bound(to, zone, end=True)
    if start is not None and end is not None and start >= end:
        raise ValidationFailed(errors={"to": ["Must be after `from`."]})
    local_start = max(period.start, local_hour_floor(start, zone)) if start else period.start
    local_end = min(period.end, local_hour_ceil(end, zone)) if end else period.end
    local_start = min(local_start, period.end)
    return Window(local_start, max(local_start, local_end))


def _ratio(numerator: int | float, denominator: int | float, digits: int = 4) -> float | None:
    return round(numerator / denominator, digits) if denominator else None


def holdout_compare(*, treated_users: int, treated_revisited: int, holdout_users: int, holdout_revisited: int) -> dict:
    """Treated against holdout revisit rates, their difference and its 95% interval (normal approximation)."""
    # Revisitors are a subset of the eligible users by construction; should rollups ever disagree (a partial rebuild),
    # the answer stays a rate in [0, 1] rather than failing on the square root of a negative variance.
    treated_revisited, holdout_revisited = min(treated_revisited, treated_users), min(holdout_revisited, holdout_users)
    treated_rate = _ratio(treated_revisited, treated_users)
    holdout_rate = _ratio(holdout_revisited, holdout_users)
    body = {
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


_MERCHANT_SCALARS_SQL = """
SELECT coalesce(sum(checkins) FILTER (WHERE r), 0), coalesce(sum(first_visits) FILTER (WHERE r), 0),
       coalesce(sum(referred) FILTER (WHERE r), 0), coalesce(sum(impressions) FILTER (WHERE r), 0),
       coalesce(sum(likes) FILTER (WHERE r), 0), coalesce(sum(comments) FILTER (WHERE r), 0),
       coalesce(sum(checkins) FILTER (WHERE NOT r), 0), coalesce(sum(first_visits) FILTER (WHERE NOT r), 0)
FROM (SELECT *, hour >= %(rs)s AS r FROM stats_merchanthour
      WHERE merchant_id = %(merchant)s
        AND ((hour >= %(rs)s AND hour < %(re)s) OR (hour >= %(bs)s AND hour < %(be)s))) h
"""

_CAMPAIGN_SCALARS_SQL = """
SELECT coalesce(sum(issued), 0), coalesce(sum(redeemed), 0), coalesce(sum(expired), 0),
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s)
        FROM stats_campaignhour h2, unnest(h2.redeem_seconds) s
        WHERE h2.campaign_id = %(campaign)s AND h2.hour >= %(rs)s AND h2.hour < %(re)s)
FROM stats_campaignhour WHERE campaign_id = %(campaign)s AND hour >= %(rs)s AND hour < %(re)s
"""

# Distinct users per figure: OR the bitmaps of each figure over the window chunk by chunk, then count the bits. The
# eligible users (either group) are the two eligibility kinds ORed together, kind 0 here.
_UNIQUE_SQL = f"""
SELECT w, k, sum(bit_count(bits))::bigint FROM (
    SELECT w, g.k, chunk, bit_or(bits) AS bits FROM (
        {_bits_rows("r", "%(mk)s", "%(merchant)s", "'r' AS w, ")}
        UNION ALL {_bits_rows("r", "%(ck)s", "%(campaign)s", "'r' AS w, ")}
        UNION ALL {_bits_rows("b", f"ARRAY[{K.VISITORS}]", "%(merchant)s", "'b' AS w, ")}
    ) rows
    CROSS JOIN LATERAL (VALUES (kind),
        (CASE WHEN kind IN ({K.ELIGIBLE_TREATED}, {K.ELIGIBLE_HOLDOUT}) THEN 0 END)) g (k)
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
# hours inside the range.
_SERIES_UNIQUE_SQL = {
    "hour": f"""
SELECT bucket, sum(bit_count(bits))::bigint FROM stats_bitmap
WHERE kind = {K.VISITORS} AND owner_id = %(merchant)s AND grain = 'h' AND bucket >= %(rs)s AND bucket < %(re)s
GROUP BY 1
""",
    "day": f"""
SELECT day, sum(bit_count(bits))::bigint FROM (
    SELECT date_trunc('day', bucket) AS day, chunk, bit_or(bits) AS bits
    FROM ({_bits_rows("s", f"ARRAY[{K.VISITORS}]", "%(merchant)s")}) rows
    GROUP BY 1, 2
) b GROUP BY 1
""",
}


def _campaign_for_staff(*, campaign_id: int, user_id: int | None) -> Campaign:
    campaign = (
        Campaign.objects.select_related("merchant")
        .filter(pk=campaign_id, merchant__staff_roles__user_id=user_id)
        .first()
        if user_id
        else None
    )
    if campaign is None:
        # Outsiders, other merchants' staff included, are not told that the campaign exists.
        raise NotFound("No campaign has this id.", code="campaign_not_found")
    return campaign


def stats_as_of() -> datetime | None:
    """When the last fold ran: the statistics include everything written before it."""
    return FoldState.objects.filter(source="fold").values_list("folded_at", flat=True).first()


def campaign_stats(
    *,
    campaign_id: int,
    user_id: int | None,
    from_: date | datetime | None = None,
    to: date | datetime | None = None,
    bucket: str = "day",
    now: datetime | None = None,
) -> dict:
    """A campaign's effect statistics for its staff (NotFound for anyone else): totals, funnel, baseline and lift,
    holdout comparison and a per-hour or per-day series, as plain dicts."""
    if bucket not in BUCKETS:
        raise ValidationFailed(errors={"bucket": ["Must be hour or day."]})
    campaign = _campaign_for_staff(campaign_id=campaign_id, user_id=user_id)
    zone = ZoneInfo(campaign.merchant.timezone)
    now = now or timezone.now()
    period = campaign_period(campaign, zone, now)
    window = stats_window_resolve(period=period, zone=zone, from_=from_, to=to)
    length = window.end - window.start
    baseline = Window(period.start - length, period.start)
    if bucket == "hour" and length > SERIES_MAX_BUCKETS * HOUR:
        raise ValidationFailed(
            errors={"bucket": [f"At most {SERIES_MAX_BUCKETS} hourly buckets: use day, or a shorter range."]}
        )
    params = {
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
    # Prepared statements: these texts never change, so PostgreSQL parses and plans each once per connection. Each
    # reads a few thousand rows at most: starting parallel workers would cost more than it saves (far more on a busy
    # machine), so they are off for this transaction.
    with transaction.atomic(savepoint=False), prepared_cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        cursor.execute(_MERCHANT_SCALARS_SQL, params)
        checkins, new_visitors, referred, impressions, likes, comments, base_checkins, base_new = cursor.fetchone()
        cursor.execute(_CAMPAIGN_SCALARS_SQL, params)
        issued, redeemed, expired, median_seconds = cursor.fetchone()
        cursor.execute(_UNIQUE_SQL, params)
        unique = {(w, k): count for w, k, count in cursor.fetchall()}
        cursor.execute(_SERIES_SQL, params)
        series_counts = {row[0]: row[1:] for row in cursor.fetchall()}
        cursor.execute(_SERIES_UNIQUE_SQL[bucket], params)
        series_unique = dict(cursor.fetchall())
    as_of = stats_as_of()

    def distinct(kind, w="r") -> int:
        return int(unique.get((w, int(kind)), 0))

    visitors, base_visitors = distinct(K.VISITORS), distinct(K.VISITORS, "b")
    holdout = None
    if campaign.holdout_percent > 0:
        holdout = holdout_compare(
            treated_users=distinct(K.ELIGIBLE_TREATED),
            treated_revisited=distinct(K.REVISITED_TREATED),
            holdout_users=distinct(K.ELIGIBLE_HOLDOUT),
            holdout_revisited=distinct(K.REVISITED_HOLDOUT),
        )
    return {
        "campaign_id": campaign.pk,
        "merchant_id": campaign.merchant_id,
        "title": campaign.title,
        "timezone": str(zone),
        "bucket": bucket,
        "from": local_aware(window.start, zone),
        "to": local_aware(window.end, zone),
        "as_of": as_of,
        "totals": {
            "checkins": int(checkins),
            "unique_visitors": visitors,
            "new_visitors": int(new_visitors),
            "returning_visitors": visitors - int(new_visitors),
            "coupons_issued": int(issued),
            "coupons_redeemed": int(redeemed),
            "coupons_expired": int(expired),
            "redemption_rate": _ratio(redeemed, issued),
            "median_minutes_to_redeem": None if median_seconds is None else round(median_seconds / 60, 1),
            "friend_impressions": int(impressions),
            "likes": int(likes),
            "comments": int(comments),
            "engagement_rate": _ratio(likes + comments, impressions),
            "referred_visitors": int(referred),
        },
        "funnel": {
            "viewers": distinct(K.VIEWERS),
            "checked_in": visitors,
            "eligible": distinct(0),
            "issued": distinct(K.ISSUED),
            "redeemed": distinct(K.REDEEMED),
            "returned_30d": distinct(K.RETURNED),
        },
        "baseline": {
            "from": local_aware(baseline.start, zone),
            "to": local_aware(baseline.end, zone),
            "checkins": int(base_checkins),
            "unique_visitors": base_visitors,
            "new_visitors": int(base_new),
            "returning_visitors": base_visitors - int(base_new),
        },
        "lift": {
            "checkins": _ratio(checkins, base_checkins),
            "unique_visitors": _ratio(visitors, base_visitors),
        },
        "holdout": holdout,
        "series": _series(window, bucket, zone, series_counts, series_unique),
    }


def _series(window: Window, bucket: str, zone: ZoneInfo, counts: dict, unique: dict) -> list[dict]:
    rows = []
    step = HOUR if bucket == "hour" else DAY
    cursor = window.start if bucket == "hour" else _midnight(window.start)
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


# ---------------------------------------------------------------------------------------------------------------------
# Merchant overview: every campaign's headline figures over its whole period, in a fixed number of queries.
# ---------------------------------------------------------------------------------------------------------------------
_OVERVIEW_WINDOWS = """
SELECT * FROM unnest(%(ids)s::bigint[], %(rs)s::timestamp[], %(re)s::timestamp[], %(h0)s::timestamp[],
                     %(h1)s::timestamp[], %(d0)s::timestamp[], %(d1)s::timestamp[], %(w0)s::timestamp[],
                     %(w1)s::timestamp[], %(d2)s::timestamp[], %(d3)s::timestamp[], %(h2)s::timestamp[],
                     %(h3)s::timestamp[]) AS w (campaign_id, rs, re, h0, h1, d0, d1, w0, w1, d2, d3, h2, h3)
"""

_OVERVIEW_ARMS = " UNION ALL ".join(
    f"SELECT chunk, bits FROM stats_bitmap WHERE kind = {K.VISITORS} AND owner_id = %(merchant)s"
    f" AND grain = '{grain}' AND bucket >= w.{low} AND bucket < w.{high}"
    for grain, low, high in (
        ("h", "h0", "h1"),
        ("d", "d0", "d1"),
        ("w", "w0", "w1"),
        ("d", "d2", "d3"),
        ("h", "h2", "h3"),
    )
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


def merchant_stats_overview(*, merchant_id: int, user_id: int | None, now: datetime | None = None) -> dict:
    """A merchant's campaigns, newest first, each with its headline figures over its whole period; staff only."""
    merchant = Merchant.objects.filter(pk=merchant_id).first()
    if merchant is None:
        raise NotFound("No merchant has this id.", code="merchant_not_found")
    role = (
        MerchantStaff.objects.filter(merchant_id=merchant_id, user_id=user_id).values_list("role", flat=True).first()
        if user_id
        else None
    )
    if role is None:
        raise PermissionDenied("Only the merchant's staff may see its statistics.")
    zone = ZoneInfo(merchant.timezone)
    now = now or timezone.now()
    campaigns = list(Campaign.objects.filter(merchant_id=merchant_id).order_by("-id"))
    windows = {campaign.pk: campaign_period(campaign, zone, now) for campaign in campaigns}
    figures = {}
    if campaigns:
        columns: dict[str, list] = {
            name: [] for name in ("ids", "rs", "re", "h0", "h1", "d0", "d1", "w0", "w1", "d2", "d3", "h2", "h3")
        }
        for campaign_pk, window in windows.items():
            columns["ids"].append(campaign_pk)
            columns["rs"].append(window.start)
            columns["re"].append(window.end)
            for name, value in window.parts().items():
                columns[name].append(value)
        with transaction.atomic(savepoint=False), prepared_cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            cursor.execute(_OVERVIEW_SQL, {"merchant": merchant_id, **columns})
            figures = {row[0]: row[1:] for row in cursor.fetchall()}
    rows = []
    for campaign in campaigns:
        checkins, new_visitors, issued, redeemed, visitors = figures.get(campaign.pk, (0, 0, 0, 0, 0))
        window = windows[campaign.pk]
        rows.append(
            {
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
                "redemption_rate": _ratio(redeemed, issued),
            }
        )
    return {
        "merchant": {"id": merchant.pk, "name": merchant.name, "timezone": merchant.timezone},
        "role": role,
        "as_of": stats_as_of(),
        "campaigns": rows,
    }


# ---------------------------------------------------------------------------------------------------------------------
# What the dashboard and the CSV download read
# ---------------------------------------------------------------------------------------------------------------------
SERIES_COLUMNS = ("bucket_start", "checkins", "unique_visitors", "coupons_issued", "coupons_redeemed")


def series_csv(series: list[dict]) -> str:
    """A statistics series as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SERIES_COLUMNS)
    for row in series:
        writer.writerow([row["bucket_start"].isoformat(), *(row[name] for name in SERIES_COLUMNS[1:])])
    return out.getvalue()


def staff_overview(*, user_id: int) -> list[dict]:
    """Every merchant the user works for, each with its campaigns' headline figures (merchant_stats_overview)."""
    merchant_ids = MerchantStaff.objects.filter(user_id=user_id).order_by("merchant__name", "merchant_id")
    return [
        merchant_stats_overview(merchant_id=merchant_id, user_id=user_id)
        for merchant_id in merchant_ids.values_list("merchant_id", flat=True)
    ]


def campaign_dashboard(
    *,
    campaign_id: int,
    user_id: int,
    from_: date | None = None,
    to: date | None = None,
    bucket: str = "day",
) -> dict:
    """A campaign's statistics with what its page shows around them: the campaign, its merchant and the user's role."""
    stats = campaign_stats(campaign_id=campaign_id, user_id=user_id, from_=from_, to=to, bucket=bucket)
    campaign = Campaign.objects.select_related("merchant").get(pk=campaign_id)
    role = MerchantStaff.objects.filter(merchant_id=campaign.merchant_id, user_id=user_id).values_list(
        "role", flat=True
    )
    return {"stats": stats, "campaign": campaign, "merchant": campaign.merchant, "role": role.first()}


def merchant_for_staff(*, merchant_id: int, user_id: int) -> dict:
    """A merchant and the user's role there; NotFound (merchant_not_found) for anyone who is not its staff."""
    staff = MerchantStaff.objects.select_related("merchant").filter(merchant_id=merchant_id, user_id=user_id).first()
    if staff is None:
        raise NotFound("No merchant has this id.", code="merchant_not_found")
    return {"merchant": staff.merchant, "role": staff.role}
