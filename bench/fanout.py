"""Sharing benchmark: how long until 5,000 friends have a check-in in their feeds, and how fast the feed reads at
1,000,000 feed rows under 16 clients, each against its floor (the same SQL by psycopg / pgbench).

    .venv/bin/python bench/fanout.py           # 5,000 friends; 1,000,000 feed rows (seeded once with COPY)
    .venv/bin/python bench/fanout.py --quick   # 500 friends; 50,000 feed rows; a few seconds of load: a smoke run

Seeds its own database (checkin_bench_fanout, or checkin_bench_fanout_quick) and reuses it while it holds the
expected rows. The fan-out runs on a real `celery worker` (prefork, one process) against a private redis-server on a
free loopback port, started and stopped here (never the machine's Redis): the check-in goes through the real service
(its transaction writes the outbox event, the on-commit kick wakes the relay on the worker, the relay publishes the
fan-out task). The feed is read through gunicorn (config/gunicorn.py) on 127.0.0.1 with wrk, time-bounded.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import (
    PG_HOST,
    PG_PASSWORD,
    PG_PORT,
    PG_USER,
    ROOT,
    VENV_BIN,
    Gunicorn,
    cpu_seconds,
    database_ensure,
    free_port,
    gunicorn_shape,
    latency_summary,
    machine_busy_seconds,
    machine_text,
    peak_rss_mb,
    percentile,
    pg_backend_pids,
    process_children,
    psycopg_conninfo,
    say,
    table_print,
    wrk_ensure,
    wrk_run,
)

LIMIT = 20
SEED = 20261122
THINK_MS = 100
CHEOLSAN = (37.4762, 126.8680)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small data and a few seconds of load")
    parser.add_argument("--friends", type=int, help="friends of the author whose check-in fans out (default 5,000)")
    parser.add_argument("--rounds", type=int, help="check-ins fanned out and timed (default 5, quick 2)")
    parser.add_argument("--duration", type=int, help="seconds of HTTP load (default 20, quick 4)")
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    args.friends = args.friends or (500 if args.quick else 5000)
    args.rounds = args.rounds or (2 if args.quick else 5)
    args.duration = args.duration or (4 if args.quick else 20)
    # The feed's data: readers with FEED_FRIENDS friends each, every user with CHECKINS_EACH check-ins, so that
    # deliveries = users * FEED_FRIENDS * CHECKINS_EACH.
    args.users = 500 if args.quick else 5000
    args.feed_friends = 50 if args.quick else 100
    args.checkins_each = 2
    args.feed_rows = args.users * args.feed_friends * args.checkins_each
    args.samples = 300 if args.quick else 3000
    args.database = "checkin_bench_fanout_quick" if args.quick else "checkin_bench_fanout"
    return args


def environment_set(database: str, redis_url: str) -> None:
    """This bench's own database and broker, for this process and every one it starts."""
    os.environ["DATABASE_URL"] = f"postgis://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:{PG_PORT}/{database}"
    os.environ["REDIS_URL"] = os.environ["CELERY_BROKER_URL"] = os.environ["CELERY_RESULT_BACKEND"] = redis_url
    os.environ["CACHE_KEY_PREFIX"] = "bench-fanout"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["PUSH_BACKEND"] = "logging"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["PGPASSWORD"] = PG_PASSWORD


