"""Campaign endpoints: who may do what (both ways), validation naming the field, computed status and stock."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.test import APIClient

from coupons.models import Campaign
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def campaign_body(**overrides):
    body = {
        "title": "Free croissant",
        "ends_at": (timezone.now() + timedelta(days=10)).isoformat(),
        "trigger": {"type": "every_checkin"},
    }
    body.update(overrides)
    return body


def as_role(people, role) -> APIClient:
    """A client signed in as the merchant's owner, manager, clerk or an outsider; or anonymous."""
    return APIClient() if role == "anonymous" else client_for(people[role])


LIST_READERS = [("owner", 200), ("manager", 200), ("clerk", 200), ("outsider", 403), ("anonymous", 401)]
CREATORS = [("owner", 201), ("manager", 201), ("clerk", 403), ("outsider", 403), ("anonymous", 401)]
DETAIL_READERS = [("owner", 200), ("manager", 200), ("clerk", 200), ("outsider", 404), ("anonymous", 401)]
CHANGERS = [("owner", 200), ("manager", 200), ("clerk", 403), ("outsider", 404), ("anonymous", 401)]


@pytest.mark.parametrize(("role", "expected"), LIST_READERS)
def test_list_campaigns_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    factories.CampaignFactory(merchant=merchant)
    response = as_role(merchant_with_staff, role).get(f"/api/v1/merchants/{merchant.pk}/campaigns")
    assert response.status_code == expected, response.content
    if expected == 200:
        assert len(response.json()["results"]) == 1


@pytest.mark.parametrize(("role", "expected"), CREATORS)
def test_create_campaign_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    response = as_role(merchant_with_staff, role).post(
        f"/api/v1/merchants/{merchant.pk}/campaigns", campaign_body(), format="json"
    )
    assert response.status_code == expected, response.content
    assert Campaign.objects.exists() is (expected == 201)


@pytest.mark.parametrize(("role", "expected"), DETAIL_READERS)
def test_read_campaign_by_role(merchant_with_staff, role, expected):
    campaign = factories.CampaignFactory(merchant=merchant_with_staff["merchant"])
    response = as_role(merchant_with_staff, role).get(f"/api/v1/campaigns/{campaign.pk}")
    assert response.status_code == expected, response.content


@pytest.mark.parametrize(("role", "expected"), CHANGERS)
@pytest.mark.parametrize("action", ["patch", "pause", "resume", "end"])
def test_change_campaign_by_role(merchant_with_staff, role, expected, action):
    campaign = factories.CampaignFactory(merchant=merchant_with_staff["merchant"], title="Before")
    client = as_role(merchant_with_staff, role)
    if action == "patch":
        response = client.patch(f"/api/v1/campaigns/{campaign.pk}", {"title": "After"}, format="json")
    else:
        response = client.post(f"/api/v1/campaigns/{campaign.pk}/{action}")
    assert response.status_code == expected, response.content
    campaign.refresh_from_db()
    if expected != 200:
        assert (campaign.title, campaign.paused_at, campaign.ended_at) == ("Before", None, None)


def test_unknown_merchant_and_campaign_are_404(user_client):
    assert user_client.get("/api/v1/merchants/999999/campaigns").json()["code"] == "merchant_not_found"
    assert user_client.get("/api/v1/campaigns/999999").json()["code"] == "campaign_not_found"
    assert user_client.post("/api/v1/campaigns/999999/pause").status_code == 404
    assert user_client.get("/api/v1/campaigns/99999999999999999999999").status_code == 404


