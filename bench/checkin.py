"""Check-in benchmark: POST /api/v1/checkins under gunicorn at random merchants with running campaigns, then a hot
campaign (every client at one merchant, stock 10,000), against the floor (the same statements by psycopg).

    .venv/bin/python bench/checkin.py           # 1,000,000 merchants and 1,000,000 prior check-ins (seeded once)
    .venv/bin/python bench/checkin.py --quick   # 20,000 merchants, 20,000 check-ins and a few seconds of load

Seeds its own database (checkin_bench_checkin, or checkin_bench_checkin_quick) and reuses it while it holds the
expected rows; what a previous run wrote (check-ins past the seeded ones, coupons, eligibility, idempotency records)
is removed first. Every request uses a user who has not checked in during the run, so the anti-cheat rules (all on,
with their default limits) accept it: a refused check-in counts as an error. Each request carries an
`Idempotency-Key`, as the mobile app sends it. The load generator is wrk (2 threads, 16 keep-alive connections) with
a Lua script that posts requests prepared here (one line per user, each wrk thread its own slice), time-bounded, on
127.0.0.1 only; a non-2xx answer counts as an error, and the coupons are counted in the database. The gunicorn it
starts is stopped at the end.
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import (
    PG_HOST,
    PG_PASSWORD,
    PG_PORT,
    PG_USER,
    Gunicorn,
    database_ensure,
    free_port,
    gunicorn_shape,
    latency_summary,
    load_average_text,
    machine_text,
    psycopg_conninfo,
    say,
    table_print,
    wrk_ensure,
    wrk_run,
)

CAMPAIGN_EVERY = 10  # one merchant in 10 runs a campaign
HOT_STOCK = 10_000
SEED = 20261122


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small data and a few seconds of load")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=int, help="seconds per load phase (default 30, quick 4)")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    args.merchants = 20_000 if args.quick else 1_000_000
    args.checkins = 20_000 if args.quick else 1_000_000
    args.users = 20_000 if args.quick else 150_000
    args.duration = args.duration or (4 if args.quick else 30)
    args.database = "checkin_bench_checkin_quick" if args.quick else "checkin_bench_checkin"
    return args


def environment_set(database: str) -> None:
    """This bench's own database, Redis DB and cache prefix, for this process and the gunicorn it starts."""
    os.environ["DATABASE_URL"] = f"postgis://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:{PG_PORT}/{database}"
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/6"
    os.environ["CACHE_KEY_PREFIX"] = "bench-checkin"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["THROTTLE_CHECKIN"] = "1000000/min"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["PGPASSWORD"] = PG_PASSWORD


# ---------------------------------------------------------------------------------------------------------------------
# Database and data
# ---------------------------------------------------------------------------------------------------------------------


