"""The outbox: written in the writer's transaction, relayed in id order, republished when unprocessed, applied once."""

import threading
import time
from datetime import timedelta

import pytest
from celery import shared_task
from django.db import connection, connections, transaction
from django.utils import timezone

from config.celery import app
from core.models import OutboxEvent
from core.outbox import outbox_event_consume, outbox_event_write, outbox_purge, outbox_relay, outbox_relay_kick
from tests.brokers import celery_app_point_at

RECORDED: list[int] = []


@shared_task(name="tests.outbox_record")
def record_task(event_id: int) -> None:
    RECORDED.append(event_id)


@pytest.fixture
def recorder(settings, celery_eager):
    """Events of topic `test.topic` are published (eagerly) to a task that records their ids."""
    settings.OUTBOX_TOPIC_TASKS = {"test.topic": "tests.outbox_record"}
    RECORDED.clear()
    yield RECORDED
    RECORDED.clear()


@pytest.fixture
def dead_broker(settings):
    """The test process's Celery app points at a port where nothing listens (never the shared Redis)."""
    previous = app.conf.broker_url, app.conf.result_backend
    celery_app_point_at("redis://127.0.0.1:1/0")
    yield app
    celery_app_point_at(previous[0])
    app.conf.result_backend = previous[1]


@pytest.mark.django_db
def test_the_relay_publishes_pending_events_in_id_order_once(recorder):
    events = [outbox_event_write(topic="test.topic", payload={"n": n}) for n in range(5)]
    assert outbox_relay(batch_size=2) == 5
    assert recorder == [e.pk for e in events]
    assert outbox_relay() == 0  # published, not yet due for a republish
    for event in OutboxEvent.objects.all():
        assert event.published_at is not None and event.publish_count == 1


@pytest.mark.django_db
def test_an_event_published_but_never_processed_is_published_again_with_backoff(recorder, settings):
    event = outbox_event_write(topic="test.topic", payload={})
    outbox_relay()
    settings.OUTBOX_REPUBLISH_AFTER_S = 60
    OutboxEvent.objects.filter(pk=event.pk).update(published_at=timezone.now() - timedelta(seconds=61))
    assert outbox_relay() == 1  # lost with a Redis restart, say: published again
    OutboxEvent.objects.filter(pk=event.pk).update(published_at=timezone.now() - timedelta(seconds=61))
    assert outbox_relay() == 0  # the second republish waits twice as long
    OutboxEvent.objects.filter(pk=event.pk).update(published_at=timezone.now() - timedelta(seconds=121))
    assert outbox_relay() == 1
    assert recorder == [event.pk] * 3
    outbox_event_consume(event_id=event.pk, handler=lambda payload: None)
    OutboxEvent.objects.filter(pk=event.pk).update(published_at=timezone.now() - timedelta(days=1))
    assert outbox_relay() == 0  # processed events are done


@pytest.mark.django_db
def test_consuming_applies_an_event_once(recorder):
    event = outbox_event_write(topic="test.topic", payload={"k": "v"})
    seen = []
    assert outbox_event_consume(event_id=event.pk, handler=seen.append) is True
    assert outbox_event_consume(event_id=event.pk, handler=seen.append) is False
    assert outbox_event_consume(event_id=123456789, handler=seen.append) is False
    assert seen == [{"k": "v"}]


@pytest.mark.django_db
def test_a_failing_handler_leaves_the_event_pending(recorder):
    event = outbox_event_write(topic="test.topic", payload={})

    def broken(payload):
        OutboxEvent.objects.create(topic="side.effect")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        outbox_event_consume(event_id=event.pk, handler=broken)
    assert OutboxEvent.objects.get(pk=event.pk).processed_at is None
    assert not OutboxEvent.objects.filter(topic="side.effect").exists()  # rolled back with it


@pytest.mark.django_db
def test_an_unrouted_topic_is_logged_and_backs_off(recorder):
    outbox_event_write(topic="nobody.listens", payload={})
    assert outbox_relay() == 0
    assert OutboxEvent.objects.get().publish_count == 1


@pytest.mark.django_db(transaction=True)
def test_events_commit_and_roll_back_with_the_writer(recorder):
    with transaction.atomic():
        outbox_event_write(topic="test.topic", payload={"kept": True})
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox_event_write(topic="test.topic", payload={"kept": False})
        raise RuntimeError
    assert list(OutboxEvent.objects.values_list("payload", flat=True)) == [{"kept": True}]
    # The commit kicked the relay (eager here): the kept event was published at once.
    assert recorder == [OutboxEvent.objects.get().pk]


@pytest.mark.django_db(transaction=True)
def test_concurrent_relays_skip_the_events_another_is_publishing(recorder):
    events = [OutboxEvent.objects.create(topic="test.topic") for _ in range(4)]  # written without a kick
    locked = threading.Event()
    release = threading.Event()

    def hold_first_two():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT id FROM core_outboxevent ORDER BY id LIMIT 2 FOR UPDATE")
            locked.set()
            release.wait(10)
        connection.close()

    holder = threading.Thread(target=hold_first_two)
    holder.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        assert outbox_relay() == 2  # does not wait for the locked rows
        assert time.monotonic() - started < 2
        assert recorder == [e.pk for e in events[2:]]
    finally:
        release.set()
        holder.join(10)
    assert outbox_relay() == 2
    assert sorted(recorder) == [e.pk for e in events]
    connections.close_all()


@pytest.mark.django_db
def test_with_the_broker_down_the_kick_and_the_relay_fail_fast_and_keep_the_events(settings, dead_broker):
    settings.OUTBOX_TOPIC_TASKS = {"test.topic": "tests.outbox_record"}
    outbox_event_write(topic="test.topic", payload={})
    started = time.monotonic()
    outbox_relay_kick()  # logs a warning, never raises
    assert outbox_relay() == 0
    assert time.monotonic() - started < 5
    event = OutboxEvent.objects.get()
    assert (event.published_at, event.publish_count, event.processed_at) == (None, 0, None)


@pytest.mark.django_db
def test_purge_keeps_pending_events_and_recent_processed_ones():
    pending = OutboxEvent.objects.create(topic="t", created_at=timezone.now() - timedelta(days=30))
    recent = OutboxEvent.objects.create(topic="t", processed_at=timezone.now() - timedelta(days=1))
    OutboxEvent.objects.create(topic="t", processed_at=timezone.now() - timedelta(days=30))
    assert outbox_purge() == 1
    assert set(OutboxEvent.objects.values_list("pk", flat=True)) == {pending.pk, recent.pk}


def test_kicks_within_the_interval_become_one_trailing_kick(settings, monkeypatch):
    import time

    from core import outbox

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.OUTBOX_KICK_INTERVAL_S = 0.2
    sent = []
    monkeypatch.setattr(outbox, "_relay_kick_send", lambda: sent.append(time.monotonic()))
    debouncer = outbox._KickDebouncer()
    started = time.monotonic()
    for _ in range(50):
        debouncer.kick()
    assert len(sent) == 1  # the leading kick, at once
    deadline = time.monotonic() + 5
    while len(sent) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(sent) == 2  # one trailing kick for the 49 others, within the interval
    assert sent[1] - started < 1.0
    time.sleep(0.3)
    assert len(sent) == 2
    debouncer.kick()  # after a quiet interval the next kick goes out at once again
    assert len(sent) == 3
