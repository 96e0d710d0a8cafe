"""Helpers shared by the benchmarks in bench/: the bench databases, the machine, percentiles, gunicorn, /proc, wrk.

Each bench runs as a script (`.venv/bin/python bench/<name>.py`), so Python puts bench/ on sys.path and
`from common import ...` finds this module; importing it puts the repository root there too, for Django's apps.
"""

import json
import math
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent
PG_HOST, PG_PORT, PG_USER, PG_PASSWORD = "127.0.0.1", 5432, "checkin", "checkin"


def say(text: str) -> None:
    """Print a progress line with the time of day."""
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


# ---------------------------------------------------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------------------------------------------------
def psql(database: str, sql: str) -> str:
    """Run one statement with psql as the bench role and return its unaligned output."""
    command = ["psql", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "-d", database, "-qAtX"]
    command += ["-v", "ON_ERROR_STOP=1", "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def database_ensure(database: str) -> None:
    """Create the bench's database with PostGIS when it is missing, then migrate it (Django must be set up)."""
    if psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{database}'") != "1":
        say(f"creating database {database}")
        subprocess.run(["createdb", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, database], check=True)
    psql(database, "CREATE EXTENSION IF NOT EXISTS postgis")
    from django.core.management import call_command

    say("migrating")
    call_command("migrate", interactive=False, verbosity=0)


def psycopg_conninfo(database: str, session_options: str | None = None) -> str:
    """A psycopg connection string to the bench's database, with the app's session options when given."""
    from psycopg.conninfo import make_conninfo

    return make_conninfo(
        host=PG_HOST, port=PG_PORT, user=PG_USER, password=PG_PASSWORD, dbname=database, options=session_options or None
    )


def pg_backend_pids(conninfo: str, database: str) -> list[int]:
    """PostgreSQL backends connected to `database`, this query's own excluded."""
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as conn:
        sql = "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
        return [row[0] for row in conn.execute(sql, (database,))]


# ---------------------------------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    """The nearest-rank q-th percentile of `values` (nan when empty)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


def latency_summary(latencies_s: list[float], wall_s: float) -> dict:
    """Request count, p50/p95 in ms and requests per second of a run's latencies (in seconds)."""
    return {
        "requests": len(latencies_s),
        "p50_ms": percentile(latencies_s, 50) * 1000,
        "p95_ms": percentile(latencies_s, 95) * 1000,
        "rps": len(latencies_s) / wall_s if wall_s else 0.0,
    }


# ---------------------------------------------------------------------------------------------------------------------
# Processes and /proc
# ---------------------------------------------------------------------------------------------------------------------
def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_children(pid: int) -> list[int]:
    """The ids of the processes whose parent is `pid`."""
    children = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in text:
            children.append(int(status.parent.name))
    return sorted(children)


def peak_rss_mb(pids: list[int]) -> list[float]:
    """Peak resident memory (VmHWM) of each process still running, in MB."""
    peaks = []
    for pid in pids:
        try:
            lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            continue
        peaks += [int(line.split()[1]) / 1024 for line in lines if line.startswith("VmHWM:")]
    return peaks


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - ticks[3] - ticks[4]) / hz, sum(ticks) / hz


class Gunicorn:
    """config/gunicorn.py on a loopback port, answering /healthz; stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, port: int, log_path: Path, env: dict | None = None):
        self.port, self.log_path, self.env, self.process = port, log_path, env, None

    def __enter__(self):
        command = [str(VENV_BIN / "gunicorn"), "config.wsgi:application", "-c", "config/gunicorn.py"]
        command += ["--bind", f"127.0.0.1:{self.port}"]
        env = {**os.environ, **self.env} if self.env else None
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}:\n{self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as response:
                    if response.status == 200 and self.workers():
                        return self
            except OSError:
                pass
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def workers(self) -> list[int]:
        """The worker processes' ids."""
        return process_children(self.process.pid)

    def peak_rss_mb(self) -> list[float]:
        """Each worker's peak resident memory in MB."""
        return peak_rss_mb(self.workers())

    def cpu_seconds(self) -> float:
        """User + system CPU time of the workers so far."""
        return sum(cpu_seconds(pid) for pid in self.workers())

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def gunicorn_config() -> dict:
    """The settings config/gunicorn.py computes from this process's environment (which gunicorn inherits)."""
    config: dict = {}
    exec((ROOT / "config" / "gunicorn.py").read_text(), config)  # noqa: S102 (our own config file)
    return config


def gunicorn_shape() -> str:
    """The worker pool config/gunicorn.py sets up, e.g. "2 gthread workers x 4 threads"."""
    config = gunicorn_config()
    shape = f"{config['workers']} {config.get('worker_class', 'sync')} workers"
    if config.get("threads", 1) > 1:
        shape += f" x {config['threads']} threads"
    return shape


# ---------------------------------------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------------------------------------
def wrk_ensure() -> None:
    """Install wrk (Debian's package) when missing and running as root; exit with a hint otherwise."""
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing wrk (apt-get install -y wrk)")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, **quiet).returncode:
            subprocess.run(["apt-get", "update", "-qq"], env=env, **quiet)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, **quiet)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: sudo apt-get install -y wrk (Debian's package), then run this again")


def wrk_run(url: str, script: Path, clients: int, seconds: int) -> dict:
    """wrk for `seconds` with a Lua script whose done() writes a BENCH_JSON line; its counts, latencies and CPU."""
    command = ["wrk", "-t", str(min(2, clients)), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = subprocess.run(
        [*command, "-s", str(script), url], check=True, capture_output=True, text=True, timeout=seconds + 60
    ).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    wrk_cpu_s = sum(getattr(after, field) - getattr(before, field) for field in ("ru_utime", "ru_stime"))
    return {
        **data,
        "clients": clients,
        "p50_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "wall_s": data["duration_us"] / 1e6,
        "wrk_cpu_ms": 1000 * wrk_cpu_s / max(1, data["requests"]),
    }


# ---------------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------------
def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo."""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def memory_gib() -> float:
    """The machine's RAM in GiB."""
    lines = Path("/proc/meminfo").read_text().splitlines()
    return next(int(line.split()[1]) for line in lines if line.startswith("MemTotal")) / 1024 / 1024


def machine_text() -> str:
    """CPU model, cores and RAM, for the report's machine line."""
    return f"{cpu_model()}, {os.cpu_count()} cores, {memory_gib():.1f} GiB RAM"


def load_average_text() -> str:
    """The 1-, 5- and 15-minute load averages as /proc/loadavg writes them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def table_print(rows: list[tuple], header: tuple) -> None:
    """A Markdown table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells) -> str:
        text = [str(cells[0]).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "| " + " | ".join(text) + " |"

    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
