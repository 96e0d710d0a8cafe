"""Nearby search benchmark: raw SQL (the floor), the selector through Django, and the HTTP endpoint under gunicorn.

    .venv/bin/python bench/nearby.py           # 1,000,000 merchants, the full run (seeding once takes a few minutes)
    .venv/bin/python bench/nearby.py --quick   # 20,000 merchants and a few seconds of load: a smoke run

Seeds its own database (checkin_bench_nearby, or checkin_bench_nearby_quick) and reuses it while it holds the
expected rows. Needs a local PostgreSQL/PostGIS where the role `checkin` may create databases (scripts/setup.sh),
`pgbench` (postgresql-client) and `wrk` (Debian's package; installed here when missing and running as root).
Every load is time-bounded and goes to 127.0.0.1 only; the gunicorn it starts is stopped at the end.
"""

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

from common import (
    PG_HOST,
    PG_PASSWORD,
    PG_PORT,
    PG_USER,
    Gunicorn,
    cpu_seconds,
    database_ensure,
    free_port,
    gunicorn_shape,
    latency_summary,
    machine_busy_seconds,
    machine_text,
    pg_backend_pids,
    psql,
    psycopg_conninfo,
    say,
    table_print,
    wrk_ensure,
    wrk_run,
)

RADIUS_M = 1000
LIMIT = 20  # what the client asks for; the view fetches LIMIT + 1 rows to know whether there is a next page
CAMPAIGN_EVERY = 40  # one merchant in 40 runs a campaign, one in 160 a second one, one in 120 has an ended one
POINT_SEED = 20260611


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 merchants and a few seconds of load")
    parser.add_argument("--merchants", type=int, help="override the data size")
    parser.add_argument("--duration", type=int, help="seconds of HTTP load with 16 clients (default 20, quick 4)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--port", type=int, default=0, help="loopback port for gunicorn (default: a free one)")
    args = parser.parse_args()
    args.merchants = args.merchants or (20_000 if args.quick else 1_000_000)
    args.duration = args.duration or (4 if args.quick else 20)
    args.single_duration = 3 if args.quick else 8
    args.pgbench_duration = 3 if args.quick else 15
    args.samples = 300 if args.quick else 2000
    args.database = "checkin_bench_nearby_quick" if args.quick else "checkin_bench_nearby"
    return args


def environment_set(database: str) -> None:
    """This bench's own database, Redis DB and cache prefix, for this process and every one it starts."""
    os.environ["DATABASE_URL"] = f"postgis://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:{PG_PORT}/{database}"
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/5"
    os.environ["CACHE_KEY_PREFIX"] = "bench-nearby"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["PGPASSWORD"] = PG_PASSWORD


# ---------------------------------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------------
# Database and data
# ---------------------------------------------------------------------------------------------------------------------


def data_ensure(merchant_count: int) -> None:
    """Exactly `merchant_count` generated merchants and their campaigns; reloaded only when the counts differ."""
    from django.db import connection

    from coupons.models import Campaign
    from merchants.models import Merchant

    campaign_count = _campaign_rows_expected(merchant_count)
    if Merchant.objects.count() == merchant_count and Campaign.objects.count() == campaign_count:
        say(f"reusing {merchant_count:,} merchants and {campaign_count:,} campaigns")
        return
    from demo.loader import merchants_bulk_load

    say(f"seeding {merchant_count:,} merchants (COPY; about 45 s per million)")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE merchants_merchant RESTART IDENTITY CASCADE")
    started = time.perf_counter()
    merchants_bulk_load(count=merchant_count, seed=7, progress=sys.stderr.isatty())
    say(f"loaded merchants in {time.perf_counter() - started:.0f} s; adding campaigns")
    campaigns_seed(merchant_count)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE merchants_merchant")
        cursor.execute("VACUUM ANALYZE coupons_campaign")


def _campaign_rows_expected(merchant_count: int) -> int:
    ids = range(1, merchant_count + 1)
    return sum(
        (i % CAMPAIGN_EVERY == 0) + (i % (CAMPAIGN_EVERY * 4) == 0) + (i % (CAMPAIGN_EVERY * 3) == 1) for i in ids
    )


