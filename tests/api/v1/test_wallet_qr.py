"""One coupon of the wallet (GET /me/coupons/{id}) and its QR code (qr.png, qr.svg): the image decodes, with Debian's
zbarimg, to exactly the coupon's code; only the owner gets either (404 for everyone else, 401 without a token)."""

import base64
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import segno
from django.utils import timezone
from playwright.sync_api import sync_playwright
from rest_framework.test import APIClient

from core.qr import qr_png
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ZBARIMG = "/usr/bin/zbarimg"
SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def qr_decode(png: bytes, tmp_path: Path) -> list[str]:
    """The texts of every QR code zbarimg finds in the PNG image, one per symbol."""
    assert Path(ZBARIMG).exists(), f"{ZBARIMG} is missing: apt-get install zbar-tools"
    image = tmp_path / "qr.png"
    image.write_bytes(png)
    result = subprocess.run(  # noqa: S603 (a fixed program on a file the test wrote)
        [ZBARIMG, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().splitlines()


def detail_url(coupon_id) -> str:
    return f"/api/v1/me/coupons/{coupon_id}"


@pytest.fixture
def coupon(user):
    return factories.CouponFactory(user=user)


def test_the_png_decodes_to_exactly_the_code(user_client, coupon, tmp_path):
    response = user_client.get(f"{detail_url(coupon.pk)}/qr.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(PNG_SIGNATURE)
    assert qr_decode(response.content, tmp_path) == [coupon.code]
    assert "no-store" in response["Cache-Control"]  # an authenticated answer: never kept by a cache
    assert response["Content-Disposition"] == f'inline; filename="coupon-{coupon.pk}-qr.png"'


def test_the_png_holds_the_code_as_the_wallet_shows_it(user, user_client, tmp_path):
    coupons = [factories.CouponFactory(user=user) for _ in range(3)]
    wallet = user_client.get("/api/v1/me/coupons").json()["results"]
    assert {row["id"] for row in wallet} == {coupon.pk for coupon in coupons}
    for row in wallet:
        assert qr_decode(user_client.get(row["qr_url"]).content, tmp_path) == [row["code"]]


def test_the_symbol_has_error_correction_m_and_a_quiet_zone_of_4(tmp_path):
    code = "7KQ2M9XD4T"
    symbol = segno.make_qr(code, error="m", boost_error=False)
    assert (symbol.version, symbol.error) == (1, "M")
    png = qr_png(code)
    # 21 modules and 4 on each side, 10 pixels a module: 290 pixels square (width and height in the IHDR chunk).
    assert int.from_bytes(png[16:20], "big") == int.from_bytes(png[20:24], "big") == 290
    assert qr_decode(png, tmp_path) == [code]


def test_the_svg_is_an_svg_document_that_scales(user_client, coupon):
    response = user_client.get(f"{detail_url(coupon.pk)}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "no-store" in response["Cache-Control"]
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert root.tag == f"{SVG_NS}svg"
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("290", "290", "0 0 290 290")
    assert any(path.get("d") for path in root.iter(f"{SVG_NS}path"))
    assert b"<script" not in response.content


@pytest.mark.slow
def test_the_svg_drawn_by_chromium_decodes_to_exactly_the_code(user_client, coupon, tmp_path):
    """The SVG as a browser draws it (an <img>, as an app's web view would show it), screenshotted, decoded."""
    from tests.dashboard.test_browser import CHROMIUM, CHROMIUM_ARGS

    svg = user_client.get(f"{detail_url(coupon.pk)}/qr.svg").content
    source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop in this thread
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page()
            page.set_content(f'<body style="margin:0;background:#777"><img id="qr" src="{source}"></body>')
            page.wait_for_function("document.getElementById('qr').complete")
            png = page.locator("#qr").screenshot()
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    assert qr_decode(png, tmp_path) == [coupon.code]


@pytest.mark.parametrize("accept", [None, "image/png", "*/*", "image/*", "image/png, application/problem+json"])
def test_the_png_is_served_to_what_clients_send_as_accept(user_client, coupon, accept):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = user_client.get(f"{detail_url(coupon.pk)}/qr.png", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_the_svg_is_served_for_accept_image_svg(user_client, coupon):
    response = user_client.get(f"{detail_url(coupon.pk)}/qr.svg", HTTP_ACCEPT="image/svg+xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"


def test_an_accept_without_the_image_type_is_a_406_problem(user_client, coupon):
    response = user_client.get(f"{detail_url(coupon.pk)}/qr.png", HTTP_ACCEPT="application/json")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_acceptable"


def test_detail_is_the_wallet_item_with_its_qr_url(user, user_client, coupon):
    listed = user_client.get("/api/v1/me/coupons").json()["results"][0]
    response = user_client.get(detail_url(coupon.pk))
    assert response.status_code == 200
    body = response.json()
    assert body == listed
    assert body["code"] == coupon.code
    assert body["status"] == "active"
    assert body["merchant"] == {"id": coupon.merchant_id, "name": coupon.merchant.name}
    assert body["qr_url"] == f"http://testserver/api/v1/me/coupons/{coupon.pk}/qr.png"


def test_detail_shows_the_coupons_status(user, user_client):
    redeemed = factories.CouponFactory(user=user, redeemed_at=timezone.now())
    assert user_client.get(detail_url(redeemed.pk)).json()["status"] == "redeemed"
    # Its QR code stays available to its owner; the counter refuses it with a reason.
    assert user_client.get(f"{detail_url(redeemed.pk)}/qr.png").status_code == 200


def test_qr_url_follows_the_host_and_scheme_of_the_request(user, coupon):
    client = client_for(user)
    body = client.get(detail_url(coupon.pk), secure=True, HTTP_HOST="localhost").json()
    assert body["qr_url"] == f"https://localhost/api/v1/me/coupons/{coupon.pk}/qr.png"


@pytest.mark.parametrize("suffix", ["", "/qr.png", "/qr.svg"])
def test_another_users_coupon_is_a_404_never_a_403(coupon, suffix):
    stranger = client_for(factories.UserFactory())
    response = stranger.get(detail_url(coupon.pk) + suffix)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "coupon_not_found"
    # The staff of the coupon's merchant are nobody special here either.
    owner = factories.MerchantStaffFactory(merchant=coupon.merchant, role="owner").user
    assert client_for(owner).get(detail_url(coupon.pk) + suffix).status_code == 404


@pytest.mark.parametrize("suffix", ["", "/qr.png", "/qr.svg"])
@pytest.mark.parametrize("coupon_id", ["999999999", "999999999999999999"])
def test_an_unknown_id_is_a_404(user_client, coupon_id, suffix):
    response = user_client.get(detail_url(coupon_id) + suffix)
    assert response.status_code == 404
    assert response.json()["code"] == "coupon_not_found"


@pytest.mark.parametrize("suffix", ["", "/qr.png", "/qr.svg"])
def test_an_id_that_is_no_number_or_too_long_is_a_404(user_client, suffix):
    for coupon_id in ("abc", "-1", "1" * 19):
        response = user_client.get(detail_url(coupon_id) + suffix)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("suffix", ["", "/qr.png", "/qr.svg"])
def test_anonymous_is_a_401(coupon, suffix):
    response = APIClient().get(detail_url(coupon.pk) + suffix)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("suffix", ["/qr.png", "/qr.svg"])
def test_errors_are_problem_json_even_when_an_image_is_asked_for(coupon, suffix):
    accept = {"HTTP_ACCEPT": "image/png" if suffix.endswith("png") else "image/svg+xml"}
    anonymous = APIClient().get(detail_url(coupon.pk) + suffix, **accept)
    stranger = client_for(factories.UserFactory()).get(detail_url(coupon.pk) + suffix, **accept)
    for response, status, code in ((anonymous, 401, "not_authenticated"), (stranger, 404, "coupon_not_found")):
        assert response.status_code == status
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == code


@pytest.mark.parametrize("suffix", ["/qr.png", "/qr.svg"])
def test_options_describes_the_image_operation_as_json(user_client, coupon, suffix):
    response = user_client.options(detail_url(coupon.pk) + suffix)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    image = "image/png" if suffix.endswith("png") else "image/svg+xml"
    assert response.json()["renders"] == [image, "application/octet-stream"]


@pytest.mark.parametrize("suffix", ["/qr.png", "/qr.svg"])
def test_head_answers_like_get_without_a_body(user_client, coupon, suffix):
    response = user_client.head(detail_url(coupon.pk) + suffix)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert response.content == b""


@pytest.mark.parametrize("suffix", ["", "/qr.png", "/qr.svg"])
def test_writes_are_405(user_client, coupon, suffix):
    response = user_client.post(detail_url(coupon.pk) + suffix, {}, format="json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_wallet_items_carry_a_fetchable_qr_url_without_extra_queries(user, user_client, django_assert_max_num_queries):
    for _ in range(25):
        factories.CouponFactory(user=user)
    with django_assert_max_num_queries(3):  # as before qr_url: the user, the count, the page
        body = user_client.get("/api/v1/me/coupons?limit=100").json()
    assert len(body["results"]) == 25
    for row in body["results"]:
        assert row["qr_url"] == f"http://testserver/api/v1/me/coupons/{row['id']}/qr.png"
    svg_url = body["results"][0]["qr_url"].removesuffix(".png") + ".svg"
    assert user_client.get(svg_url)["Content-Type"] == "image/svg+xml"


def test_detail_and_image_take_two_queries(user_client, coupon, django_assert_max_num_queries):
    for suffix in ("", "/qr.png", "/qr.svg"):
        with django_assert_max_num_queries(2):  # the user, the coupon with its title and merchant
            assert user_client.get(detail_url(coupon.pk) + suffix).status_code == 200


@pytest.mark.parametrize("image", ["png", "svg"])
def test_octet_stream_gets_the_same_image_bytes(user_client, coupon, image):
    """Generated SDKs that take no image/* type ask for application/octet-stream: the same bytes, labelled so."""
    url = f"{detail_url(coupon.pk)}/qr.{image}"
    native = user_client.get(url)
    response = user_client.get(url, HTTP_ACCEPT="application/octet-stream")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response.content == native.content
    assert response["Content-Disposition"] == f'inline; filename="coupon-{coupon.pk}-qr.{image}"'
