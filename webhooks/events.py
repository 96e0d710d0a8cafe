"""Webhook events: what each event's `data` holds (the one home of that contract), how an event leaves the writer's
transaction, and how it becomes a message with one delivery per subscribed endpoint.

1. The writer (a check-in, a redemption, ...) builds the event with one of the `webhook_<event>` functions below and
   writes it with `webhook_events_emit` (or `webhook_event_emit`) inside its own transaction, or adds it to the
   statement that writes its other outbox events (core.outbox.outbox_events_write). The outbox row is written only
   when an enabled endpoint of the merchant subscribes to that event, decided in the INSERT itself: a merchant with
   no subscriber costs no row, no relay kick, no broker call, no Python loop over endpoints.
2. The relay hands the row to `webhooks.messages_create` (webhooks/tasks.py), which runs `webhook_message_create`
   exactly once (core.outbox.outbox_event_consume): the message (its `webhook-id` made when the event happened, its
   body fixed from then on) and a pending delivery for each endpoint subscribed at that moment, then kicks delivery.

Data never carries a user's coordinates; ids are integers and times ISO 8601. People are named as the API names them
to staff (the display name, else the username): the writer passes their ids, and the consumer reads the names once
when it makes the message, so the hot path needs no name it has not loaded.
"""

import json
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone

from accounts.models import User
from core.outbox import OutboxWrite, outbox_events_write
from webhooks.models import SUBSCRIBABLE_EVENTS, EventType

WEBHOOK_EVENT_TOPIC = "webhook.event"
# Members of `data` that name a person: {"id": ...} from the writer, {"id", "display_name"} in the message.
PERSON_KEYS = ("user", "redeemed_by", "voided_by")

# An enabled endpoint of the merchant subscribes to the event: one probe of webhook_endpoint_enabled_idx.
_SUBSCRIBED_SQL = (
    "EXISTS (SELECT 1 FROM webhooks_webhookendpoint e WHERE e.merchant_id = %s AND e.enabled AND %s = ANY(e.events))"
)
# An event announced once (dedupe_key) is not written again once its message exists (the consumer's ON CONFLICT
# covers the moment in between).
_NOT_YET_SQL = "NOT EXISTS (SELECT 1 FROM webhooks_webhookmessage m WHERE m.dedupe_key = %s)"


def webhook_message_id_new() -> str:
    """A `webhook-id`: "msg_" and 128 random bits in hex, made once per event."""
    return "msg_" + secrets.token_hex(16)


def webhook_event(
    *, merchant_id: int, event_type: str, data: dict, dedupe_key: str | None = None, at: datetime | None = None
) -> OutboxWrite:
    """One event as an outbox row that is written only where an enabled endpoint of the merchant subscribes to it.

    `at` (default now) is the body's `timestamp`, the moment the event happened."""
    if event_type not in SUBSCRIBABLE_EVENTS:
        raise ValueError(f"not a subscribable webhook event: {event_type!r}")
    condition, params = _SUBSCRIBED_SQL, [merchant_id, event_type]
    if dedupe_key is not None:
        condition, params = f"{condition} AND {_NOT_YET_SQL}", [*params, dedupe_key]
    payload = {
        "merchant_id": merchant_id,
        "message_id": webhook_message_id_new(),
        "type": event_type,
        "timestamp": at or timezone.now(),
        "data": data,
        "dedupe_key": dedupe_key,
    }
    return OutboxWrite(topic=WEBHOOK_EVENT_TOPIC, payload=payload, condition=condition, params=tuple(params))


def webhook_events_emit(*, events: Sequence[OutboxWrite]) -> int:
    """Write events (webhook_event or the builders below) in the caller's transaction, in one statement; how many
    had a subscriber."""
    return outbox_events_write(events=events)


