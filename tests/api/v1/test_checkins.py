"""POST /checkins and GET /me/checkins: the answer's shape, bad input, refusals, idempotency keys and rate limits."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.idempotency import idempotency_records_purge
from api.models import IdempotencyRecord
from checkins.models import Checkin, CheckinRefusal
from coupons.models import Coupon
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
URL = "/api/v1/checkins"


@pytest.fixture
def merchant():
    return factories.MerchantFactory(name="Cheolsan Bakery")


def body_at(merchant, **overrides):
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 12}
    body.update(overrides)
    return body


def test_checkin_answers_201_with_coupons(user_client, merchant):
    campaign = factories.CampaignFactory(merchant=merchant, title="Free bread")
    response = user_client.post(URL, body_at(merchant, message="Hello", visibility="public"), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) >= {"id", "merchant", "created_at", "distance_m", "visibility", "coupons"}
    assert body["merchant"] == {"id": merchant.pk, "name": "Cheolsan Bakery"}
    assert body["visibility"] == "public" and body["message"] == "Hello"
    assert body["distance_m"] == pytest.approx(0, abs=0.01)
    [coupon] = body["coupons"]
    assert set(coupon) == {"id", "code", "title", "expires_at", "campaign_id"}
    assert (coupon["title"], coupon["campaign_id"]) == ("Free bread", campaign.pk)
    assert Coupon.objects.get(pk=coupon["id"]).code == coupon["code"]


def test_checkin_defaults_to_friends_visibility_and_no_coupons(user_client, merchant):
    response = user_client.post(URL, body_at(merchant), format="json")
    assert response.status_code == 201
    assert (response.json()["visibility"], response.json()["coupons"]) == ("friends", [])


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"merchant_id": None}, "merchant_id"),
        ({"merchant_id": "1"}, "merchant_id"),
        ({"merchant_id": 0}, "merchant_id"),
        ({"merchant_id": 2**70}, "merchant_id"),
        ({"lat": 91}, "lat"),
        ({"lat": "37.5"}, "lat"),
        ({"lng": -180.5}, "lng"),
        ({"lng": None}, "lng"),
        ({"accuracy_m": -1}, "accuracy_m"),
        ({"accuracy_m": True}, "accuracy_m"),
        ({"message": "x" * 501}, "message"),
        ({"visibility": "everyone"}, "visibility"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(user_client, merchant, overrides, field):
    response = user_client.post(URL, body_at(merchant, **overrides), format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Checkin.objects.exists() and not CheckinRefusal.objects.exists()


def test_missing_fields_and_non_finite_numbers(user_client, merchant):
    response = user_client.post(URL, {}, format="json")
    assert set(response.json()["errors"]) == {"merchant_id", "lat", "lng", "accuracy_m"}
    raw = f'{{"merchant_id": {merchant.pk}, "lat": NaN, "lng": 126.8, "accuracy_m": Infinity}}'
    response = user_client.post(URL, raw, content_type="application/json")
    assert response.status_code == 400 and {"lat", "accuracy_m"} <= set(response.json()["errors"])


def test_unknown_merchant_is_404(user_client, merchant):
    response = user_client.post(URL, body_at(merchant, merchant_id=merchant.pk + 1000), format="json")
    assert (response.status_code, response.json()["code"]) == (404, "merchant_not_found")


def test_anonymous_is_401(api_client, merchant):
    assert api_client.post(URL, body_at(merchant), format="json").status_code == 401
    assert api_client.get("/api/v1/me/checkins").status_code == 401


@pytest.mark.parametrize(
    ("overrides", "code"),
    [({"accuracy_m": 200.5}, "poor_accuracy"), ({"lat": 37.4862}, "too_far")],
)
def test_refusals_are_422_problems_with_the_rule_code(user_client, user, merchant, overrides, code):
    response = user_client.post(URL, body_at(merchant, **overrides), format="json")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == code
    assert response.json()["type"] == f"/problems/{code.replace('_', '-')}"
    assert not Checkin.objects.exists()
    assert CheckinRefusal.objects.get().reason == code


def test_cooldown_refusal_over_http(user_client, user, merchant):
    assert user_client.post(URL, body_at(merchant), format="json").status_code == 201
    response = user_client.post(URL, body_at(merchant), format="json")
    assert (response.status_code, response.json()["code"]) == (422, "checkin_cooldown")


@pytest.mark.django_db(transaction=True)
def test_refusal_audit_row_is_committed_although_the_request_fails(merchant):
    user = factories.UserFactory()
    response = client_for(user).post(URL, body_at(merchant, accuracy_m=999), format="json")
    assert response.status_code == 422
    assert CheckinRefusal.objects.filter(user=user, reason="poor_accuracy").count() == 1


def test_idempotency_key_replays_the_first_answer(user_client, user, merchant):
    factories.CampaignFactory(merchant=merchant)
    first = user_client.post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = user_client.post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert again.content == first.content  # the same bytes, keys in the same order, not only equal JSON
    assert again["Idempotent-Replayed"] == "true"
    assert Checkin.objects.count() == 1 and Coupon.objects.count() == 1


def test_idempotency_key_reused_with_another_body_is_422(user_client, merchant):
    user_client.post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    response = user_client.post(URL, body_at(merchant, message="other"), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert (response.status_code, response.json()["code"]) == (422, "idempotency_key_reused")
    assert Checkin.objects.count() == 1


def test_idempotency_keys_are_scoped_per_user(user_factory, merchant):
    a, b = user_factory(), user_factory()
    first = client_for(a).post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="shared")
    second = client_for(b).post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="shared")
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]


def test_idempotency_in_flight_is_409(user_client, user, merchant):
    body = body_at(merchant)
    assert user_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="busy").status_code == 201
    # as if the first request were still running: its record has no answer yet
    IdempotencyRecord.objects.filter(key="busy").update(status_code=None, response_body=None)
    response = user_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="busy")
    assert (response.status_code, response.json()["code"]) == (409, "idempotency_in_flight")
    assert Checkin.objects.count() == 1


def test_refusals_are_replayed_too(user_client, merchant):
    first = user_client.post(URL, body_at(merchant, accuracy_m=500), format="json", HTTP_IDEMPOTENCY_KEY="r")
    again = user_client.post(URL, body_at(merchant, accuracy_m=500), format="json", HTTP_IDEMPOTENCY_KEY="r")
    assert first.status_code == again.status_code == 422
    assert again.json() == first.json()
    assert again["Content-Type"] == "application/problem+json"
    assert CheckinRefusal.objects.count() == 1


def test_invalid_idempotency_key_is_400(user_client, merchant):
    response = user_client.post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="x" * 256)
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["errors"]


def test_old_idempotency_records_expire(user_client, user, merchant, settings):
    user_client.post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="old")
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS + 1))
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    # past the TTL the key is new again
    again = user_client.post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="old")
    assert again.status_code == 201 and Checkin.objects.count() == 2
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS + 1))
    assert idempotency_records_purge() == 1
    assert not IdempotencyRecord.objects.exists()


def test_checkins_are_rate_limited_with_retry_after(user_client, merchant, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "checkin": "2/min"}
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    codes = [user_client.post(URL, body_at(merchant), format="json").status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    response = user_client.post(URL, body_at(merchant), format="json")
    assert response.json()["code"] == "rate_limited" and int(response["Retry-After"]) >= 1


def test_my_checkins_newest_first_and_only_mine(user, user_client, merchant, django_assert_max_num_queries):
    now = timezone.now()
    for minutes in (30, 20, 10):
        factories.CheckinFactory(user=user, merchant=merchant, created_at=now - timedelta(minutes=minutes))
    factories.CheckinFactory(merchant=merchant)
    with django_assert_max_num_queries(3):
        response = user_client.get("/api/v1/me/checkins?limit=2")
    body = response.json()
    assert len(body["results"]) == 2 and body["next"]
    first = body["results"][0]
    assert first["merchant"] == {"id": merchant.pk, "name": merchant.name, "category": "cafe"}
    assert first["created_at"] > body["results"][1]["created_at"]
    assert user_client.get("/api/v1/me/checkins?limit=0").status_code == 400


def test_other_users_cannot_replay_my_key(user_factory, merchant):
    a, b = user_factory(), user_factory()
    client_for(a).post(URL, body_at(merchant), format="json", HTTP_IDEMPOTENCY_KEY="mine")
    response = client_for(b).post(URL, body_at(merchant, message="b"), format="json", HTTP_IDEMPOTENCY_KEY="mine")
    assert response.status_code == 201
