"""The transactional outbox: events written in the writer's transaction, relayed to Celery, applied exactly once.

- `outbox_event_write(topic=..., payload=...)` inside the writer's transaction: the event commits (or rolls back)
  with the data it describes. `outbox_events_write(events=[...])` writes several in one statement, each row only
  where its own SQL condition holds (an event nobody consumes costs no row). After the commit a "kick" asks a worker
  to run the relay at once (low latency); if the broker is down the kick is dropped with a warning, never failing or
  slowing the request.
- The relay (Celery beat every OUTBOX_RELAY_INTERVAL_S, and each kick) takes pending events in id order with
  `SELECT ... FOR UPDATE SKIP LOCKED` (concurrent relays never publish the same batch), sends each to the task that
  settings.OUTBOX_TOPIC_TASKS names for its topic, and marks it published. An event published but still unprocessed
  after OUTBOX_REPUBLISH_AFTER_S (doubling per attempt) is published again: its message may have died with Redis.
- The consumer runs `outbox_event_consume(event_id=..., handler=...)`: the handler's writes and the event's
  `processed_at` commit together, under a row lock, so a second delivery of the same event changes nothing.

Delivery is at least once; with idempotent handlers (unique constraints, ON CONFLICT) the effect is exactly once.
Lower layers name consumers only by task name (a string), so they never import the packages that consume them.
"""

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

import structlog
from celery import current_app, shared_task
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from core.models import OutboxEvent

log = structlog.get_logger("core.outbox")

RELAY_TASK = "core.outbox_relay"

_PENDING_SQL = """
SELECT id, topic FROM core_outboxevent
WHERE processed_at IS NULL
  AND (published_at IS NULL
       OR published_at < now() - make_interval(secs => %(after)s * power(2, LEAST(publish_count - 1, 6))))
ORDER BY id
LIMIT %(batch)s
FOR UPDATE SKIP LOCKED
"""
_MARK_PUBLISHED_SQL = """
UPDATE core_outboxevent SET published_at = now(), publish_count = publish_count + 1 WHERE id = ANY(%(ids)s)
"""


def outbox_event_write(*, topic: str, payload: dict) -> OutboxEvent:
    """Record an event in the caller's transaction; once it commits, the relay is kicked to publish it at once."""
    event = OutboxEvent.objects.create(topic=topic, payload=payload)
    transaction.on_commit(outbox_relay_kick)
    return event


@dataclass(frozen=True)
class OutboxWrite:
    """An event to record with others in one statement; with a `condition` (an SQL boolean over `params`, e.g. an
    EXISTS on the consumer's own tables) it is recorded only where the condition holds when the statement runs."""

    topic: str
    payload: dict
    condition: str | None = None
    params: tuple = ()


def outbox_events_write(*, events: Sequence[OutboxWrite]) -> int:
    """Record several events in the caller's transaction in one INSERT (one round trip, each row under its own
    condition); returns how many were written. The relay is kicked after the commit only when a row was written."""
    if not events:
        return 0
    rows, params = [], []
    now = timezone.now()
    for event in events:
        # Datetimes (and dates, decimals) become ISO 8601 strings, as Django's JSON encoder writes them.
        rows.append(f"SELECT %s, %s::jsonb, %s, 0 WHERE {event.condition or 'true'}")
        params += [event.topic, json.dumps(event.payload, cls=DjangoJSONEncoder), now, *event.params]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_outboxevent (topic, payload, created_at, publish_count) " + " UNION ALL ".join(rows),
            params,
        )
        written = cursor.rowcount
    if written:
        transaction.on_commit(outbox_relay_kick)
    return written


