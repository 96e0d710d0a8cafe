"""Dashboard pages without a browser: login, who sees what, the figures, CSV, and campaign management."""

import csv
import io
import random
from datetime import timedelta

import pytest
from django.utils import timezone

from coupons.models import Campaign
from stats.campaign_stats import campaign_stats
from stats.services import rollups_fold
from tests import factories
from tests.stats.history import history_make, history_write

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def story(merchant_with_staff):
    now = timezone.now()
    history = history_make(seed=3, now=now, users=20, days=20)
    for role in ("owner", "manager", "clerk"):
        factories.MerchantStaffFactory(merchant=history.merchant, user=merchant_with_staff[role], role=role)
    history_write(history, until=now, rng=random.Random(3))
    rollups_fold(now=now)
    return history


def test_pages_need_a_login(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/dashboard/login/")
    assert client.get("/dashboard/login/").status_code == 200


def test_login_then_logout_by_post(client, merchant_with_staff):
    response = client.post(
        "/dashboard/login/", {"username": merchant_with_staff["owner"].username, "password": "test-pass-123"}
    )
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/dashboard/logout/").status_code == 405
    assert client.post("/dashboard/logout/").status_code == 302
    assert client.get("/dashboard/").status_code == 302


def test_non_staff_get_an_explanation(client, user):
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert b"not on the staff of any shop" in response.content


def test_campaign_page_shows_the_selectors_figures(client, merchant_with_staff, story):
    campaign = story.campaigns[0]
    client.force_login(merchant_with_staff["clerk"])
    home = client.get("/dashboard/?overview=1").content.decode()  # clerks land on the counter otherwise
    assert f'data-campaign="{campaign.pk}"' in home
    page = client.get(f"/dashboard/campaigns/{campaign.pk}/").content.decode()
    stats = campaign_stats(campaign_id=campaign.pk, user_id=merchant_with_staff["clerk"].pk)
    for key in ("checkins", "unique_visitors", "coupons_redeemed"):
        assert f'data-figure="totals.{key}" data-value="{stats["totals"][key]}"' in page
    assert "<svg" in page and "data-action" not in page  # clerks do not manage campaigns


def test_other_merchants_campaigns_are_404_and_absent(client, story):
    stranger = factories.MerchantStaffFactory().user
    client.force_login(stranger)
    campaign = story.campaigns[0]
    assert client.get(f"/dashboard/campaigns/{campaign.pk}/").status_code == 404
    assert client.get(f"/dashboard/campaigns/{campaign.pk}/stats.csv").status_code == 404
    assert client.post(f"/dashboard/campaigns/{campaign.pk}/pause/").status_code == 404
    assert client.get(f"/dashboard/merchants/{story.merchant.pk}/campaigns/new/").status_code == 404
    assert f'data-campaign="{campaign.pk}"' not in client.get("/dashboard/").content.decode()


def test_csv_download_follows_the_range(client, merchant_with_staff, story):
    campaign = story.campaigns[0]
    client.force_login(merchant_with_staff["owner"])
    day = (campaign.starts_at + timedelta(days=2)).date()
    response = client.get(f"/dashboard/campaigns/{campaign.pk}/stats.csv?from={day}&to={day}&bucket=hour")
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="campaign-{campaign.pk}-{day}_{day}.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header = rows.index(["bucket_start", "checkins", "unique_visitors", "coupons_issued", "coupons_redeemed"])
    assert len(rows) - header - 1 == 24


def test_bad_range_is_explained_not_an_error(client, merchant_with_staff, story):
    client.force_login(merchant_with_staff["owner"])
    response = client.get(f"/dashboard/campaigns/{story.campaigns[0].pk}/?from=2026-05-05&to=2026-05-01")
    assert response.status_code == 200
    assert b"The end date is before the start date" in response.content


@pytest.mark.parametrize("query", ["to=9999-12-31", "from=0001-01-01", "from=1900-01-01&bucket=hour"])
def test_dates_outside_the_calendar_are_explained_not_an_error(client, merchant_with_staff, story, query):
    """The page and its CSV used to answer 500 for `to=9999-12-31` (a day past the last date)."""
    client.force_login(merchant_with_staff["owner"])
    campaign = story.campaigns[0]
    response = client.get(f"/dashboard/campaigns/{campaign.pk}/?{query}")
    assert response.status_code == 200
    assert b"Must be between 2000-01-01 and 2100-12-31" in response.content
    assert b'min="2000-01-01"' in response.content and b'max="2100-12-31"' in response.content
    response = client.get(f"/dashboard/campaigns/{campaign.pk}/stats.csv?{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_managers_pause_resume_and_end_clerks_cannot(client, merchant_with_staff, story):
    campaign = story.campaigns[1]
    client.force_login(merchant_with_staff["clerk"])
    client.post(f"/dashboard/campaigns/{campaign.pk}/pause/")
    assert Campaign.objects.get(pk=campaign.pk).paused_at is None
    client.force_login(merchant_with_staff["manager"])
    for action, body, check in (
        ("pause", {}, lambda c: c.paused_at is not None),
        ("resume", {}, lambda c: c.paused_at is None),
        ("end", {}, lambda c: c.ended_at is None),  # not without the confirmation
        ("end", {"confirm": "end"}, lambda c: c.ended_at is not None),
    ):
        response = client.post(f"/dashboard/campaigns/{campaign.pk}/{action}/", body)
        assert response.status_code == 302
        assert check(Campaign.objects.get(pk=campaign.pk)), action


def test_create_a_campaign_from_the_form(client, merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    client.force_login(merchant_with_staff["manager"])
    assert client.get(f"/dashboard/merchants/{merchant.pk}/campaigns/new/").status_code == 200
    ends = (timezone.now() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    body = {
        "title": "Second visit",
        "ends_at": ends,
        "trigger": "nth_visit",
        "per_user_limit": 2,
        "coupon_valid_days": 7,
        "holdout_percent": 20,
    }
    response = client.post(f"/dashboard/merchants/{merchant.pk}/campaigns/new/", body)
    assert response.status_code == 200 and b"required for this trigger type" in response.content
    response = client.post(f"/dashboard/merchants/{merchant.pk}/campaigns/new/", {**body, "visits": 2})
    campaign = Campaign.objects.get(title="Second visit")
    assert response.status_code == 302 and response["Location"] == f"/dashboard/campaigns/{campaign.pk}/"
    assert campaign.trigger == {"type": "nth_visit", "visits": 2} and campaign.holdout_percent == 20
