"""Faults that really happen, with a real worker: Redis stopped while people check in, a worker SIGKILLed in the
middle of a fan-out, the web process killed right after its commit. Nothing is lost, nothing is doubled.

Each test runs its own redis-server on a free port (never the machine's Redis) and real `celery worker`
subprocesses on the test database; beat is replaced by calling the relay in a loop from the test.
"""

import subprocess
import time

import psycopg
import pytest
from django.db import connection
from django.db.models import Count

from accounts.models import Friendship, Notification, User
from config.celery import app
from core.models import OutboxEvent
from core.outbox import outbox_relay
from merchants.models import Merchant
from social.models import FeedDelivery
from tests import factories
from tests.brokers import ROOT, VENV_BIN, RedisServer, Worker, celery_app_point_at, subprocess_env, wait_until
from tests.conftest import client_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

FRIENDS = 40


@pytest.fixture
def broker(settings, tmp_path):
    """A private Redis with this process's Celery app pointed at it; workers are started by the test."""
    redis = RedisServer().start()
    previous = app.conf.broker_url, app.conf.result_backend
    celery_app_point_at(redis.url)
    settings.CELERY_BROKER_URL = settings.CELERY_RESULT_BACKEND = redis.url
    # As in production, the cache (rate limits) lives on the same Redis: it goes down with it.
    caches_before = settings.CACHES
    settings.CACHES = {"default": {**caches_before["default"], "LOCATION": redis.url}}
    workers: list[Worker] = []

    def worker(*, wait_ready: bool = True) -> Worker:
        log = tmp_path / f"worker-{len(workers)}.log"
        started = Worker(subprocess_env(redis.url, CELERY_UNACKED_RESTORE_INTERVAL="1"), log)
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


def _author_with_friends(count=FRIENDS):
    author = factories.UserFactory()
    friends = User.objects.bulk_create([User(username=f"{author.username}-f{i}") for i in range(count)])
    Friendship.objects.bulk_create(
        [Friendship(user=author, friend=f) for f in friends] + [Friendship(user=f, friend=author) for f in friends]
    )
    return author, friends


def _session(*, autocommit: bool) -> psycopg.Connection:
    """A database session of its own (not Django's), on the test database."""
    database = connection.settings_dict
    return psycopg.connect(
        dbname=database["NAME"],
        user=database["USER"],
        password=database["PASSWORD"],
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        autocommit=autocommit,
    )


def _merchants(count):
    return [factories.MerchantFactory() for _ in range(count)]


def _assert_each_friend_has_each_checkin_once(friends, checkin_ids):
    rows = FeedDelivery.objects.filter(checkin_id__in=checkin_ids).values("recipient_id", "checkin_id")
    counted = rows.annotate(n=Count("id"))
    assert {(r["recipient_id"], r["checkin_id"]) for r in counted} == {(f.pk, c) for f in friends for c in checkin_ids}
    assert all(r["n"] == 1 for r in counted)
    notified = Notification.objects.filter(type="friend_checkin").values("user_id", "dedupe_key")
    assert notified.count() == len(friends) * len(checkin_ids)
    assert notified.distinct().count() == notified.count()


def _delivered(checkin_ids, friends) -> bool:
    return FeedDelivery.objects.filter(checkin_id__in=checkin_ids).count() >= len(friends) * len(checkin_ids)


def _relay_until(condition, *, timeout, what):
    """Beat's job: run the relay every 0.2 s until the condition holds."""

    def step():
        outbox_relay()
        return condition()

    wait_until(step, timeout=timeout, interval=0.2, what=what)


