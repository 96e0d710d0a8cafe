import pytest
from django.utils import timezone

from merchants.models import Merchant, MerchantStaff
from tests.conftest import client_for
from tests.factories import CampaignFactory, MerchantFactory, UserFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "철산 베이커리",
    "category": "bakery",
    "address": "경기도 광명시 철산로 12",
    "lat": 37.4786,
    "lng": 126.8646,
}


def test_create_makes_the_caller_owner_with_defaults(user_client, user):
    response = user_client.post("/api/v1/merchants", VALID, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["location"] == {"lat": 37.4786, "lng": 126.8646}
    assert body["checkin_radius_m"] == 100
    assert body["timezone"] == "Asia/Seoul"
    assert MerchantStaff.objects.get(merchant_id=body["id"]).user == user
    assert MerchantStaff.objects.get(merchant_id=body["id"]).role == "owner"


def test_create_requires_authentication(api_client):
    assert api_client.post("/api/v1/merchants", VALID, format="json").status_code == 401
    assert not Merchant.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"lat": 90.0001}, "lat"),
        ({"lat": -91}, "lat"),
        ({"lng": 180.5}, "lng"),
        ({"lat": "37.5"}, "lat"),
        ({"lat": True}, "lat"),
        ({"lat": None}, "lat"),
        ({"lng": [1]}, "lng"),
        ({"checkin_radius_m": 0}, "checkin_radius_m"),
        ({"checkin_radius_m": 10**9}, "checkin_radius_m"),
        ({"checkin_radius_m": "100"}, "checkin_radius_m"),
        ({"category": "casino"}, "category"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"name": ""}, "name"),
        ({"name": "x" * 121}, "name"),
    ],
)
def test_create_rejects_bad_fields_and_writes_nothing(user_client, change, field):
    response = user_client.post("/api/v1/merchants", {**VALID, **change}, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Merchant.objects.exists()


@pytest.mark.parametrize("field", ["lat", "lng", "name", "category", "address"])
def test_create_requires_each_field(user_client, field):
    body = {k: v for k, v in VALID.items() if k != field}
    response = user_client.post("/api/v1/merchants", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_create_rejects_non_finite_json_numbers(user_client, literal):
    raw = f'{{"name": "x", "category": "cafe", "address": "y", "lat": {literal}, "lng": 126.9}}'
    response = user_client.post("/api/v1/merchants", raw, content_type="application/json")
    assert response.status_code == 400
    assert "lat" in response.json()["errors"]
    assert not Merchant.objects.exists()


def test_detail_is_public_and_shows_only_running_campaigns(api_client):
    merchant = MerchantFactory()
    running = CampaignFactory(merchant=merchant, title="Running")
    CampaignFactory(merchant=merchant, title="Paused", paused_at=timezone.now())
    CampaignFactory(merchant=merchant, title="Ended", ended_at=timezone.now())
    CampaignFactory(merchant=merchant, title="Sold out", total_stock=1, issued_count=1)
    CampaignFactory(
        merchant=merchant,
        title="Scheduled",
        starts_at=timezone.now() + timezone.timedelta(days=1),
        ends_at=timezone.now() + timezone.timedelta(days=2),
    )
    response = api_client.get(f"/api/v1/merchants/{merchant.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == merchant.name
    assert [c["id"] for c in body["active_campaigns"]] == [running.pk]
    assert "total_stock" not in body["active_campaigns"][0]
    assert "issued_count" not in body["active_campaigns"][0]


def test_detail_of_unknown_merchant_is_404(api_client):
    response = api_client.get("/api/v1/merchants/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "merchant_not_found"


@pytest.mark.parametrize(("role", "expected"), [("owner", 200), ("manager", 200), ("clerk", 403), ("outsider", 403)])
def test_patch_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff[role]).patch(
        f"/api/v1/merchants/{merchant.pk}", {"name": "New name", "lat": 37.5, "checkin_radius_m": 150}, format="json"
    )
    assert response.status_code == expected, response.content
    merchant.refresh_from_db()
    if expected == 200:
        assert (merchant.name, merchant.location.y, merchant.checkin_radius_m) == ("New name", 37.5, 150)
    else:
        assert response.json()["code"] == "permission_denied"
        assert merchant.name != "New name"


def test_patch_anonymous_is_401_and_bad_input_is_400(api_client, merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    assert api_client.patch(f"/api/v1/merchants/{merchant.pk}", {"name": "x"}, format="json").status_code == 401
    response = client_for(merchant_with_staff["owner"]).patch(
        f"/api/v1/merchants/{merchant.pk}", {"lat": "north"}, format="json"
    )
    assert response.status_code == 400
    assert "lat" in response.json()["errors"]


@pytest.mark.parametrize(("role", "expected"), [("owner", 201), ("manager", 403), ("clerk", 403), ("outsider", 403)])
def test_staff_add_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    newcomer = UserFactory()
    response = client_for(merchant_with_staff[role]).post(
        f"/api/v1/merchants/{merchant.pk}/staff", {"username": newcomer.username, "role": "clerk"}, format="json"
    )
    assert response.status_code == expected, response.content
    assert MerchantStaff.objects.filter(merchant=merchant, user=newcomer).exists() == (expected == 201)


def test_staff_add_errors(merchant_with_staff, api_client):
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    url = f"/api/v1/merchants/{merchant.pk}/staff"
    assert api_client.post(url, {"username": "x", "role": "clerk"}, format="json").status_code == 401
    duplicate = owner.post(url, {"username": merchant_with_staff["clerk"].username, "role": "manager"}, format="json")
    assert (duplicate.status_code, duplicate.json()["code"]) == (409, "already_staff")
    unknown = owner.post(url, {"username": "ghost", "role": "clerk"}, format="json")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "user_not_found")
    owner_role = owner.post(url, {"username": UserFactory().username, "role": "owner"}, format="json")
    assert owner_role.status_code == 400
    assert "role" in owner_role.json()["errors"]
    assert (
        owner.post("/api/v1/merchants/999999/staff", {"username": "x", "role": "clerk"}, format="json").status_code
        == 404
    )
