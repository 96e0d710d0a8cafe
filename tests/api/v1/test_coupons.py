"""The wallet (GET /me/coupons) and redemption at the counter (POST /merchants/{id}/redemptions)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from coupons.models import Coupon
from coupons.redemption import coupons_expire
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def redeem_url(merchant_id):
    return f"/api/v1/merchants/{merchant_id}/redemptions"


def test_wallet_lists_my_coupons_with_status(user, user_client, django_assert_max_num_queries):
    now = timezone.now()
    active = factories.CouponFactory(user=user)
    redeemed = factories.CouponFactory(user=user, redeemed_at=now)
    expired = factories.CouponFactory(
        user=user, issued_at=now - timedelta(days=8), expires_at=now - timedelta(seconds=1)
    )
    factories.CouponFactory()  # someone else's
    with django_assert_max_num_queries(3):
        body = user_client.get("/api/v1/me/coupons").json()
    by_id = {row["id"]: row for row in body["results"]}
    assert set(by_id) == {active.pk, redeemed.pk, expired.pk}
    assert [by_id[c.pk]["status"] for c in (active, redeemed, expired)] == ["active", "redeemed", "expired"]
    row = by_id[active.pk]
    assert set(row) >= {"id", "code", "title", "merchant", "status", "issued_at", "expires_at", "redeemed_at"}
    assert row["merchant"] == {"id": active.merchant_id, "name": active.merchant.name}
    assert row["title"] == active.campaign.title
    for status, coupon in (("active", active), ("redeemed", redeemed), ("expired", expired)):
        results = user_client.get(f"/api/v1/me/coupons?status={status}").json()["results"]
        assert [r["id"] for r in results] == [coupon.pk]
    assert user_client.get("/api/v1/me/coupons?status=used").status_code == 400
    assert APIClient().get("/api/v1/me/coupons").status_code == 401


def test_expiry_task_marks_expired_coupons_once(user):
    now = timezone.now()
    due = factories.CouponFactory(user=user, issued_at=now - timedelta(days=8), expires_at=now - timedelta(hours=1))
    factories.CouponFactory(user=user)
    factories.CouponFactory(
        user=user, issued_at=now - timedelta(days=8), expires_at=now - timedelta(hours=1), redeemed_at=now
    )
    assert coupons_expire() == 1
    assert coupons_expire() == 0
    due.refresh_from_db()
    assert due.expired_at == due.expires_at and due.status == "expired"


@pytest.mark.parametrize(
    ("role", "expected"),
    [("owner", 201), ("manager", 201), ("clerk", 201), ("outsider", 403), ("anonymous", 401)],
)
def test_redeem_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    coupon = factories.CouponFactory(campaign=factories.CampaignFactory(merchant=merchant))
    client = APIClient() if role == "anonymous" else client_for(merchant_with_staff[role])
    response = client.post(redeem_url(merchant.pk), {"code": coupon.code}, format="json")
    assert response.status_code == expected, response.content
    coupon.refresh_from_db()
    assert (coupon.redeemed_at is not None) is (expected == 201)


def test_coupon_holder_and_other_merchants_staff_cannot_redeem(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    coupon = factories.CouponFactory(campaign=factories.CampaignFactory(merchant=merchant))
    other_owner = factories.MerchantStaffFactory(role="owner").user
    for user in (coupon.user, other_owner):
        response = client_for(user).post(redeem_url(merchant.pk), {"code": coupon.code}, format="json")
        assert response.status_code == 403


def test_redemption_answer_and_exactly_once(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    coupon = factories.CouponFactory(campaign=factories.CampaignFactory(merchant=merchant))
    clerk = client_for(merchant_with_staff["clerk"])
    response = clerk.post(redeem_url(merchant.pk), {"code": coupon.code}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert (body["id"], body["status"], body["code"]) == (coupon.pk, "redeemed", coupon.code)
    assert body["redeemed_at"] is not None and body["user"]["id"] == coupon.user_id
    again = clerk.post(redeem_url(merchant.pk), {"code": coupon.code}, format="json")
    assert (again.status_code, again.json()["code"]) == (409, "coupon_already_redeemed")
    coupon.refresh_from_db()
    assert coupon.redeemed_by_id == merchant_with_staff["clerk"].pk


def test_codes_are_read_leniently(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    campaign = factories.CampaignFactory(merchant=merchant)
    typed = {"7KQ2M9XD41": "7kq2m-9xd4 1", "0AB1CDEFGH": "oab-lcdefgh", "1ZZZZZZZZ0": " izzzz zzzzo "}
    for code, as_typed in typed.items():
        factories.CouponFactory(campaign=campaign, code=code)
        response = client_for(merchant_with_staff["owner"]).post(
            redeem_url(merchant.pk), {"code": as_typed}, format="json"
        )
        assert response.status_code == 201, (as_typed, response.content)


def test_unknown_or_foreign_codes_are_404(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    foreign = factories.CouponFactory()  # another merchant's coupon
    client = client_for(merchant_with_staff["owner"])
    for code in (foreign.code, "ZZZZZZZZZZ", "short", "UUUUUUUUUU"):
        response = client.post(redeem_url(merchant.pk), {"code": code}, format="json")
        assert (response.status_code, response.json()["code"]) == (404, "coupon_not_found")
    foreign.refresh_from_db()
    assert foreign.redeemed_at is None
    assert client.post(redeem_url(999999), {"code": foreign.code}, format="json").json()["code"] == (
        "merchant_not_found"
    )


def test_expired_coupon_is_410_even_before_the_expiry_task(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    now = timezone.now()
    coupon = factories.CouponFactory(
        campaign=factories.CampaignFactory(merchant=merchant),
        issued_at=now - timedelta(days=7),
        expires_at=now - timedelta(seconds=1),
    )
    response = client_for(merchant_with_staff["clerk"]).post(
        redeem_url(merchant.pk), {"code": coupon.code}, format="json"
    )
    assert (response.status_code, response.json()["code"]) == (410, "coupon_expired")
    assert Coupon.objects.get(pk=coupon.pk).redeemed_at is None


@pytest.mark.parametrize("body", [{}, {"code": ""}, {"code": "x" * 33}, {"code": 12345}])
def test_bad_redemption_input_is_400(merchant_with_staff, body):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff["owner"]).post(redeem_url(merchant.pk), body, format="json")
    assert response.status_code == 400 and "code" in response.json()["errors"]


def test_redemption_idempotency_replays_the_201(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    coupon = factories.CouponFactory(campaign=factories.CampaignFactory(merchant=merchant))
    clerk = client_for(merchant_with_staff["clerk"])
    first = clerk.post(redeem_url(merchant.pk), {"code": coupon.code}, format="json", HTTP_IDEMPOTENCY_KEY="r1")
    again = clerk.post(redeem_url(merchant.pk), {"code": coupon.code}, format="json", HTTP_IDEMPOTENCY_KEY="r1")
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    other = clerk.post(redeem_url(merchant.pk), {"code": "ZZZZZZZZZZ"}, format="json", HTTP_IDEMPOTENCY_KEY="r1")
    assert (other.status_code, other.json()["code"]) == (422, "idempotency_key_reused")


def test_redemptions_are_rate_limited(merchant_with_staff, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "redemption": "2/min"}
    merchant = merchant_with_staff["merchant"]
    clerk = client_for(merchant_with_staff["clerk"])
    codes = [clerk.post(redeem_url(merchant.pk), {"code": "ZZZZZZZZZZ"}, format="json").status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    assert int(clerk.post(redeem_url(merchant.pk), {"code": "Z"}, format="json")["Retry-After"]) >= 1