def test_redis_stopped_while_people_check_in_loses_nothing_and_doubles_nothing(broker, settings):
    redis, start_worker = broker
    settings.OUTBOX_REPUBLISH_AFTER_S = 1.0  # (beat's relay in the test process)
    author, friends = _author_with_friends()
    merchants = _merchants(4)
    client = client_for(author)

    def check_in(merchant):
        started = time.monotonic()
        response = client.post(
            "/api/v1/checkins",
            {"merchant_id": merchant.pk, "lat": 37.4762, "lng": 126.8680, "accuracy_m": 10},
            format="json",
        )
        assert response.status_code == 201, response.content
        return response.json()["id"], time.monotonic() - started

    worker = start_worker()
    # All up: the on-commit kick alone delivers (no relay loop here).
    live, _ = check_in(merchants[0])
    wait_until(lambda: _delivered([live], friends), timeout=15, what="the kick-driven fan-out")

    # Published into Redis but not yet consumed when Redis dies (no worker running): the message dies with it.
    worker.stop()
    in_flight, _ = check_in(merchants[1])
    outbox_relay()
    assert OutboxEvent.objects.filter(payload__checkin_id=in_flight, published_at__isnull=False).exists()

    redis.stop()
    waiting_worker = start_worker(wait_ready=False)  # starts while the broker is down: keeps trying to connect
    during = []
    for merchant in merchants[2:]:
        checkin_id, elapsed = check_in(merchant)  # the kick fails fast and quietly
        assert elapsed < 3, f"a check-in waited {elapsed:.1f} s for the dead broker"
        during.append(checkin_id)
    assert outbox_relay() == 0  # the relay cannot publish either; the events wait in the table
    assert not FeedDelivery.objects.filter(checkin_id__in=[in_flight, *during]).exists()

    redis.start()  # same port, empty: every queued message is gone
    wait_until(waiting_worker.ready, timeout=30, what="the worker to connect once Redis is back")
    everything = [live, in_flight, *during]
    _relay_until(lambda: _delivered(everything, friends), timeout=30, what="delivery after Redis came back")
    wait_until(
        lambda: not OutboxEvent.objects.filter(processed_at__isnull=True).exists(), timeout=10, what="all processed"
    )
    _assert_each_friend_has_each_checkin_once(friends, everything)


def test_a_worker_killed_in_the_middle_of_a_fanout_is_redelivered_and_each_friend_gets_it_once(broker, settings):
    redis, start_worker = broker
    settings.OUTBOX_REPUBLISH_AFTER_S = 3600.0  # only the broker's redelivery (acks_late) may bring it back
    author, friends = _author_with_friends()
    checkin = factories.CheckinFactory(user=author)
    event = OutboxEvent.objects.create(topic="checkin.created", payload={"checkin_id": checkin.pk})
    worker = start_worker()

    # Hold the fan-out in the middle: another transaction has an uncommitted delivery for the first friend, so the
    # worker's INSERT ... ON CONFLICT waits on it, inside the fan-out's open transaction.
    # (the observer in autocommit: pg_stat_activity is a snapshot taken once per transaction)
    blocker, observer = _session(autocommit=False), _session(autocommit=True)
    try:
        blocker.execute(
            "INSERT INTO social_feeddelivery (recipient_id, checkin_id, author_id, merchant_id, checkin_created_at,"
            " delivered_at, event_id) VALUES (%s, %s, %s, %s, %s, now(), 0)",
            [friends[0].pk, checkin.pk, author.pk, checkin.merchant_id, checkin.created_at],
        )
        assert outbox_relay() == 1

        def fanout_waiting():
            row = observer.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE '%INSERT INTO social_feeddelivery%' AND pid <> pg_backend_pid()"
            ).fetchone()
            return row[0] > 0

        wait_until(fanout_waiting, timeout=15, what="the fan-out to be in the middle of its transaction")
        worker.kill()  # SIGKILL, main process and pool child: the message is never acknowledged
    finally:
        blocker.rollback()
        blocker.close()
        observer.close()

    assert not FeedDelivery.objects.filter(checkin=checkin).exists()  # the killed transaction left nothing
    assert OutboxEvent.objects.get(pk=event.pk).processed_at is None
    start_worker()  # restores the unacknowledged message once the visibility timeout (3 s here) has passed
    wait_until(lambda: _delivered([checkin.pk], friends), timeout=30, what="redelivery after the worker was killed")
    wait_until(
        lambda: OutboxEvent.objects.get(pk=event.pk).processed_at is not None, timeout=10, what="event processed"
    )
    _assert_each_friend_has_each_checkin_once(friends, [checkin.pk])


def test_the_web_process_killed_right_after_its_commit_still_gets_the_checkin_delivered(broker):
    redis, start_worker = broker
    author, friends = _author_with_friends()
    merchant = Merchant.objects.create(
        name="Crash Cafe", category="cafe", address="1", location=factories.MerchantFactory().location
    )
    start_worker()
    crashed = subprocess.run(
        [str(VENV_BIN / "python"), str(ROOT / "tests" / "social" / "crash_after_commit.py"), str(author.pk),
         str(merchant.pk)],
        env=subprocess_env(redis.url),
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    assert crashed.returncode == 0, crashed.stderr.decode()[-2000:]
    event = OutboxEvent.objects.get(topic="checkin.created")
    assert event.published_at is None  # committed, but the kick never left the dead process
    time.sleep(0.5)
    assert not FeedDelivery.objects.exists()

    _relay_until(lambda: _delivered([event.payload["checkin_id"]], friends), timeout=20, what="relay delivery")
    _assert_each_friend_has_each_checkin_once(friends, [event.payload["checkin_id"]])
