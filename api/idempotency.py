"""`Idempotency-Key` for writes that mobile apps retry: the first answer is stored and replayed, per user, for 24 h.

The record is inserted (in flight) in its own committed transaction before the handler runs, so that a concurrent
retry finds it: the unique (user, key) constraint decides which request runs. The answer (status and body, 2xx or
4xx) is stored when the handler is done; a 5xx or a crash deletes the record, so that a retry runs again.
"""

import functools
import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from api.errors import IdempotencyInFlight, IdempotencyKeyReused
from api.models import IdempotencyRecord
from api.problems import answer_response
from api.schema import problem_example
from core.db import prepared_cursor
from core.errors import ValidationFailed

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
# A record still in flight after this long belongs to a request that died (gunicorn kills a worker after 30 s).
IN_FLIGHT_ABANDONED_AFTER = timedelta(seconds=120)

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    # Printable ASCII; HTTP drops spaces around a header's value, so the key neither starts nor ends with one.
    {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH, "pattern": "^[!-~](?:[ -~]*[!-~])?$"},
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "Optional; 1..255 printable ASCII characters, unique per intended operation (a UUID is ideal). The first "
        "answer given to this key, success or 4xx problem, is stored for 24 hours and replayed (same status and "
        "body, with the header `Idempotent-Replayed: true`) to any retry by the same user with the same body, and "
        "nothing is done again. The same key with a different body is a 422 `idempotency_key_reused`; a retry "
        "while the first request is still running is a 409 `idempotency_in_flight` (retry a little later). Keys "
        "are scoped to the user. A 5xx answer is not stored: a retry runs again."
    ),
)

IDEMPOTENCY_RESPONSES = {
    "409": problem_example(
        409, "idempotency_in_flight", "A request with this Idempotency-Key is still being processed; retry later."
    ),
    "422": problem_example(
        422, "idempotency_key_reused", "This Idempotency-Key was used with a different request body."
    ),
}


def _key_parse(request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not key.isascii() or not key.isprintable():
        message = gettext("1 to %(most)d printable ASCII characters.") % {"most": MAX_KEY_LENGTH}
        raise ValidationFailed(errors={HEADER: [message]})
    return key


def _fingerprint(request) -> str:
    # A body that does not parse raises ParseError here: a 400 that is not stored.
    canonical = json.dumps(request.data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{canonical}".encode()).hexdigest()


# One round trip. The claim needs no fsync of its own: its WAL record precedes the handler's commit, which flushes
# it, and a claim lost in a crash belongs to a request that never committed anything.
_CLAIM_SQL = """
WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
INSERT INTO api_idempotencyrecord (user_id, key, method, path, request_hash, created_at)
SELECT %s, %s, %s, %s, %s, statement_timestamp() FROM async_commit
ON CONFLICT (user_id, key) DO NOTHING
RETURNING id
"""


_ANSWER_SQL = "UPDATE api_idempotencyrecord SET status_code = %s, response_body = %s WHERE id = %s"


def _claim(*, user_id: int, key: str, request, fingerprint: str) -> int | None:
    """Insert the in-flight record (committed at once); None if another request already holds the key."""
    with prepared_cursor() as cursor:
        cursor.execute(_CLAIM_SQL, [user_id, key, request.method, request.path[:255], fingerprint])
        row = cursor.fetchone()
    return row[0] if row else None


def _replay(record: IdempotencyRecord) -> Response:
    # The stored text parses to the same data in the same order, which renders to the bytes first sent.
    body = None if record.response_body is None else json.loads(record.response_body)
    return answer_response(body, record.status_code, {"Idempotent-Replayed": "true"})


def _existing_answer(*, user_id: int, key: str, fingerprint: str) -> Response | None:
    """The stored answer for a key already claimed, a problem, or None when the claim is gone (retry the claim)."""
    record = IdempotencyRecord.objects.filter(user_id=user_id, key=key).first()
    if record is None:
        return None
    now = timezone.now()
    expired = record.created_at <= now - timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS)
    abandoned = record.status_code is None and record.created_at <= now - IN_FLIGHT_ABANDONED_AFTER
    if expired or abandoned:
        IdempotencyRecord.objects.filter(pk=record.pk, created_at=record.created_at).delete()
        return None
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused()
    if record.status_code is None:
        raise IdempotencyInFlight()
    return _replay(record)


class _NotStored(Exception):  # noqa: N818 (control flow, not an error)
    """Rolls the handler's transaction back and carries its (5xx) answer out."""

    def __init__(self, response):
        self.response = response


def idempotent(handler):
    """Decorate an APIView method: honour `Idempotency-Key` for the authenticated caller."""

    @functools.wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = _key_parse(request)
        if key is None:
            return handler(view, request, *args, **kwargs)
        user_id = request.user.pk
        fingerprint = _fingerprint(request)
        record = None
        for _ in range(3):
            record = _claim(user_id=user_id, key=key, request=request, fingerprint=fingerprint)
            if record is not None:
                break
            answer = _existing_answer(user_id=user_id, key=key, fingerprint=fingerprint)
            if answer is not None:
                return answer
        if record is None:
            raise IdempotencyInFlight()
        try:
            # The handler's writes and the stored answer commit together: one commit, and no window in which a
            # check-in exists without the answer a retry would replay.
            with transaction.atomic():
                try:
                    response = handler(view, request, *args, **kwargs)
                except Exception as exc:
                    # Expected errors become their problem answer here, so that a 4xx is stored and replayed too.
                    response = view.handle_exception(exc)
                if response.status_code >= 500 or transaction.get_rollback():
                    raise _NotStored(response)
                body = JSONRenderer().render(response.data).decode() if response.data is not None else None
                with prepared_cursor() as cursor:
                    cursor.execute(_ANSWER_SQL, [response.status_code, body, record])
        except _NotStored as not_stored:
            IdempotencyRecord.objects.filter(pk=record).delete()
            return not_stored.response
        except BaseException:
            IdempotencyRecord.objects.filter(pk=record).delete()
            raise
        return response

    return wrapper


def idempotency_records_purge(*, now=None) -> int:
    """Delete records older than IDEMPOTENCY_TTL_HOURS; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS)
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
