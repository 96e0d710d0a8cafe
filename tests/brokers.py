"""Helpers for tests that run against a broker of their own: a private redis-server and Celery worker subprocesses.

They never touch the machine's Redis on 6379: each test starts redis-server on a free port and points both the test
process's Celery app and the worker subprocesses at it.
"""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def celery_app_point_at(url: str) -> None:
    """Point this process's Celery app (publishing) at another broker, dropping pooled connections to the old one."""
    app.conf.broker_url = url
    app.conf.result_backend = url
    # Not force_close_all(): kombu keeps pools in a registry keyed by URL, and a closed one would be handed back.
    app._pool = None
    app.amqp._producer_pool = None


def wait_until(condition: Callable[[], bool], *, timeout: float, interval: float = 0.05, what: str = "") -> None:
    """Poll until condition() is true, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what or condition}")


class RedisServer:
    """A throwaway redis-server without persistence: stopping it loses every queued message, as a crash would."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=10, what=f"redis-server on {self.port}")
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None


def subprocess_env(broker_url: str, **extra: str) -> dict:
    """The environment for a worker or helper process: the test database, this test's broker, a short visibility
    timeout (so unacknowledged messages of a killed worker come back within seconds)."""
    database = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=(
            f"postgis://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{connection.settings_dict['NAME']}"
        ),
        REDIS_URL=broker_url,
        CELERY_BROKER_URL=broker_url,
        CELERY_RESULT_BACKEND=broker_url,
        CELERY_VISIBILITY_TIMEOUT="3",
        CELERY_TASK_ALWAYS_EAGER="false",
        PUSH_BACKEND="logging",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


class Worker:
    """A real `celery worker` subprocess (prefork, one child) in its own process group."""

    def __init__(self, env: dict, log_path: Path):
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self, *, wait_ready: bool = True) -> "Worker":
        log = open(self.log_path, "ab")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "celery"),
                "-A",
                "config",
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "1",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"test-{os.getpid()}-{time.monotonic_ns()}@localhost",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        if wait_ready:
            wait_until(self.ready, timeout=30, what="the worker to be ready")
        return self

    def ready(self) -> bool:
        return b"ready." in self.log_path.read_bytes()

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and its pool child) at once, as an OOM kill or power cut would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def stop(self) -> None:
        self.kill()
