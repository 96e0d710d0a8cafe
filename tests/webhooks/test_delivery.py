"""Attempts against a real HTTP receiver on loopback: signed per Standard Webhooks (checked with its library),
retried on the schedule under the same webhook-id, redelivered, the endpoint disabled when it keeps failing, the
address guard at the moment of connecting, and one attempt never sent twice by parallel workers."""

import base64
import json
import shutil
import subprocess
import threading
from datetime import datetime, timedelta

import pytest
import redis as redis_client
from django.db import connection
from django.utils import timezone
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from config.celery import app
from core.models import OutboxEvent
from tests import factories
from tests.brokers import RedisServer, celery_app_point_at, free_port
from tests.webhooks.conftest import SECRET, endpoint_make
from tests.webhooks.receiver import Receiver
from webhooks.delivery import (
    ENDPOINT_DISABLED,
    USER_AGENT,
    retry_delay,
    webhook_deliveries_sweep,
    webhook_delivery_attempt,
    webhook_delivery_redeliver,
    webhook_messages_purge,
    webhook_test_send,
)
from webhooks.errors import WebhookEndpointDisabled
from webhooks.events import webhook_event_emit
from webhooks.models import EventType, WebhookDelivery, WebhookEndpoint, WebhookMessage
from webhooks.services import webhook_endpoint_secret_rotate
from webhooks.tasks import messages_create_task

DATA = {"checkin_id": 7, "merchant_id": 1, "user": {"id": 1}}


def _delivery_for(merchant, data=DATA) -> WebhookDelivery:
    """Emit a checkin.created event and consume it: the delivery it made (the merchant has one endpoint)."""
    webhook_event_emit(merchant_id=merchant.pk, event_type=EventType.CHECKIN_CREATED, data=data)
    messages_create_task(OutboxEvent.objects.filter(topic="webhook.event").latest("id").pk)
    return WebhookDelivery.objects.select_related("message").latest("id")


