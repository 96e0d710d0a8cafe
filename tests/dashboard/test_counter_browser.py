"""The counter in a real browser (Debian's Chromium, headless, Playwright) against a live server, on a desktop and a
phone, in English and in Korean: a clerk logs in and lands on the counter, redeems a code typed in lower case with a
space, is told "already redeemed" the second time and "not a coupon of this shop" for another shop's code; an owner
voids the redemption; a scanned QR code (a fake camera and a stand-in BarcodeDetector) fills the code and redeems.
Screenshots go to var/screenshots/."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from coupons.models import Coupon, Redemption
from tests import factories
from tests.dashboard.test_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, RECORD_CSP_VIOLATIONS, SCREENSHOTS

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Chromium's own test camera (a moving pattern) and no permission prompt: getUserMedia works headless.
FAKE_CAMERA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
HANGUL = re.compile("[\uac00-\ud7a3]")
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# Chromium on Linux has no BarcodeDetector: this stand-in "reads" the code from the camera's video after a few frames.
FAKE_BARCODE_DETECTOR = """
window.BarcodeDetector = class {
  constructor(options) { this.formats = (options || {}).formats || []; this.frames = 0; }
  static async getSupportedFormats() { return ["qr_code"]; }
  async detect(source) {
    if (!(source instanceof HTMLVideoElement) || source.readyState < 2) { return []; }
    this.frames += 1;
    return this.frames > 3 ? [{ rawValue: "%s", format: "qr_code" }] : [];
  }
};
"""


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes meanwhile are still sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS + FAKE_CAMERA_ARGS, headless=True
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def world():
    merchant = factories.MerchantFactory(name="철산 베이커리", translations={"en": {"name": "Cheolsan Bakery"}})
    owner = factories.MerchantStaffFactory(merchant=merchant, role="owner").user
    clerk = factories.MerchantStaffFactory(merchant=merchant, role="clerk").user
    campaign = factories.CampaignFactory(
        merchant=merchant, title="아메리카노 한 잔 무료", translations={"en": {"title": "Free americano"}}
    )
    customer = factories.UserFactory(display_name="김민지")
    coupon = factories.CouponFactory(campaign=campaign, user=customer, code="ABCDE23456")
    elsewhere = factories.CouponFactory(code="QRSTV23456")
    return {"merchant": merchant, "owner": owner, "clerk": clerk, "coupon": coupon, "elsewhere": elsewhere}


def log_in(page, base: str, user) -> None:
    page.goto(f"{base}/dashboard/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")


def redeem(page, code: str, outcome: str) -> None:
    """Type a code, press Redeem, and wait for the answer of that outcome."""
    page.fill("#code", code)
    page.click("#redeem-button")
    page.wait_for_url("**answer=**")
    expect(page.locator(f"#answer[data-outcome='{outcome}'] .answer-words")).to_be_visible()


def answer_text(page) -> str:
    return page.locator("#answer").inner_text()


def assert_fits_and_nothing_blocked(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate("window.cspViolations") == []


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_clerk_redeems_at_the_counter_and_an_owner_voids(browser, live_server, world, viewport, language):
    base, merchant = live_server.url, world["merchant"]
    counter = f"{base}/dashboard/merchants/{merchant.pk}/redeem/"
    shot = f"counter-{language}-{viewport['width']}x{viewport['height']}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    options = {"viewport": viewport, "locale": "ko-KR" if language == "ko" else "en-US"}
    if viewport is PHONE:
        options.update(device_scale_factor=2, is_mobile=True, has_touch=True)
    context = browser.new_context(**options)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()

    log_in(page, base, world["clerk"])
    page.wait_for_url(counter)
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("#code")).to_be_focused()
    assert page.locator("#scan-button").is_hidden()  # this Chromium has no BarcodeDetector
    if language == "ko":
        assert HANGUL.search(page.locator("#redeem-button").inner_text())
        assert HANGUL.search(page.locator("label[for=code]").inner_text())
        assert page.evaluate("getComputedStyle(document.getElementById('counter')).wordBreak") == "keep-all"

    redeem(page, "abcde 23456", "redeemed")
    text = answer_text(page)
    assert "김민지" in text
    if language == "en":
        assert "Redeemed" in text and "Free americano" in text
    else:
        assert HANGUL.search(text) and "아메리카노 한 잔 무료" in text
    assert Coupon.objects.get(pk=world["coupon"].pk).redeemed_by_id == world["clerk"].pk
    page.screenshot(path=str(SCREENSHOTS / f"{shot}-redeemed.png"), full_page=True)
    page.reload()  # a reload shows the same answer and redeems nothing
    expect(page.locator("#answer[data-outcome='redeemed']")).to_be_visible()
    assert Redemption.objects.count() == 1

    redeem(page, "ABCDE-23456", "already_redeemed")
    clerk_name = world["clerk"].display_name
    assert clerk_name in answer_text(page)
    if language == "en":
        assert "Already redeemed today at" in answer_text(page)
    page.screenshot(path=str(SCREENSHOTS / f"{shot}-already.png"), full_page=True)

    redeem(page, world["elsewhere"].code.lower(), "not_found")
    if language == "en":
        assert "Not a coupon of this shop" in answer_text(page)
    assert Coupon.objects.get(pk=world["elsewhere"].pk).redeemed_at is None
    page.screenshot(path=str(SCREENSHOTS / f"{shot}-refused.png"), full_page=True)
    assert page.locator(".void-form").count() == 0  # clerks cannot void
    assert_fits_and_nothing_blocked(page)
    context.close()

    # The owner voids it (with a confirmation), and the coupon is active again.
    context = browser.new_context(**options)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    log_in(page, base, world["owner"])
    page.wait_for_url(f"{base}/dashboard/")
    page.goto(counter)
    redemption = Redemption.objects.get()
    row = page.locator(f"tr[data-redemption='{redemption.pk}']")
    page.once("dialog", lambda dialog: dialog.accept())
    row.locator(".void-form button").click()
    expect(row.locator(".void-note")).to_be_visible()
    if language == "en":
        assert "Voided at" in row.inner_text()
    redemption.refresh_from_db()
    assert redemption.voided_by_id == world["owner"].pk
    assert Coupon.objects.get(pk=world["coupon"].pk).redeemed_at is None
    page.screenshot(path=str(SCREENSHOTS / f"{shot}-voided.png"), full_page=True)
    assert_fits_and_nothing_blocked(page)
    context.close()


def test_a_scanned_qr_code_is_redeemed(browser, live_server, world):
    base, merchant = live_server.url, world["merchant"]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    context.grant_permissions(["camera"])
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    context.add_init_script(FAKE_BARCODE_DETECTOR % world["coupon"].code)
    page = context.new_page()
    log_in(page, base, world["clerk"])
    page.wait_for_url(f"{base}/dashboard/merchants/{merchant.pk}/redeem/")
    scan = page.locator("#scan-button")
    expect(scan).to_be_visible()
    scan.click()
    page.wait_for_url("**answer=**")
    expect(page.locator("#answer[data-outcome='redeemed']")).to_be_visible()
    assert Coupon.objects.get(pk=world["coupon"].pk).redeemed_by_id == world["clerk"].pk
    assert page.evaluate("window.cspViolations") == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "counter-scanned.png"), full_page=True)
    context.close()
