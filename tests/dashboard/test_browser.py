"""The dashboard in a real browser (Debian's Chromium, headless, driven by Playwright) against a live server: a merchant
logs in, opens a campaign, sees the API's figures, changes the range, downloads the CSV; another merchant's campaign is
neither listed nor reachable. Screenshots go to var/screenshots/. A missing Chromium fails the test."""

import csv
import io
import json
import os
import random
import urllib.request
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import sync_playwright
from rest_framework_simplejwt.tokens import AccessToken

from stats.services import rollups_fold
from tests import factories
from tests.stats.history import history_make, history_write

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "test-pass-123"


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes meanwhile are still sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def world():
    now = timezone.now()
    story = history_make(seed=7, now=now, users=30, days=40)
    owner = factories.MerchantStaffFactory(merchant=story.merchant, role="owner").user
    other = factories.CampaignFactory(title="Someone else's secret sale")
    factories.MerchantStaffFactory(merchant=other.merchant, role="owner")
    history_write(story, until=now, rng=random.Random(7))
    rollups_fold(now=now)
    return {"story": story, "owner": owner, "other": other}


def api_get(base: str, path: str, user, accept: str = "application/json") -> tuple[int, bytes]:
    request = urllib.request.Request(  # noqa: S310 (http to the live test server)
        base + path, headers={"Authorization": f"Bearer {AccessToken.for_user(user)}", "Accept": accept}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (http to the live test server)
        return response.status, response.read()


def page_figures(page) -> dict:
    return page.eval_on_selector_all(
        "[data-figure]", "nodes => Object.fromEntries(nodes.map(n => [n.dataset.figure, n.dataset.value]))"
    )


def assert_page_equals_api(page, api: dict) -> None:
    figures = page_figures(page)
    for key, value in api["totals"].items():
        shown = figures[f"totals.{key}"]
        assert (None if shown == "" else float(shown)) == (None if value is None else float(value)), key
    for key, value in api["funnel"].items():
        assert int(figures[f"funnel.{key}"]) == value, key
    for key in ("checkins", "unique_visitors", "new_visitors", "returning_visitors"):
        assert int(figures[f"baseline.{key}"]) == api["baseline"][key], key


# The smallest rendered size (CSS px) of the text in an SVG chart: its font size scaled by the drawing's width.
CHART_TEXT_SMALLEST_PX = """
selector => {
    const svg = document.querySelector(selector);
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll("text")].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
}
"""


# Collects what the Content-Security-Policy blocked on a page (the browser fires this event for each violation).
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener(
    "securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI)
);
"""


def test_a_merchant_reads_its_campaign_in_a_browser(browser, live_server, world):
    story, owner, other = world["story"], world["owner"], world["other"]
    campaign = story.campaigns[0]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()

    page.goto(f"{live_server.url}/dashboard/")
    assert page.url.startswith(f"{live_server.url}/dashboard/login/")
    page.fill("input[name=username]", owner.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")  # not the language switcher's buttons in the header
    page.wait_for_url(f"{live_server.url}/dashboard/")
    assert page.locator(f"tr[data-campaign='{campaign.pk}']").count() == 1
    assert page.locator(f"tr[data-campaign='{other.pk}']").count() == 0
    assert "secret sale" not in page.content()

    page.click(f"tr[data-campaign='{campaign.pk}'] a")
    page.wait_for_url(f"{live_server.url}/dashboard/campaigns/{campaign.pk}/")
    _, body = api_get(live_server.url, f"/api/v1/campaigns/{campaign.pk}/stats", owner)
    api = json.loads(body)
    assert api["totals"]["checkins"] > 0
    assert_page_equals_api(page, api)
    assert page.locator("svg.chart-wide polyline").count() == 3
    assert page.locator("svg.chart-wide").is_visible() and not page.locator("svg.chart-narrow").is_visible()
    assert page.locator("#holdout .verdict").inner_text().strip()
    assert page.evaluate("window.cspViolations") == []
    page.screenshot(path=str(SCREENSHOTS / "dashboard-campaign.png"), full_page=True)

    # Another range, by hour: the page and the API agree again, and the CSV is the API's series.
    start = (campaign.starts_at + (campaign.ends_at - campaign.starts_at) / 3).date()
    end = start.fromordinal(start.toordinal() + 2)
    page.fill("input[name=from]", start.isoformat())
    page.fill("input[name=to]", end.isoformat())
    page.select_option("select[name=bucket]", "hour")
    page.click("#range-form button[type=submit]")
    page.wait_for_url("**bucket=hour**")
    query = f"from={start}&to={end}&bucket=hour"
    _, body = api_get(live_server.url, f"/api/v1/campaigns/{campaign.pk}/stats?{query}", owner)
    ranged = json.loads(body)
    assert len(ranged["series"]) == 72
    assert_page_equals_api(page, ranged)
    page.screenshot(path=str(SCREENSHOTS / "dashboard-campaign-range.png"), full_page=True)

    # The dashboard's CSV is the whole report: its figures, then the API's series.
    with page.expect_download() as download_info:
        page.click("#csv-link")
    download = download_info.value
    assert download.suggested_filename == f"campaign-{campaign.pk}-{start}_{end}.csv"
    downloaded = Path(download.path()).read_bytes().decode()
    _, api_csv = api_get(live_server.url, f"/api/v1/campaigns/{campaign.pk}/stats?{query}", owner, "text/csv")
    assert downloaded.endswith("\r\n\r\n" + api_csv.decode())
    rows = list(csv.reader(io.StringIO(downloaded)))
    assert (
        rows[0] == ["section", "figure", "value"] and ["totals", "checkins", str(ranged["totals"]["checkins"])] in rows
    )
    series = rows[rows.index([]) + 1 :]
    assert series[0] == ["bucket_start", "checkins", "unique_visitors", "coupons_issued", "coupons_redeemed"]
    assert len(series) == 73

    # Another merchant's campaign: 404 on its direct URL, in the page and the API alike.
    response = page.goto(f"{live_server.url}/dashboard/campaigns/{other.pk}/")
    assert response.status == 404
    with pytest.raises(urllib.error.HTTPError) as refused:
        api_get(live_server.url, f"/api/v1/campaigns/{other.pk}/stats", owner)
    assert refused.value.code == 404

    # On a phone: nothing wider than the screen.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    phone_page = phone.new_page()
    phone_page.context.add_cookies(context.cookies())
    phone_page.goto(f"{live_server.url}/dashboard/campaigns/{campaign.pk}/")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    # The chart's text is readable: the narrow drawing is shown, its smallest text at 11 CSS px or more.
    assert phone_page.locator("svg.chart-narrow").is_visible() and not phone_page.locator("svg.chart-wide").is_visible()
    smallest = phone_page.evaluate(CHART_TEXT_SMALLEST_PX, "svg.chart-narrow")
    assert smallest >= 11, smallest
    phone_page.screenshot(path=str(SCREENSHOTS / "dashboard-campaign-phone.png"), full_page=True)
    phone.close()
    context.close()


def test_staff_of_no_shop_see_an_explanation(browser, live_server):
    person = factories.UserFactory()
    page = browser.new_page()
    page.goto(f"{live_server.url}/dashboard/login/")
    page.fill("input[name=username]", person.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")  # not the language switcher's buttons in the header
    page.wait_for_url(f"{live_server.url}/dashboard/")
    assert "not on the staff of any shop" in page.locator("#not-staff").inner_text()
    page.close()


@pytest.mark.parametrize(
    ("path", "rendered"),
    [("/api/docs/", ".swagger-ui .info .title"), ("/api/redoc/", "h1"), ("/dashboard/login/", "form button")],
)
def test_pages_work_under_their_content_security_policy(browser, live_server, path, rendered):
    """The dashboard and the documentation pages render fully with the CSP on, and the browser blocks nothing."""
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    response = page.goto(f"{live_server.url}{path}")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(rendered, timeout=30_000)
    if path != "/dashboard/login/":
        assert "Check-in and coupon platform API" in page.locator(rendered).first.inner_text()
    page.wait_for_load_state("networkidle")
    # Nothing of ours is blocked. ReDoc's "API docs by Redocly" logo points at its CDN: the policy blocks it, as it
    # blocks anything from outside (the docs work with no network).
    blocked = [
        v for v in page.evaluate("window.cspViolations") if v != "img-src https://cdn.redoc.ly/redoc/logo-mini.svg"
    ]
    assert blocked == []
    page.screenshot(path=str(SCREENSHOTS / f"csp{path.replace('/', '-').rstrip('-')}.png"))
    context.close()
