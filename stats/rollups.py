"""The rollup fold: new rows of the raw tables, folded into hourly counters and hourly/daily user bitmaps.

One fold runs at a time (an advisory lock) in one REPEATABLE READ snapshot, so that what it reads and the watermarks it
advances agree. Inserted rows are found by id above a watermark; ids below it that were missing when it was read (a
transaction still in flight) are kept as gaps and read again by the next folds, so a late commit is never lost.
Redemptions (an update of the coupon) are found by `redeemed_at` through a partial index, re-read `LOOKBACK` back and
counted once thanks to the coupon shadow; a voided redemption that was counted (the shadow's `redeemed_at` no longer
the coupon's) is taken off again, its hours' redeemed/returned bitmaps rebuilt; expiries come from the shadow's
`expires_at`. Likes and comments that are
deleted are reported by a trigger and taken off.

Counters are added (exactly once, by the watermarks); bitmaps are ORed (idempotent), which is what lets facts that
become true late (a revisit within 30 days, a return after a redemption) set a bit in an old hour.
"""

from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from stats.models import CHUNK_BITS, Bitmap

LOOKBACK = timedelta(minutes=10)
GAP_TTL = timedelta(minutes=15)
REVISIT_WINDOW = "30 days"
REFERRAL_WINDOW = "7 days"
_LOCK_KEY = 7_300_001  # pg_advisory_lock key of the fold

K = Bitmap.Kind
MERCHANT_KINDS = (K.VISITORS, K.VIEWERS)
CAMPAIGN_KINDS = tuple(kind for kind in K if kind not in MERCHANT_KINDS)


def _hour(column: str, zone: str = "m.timezone") -> str:
    return f"date_trunc('hour', {column} AT TIME ZONE {zone})"


# Each id source: the temp table it fills and the SELECT of its rows; {where} picks new rows, gaps, rebuilt merchants.
_ID_SOURCES = {
    "checkin": (
        "_ck",
        f"""SELECT c.id, c.user_id, c.merchant_id, c.created_at, {_hour("c.created_at")} AS hour
        FROM checkins_checkin c JOIN merchants_merchant m ON m.id = c.merchant_id WHERE {{where}}""",
        "c",
    ),
    "eligibility": (
        "_el",
        f"""SELECT e.id, e.campaign_id, k.merchant_id, e.user_id, e.created_at, e.in_holdout,
                   {_hour("e.created_at")} AS hour
        FROM coupons_campaigneligibility e JOIN coupons_campaign k ON k.id = e.campaign_id
        JOIN merchants_merchant m ON m.id = k.merchant_id WHERE {{where}}""",
        "e",
    ),
    "coupon": (
        "_cp",
        f"""SELECT p.id, p.campaign_id, p.merchant_id, p.user_id, p.issued_at, p.expires_at, p.redeemed_at,
                   {_hour("p.issued_at")} AS hour
        FROM coupons_coupon p JOIN merchants_merchant m ON m.id = p.merchant_id WHERE {{where}}""",
        "p",
    ),
    "delivery": (
        "_fd",
        f"""SELECT d.id, d.merchant_id, d.recipient_id, d.delivered_at, {_hour("d.checkin_created_at")} AS hour
        FROM social_feeddelivery d JOIN merchants_merchant m ON m.id = d.merchant_id WHERE {{where}}""",
        "d",
    ),
    "like": (
        "_lk",
        f"""SELECT l.id, c.merchant_id, {_hour("c.created_at")} AS hour
        FROM social_like l JOIN checkins_checkin c ON c.id = l.checkin_id
        JOIN merchants_merchant m ON m.id = c.merchant_id WHERE {{where}}""",
        "l",
    ),
    "comment": (
        "_cm",
        f"""SELECT l.id, c.merchant_id, {_hour("c.created_at")} AS hour
        FROM social_comment l JOIN checkins_checkin c ON c.id = l.checkin_id
        JOIN merchants_merchant m ON m.id = c.merchant_id WHERE {{where}}""",
        "l",
    ),
    "view": (
        "_mv",
        f"""SELECT v.id, v.merchant_id, v.user_id, {_hour("v.viewed_at")} AS hour
        FROM stats_merchantview v JOIN merchants_merchant m ON m.id = v.merchant_id WHERE {{where}}""",
        "v",
    ),
}
# The merchant column of each source's main table, for rebuilding single merchants.
_MERCHANT_COLUMN = {
    "checkin": "c.merchant_id",
    "eligibility": "k.merchant_id",
    "coupon": "p.merchant_id",
    "delivery": "d.merchant_id",
    "like": "c.merchant_id",
    "comment": "c.merchant_id",
    "view": "v.merchant_id",
}

