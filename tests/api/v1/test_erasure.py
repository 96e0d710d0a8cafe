"""GET /me/export and DELETE /me over HTTP: who may, the problems, the tokens after an erasure, the username hold."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User, UsernameHold
from merchants.models import MerchantStaff
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PASSWORD = "test-pass-123"


def _login(username: str) -> dict:
    response = APIClient().post("/api/v1/auth/token", {"username": username, "password": PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def _delete(client, body):
    return client.delete("/api/v1/me", body, format="json")


def test_export_is_an_attachment_with_the_callers_data(user, user_client):
    factories.CheckinFactory(user=user, message="my words")
    other = factories.UserFactory()
    factories.CheckinFactory(user=other, message="their words")
    response = user_client.get("/api/v1/me/export")
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"].startswith(f'attachment; filename="my-data-{user.pk}-')
    body = response.json()
    assert body["profile"]["username"] == user.username
    assert [c["message"] for c in body["checkins"]] == ["my words"]
    assert "their words" not in response.content.decode()


def test_anonymous_callers_get_401(api_client):
    assert api_client.get("/api/v1/me/export").status_code == 401
    response = _delete(api_client, {"password": PASSWORD})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 400, "validation_error"),
        ({"password": 12345678}, 400, "validation_error"),
        ({"password": "wrong-pass-123"}, 403, "password_incorrect"),
    ],
)
def test_delete_needs_the_right_password(user, user_client, body, status, code):
    response = _delete(user_client, body)
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    user.refresh_from_db()
    assert user.is_active and user.deleted_at is None


@pytest.mark.parametrize("role", ["manager", "clerk", None])
def test_staff_other_than_owners_and_app_users_may_delete(role):
    person = factories.UserFactory()
    if role:
        factories.MerchantStaffFactory(user=person, role=role)
    response = _delete(client_for(person), {"password": PASSWORD})
    assert response.status_code == 204, response.content
    assert not MerchantStaff.objects.filter(user=person).exists()
    assert User.objects.get(pk=person.pk).deleted_at is not None


def test_an_owner_must_hand_over_first():
    owner = factories.MerchantStaffFactory(role="owner").user
    response = _delete(client_for(owner), {"password": PASSWORD})
    assert response.status_code == 409
    assert response.json()["code"] == "owner_must_hand_over"
    assert User.objects.get(pk=owner.pk).is_active


def test_after_deletion_every_token_is_refused(user):
    first, second = _login(user.username), _login(user.username)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {first['access']}")
    assert _delete(client, {"password": PASSWORD}).status_code == 204

    for tokens in (first, second):
        refreshed = APIClient().post("/api/v1/auth/token/refresh", {"refresh": tokens["refresh"]}, format="json")
        assert refreshed.status_code == 401, refreshed.content
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
        assert client.get("/api/v1/me").status_code == 401
        assert client.get("/api/v1/me/export").status_code == 401
    login = APIClient().post("/api/v1/auth/token", {"username": user.username, "password": PASSWORD}, format="json")
    assert login.status_code == 401


def _register(username: str):
    return APIClient().post(
        "/api/v1/auth/register", {"username": username, "password": "another-pass-456"}, format="json"
    )


def test_the_username_is_held_for_a_while_then_free(user, user_client, settings):
    username = user.username
    assert _delete(user_client, {"password": PASSWORD}).status_code == 204
    hold = UsernameHold.objects.get(username=username)
    expected = timezone.now() + timedelta(days=settings.USERNAME_HOLD_DAYS)
    assert abs(hold.until - expected) < timedelta(minutes=1)

    for attempt in (username, username.upper()):
        response = _register(attempt)
        assert response.status_code == 409, response.content
        assert response.json()["code"] == "username_taken"

    UsernameHold.objects.filter(pk=hold.pk).update(until=timezone.now() - timedelta(seconds=1))
    response = _register(username)
    assert response.status_code == 201, response.content
    assert response.json()["id"] != user.pk


def test_expired_holds_are_swept_by_the_next_erasure():
    UsernameHold.objects.create(username="long-gone", until=timezone.now() - timedelta(days=1))
    person = factories.UserFactory()
    assert _delete(client_for(person), {"password": PASSWORD}).status_code == 204
    assert list(UsernameHold.objects.values_list("username", flat=True)) == [person.username]


def test_export_costs_a_fixed_number_of_queries(user, user_client, django_assert_max_num_queries):
    merchant = factories.MerchantFactory()
    for _ in range(5):
        coupon_checkin = factories.CheckinFactory(user=user, merchant=merchant)
        factories.CouponFactory(user=user, checkin=coupon_checkin)
    with django_assert_max_num_queries(18):
        response = user_client.get("/api/v1/me/export")
    assert response.status_code == 200
    assert len(response.json()["coupons"]) == 5