def campaigns_seed(merchant_count: int) -> None:
    """Running campaigns on one merchant in 40 (a second on one in 160) and ended ones, so that the
    active_campaigns subquery has work to do as it will in production."""
    from django.utils import timezone

    from coupons.models import Campaign

    now = timezone.now()
    triggers = [{"type": "every_checkin"}, {"type": "first_visit"}, {"type": "nth_visit", "visits": 3}]
    rows = []
    for merchant_id in range(1, merchant_count + 1):
        if merchant_id % CAMPAIGN_EVERY == 0:
            rows.append((merchant_id, "Free americano", now - timedelta(days=3), now + timedelta(days=30)))
        if merchant_id % (CAMPAIGN_EVERY * 4) == 0:
            rows.append((merchant_id, "Second visit, 10% off", now - timedelta(days=1), now + timedelta(days=60)))
        if merchant_id % (CAMPAIGN_EVERY * 3) == 1:
            rows.append((merchant_id, "Opening week", now - timedelta(days=90), now - timedelta(days=60)))
    objects = [
        Campaign(
            merchant_id=merchant_id,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            trigger=triggers[index % len(triggers)],
            total_stock=None if index % 2 else 500,
        )
        for index, (merchant_id, title, starts_at, ends_at) in enumerate(rows)
    ]
    Campaign.objects.bulk_create(objects, batch_size=5000)


def points_generate(count: int, seed: int) -> list[tuple[float, float]]:
    """Random (lat, lng) drawn like the seeded merchants: users are where the shops are."""
    from demo.places import AREAS

    rng = random.Random(seed)
    weights = [area[5] for area in AREAS]
    points = []
    for _ in range(count):
        _, _, lat, lng, spread, _ = rng.choices(AREAS, weights=weights)[0]
        points.append((round(rng.gauss(lat, spread), 6), round(rng.gauss(lng, spread * 1.2), 6)))
    return points


# ---------------------------------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------------------------------


def sql_single(conninfo: str, points, warmup: int) -> dict:
    """The raw SQL through psycopg, one client; psycopg prepares it after five runs (the floor)."""
    import psycopg

    from coupons.nearby import merchant_nearby_sql

    latencies = []
    with psycopg.connect(conninfo, autocommit=True) as conn, conn.cursor() as cursor:
        started = None
        for index, (lat, lng) in enumerate(points):
            if index == warmup:
                started = time.perf_counter()
            sql, params = merchant_nearby_sql(lat=lat, lng=lng, radius_m=RADIUS_M, limit=LIMIT + 1)
            begin = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            if index >= warmup:
                latencies.append(time.perf_counter() - begin)
    return latency_summary(latencies, time.perf_counter() - started)


def matches_in_radius(conninfo: str, points) -> float:
    """The average number of merchants within the radius (what a COUNT would have to check)."""
    import psycopg

    sql = (
        "SELECT count(*) FROM merchants_merchant"
        " WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s)"
    )
    with psycopg.connect(conninfo, autocommit=True) as conn:
        counts = [conn.execute(sql, (lng, lat, RADIUS_M)).fetchone()[0] for lat, lng in points]
    return statistics.mean(counts)


def candidates_check(conninfo: str, points) -> tuple[int, int]:
    """Pages (first and deep ones) from merchant_nearby_sql against the same SQL with thousands of spare candidates:
    (pages checked, pages that differ). A difference means the candidate slack is too small for the sphere/spheroid
    reordering."""
    import psycopg

    from coupons.nearby import merchant_nearby_sql

    pages = [(0, LIMIT + 1), (0, 101), (200, LIMIT + 1), (1000, 101), (5000, 101)]
    differ = 0
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for index, (lat, lng) in enumerate(points):
            offset, limit = pages[index % len(pages)]
            sql, params = merchant_nearby_sql(lat=lat, lng=lng, radius_m=RADIUS_M, limit=limit, offset=offset)
            exhaustive = {**params, "candidates": offset + limit + 3000}
            if conn.execute(sql, params).fetchall() != conn.execute(sql, exhaustive).fetchall():
                differ += 1
    return len(points), differ


