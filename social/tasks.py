"""Consumers of outbox events for sharing (named in settings.OUTBOX_TOPIC_TASKS)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from core.outbox import outbox_event_consume
from social.services import checkin_fanout

FANOUT_TASK = "social.fanout_checkin"


@shared_task(
    name=FANOUT_TASK,
    ignore_result=True,
    # A database hiccup: try again soon. Whatever else goes wrong, the event stays unprocessed and the relay
    # publishes it again later; a worker killed mid-task leaves the message unacknowledged (acks_late), so the broker
    # hands it out again (reject_on_worker_lost, or the visibility timeout).
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=1,
    retry_backoff_max=60,
    max_retries=10,
)
def fanout_checkin_task(event_id: int) -> bool:
    """Apply a `checkin.created` event once: deliver the check-in to the friends' feeds and notify them."""
    return outbox_event_consume(
        event_id=event_id,
        handler=lambda payload: checkin_fanout(event_id=event_id, checkin_id=payload["checkin_id"]),
    )