def _scalar(sql: str, params=()):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def data_ensure(args) -> None:
    """The seeded merchants, campaigns, users and prior check-ins; seeded again only when a count differs."""
    from django.db import connection

    counts = (
        _scalar("SELECT count(*) FROM merchants_merchant"),
        _scalar("SELECT count(*) FROM accounts_user"),
        _scalar("SELECT count(*) FROM checkins_checkin WHERE id <= %s", [args.checkins]),
        _scalar("SELECT count(*) FROM coupons_campaign"),
    )
    expected = (args.merchants, args.users, args.checkins, args.merchants // CAMPAIGN_EVERY + 1)
    if counts == expected:
        say(f"reusing {args.merchants:,} merchants, {args.users:,} users, {args.checkins:,} check-ins")
        with connection.cursor() as cursor:  # seeded before location consent existed: the bench users agree
            cursor.execute("UPDATE accounts_user SET location_consent = true, location_consent_changed_at = now()"
                           " WHERE NOT location_consent")  # fmt: skip
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE merchants_merchant, accounts_user, checkins_checkin, coupons_campaign RESTART IDENTITY CASCADE"
        )
    from demo.loader import merchants_bulk_load

    say(f"seeding {args.merchants:,} merchants (COPY)")
    started = time.perf_counter()
    merchants_bulk_load(count=args.merchants, seed=7, progress=sys.stderr.isatty())
    say(f"  {time.perf_counter() - started:.0f} s; users, campaigns and {args.checkins:,} prior check-ins (COPY)")
    started = time.perf_counter()
    rng = random.Random(SEED)
    now = datetime.now(UTC)
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        columns = "(password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined,"
        # location_consent: the bench users check in, so they have agreed (the column's default is false).
        columns += " display_name, location_consent, location_consent_changed_at)"
        with cursor.copy(f"COPY accounts_user {columns} FROM STDIN") as copy:
            for index in range(args.users):
                copy.write_row(("!", False, f"bench{index}", "", "", "", False, True, now, f"Bench {index}", True, now))
        triggers = [
            {"type": "every_checkin"},
            {"type": "every_checkin"},
            {"type": "first_visit"},
            {"type": "nth_visit", "visits": 3},
        ]
        campaign_columns = (
            "(merchant_id, title, description, starts_at, ends_at, trigger, total_stock, issued_count, per_user_limit,"
            " coupon_valid_days, holdout_percent, translations, created_at)"
        )
        with cursor.copy(f"COPY coupons_campaign {campaign_columns} FROM STDIN") as copy:
            # merchant 1 is the hot campaign's; the others run one in CAMPAIGN_EVERY
            copy.write_row(
                (1, "Hot", "", now - timedelta(days=1), now + timedelta(days=30), '{"type": "every_checkin"}',
                 HOT_STOCK, 0, 1, 7, 0, "{}", now)
            )  # fmt: skip
            for merchant_id in range(CAMPAIGN_EVERY, args.merchants + 1, CAMPAIGN_EVERY):
                trigger = triggers[merchant_id // CAMPAIGN_EVERY % len(triggers)]
                stock = None if merchant_id % 3 else 1_000_000
                copy.write_row(
                    (merchant_id, "Free americano", "", now - timedelta(days=3), now + timedelta(days=30),
                     json.dumps(trigger), stock, 0, 1, 7, 10 if merchant_id % 7 == 0 else 0, "{}", now)
                )  # fmt: skip
        # Prior check-ins at least two days old, so that none of them makes a new one implausibly fast.
        django_cursor.execute("SELECT id, ST_Y(location::geometry), ST_X(location::geometry) FROM merchants_merchant")
        pins = django_cursor.fetchall()
        checkin_columns = "(user_id, merchant_id, location, accuracy_m, distance_m, message, visibility, created_at)"
        with cursor.copy(f"COPY checkins_checkin {checkin_columns} FROM STDIN") as copy:
            for _ in range(args.checkins):
                merchant_id, lat, lng = pins[rng.randrange(len(pins))]
                at = now - timedelta(days=2, seconds=rng.randrange(88 * 86400))
                copy.write_row(
                    (rng.randint(1, args.users), merchant_id, f"SRID=4326;POINT({lng} {lat})", 15.0, 0.0, "",
                     "friends", at)
                )  # fmt: skip
        for table in ("accounts_user", "coupons_campaign", "checkins_checkin", "merchants_merchant"):
            django_cursor.execute(f"VACUUM ANALYZE {table}")
    say(f"  {time.perf_counter() - started:.0f} s")


def run_state_reset(args) -> None:
    """Forget what a previous run wrote, so that every run starts from the seeded data."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE coupons_coupon, coupons_campaigneligibility, coupons_campaignusercount, api_idempotencyrecord,"
            " checkins_checkinrefusal, accounts_notification"
        )
        cursor.execute("DELETE FROM checkins_checkin WHERE id > %s", [args.checkins])
        cursor.execute("UPDATE coupons_campaign SET issued_count = 0 WHERE issued_count > 0")
        cursor.execute("SELECT setval(pg_get_serial_sequence('checkins_checkin', 'id'), %s)", [args.checkins])
        cursor.execute("VACUUM ANALYZE checkins_checkin")


def campaign_pins(limit: int) -> list[tuple[int, float, float]]:
    """(merchant id, lat, lng) of merchants with a running campaign, the hot one excluded."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.id, ST_Y(m.location::geometry), ST_X(m.location::geometry) FROM merchants_merchant m"
            " WHERE m.id > 1 AND EXISTS (SELECT 1 FROM coupons_campaign c WHERE c.merchant_id = m.id)"
            " ORDER BY m.id LIMIT %s",
            [limit],
        )
        return cursor.fetchall()


class UserPool:
    """Hands out each user once: a user checks in at most once per run, so no anti-cheat rule fires."""

    def __init__(self, first: int, last: int):
        self.next, self.last = first, last
        self.lock = threading.Lock()

    def take(self) -> int | None:
        with self.lock:
            if self.next > self.last:
                return None
            self.next += 1
            return self.next - 1


def tokens_make(user_ids) -> dict[int, str]:
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import User

    return {user_id: str(AccessToken.for_user(User(pk=user_id))) for user_id in user_ids}