def webhook_event_emit(
    *, merchant_id: int, event_type: str, data: dict, dedupe_key: str | None = None, at: datetime | None = None
) -> None:
    """Emit one event in the caller's transaction: one round trip, and nothing else when no enabled endpoint of the
    merchant subscribes to it."""
    webhook_events_emit(
        events=[webhook_event(merchant_id=merchant_id, event_type=event_type, data=data, dedupe_key=dedupe_key, at=at)]
    )


# --- The events (API.md, "Wave 2: webhooks"): each one's data, written once ---------------------------------------


def webhook_checkin_created(
    *, checkin_id: int, merchant_id: int, user_id: int, created_at: datetime, visibility: str, coupon_ids: list[int]
) -> OutboxWrite:
    """checkin.created: who checked in where and when, its visibility and the coupons it earned (no coordinates)."""
    data = {
        "checkin_id": checkin_id,
        "merchant_id": merchant_id,
        "user": {"id": user_id},
        "created_at": created_at,
        "visibility": visibility,
        "coupon_ids": coupon_ids,
    }
    return webhook_event(merchant_id=merchant_id, event_type=EventType.CHECKIN_CREATED, data=data, at=created_at)


def webhook_coupon_issued(
    *,
    coupon_id: int,
    code: str,
    campaign_id: int,
    merchant_id: int,
    user_id: int,
    issued_at: datetime,
    expires_at: datetime,
) -> OutboxWrite:
    """coupon.issued. The code is included: the QR code a customer shows holds exactly it, so a POS needs it to
    recognise the coupon, and only this merchant's own staff can redeem it (its redemption list shows it too)."""
    data = {
        "coupon_id": coupon_id,
        "code": code,
        "campaign_id": campaign_id,
        "merchant_id": merchant_id,
        "user": {"id": user_id},
        "issued_at": issued_at,
        "expires_at": expires_at,
    }
    return webhook_event(merchant_id=merchant_id, event_type=EventType.COUPON_ISSUED, data=data, at=issued_at)


def webhook_coupon_redeemed(
    *,
    coupon_id: int,
    code: str,
    campaign_id: int,
    merchant_id: int,
    redemption_id: int,
    redeemed_at: datetime,
    redeemed_by_id: int,
) -> OutboxWrite:
    """coupon.redeemed: which coupon, at which redemption, when and by which member of staff."""
    data = {
        "coupon_id": coupon_id,
        "code": code,
        "campaign_id": campaign_id,
        "merchant_id": merchant_id,
        "redemption_id": redemption_id,
        "redeemed_at": redeemed_at,
        "redeemed_by": {"id": redeemed_by_id},
    }
    return webhook_event(merchant_id=merchant_id, event_type=EventType.COUPON_REDEEMED, data=data, at=redeemed_at)


def webhook_coupon_voided(
    *, coupon_id: int, merchant_id: int, redemption_id: int, voided_at: datetime, voided_by_id: int
) -> OutboxWrite:
    """coupon.voided: a redemption taken back (the coupon is active again), when and by whom."""
    data = {
        "coupon_id": coupon_id,
        "merchant_id": merchant_id,
        "redemption_id": redemption_id,
        "voided_at": voided_at,
        "voided_by": {"id": voided_by_id},
    }
    return webhook_event(merchant_id=merchant_id, event_type=EventType.COUPON_VOIDED, data=data, at=voided_at)


def webhook_campaign_sold_out(
    *, campaign_id: int, merchant_id: int, title: str, total_stock: int, at: datetime
) -> OutboxWrite:
    """campaign.sold_out: the last coupon of the stock was issued. Once per stock level: a stock raised later can
    sell out again and is announced again."""
    data = {
        "campaign_id": campaign_id,
        "merchant_id": merchant_id,
        "title": title,
        "total_stock": total_stock,
        "at": at,
    }
    return webhook_event(
        merchant_id=merchant_id,
        event_type=EventType.CAMPAIGN_SOLD_OUT,
        data=data,
        dedupe_key=f"campaign.sold_out:{campaign_id}:{total_stock}",
        at=at,
    )


CAMPAIGN_ENDED_REASONS = ("ended_by_staff", "ends_at_reached")


