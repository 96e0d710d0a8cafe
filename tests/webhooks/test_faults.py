"""Webhooks under faults that really happen, with real `celery worker` subprocesses on a private redis-server: Redis
stopped while people check in, a consumer's message lost with Redis, a delivery's kick lost. Every event reaches the
receiver at least once, under one webhook-id each.

Beat is played by the test: the outbox relay and the deliveries sweep are called in a loop.
"""

import time
from collections import defaultdict

import pytest

from config.celery import app
from core.models import OutboxEvent
from core.outbox import outbox_relay
from tests import factories
from tests.brokers import RedisServer, Worker, celery_app_point_at, subprocess_env, wait_until
from tests.conftest import client_for
from tests.webhooks.conftest import SECRET, endpoint_make
from tests.webhooks.receiver import Receiver
from webhooks.delivery import webhook_deliveries_sweep
from webhooks.models import WebhookDelivery, WebhookMessage
from webhooks.tasks import messages_create_task

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def broker(settings, tmp_path):
    """A private Redis with this process's Celery app and cache pointed at it; workers are started by the test."""
    redis = RedisServer().start()
    previous = app.conf.broker_url, app.conf.result_backend
    celery_app_point_at(redis.url)
    settings.CELERY_BROKER_URL = settings.CELERY_RESULT_BACKEND = redis.url
    caches_before = settings.CACHES
    settings.CACHES = {"default": {**caches_before["default"], "LOCATION": redis.url}}
    settings.OUTBOX_REPUBLISH_AFTER_S = 1.0
    workers: list[Worker] = []

    def worker(*, wait_ready: bool = True) -> Worker:
        env = subprocess_env(redis.url, CELERY_UNACKED_RESTORE_INTERVAL="1", WEBHOOK_ALLOW_PRIVATE_ADDRESSES="true")
        started = Worker(env, tmp_path / f"worker-{len(workers)}.log")
        workers.append(started)
        return started.start(wait_ready=wait_ready)

    try:
        yield redis, worker
    finally:
        for started in workers:
            started.stop()
        settings.CACHES = caches_before
        redis.stop()
        celery_app_point_at(previous[0])
        app.conf.result_backend = previous[1]


def _beat_until(condition, *, timeout: float, what: str) -> None:
    """Beat's work, every 0.2 s: relay the outbox and sweep due deliveries, until the condition holds."""

    def step():
        outbox_relay()
        webhook_deliveries_sweep()
        return condition()

    wait_until(step, timeout=timeout, interval=0.2, what=what)


def _by_event(receiver) -> dict[tuple, set[str]]:
    """(type, the event's own id) -> the webhook-ids it arrived under; every signature verified."""
    arrived: dict[tuple, set[str]] = defaultdict(set)
    for request, body in zip(list(receiver.requests), receiver.verified(SECRET), strict=True):
        data = body["data"]
        arrived[(body["type"], data.get("checkin_id") or data.get("coupon_id"))].add(request.webhook_id)
    return arrived


def test_events_written_while_redis_is_down_or_lost_with_it_all_arrive_under_one_webhook_id_each(broker):
    redis, start_worker = broker
    campaign = factories.CampaignFactory()
    merchant = campaign.merchant
    users = [factories.UserFactory() for _ in range(3)]

    def check_in(user):
        started = time.monotonic()
        response = client_for(user).post(
            "/api/v1/checkins",
            {"merchant_id": merchant.pk, "lat": 37.4762, "lng": 126.8680, "accuracy_m": 10},
            format="json",
        )
        assert response.status_code == 201, response.content
        assert time.monotonic() - started < 3, "a check-in waited for the dead broker"
        return response.json()

    with Receiver() as receiver:
        endpoint_make(merchant, receiver.url)
        expected = set()

        def arrived():
            # Received, and recorded (a worker stopped between receipt and record would leave its lease to run out).
            received = expected <= set(_by_event(receiver))
            return received and not WebhookDelivery.objects.exclude(status="succeeded").exists()

        def expect(answer):
            expected.add(("checkin.created", answer["id"]))
            expected.update(("coupon.issued", coupon["id"]) for coupon in answer["coupons"])

        # 1. Redis down while the check-in commits: the kick fails fast, the events wait in the outbox.
        worker = start_worker()
        redis.stop()
        expect(check_in(users[0]))
        assert outbox_relay() == 0
        redis.start()  # same port, empty
        wait_until(worker.ready, timeout=30, what="the worker to reconnect")
        _beat_until(arrived, timeout=60, what="the events written while Redis was down")

        # 2. Published to Redis, then lost with it before any worker took them.
        worker.stop()
        expect(check_in(users[1]))
        outbox_relay()
        assert OutboxEvent.objects.filter(topic="webhook.event", published_at__isnull=False).exists()
        redis.stop()
        redis.start()
        worker = start_worker()
        _beat_until(arrived, timeout=60, what="the events whose messages died with Redis")

        # 3. The message made, but the kick of its delivery lost: only the sweep can send it.
        worker.stop()
        expect(check_in(users[2]))
        redis.stop()
        unprocessed = OutboxEvent.objects.filter(topic="webhook.event", processed_at__isnull=True)
        assert unprocessed.count() == 2
        for event in unprocessed:
            assert messages_create_task(event.pk)  # a worker applying the event as Redis dies: the kicks fail
        assert WebhookDelivery.objects.filter(status="pending", attempts=0).count() == 2
        redis.start()
        start_worker()
        _beat_until(arrived, timeout=60, what="the deliveries whose kick was lost")
        by_event = _by_event(receiver)

    assert set(by_event) == expected
    assert all(len(webhook_ids) == 1 for webhook_ids in by_event.values())  # at least once, one webhook-id each
    assert WebhookMessage.objects.count() == len(expected)  # each event made into one message, once
    assert WebhookDelivery.objects.count() == len(expected)
