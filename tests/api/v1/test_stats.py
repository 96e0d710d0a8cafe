"""Statistics endpoints: who may read them, parameter validation naming the field, CSV, the figures the selector
gives, a constant number of queries whatever the data, and merchant views recorded by the detail endpoint."""

import csv
import io
import random
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from stats.campaign_stats import campaign_stats
from stats.models import MerchantView
from stats.services import rollups_fold
from tests import factories
from tests.conftest import client_for
from tests.stats.history import history_make, history_write

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

READERS = [("owner", 200), ("manager", 200), ("clerk", 200), ("outsider", 404), ("anonymous", 401)]


def as_role(people, role) -> APIClient:
    return APIClient() if role == "anonymous" else client_for(people[role])


@pytest.fixture
def campaign(merchant_with_staff):
    return factories.CampaignFactory(merchant=merchant_with_staff["merchant"], holdout_percent=10)


@pytest.mark.parametrize(("role", "expected"), READERS)
def test_campaign_stats_by_role(merchant_with_staff, campaign, role, expected):
    response = as_role(merchant_with_staff, role).get(f"/api/v1/campaigns/{campaign.pk}/stats")
    assert response.status_code == expected, response.content
    if expected == 404:
        assert response.json()["code"] == "campaign_not_found"
        assert response["Content-Type"] == "application/problem+json"
    if expected == 200:
        body = response.json()
        assert set(body) >= {"totals", "funnel", "baseline", "lift", "holdout", "series", "from", "to", "as_of"}
        assert body["holdout"]["treated"] == {"users": 0, "revisited": 0, "revisit_rate": None}


def test_other_merchants_staff_and_unknown_ids_get_not_found(campaign):
    other_owner = factories.MerchantStaffFactory().user
    response = client_for(other_owner).get(f"/api/v1/campaigns/{campaign.pk}/stats")
    assert response.status_code == 404 and response.json()["code"] == "campaign_not_found"
    response = client_for(other_owner).get("/api/v1/campaigns/999999999/stats")
    assert response.status_code == 404 and response.json()["code"] == "campaign_not_found"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=yesterday", "from"),
        ("to=2026-02-30", "to"),
        ("from=0001-01-01", "from"),
        ("from=1900-01-01", "from"),
        ("to=9999-12-31", "to"),
        ("to=2101-01-01T00:00:00Z", "to"),
        ("bucket=month", "bucket"),
        ("from=2026-05-02&to=2026-05-01", "to"),
        ("from=2026-05-01T10:00:00%2B09:00&to=2026-05-01T10:00:00%2B09:00", "to"),
    ],
)
def test_bad_parameters_are_400s_naming_the_field(merchant_with_staff, campaign, query, field):
    response = client_for(merchant_with_staff["clerk"]).get(f"/api/v1/campaigns/{campaign.pk}/stats?{query}")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "validation_error"
    assert field in response.json()["errors"]


def test_a_single_day_given_as_dates_is_valid(merchant_with_staff, campaign):
    day = timezone.localdate()
    response = client_for(merchant_with_staff["clerk"]).get(
        f"/api/v1/campaigns/{campaign.pk}/stats?from={day}&to={day}&bucket=hour"
    )
    assert response.status_code == 200, response.content


@pytest.fixture
def history(merchant_with_staff):
    """A random month of activity at the fixture merchant, folded into the rollups."""
    now = timezone.now()
    story = history_make(seed=5, now=now, users=25, days=30)
    for role in ("owner", "clerk"):
        factories.MerchantStaffFactory(merchant=story.merchant, user=merchant_with_staff[role], role=role)
    history_write(story, until=now, rng=random.Random(5))
    rollups_fold(now=now)
    return story


def test_json_carries_the_selectors_figures(merchant_with_staff, history):
    campaign = history.campaigns[0]
    response = client_for(merchant_with_staff["clerk"]).get(f"/api/v1/campaigns/{campaign.pk}/stats?bucket=hour")
    assert response.status_code == 200
    body = response.json()
    expected = campaign_stats(campaign_id=campaign.pk, user_id=merchant_with_staff["clerk"].pk, bucket="hour")
    assert body["totals"] == expected["totals"] and body["funnel"] == expected["funnel"]
    assert body["totals"]["checkins"] > 0 and body["holdout"]["treated"]["users"] > 0
    assert len(body["series"]) == len(expected["series"])
    assert body["series"][0]["bucket_start"] == expected["series"][0]["bucket_start"].isoformat()


