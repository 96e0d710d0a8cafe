"""A campaign's series as CSV has its own operation (GET /campaigns/{id}/stats.csv), so that a generated client reads
one media type per operation; problems stay problem details; the JSON path keeps answering CSV to older clients."""

import csv
import io
import re

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.exceptions import ValidationError
from rest_framework.test import APIClient

from api.v1.stats import DATE_OR_DATETIME_PATTERN, DateOrDateTimeField
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

HEADER = ["bucket_start", "checkins", "unique_visitors", "coupons_issued", "coupons_redeemed"]
PROBLEM = "application/problem+json"


@pytest.fixture
def campaign(merchant_with_staff):
    return factories.CampaignFactory(merchant=merchant_with_staff["merchant"])


def _client(people, role) -> APIClient:
    return APIClient() if role == "anonymous" else client_for(people[role])


@pytest.mark.parametrize("role", ["owner", "manager", "clerk"])
def test_any_staff_gets_the_series_as_a_csv_file(merchant_with_staff, campaign, role):
    answer = _client(merchant_with_staff, role).get(f"/api/v1/campaigns/{campaign.pk}/stats.csv?bucket=day")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/csv")
    assert answer["Content-Disposition"] == f'attachment; filename="campaign-{campaign.pk}-stats.csv"'
    rows = list(csv.reader(io.StringIO(answer.content.decode())))
    assert rows[0] == HEADER and len(rows) >= 2


@pytest.mark.parametrize(
    ("role", "status", "code"), [("outsider", 404, "campaign_not_found"), ("anonymous", 401, None)]
)
def test_anyone_else_gets_a_problem(merchant_with_staff, campaign, role, status, code):
    answer = _client(merchant_with_staff, role).get(f"/api/v1/campaigns/{campaign.pk}/stats.csv")
    assert answer.status_code == status
    assert answer["Content-Type"] == PROBLEM
    if code:
        assert answer.json()["code"] == code


def test_bad_parameters_and_a_refused_accept_are_problems(merchant_with_staff, campaign):
    client = client_for(merchant_with_staff["clerk"])
    invalid = client.get(f"/api/v1/campaigns/{campaign.pk}/stats.csv?from=2026-02-30")
    assert invalid.status_code == 400 and invalid["Content-Type"] == PROBLEM
    assert list(invalid.json()["errors"]) == ["from"]
    refused = client.get(f"/api/v1/campaigns/{campaign.pk}/stats.csv", HTTP_ACCEPT="application/json")
    assert refused.status_code == 406 and refused["Content-Type"] == PROBLEM
    assert refused.json()["code"] == "not_acceptable"


def test_the_json_path_still_answers_csv_and_defaults_to_json(merchant_with_staff, campaign):
    client = client_for(merchant_with_staff["owner"])
    url = f"/api/v1/campaigns/{campaign.pk}/stats"
    assert client.get(url)["Content-Type"] == "application/json"
    for answer in (client.get(url + "?format=csv"), client.get(url, HTTP_ACCEPT="text/csv")):
        assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
        assert answer.content.decode().splitlines()[0] == ",".join(HEADER)


def test_each_operation_documents_one_success_media_type():
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    stats = paths["/api/v1/campaigns/{campaign_id}/stats"]["get"]
    as_csv = paths["/api/v1/campaigns/{campaign_id}/stats.csv"]["get"]
    assert list(stats["responses"]["200"]["content"]) == ["application/json"]
    assert list(as_csv["responses"]["200"]["content"]) == ["text/csv"]
    assert "format" not in {parameter["name"] for parameter in stats["parameters"]}
    for operation in (stats, as_csv):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == [PROBLEM]
    assert as_csv["operationId"].isidentifier()
    queries = {parameter["name"]: parameter for parameter in as_csv["parameters"]}
    assert queries["from"]["schema"]["pattern"] == DATE_OR_DATETIME_PATTERN == queries["to"]["schema"]["pattern"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-05-01",
        "2000-01-01",
        "2100-12-31",
        "2024-02-29",
        "2026-05-01T09:30",
        "2026-05-01T09:30:15",
        "2026-05-01T09:30:15.123456",
        "2026-05-01T09:30:15Z",
        "2026-05-01T09:30:15+09:00",
        "2026-05-01T23:59-05:00",
        "2026-02-29",
        "2100-02-29",
        "2026-04-31",
        "1999-12-31",
        "2101-01-01",
        "2026-13-01",
        "2026-05-01T24:00",
        "2026-05-01T09:60",
        "yesterday",
        "",
    ],
)
def test_the_range_pattern_says_what_the_server_takes(text):
    """The documented pattern and the server's parser agree (away from the calendar's edges' offsets)."""
    try:
        DateOrDateTimeField().to_internal_value(text)
        accepted = True
    except ValidationError:
        accepted = False
    assert bool(re.fullmatch(DATE_OR_DATETIME_PATTERN, text)) == accepted
