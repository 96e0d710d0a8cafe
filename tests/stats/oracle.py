"""The statistics recomputed the straightforward way: plain SQL over the raw tables, independent of the rollups.

Every range is a range of local hours [start, end) of the merchant's time zone: an event is in it when
date_trunc('hour', its time AT TIME ZONE tz) is.
"""

from django.db import connection

IN = "date_trunc('hour', {col} AT TIME ZONE %(tz)s) >= %(a)s AND date_trunc('hour', {col} AT TIME ZONE %(tz)s) < %(b)s"


def _one(sql: str, params: dict):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _rows(sql: str, params: dict) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def checkin_figures(*, merchant_id: int, tz: str, a, b) -> dict:
    """Check-ins, distinct, new and returning visitors of the merchant in [a, b)."""
    p = {"m": merchant_id, "tz": tz, "a": a, "b": b}
    in_range = IN.format(col="c.created_at")
    firsts = "(SELECT user_id, min(created_at) AS f FROM checkins_checkin WHERE merchant_id = %(m)s GROUP BY user_id)"
    return {
        "checkins": _one(f"SELECT count(*) FROM checkins_checkin c WHERE c.merchant_id = %(m)s AND {in_range}", p),
        "unique_visitors": _one(
            f"SELECT count(DISTINCT c.user_id) FROM checkins_checkin c WHERE c.merchant_id = %(m)s AND {in_range}", p
        ),
        "new_visitors": _one(f"SELECT count(*) FROM {firsts} x WHERE {IN.format(col='x.f')}", p),
        "returning_visitors": _one(
            f"""SELECT count(DISTINCT c.user_id) FROM checkins_checkin c JOIN {firsts} x ON x.user_id = c.user_id
            WHERE c.merchant_id = %(m)s AND {in_range}
              AND date_trunc('hour', x.f AT TIME ZONE %(tz)s) < %(a)s""",
            p,
        ),
    }


def campaign_figures(*, campaign_id: int, merchant_id: int, tz: str, a, b, now) -> dict:
    """Totals, funnel and holdout counts of a campaign over [a, b), from the raw tables."""
    p = {"m": merchant_id, "c": campaign_id, "tz": tz, "a": a, "b": b, "now": now}
    totals = checkin_figures(merchant_id=merchant_id, tz=tz, a=a, b=b)
    firsts = "(SELECT user_id, min(created_at) AS f FROM checkins_checkin WHERE merchant_id = %(m)s GROUP BY user_id)"
    totals["referred_visitors"] = _one(
        f"""SELECT count(*) FROM {firsts} x WHERE {IN.format(col="x.f")}
        AND EXISTS (SELECT 1 FROM social_feeddelivery d WHERE d.recipient_id = x.user_id AND d.merchant_id = %(m)s
                    AND d.delivered_at < x.f AND x.f <= d.delivered_at + interval '7 days')""",
        p,
    )
    coupons = "FROM coupons_coupon k WHERE k.campaign_id = %(c)s"
    totals["coupons_issued"] = _one(f"SELECT count(*) {coupons} AND {IN.format(col='k.issued_at')}", p)
    totals["coupons_redeemed"] = _one(f"SELECT count(*) {coupons} AND {IN.format(col='k.redeemed_at')}", p)
    totals["coupons_expired"] = _one(
        f"SELECT count(*) {coupons} AND k.redeemed_at IS NULL AND k.expires_at <= %(now)s"
        f" AND {IN.format(col='k.expires_at')}",
        p,
    )
    median = _one(
        f"""SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM k.redeemed_at - k.issued_at)))
        {coupons} AND {IN.format(col="k.redeemed_at")}""",
        p,
    )
    totals["median_minutes_to_redeem"] = None if median is None else round(median / 60, 1)
    on_checkins = "JOIN checkins_checkin c ON c.id = x.checkin_id WHERE c.merchant_id = %(m)s AND " + IN.format(
        col="c.created_at"
    )
    totals["friend_impressions"] = _one(
        "SELECT count(*) FROM social_feeddelivery d WHERE d.merchant_id = %(m)s"
        f" AND {IN.format(col='d.checkin_created_at')}",
        p,
    )
    totals["likes"] = _one(f"SELECT count(*) FROM social_like x {on_checkins}", p)
    totals["comments"] = _one(f"SELECT count(*) FROM social_comment x {on_checkins}", p)
    revisit = """EXISTS (SELECT 1 FROM checkins_checkin v WHERE v.user_id = {alias}.user_id AND v.merchant_id = %(m)s
                 AND v.created_at > {alias}.{col} AND v.created_at <= {alias}.{col} + interval '30 days')"""
    eligible = f"FROM coupons_campaigneligibility e WHERE e.campaign_id = %(c)s AND {IN.format(col='e.created_at')}"
    funnel = {
        "viewers": _one(
            f"SELECT count(DISTINCT v.user_id) FROM stats_merchantview v WHERE v.merchant_id = %(m)s"
            f" AND {IN.format(col='v.viewed_at')}",
            p,
        ),
        "checked_in": totals["unique_visitors"],
        "eligible": _one(f"SELECT count(DISTINCT e.user_id) {eligible}", p),
        "issued": _one(f"SELECT count(DISTINCT k.user_id) {coupons} AND {IN.format(col='k.issued_at')}", p),
        "redeemed": _one(f"SELECT count(DISTINCT k.user_id) {coupons} AND {IN.format(col='k.redeemed_at')}", p),
        "returned_30d": _one(
            f"SELECT count(DISTINCT k.user_id) {coupons} AND {IN.format(col='k.redeemed_at')}"
            f" AND {revisit.format(alias='k', col='redeemed_at')}",
            p,
        ),
    }
    holdout = {}
    for group, flag in (("treated", "false"), ("holdout", "true")):
        users = _one(f"SELECT count(DISTINCT e.user_id) {eligible} AND e.in_holdout = {flag}", p)
        revisited = _one(
            f"SELECT count(DISTINCT e.user_id) {eligible} AND e.in_holdout = {flag}"
            f" AND {revisit.format(alias='e', col='created_at')}",
            p,
        )
        holdout[group] = {"users": users, "revisited": revisited}
    return {"totals": totals, "funnel": funnel, "holdout": holdout}