def sql_pgbench(database: str, workdir: Path, clients: int, seconds: int) -> dict:
    """The same SQL text under pgbench (prepared, `clients` connections), one script per area so that the random
    points follow the merchants' distribution (random_gaussian over +-4 sigma)."""
    from coupons.nearby import merchant_nearby_sql
    from demo.places import AREAS

    sql, params = merchant_nearby_sql(lat=0.0, lng=0.0, radius_m=RADIUS_M, limit=LIMIT + 1)
    for name in params:
        sql = sql.replace(f"%({name})s", f":{name}")
    sql = " ".join(sql.split()) + ";\n"
    constants = "".join(f"\\set {name} {params[name]}\n" for name in ("radius", "limit", "offset", "candidates"))
    files = []
    for index, (_, _, lat, lng, spread, weight) in enumerate(AREAS):
        lat_range, lng_range = round(spread * 4e6), round(spread * 1.2 * 4e6)
        script = workdir / f"nearby_{index}.sql"
        script.write_text(
            f"\\set lat {lat} + random_gaussian(-{lat_range}, {lat_range}, 4.0) / 1000000.0\n"
            f"\\set lng {lng} + random_gaussian(-{lng_range}, {lng_range}, 4.0) / 1000000.0\n" + constants + sql
        )
        files += ["-f", f"{script}@{weight}"]
    command = ["pgbench", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "-n", "-M", "prepared"]
    command += ["-c", str(clients), "-j", "2", "-T", str(seconds), *files, database]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = {"clients": clients}
    for line in output.splitlines():
        if line.startswith("tps = "):
            result["rps"] = float(line.split()[2])
        elif line.startswith("latency average = "):
            result["avg_ms"] = float(line.split()[3])
        elif line.startswith("number of transactions actually processed:"):
            result["requests"] = int(line.split(":")[1].split("/")[0])
    return result


def selector_single(points, warmup: int) -> dict:
    """merchant_list_nearby through Django's connection, one client, in this process."""
    from django.db import connection

    from coupons.nearby import merchant_list_nearby

    latencies = []
    started = None
    for index, (lat, lng) in enumerate(points):
        if index == warmup:
            started = time.perf_counter()
        begin = time.perf_counter()
        merchant_list_nearby(lat=lat, lng=lng, radius_m=RADIUS_M, limit=LIMIT + 1)
        if index >= warmup:
            latencies.append(time.perf_counter() - begin)
    result = latency_summary(latencies, time.perf_counter() - started)
    connection.close()
    return result


# ---------------------------------------------------------------------------------------------------------------------
# HTTP: gunicorn + wrk
# ---------------------------------------------------------------------------------------------------------------------
WRK_SCRIPT = """
local areas = {AREAS}
local total = 0
for _, a in ipairs(areas) do total = total + a[4] end
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", {SEED} + counter)
end

function init(args)
  math.randomseed(seed)
end

local function gauss()
  return math.sqrt(-2 * math.log(1 - math.random())) * math.cos(2 * math.pi * math.random())
end

function request()
  local pick = math.random() * total
  local area = areas[#areas]
  for _, a in ipairs(areas) do
    pick = pick - a[4]
    if pick <= 0 then area = a; break end
  end
  local lat = area[1] + gauss() * area[3]
  local lng = area[2] + gauss() * area[3] * 1.2
  return wrk.format("GET", string.format("/api/v1/merchants/nearby?lat=%.6f&lng=%.6f&radius={RADIUS}&limit={LIMIT}",
                                         lat, lng))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk_script_write(workdir: Path) -> Path:
    from demo.places import AREAS

    areas = "{" + ", ".join(f"{{{a[2]}, {a[3]}, {a[4]}, {a[5]}}}" for a in AREAS) + "}"
    text = WRK_SCRIPT.replace("{AREAS}", areas).replace("{SEED}", str(POINT_SEED))
    text = text.replace("{RADIUS}", str(RADIUS_M)).replace("{LIMIT}", str(LIMIT))
    path = workdir / "nearby.lua"
    path.write_text(text)
    return path


def wrk_run_metered(url, script, clients, seconds, worker_pids, conninfo, database) -> dict:
    """wrk_run plus the CPU that the gunicorn workers and this database's PostgreSQL backends spent per request."""
    before_workers = {pid: cpu_seconds(pid) for pid in worker_pids}
    before_pg = {pid: cpu_seconds(pid) for pid in pg_backend_pids(conninfo, database)}
    busy_before, total_before = machine_busy_seconds()
    result = wrk_run(url, script, clients, seconds)
    busy_after, total_after = machine_busy_seconds()
    after_pg = {pid: cpu_seconds(pid) for pid in pg_backend_pids(conninfo, database)}
    requests = max(1, result["requests"])
    result["worker_cpu_ms"] = 1000 * sum(cpu_seconds(p) - before_workers[p] for p in worker_pids) / requests
    result["pg_cpu_ms"] = 1000 * sum(after_pg[p] - before_pg.get(p, 0.0) for p in after_pg) / requests
    result["machine_busy"] = (busy_after - busy_before) / max(1e-9, total_after - total_before)
    return result