# ---------------------------------------------------------------------------------------------------------------------
# Data (COPY)
# ---------------------------------------------------------------------------------------------------------------------
def _copy(cursor, table: str, columns: str, rows) -> None:
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def data_ensure(args) -> dict:
    """Users (the fan-out author and friends, the feed's readers), friendships, merchants, check-ins, feed
    deliveries, likes and comments; seeded once with COPY, reused while the counts match."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction

    from accounts.models import User
    from social.models import FeedDelivery

    marker = f"bench-author-{args.friends}"
    author = User.objects.filter(username=marker).first()
    if author and FeedDelivery.objects.filter(event_id=0).count() == args.feed_rows:
        say(f"reusing the seeded data ({args.feed_rows:,} feed rows, an author with {args.friends:,} friends)")
        return {"author_id": author.pk}
    say(f"seeding: {args.users:,} readers x {args.feed_friends} friends x {args.checkins_each} check-ins "
        f"= {args.feed_rows:,} feed rows, and an author with {args.friends:,} friends (COPY)")  # fmt: skip
    rng = random.Random(SEED)
    started = time.perf_counter()
    password = make_password("bench-pass-1234")
    now = datetime.now(UTC)
    with transaction.atomic(), connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        django_cursor.execute("TRUNCATE accounts_user, merchants_merchant, core_outboxevent RESTART IDENTITY CASCADE")
        user_columns = "password, is_superuser, username, first_name, last_name, email, is_staff, is_active, "
        user_columns += "date_joined, display_name"
        readers = args.users
        total_users = readers + 1 + args.friends
        _copy(
            cursor,
            "accounts_user",
            user_columns,
            (
                (password, False, f"bench{n}", "", "", "", False, True, now, f"Bench {n}")
                if n <= readers
                else (
                    (password, False, marker, "", "", "", False, True, now, "Author")
                    if n == readers + 1
                    else (password, False, f"fan{n}", "", "", "", False, True, now, f"Fan {n}")
                )
                for n in range(1, total_users + 1)
            ),
        )
        author_id = readers + 1
        # Readers: a random graph with exactly users * feed_friends / 2 friendships (mutual), so that the deliveries
        # (every check-in to every friend of its author) number exactly users * feed_friends * checkins_each.
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < readers * args.feed_friends // 2:
            a, b = rng.randint(1, readers), rng.randint(1, readers)
            if a != b:
                pairs.add((min(a, b), max(a, b)))
        pairs.update((author_id, fan) for fan in range(author_id + 1, total_users + 1))
        befriended = now - timedelta(days=30)
        _copy(
            cursor,
            "accounts_friendship",
            "user_id, friend_id, created_at",
            ((a, b, befriended) for pair in pairs for a, b in (pair, pair[::-1])),
        )
        merchant_count = 2000 + args.rounds * 4
        _copy(
            cursor,
            "merchants_merchant",
            "name, category, address, location, checkin_radius_m, timezone, translations, created_at",
            (
                (f"Bench shop {n}", "cafe", "Cheolsan-ro", f"SRID=4326;POINT({CHEOLSAN[1]} {CHEOLSAN[0]})", 100,
                 "Asia/Seoul", "{}", now)
                for n in range(merchant_count)
            ),
        )  # fmt: skip
        # Check-ins by the readers, spread over the last 10 days.
        checkins = []
        for user in range(1, readers + 1):
            for _ in range(args.checkins_each):
                at = now - timedelta(days=1 + rng.random() * 9)
                checkins.append((user, rng.randint(1, 2000), at))
        _copy(
            cursor,
            "checkins_checkin",
            "user_id, merchant_id, location, accuracy_m, distance_m, message, visibility, created_at",
            (
                (u, m, f"SRID=4326;POINT({CHEOLSAN[1]} {CHEOLSAN[0]})", 10, 5, "Good coffee", "friends", at)
                for u, m, at in checkins
            ),
        )
        friends_of: dict[int, list[int]] = {}
        for a, b in pairs:
            if a <= readers and b <= readers:
                friends_of.setdefault(a, []).append(b)
                friends_of.setdefault(b, []).append(a)
        _copy(
            cursor,
            "social_feeddelivery",
            "recipient_id, checkin_id, author_id, merchant_id, checkin_created_at, delivered_at, event_id",
            (
                (friend, checkin_id, user, merchant, at, at + timedelta(seconds=1), 0)
                for checkin_id, (user, merchant, at) in enumerate(checkins, start=1)
                for friend in friends_of.get(user, [])
            ),
        )
        # Likes and comments: a few per check-in, from the author's friends.
        likes, comments = set(), []
        for checkin_id, (user, _, at) in enumerate(checkins, start=1):
            fans = friends_of.get(user, [])
            for fan in rng.sample(fans, min(len(fans), rng.randint(0, 8))):
                likes.add((checkin_id, fan, at + timedelta(minutes=5)))
            for fan in rng.sample(fans, min(len(fans), rng.randint(0, 3))):
                comments.append((checkin_id, fan, "Looks great!", at + timedelta(minutes=7)))
        _copy(cursor, "social_like", "checkin_id, user_id, created_at", likes)
        _copy(cursor, "social_comment", "checkin_id, user_id, text, created_at", comments)
    with connection.cursor() as cursor:
        for table in ("accounts_user", "accounts_friendship", "checkins_checkin", "social_feeddelivery",
                      "social_like", "social_comment", "merchants_merchant"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
    say(f"seeded in {time.perf_counter() - started:.0f} s")
    return {"author_id": author_id}


def data_sizes() -> dict:
    from django.db import connection

    sizes = {}
    with connection.cursor() as cursor:
        for table in ("accounts_user", "accounts_friendship", "checkins_checkin", "social_feeddelivery",
                      "social_like", "social_comment"):  # fmt: skip
            cursor.execute(f"SELECT count(*) FROM {table}")
            sizes[table] = cursor.fetchone()[0]
    return sizes


# ---------------------------------------------------------------------------------------------------------------------
# Processes: a private redis-server, a celery worker, gunicorn
# ---------------------------------------------------------------------------------------------------------------------
class Process:
    """A subprocess in its own process group, killed with its children at the end."""

    def __init__(self, command: list[str], log_path: Path):
        self.command = command
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        return self

    def wait_for(self, condition, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{what}: the process exited; see {self.log_path}")
            if condition():
                return
            time.sleep(0.1)
        raise RuntimeError(f"{what}: not within {timeout} s; see {self.log_path}")

    def children(self) -> list[int]:
        """The process's children (a celery worker's pool)."""
        return process_children(self.process.pid)

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


# ---------------------------------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------------------------------


def fanout_rounds(args, author_id: int) -> list[dict]:
    """Check in through the service `rounds` times; time the request and until the last friend's feed has it."""
    from django.db import connection

    from accounts.models import Notification, User
    from checkins.models import Checkin
    from checkins.services import checkin_create
    from merchants.models import Merchant

    author = User.objects.get(pk=author_id)
    # A clean slate for the author (cooldown rule) and the fans' notifications from earlier runs.
    Checkin.objects.filter(user=author).delete()
    Notification.objects.filter(user_id__gt=author_id).delete()
    last_friend = author_id + args.friends
    merchants = list(Merchant.objects.order_by("-id").values_list("id", flat=True)[: args.rounds * 2])
    results = []
    for index in range(args.rounds):
        started = time.perf_counter()
        result = checkin_create(
            user=author, merchant_id=merchants[index], lat=CHEOLSAN[0], lng=CHEOLSAN[1], accuracy_m=10
        )
        answered = time.perf_counter()
        deadline = answered + 60
        with connection.cursor() as cursor:
            while True:
                cursor.execute(
                    "SELECT 1 FROM social_feeddelivery WHERE recipient_id = %s AND checkin_id = %s",
                    [last_friend, result.checkin.pk],
                )
                if cursor.fetchone():
                    break
                if time.perf_counter() > deadline:
                    raise RuntimeError("the fan-out did not arrive within 60 s")
                time.sleep(0.002)
            arrived = time.perf_counter()
            cursor.execute("SELECT count(*) FROM social_feeddelivery WHERE checkin_id = %s", [result.checkin.pk])
            delivered = cursor.fetchone()[0]
            cursor.execute(
                "SELECT count(*) FROM accounts_notification WHERE type = 'friend_checkin' AND dedupe_key = %s",
                [f"friend_checkin:{result.checkin.pk}"],
            )
            notified = cursor.fetchone()[0]
        assert delivered == args.friends, f"{delivered} deliveries for {args.friends} friends"
        assert notified == args.friends, f"{notified} notifications for {args.friends} friends"
        results.append({"request_ms": (answered - started) * 1000, "arrival_ms": (arrived - started) * 1000})
        time.sleep(0.3)
    return results


