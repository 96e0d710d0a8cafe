from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

from coupons.models import Campaign
from merchants.selectors import merchant_get

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
_CANDIDATE_SLACK = 20


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
        "candidates": offset + 2 * limit + _CANDIDATE_SLACK,
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
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
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
