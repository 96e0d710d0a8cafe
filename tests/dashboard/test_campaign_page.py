"""The campaign page as a merchant reads it: local times, the incomplete bucket, the weekly series, chart tooltips and
its table, the settings in words, editing and ending (who may and who may not), the holdout wording once ended, a bad
range that keeps the figures on screen, and the CSV report."""

import csv
import io
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from coupons.models import Campaign
from dashboard.charts import NARROW, SIZES, WIDE, count_ticks, line_chart
from dashboard.presenters import holdout_sentence
from stats.campaign_stats import HOLDOUT_MIN_USERS, campaign_stats
from stats.services import rollups_fold
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

NEW_YORK = ZoneInfo("America/New_York")


def _page(client, campaign, query: str = "") -> str:
    response = client.get(f"/dashboard/campaigns/{campaign.pk}/{query}")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _figure(page: str, key: str) -> str:
    return re.search(rf'data-figure="{re.escape(key)}" data-value="([^"]*)"', page).group(1)


@pytest.fixture
def new_york(merchant_with_staff):
    """A merchant in New York with a campaign that started at 09:15 local time eight days ago, some visits and a
    fold, and its staff."""
    merchant = merchant_with_staff["merchant"]
    merchant.timezone = "America/New_York"
    merchant.save(update_fields=["timezone"])
    now = timezone.now()
    start = datetime.combine((now - timedelta(days=8)).astimezone(NEW_YORK).date(), time(9, 15), tzinfo=NEW_YORK)
    campaign = factories.CampaignFactory(
        merchant=merchant,
        starts_at=start,
        ends_at=start + timedelta(days=40),
        trigger={"type": "nth_visit", "visits": 3},
        total_stock=50,
        issued_count=8,
        per_user_limit=2,
        coupon_valid_days=14,
        daily_start_time=time(22),
        daily_end_time=time(2),
        holdout_percent=20,
    )
    for days in (1, 2, 3):
        factories.CheckinFactory(merchant=merchant, created_at=now - timedelta(days=days))
    rollups_fold(now=now)
    return {**merchant_with_staff, "campaign": campaign, "start": start}


def test_times_are_the_merchants_local_time(client, new_york):
    client.force_login(new_york["clerk"])
    page = _page(client, new_york["campaign"])
    start = new_york["start"]
    local = start.strftime("%Y-%m-%d 09:00")  # the statistics start at the whole local hour
    utc = start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:00")
    times = re.search(r'id="campaign-times">(.*?)</p>', page, re.S).group(1)
    assert local in times and utc not in times and "America/New_York" in times
    as_of = campaign_stats(campaign_id=new_york["campaign"].pk, user_id=new_york["clerk"].pk)["as_of"]
    assert as_of.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M:%S") in times
    settings = re.search(r'data-setting="dates">(.*?)</div>', page, re.S).group(1)
    assert start.strftime("%Y-%m-%d 09:15") in settings and "America/New_York" in settings


