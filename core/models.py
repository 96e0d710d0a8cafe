from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxEvent(models.Model):
    """A domain event written in the writer's own transaction, relayed to Celery until a consumer has processed it.

    The row is the truth, the broker only a doorbell: the relay publishes unprocessed events (again, with backoff,
    when a published one is still unprocessed, e.g. lost with a Redis restart), and the consumer marks the event
    processed in the same transaction as its effects, so it is applied exactly once however often it is delivered.
    """

    topic = models.CharField(max_length=100)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    publish_count = models.PositiveIntegerField(default=0)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # The relay's work list stays as small as the backlog, however long processed events are kept.
            models.Index(fields=["id"], condition=Q(processed_at__isnull=True), name="outbox_pending"),
            models.Index(fields=["processed_at"], condition=Q(processed_at__isnull=False), name="outbox_processed"),
        ]

    def __str__(self):
        return f"outbox {self.pk} {self.topic}"