_MERCHANT_HOUR_COLUMNS = ("checkins", "first_visits", "referred", "impressions", "likes", "comments")


def _merchant_hour_add(
    cursor, select_sql: str, columns: tuple[str, ...], params: dict | None = None, with_sql: str = ""
) -> None:
    """Add to merchant-hour counters: `select_sql` yields (merchant_id, hour, <columns>...) (after `WITH with_sql`)."""
    values = ", ".join(c if c in columns else "0" for c in _MERCHANT_HOUR_COLUMNS)
    updates = ", ".join(f"{c} = stats_merchanthour.{c} + EXCLUDED.{c}" for c in columns)
    cursor.execute(
        f"""{with_sql}
        INSERT INTO stats_merchanthour (merchant_id, hour, {", ".join(_MERCHANT_HOUR_COLUMNS)})
        SELECT merchant_id, hour, {values} FROM ({select_sql}) AS delta ({", ".join(("merchant_id", "hour", *columns))})
        ON CONFLICT (merchant_id, hour) DO UPDATE SET {updates}""",
        params or {},
    )


def _campaign_hour_add(
    cursor, select_sql: str, columns: tuple[str, ...], params: dict | None = None, with_sql: str = ""
) -> None:
    """Add to campaign-hour counters: `select_sql` yields (campaign_id, hour, <columns>...) (after `WITH with_sql`)."""
    all_columns = ("issued", "redeemed", "expired", "redeem_seconds")
    values = ", ".join(c if c in columns else ("'{}'::bigint[]" if c == "redeem_seconds" else "0") for c in all_columns)
    updates = ", ".join(
        f"{c} = stats_campaignhour.{c} || EXCLUDED.{c}"
        if c == "redeem_seconds"
        else f"{c} = stats_campaignhour.{c} + EXCLUDED.{c}"
        for c in columns
    )
    cursor.execute(
        f"""{with_sql}
        INSERT INTO stats_campaignhour (campaign_id, hour, {", ".join(all_columns)})
        SELECT campaign_id, hour, {values} FROM ({select_sql}) AS delta ({", ".join(("campaign_id", "hour", *columns))})
        ON CONFLICT (campaign_id, hour) DO UPDATE SET {updates}""",
        params or {},
    )


def _rebuild_forget(cursor, merchant_ids: list[int]) -> None:
    """Drop everything the rollups hold about these merchants (their time zone changed)."""
    params = {"m": merchant_ids}
    campaigns = "SELECT id FROM coupons_campaign WHERE merchant_id = ANY(%(m)s)"
    cursor.execute("DELETE FROM stats_merchanthour WHERE merchant_id = ANY(%(m)s)", params)
    cursor.execute(f"DELETE FROM stats_campaignhour WHERE campaign_id IN ({campaigns})", params)
    cursor.execute(
        "DELETE FROM stats_bitmap WHERE kind = ANY(%(mk)s) AND owner_id = ANY(%(m)s)",
        {**params, "mk": list(MERCHANT_KINDS)},
    )
    cursor.execute(
        f"DELETE FROM stats_bitmap WHERE kind = ANY(%(ck)s) AND owner_id IN ({campaigns})",
        {**params, "ck": list(CAMPAIGN_KINDS)},
    )
    cursor.execute("DELETE FROM stats_member WHERE merchant_id = ANY(%(m)s)", params)
    cursor.execute("DELETE FROM stats_couponshadow WHERE merchant_id = ANY(%(m)s)", params)
    cursor.execute("DELETE FROM stats_merchantstate WHERE merchant_id = ANY(%(m)s)", params)


def _temp(cursor, name: str, select_sql: str, params: dict | None = None) -> None:
    """A temp table from a SELECT, analyzed when it is big (the planner knows nothing of temp tables otherwise)."""
    table = name.split()[0]
    cursor.execute(f"DROP TABLE IF EXISTS {table}")
    cursor.execute(f"CREATE TEMP TABLE {name} AS {select_sql}", params or {})
    if cursor.rowcount > 1000:
        cursor.execute(f"ANALYZE {table}")


