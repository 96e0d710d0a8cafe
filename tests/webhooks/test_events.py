"""Emission (one round trip, nothing at all without a subscriber) and the consumer that makes messages and deliveries
exactly once."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from checkins.services import checkin_create
from core.models import OutboxEvent
from tests import factories
from tests.webhooks.conftest import endpoint_make
from webhooks.events import (
    WEBHOOK_EVENT_TOPIC,
    webhook_campaign_ended,
    webhook_event_emit,
    webhook_events_emit,
    webhook_message_body,
)
from webhooks.models import EventType, WebhookDelivery, WebhookMessage
from webhooks.tasks import messages_create_task

pytestmark = pytest.mark.django_db

DATA = {"checkin_id": 1, "merchant_id": 1}


def _webhook_rows():
    return OutboxEvent.objects.filter(topic=WEBHOOK_EVENT_TOPIC)


def test_without_a_subscriber_an_event_costs_one_query_no_row_and_no_kick(
    merchant, django_assert_num_queries, django_capture_on_commit_callbacks
):
    endpoint_make(merchant, "http://127.0.0.1:9/", events=[EventType.COUPON_ISSUED])  # another event
    endpoint_make(merchant, "http://127.0.0.1:9/", enabled=False)  # disabled
    endpoint_make(factories.MerchantFactory(), "http://127.0.0.1:9/")  # another merchant
    with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(1):
        webhook_event_emit(merchant_id=merchant.pk, event_type=EventType.CHECKIN_CREATED, data=DATA)
    assert not _webhook_rows().exists()
    assert callbacks == []  # no relay kick: nothing for a broker to do


def test_with_a_subscriber_the_event_is_one_outbox_row_carrying_its_webhook_id_and_time(
    merchant, django_assert_num_queries, django_capture_on_commit_callbacks
):
    endpoint_make(merchant, "http://127.0.0.1:9/", events=[EventType.CHECKIN_CREATED])
    with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(1):
        webhook_event_emit(merchant_id=merchant.pk, event_type=EventType.CHECKIN_CREATED, data=DATA)
    (row,) = _webhook_rows()
    assert row.payload["merchant_id"] == merchant.pk and row.payload["type"] == "checkin.created"
    assert row.payload["message_id"].startswith("msg_") and len(row.payload["message_id"]) == 36
    assert row.payload["data"] == DATA and row.payload["timestamp"]
    assert len(callbacks) == 1  # the relay's kick


def test_only_subscribable_events_can_be_emitted(merchant):
    with pytest.raises(ValueError, match="subscribable"):
        webhook_event_emit(merchant_id=merchant.pk, event_type=EventType.WEBHOOK_TEST, data={})


def _campaign_merchant_user():
    campaign = factories.CampaignFactory()
    return campaign, campaign.merchant, factories.UserFactory()


def test_a_checkin_at_a_merchant_without_endpoints_costs_no_extra_query():
    """The check-in's webhook events ride in the INSERT that writes its outbox event: the same statements whether
    or not anyone subscribed, one outbox INSERT either way, and no webhook row without a subscriber."""
    quiet_campaign, quiet, quiet_user = _campaign_merchant_user()
    busy_campaign, busy, busy_user = _campaign_merchant_user()
    endpoint_make(busy, "http://127.0.0.1:9/")
    counted = {}
    for name, merchant, user in (("quiet", quiet, quiet_user), ("busy", busy, busy_user)):
        with CaptureQueriesContext(connection) as queries:
            result = checkin_create(user=user, merchant_id=merchant.pk, lat=37.4762, lng=126.8680, accuracy_m=10)
        assert len(result.coupons) == 1
        outbox_inserts = [q for q in queries.captured_queries if "INSERT INTO core_outboxevent" in q["sql"]]
        assert len(outbox_inserts) == 1
        counted[name] = len(queries.captured_queries)
    assert counted["quiet"] == counted["busy"]
    rows = _webhook_rows()
    assert sorted(row.payload["type"] for row in rows) == ["checkin.created", "coupon.issued"]
    assert {row.payload["merchant_id"] for row in rows} == {busy.pk}
    assert OutboxEvent.objects.filter(topic="checkin.created").count() == 2  # the feed's events, as before


def _emit_checkin(merchant, data=DATA):
    webhook_event_emit(merchant_id=merchant.pk, event_type=EventType.CHECKIN_CREATED, data=data)
    return _webhook_rows().latest("id")


def test_the_consumer_makes_the_message_and_a_delivery_per_subscribed_enabled_endpoint_once(merchant):
    first = endpoint_make(merchant, "http://127.0.0.1:9/a", events=[EventType.CHECKIN_CREATED])
    second = endpoint_make(merchant, "http://127.0.0.1:9/b")
    event = _emit_checkin(merchant)
    endpoint_make(merchant, "http://127.0.0.1:9/c", enabled=False)
    endpoint_make(merchant, "http://127.0.0.1:9/d", events=[EventType.COUPON_ISSUED])

    assert messages_create_task(event.pk) is True
    assert messages_create_task(event.pk) is False  # delivered twice by the broker: applied once

    message = WebhookMessage.objects.get()
    assert message.message_id == event.payload["message_id"]
    assert (message.merchant_id, message.event_type) == (merchant.pk, "checkin.created")
    assert message.payload == {"type": "checkin.created", "timestamp": event.payload["timestamp"], "data": DATA}
    deliveries = WebhookDelivery.objects.filter(message=message)
    assert {d.endpoint_id for d in deliveries} == {first.pk, second.pk}
    assert all(d.status == "pending" and d.attempts == 0 and d.next_attempt_at is not None for d in deliveries)
    assert OutboxEvent.objects.get(pk=event.pk).processed_at is not None


def test_an_endpoint_unsubscribed_before_the_consumer_ran_gets_nothing(merchant):
    endpoint = endpoint_make(merchant, "http://127.0.0.1:9/")
    event = _emit_checkin(merchant)
    endpoint.delete()
    assert messages_create_task(event.pk) is True
    assert not WebhookMessage.objects.exists()


def test_people_are_named_as_staff_see_them_when_the_message_is_made(merchant):
    endpoint_make(merchant, "http://127.0.0.1:9/")
    named = factories.UserFactory(display_name="민지")
    unnamed = factories.UserFactory(display_name="")
    event = _emit_checkin(merchant, {"user": {"id": named.pk}, "redeemed_by": {"id": unnamed.pk}})
    messages_create_task(event.pk)
    data = WebhookMessage.objects.get().payload["data"]
    assert data["user"] == {"id": named.pk, "display_name": "민지"}
    assert data["redeemed_by"] == {"id": unnamed.pk, "display_name": unnamed.username}


def test_an_event_with_a_dedupe_key_is_announced_once(merchant):
    endpoint_make(merchant, "http://127.0.0.1:9/")
    campaign = factories.CampaignFactory(merchant=merchant)

    def announce(reason):
        webhook_events_emit(
            events=[
                webhook_campaign_ended(
                    campaign_id=campaign.pk,
                    merchant_id=merchant.pk,
                    title=campaign.title,
                    ended_at=campaign.ends_at,
                    reason=reason,
                )
            ]
        )

    announce("ended_by_staff")
    announce("ends_at_reached")  # before the first was consumed: both written, the consumer keeps the first
    for event in _webhook_rows():
        messages_create_task(event.pk)
    announce("ends_at_reached")  # after: not even written
    assert _webhook_rows().count() == 2
    message = WebhookMessage.objects.get()
    assert message.dedupe_key == f"campaign.ended:{campaign.pk}"
    assert message.payload["data"]["reason"] == "ended_by_staff"
    assert WebhookDelivery.objects.filter(message=message).count() == 1


def test_the_body_is_the_same_bytes_every_time_type_first_compact_utf8(merchant):
    endpoint_make(merchant, "http://127.0.0.1:9/")
    event = _emit_checkin(merchant, {"b": 1, "a": {"z": "한글", "y": [1, 2]}})
    messages_create_task(event.pk)
    bodies = {webhook_message_body(WebhookMessage.objects.get().payload) for _ in range(3)}
    (body,) = bodies
    assert body.startswith(b'{"type":"checkin.created","timestamp":"')
    assert body.endswith(b'"data":{"a":{"y":[1,2],"z":"\xed\x95\x9c\xea\xb8\x80"},"b":1}}')
    assert json.loads(body)["data"] == {"a": {"y": [1, 2], "z": "한글"}, "b": 1}


@pytest.mark.django_db
@pytest.mark.parametrize("events", [[], ["webhook.test"], ["checkin.created", "no.such_event"]])
def test_the_database_refuses_an_endpoint_without_subscribable_events(merchant, events):
    from django.db import IntegrityError, transaction

    from webhooks.models import WebhookEndpoint

    with pytest.raises(IntegrityError), transaction.atomic():
        WebhookEndpoint.objects.create(merchant=merchant, url="https://pos.example.com/hook", events=events, secret="s")
