import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from geographiclib.geodesic import Geodesic

from coupons.nearby import merchant_nearby_sql
from demo.loader import merchants_bulk_load
from geo.points import point_from_lat_lng
from merchants.models import Merchant
from tests.factories import CampaignFactory, MerchantFactory

pytestmark = pytest.mark.django_db
ORIGIN = (37.4786, 126.8646)
URL = "/api/v1/merchants/nearby"


@pytest.fixture
def scattered():
    """300 merchants scattered up to ~3 km around ORIGIN, in three categories."""
    rng = random.Random(42)
    merchants = [
        Merchant(
            name=f"가게 {i}",
            category=("cafe", "bakery", "restaurant")[i % 3],
            address="경기도 광명시",
            location=point_from_lat_lng(ORIGIN[0] + rng.uniform(-0.027, 0.027), ORIGIN[1] + rng.uniform(-0.034, 0.034)),
        )
        for i in range(300)
    ]
    return Merchant.objects.bulk_create(merchants)


def geodesic_m(lat1, lng1, lat2, lng2) -> float:
    return Geodesic.WGS84.Inverse(lat1, lng1, lat2, lng2)["s12"]


def test_nearest_first_all_within_radius_and_distances_geodesic(api_client, scattered):
    response = api_client.get(URL, {"lat": ORIGIN[0], "lng": ORIGIN[1], "radius": 1500, "limit": 100})
    assert response.status_code == 200
    results = response.json()["results"]
    expected_inside = [
        m for m in scattered if geodesic_m(*ORIGIN, m.location.y, m.location.x) <= 1500 - 1
    ]  # 1 m margin for rounding
    assert len(results) >= min(100, len(expected_inside))
    distances = [r["distance_m"] for r in results]
    assert distances == sorted(distances)
    for item in results:
        truth = geodesic_m(*ORIGIN, item["location"]["lat"], item["location"]["lng"])
        assert abs(item["distance_m"] - truth) < 1.0
        assert item["distance_m"] <= 1500
        assert set(item) == {"id", "name", "category", "address", "location", "distance_m", "active_campaigns"}
    # Nothing closer was left out.
    shown = {r["id"] for r in results}
    cutoff = distances[-1]
    missing = [
        m.pk
        for m in expected_inside
        if m.pk not in shown and geodesic_m(*ORIGIN, m.location.y, m.location.x) < cutoff - 1
    ]
    assert missing == []


def test_pages_follow_on_without_overlap(api_client, scattered):
    first = api_client.get(URL, {"lat": ORIGIN[0], "lng": ORIGIN[1], "radius": 3000, "limit": 7}).json()
    assert first["previous"] is None and first["next"]
    second = api_client.get(first["next"]).json()
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    assert first["results"][-1]["distance_m"] <= second["results"][0]["distance_m"]
    assert second["previous"]


def test_last_page_has_no_next(api_client):
    MerchantFactory(location=point_from_lat_lng(*ORIGIN))
    body = api_client.get(URL, {"lat": ORIGIN[0], "lng": ORIGIN[1], "limit": 1}).json()
    assert len(body["results"]) == 1
    assert body["next"] is None


