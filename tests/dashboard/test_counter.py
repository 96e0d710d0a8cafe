"""The counter page without a browser: who may use it, each answer in words, exactly once per form, today's list,
voids (owners and managers, within the window), and where clerks land after login."""

import re
import threading
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.utils import formats, timezone

from coupons.models import Coupon, Redemption
from coupons.redemption import coupon_redeem
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

SEOUL = ZoneInfo("Asia/Seoul")


def counter_url(merchant_id: int) -> str:
    return f"/dashboard/merchants/{merchant_id}/redeem/"


def void_url(merchant_id: int, redemption_id: int) -> str:
    return f"/dashboard/merchants/{merchant_id}/redeem/{redemption_id}/void/"


def form_token(page: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def answer_box(page: str) -> str:
    """The answer region's text, tags stripped and spaces collapsed."""
    match = re.search(r'<div id="answer".*?</div>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split()) if match else ""


def clock(moment) -> str:
    return timezone.localtime(moment, SEOUL).strftime("%H:%M")


@pytest.fixture
def shop(merchant_with_staff):
    """The merchant with its staff (owner, manager, clerk, outsider) and an active coupon of it."""
    merchant = merchant_with_staff["merchant"]
    campaign = factories.CampaignFactory(merchant=merchant, title="Free americano")
    customer = factories.UserFactory(display_name="Kim Minji")
    coupon = factories.CouponFactory(campaign=campaign, user=customer, code="ABCDE23456")
    return {**merchant_with_staff, "campaign": campaign, "coupon": coupon, "customer": customer}


def client_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def redeem(client: Client, merchant_id: int, code: str, token: str | None = None):
    """Open the counter, then post `code` with the page's token (or `token`); returns the POST's response."""
    if token is None:
        token = form_token(client.get(counter_url(merchant_id)).content.decode())
    return client.post(counter_url(merchant_id), {"code": code, "token": token})


def redeem_and_read(client: Client, merchant_id: int, code: str) -> str:
    response = redeem(client, merchant_id, code)
    assert response.status_code == 303
    return answer_box(client.get(response["Location"]).content.decode())


# --- who may use it -------------------------------------------------------------------------------------------------


def test_the_counter_needs_a_login(client, shop):
    response = client.get(counter_url(shop["merchant"].pk))
    assert response.status_code == 302 and response["Location"].startswith("/dashboard/login/")
    response = client.post(counter_url(shop["merchant"].pk), {"code": "ABCDE23456", "token": "x" * 22})
    assert response.status_code == 302
    assert not Redemption.objects.exists()


@pytest.mark.parametrize("role", ["owner", "manager", "clerk"])
def test_every_staff_role_opens_and_uses_the_counter(shop, role):
    client = client_as(shop[role])
    page = client.get(counter_url(shop["merchant"].pk))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="code"' in body and "autofocus" in body and 'autocapitalize="characters"' in body
    assert "Redeemed" in redeem_and_read(client, shop["merchant"].pk, "abcde23456")


def test_outsiders_and_other_shops_staff_get_404(shop):
    merchant = shop["merchant"]
    other_staff = factories.MerchantStaffFactory(role="owner").user
    for person in (shop["outsider"], other_staff):
        client = client_as(person)
        assert client.get(counter_url(merchant.pk)).status_code == 404
        assert client.post(counter_url(merchant.pk), {"code": "ABCDE23456", "token": "t" * 22}).status_code == 404
    assert client_as(shop["owner"]).get(counter_url(merchant.pk + 10_000)).status_code == 404
    assert Coupon.objects.get(pk=shop["coupon"].pk).redeemed_at is None


def test_other_methods_are_refused(shop):
    assert client_as(shop["clerk"]).put(counter_url(shop["merchant"].pk)).status_code == 405


# --- the answers ------------------------------------------------------------------------------------------------------


def test_a_typed_code_is_normalised_and_redeemed_with_title_customer_and_local_time(shop):
    client = client_as(shop["clerk"])
    text = redeem_and_read(client, shop["merchant"].pk, " abcde-234 56 ")
    coupon = Coupon.objects.get(pk=shop["coupon"].pk)
    assert coupon.redeemed_by_id == shop["clerk"].pk
    assert text.startswith("✓ Redeemed")
    assert "Free americano" in text and "Customer: Kim Minji" in text
    assert f"at {clock(coupon.redeemed_at)}" in text
    assert "Code ABCDE23456" in text
    redemption = Redemption.objects.get(coupon=coupon)
    assert redemption.redeemed_by_id == shop["clerk"].pk and redemption.voided_at is None


def test_the_answer_is_announced_and_not_told_by_colour_alone(shop):
    client = client_as(shop["clerk"])
    response = redeem(client, shop["merchant"].pk, "ABCDE23456")
    page = client.get(response["Location"]).content.decode()
    assert 'role="status"' in page and 'aria-live="polite"' in page
    assert 'data-outcome="redeemed"' in page and "answer-ok" in page


def test_a_second_redemption_says_when_and_by_whom(shop):
    coupon_redeem(merchant_id=shop["merchant"].pk, actor=shop["manager"], code="ABCDE23456")
    redeemed_at = Coupon.objects.get(pk=shop["coupon"].pk).redeemed_at
    text = redeem_and_read(client_as(shop["clerk"]), shop["merchant"].pk, "abcde23456")
    name = shop["manager"].display_name
    assert f"Already redeemed today at {clock(redeemed_at)} by {name}" in text
    assert text.startswith("✕") and "Redeemed" not in text.replace("Already redeemed", "")
    assert Redemption.objects.filter(coupon=shop["coupon"]).count() == 1


def test_a_redemption_on_another_day_names_the_date(shop):
    coupon = shop["coupon"]
    Coupon.objects.filter(pk=coupon.pk).update(issued_at=timezone.now() - timedelta(days=4))
    earlier = timezone.now() - timedelta(days=2)
    coupon_redeem(merchant_id=shop["merchant"].pk, actor=shop["owner"], code=coupon.code, now=earlier)
    text = redeem_and_read(client_as(shop["clerk"]), shop["merchant"].pk, coupon.code)
    day = formats.date_format(timezone.localtime(earlier, SEOUL), "MONTH_DAY_FORMAT")
    assert f"Already redeemed on {day} at {clock(earlier)} by {shop['owner'].display_name}" in text


def test_an_expired_coupon_says_since_when(shop):
    issued = timezone.now() - timedelta(days=10)
    expired = factories.CouponFactory(
        campaign=shop["campaign"], code="EXPZRED234", issued_at=issued, expires_at=issued + timedelta(days=3)
    )
    text = redeem_and_read(client_as(shop["clerk"]), shop["merchant"].pk, expired.code.lower())
    day = formats.date_format(timezone.localtime(expired.expires_at, SEOUL), "DATE_FORMAT")
    assert f"Expired on {day}" in text and text.startswith("✕")
    assert Coupon.objects.get(pk=expired.pk).redeemed_at is None


@pytest.mark.parametrize("code", ["ZZZZZ99999", "not a code at all", "other"])
def test_unknown_codes_and_other_shops_codes_are_not_a_coupon_of_this_shop(shop, code):
    elsewhere = factories.CouponFactory(code="QRSTV23456")  # a coupon of another merchant
    typed = elsewhere.code if code == "other" else code
    text = redeem_and_read(client_as(shop["clerk"]), shop["merchant"].pk, typed)
    assert "Not a coupon of this shop" in text
    assert Coupon.objects.get(pk=elsewhere.pk).redeemed_at is None
    assert not Redemption.objects.exists()


def test_an_empty_code_or_a_broken_form_is_a_400_in_words(shop):
    client = client_as(shop["clerk"])
    merchant_id = shop["merchant"].pk
    empty = redeem(client, merchant_id, "   ")
    assert empty.status_code == 400
    assert "Type or scan the coupon&#x27;s code." in empty.content.decode()
    for token in ("", "short", "bad token with spaces!!"):
        broken = client.post(counter_url(merchant_id), {"code": "ABCDE23456", "token": token})
        assert broken.status_code == 400
        body = broken.content.decode()
        assert "This form has expired; please enter the code again." in body
        assert 'value="ABCDE23456"' in body  # the typed code stays; one more press redeems
        assert form_token(body)
    assert Coupon.objects.get(pk=shop["coupon"].pk).redeemed_at is None


# --- exactly once -----------------------------------------------------------------------------------------------------


def test_the_same_form_sent_again_shows_the_first_answer(shop):
    client = client_as(shop["clerk"])
    merchant_id = shop["merchant"].pk
    token = form_token(client.get(counter_url(merchant_id)).content.decode())
    first = redeem(client, merchant_id, "ABCDE23456", token=token)
    again = redeem(client, merchant_id, "ABCDE23456", token=token)
    assert first.status_code == again.status_code == 303
    assert first["Location"] == again["Location"] == f"{counter_url(merchant_id)}?answer={token}"
    for _ in range(2):  # and a reload of the answer page
        text = answer_box(client.get(again["Location"]).content.decode())
        assert text.startswith("✓ Redeemed") and "Already" not in text
    assert Redemption.objects.filter(coupon=shop["coupon"]).count() == 1


def test_each_page_carries_a_fresh_token_and_answers_are_per_user(shop):
    clerk, manager = client_as(shop["clerk"]), client_as(shop["manager"])
    merchant_id = shop["merchant"].pk
    tokens = {form_token(clerk.get(counter_url(merchant_id)).content.decode()) for _ in range(3)}
    assert len(tokens) == 3
    response = redeem(clerk, merchant_id, "ABCDE23456")
    # Another user with the same answer address sees no answer (answers are stored per user).
    assert answer_box(manager.get(response["Location"]).content.decode()) == ""
    # Nor does the same user at another shop's counter.
    second = factories.MerchantStaffFactory(user=shop["clerk"], role="clerk").merchant
    token = response["Location"].split("answer=")[1]
    assert answer_box(clerk.get(f"{counter_url(second.pk)}?answer={token}").content.decode()) == ""
    assert answer_box(clerk.get(response["Location"]).content.decode()).startswith("✓ Redeemed")


@pytest.mark.django_db(transaction=True)
def test_a_double_tap_redeems_once_and_both_taps_show_the_success(shop):
    client = client_as(shop["clerk"])
    merchant_id = shop["merchant"].pk
    token = form_token(client.get(counter_url(merchant_id)).content.decode())
    barrier, locations = threading.Barrier(2), []

    def tap():
        try:
            tapping = Client()
            tapping.cookies = client.cookies
            barrier.wait()
            locations.append(redeem(tapping, merchant_id, "abcde 23456", token=token)["Location"])
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(locations) == 2 and len(set(locations)) == 1
    text = answer_box(client.get(locations[0]).content.decode())
    assert text.startswith("✓ Redeemed")
    assert Redemption.objects.filter(coupon=shop["coupon"]).count() == 1


def test_with_the_cache_down_the_counter_still_redeems_and_answers(shop, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
        }
    }
    client = client_as(shop["clerk"])
    response = redeem(client, shop["merchant"].pk, "abcde23456")
    assert response.status_code == 200
    assert answer_box(response.content.decode()).startswith("✓ Redeemed")
    assert Redemption.objects.filter(coupon=shop["coupon"]).count() == 1


# --- today's list and voids -------------------------------------------------------------------------------------------


def test_todays_list_shows_newest_first_with_code_title_customer_and_staff(shop):
    merchant = shop["merchant"]
    second = factories.CouponFactory(campaign=shop["campaign"], code="BBBBB23456")
    old = factories.CouponFactory(
        campaign=shop["campaign"], code="CCCCC23456", issued_at=timezone.now() - timedelta(days=5)
    )
    coupon_redeem(merchant_id=merchant.pk, actor=shop["owner"], code=old.code, now=timezone.now() - timedelta(days=2))
    coupon_redeem(merchant_id=merchant.pk, actor=shop["clerk"], code="ABCDE23456")
    coupon_redeem(merchant_id=merchant.pk, actor=shop["manager"], code=second.code)
    page = client_as(shop["clerk"]).get(counter_url(merchant.pk)).content.decode()
    rows = re.findall(r'<tr data-redemption="(\d+)"', page)
    assert [int(row) for row in rows] == list(
        Redemption.objects.filter(coupon__code__in=["BBBBB23456", "ABCDE23456"])
        .order_by("-redeemed_at")
        .values_list("id", flat=True)
    )
    assert "CCCCC23456" not in page  # another day
    assert "Kim Minji" in page and "Free americano" in page and shop["manager"].display_name in page


def test_the_empty_list_says_so(shop):
    page = client_as(shop["clerk"]).get(counter_url(shop["merchant"].pk)).content.decode()
    assert 'id="no-redemptions"' in page


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_owners_and_managers_void_within_the_window(shop, role):
    merchant = shop["merchant"]
    coupon_redeem(merchant_id=merchant.pk, actor=shop["clerk"], code="ABCDE23456")
    redemption = Redemption.objects.get(coupon=shop["coupon"])
    client = client_as(shop[role])
    page = client.get(counter_url(merchant.pk)).content.decode()
    assert void_url(merchant.pk, redemption.pk) in page and "data-confirm" in page
    response = client.post(void_url(merchant.pk, redemption.pk))
    assert response.status_code == 303 and response["Location"] == counter_url(merchant.pk)
    redemption.refresh_from_db()
    assert redemption.voided_at is not None and redemption.voided_by_id == shop[role].pk
    assert Coupon.objects.get(pk=shop["coupon"].pk).redeemed_at is None  # active again
    page = client.get(counter_url(merchant.pk)).content.decode()
    assert f"Voided at {clock(redemption.voided_at)} by {shop[role].display_name}" in page
    assert "the coupon can be used again" in page
    assert void_url(merchant.pk, redemption.pk) not in page
    # Voiding twice changes nothing; and the coupon can be redeemed again.
    assert client.post(void_url(merchant.pk, redemption.pk)).status_code == 303
    assert "Redeemed" in redeem_and_read(client_as(shop["clerk"]), merchant.pk, "ABCDE23456")


def test_after_the_window_there_is_no_void_button_and_a_void_is_refused_in_words(shop, settings):
    merchant = shop["merchant"]
    earlier = timezone.now() - timedelta(minutes=settings.REDEMPTION_VOID_MINUTES, seconds=5)
    coupon_redeem(merchant_id=merchant.pk, actor=shop["clerk"], code="ABCDE23456", now=earlier)
    redemption = Redemption.objects.get(coupon=shop["coupon"])
    client = client_as(shop["owner"])
    assert void_url(merchant.pk, redemption.pk) not in client.get(counter_url(merchant.pk)).content.decode()
    response = client.post(void_url(merchant.pk, redemption.pk), follow=True)
    assert "can no longer be voided" in response.content.decode()
    redemption.refresh_from_db()
    assert redemption.voided_at is None


def test_clerks_see_no_void_button_and_their_void_is_refused(shop):
    merchant = shop["merchant"]
    coupon_redeem(merchant_id=merchant.pk, actor=shop["clerk"], code="ABCDE23456")
    redemption = Redemption.objects.get(coupon=shop["coupon"])
    client = client_as(shop["clerk"])
    page = client.get(counter_url(merchant.pk)).content.decode()
    assert f'data-redemption="{redemption.pk}"' in page and "/void/" not in page
    assert client.post(void_url(merchant.pk, redemption.pk)).status_code == 403
    assert client.get(void_url(merchant.pk, redemption.pk)).status_code == 405
    redemption.refresh_from_db()
    assert redemption.voided_at is None


def test_voids_of_unknown_or_other_shops_redemptions_are_404(shop):
    merchant = shop["merchant"]
    coupon_redeem(merchant_id=merchant.pk, actor=shop["clerk"], code="ABCDE23456")
    redemption = Redemption.objects.get(coupon=shop["coupon"])
    other = factories.MerchantStaffFactory(role="owner")
    assert client_as(other.user).post(void_url(merchant.pk, redemption.pk)).status_code == 404
    assert client_as(shop["outsider"]).post(void_url(merchant.pk, redemption.pk)).status_code == 404
    # The owner of another shop, naming their own shop: the redemption is not theirs.
    assert client_as(other.user).post(void_url(other.merchant_id, redemption.pk)).status_code == 404
    assert client_as(shop["owner"]).post(void_url(merchant.pk, redemption.pk + 1000)).status_code == 404
    redemption.refresh_from_db()
    assert redemption.voided_at is None


def test_the_page_reads_a_fixed_number_of_queries(shop, django_assert_max_num_queries):
    merchant = shop["merchant"]
    client = client_as(shop["owner"])
    for index in range(6):
        coupon = factories.CouponFactory(campaign=shop["campaign"], code=f"Q{index}RSTV2345")
        coupon_redeem(merchant_id=merchant.pk, actor=shop["clerk"], code=coupon.code)
    with django_assert_max_num_queries(9):
        page = client.get(counter_url(merchant.pk))
    assert page.content.decode().count("data-redemption=") == 6


def test_the_page_may_use_the_camera_under_its_content_security_policy(shop):
    response = client_as(shop["clerk"]).get(counter_url(shop["merchant"].pk))
    assert response["Permissions-Policy"] == "camera=(self)"
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'src="/static/dashboard/counter.js" nonce="{nonce}"' in response.content.decode()
    assert "unsafe-inline" not in policy


# --- where clerks land ------------------------------------------------------------------------------------------------


def test_clerks_land_on_the_counter_and_others_on_the_home_page(client, shop):
    clerk_login = client.post("/dashboard/login/", {"username": shop["clerk"].username, "password": "test-pass-123"})
    assert clerk_login.status_code == 302 and clerk_login["Location"] == counter_url(shop["merchant"].pk)
    assert client.get("/dashboard/")["Location"] == counter_url(shop["merchant"].pk)
    assert client.get("/dashboard/?overview=1").status_code == 200
    for role in ("owner", "manager"):
        other = Client()
        response = other.post("/dashboard/login/", {"username": shop[role].username, "password": "test-pass-123"})
        assert response["Location"] == "/dashboard/"
        assert other.get("/dashboard/").status_code == 200


def test_a_clerk_of_several_shops_lands_on_the_first_and_sees_the_others(shop):
    clerk = shop["clerk"]
    first = shop["merchant"]
    second = factories.MerchantFactory(name="Zzz second shop")
    factories.MerchantStaffFactory(merchant=second, user=clerk, role="clerk")
    first.name = "Aaa first shop"
    first.save(update_fields=["name"])
    client = client_as(clerk)
    assert client.get("/dashboard/")["Location"] == counter_url(first.pk)
    page = client.get(counter_url(first.pk)).content.decode()
    assert f'href="{counter_url(second.pk)}"' in page and "Zzz second shop" in page


def test_someone_who_manages_any_shop_is_not_sent_to_a_counter(shop):
    clerk = shop["clerk"]
    factories.MerchantStaffFactory(user=clerk, role="owner")
    assert client_as(clerk).get("/dashboard/").status_code == 200


def test_the_answers_are_worded_in_korean(shop):
    coupon = shop["coupon"]
    Coupon.objects.filter(pk=coupon.pk).update(issued_at=timezone.now() - timedelta(days=4))
    earlier = timezone.now() - timedelta(days=2)
    coupon_redeem(merchant_id=shop["merchant"].pk, actor=shop["owner"], code=coupon.code, now=earlier)
    client = client_as(shop["clerk"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ko-KR,ko;q=0.9"
    page = client.get(counter_url(shop["merchant"].pk)).content.decode()
    assert '<html lang="ko">' in page and "쿠폰 코드" in page
    local = timezone.localtime(earlier, SEOUL)
    text = redeem_and_read(client, shop["merchant"].pk, coupon.code)
    assert (
        f"{local.month}월 {local.day}일 {clock(earlier)}에 {shop['owner'].display_name} 님이 이미 사용 처리했습니다"
        in text
    )
    assert "이 매장의 쿠폰이 아닙니다" in redeem_and_read(client, shop["merchant"].pk, "ZZZZZ99999")
