"""Revocable sessions: rotating single-use refresh tokens, logout, password change, clean token errors."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


PASSWORD = "test-pass-123"  # tests/factories.py


def sign_in(user, password=PASSWORD) -> dict:
    response = APIClient().post("/api/v1/auth/token", {"username": user.username, "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def refresh(token):
    return APIClient().post("/api/v1/auth/token/refresh", {"refresh": token}, format="json")


def assert_token_not_valid(response):
    assert response.status_code == 401, response.content
    assert response["Content-Type"] == PROBLEM
    assert "WWW-Authenticate" in response
    body = response.json()
    assert body["code"] == "token_not_valid"
    assert body["type"] == "/problems/token-not-valid"
    # A sentence for people, never a Python repr of DRF's error objects.
    assert "ErrorDetail" not in body["detail"] and "{" not in body["detail"]
    return body


def test_refresh_rotates_and_a_used_refresh_token_is_refused():
    tokens = sign_in(UserFactory())
    rotated = refresh(tokens["refresh"])
    assert rotated.status_code == 200
    assert {"access", "refresh"} == rotated.json().keys()
    assert rotated.json()["refresh"] != tokens["refresh"]
    assert_token_not_valid(refresh(tokens["refresh"]))
    # The new one works, once.
    assert refresh(rotated.json()["refresh"]).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_concurrent_refreshes_with_one_token_yield_one_new_pair():
    tokens = sign_in(UserFactory())

    def attempt(_):
        try:
            return refresh(tokens["refresh"]).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(attempt, range(4)))
    assert statuses == [200, 401, 401, 401]


def test_logout_revokes_that_refresh_token_only():
    user = UserFactory()
    phone, laptop = sign_in(user), sign_in(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {phone['access']}")
    assert client.post("/api/v1/auth/logout", {"refresh": phone["refresh"]}, format="json").status_code == 204
    assert_token_not_valid(refresh(phone["refresh"]))
    assert refresh(laptop["refresh"]).status_code == 200
    # Logging out again with the revoked token is a clean problem, not a 500.
    assert_token_not_valid(client.post("/api/v1/auth/logout", {"refresh": phone["refresh"]}, format="json"))


def test_logout_refuses_another_users_token_and_garbage():
    alice, bob = UserFactory(), UserFactory()
    bobs = sign_in(bob)
    client = client_for(alice)
    others = client.post("/api/v1/auth/logout", {"refresh": bobs["refresh"]}, format="json")
    assert others.status_code == 403
    assert others["Content-Type"] == PROBLEM
    assert refresh(bobs["refresh"]).status_code == 200  # not revoked
    assert_token_not_valid(client.post("/api/v1/auth/logout", {"refresh": "garbage"}, format="json"))
    # An access token is not a refresh token.
    assert_token_not_valid(client.post("/api/v1/auth/logout", {"refresh": bobs["access"]}, format="json"))
    missing = client.post("/api/v1/auth/logout", {}, format="json")
    assert (missing.status_code, missing.json()["code"]) == (400, "validation_error")
    assert APIClient().post("/api/v1/auth/logout", {"refresh": bobs["refresh"]}, format="json").status_code == 401


def test_password_change_revokes_every_refresh_token():
    user = UserFactory()
    phone, laptop = sign_in(user), sign_in(user)
    rotated = refresh(laptop["refresh"]).json()
    response = client_for(user).post(
        "/api/v1/me/password",
        {"old_password": "test-pass-123", "new_password": "staple-lantern-orbit"},
        format="json",
    )
    assert response.status_code == 204, response.content
    for token in (phone["refresh"], laptop["refresh"], rotated["refresh"]):
        assert_token_not_valid(refresh(token))
    assert (
        APIClient()
        .post("/api/v1/auth/token", {"username": user.username, "password": "test-pass-123"}, format="json")
        .json()["code"]
        == "authentication_failed"
    )
    assert refresh(sign_in(user, "staple-lantern-orbit")["refresh"]).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"old_password": "not-my-password", "new_password": "staple-lantern-orbit"}, "old_password"),
        ({"old_password": "test-pass-123", "new_password": "short"}, "new_password"),
        ({"old_password": "test-pass-123", "new_password": "password123"}, "new_password"),
        ({"old_password": "test-pass-123", "new_password": "98765432109"}, "new_password"),
        ({"old_password": "test-pass-123", "new_password": "{username}"}, "new_password"),
        ({"new_password": "staple-lantern-orbit"}, "old_password"),
    ],
)
def test_password_change_refuses_wrong_old_or_weak_new_password_and_changes_nothing(body, field):
    user = UserFactory(username="sunflower-keeper")
    tokens = sign_in(user)
    body = {key: value.format(username=user.username) for key, value in body.items()}
    response = client_for(user).post("/api/v1/me/password", body, format="json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    assert field in response.json()["errors"]
    user.refresh_from_db()
    assert user.check_password("test-pass-123")
    assert refresh(tokens["refresh"]).status_code == 200


def test_password_change_needs_a_signed_in_user(api_client):
    response = api_client.post(
        "/api/v1/me/password", {"old_password": "a", "new_password": "staple-lantern-orbit"}, format="json"
    )
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/friends", "/api/v1/auth/logout"])
def test_a_bad_access_token_is_a_clean_token_not_valid_problem(api_client, path):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-jwt")
    response = api_client.post(path, {}, format="json") if "logout" in path else api_client.get(path)
    body = assert_token_not_valid(response)
    assert body["detail"] == "Given token not valid for any token type"


def test_a_bad_refresh_token_is_a_clean_token_not_valid_problem():
    assert assert_token_not_valid(refresh("garbage"))["detail"] == "Token is invalid"
    access = sign_in(UserFactory())["access"]
    assert_token_not_valid(refresh(access))  # wrong token type


def test_a_deleted_users_refresh_token_is_refused_not_a_500():
    user = UserFactory()
    tokens = sign_in(user)
    user.delete()
    response = refresh(tokens["refresh"])
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_tokens_issued_at_login_and_refresh_are_tracked_for_revocation():
    user = UserFactory()
    tokens = sign_in(user)
    refresh(tokens["refresh"])
    jtis = set(OutstandingToken.objects.filter(user=user).values_list("jti", flat=True))
    assert RefreshToken(tokens["refresh"], verify=False)["jti"] in jtis
    assert len(jtis) == 2