def test_filters_category_name_and_campaign(api_client):
    near = point_from_lat_lng(*ORIGIN)
    bakery = MerchantFactory(name="행복한 베이커리", category="bakery", location=near)
    cafe = MerchantFactory(name="100% 커피", category="cafe", location=near)
    MerchantFactory(name="먼 카페", category="cafe", location=point_from_lat_lng(ORIGIN[0] + 0.05, ORIGIN[1]))
    CampaignFactory(merchant=cafe)
    CampaignFactory(merchant=bakery, paused_at=timezone.now())

    def ids(**params):
        response = api_client.get(URL, {"lat": ORIGIN[0], "lng": ORIGIN[1], **params})
        assert response.status_code == 200, response.content
        return {r["id"] for r in response.json()["results"]}

    assert ids() == {bakery.pk, cafe.pk}
    assert ids(category="bakery") == {bakery.pk}
    assert ids(q="베이커") == {bakery.pk}
    assert ids(q="100%") == {cafe.pk}
    assert ids(q="%") == {cafe.pk}  # a literal percent sign, not a wildcard
    assert ids(q="_") == set()
    assert ids(has_campaign="true") == {cafe.pk}
    assert ids(has_campaign="false") == {bakery.pk}
    cafe_row = api_client.get(URL, {"lat": ORIGIN[0], "lng": ORIGIN[1], "has_campaign": "true"}).json()["results"][0]
    assert [c["trigger"] for c in cafe_row["active_campaigns"]] == ["every_checkin"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lng": 126.86}, "lat"),
        ({"lat": 37.4}, "lng"),
        ({"lat": "abc", "lng": 126.86}, "lat"),
        ({"lat": "NaN", "lng": 126.86}, "lat"),
        ({"lat": 37.4, "lng": "Infinity"}, "lng"),
        ({"lat": 37.4, "lng": "-inf"}, "lng"),
        ({"lat": 91, "lng": 126.86}, "lat"),
        ({"lat": 37.4, "lng": -180.01}, "lng"),
        ({"lat": 37.4, "lng": 126.86, "radius": 0}, "radius"),
        ({"lat": 37.4, "lng": 126.86, "radius": -5}, "radius"),
        ({"lat": 37.4, "lng": 126.86, "radius": 50001}, "radius"),
        ({"lat": 37.4, "lng": 126.86, "radius": "nan"}, "radius"),
        ({"lat": 37.4, "lng": 126.86, "limit": 0}, "limit"),
        ({"lat": 37.4, "lng": 126.86, "limit": 101}, "limit"),
        ({"lat": 37.4, "lng": 126.86, "limit": 10**9}, "limit"),
        ({"lat": 37.4, "lng": 126.86, "limit": "ten"}, "limit"),
        ({"lat": 37.4, "lng": 126.86, "offset": -1}, "offset"),
        ({"lat": 37.4, "lng": 126.86, "category": "casino"}, "category"),
        ({"lat": 37.4, "lng": 126.86, "has_campaign": "maybe"}, "has_campaign"),
        ({"lat": 37.4, "lng": 126.86, "q": "x" * 101}, "q"),
    ],
)
def test_bad_parameters_are_400_naming_the_field(api_client, params, field):
    response = api_client.get(URL, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"]


def test_maximum_radius_is_accepted(api_client):
    assert api_client.get(URL, {"lat": 37.4, "lng": 126.86, "radius": 50000}).status_code == 200


def test_one_query_per_search(api_client, scattered):
    with CaptureQueriesContext(connection) as captured:
        api_client.get(URL, {"lat": ORIGIN[0], "lng": ORIGIN[1], "radius": 1000, "limit": 20})
    # (The test's own transaction adds a savepoint around it; a request in autocommit has none.)
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1, statements


def test_query_walks_the_gist_index_with_knn(transactional_db):
    merchants_bulk_load(count=20_000, progress=False)

    def plan_for(**filters) -> str:
        sql, params = merchant_nearby_sql(lat=37.55, lng=126.98, radius_m=1000, limit=21, **filters)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())

    plan = plan_for()
    # KNN: the GiST index returns rows nearest first, bounded by ST_DWithin's index condition.
    assert "Index Scan using merchants_merchant_location" in plan, plan
    assert "Order By: (location <-> " in plan, plan
    assert "Index Cond: (location && " in plan, plan
    assert "st_dwithin" in plan.lower(), plan
    assert "Seq Scan on merchants_merchant" not in plan, plan
    # With a selective filter the planner may prefer a bitmap scan, but always through the same GiST index.
    for filters in ({"category": "cafe"}, {"q": "카페"}):
        plan = plan_for(**filters)
        assert "merchants_merchant_location" in plan, plan
        assert "Seq Scan on merchants_merchant" not in plan, plan


@pytest.mark.parametrize(("lat", "lng"), [(0, 0), (0, 180), (1e-25, 0), (-90, -180)])
def test_points_where_geography_knn_misorders_still_answer(api_client, lat, lng):
    """PostGIS 3.3's geography KNN aborts on near-zero distances around (0, 0) or the antimeridian."""
    for point in [(0, 0), (1e-25, 0), (-1e-7, 0), (0, 180), (0, -180), (90, 0), (-90, 180)]:
        MerchantFactory(location=point_from_lat_lng(*point))
    response = api_client.get(URL, {"lat": lat, "lng": lng, "radius": 1000})
    assert response.status_code == 200, response.content
    distances = [r["distance_m"] for r in response.json()["results"]]
    assert distances == sorted(distances)
    assert all(d <= 1000 for d in distances)