def _state_read(cursor) -> tuple[dict, dict]:
    """Each source's (watermark, folded_at) as the last fold left them, and the id sources' watermarks."""
    cursor.execute("SELECT source, watermark, folded_at FROM stats_foldstate")
    state = {source: (watermark, folded_at) for source, watermark, folded_at in cursor.fetchall()}
    watermarks = {source: state.get(source, (0, None))[0] for source in _ID_SOURCES}
    return state, watermarks


def _rebuilt_merchants(cursor) -> list[int]:
    """The merchants whose time zone changed since their rollups were built, with those rollups forgotten."""
    cursor.execute(
        """SELECT s.merchant_id FROM stats_merchantstate s JOIN merchants_merchant m ON m.id = s.merchant_id
        WHERE m.timezone <> s.timezone"""
    )
    rebuilt = [row[0] for row in cursor.fetchall()]
    if rebuilt:
        _rebuild_forget(cursor, rebuilt)
    return rebuilt


def _deletions_fold(cursor, watermarks: dict, rebuilt: list[int]) -> None:
    """Take deleted likes and comments off the counts if they had been counted (at or below the watermark)."""
    deletions_sql = f"""
        SELECT c.merchant_id, {_hour("c.created_at")},
               -count(*) FILTER (WHERE g.source = 'like'), -count(*) FILTER (WHERE g.source = 'comment')
        FROM _gone g JOIN checkins_checkin c ON c.id = g.checkin_id JOIN merchants_merchant m ON m.id = c.merchant_id
        WHERE g.row_id <= CASE g.source WHEN 'like' THEN %(like)s ELSE %(comment)s END
          AND NOT EXISTS (SELECT 1 FROM stats_foldgap f WHERE f.source = g.source AND f.row_id = g.row_id)
          AND NOT c.merchant_id = ANY(%(rebuilt)s)
        GROUP BY 1, 2"""
    _temp(cursor, "_gone", "SELECT id, source, row_id, checkin_id FROM stats_socialdeletion")
    cursor.execute("DELETE FROM stats_socialdeletion WHERE id IN (SELECT id FROM _gone)")
    _merchant_hour_add(
        cursor,
        deletions_sql,
        ("likes", "comments"),
        {"like": watermarks["like"], "comment": watermarks["comment"], "rebuilt": rebuilt},
    )


def _sources_read(cursor, watermarks: dict, rebuilt: list[int], now: datetime) -> dict:
    """The new rows of every id source into its temp table, then the watermarks and gaps that say what has been read;
    returns how many rows each source gave."""
    counts = {}
    for source, (table, select_sql, alias) in _ID_SOURCES.items():
        parts = [
            select_sql.format(where=f"{alias}.id > %(w)s"),
            select_sql.format(where=f"{alias}.id IN (SELECT row_id FROM stats_foldgap WHERE source = %(src)s)"),
        ]
        if rebuilt:
            parts.append(select_sql.format(where=f"{_MERCHANT_COLUMN[source]} = ANY(%(rebuilt)s)"))
        _temp(cursor, table, " UNION ".join(parts), {"w": watermarks[source], "src": source, "rebuilt": rebuilt})
        cursor.execute(f"SELECT count(*), coalesce(max(id), 0) FROM {table}")
        counts[source], top = cursor.fetchone()
        new_watermark = max(watermarks[source], top)
        params = {"src": source, "w": watermarks[source], "top": new_watermark, "now": now, "ttl": now - GAP_TTL}
        cursor.execute(
            f"""DELETE FROM stats_foldgap WHERE source = %(src)s
            AND (row_id IN (SELECT id FROM {table}) OR seen_at < %(ttl)s)""",
            params,
        )
        cursor.execute(
            f"""INSERT INTO stats_foldgap (source, row_id, seen_at)
            SELECT %(src)s, g, %(now)s FROM generate_series(%(w)s::bigint + 1, %(top)s::bigint) g
            WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = g)""",
            params,
        )
        cursor.execute(
            """INSERT INTO stats_foldstate (source, watermark, folded_at) VALUES (%(src)s, %(top)s, %(now)s)
            ON CONFLICT (source) DO UPDATE SET watermark = EXCLUDED.watermark, folded_at = EXCLUDED.folded_at""",
            params,
        )
    return counts


