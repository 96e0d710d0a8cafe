"""Campaign statistics benchmark: the rollup read (selector and HTTP endpoint with a JWT) against plain SQL over the
raw tables, for one campaign with 1,000,000 check-ins over 90 days among 100,000 users.

    .venv/bin/python bench/stats.py           # the full run (loading the data and building the rollups once: ~2 min)
    .venv/bin/python bench/stats.py --quick   # 50,000 check-ins among 5,000 users, a few seconds of load: a smoke run

Seeds its own database (checkin_bench_stats, or checkin_bench_stats_quick; created with PostGIS and migrated when
missing) with COPY and reuses it while it holds the expected rows. Needs the local PostgreSQL where the role `checkin`
may create databases (scripts/setup.sh). Requests go to a gunicorn it starts on 127.0.0.1 and stops at the end; every
load is bounded in time.
"""

import argparse
import hashlib
import http.client
import io
import json
import os
import platform
import random
import resource
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import (
    PG_HOST,
    PG_PASSWORD,
    PG_PORT,
    PG_USER,
    Gunicorn,
    cpu_model,
    database_ensure,
    free_port,
    latency_summary,
    memory_gib,
    psql,
    psycopg_conninfo,
    say,
)

DAYS = 90
ZONE = "Asia/Seoul"
SEED = 20260901
NULL = "\\N"  # COPY text format
PIN = "SRID=4326;POINT(126.868 37.4762)"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="50,000 check-ins, 5,000 users, short loads")
    parser.add_argument("--checkins", type=int)
    parser.add_argument("--users", type=int)
    parser.add_argument("--duration", type=float, help="seconds of threaded HTTP load per case (default 10, quick 2)")
    parser.add_argument("--clients", type=int, default=4, help="client threads for the throughput load")
    args = parser.parse_args()
    args.checkins = args.checkins or (50_000 if args.quick else 1_000_000)
    args.users = args.users or (5_000 if args.quick else 100_000)
    args.duration = args.duration or (2.0 if args.quick else 10.0)
    args.samples = 60 if args.quick else 300
    args.sql_samples = 3 if args.quick else 7
    args.database = "checkin_bench_stats_quick" if args.quick else "checkin_bench_stats"
    return args


def environment_set(database: str) -> None:
    os.environ["DATABASE_URL"] = f"postgis://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:{PG_PORT}/{database}"
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/9"
    os.environ["CACHE_KEY_PREFIX"] = "bench-stats"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["PGPASSWORD"] = PG_PASSWORD


# ---------------------------------------------------------------------------------------------------------------------
# Data: COPY, one merchant, one campaign over the last 90 days, its check-ins, eligibility (holdout 10%), coupons and
# redemptions, merchant views, feed deliveries, likes and comments
# ---------------------------------------------------------------------------------------------------------------------
def _copy(cursor, table: str, columns: str, lines) -> int:
    count = 0
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        buffer = io.StringIO()
        for line in lines:
            buffer.write(line)
            count += 1
            if count % 50_000 == 0:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
        copy.write(buffer.getvalue())
    return count


