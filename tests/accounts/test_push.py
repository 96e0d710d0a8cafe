"""Pushes: sent by a task after the notification commits; a broken push backend never breaks the request."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from accounts.models import Notification
from accounts.push import LoggingPushBackend, PushFailed, WebhookPushBackend, push_backend_get
from accounts.services import notification_create
from accounts.tasks import push_enqueue, push_send_task
from config.celery import app
from tests import factories
from tests.brokers import celery_app_point_at, free_port
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("fast_passwords")


class Gateway:
    """A local push gateway answering with the statuses it is given, in turn (the last one repeats)."""

    def __init__(self, statuses=(200,), delay_s=0.0):
        self.statuses = list(statuses)
        self.delay_s = delay_s
        self.bodies: list[dict] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                gateway.bodies.append(body)
                time.sleep(gateway.delay_s)
                status = gateway.statuses.pop(0) if len(gateway.statuses) > 1 else gateway.statuses[0]
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/push"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


NOTE = {"id": 1, "user_id": 2, "type": "like", "created_at": "2026-01-01T00:00:00Z", "data": {"checkin_id": 3}}


def test_the_webhook_posts_the_notifications_as_json():
    with Gateway() as gateway:
        WebhookPushBackend(gateway.url, 2).send([NOTE])
    assert gateway.bodies == [{"notifications": [NOTE]}]


@pytest.mark.parametrize("status", [500, 503, 429])
def test_server_errors_and_rate_limits_are_retryable_failures(status):
    with Gateway([status]) as gateway, pytest.raises(PushFailed):
        WebhookPushBackend(gateway.url, 2).send([NOTE])


def test_a_refusal_is_logged_not_retried():
    with Gateway([400]) as gateway:
        WebhookPushBackend(gateway.url, 2).send([NOTE])  # no exception: retrying would only repeat the refusal
    assert len(gateway.bodies) == 1


def test_an_unreachable_or_slow_gateway_is_a_retryable_failure():
    with pytest.raises(PushFailed):
        WebhookPushBackend(f"http://127.0.0.1:{free_port()}/push", 1).send([NOTE])
    with Gateway(delay_s=1.0) as gateway, pytest.raises(PushFailed):
        WebhookPushBackend(gateway.url, 0.2).send([NOTE])


def test_the_backend_is_chosen_by_setting(settings):
    settings.PUSH_BACKEND = "logging"
    assert isinstance(push_backend_get(), LoggingPushBackend)
    settings.PUSH_BACKEND, settings.PUSH_WEBHOOK_URL = "webhook", "https://push.example/hook"
    assert isinstance(push_backend_get(), WebhookPushBackend)


@pytest.mark.django_db
def test_the_push_task_retries_with_backoff_until_the_gateway_takes_it(settings, celery_eager):
    user = factories.UserFactory()
    notification = Notification.objects.create(user=user, type="like", data={"checkin_id": 1})
    with Gateway([500, 503, 200]) as gateway:
        settings.PUSH_BACKEND, settings.PUSH_WEBHOOK_URL = "webhook", gateway.url
        result = push_send_task.apply_async(args=[[notification.pk]])
    assert result.successful()
    assert len(gateway.bodies) == 3
    assert gateway.bodies[-1]["notifications"][0]["id"] == notification.pk
    assert push_send_task.retry_backoff and push_send_task.autoretry_for == (PushFailed,)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend", ["unreachable", "failing", "misconfigured"])
def test_a_broken_push_backend_never_breaks_the_request_that_notified(settings, celery_eager, backend):
    owner, friend = factories.UserFactory(), factories.UserFactory()
    factories.friendship_make(owner, friend)
    checkin = factories.CheckinFactory(user=owner)
    with Gateway([500]) as gateway:
        settings.PUSH_BACKEND = "nonsense" if backend == "misconfigured" else "webhook"
        settings.PUSH_WEBHOOK_URL = gateway.url if backend == "failing" else f"http://127.0.0.1:{free_port()}/"
        response = client_for(friend).post(f"/api/v1/checkins/{checkin.pk}/like")
    assert response.status_code == 201
    assert Notification.objects.filter(user=owner, type="like").count() == 1


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_notification_is_kept_and_the_request_succeeds(settings):
    previous = app.conf.broker_url, app.conf.result_backend
    celery_app_point_at(f"redis://127.0.0.1:{free_port()}/0")
    try:
        owner = factories.UserFactory()
        started = time.monotonic()
        notification = notification_create(user=owner, type="friend_accepted", data={}, dedupe_key="k")
        push_enqueue(notification_ids=[notification.pk])
        assert time.monotonic() - started < 3
    finally:
        celery_app_point_at(previous[0])
        app.conf.result_backend = previous[1]
    assert Notification.objects.filter(user=owner).count() == 1


@pytest.mark.django_db
def test_a_dedupe_key_creates_the_notification_once():
    owner = factories.UserFactory()
    assert notification_create(user=owner, type="like", data={}, dedupe_key="like:1:2") is not None
    assert notification_create(user=owner, type="like", data={}, dedupe_key="like:1:2") is None
    assert Notification.objects.filter(user=owner).count() == 1