def fanout_floor(conninfo: str, author_id: int, rounds: int) -> float:
    """The fan-out's two set-based INSERTs alone (psycopg, rolled back), best of `rounds`, in ms."""
    import psycopg

    from social.services import _FANOUT_SQL

    insert_notifications = (
        "INSERT INTO accounts_notification (user_id, type, data, read, created_at, dedupe_key) "
        "SELECT recipient, 'friend_checkin', '{}'::jsonb, false, now(), 'floor' FROM unnest(%s::bigint[]) recipient "
        "ON CONFLICT (user_id, dedupe_key) DO NOTHING"
    )
    best = float("inf")
    with psycopg.connect(conninfo) as conn:
        checkin_id = conn.execute(
            "SELECT id FROM checkins_checkin WHERE user_id = %s ORDER BY id DESC LIMIT 1", [author_id]
        ).fetchone()[0]
        sql = _FANOUT_SQL.replace("%(event)s", "%s").replace("%(checkin)s", "%s")
        for _ in range(rounds):
            conn.execute("DELETE FROM social_feeddelivery WHERE checkin_id = %s", [checkin_id])
            began = time.perf_counter()
            recipients = [row[0] for row in conn.execute(sql, [-1, checkin_id]).fetchall()]
            conn.execute(insert_notifications, [recipients])
            best = min(best, (time.perf_counter() - began) * 1000)
            conn.rollback()
    return best


