"""axe-core in a real browser on every dashboard page, at a desktop and a phone size, in English and Korean: no
violation of impact "critical" or "serious" anywhere.

axe-core is pinned in scripts/setup.sh (SETUP_BROWSER=1 installs it under var/node/); a missing copy fails the test,
as a missing Chromium does. The pages run under their real Content-Security-Policy except that the browser context
bypasses it, so that the test can inject axe.min.js.
"""

import json
import random
from pathlib import Path

import pytest
from django.utils import timezone

from stats.services import rollups_fold
from tests import factories
from tests.dashboard.test_browser import PASSWORD, SCREENSHOTS, browser  # noqa: F401 (the fixture)
from tests.stats.history import history_make, history_write
from webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookMessage

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = ("critical", "serious")
# Runs axe on the whole document and returns the violations that block, reduced to what a reader needs.
RUN_AXE = """async (blocking) => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations.filter(v => blocking.includes(v.impact)).map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""


@pytest.fixture
def shop():
    now = timezone.now()
    story = history_make(seed=11, now=now, users=12, days=10)
    owner = factories.MerchantStaffFactory(merchant=story.merchant, role="owner").user
    factories.MerchantStaffFactory(merchant=story.merchant, role="manager")
    factories.MerchantStaffFactory(merchant=story.merchant, role="clerk")
    history_write(story, until=now, rng=random.Random(11))
    rollups_fold(now=now)
    webhook = webhooks_make(story.merchant, now=now)
    return {"merchant": story.merchant, "campaign": story.campaigns[0], "owner": owner, "webhook": webhook}


def webhooks_make(merchant, *, now) -> int:
    """An endpoint that works and one disabled after repeated failures (the notice on the overview and the webhooks
    page), each with deliveries; the working one's id."""
    working = WebhookEndpoint.objects.create(
        merchant=merchant, url="https://pos.example.com/hooks", events=["checkin.created"], secret="whsec_" + "A" * 43
    )
    failing = WebhookEndpoint.objects.create(
        merchant=merchant,
        url="https://crm.example.com/hooks",
        events=["coupon.issued", "coupon.redeemed"],
        secret="whsec_" + "B" * 43,
        enabled=False,
        disabled_reason="failing",
        disabled_at=now,
    )
    for index, (endpoint, status) in enumerate([(working, "succeeded"), (working, "pending"), (failing, "failed")]):
        message = WebhookMessage.objects.create(
            merchant=merchant, event_type="coupon.issued", message_id=f"msg_{index:032x}", payload={}
        )
        WebhookDelivery.objects.create(
            endpoint=endpoint,
            message=message,
            status=status,
            attempts=1,
            last_status_code=200 if status == "succeeded" else None,
            last_error="" if status == "succeeded" else "connection refused",
            last_attempt_at=now,
            next_attempt_at=now if status == "pending" else None,
        )
    return working.pk


def dashboard_pages(shop) -> dict[str, str]:
    """Every dashboard page a signed-in owner reaches (the login page is checked before signing in)."""
    merchant, campaign = shop["merchant"].pk, shop["campaign"].pk
    return {
        "home": "/dashboard/",
        "shop-overview": f"/dashboard/merchants/{merchant}/",
        "staff": f"/dashboard/merchants/{merchant}/staff/",
        "campaign": f"/dashboard/campaigns/{campaign}/",
        "campaign-form": f"/dashboard/merchants/{merchant}/campaigns/new/",
        "counter": f"/dashboard/merchants/{merchant}/redeem/",
        "webhooks": f"/dashboard/merchants/{merchant}/webhooks/",
        "webhook-delete": f"/dashboard/merchants/{merchant}/webhooks/{shop['webhook']}/delete/",
        "webhook-rotate": f"/dashboard/merchants/{merchant}/webhooks/{shop['webhook']}/rotate/",
        "not-found": "/dashboard/no-such-page/",
    }


def axe_violations(page, name: str, shot: str) -> list[dict]:
    """Inject axe-core, run it, and return the blocking violations, each labelled with the page's name."""
    page.add_script_tag(path=str(AXE))
    page.screenshot(path=str(SCREENSHOTS / f"a11y-{name}-{shot}.png"), full_page=True)
    return [{"page": name, **violation} for violation in page.evaluate(RUN_AXE, list(BLOCKING))]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_no_dashboard_page_has_a_critical_or_serious_axe_violation(browser, live_server, shop, language, viewport):  # noqa: F811
    assert AXE.exists(), f"{AXE} is missing: SETUP_BROWSER=1 bash scripts/setup.sh"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True, locale="en-US")
    page = context.new_page()
    shot = f"{language}-{viewport}"
    found = []

    page.goto(f"{live_server.url}/dashboard/login/")
    if language == "ko":  # the switcher, without JavaScript: a plain form post
        page.click("#language-switcher button[value=ko]")
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    found += axe_violations(page, "login", shot)
    page.fill("input[name=username]", shop["owner"].username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/dashboard/")

    for name, path in dashboard_pages(shop).items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == (404 if name == "not-found" else 200), name
        assert page.locator("html").get_attribute("lang") == language, name
        found += axe_violations(page, name, shot)
    context.close()
    assert found == [], "axe-core found blocking violations:\n" + json.dumps(found, indent=2, ensure_ascii=False)