def _due_now(delivery: WebhookDelivery) -> None:
    """Time passes: the next attempt is due."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def _attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    webhook_delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    return delivery


@pytest.mark.django_db
def test_an_attempt_posts_the_stored_body_signed_per_standard_webhooks(merchant, receiver):
    endpoint_make(merchant, receiver.url)
    delivery = _attempt(_delivery_for(merchant))

    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)
    assert delivery.next_attempt_at is None and delivery.last_attempt_at is not None
    (request,) = receiver.requests
    assert request.path == "/hooks/in"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == USER_AGENT
    assert request.headers["host"] == f"127.0.0.1:{receiver.port}"
    assert request.webhook_id == delivery.message.message_id
    assert request.headers["webhook-signature"].startswith("v1,")
    body = Webhook(SECRET).verify(request.body, request.headers)
    assert body["type"] == "checkin.created" and body["data"]["checkin_id"] == 7
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 44).verify(request.body, request.headers)  # another secret
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(request.body.replace(b"7", b"8"), request.headers)  # another body


@pytest.mark.django_db
def test_after_a_500_it_is_retried_on_schedule_with_the_same_webhook_id_and_bytes_until_it_succeeds(merchant, receiver):
    endpoint = endpoint_make(merchant, receiver.url)
    receiver.answer(500, 503, 200)
    delivery = _attempt(_delivery_for(merchant))
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert delivery.next_attempt_at - delivery.last_attempt_at == timedelta(seconds=5)
    assert _attempt(delivery).attempts == 1  # not due yet: nothing sent
    assert len(receiver.requests) == 1

    _due_now(delivery)
    delivery = _attempt(delivery)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 2, 503)
    assert delivery.next_attempt_at - delivery.last_attempt_at == timedelta(minutes=5)
    _due_now(delivery)
    delivery = _attempt(delivery)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 3, 200)

    assert len({r.webhook_id for r in receiver.requests}) == 1
    assert len({r.body for r in receiver.requests}) == 1
    assert len(receiver.verified(SECRET)) == 3  # each attempt signed for its own timestamp
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0  # reset by the success


def test_the_schedule_spans_more_than_a_day_then_the_delivery_fails(settings):
    delays = [retry_delay(n) for n in range(len(settings.WEBHOOK_RETRY_SCHEDULE_S) + 1)]
    assert delays[-1] is None
    assert delays[0] == timedelta(0) and delays[1] == timedelta(seconds=5)
    assert sum(delays[:-1], timedelta()) > timedelta(days=1)


@pytest.mark.django_db
def test_a_receiver_that_keeps_failing_gets_every_scheduled_attempt_and_then_the_delivery_fails(
    merchant, receiver, settings
):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 100
    receiver.answer(500)
    endpoint_make(merchant, receiver.url)
    delivery = _delivery_for(merchant)
    waits = []
    for _ in range(len(settings.WEBHOOK_RETRY_SCHEDULE_S)):
        _due_now(delivery)
        delivery = _attempt(delivery)
        if delivery.next_attempt_at:
            waits.append((delivery.next_attempt_at - delivery.last_attempt_at).total_seconds())
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 8, None)
    assert waits == settings.WEBHOOK_RETRY_SCHEDULE_S[1:]
    assert sum(waits) > 24 * 3600
    assert len(receiver.requests) == 8
    _due_now(delivery)
    assert webhook_delivery_attempt(delivery_id=delivery.pk) is None  # failed is final (short of a redelivery)
    assert len(receiver.requests) == 8


@pytest.mark.django_db
def test_a_redirect_is_a_failure_and_is_not_followed(merchant, receiver):
    endpoint_make(merchant, receiver.url)
    receiver.answer(302)
    delivery = _attempt(_delivery_for(merchant))
    assert (delivery.status, delivery.last_status_code) == ("pending", 302)
    assert [r.path for r in receiver.requests] == ["/hooks/in"]


@pytest.mark.django_db
def test_no_answer_in_time_is_a_timeout_and_a_closed_port_is_connection_refused(merchant, settings):
    settings.WEBHOOK_TIMEOUT_S = 0.5
    with Receiver(delay_s=2.0) as slow:
        endpoint_make(merchant, slow.url)
        delivery = _attempt(_delivery_for(merchant))
    assert (delivery.status, delivery.last_error, delivery.last_status_code) == ("pending", "timeout", None)

    WebhookEndpoint.objects.all().delete()
    endpoint_make(merchant, f"http://127.0.0.1:{free_port()}/")
    delivery = _attempt(_delivery_for(merchant))
    assert (delivery.status, delivery.last_error) == ("pending", "connection refused")


@pytest.mark.django_db
def test_a_redelivery_sends_the_same_message_again_now(merchant, receiver):
    endpoint = endpoint_make(merchant, receiver.url)
    delivery = _attempt(_delivery_for(merchant))
    assert delivery.status == "succeeded"

    again = webhook_delivery_redeliver(delivery=delivery)
    assert again.status == "pending"
    delivery = _attempt(delivery)
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)  # attempts kept, one more
    first, second = receiver.requests
    assert first.webhook_id == second.webhook_id and first.body == second.body
    assert len(receiver.verified(SECRET)) == 2
    assert WebhookMessage.objects.count() == 1

    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(enabled=False, disabled_reason="by_user")
    with pytest.raises(WebhookEndpointDisabled) as refused:
        webhook_delivery_redeliver(delivery=delivery)
    assert refused.value.code == "webhook_endpoint_disabled"


@pytest.mark.django_db
def test_a_redelivery_of_a_delivery_that_used_up_its_schedule_gets_one_more_attempt(merchant, receiver, settings):
    settings.WEBHOOK_RETRY_SCHEDULE_S = [0, 1]
    endpoint_make(merchant, receiver.url)
    receiver.answer(500)
    delivery = _attempt(_delivery_for(merchant))
    _due_now(delivery)
    delivery = _attempt(delivery)
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    webhook_delivery_redeliver(delivery=delivery)
    delivery = _attempt(delivery)
    assert (delivery.status, delivery.attempts, len(receiver.requests)) == ("failed", 3, 3)
    receiver.answer(200)
    webhook_delivery_redeliver(delivery=delivery)
    assert _attempt(delivery).status == "succeeded"


@pytest.mark.django_db
def test_an_endpoint_that_keeps_failing_is_disabled_and_its_pending_deliveries_fail(merchant, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOK_DISABLE_AFTER_HOURS = 0
    endpoint = endpoint_make(merchant, receiver.url)
    receiver.answer(500)
    first, second, third, untried = (_delivery_for(merchant) for _ in range(4))
    _attempt(first)
    _attempt(second)
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.consecutive_failures) == (True, 2)

    _attempt(third)
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.disabled_reason, endpoint.consecutive_failures) == (False, "failing", 3)
    assert endpoint.disabled_at is not None
    statuses = {d.pk: (d.status, d.last_status_code, d.last_error) for d in WebhookDelivery.objects.all()}
    assert statuses[first.pk] == statuses[second.pk] == ("failed", 500, "")  # their own last answer kept
    assert statuses[untried.pk] == ("failed", None, ENDPOINT_DISABLED)
    assert len(receiver.requests) == 3
    assert webhook_delivery_attempt(delivery_id=untried.pk) is None  # nothing more goes out

    with pytest.raises(WebhookEndpointDisabled):
        webhook_test_send(endpoint=endpoint)
    assert len(receiver.requests) == 3


@pytest.mark.django_db
def test_a_success_in_between_resets_the_run_of_failures(merchant, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOK_DISABLE_AFTER_HOURS = 0
    endpoint = endpoint_make(merchant, receiver.url)
    receiver.answer(500, 500, 200, 500, 500)
    for _ in range(5):
        _attempt(_delivery_for(merchant))
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.consecutive_failures) == (True, 2)


@pytest.mark.django_db
def test_a_delivery_of_an_endpoint_disabled_by_its_staff_fails_without_a_request(merchant, receiver):
    endpoint = endpoint_make(merchant, receiver.url)
    delivery = _delivery_for(merchant)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(enabled=False, disabled_reason="by_user")
    delivery = _attempt(delivery)
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("failed", 0, ENDPOINT_DISABLED)
    assert receiver.requests == []


@pytest.mark.django_db
def test_at_delivery_time_a_name_resolving_to_loopback_is_refused_without_a_connection(merchant, receiver, settings):
    # Registered while allowed (or its DNS answer changed since): the guard is checked again at every attempt.
    endpoint_make(merchant, f"http://localhost:{receiver.port}/hooks/in")
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    delivery = _attempt(_delivery_for(merchant))
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("pending", 1, "address not allowed")
    assert receiver.requests == []

    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True  # a local run: the same endpoint is reached by name
    _due_now(delivery)
    assert _attempt(delivery).status == "succeeded"
    assert receiver.requests[0].headers["host"] == f"localhost:{receiver.port}"


@pytest.mark.django_db
def test_a_test_event_goes_to_that_endpoint_only(merchant, receiver, django_capture_on_commit_callbacks):
    endpoint = endpoint_make(merchant, receiver.url)
    with Receiver() as other:
        endpoint_make(merchant, other.url)
        with django_capture_on_commit_callbacks(execute=False) as kicks:
            delivery = webhook_test_send(endpoint=endpoint)
        assert len(kicks) == 1
        assert (delivery.status, delivery.attempts, delivery.endpoint_id) == ("pending", 0, endpoint.pk)
        _attempt(delivery)
        assert other.requests == []
    (body,) = receiver.verified(SECRET)
    assert body["type"] == "webhook.test"
    assert body["data"] == {"endpoint_id": endpoint.pk, "merchant_id": merchant.pk}
    assert receiver.requests[0].webhook_id == delivery.message.message_id


@pytest.mark.django_db
def test_the_sweep_kicks_due_deliveries_whose_kick_was_lost(merchant, receiver, celery_eager):
    endpoint_make(merchant, receiver.url)
    receiver.answer(500, 200)
    due = _delivery_for(merchant)
    later = _attempt(_delivery_for(merchant))  # failed once: its retry is 5 s away
    assert later.status == "pending"
    receiver.requests.clear()

    assert webhook_deliveries_sweep() == 1  # the due one only, attempted by the (eager) deliver task
    assert [r.webhook_id for r in receiver.requests] == [due.message.message_id]
    _due_now(later)
    assert webhook_deliveries_sweep() == 1
    assert {d.status for d in WebhookDelivery.objects.all()} == {"succeeded"}
    assert webhook_deliveries_sweep() == 0


@pytest.mark.django_db
def test_what_a_sweep_could_not_kick_is_due_again_at_once(merchant, receiver, dead_broker):
    endpoint_make(merchant, receiver.url)
    delivery = _delivery_for(merchant)
    assert webhook_deliveries_sweep() == 0
    delivery.refresh_from_db()
    assert delivery.next_attempt_at <= timezone.now()  # not left leased to a kick that never left
    assert _attempt(delivery).status == "succeeded"


@pytest.fixture
def private_broker():
    """A redis-server of this test's own that nobody consumes: what is published stays queued, to be read."""
    redis = RedisServer().start()
    previous = app.conf.broker_url, app.conf.result_backend
    celery_app_point_at(redis.url)

    def queued() -> list[dict]:
        messages = redis_client.Redis(port=redis.port).lrange("celery", 0, -1)
        return [json.loads(base64.b64decode(json.loads(m)["body"]))[1] for m in messages]

    yield queued
    celery_app_point_at(previous[0])
    app.conf.result_backend = previous[1]
    redis.stop()


