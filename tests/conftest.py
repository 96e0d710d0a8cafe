import pytest
from django.core.cache import cache
from django.utils import translation
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from merchants.models import MerchantStaff
from tests import factories

GENEROUS_RATES = {
    "auth": "100000/min",
    "checkin": "100000/min",
    "redemption": "100000/min",
    "webhook_send": "100000/min",
}


@pytest.fixture(autouse=True)
def _isolated_cache_and_rates(settings):
    """Throttle counters and cached values never leak between tests; rate limits are off unless a test sets them."""
    settings.THROTTLE_RATES = dict(GENEROUS_RATES)
    cache.delete_pattern("*")
    yield
    cache.delete_pattern("*")


@pytest.fixture(autouse=True)
def _webhooks_to_this_machine(settings):
    """Webhook receivers in tests listen on loopback (as in scripts/run.sh); tests of the address guard turn it off."""
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (a request's LocaleMiddleware leaves its language active)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def celery_eager():
    """Celery tasks run synchronously in the test process (the outbox relay, the fan-out, pushes)."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = previous


@pytest.fixture
def api_client() -> APIClient:
    """An anonymous client."""
    return APIClient()


def client_for(user) -> APIClient:
    """A client carrying a real JWT access token for `user`."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.fixture
def user_factory(db):
    return factories.UserFactory


@pytest.fixture
def merchant_factory(db):
    return factories.MerchantFactory


@pytest.fixture
def campaign_factory(db):
    return factories.CampaignFactory


@pytest.fixture
def checkin_factory(db):
    return factories.CheckinFactory


@pytest.fixture
def coupon_factory(db):
    return factories.CouponFactory


@pytest.fixture
def fast_passwords(settings):
    """Cheap password hashing for tests that create many users (tests only; never in settings.py)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def user(db):
    return factories.UserFactory()


@pytest.fixture
def user_client(user) -> APIClient:
    return client_for(user)


@pytest.fixture
def merchant_with_staff(db):
    """A merchant with an owner, a manager and a clerk, plus an outsider who is none of them."""
    merchant = factories.MerchantFactory()
    people = {"merchant": merchant, "outsider": factories.UserFactory()}
    for role in MerchantStaff.Role.values:
        staff = factories.MerchantStaffFactory(merchant=merchant, role=role)
        people[role] = staff.user
    return people