def test_the_last_bucket_of_a_running_campaign_is_marked_incomplete(client, new_york):
    client.force_login(new_york["owner"])
    page = _page(client, new_york["campaign"])
    assert 'id="incomplete-note"' in page
    table = re.search(r'<table id="series-table">(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r"<tr( class=\"incomplete\")?>\s*<th scope=\"row\">", table)
    assert rows[-1] and not any(rows[:-1])  # only the last row
    assert 'stroke-dasharray="6 4"' in page  # the chart draws the last segment dashed


def test_an_ended_campaign_whose_range_ends_with_a_whole_day_has_no_incomplete_bucket(client, merchant_with_staff):
    zone = ZoneInfo("Asia/Seoul")
    today = timezone.now().astimezone(zone).date()
    campaign = factories.CampaignFactory(
        merchant=merchant_with_staff["merchant"],
        starts_at=datetime.combine(today - timedelta(days=10), time(0), tzinfo=zone),
        ends_at=datetime.combine(today - timedelta(days=3), time(0), tzinfo=zone),
    )
    rollups_fold()
    client.force_login(merchant_with_staff["owner"])
    page = _page(client, campaign)
    assert 'id="incomplete-note"' not in page and 'class="incomplete"' not in page


def test_weekly_series_on_the_page(client, new_york):
    client.force_login(new_york["clerk"])
    page = _page(client, new_york["campaign"], "?bucket=week")
    table = re.search(r'<table id="series-table">(.*?)</table>', page, re.S).group(1)
    weeks = re.findall(r"Week of (\d{4}-\d{2}-\d{2})", table)
    assert weeks and all(datetime.fromisoformat(day).weekday() == 0 for day in weeks)
    assert "selected>By week" in page or 'value="week" selected' in page
    stats = campaign_stats(campaign_id=new_york["campaign"].pk, user_id=new_york["clerk"].pk, bucket="week")
    assert len(weeks) == len(stats["series"])


def test_chart_has_tooltips_axis_title_and_a_table_of_the_same_figures(client, new_york):
    client.force_login(new_york["clerk"])
    page = _page(client, new_york["campaign"])
    stats = campaign_stats(campaign_id=new_york["campaign"].pk, user_id=new_york["clerk"].pk)
    # One hover column per bucket in each drawing, titled with the bucket's exact figures.
    hits = re.findall(r'<rect class="hit"[^>]*><title>([^<]*)</title>', page)
    assert len(hits) == len(stats["series"]) * len(SIZES)
    busiest = max(stats["series"], key=lambda row: row["checkins"])
    assert any(f"Check-ins {busiest['checkins']}" in hit for hit in hits)
    assert page.count('class="axis-title"') == len(SIZES) and "Number per day" in page
    assert re.search(r"<details[^>]*>\s*<summary>", page)
    assert re.search(r'<table id="series-table">\s*<caption>', page)
    table = re.search(r'<table id="series-table">(.*?)</table>', page, re.S).group(1)
    assert table.count('<th scope="row">') == len(stats["series"])
    assert 'style="' not in page  # the Content-Security-Policy allows no inline style


def test_count_ticks_are_whole_numbers():
    assert count_ticks(0) == [0, 1]
    assert count_ticks(3) == [0, 1, 2, 3]
    assert count_ticks(7) == [0, 2, 4, 6, 8]
    assert count_ticks(23) == [0, 5, 10, 15, 20, 25]
    assert count_ticks(1234) == [0, 250, 500, 750, 1000, 1250]
    for peak in range(0, 3000, 7):
        ticks = count_ticks(peak)
        assert ticks[-1] >= peak and len(ticks) <= 6 and all(isinstance(tick, int) for tick in ticks)


def test_chart_text_is_at_least_11_px_where_each_drawing_is_shown():
    # The narrow drawing at a 390 px phone (page and card padding: 332 px), the wide one from 700 px (626 px).
    assert NARROW.rendered_font_px() >= 11 and WIDE.rendered_font_px() >= 11
    rows = [{"label": "12-01", "title": "2026-12-01", "incomplete": False, "checkins": 1, "coupons_issued": 0}]
    svg = str(line_chart(rows, [("checkins", "Check-ins")], y_title="Number", incomplete_note="x", description="d"))
    for size in SIZES:
        drawing = re.search(rf'<svg class="chart chart-{size.name}" viewBox="0 0 {size.width} ', svg)
        assert drawing, size.name
    assert set(re.findall(r'font-size="(\d+)"', svg)) == {str(WIDE.font), str(NARROW.font)}


def test_settings_are_shown_in_words(client, new_york):
    client.force_login(new_york["clerk"])
    page = _page(client, new_york["campaign"])

    def setting(key):
        return re.sub(r"\s+", " ", re.search(rf'data-setting="{key}">(.*?)</div>', page, re.S).group(1))

    assert "Every 3 check-ins" in setting("trigger")
    assert "42 of 50 coupons left" in setting("stock")
    assert "At most 2 coupons" in setting("per_user_limit")
    assert "22:00 to 02:00 the next morning" in setting("daily_hours")
    assert "20%" in setting("holdout")
    assert "14 days" in setting("validity")


def test_funnel_counts_people_and_tiles_say_coupons(client, new_york):
    client.force_login(new_york["clerk"])
    page = _page(client, new_york["campaign"])
    funnel = re.search(r'<ol class="funnel">(.*?)</ol>', page, re.S).group(1)
    assert funnel.count("People who") == 6 and "people at each step" in page
    for key in ("coupons_issued", "coupons_redeemed", "coupons_expired"):
        tile = re.search(rf'data-figure="totals.{key}".*?class="label">([^<]*)<', page, re.S).group(1)
        assert "Coupon" in tile, key


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_owner_and_manager_edit_the_settings(client, new_york, role):
    campaign = new_york["campaign"]
    client.force_login(new_york[role])
    assert 'id="edit-link"' in _page(client, campaign)
    form = client.get(f"/dashboard/campaigns/{campaign.pk}/edit/").content.decode()
    assert f'value="{campaign.title}"' in form and 'name="visits" value="3"' in form
    assert 'name="starts_at" value="{}"'.format(new_york["start"].strftime("%Y-%m-%dT09:15")) in form
    body = {
        "title": "Third visit treat",
        "starts_at": new_york["start"].strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (new_york["start"] + timedelta(days=60)).strftime("%Y-%m-%dT%H:%M"),
        "trigger": "nth_visit",
        "visits": 4,
        "total_stock": 80,
        "per_user_limit": 2,
        "coupon_valid_days": 10,
        "daily_start_time": "",
        "daily_end_time": "",
        "holdout_percent": 20,
    }
    response = client.post(f"/dashboard/campaigns/{campaign.pk}/edit/", body)
    assert response.status_code == 302 and response["Location"] == f"/dashboard/campaigns/{campaign.pk}/"
    changed = Campaign.objects.get(pk=campaign.pk)
    assert changed.title == "Third visit treat" and changed.trigger == {"type": "nth_visit", "visits": 4}
    assert changed.total_stock == 80 and changed.coupon_valid_days == 10 and changed.daily_start_time is None
    assert changed.ends_at == new_york["start"] + timedelta(days=60)  # read as New York time
    # The service's rules stand: the stock cannot drop below what was issued.
    response = client.post(f"/dashboard/campaigns/{campaign.pk}/edit/", {**body, "total_stock": 3})
    page = response.content.decode()
    assert response.status_code == 200 and "Cannot be below the 8 coupons already issued." in page
    assert 'aria-describedby="id_total_stock-error"' in page and 'id="id_total_stock-error"' in page
    assert Campaign.objects.get(pk=campaign.pk).total_stock == 80


def test_clerks_and_other_merchants_staff_cannot_edit_or_end(client, new_york):
    campaign = new_york["campaign"]
    client.force_login(new_york["clerk"])
    page = _page(client, campaign)
    assert 'id="edit-link"' not in page and "data-action" not in page
    for path in ("edit/", "end/"):
        assert client.get(f"/dashboard/campaigns/{campaign.pk}/{path}").status_code == 403
    assert client.post(f"/dashboard/campaigns/{campaign.pk}/edit/", {"title": "Mine"}).status_code == 403
    assert client.post(f"/dashboard/campaigns/{campaign.pk}/end/", {"confirm": "end"}).status_code == 403
    stranger = factories.MerchantStaffFactory(role="owner").user
    client.force_login(stranger)
    for path in ("edit/", "end/"):
        assert client.get(f"/dashboard/campaigns/{campaign.pk}/{path}").status_code == 404
        assert client.post(f"/dashboard/campaigns/{campaign.pk}/{path}", {"confirm": "end"}).status_code == 404
    client.logout()
    assert client.get(f"/dashboard/campaigns/{campaign.pk}/edit/")["Location"].startswith("/dashboard/login/")
    unchanged = Campaign.objects.get(pk=campaign.pk)
    assert unchanged.title == campaign.title and unchanged.ended_at is None


def test_ending_asks_for_confirmation(client, new_york):
    campaign = new_york["campaign"]
    client.force_login(new_york["manager"])
    page = _page(client, campaign)
    assert f'href="/dashboard/campaigns/{campaign.pk}/end/"' in page  # a link to the confirmation, not a POST
    confirm = client.get(f"/dashboard/campaigns/{campaign.pk}/end/")
    assert confirm.status_code == 200 and b"cannot be undone" in confirm.content
    assert b'name="confirm" value="end"' in confirm.content
    response = client.post(f"/dashboard/campaigns/{campaign.pk}/end/")
    assert response["Location"] == f"/dashboard/campaigns/{campaign.pk}/end/"
    assert Campaign.objects.get(pk=campaign.pk).ended_at is None
    response = client.post(f"/dashboard/campaigns/{campaign.pk}/end/", {"confirm": "end"})
    assert response["Location"] == f"/dashboard/campaigns/{campaign.pk}/"
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.ENDED
    page = _page(client, campaign)
    assert "data-action" not in page and 'id="edit-link"' not in page
    response = client.post(f"/dashboard/campaigns/{campaign.pk}/edit/", {"title": "Late"})
    assert response.status_code == 200 and Campaign.objects.get(pk=campaign.pk).title == campaign.title


def _actions_offered(client, campaign) -> list[str]:
    return re.findall(r'data-action="([a-z]+)"', _page(client, campaign))


def test_actions_follow_the_status(client, merchant_with_staff):
    client.force_login(merchant_with_staff["owner"])
    merchant, now = merchant_with_staff["merchant"], timezone.now()
    scheduled = factories.CampaignFactory(merchant=merchant, starts_at=now + timedelta(days=2))
    running = factories.CampaignFactory(merchant=merchant)
    paused = factories.CampaignFactory(merchant=merchant, paused_at=now)
    ended = factories.CampaignFactory(merchant=merchant, ended_at=now)
    assert _actions_offered(client, scheduled) == ["end"]
    assert _actions_offered(client, running) == ["pause", "end"]
    assert _actions_offered(client, paused) == ["resume", "end"]
    assert _actions_offered(client, ended) == []


def test_an_ended_campaign_is_never_too_early_to_tell():
    small = {
        "treated": {"users": 4, "revisited": 1, "revisit_rate": 0.25},
        "holdout": {"users": 1, "revisited": 0, "revisit_rate": 0.0},
        "incremental_revisit_rate": 0.25,
        "confidence_interval_95": [-0.2, 0.7],
        "enough_data": False,
        "significant": False,
    }
    assert holdout_sentence(small, HOLDOUT_MIN_USERS).startswith("Too early to tell")
    ended = holdout_sentence(small, HOLDOUT_MIN_USERS, ended=True)
    assert "too early" not in ended.lower() and ended.startswith("Not enough people to tell")
    unclear = {**small, "enough_data": True}
    assert "yet" in holdout_sentence(unclear, HOLDOUT_MIN_USERS)
    assert "yet" not in holdout_sentence(unclear, HOLDOUT_MIN_USERS, ended=True)


def test_an_ended_campaign_page_says_not_enough_people(client, new_york):
    campaign = new_york["campaign"]
    Campaign.objects.filter(pk=campaign.pk).update(ended_at=timezone.now() - timedelta(hours=1))
    client.force_login(new_york["clerk"])
    page = _page(client, campaign)
    assert "Not enough people to tell" in page and "Too early" not in page


def test_a_bad_range_keeps_the_figures_shown_before_with_the_error_beside_the_picker(client, new_york):
    campaign = new_york["campaign"]
    client.force_login(new_york["clerk"])
    today = timezone.now().astimezone(NEW_YORK).date()
    first, last = today - timedelta(days=2), today - timedelta(days=1)
    shown = _page(client, campaign, f"?from={first}&to={last}&bucket=day")
    assert f'name="shown_from" value="{first}"' in shown and f'name="shown_to" value="{last}"' in shown
    checkins = _figure(shown, "totals.checkins")
    assert checkins == "2"  # the visits one and two days ago, not the one three days ago
    page = _page(
        client, campaign, f"?from={last}&to={first}&bucket=day&shown_from={first}&shown_to={last}&shown_bucket=day"
    )
    assert _figure(page, "totals.checkins") == checkins
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_to-error"' in page
    assert re.search(r'id="id_to-error">[^<]*end date is before the start date', page)
    assert f"Still showing {first} to {last}" in page
    assert f'name="shown_from" value="{first}"' in page
    assert f"from={first}&amp;to={last}" in page  # the CSV link keeps the range shown
    # A date that does not parse, and hidden fields tampered with: the whole campaign, the error in words.
    page = _page(client, campaign, "?from=2026-02-30&shown_from=garbage")
    assert "Enter a valid date." in page and _figure(page, "totals.checkins") == "3"


def test_csv_report_has_totals_funnel_holdout_and_series_with_the_dates_in_its_name(client, new_york):
    campaign = new_york["campaign"]
    client.force_login(new_york["clerk"])
    today = timezone.now().astimezone(NEW_YORK).date()
    first = today - timedelta(days=5)
    response = client.get(f"/dashboard/campaigns/{campaign.pk}/stats.csv?from={first}&to={today}&bucket=day")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="campaign-{campaign.pk}-{first}_{today}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    stats = campaign_stats(campaign_id=campaign.pk, user_id=new_york["clerk"].pk, from_=first, to=today, bucket="day")
    assert rows[0] == ["section", "figure", "value"]
    figures = {(row[0], row[1]): row[2] for row in rows[1 : rows.index([])]}
    assert figures[("totals", "checkins")] == str(stats["totals"]["checkins"])
    assert figures[("funnel", "checked_in")] == str(stats["funnel"]["checked_in"])
    assert figures[("holdout.treated", "users")] == str(stats["holdout"]["treated"]["users"])
    assert ("holdout", "significant") in figures and ("baseline", "checkins") in figures
    assert figures[("range", "timezone")] == "America/New_York"
    series = rows[rows.index([]) + 1 :]
    assert series[0] == ["bucket_start", "checkins", "unique_visitors", "coupons_issued", "coupons_redeemed"]
    assert [row[0] for row in series[1:]] == [row["bucket_start"].isoformat() for row in stats["series"]]