def _holdout(campaign_id: int, user_id: int, percent: int) -> bool:
    digest = hashlib.sha256(f"holdout:{campaign_id}:{user_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100 < percent


def data_ensure(args) -> dict:
    """The bench's merchant and campaign (loading everything when the database does not hold the expected rows)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_stats_meta (name text PRIMARY KEY, value jsonb)")
        cursor.execute("SELECT value FROM bench_stats_meta WHERE name = 'data'")
        row = cursor.fetchone()
    row = (json.loads(row[0]) if isinstance(row[0], str) else row[0],) if row else None
    wanted = {"checkins": args.checkins, "users": args.users, "days": DAYS, "seed": SEED}
    if not (row and all(row[0].get(k) == v for k, v in wanted.items())):
        meta = data_load(args, wanted)
    else:
        meta = row[0]
        say(f"reusing {args.checkins:,} check-ins among {args.users:,} users")
    if "build_s" not in meta:
        meta = rollups_build(meta)
    return meta


def _meta_save(meta: dict) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_stats_meta VALUES ('data', %s) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
            [json.dumps(meta)],
        )


def rollups_build(meta: dict) -> dict:
    """Fold the whole history into the rollups (what the beat task does incrementally), timed."""
    from django.db import connection

    from stats.services import rollups_rebuild

    say("building the rollups")
    started = time.perf_counter()
    rollups_rebuild(now=datetime.fromisoformat(meta["now"]))
    build_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        for table in ("stats_bitmap", "stats_merchanthour", "stats_campaignhour", "stats_member"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    say(f"rollups built in {build_s:.1f} s")
    meta = {**meta, "build_s": round(build_s, 1)}
    _meta_save(meta)
    return meta


def data_load(args, meta: dict) -> dict:
    from django.db import connection, transaction

    from accounts.models import User
    from coupons.models import Campaign
    from merchants.models import Merchant, MerchantStaff

    rng = random.Random(SEED)
    say(f"loading {args.checkins:,} check-ins among {args.users:,} users (COPY)")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE accounts_user, merchants_merchant, checkins_checkin, coupons_campaign, coupons_coupon,"
            " coupons_campaigneligibility, social_feeddelivery, social_like, social_comment, stats_merchantview"
            " RESTART IDENTITY CASCADE"
        )
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(days=DAYS)
    with transaction.atomic():
        owner = User.objects.create_user("bench-owner", password="bench-pass-2026")
        merchant = Merchant.objects.create(
            name="Bench Bakery",
            category="bakery",
            address="1 Bench-ro",
            location="SRID=4326;POINT(126.868 37.4762)",
            timezone=ZONE,
        )
        MerchantStaff.objects.create(merchant=merchant, user=owner, role=MerchantStaff.Role.OWNER)
        campaign = Campaign.objects.create(
            merchant=merchant,
            title="Free croissant",
            starts_at=start,
            ends_at=now + timedelta(days=30),
            trigger={"type": "every_checkin"},
            per_user_limit=1,
            coupon_valid_days=7,
            holdout_percent=10,
            created_by=owner,
        )
    with transaction.atomic(), connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        base = owner.pk + 1
        joined = start.isoformat()
        _copy(
            cursor,
            "accounts_user",
            "password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined,"
            " display_name",
            (f"!\tf\tbench{i}\t\t\t\tf\tt\t{joined}\tBench {i}\n" for i in range(args.users)),
        )
        user_ids = range(base, base + args.users)
        span = (now - start).total_seconds() - 120
        # Check-ins: regulars come often (a skewed pick of users), uniformly over the 90 days.
        moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(args.checkins))
        visits = [(user_ids[int(len(user_ids) * rng.random() ** 2)], moment) for moment in moments]
        _copy(
            cursor,
            "checkins_checkin",
            "id, user_id, merchant_id, location, accuracy_m, distance_m, message, visibility, created_at",
            (
                f"{i + 1}\t{user}\t{merchant.pk}\t{PIN}\t10\t3\t\tfriends\t{moment.isoformat()}\n"
                for i, (user, moment) in enumerate(visits)
            ),
        )
        # every_checkin, per_user_limit 1: each visit makes the user eligible; a treated user's first earns a coupon.
        coupons, eligibility, seen = [], [], set()
        for index, (user, moment) in enumerate(visits):
            holdout = _holdout(campaign.pk, user, 10)
            coupon_id = ""
            if not holdout and user not in seen:
                seen.add(user)
                coupon_id = len(coupons) + 1
                expires = moment + timedelta(days=7)
                redeemed = moment + timedelta(seconds=rng.random() * 6 * 86400) if rng.random() < 0.45 else None
                redeemed = redeemed if redeemed and redeemed < now else None
                code = hashlib.sha256(f"{SEED}:{coupon_id}".encode()).hexdigest()[:12].upper()
                coupons.append((coupon_id, user, code, index + 1, moment, expires, redeemed))
            eligibility.append(
                f"{campaign.pk}\t{user}\t{index + 1}\t{'t' if holdout else 'f'}\t{coupon_id or NULL}\t"
                f"{moment.isoformat()}\n"
            )
        _copy(
            cursor,
            "coupons_coupon",
            "id, campaign_id, merchant_id, user_id, code, checkin_id, issued_at, expires_at, redeemed_at",
            (
                f"{cid}\t{campaign.pk}\t{merchant.pk}\t{user}\t{code}\t{checkin}\t{issued.isoformat()}\t"
                f"{expires.isoformat()}\t{redeemed.isoformat() if redeemed else NULL}\n"
                for cid, user, code, checkin, issued, expires, redeemed in coupons
            ),
        )
        _copy(
            cursor,
            "coupons_campaigneligibility",
            "campaign_id, user_id, checkin_id, in_holdout, coupon_id, created_at",
            eligibility,
        )
        Campaign.objects.filter(pk=campaign.pk).update(issued_count=len(coupons))
        # Views (some people look before they come), deliveries into friends' feeds, likes and comments.
        views = (
            f"{merchant.pk}\t{user_ids[int(len(user_ids) * rng.random() ** 2)]}\t"
            f"{(start + timedelta(seconds=rng.random() * span)).isoformat()}\n"
            for _ in range(args.checkins // 5)
        )
        _copy(cursor, "stats_merchantview", "merchant_id, user_id, viewed_at", views)
        deliveries, pairs = [], set()
        for _ in range(args.checkins // 2):
            checkin = rng.randrange(len(visits))
            recipient = user_ids[rng.randrange(len(user_ids))]
            if (recipient, checkin) in pairs:
                continue
            pairs.add((recipient, checkin))
            author, moment = visits[checkin]
            delivered = moment + timedelta(seconds=rng.randint(1, 600))
            deliveries.append(
                f"{recipient}\t{checkin + 1}\t{author}\t{merchant.pk}\t{moment.isoformat()}\t"
                f"{delivered.isoformat()}\t0\n"
            )
        _copy(
            cursor,
            "social_feeddelivery",
            "recipient_id, checkin_id, author_id, merchant_id, checkin_created_at, delivered_at, event_id",
            deliveries,
        )
        likes = sorted(pairs)[: args.checkins // 10]
        _copy(
            cursor,
            "social_like",
            "checkin_id, user_id, created_at",
            (f"{checkin + 1}\t{user}\t{visits[checkin][1].isoformat()}\n" for user, checkin in likes),
        )
        _copy(
            cursor,
            "social_comment",
            "checkin_id, user_id, text, created_at",
            (f"{checkin + 1}\t{user}\tyum\t{visits[checkin][1].isoformat()}\n" for user, checkin in likes[::5]),
        )
        for table in ("checkins_checkin", "coupons_coupon", "accounts_user"):
            django_cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
    with connection.cursor() as cursor:
        for table in ("checkins_checkin", "coupons_coupon", "coupons_campaigneligibility", "social_feeddelivery"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    say(f"loaded in {time.perf_counter() - started:.0f} s")
    meta = {
        **meta,
        "campaign_id": campaign.pk,
        "merchant_id": merchant.pk,
        "owner_id": owner.pk,
        "start": start.isoformat(),
        "now": now.isoformat(),
    }
    _meta_save(meta)
    return meta


# ---------------------------------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------------------------------


def cases(meta: dict) -> dict:
    """The two requests: the whole period by day, and one week (whole local days) by hour."""
    start = datetime.fromisoformat(meta["start"])
    week = (start + timedelta(days=45)).date()
    return {
        "whole period, by day": {"bucket": "day"},
        "one week, by hour": {"from": week.isoformat(), "to": (week + timedelta(days=6)).isoformat(), "bucket": "hour"},
    }


def selector_measure(meta: dict, query: dict, samples: int) -> dict:
    from datetime import date

    from stats.campaign_stats import campaign_stats

    kwargs = {
        "campaign_id": meta["campaign_id"],
        "user_id": meta["owner_id"],
        "bucket": query["bucket"],
        "from_": date.fromisoformat(query["from"]) if "from" in query else None,
        "to": date.fromisoformat(query["to"]) if "to" in query else None,
    }
    for _ in range(5):
        campaign_stats(**kwargs)
    latencies = []
    began = time.perf_counter()
    for _ in range(samples):
        started = time.perf_counter()
        result = campaign_stats(**kwargs)
        latencies.append(time.perf_counter() - started)
    out = latency_summary(latencies, time.perf_counter() - began)
    out["result"] = result
    return out


# The same totals the plain way: the raw tables, over the same local-hour range.
def _in(column: str) -> str:
    return (
        f"date_trunc('hour', {column} AT TIME ZONE %(tz)s) >= r.a"
        f" AND date_trunc('hour', {column} AT TIME ZONE %(tz)s) < r.b"
    )


RAW_SQL = f"""
WITH r AS (SELECT %(a)s::timestamp AS a, %(b)s::timestamp AS b),
ck AS (SELECT c.user_id, c.created_at FROM checkins_checkin c, r WHERE c.merchant_id = %(m)s
       AND date_trunc('hour', c.created_at AT TIME ZONE %(tz)s) >= r.a
       AND date_trunc('hour', c.created_at AT TIME ZONE %(tz)s) < r.b),
firsts AS (SELECT user_id, min(created_at) AS f FROM checkins_checkin WHERE merchant_id = %(m)s GROUP BY user_id)
SELECT
  (SELECT count(*) FROM ck), (SELECT count(DISTINCT user_id) FROM ck),
  (SELECT count(*) FROM firsts, r WHERE date_trunc('hour', f AT TIME ZONE %(tz)s) >= r.a
                                    AND date_trunc('hour', f AT TIME ZONE %(tz)s) < r.b),
  (SELECT count(*) FROM coupons_coupon k, r WHERE k.campaign_id = %(c)s
     AND {_in("k.issued_at")}),
  (SELECT count(*) FROM coupons_coupon k, r WHERE k.campaign_id = %(c)s AND k.redeemed_at IS NOT NULL
     AND {_in("k.redeemed_at")}),
  (SELECT count(DISTINCT e.user_id) FROM coupons_campaigneligibility e, r WHERE e.campaign_id = %(c)s
     AND {_in("e.created_at")}),
  (SELECT count(*) FROM social_feeddelivery d, r WHERE d.merchant_id = %(m)s
     AND date_trunc('hour', d.checkin_created_at AT TIME ZONE %(tz)s) >= r.a
     AND date_trunc('hour', d.checkin_created_at AT TIME ZONE %(tz)s) < r.b)
"""


def raw_sql_measure(conninfo: str, meta: dict, stats: dict, samples: int) -> dict:
    """The floor the rollups replace: the headline totals recomputed from the raw tables (no series, no funnel)."""
    from zoneinfo import ZoneInfo

    import psycopg

    zone = ZoneInfo(ZONE)
    a = datetime.fromisoformat(str(stats["from"])).astimezone(zone).replace(tzinfo=None)
    b = datetime.fromisoformat(str(stats["to"])).astimezone(zone).replace(tzinfo=None)
    params = {"a": a, "b": b, "m": meta["merchant_id"], "c": meta["campaign_id"], "tz": ZONE}
    latencies = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SET jit = off")
        row = conn.execute(RAW_SQL, params).fetchone()
        began = time.perf_counter()
        for _ in range(samples):
            started = time.perf_counter()
            row = conn.execute(RAW_SQL, params).fetchone()
            latencies.append(time.perf_counter() - started)
    out = latency_summary(latencies, time.perf_counter() - began)
    totals = stats["totals"]
    expected = (
        totals["checkins"],
        totals["unique_visitors"],
        totals["new_visitors"],
        totals["coupons_issued"],
        totals["coupons_redeemed"],
        stats["funnel"]["eligible"],
        totals["friend_impressions"],
    )
    out["agrees"] = tuple(row) == expected
    if not out["agrees"]:
        say(f"MISMATCH raw {tuple(row)} rollups {expected}")
    return out


def _get(conn: http.client.HTTPConnection, path: str, token: str) -> float:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{response.status}: {body[:200]!r}")
    return time.perf_counter() - started


def http_measure(port: int, path: str, token: str, samples: int, duration: float, clients: int) -> dict:
    """One client for the latency percentiles, then `clients` threads for `duration` seconds for the throughput."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(5):
        _get(conn, path, token)
    latencies = []
    began = time.perf_counter()
    for _ in range(samples):
        latencies.append(_get(conn, path, token))
    single = latency_summary(latencies, time.perf_counter() - began)
    conn.close()
    results: list[float] = []
    deadline = time.perf_counter() + duration

    def worker():
        own = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < deadline:
            results.append(_get(own, path, token))
        own.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    loaded = latency_summary(results, time.perf_counter() - began)
    return {**single, "load_rps": loaded["rps"], "load_p95": loaded["p95_ms"]}


def incremental_fold_measure(meta: dict, count: int) -> float:
    """Write `count` new check-ins (with their eligibility) and time the fold the beat task would run."""
    from django.db import connection, transaction

    from stats.services import rollups_fold

    now = datetime.now(UTC)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """WITH new AS (
                INSERT INTO checkins_checkin (user_id, merchant_id, location, accuracy_m, distance_m, message,
                                              visibility,
                                              created_at)
                SELECT %(owner)s + 1 + (g * 7919) %% %(users)s, %(m)s, 'SRID=4326;POINT(126.868 37.4762)', 10, 3, '',
                       'friends', %(now)s - g * interval '1 second'
                FROM generate_series(1, %(n)s) g RETURNING id, user_id, created_at)
            INSERT INTO coupons_campaigneligibility (campaign_id, user_id, checkin_id, in_holdout, created_at)
            SELECT %(c)s, user_id, id, false, created_at FROM new""",
            {
                "owner": meta["owner_id"],
                "users": meta["users"],
                "m": meta["merchant_id"],
                "c": meta["campaign_id"],
                "now": now,
                "n": count,
            },
        )
    started = time.perf_counter()
    rollups_fold()
    return time.perf_counter() - started


