"""Rate-limited operations say where the caller stands on every answer (IETF draft RateLimit header fields), and
every 429 says when to retry (Retry-After), whichever path refused the request."""

import pytest
from django.core.cache import cache

from api.throttling import ScopedThrottle, rate_text
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LOGIN = "/api/v1/auth/token"


def _limits(answer) -> tuple[int, int, int]:
    return int(answer["RateLimit-Limit"]), int(answer["RateLimit-Remaining"]), int(answer["RateLimit-Reset"])


def test_each_answer_counts_down_and_the_429_says_when_to_retry(api_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "3/min"}
    body = {"username": "nobody", "password": "wrong-password-1"}
    answers = [api_client.post(LOGIN, body, format="json") for _ in range(4)]
    assert [answer.status_code for answer in answers] == [401, 401, 401, 429]
    assert [_limits(answer)[:2] for answer in answers] == [(3, 2), (3, 1), (3, 0), (3, 0)]
    assert all(1 <= _limits(answer)[2] <= 60 for answer in answers)
    refused = answers[-1]
    assert refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_an_answer_given_before_the_limit_is_counted_still_carries_it(api_client, user_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "checkin": "5/min"}
    unauthenticated = api_client.post("/api/v1/checkins", {}, format="json")
    assert unauthenticated.status_code == 401 and _limits(unauthenticated)[:2] == (5, 5)
    not_acceptable = user_client.post("/api/v1/checkins", {}, format="json", HTTP_ACCEPT="text/html")
    assert not_acceptable.status_code == 406 and _limits(not_acceptable)[:2] == (5, 5)
    invalid = user_client.post("/api/v1/checkins", {}, format="json")
    assert invalid.status_code == 400 and _limits(invalid)[:2] == (5, 4)


def test_operations_without_a_limit_send_no_rate_limit_headers(user_client):
    answer = user_client.get("/api/v1/me")
    assert answer.status_code == 200 and not answer.has_header("RateLimit-Limit")
    merchant = factories.MerchantStaffFactory(user=factories.UserFactory(), role="clerk")
    listing = client_for(merchant.user).get(f"/api/v1/merchants/{merchant.merchant_id}/redemptions")
    assert listing.status_code == 200 and not listing.has_header("RateLimit-Limit")  # only redeeming is limited


def test_more_requests_counted_than_the_limit_still_get_a_retry_after(api_client, settings):
    """Requests racing past the check leave more entries than the limit: DRF's wait() was None, and the 429 lacked
    its Retry-After (seen by schemathesis running in parallel)."""
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "2/min"}
    first = api_client.post(LOGIN, {"username": "nobody", "password": "wrong-password-1"}, format="json")
    assert first.status_code == 401
    key = next(key for key in cache.keys("*throttle_auth_*"))
    history = cache.get(key)
    cache.set(key, history * 4, 60)  # four entries against a limit of two
    refused = api_client.post(LOGIN, {"username": "nobody", "password": "wrong-password-1"}, format="json")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert _limits(refused)[:2] == (2, 0)


def test_the_wait_is_never_unknown():
    throttle = ScopedThrottle()
    throttle.num_requests, throttle.duration, throttle.now = 2, 60, 1000.0
    throttle.history = [990.0, 980.0, 970.0, 960.0]  # newest first, more than the limit
    assert throttle.wait() == 40.0  # until the entry in the last slot (980) leaves the window
    throttle.history = [999.5, 941.0]
    assert throttle.wait() == 1.0


def test_rates_read_as_words():
    assert rate_text("30/min") == "30 requests per minute"
    assert rate_text("120/hour") == "120 requests per hour"
