from contextlib import nullcontext
from datetime import datetime, time

from django.db import InternalError, connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from core.db import prepared_cursor
from core.errors import NotFound, PermissionDenied
from coupons.models import Campaign, Coupon
from coupons.triggers import within_daily_hours
from merchants.selectors import merchant_get, staff_role_get

# The SQL twin of Campaign.status_at(...) == "running", for campaign rows aliased `c`.
RUNNING_CAMPAIGN_SQL = (
    "c.paused_at IS NULL AND c.ended_at IS NULL AND c.starts_at <= now() AND c.ends_at > now()"
    " AND (c.total_stock IS NULL OR c.issued_count < c.total_stock)"
)

_ACTIVE_CAMPAIGNS_SQL = f"""
    SELECT coalesce(json_agg(json_build_object('id', c.id, 'title', c.title, 'trigger', c.trigger->>'type',
                                               'ends_at', c.ends_at) ORDER BY c.id), '[]'::json)
    FROM coupons_campaign c WHERE c.merchant_id = near.id AND {RUNNING_CAMPAIGN_SQL}
"""

# The inner query is one GiST index scan: `&&` against the radius' bounding box (the index half of ST_DWithin) as its
# condition and KNN `<->` as its order, stopping after `candidates` rows. The exact ST_DWithin runs only on those rows:
# inside the scan the planner counts its selectivity twice and, at some densities, prefers a bitmap scan that checks
# every merchant in the box on the spheroid and sorts them all. `<->` on geography is the sphere distance and distance_m
# the spheroid one (<0.5% apart), so a few spare candidates let the outer query order by the exact distance.
_NEARBY_SQL = """
SELECT near.id, near.name, near.category, near.address, near.lat, near.lng, near.distance_m,
       ({active_campaigns}) AS active_campaigns
FROM (
    SELECT m.id, m.name, m.category, m.address, m.location
    FROM merchants_merchant m
    WHERE m.location && _ST_Expand({origin}, %(radius)s){filters}
    ORDER BY m.location <-> {origin}
    LIMIT %(candidates)s
) box,
LATERAL (
    SELECT box.id, box.name, box.category, box.address,
           ST_Y(box.location::geometry) AS lat, ST_X(box.location::geometry) AS lng,
           ST_Distance(box.location, {origin}) AS distance_m
) near
WHERE ST_DWithin(box.location, {origin}, %(radius)s)
ORDER BY near.distance_m, near.id
LIMIT %(limit)s OFFSET %(offset)s
"""
_ORIGIN_SQL = "ST_SetSRID(ST_MakePoint(%(lng)s, %(lat)s), 4326)::geography"
# Sphere and spheroid distances differ by a ratio that varies with direction within 0.7%, so they can swap only rows
# in the thin ring where they disagree: about 1.4% of the rows up to a page's end. 2% of them plus 20 cover that
# (bench/nearby.py checks first and deep pages against thousands of candidates); each extra candidate costs an index
# and a heap fetch and two spheroid distances: 2 * limit + 20 spent a sixth more of the query's CPU.
_CANDIDATE_SLACK = 20
_CANDIDATE_SLACK_SHARE = 50  # one extra candidate per 50 rows up to the page's end


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def merchant_nearby_sql(
    *,
    lat: float,
    lng: float,
    radius_m: float,
    limit: int,
    offset: int = 0,
    category: str | None = None,
    q: str | None = None,
    has_campaign: bool | None = None,
) -> tuple[str, dict]:
    """The nearby search as SQL and parameters (exposed so that tests can EXPLAIN exactly what runs)."""
    filters = []
    params = {
        "lat": lat,
        "lng": lng,
        "radius": radius_m,
        "limit": limit,
        "offset": offset,
        "candidates": offset + limit + _CANDIDATE_SLACK + (offset + limit) // _CANDIDATE_SLACK_SHARE,
    }
    if category:
        filters.append("m.category = %(category)s")
        params["category"] = category
    if q:
        filters.append("m.name ILIKE %(q)s")
        params["q"] = _like_pattern(q)
    if has_campaign is not None:
        exists = f"EXISTS (SELECT 1 FROM coupons_campaign c WHERE c.merchant_id = m.id AND {RUNNING_CAMPAIGN_SQL})"
        filters.append(exists if has_campaign else f"NOT {exists}")
    sql = _NEARBY_SQL.format(
        origin=_ORIGIN_SQL,
        active_campaigns=_ACTIVE_CAMPAIGNS_SQL,
        filters="".join(f"\n      AND {f}" for f in filters),
    )
    return sql, params


def merchant_list_nearby(**criteria) -> list[dict]:
    """Merchants within `radius_m` of a point, nearest first, as plain dicts with `distance_m` in metres.

    Takes the keyword arguments of merchant_nearby_sql; never counts the matches (callers ask for one row more than
    they show to know whether there is a next page).
    """
    sql, params = merchant_nearby_sql(**criteria)
    try:
        # Inside a caller's transaction a failed statement would abort it: isolate the attempt in a savepoint there.
        with transaction.atomic() if connection.in_atomic_block else nullcontext(), prepared_cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    except InternalError as exc:
        if "index returned tuples in wrong order" not in str(exc):
            raise
        rows = _nearby_without_knn(sql, params)
    return [
        {
            "id": row[0],
            "name": row[1],
            "category": row[2],
            "address": row[3],
            "location": {"lat": row[4], "lng": row[5]},
            "distance_m": round(row[6], 2),
            "active_campaigns": row[7],
        }
        for row in rows
    ]