def table_sizes(conninfo: str) -> tuple[str, str]:
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as conn:
        raw = conn.execute(
            "SELECT pg_size_pretty(sum(pg_total_relation_size(t))) FROM unnest(ARRAY['checkins_checkin',"
            " 'coupons_coupon', 'coupons_campaigneligibility', 'social_feeddelivery', 'social_like', 'social_comment',"
            " 'stats_merchantview']::regclass[]) t"
        ).fetchone()[0]
        rollups = conn.execute(
            "SELECT pg_size_pretty(sum(pg_total_relation_size(t)))"
            " FROM unnest(ARRAY['stats_bitmap', 'stats_merchanthour',"
            " 'stats_campaignhour', 'stats_member', 'stats_couponshadow']::regclass[]) t"
        ).fetchone()[0]
    return raw, rollups


def main():
    args = parse_args()
    environment_set(args.database)
    import django

    django.setup()
    from django.db import connection
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import User

    database_ensure(args.database)
    meta = data_ensure(args)
    conninfo = psycopg_conninfo(args.database)
    fold_s = incremental_fold_measure(meta, 1000)
    say(f"incremental fold of 1,000 new check-ins: {fold_s * 1000:.0f} ms")
    token = str(AccessToken.for_user(User.objects.get(pk=meta["owner_id"])))
    rows = []
    port = free_port()
    log_path = Path(tempfile.gettempdir()) / f"bench-stats-gunicorn-{os.getpid()}.log"
    with Gunicorn(port, log_path, env={"WEB_WORKERS": "2", "WEB_THREADS": "1"}) as server:
        for name, query in cases(meta).items():
            say(f"measuring: {name}")
            selector = selector_measure(meta, query, args.samples)
            raw = raw_sql_measure(conninfo, meta, selector["result"], args.sql_samples)
            path = f"/api/v1/campaigns/{meta['campaign_id']}/stats?" + "&".join(f"{k}={v}" for k, v in query.items())
            endpoint = http_measure(port, path, token, args.samples, args.duration, args.clients)
            worker_peak = max(server.peak_rss_mb())
            rows.append((name, len(selector["result"]["series"]), selector, endpoint, raw, worker_peak))
    log_path.unlink(missing_ok=True)
    connection.close()
    raw_size, rollup_size = table_sizes(conninfo)
    bench_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    machine = (
        f"{cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB RAM, {platform.system()} {platform.release()}"
    )
    print(f"Machine:   {machine}, PostgreSQL {psql(args.database, 'SHOW server_version')}")
    print(
        f"Data:      1 campaign, {meta['checkins']:,} check-ins over {DAYS} days among {meta['users']:,} users "
        f"(+ eligibility per visit, coupons, redemptions, views, deliveries, likes, comments); raw tables {raw_size}, "
        f"rollups {rollup_size}"
    )
    print(
        f"Rollups:   full build {meta['build_s']} s; an incremental fold of 1,000 new check-ins {fold_s * 1000:.0f} ms"
    )
    print(
        f"Memory:    peak RSS {bench_peak:.0f} MiB (this process), "
        f"{max(r[5] for r in rows):.0f} MiB (a gunicorn worker)"
    )
    print()
    header = (
        f"{'request':<22} {'rows':>5} | {'selector p50/p95 ms':>20} {'req/s':>6} | {'HTTP+JWT p50/p95 ms':>20} "
        f"{'req/s 1c':>8} {f'req/s {args.clients}c':>8} | {'raw SQL p50 ms':>14} {'ratio':>6} {'same':>5}"
    )
    print(header)
    print("-" * len(header))
    for name, series_rows, selector, endpoint, raw, _ in rows:
        print(
            f"{name:<22} {series_rows:>5} | "
            f"{selector['p50_ms']:>9.1f} / {selector['p95_ms']:>8.1f} {selector['rps']:>6.0f} | "
            f"{endpoint['p50_ms']:>9.1f} / {endpoint['p95_ms']:>8.1f} {endpoint['rps']:>8.0f} "
            f"{endpoint['load_rps']:>8.0f} | "
            f"{raw['p50_ms']:>14.0f} {raw['p50_ms'] / endpoint['p50_ms']:>5.0f}x {'yes' if raw['agrees'] else 'NO':>5}"
        )
    print()
    print(
        "raw SQL = the headline totals (check-ins, distinct, new visitors, coupons issued and redeemed, eligible "
        "users, impressions) recomputed from the raw tables; ratio = raw SQL p50 / HTTP p50; same = its totals equal "
        "the API's."
    )
    print(
        "req/s 1c: one client in sequence; req/s Nc: N client threads for the load duration (2 sync gunicorn workers)."
    )


if __name__ == "__main__":
    main()
