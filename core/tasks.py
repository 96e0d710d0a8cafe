from celery import shared_task


@shared_task(name="core.ping")
def ping(value: str) -> str:
    """Answer with the value sent: proves a worker takes tasks from the broker and returns results."""
    return f"pong:{value}"