def _redemption_since(last_redemption_fold: datetime | None) -> datetime:
    """Where the redemption and void reads start: the last fold less LOOKBACK (a late commit), or the beginning."""
    return (last_redemption_fold - LOOKBACK) if last_redemption_fold else datetime(1970, 1, 1, tzinfo=UTC)


def _voids_fold(cursor, last_redemption_fold: datetime | None) -> None:
    """Take counted redemptions that were voided since (into _rv) off the counters, clear their shadows, and drop the
    redeemed/returned bitmaps of their hours, days and weeks (into _rvt: rebuilt by the bitmap step)."""
    _temp(
        cursor,
        "_rv",
        f"""SELECT s.coupon_id, s.campaign_id, s.merchant_id, {_hour("s.redeemed_at")} AS hour,
                   floor(extract(epoch FROM s.redeemed_at - s.issued_at))::bigint AS seconds
        FROM stats_couponshadow s JOIN coupons_coupon p ON p.id = s.coupon_id
        JOIN merchants_merchant m ON m.id = s.merchant_id
        WHERE s.redeemed_at IS NOT NULL AND p.redeemed_at IS DISTINCT FROM s.redeemed_at
          AND s.coupon_id IN (SELECT coupon_id FROM coupons_redemption WHERE voided_at >= %(since)s)""",
        {"since": _redemption_since(last_redemption_fold)},
    )
    cursor.execute("UPDATE stats_couponshadow s SET redeemed_at = NULL FROM _rv r WHERE s.coupon_id = r.coupon_id")
    # The redeemed count, and each voided redemption's seconds taken out of the hour's multiset (once per void).
    cursor.execute(
        """WITH gone AS (SELECT campaign_id, hour, count(*) AS n FROM _rv GROUP BY 1, 2),
             gone_seconds AS (SELECT campaign_id, hour, seconds, count(*) AS n FROM _rv GROUP BY 1, 2, 3)
        UPDATE stats_campaignhour h SET redeemed = h.redeemed - g.n, redeem_seconds = coalesce((
            SELECT array_agg(u.v ORDER BY u.ord) FROM (
                SELECT x.v, x.ord, row_number() OVER (PARTITION BY x.v ORDER BY x.ord) AS k
                FROM unnest(h.redeem_seconds) WITH ORDINALITY AS x (v, ord)) u
            LEFT JOIN gone_seconds s ON s.campaign_id = h.campaign_id AND s.hour = h.hour AND s.seconds = u.v
            WHERE u.k > coalesce(s.n, 0)), '{}'::bigint[])
        FROM gone g WHERE h.campaign_id = g.campaign_id AND h.hour = g.hour"""
    )
    _temp(
        cursor,
        "_rvt",
        f"""SELECT DISTINCT k.kind, r.campaign_id AS owner_id, r.hour
        FROM _rv r CROSS JOIN (VALUES ({K.REDEEMED}), ({K.RETURNED})) AS k (kind)""",
    )
    cursor.execute(
        """DELETE FROM stats_bitmap b USING _rvt t
        WHERE b.kind = t.kind AND b.owner_id = t.owner_id
          AND ((b.grain = 'h' AND b.bucket = t.hour) OR (b.grain = 'd' AND b.bucket = date_trunc('day', t.hour))
               OR (b.grain = 'w' AND b.bucket = date_trunc('week', t.hour)))"""
    )


