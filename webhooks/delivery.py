"""Sending webhook deliveries: one attempt at a time, signed per Standard Webhooks, retried with backoff, and the
endpoint disabled when it keeps failing.

- An attempt is claimed by a lease (`UPDATE ... SET next_attempt_at = now + lease WHERE status = 'pending' AND due`):
  two workers never send the same attempt, and one that dies mid-attempt leaves the delivery to be tried again when
  the lease runs out. The result is recorded only while the lease is still the one taken (a fence on
  next_attempt_at), so a late worker cannot overwrite a newer attempt's result.
- Each attempt POSTs the message's stored body (the same bytes every time) with `webhook-id` (the message's id, the
  same on every retry and redelivery), `webhook-timestamp` (this attempt's time) and `webhook-signature` (HMAC-SHA256
  over id, timestamp and body with the endpoint's secret, by the `standardwebhooks` library). The URL's name is
  resolved and every address checked (webhooks.addresses) at each attempt, and the connection goes to a checked
  address (Host header and TLS name check on the name): DNS cannot change between check and connect. Redirects are
  not followed (a 3xx is a failure), timeouts are settings, and at most WEBHOOK_RESPONSE_MAX_BYTES of the answer is
  read.
- 2xx: succeeded, and the endpoint's run of failures is reset. Otherwise the attempt is counted, the status code or
  error kept, and the next attempt scheduled by WEBHOOK_RETRY_SCHEDULE_S, or the delivery failed after the last.
  Every failed attempt adds to the endpoint's `consecutive_failures` (and the first sets `failing_since`); once the
  run reaches WEBHOOK_DISABLE_AFTER_FAILURES and has lasted WEBHOOK_DISABLE_AFTER_HOURS (a receiver down for a busy
  lunch hour is retried, not switched off), the endpoint is disabled ("failing") and its pending deliveries are
  failed at once. Pending means "will be sent": a disabled endpoint gets nothing, so enabling it again never
  unleashes a backlog of stale events on a receiver just repaired; the merchant redelivers what they still want (same
  `webhook-id`), one by one.
"""

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

import structlog
import urllib3
from celery import current_app
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone
from standardwebhooks.webhooks import Webhook
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from webhooks.addresses import AddressRefused, Target, webhook_target_resolve
from webhooks.errors import WebhookEndpointDisabled
from webhooks.events import webhook_message_body, webhook_message_id_new
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint, WebhookMessage

log = structlog.get_logger("webhooks.delivery")

DELIVER_TASK = "webhooks.deliver"
USER_AGENT = "checkin-platform-webhooks/1.0"
ENDPOINT_DISABLED = "endpoint disabled"
_LAST_ERROR_MAX = WebhookDelivery._meta.get_field("last_error").max_length or 200


@dataclass(frozen=True)
class Claim:
    """An attempt this worker owns until `lease_until`: the delivery, its endpoint and its message."""

    delivery_id: int
    attempts: int  # before this attempt
    lease_until: datetime
    endpoint_id: int
    url: str
    secrets: tuple[str, ...]  # the secret, and the previous one during its grace after a rotation
    enabled: bool
    message_id: str
    payload: dict


@dataclass(frozen=True)
class Outcome:
    """What an attempt got: the answer's status code, or an error ("timeout", "connection refused", ...)."""

    status_code: int | None = None
    error: str = ""

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def retry_delay(attempts: int) -> timedelta | None:
    """How long after `attempts` failed attempts the next one is due; None when they were the last."""
    schedule = settings.WEBHOOK_RETRY_SCHEDULE_S
    return timedelta(seconds=schedule[attempts]) if attempts < len(schedule) else None


# --- Claim -----------------------------------------------------------------------------------------------------------

# Due (or leased to the caller, by the sweep), still pending: take it for one lease.
_CLAIM_SQL = """
UPDATE webhooks_webhookdelivery d SET next_attempt_at = %(lease_until)s
FROM webhooks_webhookendpoint e, webhooks_webhookmessage m
WHERE d.id = %(id)s AND d.status = 'pending'
  AND (d.next_attempt_at <= %(now)s OR d.next_attempt_at = %(lease)s)
  AND e.id = d.endpoint_id AND m.id = d.message_id
RETURNING d.attempts, e.id, e.url, e.secret,
    CASE WHEN e.previous_secret_until > %(now)s THEN e.previous_secret ELSE '' END, e.enabled, m.message_id, m.payload
"""