def series(*, campaign_id: int, merchant_id: int, tz: str, a, b, unit: str) -> dict:
    """{local bucket start: (checkins, unique visitors, coupons issued, coupons redeemed)} for non-empty buckets."""
    p = {"m": merchant_id, "c": campaign_id, "tz": tz, "a": a, "b": b, "unit": unit}
    out: dict = {}
    for bucket, checkins, visitors in _rows(
        f"""SELECT date_trunc(%(unit)s, c.created_at AT TIME ZONE %(tz)s), count(*), count(DISTINCT c.user_id)
        FROM checkins_checkin c WHERE c.merchant_id = %(m)s AND {IN.format(col="c.created_at")} GROUP BY 1""",
        p,
    ):
        out[bucket] = [checkins, visitors, 0, 0]
    for column, index in (("issued_at", 2), ("redeemed_at", 3)):
        for bucket, count in _rows(
            f"""SELECT date_trunc(%(unit)s, k.{column} AT TIME ZONE %(tz)s), count(*) FROM coupons_coupon k
            WHERE k.campaign_id = %(c)s AND {IN.format(col="k." + column)} GROUP BY 1""",
            p,
        ):
            out.setdefault(bucket, [0, 0, 0, 0])[index] = count
    return {bucket: tuple(values) for bucket, values in out.items()}


def redemption_mirror_mismatches() -> list[int]:
    """Coupons whose `redeemed_at`/`redeemed_by` are not their standing redemption's (coupons_redemption, voided_at
    null), or that are redeemed without one: the figures above read the coupon, so it must mirror the history."""
    return [
        row[0]
        for row in _rows(
            """SELECT k.id FROM coupons_coupon k
            LEFT JOIN coupons_redemption r ON r.coupon_id = k.id AND r.voided_at IS NULL
            WHERE k.redeemed_at IS DISTINCT FROM r.redeemed_at OR k.redeemed_by_id IS DISTINCT FROM r.redeemed_by_id
            ORDER BY k.id""",
            {},
        )
    ]
