"""The nearby search: merchants within a radius of a point, nearest first, each with its running campaigns.

It lives in coupons, not merchants: every row carries the merchant's running campaigns and `has_campaign` filters on
them, and "running" is a coupons rule (coupons.selectors.RUNNING_CAMPAIGN_SQL). merchants sits below coupons, so a
merchants/nearby.py would need the campaign SQL injected by its callers (the API view, the benchmark), spreading one
query over three files; here the whole statement is written once, in one place, and stays one prepared round trip.
The spatial pieces (the point constructor, the KNN candidate slack, the no-KNN fallback) come from geo.sql.
"""

from core.translations import language_current, translated_sql
from coupons.selectors import RUNNING_CAMPAIGN_SQL
from coupons.triggers import trigger_params_sql
from geo.sql import knn_candidates, knn_fetchall, point_sql

_CAMPAIGN_TITLE_SQL = translated_sql(alias="c", field="title")
_ACTIVE_CAMPAIGNS_SQL = f"""
    SELECT coalesce(json_agg(json_build_object('id', c.id, 'title', {_CAMPAIGN_TITLE_SQL},
                                               'trigger', c.trigger->>'type', 'ends_at', c.ends_at,
                                               'trigger_params', {trigger_params_sql("c.trigger")},
                                               'per_user_limit', c.per_user_limit,
                                               'coupon_valid_days', c.coupon_valid_days,
                                               'daily_start_time', c.daily_start_time,
                                               'daily_end_time', c.daily_end_time)
                             ORDER BY c.id), '[]'::json)
    FROM coupons_campaign c WHERE c.merchant_id = near.id AND {RUNNING_CAMPAIGN_SQL}
"""

# The inner query is one GiST index scan: `&&` against the radius' bounding box (the index half of ST_DWithin) as its
# condition and KNN `<->` as its order, stopping after `candidates` rows. The exact ST_DWithin runs only on those rows:
# inside the scan the planner counts its selectivity twice and, at some densities, prefers a bitmap scan that checks
# every merchant in the box on the spheroid and sorts them all. `<->` on geography is the sphere distance and distance_m
# the spheroid one (<0.5% apart), so a few spare candidates (geo.sql.knn_candidates) let the outer query order by the
# exact distance.
_NEARBY_SQL = """
SELECT near.id, near.name, near.category, near.address, near.lat, near.lng, near.distance_m,
       ({active_campaigns}) AS active_campaigns
FROM (
    SELECT m.id, {name} AS name, m.category, {address} AS address, m.location
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
_ORIGIN_SQL = point_sql(lng="lng", lat="lat")


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
    params: dict[str, object] = {
        "lat": lat,
        "lng": lng,
        "radius": radius_m,
        "limit": limit,
        "offset": offset,
        "candidates": knn_candidates(rows=offset + limit),
        # Names, addresses and titles in the request's language, else the original (core/translations.py).
        "lang": language_current(),
    }
    if category:
        filters.append("m.category = %(category)s")
        params["category"] = category
    if q:
        filters.append("(m.name ILIKE %(q)s OR m.translations -> %(lang)s::text ->> 'name' ILIKE %(q)s)")
        params["q"] = _like_pattern(q)
    if has_campaign is not None:
        exists = f"EXISTS (SELECT 1 FROM coupons_campaign c WHERE c.merchant_id = m.id AND {RUNNING_CAMPAIGN_SQL})"
        filters.append(exists if has_campaign else f"NOT {exists}")
    sql = _NEARBY_SQL.format(
        origin=_ORIGIN_SQL,
        active_campaigns=_ACTIVE_CAMPAIGNS_SQL,
        name=translated_sql(alias="m", field="name"),
        address=translated_sql(alias="m", field="address"),
        filters="".join(f"\n      AND {f}" for f in filters),
    )
    return sql, params


def merchant_list_nearby(**criteria) -> list[dict]:
    """Merchants within `radius_m` of a point, nearest first, as plain dicts with `distance_m` in metres.

    Takes the keyword arguments of merchant_nearby_sql; never counts the matches (callers ask for one row more than
    they show to know whether there is a next page).
    """
    sql, params = merchant_nearby_sql(**criteria)
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
        for row in knn_fetchall(sql=sql, params=params)
    ]