def endpoint_check(base: str, lat: float, lng: float) -> int:
    """One request checked against the contract before any load: 200, sorted by distance, all within the radius."""
    url = f"{base}/api/v1/merchants/nearby?lat={lat}&lng={lng}&radius={RADIUS_M}&limit={LIMIT}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (http to our own loopback server)
        body = json.loads(response.read())
    distances = [item["distance_m"] for item in body["results"]]
    assert distances == sorted(distances), "results are not sorted by distance_m"
    assert all(d <= RADIUS_M for d in distances), "a result lies outside the radius"
    assert len(distances) <= LIMIT
    return len(distances)


# ---------------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------------


def software_text(database: str) -> str:
    pg = psql(database, "SHOW server_version").split()[0]
    postgis = psql(database, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
    return f"PostgreSQL {pg}, PostGIS {postgis}, Python {platform.python_version()}, wrk {wrk_version}"


def main() -> None:
    args = parse_args()
    environment_set(args.database)
    if not shutil.which("pgbench"):
        sys.exit("pgbench is missing: apt-get install -y postgresql-client")
    wrk_ensure()
    import django

    django.setup()
    load_before = os.getloadavg()[0]
    database_ensure(args.database)
    data_ensure(args.merchants)
    # The floor runs with the session options the app's connections get (e.g. jit=off), so it is the same work.
    from django.conf import settings

    session_options = settings.DATABASES["default"].get("OPTIONS", {}).get("options", "")
    os.environ["PGOPTIONS"] = session_options  # for pgbench
    conninfo = psycopg_conninfo(args.database, session_options)
    warmup = 200
    points = points_generate(warmup + args.samples, POINT_SEED)

    say("raw SQL, 1 client (psycopg)")
    sql = sql_single(conninfo, points, warmup)
    density = matches_in_radius(conninfo, points[warmup : warmup + (10 if args.quick else 40)])
    say("candidate slack against exhaustive candidates")
    pages_checked, pages_differ = candidates_check(conninfo, points[: 50 if args.quick else 150])
    say(f"raw SQL, {args.clients} clients (pgbench, {args.pgbench_duration} s)")
    with tempfile.TemporaryDirectory(prefix="bench-nearby-") as tmp:
        workdir = Path(tmp)
        pgbench = sql_pgbench(args.database, workdir, args.clients, args.pgbench_duration)
        say("selector merchant_list_nearby, 1 client (Django)")
        selector = selector_single(points, warmup)

        port = args.port or free_port()
        base = f"http://127.0.0.1:{port}"
        script = wrk_script_write(workdir)
        shape = gunicorn_shape()
        say(f"gunicorn ({shape}) on {base}")
        with Gunicorn(port, workdir / "gunicorn.log") as server:
            endpoint_check(base, *points[0])
            wrk_run(f"{base}/", script, args.clients, 3)  # warm every worker (imports, DB connection, caches)
            say(f"endpoint, 1 client ({args.single_duration} s)")
            http_single = wrk_run(f"{base}/", script, 1, args.single_duration)
            say(f"endpoint, {args.clients} clients ({args.duration} s)")
            http_loaded = wrk_run_metered(
                f"{base}/", script, args.clients, args.duration, server.workers(), conninfo, args.database
            )
            peaks = server.peak_rss_mb()
            log_lines = sum(1 for _ in (workdir / "gunicorn.log").open())

    load_after = os.getloadavg()[0]
    print()
    print(f"Nearby search: radius {RADIUS_M} m, limit {LIMIT} ({LIMIT + 1} rows fetched), random points drawn like the")
    print("merchants (the demo areas' Gaussian clusters); latencies in ms.")
    print(f"machine   {machine_text()}")
    print(f"software  {software_text(args.database)}")
    print(
        f"data      {args.merchants:,} merchants, {_campaign_rows_expected(args.merchants):,} campaigns "
        f"({args.database}); on average {density:,.0f} merchants within {RADIUS_M} m of a point"
    )
    print(
        f"slack     {pages_checked} pages (first and deep, up to offset 5,000) equal to exhaustive candidates: "
        f"{pages_checked - pages_differ} ({'OK' if not pages_differ else 'RAISE THE CANDIDATE SLACK'})"
    )
    print(f"server    gunicorn config/gunicorn.py: {shape}; request log lines written: {log_lines:,}")
    print(f"session   options for the app's and the floor's connections: {session_options or '(none)'}")
    print(
        f"load      1-minute load average at start {load_before:.2f}, at end {load_after:.2f} (the machine is shared)"
    )
    print()
    peak_text = f"max {max(peaks):.0f} MB ({', '.join(f'{p:.0f}' for p in peaks)})"
    rows = [
        ("raw SQL, psycopg (prepared): the floor", 1, f"{sql['requests']:,}", f"{sql['p50_ms']:.2f}",
         f"{sql['p95_ms']:.2f}", f"{sql['rps']:,.0f}", "", "-"),
        ("raw SQL, pgbench -M prepared", args.clients, f"{pgbench['requests']:,}", f"(avg {pgbench['avg_ms']:.2f})",
         "", f"{pgbench['rps']:,.0f}", "", "-"),
        ("selector merchant_list_nearby (Django)", 1, f"{selector['requests']:,}", f"{selector['p50_ms']:.2f}",
         f"{selector['p95_ms']:.2f}", f"{selector['rps']:,.0f}", "", "-"),
        ("GET /api/v1/merchants/nearby (gunicorn)", 1, f"{http_single['requests']:,}", f"{http_single['p50_ms']:.2f}",
         f"{http_single['p95_ms']:.2f}", f"{http_single['rps']:,.0f}", str(http_single["errors"]), "-"),
        ("GET /api/v1/merchants/nearby (gunicorn)", args.clients, f"{http_loaded['requests']:,}",
         f"{http_loaded['p50_ms']:.2f}", f"{http_loaded['p95_ms']:.2f}", f"{http_loaded['rps']:,.0f}",
         str(http_loaded["errors"]), peak_text),
    ]  # fmt: skip
    table_print(rows, ("what", "clients", "requests", "p50", "p95", "req/s", "errors", "peak RSS per worker"))
    print()
    ratio_single = http_single["p50_ms"] / sql["p50_ms"]
    ratio_throughput = http_loaded["rps"] / pgbench["rps"]
    print(f"ratio endpoint p50 / raw SQL p50 (1 client): {ratio_single:.1f}x")
    print(f"ratio selector p50 / raw SQL p50 (1 client): {selector['p50_ms'] / sql['p50_ms']:.1f}x")
    print(f"ratio endpoint / raw SQL throughput ({args.clients} clients): {ratio_throughput:.2f}")
    checks = [
        ("pages equal to exhaustive candidates", pages_differ == 0, f"{pages_checked - pages_differ}/{pages_checked}"),
        ("endpoint p50 <= 10 ms (1 client)", http_single["p50_ms"] <= 10, f"{http_single['p50_ms']:.2f} ms"),
        (f"throughput >= 400 req/s ({args.clients} clients)", http_loaded["rps"] >= 400, f"{http_loaded['rps']:.0f}"),
        ("peak RSS per worker <= 200 MB", max(peaks) <= 200, f"{max(peaks):.0f} MB"),
        ("no errors", http_single["errors"] + http_loaded["errors"] == 0, ""),
    ]
    for name, ok, value in checks:
        print(f"target    {name}: {'PASS' if ok else 'MISS'} {value}")
    cpu_per_request = http_loaded["worker_cpu_ms"] + http_loaded["pg_cpu_ms"] + http_loaded["wrk_cpu_ms"]
    print(
        f"cpu       per request with {args.clients} clients: gunicorn workers {http_loaded['worker_cpu_ms']:.2f} ms, "
        f"PostgreSQL backends {http_loaded['pg_cpu_ms']:.2f} ms, wrk {http_loaded['wrk_cpu_ms']:.2f} ms; "
        f"machine busy {http_loaded['machine_busy']:.0%}"
    )
    ceiling = os.cpu_count() * 1000 / cpu_per_request
    print(
        f"ceiling   {os.cpu_count()} cores / {cpu_per_request:.2f} ms = {ceiling:,.0f} req/s if this run had the "
        "machine to itself (an estimate; the measured req/s is the table's)"
    )
    print(
        f"note      with {args.clients} clients the p50 is mostly queueing (Little's law: "
        f"{args.clients} / {http_loaded['rps']:.0f} req/s = {args.clients / http_loaded['rps'] * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
