import pytest

# Registered in this process, so that eager Celery runs them here rather than sending them by name to a broker.
import coupons.tasks  # noqa: F401
import social.tasks  # noqa: F401
import webhooks.tasks  # noqa: F401
from config.celery import app
from tests import factories
from tests.brokers import celery_app_point_at
from tests.webhooks.receiver import Receiver
from webhooks.models import SUBSCRIBABLE_EVENTS, WebhookEndpoint

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


@pytest.fixture
def receiver():
    with Receiver() as started:
        yield started


@pytest.fixture
def quick_kicks(settings):
    """Every commit kicks the relay at once (no trailing kick from a timer thread)."""
    settings.OUTBOX_KICK_INTERVAL_S = 0


def endpoint_make(merchant, url: str, *, events=SUBSCRIBABLE_EVENTS, enabled=True, secret=SECRET) -> WebhookEndpoint:
    """An endpoint as the API would register it (bypassing the registration check, which tests of it call)."""
    endpoint = WebhookEndpoint.objects.create(merchant=merchant, url=url, events=list(events), secret=secret)
    if not enabled:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(enabled=False, disabled_reason="by_user")
    endpoint.refresh_from_db()
    return endpoint


@pytest.fixture
def merchant(db):
    return factories.MerchantFactory()


@pytest.fixture
def dead_broker():
    """This process publishes to a port where nothing listens (never the shared Redis): every kick fails at once."""
    previous = app.conf.broker_url, app.conf.result_backend
    celery_app_point_at("redis://127.0.0.1:1/0")
    yield
    celery_app_point_at(previous[0])
    app.conf.result_backend = previous[1]