def _redemptions_fold(cursor, last_redemption_fold: datetime | None) -> None:
    """Count the coupons redeemed since the last fold (less LOOKBACK) or among the coupons just read (into _rd); the
    shadow row, still unredeemed, makes each count once. Coupons first get their shadow."""
    cursor.execute(
        """INSERT INTO stats_couponshadow
            (coupon_id, campaign_id, merchant_id, user_id, issued_at, expires_at, redeemed_at, expired)
        SELECT id, campaign_id, merchant_id, user_id, issued_at, expires_at, NULL, false FROM _cp
        ON CONFLICT (coupon_id) DO NOTHING"""
    )
    since = _redemption_since(last_redemption_fold)
    _temp(
        cursor,
        "_rd",
        f"""SELECT s.coupon_id, s.campaign_id, s.merchant_id, s.user_id, s.issued_at, p.redeemed_at, s.expires_at,
                   s.expired, {_hour("p.redeemed_at")} AS hour, {_hour("s.expires_at")} AS expires_hour
        FROM coupons_coupon p JOIN stats_couponshadow s ON s.coupon_id = p.id
        JOIN merchants_merchant m ON m.id = s.merchant_id
        WHERE s.redeemed_at IS NULL AND p.redeemed_at IS NOT NULL
          AND p.id IN (SELECT id FROM coupons_coupon WHERE redeemed_at >= %(since)s AND redeemed_at IS NOT NULL
                       UNION SELECT id FROM _cp WHERE redeemed_at IS NOT NULL)""",
        {"since": since},
    )
    cursor.execute(
        """UPDATE stats_couponshadow s SET redeemed_at = r.redeemed_at, expired = false
        FROM _rd r WHERE s.coupon_id = r.coupon_id"""
    )
    _campaign_hour_add(
        cursor,
        """SELECT campaign_id, hour, count(*),
                  array_agg(floor(extract(epoch FROM redeemed_at - issued_at))::bigint ORDER BY coupon_id)
        FROM _rd GROUP BY 1, 2""",
        ("redeemed", "redeem_seconds"),
    )


def _coupon_counters_add(cursor, now: datetime) -> None:
    """Issued and expired coupons into the campaign-hour counters, and the redemption watermark moved to `now`."""
    # A coupon counted as expired whose redemption (committed just before its expiry) arrived late: not expired.
    _campaign_hour_add(
        cursor, "SELECT campaign_id, expires_hour, -count(*) FROM _rd WHERE expired GROUP BY 1, 2", ("expired",)
    )
    _campaign_hour_add(cursor, "SELECT campaign_id, hour, count(*) FROM _cp GROUP BY 1, 2", ("issued",))
    _campaign_hour_add(
        cursor,
        f"""SELECT g.campaign_id, {_hour("g.expires_at")}, count(*)
        FROM gone g JOIN merchants_merchant m ON m.id = g.merchant_id GROUP BY 1, 2""",
        ("expired",),
        {"now": now},
        with_sql="""WITH gone AS (
            UPDATE stats_couponshadow SET expired = true
            WHERE redeemed_at IS NULL AND NOT expired AND expires_at <= %(now)s
            RETURNING campaign_id, merchant_id, expires_at)""",
    )
    cursor.execute(
        """INSERT INTO stats_foldstate (source, watermark, folded_at) VALUES ('redemption', 0, %(now)s)
        ON CONFLICT (source) DO UPDATE SET folded_at = EXCLUDED.folded_at""",
        {"now": now},
    )


def _members_add(cursor) -> None:
    """Give every user new at a merchant in this fold (into _nm) the next free bitmap slot there."""
    _temp(
        cursor,
        "_nm",
        """SELECT DISTINCT u.merchant_id, u.user_id FROM (
            SELECT merchant_id, user_id FROM _ck UNION ALL SELECT merchant_id, user_id FROM _el
            UNION ALL SELECT merchant_id, user_id FROM _cp UNION ALL SELECT merchant_id, user_id FROM _mv) u
        WHERE NOT EXISTS (SELECT 1 FROM stats_member s
                          WHERE s.merchant_id = u.merchant_id AND s.user_id = u.user_id)""",
    )
    cursor.execute(
        """INSERT INTO stats_member (merchant_id, user_id, slot, referred)
        SELECT n.merchant_id, n.user_id,
               coalesce(top.slot, -1) + row_number() OVER (PARTITION BY n.merchant_id ORDER BY n.user_id), false
        FROM _nm n
        LEFT JOIN (SELECT merchant_id, max(slot) AS slot FROM stats_member
                   WHERE merchant_id IN (SELECT merchant_id FROM _nm) GROUP BY 1) top
             ON top.merchant_id = n.merchant_id"""
    )


