from celery import shared_task


@shared_task(name="core.ping")
def ping(value: str) -> str:
    """Answer with the value sent: proves a worker takes tasks from the broker and returns results."""
    return f"pong:{value}"


# The outbox's tasks live beside its code; importing them here registers them with the worker (autodiscovery).
from core.outbox import outbox_purge_task, outbox_relay_task  # noqa: E402, F401