@pytest.mark.django_db
def test_a_kicked_delivery_is_leased_so_the_next_sweep_does_not_kick_it_again(merchant, receiver, private_broker):
    endpoint_make(merchant, receiver.url)
    delivery = _delivery_for(merchant)
    assert webhook_deliveries_sweep() == 1
    assert webhook_deliveries_sweep() == 0  # its task still waits in the queue: not kicked twice
    (kick,) = private_broker()
    assert kick["delivery_id"] == delivery.pk
    assert webhook_delivery_attempt(delivery_id=delivery.pk) is None  # any other attempt finds it leased
    lease = datetime.fromisoformat(kick["lease_until"])
    assert webhook_delivery_attempt(delivery_id=delivery.pk, lease_until=lease) == "succeeded"
    assert webhook_delivery_attempt(delivery_id=delivery.pk, lease_until=lease) is None  # the same kick twice
    assert len(receiver.requests) == 1


@pytest.mark.django_db
def test_old_finished_deliveries_and_their_messages_are_purged_pending_ones_kept(merchant, receiver, settings):
    endpoint_make(merchant, f"http://127.0.0.1:{free_port()}/")
    old_pending = _delivery_for(merchant)
    old_done = _delivery_for(merchant)
    WebhookDelivery.objects.filter(pk=old_done.pk).update(status="failed", next_attempt_at=None)
    recent_done = _delivery_for(merchant)
    WebhookDelivery.objects.filter(pk=recent_done.pk).update(status="succeeded", next_attempt_at=None)
    long_ago = timezone.now() - timedelta(days=settings.WEBHOOK_KEEP_DAYS + 1)
    WebhookDelivery.objects.filter(pk__in=[old_pending.pk, old_done.pk]).update(created_at=long_ago)
    WebhookMessage.objects.filter(deliveries__in=[old_pending.pk, old_done.pk]).update(created_at=long_ago)

    assert webhook_messages_purge() == 2  # the old finished delivery and its message
    assert set(WebhookDelivery.objects.values_list("pk", flat=True)) == {old_pending.pk, recent_done.pk}
    assert WebhookMessage.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_parallel_workers_never_send_one_attempt_twice(merchant, dead_broker):
    """Workers on their own database connections race for the same due deliveries (the deliver task and the sweep's
    kick, or a message delivered twice by the broker): each attempt reaches the receiver once."""
    with Receiver(delay_s=0.2) as receiver:
        endpoint_make(merchant, receiver.url)
        deliveries = [_delivery_for(merchant) for _ in range(4)]
        workers = 4
        barrier = threading.Barrier(workers)
        outcomes: list = []

        def worker():
            try:
                barrier.wait()
                for delivery in deliveries:
                    outcomes.append(webhook_delivery_attempt(delivery_id=delivery.pk))
            finally:
                connection.close()

        threads = [threading.Thread(target=worker) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(r.webhook_id for r in receiver.requests) == sorted(d.message.message_id for d in deliveries)
    assert outcomes.count("succeeded") == len(deliveries)
    assert outcomes.count(None) == len(deliveries) * (workers - 1)
    assert set(WebhookDelivery.objects.values_list("status", "attempts")) == {("succeeded", 1)}


@pytest.mark.django_db
def test_a_worker_that_died_mid_attempt_is_retried_after_its_lease(merchant, receiver):
    endpoint_make(merchant, receiver.url)
    delivery = _delivery_for(merchant)
    # A worker claimed it (the lease moved next_attempt_at forward) and died before recording anything.
    leased_until = timezone.now() + timedelta(seconds=120)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=leased_until)
    assert webhook_delivery_attempt(delivery_id=delivery.pk) is None
    assert receiver.requests == []
    _due_now(delivery)  # the lease ran out
    assert _attempt(delivery).status == "succeeded"


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A test certificate authority and a certificate it signed for the name `localhost` (openssl's command line)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command")
    folder = tmp_path_factory.mktemp("tls")

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=Webhook test CA")  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=localhost")
    (folder / "leaf.ext").write_text("subjectAltName=DNS:localhost\n")
    openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
            "leaf.pem", "-days", "2", "-extfile", "leaf.ext")  # fmt: skip
    return {"ca": str(folder / "ca.pem"), "tls": (str(folder / "leaf.pem"), str(folder / "leaf.key"))}