def _first_visits_fold(cursor) -> None:
    """New visitors: a user's first ever check-in here (a late-committed earlier one moves it), and whether a friend's
    check-in here had reached their feed within the 7 days before it (referred)."""
    _temp(
        cursor,
        "_fv",
        f"""SELECT n.merchant_id, n.user_id, n.first_at, s.first_visit_at AS old_first, s.referred AS old_referred,
                   m.timezone,
                   EXISTS (SELECT 1 FROM social_feeddelivery d
                           WHERE d.recipient_id = n.user_id AND d.merchant_id = n.merchant_id
                             AND d.delivered_at < n.first_at
                             AND d.delivered_at >= n.first_at - interval '{REFERRAL_WINDOW}') AS referred
        FROM (SELECT merchant_id, user_id, min(created_at) AS first_at FROM _ck GROUP BY 1, 2) n
        JOIN stats_member s ON s.merchant_id = n.merchant_id AND s.user_id = n.user_id
        JOIN merchants_merchant m ON m.id = n.merchant_id
        WHERE s.first_visit_at IS NULL OR n.first_at < s.first_visit_at""",
    )
    _merchant_hour_add(
        cursor,
        f"""SELECT merchant_id, hour, sum(visits), sum(referred) FROM (
            SELECT merchant_id, {_hour("first_at", "timezone")} AS hour, 1 AS visits, referred::int AS referred FROM _fv
            UNION ALL
            SELECT merchant_id, {_hour("old_first", "timezone")}, -1, -(old_referred::int) FROM _fv
            WHERE old_first IS NOT NULL) AS moves GROUP BY 1, 2""",
        ("first_visits", "referred"),
    )
    cursor.execute(
        """UPDATE stats_member s SET first_visit_at = f.first_at, referred = f.referred
        FROM _fv f WHERE s.merchant_id = f.merchant_id AND s.user_id = f.user_id"""
    )


def _referrals_late_fold(cursor) -> None:
    """A delivery read now may make an earlier-counted first visit a referred one."""
    _merchant_hour_add(
        cursor,
        f"""SELECT f.merchant_id, {_hour("f.first_visit_at")}, count(*)
        FROM flipped f JOIN merchants_merchant m ON m.id = f.merchant_id GROUP BY 1, 2""",
        ("referred",),
        with_sql=f"""WITH flipped AS (
            UPDATE stats_member s SET referred = true FROM _fd d
            WHERE s.merchant_id = d.merchant_id AND s.user_id = d.recipient_id AND NOT s.referred
              AND s.first_visit_at > d.delivered_at
              AND s.first_visit_at <= d.delivered_at + interval '{REFERRAL_WINDOW}'
            RETURNING s.merchant_id, s.first_visit_at)""",
    )


def _merchant_counters_add(cursor) -> None:
    """The plain merchant-hour counters: check-ins, feed impressions, likes and comments read by this fold."""
    _merchant_hour_add(cursor, "SELECT merchant_id, hour, count(*) FROM _ck GROUP BY 1, 2", ("checkins",))
    _merchant_hour_add(cursor, "SELECT merchant_id, hour, count(*) FROM _fd GROUP BY 1, 2", ("impressions",))
    _merchant_hour_add(cursor, "SELECT merchant_id, hour, count(*) FROM _lk GROUP BY 1, 2", ("likes",))
    _merchant_hour_add(cursor, "SELECT merchant_id, hour, count(*) FROM _cm GROUP BY 1, 2", ("comments",))


