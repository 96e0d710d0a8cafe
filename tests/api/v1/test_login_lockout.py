"""Login protection: rate limits keyed on the real client address, and a per-account lock on failed logins."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from api.throttling import client_ip
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token"


WRONG = "wrong-password"


def login(client, username, password=WRONG, **headers):
    return client.post(TOKEN, {"username": username, "password": password}, format="json", **headers)


def test_forged_x_forwarded_for_does_not_escape_the_address_rate_limit(api_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "5/min"}
    answers = [login(api_client, f"nobody{n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(1, 8)]
    assert answers[:5] == [401] * 5
    assert answers[5:] == [429, 429]
    throttled = login(api_client, "nobody", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert throttled.json()["code"] == "rate_limited"
    assert int(throttled["Retry-After"]) >= 1


def test_register_is_limited_per_address_whatever_x_forwarded_for_says(api_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "2/min"}
    statuses = [
        api_client.post(
            "/api/v1/auth/register",
            {"username": f"newbie{n}", "password": "correct-horse-9"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(3)
    ]
    assert statuses == [201, 201, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(api_client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.0/8"]  # the test client connects from 127.0.0.1
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "2/min"}
    for _ in range(2):
        assert login(api_client, "nobody", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 401
    assert login(api_client, "nobody", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # Another client behind the same proxy is not held back; a forged left-hand entry does not change the bucket.
    assert login(api_client, "nobody", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 401
    assert login(api_client, "nobody", HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.7").status_code == 429


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ([], "192.0.2.10", "203.0.113.5", "192.0.2.10"),  # no trusted proxy: the header is ignored
        (["10.0.0.0/8"], "192.0.2.10", "203.0.113.5", "192.0.2.10"),  # the peer is not a trusted proxy
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.5", "203.0.113.5"),
        (["10.0.0.0/8"], "10.0.0.2", "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own entry is skipped
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.5, 10.1.1.1", "203.0.113.5"),  # two trusted hops
        (["10.0.0.0/8"], "10.0.0.2", "not-an-ip, 10.1.1.1", "10.1.1.1"),  # garbage stops the walk
        (["10.0.0.0/8"], "10.0.0.2", "", "10.0.0.2"),
        (["10.0.0.2"], "10.0.0.2", " 2001:db8::1 ", "2001:db8::1"),
        (["10.0.0.0/8"], "::ffff:10.0.0.2", "203.0.113.5", "203.0.113.5"),  # IPv4-mapped peer
    ],
)
def test_client_ip_reads_forwarded_for_only_from_trusted_proxies(settings, trusted, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.fixture
def lockout(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    return settings


def assert_locked(response):
    assert response.status_code == 429, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "login_locked"
    assert body["type"] == "/problems/login-locked"
    assert "15 minutes" in body["detail"]
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60


def test_failed_logins_lock_the_account_whatever_the_address(api_client, lockout):
    user = UserFactory()
    assert login(api_client, user.username, REMOTE_ADDR="192.0.2.1").status_code == 401
    assert login(api_client, user.username, REMOTE_ADDR="192.0.2.2").status_code == 401
    assert_locked(login(api_client, user.username, REMOTE_ADDR="192.0.2.3"))
    # Locked: even the right password, from yet another address, is refused.
    assert_locked(login(api_client, user.username, "test-pass-123", REMOTE_ADDR="198.51.100.4"))
    # Another account is not affected.
    other = UserFactory()
    assert login(api_client, other.username, "test-pass-123").status_code == 200


def age_failures(username, minutes):
    for attempt in AccessAttempt.objects.filter(username=username):
        attempt.attempt_time -= timedelta(minutes=minutes)
        attempt.save(update_fields=["attempt_time"])


def test_the_lock_expires_and_retrying_during_it_does_not_extend_it(api_client, lockout):
    user = UserFactory()
    for _ in range(3):
        login(api_client, user.username)
    age_failures(user.username, 10)
    # An attacker keeps trying while the account is locked: refused, and the lock is not prolonged.
    locked = login(api_client, user.username)
    assert locked.json()["code"] == "login_locked"
    assert int(locked["Retry-After"]) <= 5 * 60
    age_failures(user.username, 6)
    assert login(api_client, user.username, "test-pass-123").status_code == 200


def test_a_successful_login_clears_the_failures(api_client, lockout):
    user = UserFactory()
    for _ in range(2):
        assert login(api_client, user.username).status_code == 401
    assert login(api_client, user.username, "test-pass-123").status_code == 200
    assert not AccessAttempt.objects.filter(username=user.username).exists()
    for _ in range(2):
        assert login(api_client, user.username).status_code == 401
    assert login(api_client, user.username, "test-pass-123").status_code == 200


def test_an_overlong_username_is_a_400_not_a_500(api_client):
    response = login(api_client, "a" * 300)
    assert (response.status_code, response.json()["code"]) == (400, "validation_error")
    assert "username" in response.json()["errors"]