def feed_floor(conninfo: str, readers: list[int], samples: int) -> dict:
    """The feed's SQL by psycopg (prepared after five runs), one client."""
    import psycopg

    from social.selectors import _FEED_SQL

    sql = _FEED_SQL.format(window="", direction="DESC")
    latencies = []
    with psycopg.connect(conninfo, autocommit=True) as conn, conn.cursor() as cursor:
        for index in range(samples + 100):
            began = time.perf_counter()
            cursor.execute(sql, {"viewer": readers[index % len(readers)], "limit": LIMIT + 1})
            cursor.fetchall()
            if index >= 100:
                latencies.append(time.perf_counter() - began)
    return latency_summary(latencies, sum(latencies))


def feed_pgbench(database: str, workdir: Path, clients: int, seconds: int, readers: int) -> dict:
    from social.selectors import _FEED_SQL

    sql = " ".join(_FEED_SQL.format(window="", direction="DESC").split())
    sql = sql.replace("%(viewer)s", ":viewer").replace("%(limit)s", str(LIMIT + 1))
    script = workdir / "feed.sql"
    script.write_text(f"\\set viewer random(1, {readers})\n{sql};\n")
    command = ["pgbench", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "-n", "-M", "prepared", "-c", str(clients)]
    command += ["-j", "2", "-T", str(seconds), "-f", str(script), database]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = {}
    for line in output.splitlines():
        if line.startswith("tps = "):
            result["rps"] = float(line.split()[2])
        elif line.startswith("latency average = "):
            result["avg_ms"] = float(line.split()[3])
        elif line.startswith("number of transactions actually processed:"):
            result["requests"] = int(line.split(":")[1].split("/")[0])
    return result