def _claim(delivery_id: int, *, now: datetime, lease: datetime | None) -> Claim | None:
    """Take the delivery's next attempt for one lease, or None when it is not due, finished or leased elsewhere."""
    lease_until = now + timedelta(seconds=settings.WEBHOOK_ATTEMPT_LEASE_S)
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM_SQL, {"id": delivery_id, "now": now, "lease": lease, "lease_until": lease_until})
        row = cursor.fetchone()
    if row is None:
        return None
    attempts, endpoint_id, url, secret, previous_secret, enabled, message_id, payload = row
    return Claim(
        delivery_id=delivery_id,
        attempts=attempts,
        lease_until=lease_until,
        endpoint_id=endpoint_id,
        url=url,
        secrets=(secret, previous_secret) if previous_secret else (secret,),
        enabled=enabled,
        message_id=message_id,
        payload=json.loads(payload) if isinstance(payload, str) else payload,
    )


# --- Send ------------------------------------------------------------------------------------------------------------


def webhook_headers(*, message_id: str, secrets: tuple[str, ...], body: bytes, at: datetime) -> dict[str, str]:
    """The Standard Webhooks headers of one attempt made at `at` (a signature covers id, timestamp and body): one
    signature per secret, space-separated, so a receiver holding either secret verifies it."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(math.floor(at.timestamp())),
        "webhook-signature": " ".join(Webhook(secret).sign(message_id, at, body) for secret in secrets),
    }


def _pool(target: Target, address: str) -> urllib3.HTTPConnectionPool:
    """A one-connection pool to a checked address; for https the certificate is checked against the URL's name."""
    timeout = urllib3.Timeout(
        total=settings.WEBHOOK_TIMEOUT_S, connect=settings.WEBHOOK_CONNECT_TIMEOUT_S, read=settings.WEBHOOK_TIMEOUT_S
    )
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=timeout,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            ca_certs=settings.WEBHOOK_CA_BUNDLE or None,
            server_hostname=target.host,
            assert_hostname=target.host,
        )
    return urllib3.HTTPConnectionPool(address, target.port, timeout=timeout, retries=False)


def _error_name(error: Exception) -> str:
    """A short, stable description of why an attempt got no answer."""
    if isinstance(error, NewConnectionError):  # (a subclass of ConnectTimeoutError, so first)
        refused = isinstance(error.__cause__ or error.__context__, ConnectionRefusedError)
        return "connection refused" if refused else "connection failed"
    if isinstance(error, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
        return "timeout"
    if isinstance(error, SSLError):
        return "tls error"
    if isinstance(error, ProtocolError):
        return "connection closed"
    return f"error: {type(error).__name__}"


def _send(claim: Claim, *, at: datetime) -> Outcome:
    """POST the message's body to the endpoint once; never raises."""
    try:
        target = webhook_target_resolve(claim.url)
    except AddressRefused as refused:
        return Outcome(error=refused.reason)
    body = webhook_message_body(claim.payload)
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **webhook_headers(message_id=claim.message_id, secrets=claim.secrets, body=body, at=at),
    }
    outcome = Outcome(error="name not resolved")
    for address in target.addresses:
        outcome = _post(target, address, body=body, headers=headers)
        if outcome.error not in _NEXT_ADDRESS_ERRORS:
            break  # an answer, or a failure after connecting: the next address would be a second send
    return outcome


# Nothing was sent to this address (it refused or could not be reached): the name's next address may take it.
_NEXT_ADDRESS_ERRORS = ("connection refused", "connection failed")