@pytest.mark.parametrize("how", ["accept", "format"])
def test_csv_is_the_series_with_a_header_row(merchant_with_staff, history, how):
    campaign = history.campaigns[0]
    client = client_for(merchant_with_staff["owner"])
    url = f"/api/v1/campaigns/{campaign.pk}/stats"
    response = client.get(url, HTTP_ACCEPT="text/csv") if how == "accept" else client.get(url + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["bucket_start", "checkins", "unique_visitors", "coupons_issued", "coupons_redeemed"]
    series = client.get(url).json()["series"]
    assert len(rows) == len(series) + 1
    assert sum(int(row[1]) for row in rows[1:]) == sum(row["checkins"] for row in series)
    assert rows[1][0] == series[0]["bucket_start"]


def test_csv_errors_stay_problem_details(merchant_with_staff, campaign):
    response = client_for(merchant_with_staff["clerk"]).get(
        f"/api/v1/campaigns/{campaign.pk}/stats?bucket=month", HTTP_ACCEPT="text/csv"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["bucket"]


def test_query_count_does_not_grow_with_the_data(merchant_with_staff, campaign, django_assert_num_queries):
    client = client_for(merchant_with_staff["clerk"])
    url = f"/api/v1/campaigns/{campaign.pk}/stats?bucket=hour"
    with django_assert_num_queries(9):  # token user, campaign with role, no parallel workers, 5 rollup reads, as_of
        assert client.get(url).status_code == 200
    users = factories.UserFactory.create_batch(30)
    now = timezone.now()
    for index, user in enumerate(users):
        factories.CheckinFactory(user=user, merchant=campaign.merchant, created_at=now - timedelta(minutes=index))
    rollups_fold()
    with django_assert_num_queries(9):
        body = client.get(url).json()
    assert body["totals"]["checkins"] == 30 and body["totals"]["unique_visitors"] == 30


@pytest.mark.parametrize(("role", "expected"), [*READERS[:3], ("outsider", 403), ("anonymous", 401)])
def test_merchant_overview_by_role(merchant_with_staff, campaign, role, expected):
    merchant = merchant_with_staff["merchant"]
    response = as_role(merchant_with_staff, role).get(f"/api/v1/merchants/{merchant.pk}/stats")
    assert response.status_code == expected, response.content
    if expected == 200:
        body = response.json()
        assert body["role"] == role
        assert [c["id"] for c in body["campaigns"]] == [campaign.pk]


def test_merchant_overview_figures_equal_each_campaigns_stats(merchant_with_staff, history, django_assert_num_queries):
    client = client_for(merchant_with_staff["owner"])
    with django_assert_num_queries(7):
        body = client.get(f"/api/v1/merchants/{history.merchant.pk}/stats").json()
    assert len(body["campaigns"]) == 2
    for row in body["campaigns"]:
        totals = client.get(f"/api/v1/campaigns/{row['id']}/stats").json()["totals"]
        for name in ("checkins", "unique_visitors", "new_visitors", "coupons_issued", "coupons_redeemed"):
            assert row[name] == totals[name], name


def test_merchant_detail_records_signed_in_viewers_only(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    viewer = factories.UserFactory()
    assert APIClient().get(f"/api/v1/merchants/{merchant.pk}").status_code == 200
    assert not MerchantView.objects.exists()
    assert client_for(viewer).get(f"/api/v1/merchants/{merchant.pk}").status_code == 200
    assert list(MerchantView.objects.values_list("merchant_id", "user_id")) == [(merchant.pk, viewer.pk)]


def test_weekly_series_from_the_api(merchant_with_staff, history):
    campaign = history.campaigns[0]
    client = client_for(merchant_with_staff["clerk"])
    body = client.get(f"/api/v1/campaigns/{campaign.pk}/stats?bucket=week").json()
    assert body["bucket"] == "week" and body["series"]
    starts = [datetime.fromisoformat(row["bucket_start"]) for row in body["series"]]
    assert all(start.weekday() == 0 and start.hour == 0 for start in starts)
    assert all(later - earlier == timedelta(days=7) for earlier, later in zip(starts, starts[1:], strict=False))
    assert sum(row["checkins"] for row in body["series"]) == body["totals"]["checkins"]
    rows = list(
        csv.reader(
            io.StringIO(client.get(f"/api/v1/campaigns/{campaign.pk}/stats?bucket=week&format=csv").content.decode())
        )
    )
    assert len(rows) == len(starts) + 1