def _nearby_without_knn(sql: str, params: dict) -> list[tuple]:
    """The same query planned without the KNN index scan (a bitmap scan of the radius box and a sort).

    PostGIS 3.3's geography KNN can report a lower bound a rounding error above the distance it rechecks, for points
    a hair apart near (0, 0) or the antimeridian, and PostgreSQL then aborts the scan. Such places hold no shops in
    practice; this keeps a crafted or odd point from turning a search into a 500.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def campaign_running_q(now=None) -> Q:
    """The ORM twin of RUNNING_CAMPAIGN_SQL."""
    now = now or timezone.now()
    return Q(paused_at__isnull=True, ended_at__isnull=True, starts_at__lte=now, ends_at__gt=now) & (
        Q(total_stock__isnull=True) | Q(issued_count__lt=F("total_stock"))
    )


def campaign_list_running(*, merchant_id: int) -> list[Campaign]:
    """A merchant's running campaigns, oldest first."""
    return list(Campaign.objects.filter(campaign_running_q(), merchant_id=merchant_id).order_by("id"))


def merchant_public_get(*, merchant_id: int):
    """A merchant with its running campaigns (the public detail view)."""
    merchant = merchant_get(merchant_id=merchant_id)
    merchant.running_campaigns = campaign_list_running(merchant_id=merchant_id)
    return merchant


# The running campaigns of the merchant aliased `m` in the caller's query, as one JSON array: the check-in fetches
# them together with the anti-cheat facts in a single round trip.
RUNNING_CAMPAIGNS_JSON_SQL = f"""
    SELECT coalesce(json_agg(json_build_object(
        'id', c.id, 'title', c.title, 'trigger', c.trigger, 'starts_at', c.starts_at,
        'holdout_percent', c.holdout_percent, 'daily_start_time', c.daily_start_time,
        'daily_end_time', c.daily_end_time) ORDER BY c.id), '[]'::json)
    FROM coupons_campaign c WHERE c.merchant_id = m.id AND {RUNNING_CAMPAIGN_SQL}
"""


def campaigns_issuing_from_json(*, rows: list[dict], merchant_id: int, timezone_name: str, at) -> list[Campaign]:
    """The campaigns of a RUNNING_CAMPAIGNS_JSON_SQL array that are inside their daily hours at `at`, as (unsaved)
    Campaign instances carrying what issuance reads."""
    campaigns = []
    for row in rows:
        start = time.fromisoformat(row["daily_start_time"]) if row["daily_start_time"] else None
        end = time.fromisoformat(row["daily_end_time"]) if row["daily_end_time"] else None
        if not within_daily_hours(start=start, end=end, at=at, timezone_name=timezone_name):
            continue
        campaigns.append(
            Campaign(
                id=row["id"],
                merchant_id=merchant_id,
                title=row["title"],
                trigger=row["trigger"],
                starts_at=datetime.fromisoformat(row["starts_at"]),
                holdout_percent=row["holdout_percent"],
                daily_start_time=start,
                daily_end_time=end,
            )
        )
    return campaigns


def campaign_list_issuing(*, merchant_id: int, at=None) -> list[Campaign]:
    """The merchant's campaigns that issue coupons at `at`: running, and inside their daily hours (merchant time)."""
    at = at or timezone.now()
    campaigns = Campaign.objects.filter(campaign_running_q(at), merchant_id=merchant_id).annotate(
        merchant_timezone=F("merchant__timezone")
    )
    return [
        campaign
        for campaign in campaigns
        if within_daily_hours(
            start=campaign.daily_start_time,
            end=campaign.daily_end_time,
            at=at,
            timezone_name=campaign.merchant_timezone,
        )
    ]


def campaign_list_for_merchant(*, merchant_id: int, user_id: int) -> QuerySet[Campaign]:
    """A merchant's campaigns, newest first, for any of its staff (PermissionDenied for anyone else)."""
    if staff_role_get(merchant_id=merchant_id, user_id=user_id) is None:
        raise PermissionDenied("Only the merchant's staff may see its campaigns.")
    return Campaign.objects.filter(merchant_id=merchant_id).order_by("-id")


def campaign_get_for_staff(*, campaign_id: int, user_id: int) -> Campaign:
    """One campaign for any staff of its merchant; NotFound for everyone else (who may not know it exists)."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None or staff_role_get(merchant_id=campaign.merchant_id, user_id=user_id) is None:
        raise NotFound("No campaign has this id.", code="campaign_not_found")
    return campaign


def coupon_list_for_user(*, user_id: int, status: str | None = None, now=None) -> QuerySet:
    """The user's coupons, newest first, as dicts; `status` (active, redeemed, expired) reads expires_at, so a coupon
    is expired from its expiry on whether or not the expiry task has run."""
    now = now or timezone.now()
    coupons = Coupon.objects.filter(user_id=user_id)
    if status == Coupon.Status.ACTIVE:
        coupons = coupons.filter(redeemed_at__isnull=True, expired_at__isnull=True, expires_at__gt=now)
    elif status == Coupon.Status.REDEEMED:
        coupons = coupons.filter(redeemed_at__isnull=False)
    elif status == Coupon.Status.EXPIRED:
        coupons = coupons.filter(Q(expired_at__isnull=False) | Q(expires_at__lte=now), redeemed_at__isnull=True)
    return coupons.order_by("-issued_at", "-id").values(
        "id",
        "code",
        "campaign_id",
        "merchant_id",
        "issued_at",
        "expires_at",
        "redeemed_at",
        "expired_at",
        title=F("campaign__title"),
        merchant_name=F("merchant__name"),
    )


def coupon_status(row: dict, now=None) -> str:
    """The status of a coupon row from coupon_list_for_user (the same rule as Coupon.status_at)."""
    if row["redeemed_at"] is not None:
        return Coupon.Status.REDEEMED
    if row["expired_at"] is not None or (now or timezone.now()) >= row["expires_at"]:
        return Coupon.Status.EXPIRED
    return Coupon.Status.ACTIVE