def _post(target: Target, address: str, *, body: bytes, headers: dict[str, str]) -> Outcome:
    """One POST to one checked address; never raises."""
    try:
        with _pool(target, address) as pool:
            response = pool.urlopen(
                "POST",
                target.path,
                body=body,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
            try:
                response.read(settings.WEBHOOK_RESPONSE_MAX_BYTES)  # a little of the answer, the rest is dropped
            except (HTTPError, OSError):
                pass  # the status is the answer; a body cut short changes nothing
            finally:
                response.close()
            return Outcome(status_code=response.status)
    except (HTTPError, OSError) as error:
        return Outcome(error=_error_name(error))


# --- Record ----------------------------------------------------------------------------------------------------------

# The endpoint's run of failures grows; at the limit it is disabled (the row is locked first: every transaction here
# takes the endpoint before its deliveries, as deleting an endpoint does, so none of them deadlock).
_DISABLE_NOW = (
    "e.enabled AND e.consecutive_failures + 1 >= %(limit)s"
    " AND COALESCE(e.failing_since, %(now)s) <= %(now)s - make_interval(secs => %(period)s)"
)
_ENDPOINT_FAILURE_SQL = f"""
WITH before AS (SELECT id, enabled FROM webhooks_webhookendpoint WHERE id = %(id)s FOR NO KEY UPDATE)
UPDATE webhooks_webhookendpoint e SET
    consecutive_failures = e.consecutive_failures + 1,
    failing_since = COALESCE(e.failing_since, %(now)s),
    enabled = e.enabled AND NOT ({_DISABLE_NOW}),
    disabled_reason = CASE WHEN {_DISABLE_NOW} THEN 'failing' ELSE e.disabled_reason END,
    disabled_at = CASE WHEN {_DISABLE_NOW} THEN %(now)s ELSE e.disabled_at END,
    updated_at = CASE WHEN {_DISABLE_NOW} THEN %(now)s ELSE e.updated_at END
FROM before WHERE e.id = before.id
RETURNING before.enabled AND NOT e.enabled
"""
_ENDPOINT_SUCCESS_SQL = (
    "UPDATE webhooks_webhookendpoint SET consecutive_failures = 0, failing_since = NULL"
    " WHERE id = %s AND consecutive_failures <> 0"
)
# The result of the attempt this worker leased, only while that lease stands (not re-leased, redelivered, finished).
_DELIVERY_RESULT_SQL = """
UPDATE webhooks_webhookdelivery SET status = %(status)s, attempts = attempts + 1, last_status_code = %(code)s,
    last_error = %(error)s, last_attempt_at = %(at)s, next_attempt_at = %(next)s
WHERE id = %(id)s AND status = 'pending' AND next_attempt_at = %(lease_until)s
"""
# Nothing more goes to a disabled endpoint: its pending deliveries fail (a delivery never tried says why).
_PENDING_FAIL_SQL = f"""
UPDATE webhooks_webhookdelivery SET status = 'failed', next_attempt_at = NULL,
    last_error = CASE WHEN last_error = '' AND last_status_code IS NULL THEN '{ENDPOINT_DISABLED}' ELSE last_error END
WHERE endpoint_id = %(endpoint)s AND status = 'pending' {{only}}
"""


def _record(claim: Claim, outcome: Outcome, *, at: datetime) -> str | None:
    """Write the attempt's result (and the endpoint's run of failures); the delivery's status after it, None when
    the lease was no longer this attempt's."""
    attempts = claim.attempts + 1
    delay = None if outcome.succeeded else retry_delay(attempts)
    if outcome.succeeded:
        status = WebhookDelivery.Status.SUCCEEDED
    else:
        status = WebhookDelivery.Status.PENDING if delay is not None else WebhookDelivery.Status.FAILED
    with transaction.atomic(), connection.cursor() as cursor:
        # The endpoint first (it answered, or did not, whoever records the delivery).
        disabled_now = False
        if outcome.succeeded:
            cursor.execute(_ENDPOINT_SUCCESS_SQL, [claim.endpoint_id])
        else:
            cursor.execute(
                _ENDPOINT_FAILURE_SQL,
                {
                    "id": claim.endpoint_id,
                    "limit": settings.WEBHOOK_DISABLE_AFTER_FAILURES,
                    "period": settings.WEBHOOK_DISABLE_AFTER_HOURS * 3600,
                    "now": at,
                },
            )
            row = cursor.fetchone()
            disabled_now = bool(row and row[0])
        cursor.execute(
            _DELIVERY_RESULT_SQL,
            {
                "status": status,
                "code": outcome.status_code,
                "error": outcome.error[:_LAST_ERROR_MAX],
                "at": at,
                "next": at + delay if delay is not None else None,
                "id": claim.delivery_id,
                "lease_until": claim.lease_until,
            },
        )
        recorded = cursor.rowcount == 1
        if disabled_now:
            cursor.execute(_PENDING_FAIL_SQL.format(only=""), {"endpoint": claim.endpoint_id})
    log.info(
        "webhook_attempt",
        delivery_id=claim.delivery_id,
        endpoint_id=claim.endpoint_id,
        webhook_id=claim.message_id,
        attempt=attempts,
        status_code=outcome.status_code,
        error=outcome.error or None,
        # Not recorded: the lease was taken over (it ran out, or the delivery was redelivered) meanwhile.
        result=status if recorded else "superseded",
        endpoint_disabled=disabled_now or None,
    )
    if disabled_now:
        log.warning("webhook_endpoint_disabled", endpoint_id=claim.endpoint_id, reason="failing")
    return status if recorded else None


def _disabled_fail(claim: Claim) -> str:
    """The endpoint was disabled before this delivery's turn: it fails without an attempt."""
    with connection.cursor() as cursor:
        cursor.execute(
            _PENDING_FAIL_SQL.format(only="AND id = %(id)s AND next_attempt_at = %(lease_until)s"),
            {"endpoint": claim.endpoint_id, "id": claim.delivery_id, "lease_until": claim.lease_until},
        )
    return WebhookDelivery.Status.FAILED


def webhook_delivery_attempt(*, delivery_id: int, lease_until: datetime | None = None) -> str | None:
    """Make the delivery's next attempt if it is due (or leased to the caller as `lease_until`, by the sweep): its
    status after the attempt, or None when there was nothing to do (not due, leased elsewhere, finished)."""
    at = timezone.now()
    claim = _claim(delivery_id, now=at, lease=lease_until)
    if claim is None:
        return None
    if not claim.enabled:
        return _disabled_fail(claim)
    return _record(claim, _send(claim, at=at), at=at)


# --- Kicks, the sweep ------------------------------------------------------------------------------------------------


def webhook_deliveries_kick(delivery_ids: Iterable[int], *, lease_until: datetime | None = None) -> list[int]:
    """Ask workers to attempt these deliveries now; the ids whose task was published. Never raises: with the broker
    down the rest wait for the sweep."""
    kicked = []
    for delivery_id in delivery_ids:
        kwargs = {"delivery_id": delivery_id, "lease_until": lease_until.isoformat() if lease_until else None}
        try:
            current_app.signature(DELIVER_TASK, kwargs=kwargs).apply_async(retry=False, ignore_result=True)
        except Exception as exc:  # any broker failure: the delivery is safe in its table
            log.warning("webhook_kick_failed", delivery_id=delivery_id, error=f"{type(exc).__name__}: {exc}")
            break
        kicked.append(delivery_id)
    return kicked


# Due pending deliveries, leased to the sweep's kicks (so the next sweep does not kick them again while they wait in
# the queue; a kick that was lost is kicked again when its lease runs out).
_SWEEP_SQL = """
UPDATE webhooks_webhookdelivery SET next_attempt_at = %(lease_until)s
WHERE id IN (
    SELECT id FROM webhooks_webhookdelivery
    WHERE status = 'pending' AND next_attempt_at <= %(now)s
    ORDER BY next_attempt_at LIMIT %(batch)s
    FOR UPDATE SKIP LOCKED
)
RETURNING id
"""
_SWEEP_RELEASE_SQL = """
UPDATE webhooks_webhookdelivery SET next_attempt_at = %(now)s
WHERE id = ANY(%(ids)s) AND status = 'pending' AND next_attempt_at = %(lease_until)s
"""


def webhook_deliveries_sweep(*, batch_size: int | None = None) -> int:
    """Kick the deliveries that are due (a first attempt whose kick was lost, a retry whose backoff passed): how many
    were kicked. Those it could not publish are due again at once."""
    now = timezone.now()
    lease_until = now + timedelta(seconds=settings.WEBHOOK_ATTEMPT_LEASE_S)
    batch = batch_size or settings.WEBHOOK_SWEEP_BATCH_SIZE
    with connection.cursor() as cursor:
        cursor.execute(_SWEEP_SQL, {"now": now, "lease_until": lease_until, "batch": batch})
        due = sorted(row[0] for row in cursor.fetchall())
    kicked = webhook_deliveries_kick(due, lease_until=lease_until)
    unkicked = sorted(set(due) - set(kicked))
    if unkicked:
        with connection.cursor() as cursor:
            cursor.execute(_SWEEP_RELEASE_SQL, {"now": now, "ids": unkicked, "lease_until": lease_until})
    return len(kicked)


# --- Asked for by people: a test event, a redelivery -----------------------------------------------------------------


def _enabled_require(endpoint_id: int) -> None:
    if not WebhookEndpoint.objects.filter(pk=endpoint_id, enabled=True).exists():
        raise WebhookEndpointDisabled()


def webhook_test_send(*, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """Send the endpoint (only it) a `webhook.test` event now: its pending delivery, kicked after the commit.
    WebhookEndpointDisabled for a disabled endpoint."""
    _enabled_require(endpoint.pk)
    now = timezone.now()
    body = {
        "type": EventType.WEBHOOK_TEST.value,
        "timestamp": DjangoJSONEncoder().default(now),
        "data": {"endpoint_id": endpoint.pk, "merchant_id": endpoint.merchant_id},
    }
    with transaction.atomic():
        message = WebhookMessage.objects.create(
            merchant_id=endpoint.merchant_id,
            event_type=EventType.WEBHOOK_TEST,
            message_id=webhook_message_id_new(),
            payload=body,
            created_at=now,
        )
        delivery = WebhookDelivery.objects.create(
            endpoint_id=endpoint.pk,
            message=message,
            status=WebhookDelivery.Status.PENDING,
            attempts=0,
            last_error="",
            next_attempt_at=now,
            created_at=now,
        )
        transaction.on_commit(partial(webhook_deliveries_kick, [delivery.pk]))
    return delivery


def webhook_delivery_redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery again now: pending and due at once, the same message under the same `webhook-id`, its
    attempts kept (so a delivery that had used up its schedule gets this one attempt). WebhookEndpointDisabled for a
    disabled endpoint."""
    _enabled_require(delivery.endpoint_id)
    now = timezone.now()
    with transaction.atomic():
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=WebhookDelivery.Status.PENDING, next_attempt_at=now
        )
        transaction.on_commit(partial(webhook_deliveries_kick, [delivery.pk]))
    delivery.status, delivery.next_attempt_at = WebhookDelivery.Status.PENDING, now
    return delivery


# --- Retention -------------------------------------------------------------------------------------------------------

_PURGE_DELIVERIES_SQL = """
DELETE FROM webhooks_webhookdelivery WHERE id IN (
    SELECT id FROM webhooks_webhookdelivery
    WHERE status <> 'pending' AND coalesce(last_attempt_at, created_at) < %(cutoff)s
    LIMIT %(batch)s
)
"""
_PURGE_MESSAGES_SQL = """
DELETE FROM webhooks_webhookmessage WHERE id IN (
    SELECT m.id FROM webhooks_webhookmessage m
    WHERE m.created_at < %(cutoff)s
      AND NOT EXISTS (SELECT 1 FROM webhooks_webhookdelivery d WHERE d.message_id = m.id)
    LIMIT %(batch)s
)
"""


def webhook_messages_purge(*, now: datetime | None = None, batch: int = 5000) -> int:
    """Delete finished deliveries (succeeded, failed) last tried more than WEBHOOK_KEEP_DAYS ago, then the messages
    left without any delivery; pending ones are never deleted. Returns how many rows went, in small batches."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.WEBHOOK_KEEP_DAYS)
    total = 0
    for sql in (_PURGE_DELIVERIES_SQL, _PURGE_MESSAGES_SQL):
        while True:
            with connection.cursor() as cursor:
                cursor.execute(sql, {"cutoff": cutoff, "batch": batch})
                count = cursor.rowcount
            total += count
            if count < batch:
                break
    return total
