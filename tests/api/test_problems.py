"""Every non-2xx answer under /api/ is RFC 9457 problem details with a stable code."""

import json

import pytest
from django.conf import settings as django_settings

from accounts.models import User
from api.parsers import BAD_TEXT_MESSAGE
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
    assert_problem(response, 400, "malformed_json")
    assert not User.objects.exists()


@pytest.mark.parametrize("body", ["[" * 1000 + "]" * 1000, '{"a":' * 1000 + "1" + "}" * 1000, "[" * 30_000])
def test_deeply_nested_json_is_400_not_a_recursion_error(api_client, body):
    # 2 KB of brackets used to exhaust the decoder's recursion: a 500 on every JSON endpoint, anonymous ones too.
    response = api_client.post("/api/v1/auth/register", body, content_type="application/json")
    assert "32" in assert_problem(response, 400, "malformed_json")["detail"]
    assert not User.objects.exists()


def _choice_cases(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    campaign = {"title": "t", "ends_at": "2099-01-01T00:00:00Z"}
    return [
        ("/api/v1/merchants", {"name": "n", "address": "a", "lat": 37.5, "lng": 127.0}, "category"),
        ("/api/v1/merchants", {"name": "n", "address": "a", "lat": 37.5, "lng": 127.0, "category": "cafe"}, "timezone"),
        (f"/api/v1/merchants/{merchant.pk}/campaigns", campaign, "trigger.type"),
        (f"/api/v1/merchants/{merchant.pk}/staff", {"username": merchant_with_staff["outsider"].username}, "role"),
        (
            "/api/v1/checkins",
            {"merchant_id": merchant.pk, "lat": 37.4762, "lng": 126.868, "accuracy_m": 5},
            "visibility",
        ),
    ]


def _with(body: dict, field: str, value) -> dict:
    if "." in field:
        outer, inner = field.split(".")
        return {**body, outer: {inner: value}}
    return {**body, field: value}


def test_a_lone_surrogate_in_a_choice_field_is_400_naming_it(merchant_with_staff):
    # DRF's "is not a valid choice" message quoted the input, which the renderer could not encode: a 500.
    client = client_for(merchant_with_staff["owner"])
    for path, body, field in _choice_cases(merchant_with_staff):
        response = client.post(path, json.dumps(_with(body, field, "x\ud800")), content_type="application/json")
        assert assert_problem(response, 400, "validation_error")["errors"] == {field: [BAD_TEXT_MESSAGE]}, path


def test_choice_errors_never_quote_the_input(merchant_with_staff):
    client = client_for(merchant_with_staff["owner"])
    for path, body, field in _choice_cases(merchant_with_staff):
        response = client.post(path, _with(body, field, "<b>not-a-choice</b>"), format="json")
        body = assert_problem(response, 400, "validation_error")
        assert field in body["errors"], path
        assert "not-a-choice" not in response.content.decode(), path


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("lat=37.5&lng=127&q=%FF", "q"),  # Django would read it as U+FFFD and search for that
        ("lat=37.5&lng=127&q=%ED%A0%80", "q"),  # a lone surrogate's bytes
        ("lat=37.5&lng=127&category=caf%00", "category"),
        ("lat=37.5&lng=127&unknown=%00", "unknown"),
        ("lat=37.5&lng=127&%00=1", "non_field_errors"),  # a name that is not text is never quoted
    ],
)
def test_query_parameters_must_be_clean_text(api_client, query, field):
    response = api_client.get(f"/api/v1/merchants/nearby?{query}")
    assert assert_problem(response, 400, "validation_error")["errors"] == {field: [BAD_TEXT_MESSAGE]}


def test_clean_non_ascii_query_text_is_read(api_client, merchant_factory):
    merchant_factory(name="철산 빵집")
    response = api_client.get("/api/v1/merchants/nearby", {"lat": 37.4762, "lng": 126.868, "q": "빵"})
    assert [item["name"] for item in response.json()["results"]] == ["철산 빵집"]


def test_unsupported_media_type_never_quotes_the_header(api_client):
    response = api_client.post("/api/v1/auth/register", b"{}", content_type="text/x-evil-header")
    assert_problem(response, 415, "unsupported_media_type")
    assert "evil" not in response.content.decode()


def test_a_chunked_body_is_411_not_read_as_empty(api_client):
    response = api_client.post(
        "/api/v1/auth/register", b"{}", content_type="application/json", HTTP_TRANSFER_ENCODING="chunked"
    )
    assert_problem(response, 411, "length_required")


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


def test_authenticated_answers_are_not_stored_by_caches(user_client, user, api_client):
    assert user_client.get("/api/v1/me")["Cache-Control"] == "no-store"
    assert user_client.get("/api/v1/merchants/999999")["Cache-Control"] == "no-store"  # problems too
    assert user_client.post("/api/v1/merchants", b"[" * 100, content_type="application/json")["Cache-Control"] == (
        "no-store"
    )
    api_client.cookies[django_settings.SESSION_COOKIE_NAME] = "any-session"
    assert api_client.get("/api/v1/merchants/nearby", {"lat": 37.5, "lng": 127})["Cache-Control"] == "no-store"


def test_anonymous_answers_and_pages_outside_the_api_are_left_alone(api_client, user_client):
    assert "Cache-Control" not in api_client.get("/api/v1/merchants/nearby", {"lat": 37.5, "lng": 127})
    assert "Cache-Control" not in user_client.get("/healthz")


def test_a_views_own_cache_control_is_kept(user_client, settings):
    settings.ROOT_URLCONF = "tests.api.urls_for_caching"
    assert user_client.get("/api/v1/test-cached")["Cache-Control"] == "public, max-age=60"
    assert user_client.get("/api/v1/test-uncached")["Cache-Control"] == "no-store"
