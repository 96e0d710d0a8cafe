"""Health probes, the Celery worker round trip and the documentation pages."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import yaml
from django.conf import settings as django_settings
from django.db import connection

from config import settings as project_settings
from config.celery import app as celery_app
from core.tasks import ping

ROOT = Path(__file__).resolve().parent.parent


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_readyz_503_when_broker_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("error")


@pytest.mark.django_db(transaction=True)
def test_readyz_503_when_database_unreachable(client):
    connection.close()
    original = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = "1"
    try:
        response = client.get("/readyz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("error")


def test_a_real_worker_runs_a_task_sent_through_redis(tmp_path):
    """Start a Celery worker process on a queue of its own, send it a task through Redis, read the result."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-Q",
            queue,
            "--pool",
            "solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env={**os.environ, "CELERY_TASK_ALWAYS_EAGER": "false"},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        result = ping.apply_async(args=["hello"], queue=queue)
        assert result.get(timeout=60) == "pong:hello", log.read_text()
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
    assert celery_app.conf.broker_url.startswith("redis://")


def test_schema_is_served_and_equals_the_committed_file(client, settings):
    # The schema states the configured rate limits: serve it with the configured ones, not the tests' generous ones.
    settings.THROTTLE_RATES = project_settings.THROTTLE_RATES
    response = client.get("/api/schema/")
    assert response.status_code == 200
    served = yaml.safe_load(response.content)
    committed = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    assert served == committed, "openapi.yaml is stale: run `make schema`"
    assert served["openapi"].startswith("3.")


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_use_only_local_assets(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for host in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs", "fonts.googleapis"):
        assert host not in html
    # Swagger UI from the sidecar's static files; ReDoc's bundle through api/docs.py (without its CDN logo).
    assert f"{django_settings.STATIC_URL}drf_spectacular_sidecar/" in html or "/api/redoc/redoc.standalone.js" in html


def test_docs_assets_are_served(client):
    html = client.get("/api/docs/").content.decode()
    asset = html.split(f"{django_settings.STATIC_URL}drf_spectacular_sidecar/", 1)[1].split('"', 1)[0]
    response = client.get(f"{django_settings.STATIC_URL}drf_spectacular_sidecar/{asset}")
    assert response.status_code == 200