class _KickDebouncer:
    """Leading- and trailing-edge rate limit for kicks within one process.

    The first kick goes out at once; kicks within OUTBOX_KICK_INTERVAL_S of it become one trailing kick at the end of
    the interval, sent from a timer thread, so every committed event is followed by a kick no later than the interval
    (the relay run it wakes takes every pending event). Eager Celery (tests) kicks synchronously every time.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._last_sent = float("-inf")
        self._trailing_scheduled = False

    def kick(self) -> None:
        interval = settings.OUTBOX_KICK_INTERVAL_S
        if interval <= 0 or settings.CELERY_TASK_ALWAYS_EAGER:
            _relay_kick_send()
            return
        with self._lock:
            now = time.monotonic()
            wait = self._last_sent + interval - now
            if wait <= 0:
                self._last_sent = now
            elif self._trailing_scheduled:
                return
            else:
                self._trailing_scheduled = True
                timer = threading.Timer(wait, self._trailing)
                timer.daemon = True
                timer.start()
                return
        _relay_kick_send()

    def _trailing(self) -> None:
        with self._lock:
            self._trailing_scheduled = False
            self._last_sent = time.monotonic()
        _relay_kick_send()


_kicks = _KickDebouncer()


def outbox_relay_kick() -> None:
    """Ask a worker to run the relay soon (at once, or within OUTBOX_KICK_INTERVAL_S). Never raises."""
    _kicks.kick()


def _relay_kick_send() -> None:
    """Publish one relay task. Never raises: with the broker down, beat's next relay run publishes."""
    try:
        # No publish retries and short connection timeouts (settings): a request never waits for a dead broker.
        # The kick expires: a stale one queued behind a backlog is useless, beat relays anyway.
        outbox_relay_task.apply_async(retry=False, expires=settings.OUTBOX_KICK_EXPIRES_S)
    except Exception as exc:  # any broker failure: the event is safe in the table
        log.warning("outbox_kick_failed", error=f"{type(exc).__name__}: {exc}")


def _publish(task_name: str, event_id: int) -> None:
    # A signature runs locally under CELERY_TASK_ALWAYS_EAGER when the task is registered here, else is sent by name.
    current_app.signature(task_name, kwargs={"event_id": event_id}).apply_async(
        retry=True, retry_policy=settings.OUTBOX_PUBLISH_RETRY_POLICY, ignore_result=True
    )


def outbox_relay(*, batch_size: int | None = None) -> int:
    """Publish pending events in id order, batch by batch, marking each published; returns how many were published.

    Stops at the first broker error (logged): the unpublished rest stays pending for the next run.
    """
    batch_size = batch_size or settings.OUTBOX_BATCH_SIZE
    published = 0
    while True:
        failure = None
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(_PENDING_SQL, {"after": settings.OUTBOX_REPUBLISH_AFTER_S, "batch": batch_size})
                rows = cursor.fetchall()
            handled = []
            for event_id, topic in rows:
                task_name = settings.OUTBOX_TOPIC_TASKS.get(topic)
                if task_name is None:
                    # Counted as an attempt so that it backs off like any unprocessed event until a consumer exists.
                    log.error("outbox_topic_unrouted", event_id=event_id, topic=topic)
                    handled.append(event_id)
                    continue
                try:
                    _publish(task_name, event_id)
                except Exception as exc:  # broker down or failing: keep the rest for the next run
                    failure = exc
                    break
                handled.append(event_id)
                published += 1
            if handled:
                with connection.cursor() as cursor:
                    cursor.execute(_MARK_PUBLISHED_SQL, {"ids": handled})
        if failure is not None:
            log.warning(
                "outbox_relay_publish_failed", error=f"{type(failure).__name__}: {failure}", published=published
            )
            break
        if len(rows) < batch_size:
            break
    return published


def outbox_event_consume(*, event_id: int, handler: Callable[[dict], object]) -> bool:
    """Apply an event once: run `handler(payload)` and mark the event processed in one transaction.

    Returns False (doing nothing) when the event is unknown or already processed. Concurrent deliveries of the same
    event wait on its row lock, then see it processed.
    """
    with transaction.atomic():
        event = (
            OutboxEvent.objects.select_for_update()
            .filter(pk=event_id, processed_at__isnull=True)
            .only("id", "topic", "payload")
            .first()
        )
        if event is None:
            return False
        handler(event.payload)
        OutboxEvent.objects.filter(pk=event_id).update(processed_at=timezone.now())
    return True


def outbox_purge(*, older_than: timedelta | None = None) -> int:
    """Delete processed events older than OUTBOX_KEEP_DAYS; unprocessed ones are never deleted."""
    cutoff = timezone.now() - (older_than or timedelta(days=settings.OUTBOX_KEEP_DAYS))
    deleted, _ = OutboxEvent.objects.filter(processed_at__isnull=False, processed_at__lt=cutoff).delete()
    return deleted


@shared_task(name=RELAY_TASK, ignore_result=True)
def outbox_relay_task() -> int:
    """Publish pending outbox events (beat runs it every few seconds; commits kick it)."""
    return outbox_relay()


@shared_task(name="core.outbox_purge", ignore_result=True)
def outbox_purge_task() -> int:
    """Delete processed outbox events past their retention."""
    return outbox_purge()