def _facts(watermarks: dict, last_redemption_fold: datetime | None) -> list[str]:
    """The SELECTs of the facts for the bitmaps: (kind, owner, merchant, hour, user)."""
    facts = [
        f"SELECT {K.VISITORS}, merchant_id, merchant_id, hour, user_id FROM _ck",
        f"SELECT {K.VIEWERS}, merchant_id, merchant_id, hour, user_id FROM _mv",
        f"""SELECT CASE WHEN in_holdout THEN {K.ELIGIBLE_HOLDOUT} ELSE {K.ELIGIBLE_TREATED} END,
                   campaign_id, merchant_id, hour, user_id FROM _el""",
        f"SELECT {K.ISSUED}, campaign_id, merchant_id, hour, user_id FROM _cp",
        f"SELECT {K.REDEEMED}, campaign_id, merchant_id, hour, user_id FROM _rd",
        # revisits and returns, looking forward from new eligibilities and redemptions ...
        f"""SELECT CASE WHEN e.in_holdout THEN {K.REVISITED_HOLDOUT} ELSE {K.REVISITED_TREATED} END,
                   e.campaign_id, e.merchant_id, e.hour, e.user_id FROM _el e
            WHERE EXISTS (SELECT 1 FROM checkins_checkin c
                          WHERE c.user_id = e.user_id AND c.merchant_id = e.merchant_id
                            AND c.created_at > e.created_at
                            AND c.created_at <= e.created_at + interval '{REVISIT_WINDOW}')""",
        f"""SELECT {K.RETURNED}, r.campaign_id, r.merchant_id, r.hour, r.user_id FROM _rd r
            WHERE EXISTS (SELECT 1 FROM checkins_checkin c
                          WHERE c.user_id = r.user_id AND c.merchant_id = r.merchant_id
                            AND c.created_at > r.redeemed_at
                            AND c.created_at <= r.redeemed_at + interval '{REVISIT_WINDOW}')""",
    ]
    # The hours whose redeemed/returned bitmaps a void dropped: every redemption counted in them, again (the coupon's
    # index on redeemed_at finds them; the window is wide enough for any UTC offset change, the hour filter is exact).
    facts.append(
        f"""SELECT t.kind, s.campaign_id, s.merchant_id, t.hour, s.user_id
        FROM _rvt t JOIN coupons_campaign k ON k.id = t.owner_id JOIN merchants_merchant m ON m.id = k.merchant_id
        JOIN coupons_coupon p ON p.campaign_id = t.owner_id
             AND p.redeemed_at >= (t.hour AT TIME ZONE m.timezone) - interval '3 hours'
             AND p.redeemed_at < (t.hour AT TIME ZONE m.timezone) + interval '4 hours'
        JOIN stats_couponshadow s ON s.coupon_id = p.id AND s.redeemed_at = p.redeemed_at
        WHERE {_hour("s.redeemed_at")} = t.hour
          AND (t.kind = {K.REDEEMED} OR EXISTS (
              SELECT 1 FROM checkins_checkin c WHERE c.user_id = s.user_id AND c.merchant_id = s.merchant_id
                AND c.created_at > s.redeemed_at AND c.created_at <= s.redeemed_at + interval '{REVISIT_WINDOW}'))"""
    )
    # ... and backward from new check-ins to eligibilities and redemptions read by earlier folds.
    if watermarks["eligibility"] > 0:
        facts.append(
            f"""SELECT DISTINCT CASE WHEN e.in_holdout THEN {K.REVISITED_HOLDOUT} ELSE {K.REVISITED_TREATED} END,
                   e.campaign_id, k.merchant_id, {_hour("e.created_at")}, e.user_id
            FROM _ck c JOIN coupons_campaign k ON k.merchant_id = c.merchant_id
            JOIN merchants_merchant m ON m.id = k.merchant_id
            JOIN coupons_campaigneligibility e ON e.campaign_id = k.id AND e.user_id = c.user_id
                 AND e.created_at < c.created_at AND e.created_at >= c.created_at - interval '{REVISIT_WINDOW}'"""
        )
    if last_redemption_fold is not None:
        facts.append(
            f"""SELECT DISTINCT {K.RETURNED}, p.campaign_id, p.merchant_id, {_hour("p.redeemed_at")}, p.user_id
            FROM _ck c JOIN coupons_coupon p ON p.user_id = c.user_id AND p.merchant_id = c.merchant_id
                 AND p.redeemed_at < c.created_at AND p.redeemed_at >= c.created_at - interval '{REVISIT_WINDOW}'
            JOIN merchants_merchant m ON m.id = p.merchant_id"""
        )
    return facts