WRK_SCRIPT = """
local tokens = {TOKENS}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", {SEED} + counter)
end
function init(args)
  math.randomseed(seed)
end
function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", "/api/v1/feed?limit={LIMIT}", {["Authorization"] = "Bearer " .. token})
end
{DELAY}
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def feed_check(base: str, token: str) -> int:
    url = f"{base}/api/v1/feed?limit={LIMIT}"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own loopback server)
        body = json.loads(response.read())
    times = [item["created_at"] for item in body["results"]]
    assert times == sorted(times, reverse=True), "the feed is not newest first"
    assert "location" not in json.dumps(body)
    return len(body["results"])


# ---------------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    for tool in ("redis-server", "pgbench", "psql", "createdb"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing (apt-get install -y redis-server postgresql-client)")
    wrk_ensure()
    redis_port = free_port()
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    environment_set(args.database, redis_url)
    import django

    django.setup()
    from django.conf import settings
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import User

    database_ensure(args.database)
    seeded = data_ensure(args)
    sizes = data_sizes()
    session_options = settings.DATABASES["default"].get("OPTIONS", {}).get("options", "")
    os.environ["PGOPTIONS"] = session_options
    conninfo = psycopg_conninfo(args.database, session_options)
    with tempfile.TemporaryDirectory(prefix="bench-fanout-") as tmp:
        workdir = Path(tmp)
        redis_command = ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
        with Process([*redis_command, "--appendonly", "no"], workdir / "redis.log") as redis:
            redis.wait_for(lambda: b"Ready to accept" in redis.log_path.read_bytes(), "redis-server")
            worker_command = [str(VENV_BIN / "celery"), "-A", "config", "worker", "--pool", "prefork"]
            worker_command += ["--concurrency", "1", "--loglevel", "INFO", "--without-gossip", "--without-mingle"]
            with Process(worker_command, workdir / "worker.log") as worker:
                worker.wait_for(lambda: b"ready." in worker.log_path.read_bytes(), "celery worker")
                from core.tasks import ping

                ping.delay("warm").get(timeout=30)
                say(f"fan-out to {args.friends:,} friends, {args.rounds} rounds (real worker, private Redis)")
                rounds = fanout_rounds(args, seeded["author_id"])
                worker_peak = max(peak_rss_mb([worker.process.pid, *worker.children()]) or [0])
        say("fan-out floor (the two set-based INSERTs by psycopg)")
        floor_fanout_ms = fanout_floor(conninfo, seeded["author_id"], 3)

        readers = list(range(1, args.users + 1))
        say("feed: raw SQL, 1 client (psycopg)")
        floor_single = feed_floor(conninfo, readers, args.samples)
        say(f"feed: raw SQL, {args.clients} clients (pgbench)")
        floor_loaded = feed_pgbench(args.database, workdir, args.clients, 3 if args.quick else 10, args.users)
        sampled = random.Random(SEED).sample(readers, min(400, len(readers)))
        tokens = [str(AccessToken.for_user(User(pk=pk))) for pk in sampled]
        script, paced_script = workdir / "feed.lua", workdir / "feed_paced.lua"
        lua_tokens = "{" + ", ".join(f'"{t}"' for t in tokens) + "}"
        text = WRK_SCRIPT.replace("{TOKENS}", lua_tokens).replace("{SEED}", str(SEED)).replace("{LIMIT}", str(LIMIT))
        script.write_text(text.replace("{DELAY}", ""))
        # Like people scrolling an app: each client waits THINK_MS between its requests (wrk's delay()).
        paced_script.write_text(text.replace("{DELAY}", f"function delay() return {THINK_MS} end"))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        shape = gunicorn_shape()
        say(f"gunicorn ({shape}) on {base}")
        with Gunicorn(port, workdir / "gunicorn.log") as server:
            items = feed_check(base, tokens[0])
            wrk_run(f"{base}/", script, args.clients, 3)  # warm every worker
            say("feed endpoint, 1 client")
            http_single = wrk_run(f"{base}/", script, 1, 3 if args.quick else 8)
            say(f"feed endpoint, {args.clients} clients ({args.duration} s)")
            web_pids = server.workers()
            before_web = {pid: cpu_seconds(pid) for pid in web_pids}
            before_pg = {pid: cpu_seconds(pid) for pid in pg_backend_pids(conninfo, args.database)}
            busy_before, total_before = machine_busy_seconds()
            http_loaded = wrk_run(f"{base}/", script, args.clients, args.duration)
            busy_after, total_after = machine_busy_seconds()
            served = max(1, http_loaded["requests"])
            web_cpu_ms = 1000 * sum(cpu_seconds(pid) - before_web[pid] for pid in web_pids) / served
            after_pg = {pid: cpu_seconds(pid) for pid in pg_backend_pids(conninfo, args.database)}
            pg_cpu_ms = 1000 * sum(after_pg[pid] - before_pg.get(pid, 0.0) for pid in after_pg) / served
            machine_busy = (busy_after - busy_before) / max(1e-9, total_after - total_before)
            say(f"feed endpoint, {args.clients} clients pausing {THINK_MS} ms between requests ({args.duration} s)")
            http_paced = wrk_run(f"{base}/", paced_script, args.clients, args.duration)
            web_peaks = server.peak_rss_mb()

    arrivals = [r["arrival_ms"] for r in rounds]
    requests_ms = [r["request_ms"] for r in rounds]
    print()
    print("Sharing: fan-out of one check-in to every friend's feed, and GET /api/v1/feed (limit 20); times in ms.")
    print(f"machine   {machine_text()}")
    print(
        f"data      {sizes['social_feeddelivery']:,} feed rows, {sizes['checkins_checkin']:,} check-ins, "
        f"{sizes['accounts_user']:,} users, {sizes['accounts_friendship']:,} friendship rows, "
        f"{sizes['social_like']:,} likes, {sizes['social_comment']:,} comments ({args.database})"
    )
    print(f"fan-out   author with {args.friends:,} friends; 1 celery worker (prefork, 1 process), private redis-server")
    print(f"feed      {len(tokens)} readers picked at random, each with about {2 * args.feed_friends} items; "
          f"first page of {items} items checked; gunicorn {shape}")  # fmt: skip
    print()
    rows = [
        ("fan-out: check-in request (service call)", 1, len(rounds), f"{percentile(requests_ms, 50):.1f}",
         f"{max(requests_ms):.1f}", "", "", "-"),
        (f"fan-out: until the last of {args.friends:,} feeds has it", 1, len(rounds), f"{percentile(arrivals, 50):.0f}",
         f"{max(arrivals):.0f}", "", "", f"worker {worker_peak:.0f} MB"),
        ("fan-out floor: the two INSERTs (psycopg)", 1, 3, f"{floor_fanout_ms:.0f}", "", "", "", "-"),
        ("feed: raw SQL, psycopg (the floor)", 1, f"{floor_single['requests']:,}", f"{floor_single['p50_ms']:.2f}",
         f"{floor_single['p95_ms']:.2f}", f"{floor_single['rps']:,.0f}", "", "-"),
        ("feed: raw SQL, pgbench -M prepared", args.clients, f"{floor_loaded['requests']:,}",
         f"(avg {floor_loaded['avg_ms']:.2f})", "", f"{floor_loaded['rps']:,.0f}", "", "-"),
        ("GET /api/v1/feed (gunicorn)", 1, f"{http_single['requests']:,}", f"{http_single['p50_ms']:.2f}",
         f"{http_single['p95_ms']:.2f}", f"{http_single['rps']:,.0f}", str(http_single["errors"]), "-"),
        ("GET /api/v1/feed (gunicorn)", args.clients, f"{http_loaded['requests']:,}", f"{http_loaded['p50_ms']:.2f}",
         f"{http_loaded['p95_ms']:.2f}", f"{http_loaded['rps']:,.0f}", str(http_loaded["errors"]),
         f"max {max(web_peaks):.0f} MB ({', '.join(f'{p:.0f}' for p in web_peaks)})"),
        (f"GET /api/v1/feed, {THINK_MS} ms think time", args.clients, f"{http_paced['requests']:,}",
         f"{http_paced['p50_ms']:.2f}", f"{http_paced['p95_ms']:.2f}", f"{http_paced['rps']:,.0f}",
         str(http_paced["errors"]), "-"),
    ]  # fmt: skip
    table_print(rows, ("what", "clients", "requests", "p50", "p95/max", "req/s", "errors", "peak RSS per worker"))
    print()
    print(f"ratio fan-out arrival p50 / its SQL floor: {percentile(arrivals, 50) / floor_fanout_ms:.1f}x")
    print(f"ratio feed endpoint p50 / raw SQL p50 (1 client): {http_single['p50_ms'] / floor_single['p50_ms']:.1f}x")
    print(f"ratio feed endpoint / raw SQL throughput ({args.clients} clients): "
          f"{http_loaded['rps'] / floor_loaded['rps']:.2f}")  # fmt: skip
    checks = [
        (
            f"fan-out to {args.friends:,} friends <= 2 s (slowest round)",
            max(arrivals) <= 2000,
            f"{max(arrivals):.0f} ms",
        ),
        (f"feed p95 <= 20 ms ({args.clients} clients)", http_loaded["p95_ms"] <= 20, f"{http_loaded['p95_ms']:.1f} ms"),
        (
            f"feed p95 <= 20 ms ({args.clients} clients, {THINK_MS} ms think time)",
            http_paced["p95_ms"] <= 20,
            f"{http_paced['p95_ms']:.1f} ms at {http_paced['rps']:.0f} req/s",
        ),
        ("no errors", http_single["errors"] + http_loaded["errors"] + http_paced["errors"] == 0, ""),
    ]
    for name, ok, value in checks:
        print(f"target    {name}: {'PASS' if ok else 'MISS'} {value}")
    cores = os.cpu_count() or 1
    ceiling = cores * 1000 / (web_cpu_ms + pg_cpu_ms)
    print(
        f"cpu       per feed request with {args.clients} clients: gunicorn {web_cpu_ms:.2f} ms + PostgreSQL "
        f"{pg_cpu_ms:.2f} ms; machine busy {machine_busy:.0%}; 1-minute load average now {os.getloadavg()[0]:.1f}"
    )
    print(
        f"note      CPU-bound ceiling on {cores} cores about {ceiling:,.0f} req/s; {args.clients} closed-loop clients "
        f"then wait {args.clients / ceiling * 1000:.0f} ms per request on average (Little's law), whatever the query"
    )


if __name__ == "__main__":
    main()