# ---------------------------------------------------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------------------------------------------------
def jitter(rng: random.Random, lat: float, lng: float) -> tuple[float, float]:
    """A fix within about 20 m of the pin."""
    return lat + rng.uniform(-1.5e-4, 1.5e-4), lng + rng.uniform(-1.5e-4, 1.5e-4)


WRK_SCRIPT = """
-- Each thread posts the prepared requests of its own slice (every {THREADS}th line of the file), once each.
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("slot", counter - 1)
  table.insert(threads, thread)
end

function init(args)
  items, next_item, non2xx, spare, shown = {}, 1, 0, 0, 0
  local line_number = 0
  for line in io.lines("{REQUESTS}") do
    if line_number % {THREADS} == slot then
      local token, key, body = string.match(line, "^([^\\t]*)\\t([^\\t]*)\\t(.*)$")
      items[#items + 1] = {token, key, body}
    end
    line_number = line_number + 1
  end
end

function request()
  local item = items[next_item]
  if item == nil then
    -- out of unused users: stop rather than check a user in twice
    spare = spare + 1
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  next_item = next_item + 1
  local headers = {["Authorization"] = "Bearer " .. item[1], ["Content-Type"] = "application/json",
                   ["Idempotency-Key"] = item[2]}
  return wrk.format("POST", "/api/v1/checkins", headers, item[3])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if shown < 3 then
      shown = shown + 1
      io.write(string.format("  unexpected %d: %s\\n", status, string.sub(body, 1, 300)))
    end
  end
end

function done(summary, latency, requests)
  local non2xx, spare = 0, 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
    spare = spare + thread:get("spare")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "non2xx": %d, ' ..
    '"socket_errors": %d, "spare": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    non2xx, e.connect + e.read + e.write + e.timeout, spare))
end
"""


def requests_write(path: Path, user_ids: range, tokens: dict, pins, seed: int) -> None:
    """One line per user (token, Idempotency-Key, JSON body) for the wrk script: a check-in near a random pin."""
    rng = random.Random(seed)
    with path.open("w") as file:
        for user_id in user_ids:
            merchant_id, lat, lng = pins[rng.randrange(len(pins))]
            lat, lng = jitter(rng, lat, lng)
            body = json.dumps(
                {"merchant_id": merchant_id, "lat": lat, "lng": lng, "accuracy_m": rng.choice((8, 15, 30))}
            )
            file.write(f"{tokens[user_id]}\t{uuid.uuid4()}\t{body}\n")


def http_load(port: int, clients: int, seconds: int, user_ids: range, tokens: dict, pins, workdir: Path) -> dict:
    """wrk with `clients` connections posting check-ins for `seconds`, each user once; coupons from the database."""
    name = f"checkins-{user_ids.start}"
    requests_path, script = workdir / f"{name}.tsv", workdir / f"{name}.lua"
    requests_write(requests_path, user_ids, tokens, pins, SEED + user_ids.start)
    threads = min(2, clients)
    text = WRK_SCRIPT.replace("{REQUESTS}", str(requests_path)).replace("{THREADS}", str(threads))
    script.write_text(text)
    coupons_before = _coupon_count()
    result = wrk_run(f"http://127.0.0.1:{port}/", script, clients, seconds)
    time.sleep(0.5)  # the requests in flight when wrk stopped finish on the server
    if result["spare"]:
        say(f"  ran out of unused users ({len(user_ids):,}): raise --users or shorten --duration")
    result["requests"] -= result["spare"]
    result["rps"] = result["requests"] / result["wall_s"]
    result["errors"] = result["non2xx"] + result["socket_errors"]
    result["coupons"] = _coupon_count() - coupons_before
    return result


def _coupon_count() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM coupons_coupon")
        count = cursor.fetchone()[0]
    connection.close()
    return count