@pytest.mark.django_db
def test_https_checks_the_certificate_against_the_urls_name_while_connecting_to_the_checked_address(
    merchant, settings, certificates
):
    with Receiver(tls=certificates["tls"]) as receiver:
        endpoint = endpoint_make(merchant, f"https://localhost:{receiver.port}/hooks/in")

        # Not signed by an authority we trust: refused before anything is sent.
        delivery = _attempt(_delivery_for(merchant))
        assert (delivery.status, delivery.last_error) == ("pending", "tls error")
        assert receiver.requests == []

        settings.WEBHOOK_CA_BUNDLE = certificates["ca"]
        _due_now(delivery)
        assert _attempt(delivery).status == "succeeded"
        assert receiver.requests[0].headers["host"] == f"localhost:{receiver.port}"
        assert len(receiver.verified(SECRET)) == 1

        # The same server under another name (its address): the certificate does not name it.
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(url=f"https://127.0.0.1:{receiver.port}/hooks/in")
        delivery = _attempt(_delivery_for(merchant))
        assert (delivery.status, delivery.last_error) == ("pending", "tls error")
        assert len(receiver.requests) == 1


@pytest.mark.django_db
def test_many_failures_in_a_short_outage_do_not_disable_until_the_run_has_lasted(merchant, receiver, settings):
    """A receiver down for a busy hour fails many attempts in minutes: it is retried, not switched off, until the run
    of failures has also lasted WEBHOOK_DISABLE_AFTER_HOURS."""
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOK_DISABLE_AFTER_HOURS = 24
    endpoint = endpoint_make(merchant, receiver.url)
    receiver.answer(500)
    for _ in range(5):
        _attempt(_delivery_for(merchant))
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.consecutive_failures) == (True, 5)
    assert endpoint.failing_since is not None

    # The same run, a day later: the next failure disables it.
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=timezone.now() - timedelta(hours=25))
    _attempt(_delivery_for(merchant))
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.disabled_reason) == (False, "failing")

    # Enabling it again starts a new run.
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        enabled=True, disabled_reason="", disabled_at=None, consecutive_failures=0, failing_since=None
    )
    receiver.answer(200)
    _attempt(_delivery_for(merchant))
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.consecutive_failures, endpoint.failing_since) == (True, 0, None)