def test_create_defaults_and_computed_fields(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff["owner"]).post(
        f"/api/v1/merchants/{merchant.pk}/campaigns", campaign_body(), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["merchant_id"] == merchant.pk
    assert body["trigger"] == {"type": "every_checkin"}
    assert (body["total_stock"], body["per_user_limit"], body["coupon_valid_days"], body["holdout_percent"]) == (
        None,
        1,
        7,
        0,
    )
    assert (body["status"], body["issued_count"], body["remaining_stock"]) == ("running", 0, None)
    assert body["daily_start_time"] is None and body["daily_end_time"] is None


def test_create_with_all_fields(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    starts = timezone.now() + timedelta(days=1)
    body = campaign_body(
        starts_at=starts.isoformat(),
        trigger={"type": "with_friends", "friends": 2, "window_minutes": 60},
        total_stock=100,
        per_user_limit=3,
        coupon_valid_days=14,
        daily_start_time="22:00",
        daily_end_time="02:00",
        holdout_percent=20,
        description="Bring two friends",
    )
    response = client_for(merchant_with_staff["manager"]).post(
        f"/api/v1/merchants/{merchant.pk}/campaigns", body, format="json"
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "scheduled"
    assert created["remaining_stock"] == 100
    assert (created["daily_start_time"], created["daily_end_time"]) == ("22:00:00", "02:00:00")
    assert created["holdout_percent"] == 20
    assert created["trigger"] == {"type": "with_friends", "friends": 2, "window_minutes": 60}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_at": (timezone.now() - timedelta(days=1)).isoformat()}, "ends_at"),
        (
            {
                "starts_at": (timezone.now() + timedelta(days=5)).isoformat(),
                "ends_at": (timezone.now() + timedelta(days=4)).isoformat(),
            },
            "ends_at",
        ),
        ({"ends_at": "tomorrow"}, "ends_at"),
        ({"title": ""}, "title"),
        ({"total_stock": 0}, "total_stock"),
        ({"total_stock": "10"}, "total_stock"),
        ({"per_user_limit": 0}, "per_user_limit"),
        ({"coupon_valid_days": 0}, "coupon_valid_days"),
        ({"holdout_percent": 51}, "holdout_percent"),
        ({"holdout_percent": -1}, "holdout_percent"),
        ({"daily_start_time": "09:00"}, "daily_end_time"),
        ({"daily_start_time": "09:00", "daily_end_time": "09:00"}, "daily_end_time"),
        ({"daily_start_time": "25:00", "daily_end_time": "09:00"}, "daily_start_time"),
        ({"trigger": {"type": "lottery"}}, "trigger.type"),
        ({"trigger": "every_checkin"}, "trigger.non_field_errors"),
        ({"trigger": {"type": "nth_visit"}}, "trigger.visits"),
        ({"trigger": {"type": "nth_visit", "visits": 1}}, "trigger.visits"),
        ({"trigger": {"type": "nth_visit", "visits": "3"}}, "trigger.visits"),
        ({"trigger": {"type": "with_friends", "window_minutes": 10}}, "trigger.friends"),
        ({"trigger": {"type": "with_friends", "friends": 0, "window_minutes": 10}}, "trigger.friends"),
        ({"trigger": {"type": "with_friends", "friends": 1, "window_minutes": 1441}}, "trigger.window_minutes"),
        ({"trigger": {"type": "with_friends", "friends": 1}}, "trigger.window_minutes"),
        # dates outside the supported calendar (2000-01-01..2100-12-31) broke statistics (year 1) or bloated them
        ({"starts_at": "0001-01-01T00:00:00+09:00"}, "starts_at"),
        ({"starts_at": "1900-01-01T00:00:00Z"}, "starts_at"),
        ({"starts_at": "1999-12-31T23:59:59Z"}, "starts_at"),
        ({"ends_at": "2101-01-01T00:00:00Z"}, "ends_at"),
        ({"ends_at": "2100-12-31T23:00:00-05:00"}, "ends_at"),
        ({"ends_at": "9999-12-31T23:59:59Z"}, "ends_at"),
    ],
)
def test_invalid_campaign_is_a_400_naming_the_field(merchant_with_staff, overrides, field):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff["owner"]).post(
        f"/api/v1/merchants/{merchant.pk}/campaigns", campaign_body(**overrides), format="json"
    )
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"], response.json()
    assert not Campaign.objects.exists()