# ---------------------------------------------------------------------------------------------------------------------
# The floor: the same statements through psycopg, no Django, no HTTP
# ---------------------------------------------------------------------------------------------------------------------
def floor_load(conninfo: str, clients: int, seconds: float, users: UserPool, pins) -> dict:
    """Per check-in, what the service runs: the rules' context query, then in one transaction the check-in INSERT, the
    issuing campaigns' SELECT, the reserve (eligibility + per-user counter) and issue (stock + coupon) statements;
    plus the idempotency record's INSERT and UPDATE, each in its own transaction as the API does."""
    import psycopg

    from checkins.selectors import _CONTEXT_SQL
    from coupons.codes import coupon_code_new
    from coupons.issuance import _ISSUE_SQL, _RESERVE_SQL

    running = (
        "SELECT id, per_user_limit FROM coupons_campaign WHERE merchant_id = %s AND paused_at IS NULL"
        " AND ended_at IS NULL AND starts_at <= %s AND ends_at > %s"
        " AND (total_stock IS NULL OR issued_count < total_stock)"
    )
    insert = (
        "INSERT INTO checkins_checkin (user_id, merchant_id, location, accuracy_m, distance_m, message, visibility,"
        " created_at) VALUES (%s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, %s, '', 'friends', %s)"
        " RETURNING id"
    )
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(index: int):
        rng = random.Random(SEED * 7 + index)
        mine = []
        with psycopg.connect(conninfo, autocommit=True) as conn:
            cursor = conn.cursor()
            while time.perf_counter() < deadline:
                user_id = users.take()
                if user_id is None:
                    break
                merchant_id, lat, lng = pins[rng.randrange(len(pins))]
                lat, lng = jitter(rng, lat, lng)
                begin = time.perf_counter()
                now = datetime.now(UTC)
                key = str(uuid.uuid4())
                cursor.execute(
                    "INSERT INTO api_idempotencyrecord (user_id, key, method, path, request_hash, created_at)"
                    " VALUES (%s, %s, 'POST', '/api/v1/checkins', 'x', %s) RETURNING id",
                    (user_id, key, now),
                )
                record_id = cursor.fetchone()[0]
                cursor.execute(_CONTEXT_SQL, {"user": user_id, "merchant": merchant_id, "lat": lat, "lng": lng})
                distance = cursor.fetchone()[4]
                with conn.transaction():
                    cursor.execute(insert, (user_id, merchant_id, lng, lat, 15.0, distance, now))
                    checkin_id = cursor.fetchone()[0]
                    cursor.execute(running, (merchant_id, now, now))
                    for campaign_id, _ in cursor.fetchall():
                        params = {"campaign": campaign_id, "user": user_id, "checkin": checkin_id, "now": now}
                        cursor.execute(_RESERVE_SQL, {**params, "holdout": False})
                        eligibility_id, slot = cursor.fetchone()
                        if slot is not None:
                            cursor.execute(
                                _ISSUE_SQL, {**params, "eligibility": eligibility_id, "code": coupon_code_new()}
                            )
                            cursor.fetchone()
                cursor.execute(
                    "UPDATE api_idempotencyrecord SET status_code = 201, response_body = '{}' WHERE id = %s",
                    (record_id,),
                )
                mine.append(time.perf_counter() - begin)
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latency_summary(latencies, time.perf_counter() - started)


