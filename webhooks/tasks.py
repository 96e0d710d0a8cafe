"""The webhooks' Celery tasks: the outbox consumer that makes messages, one delivery attempt, the sweep of due
deliveries, and the purge of old ones (named in settings.OUTBOX_TOPIC_TASKS and CELERY_BEAT_SCHEDULE)."""

from datetime import datetime
from functools import partial

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction

from core.outbox import outbox_event_consume
from webhooks.delivery import (
    DELIVER_TASK,
    webhook_deliveries_kick,
    webhook_deliveries_sweep,
    webhook_delivery_attempt,
    webhook_messages_purge,
)
from webhooks.events import webhook_message_create

MESSAGES_CREATE_TASK = "webhooks.messages_create"

# A database hiccup: try again soon. Anything else leaves the event unprocessed (the relay publishes it again later)
# or the delivery pending (the sweep kicks it again when its lease runs out).
_RETRY_ON_DATABASE_ERRORS = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 1,
    "retry_backoff_max": 60,
    "max_retries": 10,
}


def _message_create_and_kick(payload: dict) -> None:
    delivery_ids = webhook_message_create(payload)
    if delivery_ids:
        # After the message and the event's processed mark commit together (outbox_event_consume's transaction).
        transaction.on_commit(partial(webhook_deliveries_kick, delivery_ids))


@shared_task(name=MESSAGES_CREATE_TASK, ignore_result=True, **_RETRY_ON_DATABASE_ERRORS)
def messages_create_task(event_id: int) -> bool:
    """Apply a `webhook.event` outbox event once: its message and a delivery per subscribed endpoint, then kick them."""
    return outbox_event_consume(event_id=event_id, handler=_message_create_and_kick)


@shared_task(name=DELIVER_TASK, ignore_result=True, **_RETRY_ON_DATABASE_ERRORS)
def deliver_task(delivery_id: int, lease_until: str | None = None) -> str | None:
    """Make one delivery's next attempt if it is due (or leased to this task by the sweep)."""
    lease = datetime.fromisoformat(lease_until) if lease_until else None
    return webhook_delivery_attempt(delivery_id=delivery_id, lease_until=lease)


@shared_task(name="webhooks.deliveries_sweep", ignore_result=True)
def deliveries_sweep_task() -> int:
    """Kick the deliveries that are due: retries whose backoff passed, first attempts whose kick was lost."""
    return webhook_deliveries_sweep()


@shared_task(name="webhooks.messages_purge", ignore_result=True)
def messages_purge_task() -> int:
    """Delete finished deliveries and their messages past WEBHOOK_KEEP_DAYS."""
    return webhook_messages_purge()
