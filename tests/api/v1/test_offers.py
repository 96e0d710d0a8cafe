"""Offers explained to the app: the public campaign fields on nearby and merchant detail, `my_progress` for a signed-in
caller only, what it tells agreeing with the real POST /checkins, and the queries it costs."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from checkins.progress import REASONS
from geo.points import point_from_lat_lng
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
NEARBY = "/api/v1/merchants/nearby"
ORIGIN = (37.4786, 126.8646)
PUBLIC_FIELDS = {
    "id",
    "title",
    "trigger",
    "ends_at",
    "trigger_params",
    "per_user_limit",
    "coupon_valid_days",
    "daily_start_time",
    "daily_end_time",
}
PROGRESS_FIELDS = {"coupons_received", "visits_counted", "visits_to_next", "eligible_now", "reason"}
TRIGGERS = [
    ({"type": "every_checkin"}, {}),
    ({"type": "first_visit"}, {}),
    ({"type": "nth_visit", "visits": 3}, {"visits": 3}),
    ({"type": "with_friends", "friends": 2, "window_minutes": 45}, {"friends": 2, "window_minutes": 45}),
]


@pytest.fixture
def shop():
    """A shop at ORIGIN running one campaign of each trigger type (the second with daily hours)."""
    merchant = factories.MerchantFactory(location=point_from_lat_lng(*ORIGIN))
    for index, (trigger, _) in enumerate(TRIGGERS):
        hours = {"daily_start_time": time(9), "daily_end_time": time(2)} if index == 1 else {}
        factories.CampaignFactory(merchant=merchant, trigger=trigger, per_user_limit=index + 1, coupon_valid_days=10,
                                  description=f"About {index}", **hours)  # fmt: skip
    return merchant


def nearby(client, **params) -> list[dict]:
    response = client.get(NEARBY, {"lat": ORIGIN[0], "lng": ORIGIN[1], "radius": 200, **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_nearby_campaigns_carry_their_public_terms_for_anyone(api_client, shop):
    [row] = nearby(api_client)
    campaigns = row["active_campaigns"]
    assert [c["trigger_params"] for c in campaigns] == [params for _, params in TRIGGERS]
    assert all(set(c) == PUBLIC_FIELDS for c in campaigns)  # anonymous: no my_progress, no stock
    assert [c["per_user_limit"] for c in campaigns] == [1, 2, 3, 4]
    assert {c["coupon_valid_days"] for c in campaigns} == {10}
    assert [(c["daily_start_time"], c["daily_end_time"]) for c in campaigns[:2]] == [
        (None, None),
        ("09:00:00", "02:00:00"),
    ]


def test_detail_campaigns_carry_the_same_terms(api_client, shop):
    response = api_client.get(f"/api/v1/merchants/{shop.pk}")
    assert response.status_code == 200
    detail = response.json()["active_campaigns"]
    [row] = nearby(api_client)
    for brief, full in zip(row["active_campaigns"], detail, strict=True):
        assert set(full) == PUBLIC_FIELDS | {"description", "starts_at"}
        assert {key: full[key] for key in PUBLIC_FIELDS - {"ends_at"}} == {
            key: brief[key] for key in PUBLIC_FIELDS - {"ends_at"}
        }
    assert "my_progress" not in detail[0]


def test_signed_in_callers_get_their_progress_on_nearby_and_detail(user, shop):
    client = client_for(user)
    [row] = nearby(client)
    detail = client.get(f"/api/v1/merchants/{shop.pk}").json()["active_campaigns"]
    for items in (row["active_campaigns"], detail):
        assert all(set(c["my_progress"]) == PROGRESS_FIELDS for c in items)
        assert [c["my_progress"]["visits_to_next"] for c in items] == [None, None, 3, None]
        assert items[0]["my_progress"] == {
            "coupons_received": 0,
            "visits_counted": 0,
            "visits_to_next": None,
            "eligible_now": True,
            "reason": None,
        }
        assert items[3]["my_progress"]["eligible_now"] is False  # with_friends: nobody here yet


def test_a_bad_token_on_nearby_is_401_not_anonymous(api_client, shop):
    response = api_client.get(NEARBY, {"lat": ORIGIN[0], "lng": ORIGIN[1]}, HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_what_nearby_tells_is_what_the_check_in_does(user, settings):
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    merchant = factories.MerchantFactory(location=point_from_lat_lng(*ORIGIN))
    campaign = factories.CampaignFactory(merchant=merchant, trigger={"type": "nth_visit", "visits": 2})
    client = client_for(user)
    body = {"merchant_id": merchant.pk, "lat": ORIGIN[0], "lng": ORIGIN[1], "accuracy_m": 10}
    told = []
    for _ in range(3):
        [row] = nearby(client)
        progress = row["active_campaigns"][0]["my_progress"]
        response = client.post("/api/v1/checkins", body, format="json")
        assert response.status_code == 201, response.content
        issued = [c["campaign_id"] for c in response.json()["coupons"]] == [campaign.pk]
        assert progress["eligible_now"] is issued
        told.append((progress["visits_counted"], progress["visits_to_next"], progress["eligible_now"],
                     progress["reason"]))  # fmt: skip
    assert told == [(0, 2, False, None), (1, 1, True, None), (2, 2, False, "limit_reached")]


def _statements(client, url, params=None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    # (The test's own transaction adds savepoints; a request in autocommit has none.)
    return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def _shops(count: int) -> None:
    for index in range(count):
        merchant = factories.MerchantFactory(location=point_from_lat_lng(ORIGIN[0] + index * 1e-5, ORIGIN[1]))
        for trigger, _ in TRIGGERS:
            factories.CampaignFactory(merchant=merchant, trigger=trigger)


@pytest.mark.parametrize("shops", [1, 6])
def test_nearby_queries_do_not_grow_with_the_page(api_client, user, shops):
    _shops(shops)
    params = {"lat": ORIGIN[0], "lng": ORIGIN[1], "radius": 200}
    assert len(_statements(api_client, NEARBY, params)) == 1  # anonymous: the search alone
    # Signed in: the user, the search, then the campaigns with the user's counters and the visit facts.
    assert len(_statements(client_for(user), NEARBY, params)) == 4


def test_nearby_signed_in_without_campaigns_adds_only_the_user(user):
    factories.MerchantFactory(location=point_from_lat_lng(*ORIGIN))
    assert len(_statements(client_for(user), NEARBY, {"lat": ORIGIN[0], "lng": ORIGIN[1]})) == 2


def test_detail_queries(api_client, user, shop):
    url = f"/api/v1/merchants/{shop.pk}"
    assert len(_statements(api_client, url)) == 2  # the merchant, its running campaigns
    # Signed in: the user, the merchant, its campaigns, the recorded view, and the progress' two.
    assert len(_statements(client_for(user), url)) == 6


def test_progress_follows_the_merchant_time_zone_on_detail(user):
    merchant = factories.MerchantFactory(timezone="Asia/Seoul")
    local = timezone.now().astimezone(timezone.get_fixed_timezone(9 * 60))
    start = (local + timedelta(hours=2)).time().replace(minute=0, second=0, microsecond=0)
    end = (local + timedelta(hours=3)).time().replace(minute=0, second=0, microsecond=0)
    factories.CampaignFactory(merchant=merchant, daily_start_time=start, daily_end_time=end)
    [item] = client_for(user).get(f"/api/v1/merchants/{merchant.pk}").json()["active_campaigns"]
    assert (item["my_progress"]["eligible_now"], item["my_progress"]["reason"]) == (False, "outside_hours")


def test_the_schema_documents_progress_and_its_reasons():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    reason = components["MyProgress"]["properties"]["reason"]
    assert {"$ref": "#/components/schemas/ProgressReasonEnum"} in reason["oneOf"]
    assert components["ProgressReasonEnum"]["enum"] == list(REASONS)
    brief = components["CampaignBrief"]["properties"]
    assert {"trigger_params", "per_user_limit", "coupon_valid_days", "daily_start_time", "my_progress"} <= set(brief)
    assert "my_progress" not in components["CampaignBrief"].get("required", [])
    assert set(components["TriggerParams"]["properties"]) == {"visits", "friends", "window_minutes"}