# ---------------------------------------------------------------------------------------------------------------------
# gunicorn
# ---------------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    wrk_ensure()
    load_before = load_average_text()
    environment_set(args.database)
    import django

    django.setup()
    database_ensure(args.database)
    data_ensure(args)
    run_state_reset(args)
    from django.conf import settings
    from django.db import connection

    conninfo = psycopg_conninfo(args.database, settings.DATABASES["default"].get("OPTIONS", {}).get("options"))
    pins = campaign_pins(50_000)
    hot_pin = _hot_pin()
    # Users in four disjoint slices: warm-up, random merchants, hot campaign, floor.
    quarter = args.users // 4
    slices = [(1 + i * quarter, (i + 1) * quarter + 1) for i in range(4)]  # [first, past the last)
    say(f"tokens for {slices[2][1] - 1:,} users")
    tokens = tokens_make(range(1, slices[2][1]))
    connection.close()

    port = args.port or free_port()
    workdir = Path(tempfile.mkdtemp(prefix="bench-checkin-"))
    log_path = workdir / "gunicorn.log"
    say(f"gunicorn on 127.0.0.1:{port}")
    with Gunicorn(port, log_path) as server:
        http_load(port, args.clients, 3, range(*slices[0]), tokens, pins, workdir)  # warm every worker
        say(f"check-ins at random merchants with running campaigns: {args.clients} clients, {args.duration} s")
        cpu_before = server.cpu_seconds()
        spread = http_load(port, args.clients, args.duration, range(*slices[1]), tokens, pins, workdir)
        spread["cpu_ms"] = (server.cpu_seconds() - cpu_before) * 1000 / max(1, spread["requests"])
        say(f"hot campaign (stock {HOT_STOCK:,}): {args.clients} clients at one merchant, {args.duration} s")
        cpu_before = server.cpu_seconds()
        hot = http_load(port, args.clients, args.duration, range(*slices[2]), tokens, [hot_pin], workdir)
        hot["cpu_ms"] = (server.cpu_seconds() - cpu_before) * 1000 / max(1, hot["requests"])
        peaks = server.peak_rss_mb()
    shutil.rmtree(workdir)
    say(f"floor: the same statements by psycopg, {args.clients} clients, {args.duration} s")
    floor = floor_load(conninfo, args.clients, args.duration, UserPool(slices[3][0], slices[3][1] - 1), pins)

    hot_count, hot_issued, hot_stock = _hot_state()
    broker_queue_drop()
    oversold = not (hot_count == hot_issued <= hot_stock)
    print()
    print("Check-in: POST /api/v1/checkins with an Idempotency-Key, anti-cheat on, one user per request; ms.")
    print(f"machine   {machine_text()}")
    print(
        f"data      {args.merchants:,} merchants, {args.merchants // CAMPAIGN_EVERY + 1:,} campaigns, {args.users:,} "
        f"users, {args.checkins:,} prior check-ins ({args.database})"
    )
    print(
        f"server    gunicorn config/gunicorn.py, {gunicorn_shape()}; load: {args.clients} "
        f"connections, wrk ({min(2, args.clients)} threads, Lua); load average before the run {load_before}"
    )
    print(
        f"cpu       gunicorn workers' CPU per check-in: {spread['cpu_ms']:.1f} ms (random merchants), "
        f"{hot['cpu_ms']:.1f} ms (hot campaign); wrk's: {spread['wrk_cpu_ms']:.1f} ms, {hot['wrk_cpu_ms']:.1f} ms"
    )
    print()
    peak_text = f"{max(peaks):.0f} MB" if peaks else "?"
    rows = [
        ("floor: same SQL by psycopg", args.clients, f"{floor['requests']:,}", f"{floor['p50_ms']:.1f}",
         f"{floor['p95_ms']:.1f}", f"{floor['rps']:,.0f}", "", "", "-"),
        ("POST /checkins, random merchants", args.clients, f"{spread['requests']:,}", f"{spread['p50_ms']:.1f}",
         f"{spread['p95_ms']:.1f}", f"{spread['rps']:,.0f}", f"{spread['coupons'] / spread['wall_s']:,.0f}",
         _errors(spread), peak_text),
        ("POST /checkins, hot campaign", args.clients, f"{hot['requests']:,}", f"{hot['p50_ms']:.1f}",
         f"{hot['p95_ms']:.1f}", f"{hot['rps']:,.0f}", f"{hot['coupons'] / hot['wall_s']:,.0f}", _errors(hot),
         peak_text),
    ]  # fmt: skip
    table_print(rows, ("what", "clients", "check-ins", "p50", "p95", "check-ins/s", "coupons/s", "errors", "peak RSS"))
    print()
    ratio = spread["rps"] / floor["rps"]
    print(f"ratio endpoint / floor: throughput {ratio:.2f}, p50 {spread['p50_ms'] / floor['p50_ms']:.1f}x")
    print(f"hot campaign: {hot_count:,} coupons, issued_count {hot_issued:,}, stock {hot_stock:,}: "
          f"{'OVERSOLD' if oversold else 'no oversell'}")  # fmt: skip
    hot_rate = hot["coupons"] / hot["wall_s"]
    checks = [
        ("check-ins >= 200/s", spread["rps"] >= 200, f"{spread['rps']:.0f}/s"),
        ("p95 <= 50 ms", spread["p95_ms"] <= 50, f"{spread['p95_ms']:.1f} ms"),
        ("hot campaign >= 100 coupons/s", hot["coupons"] / hot["wall_s"] >= 100, f"{hot_rate:.0f}/s"),
        ("zero oversell", not oversold, ""),
        ("no errors", _errors(spread) == _errors(hot) == "0", ""),
    ]  # fmt: skip
    for name, ok, value in checks:
        print(f"target    {name}: {'PASS' if ok else 'MISS'} {value}")


def broker_queue_drop() -> None:
    """Drop the outbox kicks queued in this bench's own Redis DB (no worker runs during the bench)."""
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).delete("celery")


def _errors(result: dict) -> str:
    return str(result["errors"])


def _hot_pin() -> tuple[int, float, float]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ST_Y(location::geometry), ST_X(location::geometry) FROM merchants_merchant WHERE id = 1"
        )
        return cursor.fetchone()


def _hot_state() -> tuple[int, int, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM coupons_coupon WHERE campaign_id = c.id), c.issued_count, c.total_stock"
            " FROM coupons_campaign c WHERE c.merchant_id = 1"
        )
        return cursor.fetchone()


if __name__ == "__main__":
    main()