def test_pause_resume_end_and_status(merchant_with_staff):
    campaign = factories.CampaignFactory(merchant=merchant_with_staff["merchant"])
    client = client_for(merchant_with_staff["manager"])
    url = f"/api/v1/campaigns/{campaign.pk}"
    assert client.post(f"{url}/pause").json()["status"] == "paused"
    assert client.post(f"{url}/pause").json()["status"] == "paused"  # idempotent
    assert client.post(f"{url}/resume").json()["status"] == "running"
    assert client.post(f"{url}/end").json()["status"] == "ended"
    assert client.post(f"{url}/end").status_code == 200
    for action in ("pause", "resume"):
        response = client.post(f"{url}/{action}")
        assert (response.status_code, response.json()["code"]) == (409, "campaign_ended")
    assert client.patch(url, {"title": "x"}, format="json").json()["code"] == "campaign_ended"


def test_patch_checks_against_current_values(merchant_with_staff):
    campaign = factories.CampaignFactory(merchant=merchant_with_staff["merchant"], total_stock=10, issued_count=6)
    client = client_for(merchant_with_staff["owner"])
    url = f"/api/v1/campaigns/{campaign.pk}"
    response = client.patch(url, {"total_stock": 5}, format="json")
    assert response.status_code == 400 and "total_stock" in response.json()["errors"]
    response = client.patch(url, {"ends_at": (campaign.starts_at - timedelta(hours=1)).isoformat()}, format="json")
    assert response.status_code == 400 and "ends_at" in response.json()["errors"]
    response = client.patch(url, {"trigger": {"type": "nth_visit"}}, format="json")
    assert response.status_code == 400 and "trigger.visits" in response.json()["errors"]
    response = client.patch(url, {"total_stock": 6, "trigger": {"type": "nth_visit", "visits": 4}}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["remaining_stock"]) == ("sold_out", 0)
    assert response.json()["trigger"] == {"type": "nth_visit", "visits": 4}


def test_nearby_shows_running_campaigns_consistently_with_status(api_client, merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    running = factories.CampaignFactory(merchant=merchant)
    factories.CampaignFactory(merchant=merchant, paused_at=timezone.now())
    factories.CampaignFactory(merchant=merchant, total_stock=1, issued_count=1)
    factories.CampaignFactory(merchant=merchant, starts_at=timezone.now() + timedelta(days=1))
    url = f"/api/v1/merchants/nearby?lat={merchant.location.y}&lng={merchant.location.x}&radius=50"
    result = api_client.get(url).json()["results"][0]
    assert [c["id"] for c in result["active_campaigns"]] == [running.pk]
    assert [c.status for c in Campaign.objects.order_by("id")] == ["running", "paused", "sold_out", "scheduled"]


def test_list_query_count(merchant_with_staff, django_assert_max_num_queries):
    merchant = merchant_with_staff["merchant"]
    factories.CampaignFactory.create_batch(5, merchant=merchant)
    client = client_for(merchant_with_staff["clerk"])
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/merchants/{merchant.pk}/campaigns?limit=3")
    assert len(response.json()["results"]) == 3 and response.json()["next"]


def test_campaign_dates_cannot_be_moved_outside_the_supported_calendar(merchant_with_staff):
    """PATCH is held to the same calendar as creation, and the database refuses such a row whatever the code does."""
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    campaign_id = owner.post(f"/api/v1/merchants/{merchant.pk}/campaigns", campaign_body(), format="json").json()["id"]
    response = owner.patch(f"/api/v1/campaigns/{campaign_id}", {"starts_at": "0001-01-01T00:00:00Z"}, format="json")
    assert response.status_code == 400 and "starts_at" in response.json()["errors"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Campaign.objects.filter(pk=campaign_id).update(starts_at=datetime(1999, 12, 31, tzinfo=UTC))
