from django.conf import settings
from django.db import models


class IdempotencyRecord(models.Model):
    """The first answer to a retried write (`Idempotency-Key`), kept per user for IDEMPOTENCY_TTL_HOURS."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # Which operation and body the key was first used with: a different one is `idempotency_key_reused`.
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    # Null while the first request is still running (`idempotency_in_flight` for a concurrent retry).
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    # The answer's JSON text exactly as first sent (jsonb would reorder its keys): a replay sends the same bytes.
    response_body = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_user_key_unique")]
