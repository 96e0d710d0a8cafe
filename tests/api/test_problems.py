"""Every non-2xx answer under /api/ is RFC 9457 problem details with a stable code."""

import json

import pytest

from accounts.models import User
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def assert_problem(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"/problems/{code.replace('_', '-')}"
    assert body["title"] and body["detail"]
    return body


def test_unknown_api_path_is_a_404_problem(api_client):
    assert_problem(api_client.get("/api/v1/no-such-thing"), 404, "not_found")
    assert_problem(api_client.get("/api/nothing"), 404, "not_found")


def test_wrong_method_is_405(api_client):
    assert_problem(api_client.delete("/api/v1/merchants/nearby?lat=1&lng=1"), 405, "method_not_allowed")


def test_wrong_media_type_is_415_and_writes_nothing(api_client):
    response = api_client.post("/api/v1/auth/register", "username=x&password=y", content_type="text/plain")
    assert_problem(response, 415, "unsupported_media_type")
    form = api_client.post("/api/v1/auth/register", {"username": "formuser", "password": "long-enough-1"})
    assert_problem(form, 415, "unsupported_media_type")
    assert not User.objects.exists()


def test_malformed_json_is_400(api_client):
    response = api_client.post("/api/v1/auth/register", '{"username": "x",', content_type="application/json")
    assert_problem(response, 400, "malformed_request")
    assert not User.objects.exists()


def test_body_over_the_limit_is_413(api_client, settings):
    body = json.dumps({"username": "big", "password": "x" * (settings.API_MAX_BODY_BYTES + 10)})
    response = api_client.post("/api/v1/auth/register", body, content_type="application/json")
    assert_problem(response, 413, "payload_too_large")
    assert not User.objects.exists()


def test_validation_error_lists_fields(user_client):
    body = assert_problem(user_client.post("/api/v1/merchants", {}, format="json"), 400, "validation_error")
    assert {"name", "category", "address", "lat", "lng"} <= body["errors"].keys()
    assert all(isinstance(messages, list) and messages for messages in body["errors"].values())


def test_unauthenticated_is_401_with_challenge(api_client):
    response = api_client.get("/api/v1/me")
    assert_problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_forbidden_is_403(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff["clerk"]).patch(
        f"/api/v1/merchants/{merchant.pk}", {"name": "x"}, format="json"
    )
    assert_problem(response, 403, "permission_denied")


def test_conflict_is_409(api_client, user):
    body = {"username": user.username, "password": "long-enough-pass-1"}
    assert_problem(api_client.post("/api/v1/auth/register", body, format="json"), 409, "username_taken")


def test_rate_limit_is_429_with_retry_after(api_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "2/min"}
    for _ in range(2):
        api_client.post("/api/v1/auth/token", {"username": "a", "password": "b"}, format="json")
    response = api_client.post("/api/v1/auth/token", {"username": "a", "password": "b"}, format="json")
    assert_problem(response, 429, "rate_limited")
    assert 1 <= int(response["Retry-After"]) <= 60


def test_unhandled_error_is_a_500_problem_without_internals(client, settings):
    settings.ROOT_URLCONF = "tests.api.urls_for_errors"
    client.raise_request_exception = False
    response = client.get("/api/v1/test-boom")
    body = assert_problem(response, 500, "server_error")
    assert "internal detail" not in response.content.decode()
    assert body["detail"] == "Something went wrong on our side."


def test_every_response_carries_a_request_id(api_client):
    response = api_client.get("/api/v1/merchants/nearby", {"lat": 37.5, "lng": 127.0}, HTTP_X_REQUEST_ID="abc123")
    assert response["X-Request-ID"] == "abc123"
    assert len(api_client.get("/healthz")["X-Request-ID"]) == 32


def test_request_log_is_one_json_line(api_client, caplog):
    caplog.set_level("INFO", logger="api.request")
    api_client.get("/api/v1/merchants/nearby", {"lat": 37.5, "lng": 127.0})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "api.request"]
    assert lines and lines[-1]["path"] == "/api/v1/merchants/nearby"
    assert lines[-1]["status"] == 200
    assert lines[-1]["method"] == "GET"
    assert isinstance(lines[-1]["duration_ms"], float)