@pytest.mark.django_db
def test_after_a_rotation_the_old_secret_also_signs_for_its_grace_then_no_more(merchant, receiver, settings):
    """A receiver still holding the old secret keeps verifying until it is switched; after the grace only the new
    secret verifies."""
    settings.WEBHOOK_SECRET_GRACE_HOURS = 24
    owner = factories.MerchantStaffFactory(merchant=merchant, role="owner").user
    endpoint = endpoint_make(merchant, receiver.url)
    new_secret = webhook_endpoint_secret_rotate(endpoint_id=endpoint.pk, actor=owner)
    assert new_secret != SECRET

    _attempt(_delivery_for(merchant))
    (request,) = receiver.requests
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    for secret in (new_secret, SECRET):
        Webhook(secret).verify(request.body, request.headers)

    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(previous_secret_until=timezone.now() - timedelta(seconds=1))
    _attempt(_delivery_for(merchant))
    request = receiver.requests[-1]
    assert len(request.headers["webhook-signature"].split(" ")) == 1
    Webhook(new_secret).verify(request.body, request.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(request.body, request.headers)

    # Rotating again ends the older secret's grace: the one just replaced is now the only other signer.
    newest = webhook_endpoint_secret_rotate(endpoint_id=endpoint.pk, actor=owner)
    endpoint.refresh_from_db()
    assert (endpoint.secret, endpoint.previous_secret) == (newest, new_secret)
