"""The dashboard's login page under password guessing: the account locks, and the page says so."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/dashboard/login/"


@pytest.fixture
def lockout(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def test_wrong_passwords_lock_the_account_with_a_clear_page(client, lockout):
    user = UserFactory()
    for _ in range(2):
        response = client.post(LOGIN, {"username": user.username, "password": "wrong-password"})
        assert response.status_code == 200
        assert "didn't match" in response.content.decode()
    locked = client.post(LOGIN, {"username": user.username, "password": "wrong-password"})
    assert locked.status_code == 429
    assert "Too many failed logins to this account. Try again in 15 minutes." in locked.content.decode()
    assert 14 * 60 < int(locked["Retry-After"]) <= 15 * 60
    assert b'name="password"' in locked.content  # the form is still there, not an error page
    # The right password is refused while the lock lasts, and nobody is signed in.
    right = client.post(LOGIN, {"username": user.username, "password": "test-pass-123"}, REMOTE_ADDR="198.51.100.7")
    assert right.status_code == 429
    assert client.get("/dashboard/").status_code == 302


def test_the_lock_ends_and_a_login_then_clears_the_failures(client, lockout):
    user = UserFactory()
    for _ in range(3):
        client.post(LOGIN, {"username": user.username, "password": "wrong-password"})
    AccessAttempt.objects.filter(username=user.username).update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = client.post(LOGIN, {"username": user.username, "password": "test-pass-123"})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert not AccessAttempt.objects.filter(username=user.username).exists()


def test_the_api_and_the_dashboard_share_the_count(client, api_client, lockout):
    user = UserFactory()
    for _ in range(2):
        api_client.post("/api/v1/auth/token", {"username": user.username, "password": "nope-nope"}, format="json")
    assert client.post(LOGIN, {"username": user.username, "password": "wrong-password"}).status_code == 429
    locked = api_client.post(
        "/api/v1/auth/token", {"username": user.username, "password": "test-pass-123"}, format="json"
    )
    assert locked.json()["code"] == "login_locked"


def test_an_overlong_username_is_refused_not_a_500(client):
    response = client.post(LOGIN, {"username": "a" * 300, "password": "wrong-password"})
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()