def _bitmaps_set(cursor, facts: list[str]) -> None:
    """Set the facts' bits in the hour bitmaps, then recompute every day and week (local, from Monday) they touch."""
    _temp(cursor, "_fx (kind, owner_id, merchant_id, hour, user_id)", " UNION ".join(f"({sql})" for sql in facts))
    cursor.execute(
        f"""INSERT INTO stats_bitmap (kind, owner_id, grain, bucket, chunk, bits)
        SELECT f.kind, f.owner_id, 'h', f.hour, s.slot / {CHUNK_BITS},
               bit_or(set_bit(B'0'::bit({CHUNK_BITS}), s.slot % {CHUNK_BITS}, 1))
        FROM _fx f
        JOIN stats_member s ON s.merchant_id = f.merchant_id AND s.user_id = f.user_id
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (kind, owner_id, grain, bucket, chunk) DO UPDATE SET bits = stats_bitmap.bits | EXCLUDED.bits"""
    )
    # Days are the OR of their hours: recomputed whole for every day a fact touched.
    cursor.execute(
        """INSERT INTO stats_bitmap (kind, owner_id, grain, bucket, chunk, bits)
        SELECT b.kind, b.owner_id, 'd', t.day, b.chunk, bit_or(b.bits)
        FROM (SELECT DISTINCT f.kind, f.owner_id, date_trunc('day', f.hour) AS day
              FROM (SELECT kind, owner_id, hour FROM _fx UNION ALL SELECT kind, owner_id, hour FROM _rvt) f) t
        JOIN stats_bitmap b ON b.kind = t.kind AND b.owner_id = t.owner_id AND b.grain = 'h'
             AND b.bucket >= t.day AND b.bucket < t.day + interval '1 day'
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (kind, owner_id, grain, bucket, chunk) DO UPDATE SET bits = EXCLUDED.bits"""
    )
    # Weeks (local, from Monday) are the OR of their days, so that long ranges read a few rows per chunk.
    cursor.execute(
        """INSERT INTO stats_bitmap (kind, owner_id, grain, bucket, chunk, bits)
        SELECT b.kind, b.owner_id, 'w', t.week, b.chunk, bit_or(b.bits)
        FROM (SELECT DISTINCT f.kind, f.owner_id, date_trunc('week', f.hour) AS week
              FROM (SELECT kind, owner_id, hour FROM _fx UNION ALL SELECT kind, owner_id, hour FROM _rvt) f) t
        JOIN stats_bitmap b ON b.kind = t.kind AND b.owner_id = t.owner_id AND b.grain = 'd'
             AND b.bucket >= t.week AND b.bucket < t.week + interval '7 days'
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (kind, owner_id, grain, bucket, chunk) DO UPDATE SET bits = EXCLUDED.bits"""
    )


def _fold_finish(cursor, rebuilt: list[int], now: datetime) -> None:
    """Record the merchants' time zones and the fold's time; drop the temp tables."""
    cursor.execute(
        """INSERT INTO stats_merchantstate (merchant_id, timezone)
        SELECT m.id, m.timezone FROM merchants_merchant m
        WHERE m.id IN (SELECT merchant_id FROM _nm) OR m.id = ANY(%(rebuilt)s)
        ON CONFLICT (merchant_id) DO NOTHING""",
        {"rebuilt": rebuilt},
    )
    cursor.execute(
        """INSERT INTO stats_foldstate (source, watermark, folded_at) VALUES ('fold', 0, %(now)s)
        ON CONFLICT (source) DO UPDATE SET folded_at = EXCLUDED.folded_at""",
        {"now": now},
    )
    for table in ("_gone", "_rv", "_rvt", "_rd", "_nm", "_fv", "_fx", *(t for t, _, _ in _ID_SOURCES.values())):
        cursor.execute(f"DROP TABLE IF EXISTS {table}")


def _fold(cursor, now: datetime) -> dict:
    """One fold, step by step, in the caller's transaction; returns how many rows each source gave."""
    state, watermarks = _state_read(cursor)
    rebuilt = _rebuilt_merchants(cursor)
    _deletions_fold(cursor, watermarks, rebuilt)
    counts = _sources_read(cursor, watermarks, rebuilt, now)
    last_redemption_fold = state.get("redemption", (0, None))[1]
    _voids_fold(cursor, last_redemption_fold)
    _redemptions_fold(cursor, last_redemption_fold)
    _coupon_counters_add(cursor, now)
    _members_add(cursor)
    _first_visits_fold(cursor)
    _referrals_late_fold(cursor)
    _merchant_counters_add(cursor)
    _bitmaps_set(cursor, _facts(watermarks, last_redemption_fold))
    _fold_finish(cursor, rebuilt, now)
    return {"rebuilt_merchants": len(rebuilt), **counts}


def rollups_fold(*, now: datetime | None = None, wait: bool = True) -> dict:
    """Fold the rows written since the last fold into the rollups; returns how many rows of each source it read.

    With `wait=False` (the beat task) a fold already running elsewhere makes this one return `{"skipped": True}`
    at once instead of queueing behind it.
    """
    now = now or timezone.now()
    with connection.cursor() as cursor:
        # A session lock taken before the transaction starts, so that the snapshot sees the previous fold committed.
        if wait:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_LOCK_KEY])
        else:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [_LOCK_KEY])
            if not cursor.fetchone()[0]:
                return {"skipped": True}
        try:
            outermost = not connection.in_atomic_block
            with transaction.atomic():
                if outermost:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                return _fold(cursor, now)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_KEY])