def webhook_campaign_ended(
    *, campaign_id: int, merchant_id: int, title: str, ended_at: datetime, reason: str
) -> OutboxWrite:
    """campaign.ended, announced once whichever way it ended first (ended by staff, or its ends_at reached)."""
    if reason not in CAMPAIGN_ENDED_REASONS:
        raise ValueError(f"not a reason a campaign ends: {reason!r}")
    data = {
        "campaign_id": campaign_id,
        "merchant_id": merchant_id,
        "title": title,
        "ended_at": ended_at,
        "reason": reason,
    }
    return webhook_event(
        merchant_id=merchant_id,
        event_type=EventType.CAMPAIGN_ENDED,
        data=data,
        dedupe_key=f"campaign.ended:{campaign_id}",
        at=ended_at,
    )


# --- The consumer: the message and its deliveries ---------------------------------------------------------------

# The message, only while an endpoint still subscribes (a second delivery of the event, or a second announcement of
# a deduplicated one, inserts nothing), and one pending delivery per enabled endpoint subscribed now, due at once.
_MESSAGE_CREATE_SQL = f"""
WITH message AS (
    INSERT INTO webhooks_webhookmessage (merchant_id, event_type, message_id, payload, dedupe_key, created_at)
    SELECT %(merchant)s, %(type)s, %(message_id)s, %(payload)s::jsonb, %(dedupe_key)s, %(now)s
    WHERE {_SUBSCRIBED_SQL % ("%(merchant)s", "%(type)s")}
    ON CONFLICT DO NOTHING
    RETURNING id
)
INSERT INTO webhooks_webhookdelivery (endpoint_id, message_id, next_attempt_at, created_at)
SELECT e.id, message.id, %(due)s, %(now)s
FROM message JOIN webhooks_webhookendpoint e
  ON e.merchant_id = %(merchant)s AND e.enabled AND %(type)s = ANY(e.events)
ORDER BY e.id
RETURNING id
"""


def _people_named(data: dict) -> dict:
    """The data with each person ({"id": ...}) named as staff see them: display name, else username (one query)."""
    ids = {data[key]["id"] for key in PERSON_KEYS if isinstance(data.get(key), dict)}
    if not ids:
        return data
    names = {
        pk: display_name or username
        for pk, display_name, username in User.objects.filter(pk__in=ids).values_list("id", "display_name", "username")
    }
    named = dict(data)
    for key in PERSON_KEYS:
        if isinstance(data.get(key), dict):
            person_id = data[key]["id"]
            named[key] = {"id": person_id, "display_name": names.get(person_id)}
    return named


def webhook_message_create(payload: dict) -> list[int]:
    """Apply one `webhook.event` outbox payload (inside outbox_event_consume): the message and its deliveries; the
    ids of the deliveries made (none when nobody subscribes any more, or the event was announced before)."""
    body = {"type": payload["type"], "timestamp": payload["timestamp"], "data": _people_named(payload["data"])}
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            _MESSAGE_CREATE_SQL,
            {
                "merchant": payload["merchant_id"],
                "type": payload["type"],
                "message_id": payload["message_id"],
                "payload": json.dumps(body, cls=DjangoJSONEncoder),
                "dedupe_key": payload.get("dedupe_key"),
                "now": now,
                "due": now + timedelta(seconds=settings.WEBHOOK_RETRY_SCHEDULE_S[0]),
            },
        )
        return [row[0] for row in cursor.fetchall()]


def webhook_message_body(payload: dict[str, Any]) -> bytes:
    """The bytes sent for a message, the same on every attempt: `type`, `timestamp`, `data` in that order, the data's
    keys sorted, compact, UTF-8."""
    parts = [f'"{key}":{json.dumps(payload[key], ensure_ascii=False, sort_keys=True)}' for key in ("type", "timestamp")]
    parts.append(f'"data":{json.dumps(payload["data"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))}')
    return ("{" + ",".join(parts) + "}").encode()
