"""Sending pushes for notifications, after they commit, in a worker: a failing push never touches a request."""

import structlog
from celery import shared_task
from django.conf import settings

from accounts.models import Notification
from accounts.push import PushFailed, push_backend_get

log = structlog.get_logger("accounts.tasks")

PUSH_TASK = "accounts.push_send"


@shared_task(
    name=PUSH_TASK,
    ignore_result=True,
    autoretry_for=(PushFailed,),
    retry_backoff=2,  # 2, 4, 8, ... seconds
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=settings.PUSH_MAX_RETRIES,
)
def push_send_task(notification_ids: list[int]) -> int:
    """Push these notifications through the configured backend; PushFailed retries the batch with backoff."""
    notifications = list(
        Notification.objects.filter(pk__in=notification_ids)
        .order_by("id")
        .values("id", "user_id", "type", "created_at", "data")
    )
    if notifications:
        push_backend_get().send(notifications)
    return len(notifications)


@shared_task(name="accounts.refresh_tokens_purge", ignore_result=True)
def refresh_tokens_purge_task() -> int:
    """Daily: forget expired refresh tokens (every login and every refresh records one)."""
    from accounts.services import refresh_tokens_purge_expired  # services import this module (push_enqueue)

    return refresh_tokens_purge_expired()


def push_enqueue(*, notification_ids: list[int]) -> None:
    """Queue pushes for committed notifications, in batches. Never raises: with the broker down the push is skipped
    (logged); the notification itself is safe in the database and shown by GET /notifications."""
    for start in range(0, len(notification_ids), settings.PUSH_BATCH_SIZE):
        batch = notification_ids[start : start + settings.PUSH_BATCH_SIZE]
        try:
            push_send_task.apply_async(args=[batch], retry=False)
        except Exception as exc:  # broker down or misconfigured backend in eager mode: never the caller's problem
            log.warning("push_enqueue_failed", error=f"{type(exc).__name__}: {exc}", notification_ids=batch[:20])
            return


# The location log's purge lives beside the log; importing it here registers it with the worker (autodiscovery).
from accounts.location_log import location_log_purge_task  # noqa: E402, F401
