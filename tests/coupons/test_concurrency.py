"""Issuance and redemption under real parallel connections: never oversold, never over the per-user limit, redeemed
exactly once. Each worker thread has its own database connection and closes it when done."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import User
from api.models import IdempotencyRecord
from checkins.models import Checkin
from checkins.services import checkin_create
from coupons.models import Campaign, CampaignEligibility, CampaignUserCount, Coupon
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]
THREADS = 16


def in_parallel(function, items, threads=THREADS) -> list:
    def run(item):
        try:
            return function(item)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(run, items))


def test_200_users_at_a_campaign_with_stock_50_get_exactly_50_coupons():
    merchant = factories.MerchantFactory()
    campaign = factories.CampaignFactory(merchant=merchant, total_stock=50)
    users = User.objects.bulk_create(
        [User(username=f"crowd{i}", password="!", location_consent=True) for i in range(200)]
    )

    def check_in(user):
        result = checkin_create(
            user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5
        )
        return len(result.coupons)

    issued = in_parallel(check_in, users)
    assert sum(issued) == 50
    assert Checkin.objects.count() == 200
    campaign.refresh_from_db()
    assert Coupon.objects.filter(campaign=campaign).count() == campaign.issued_count == 50
    assert (campaign.remaining_stock, campaign.status) == (0, Campaign.Status.SOLD_OUT)
    assert Coupon.objects.filter(campaign=campaign).values("user").distinct().count() == 50
    # per-user slots given back by the losers of the last races: the counters add up to the coupons
    assert sum(CampaignUserCount.objects.filter(campaign=campaign).values_list("issued", flat=True)) == 50
    linked = CampaignEligibility.objects.filter(campaign=campaign, coupon__isnull=False).count()
    assert linked == 50


def test_one_user_20_parallel_checkins_never_passes_the_per_user_limit(settings):
    settings.CHECKIN_COOLDOWN_MINUTES = 0  # the cooldown would refuse the repeats before the limit is tested
    merchant = factories.MerchantFactory()
    campaign = factories.CampaignFactory(merchant=merchant, per_user_limit=2)
    user = factories.UserFactory()
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}

    def check_in(index):
        response = client_for(user).post(
            "/api/v1/checkins", body, format="json", HTTP_IDEMPOTENCY_KEY=f"parallel-{index}"
        )
        return response.status_code, len(response.json().get("coupons", []))

    results = in_parallel(check_in, range(20))
    assert all(code == 201 for code, _ in results)
    assert sum(count for _, count in results) == 2
    assert Coupon.objects.filter(campaign=campaign, user=user).count() == 2
    assert CampaignUserCount.objects.get(campaign=campaign, user=user).issued == 2
    assert Checkin.objects.filter(user=user).count() == 20


def test_20_parallel_redemptions_of_one_code_redeem_it_once():
    coupon = factories.CouponFactory()
    clerk = factories.MerchantStaffFactory(merchant=coupon.merchant, role="clerk").user

    def redeem(_):
        return client_for(clerk).post(
            f"/api/v1/merchants/{coupon.merchant_id}/redemptions", {"code": coupon.code}, format="json"
        )

    responses = in_parallel(redeem, range(20))
    codes = sorted(r.status_code for r in responses)
    assert codes == [201] + [409] * 19
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"coupon_already_redeemed"}
    coupon.refresh_from_db()
    assert coupon.redeemed_at is not None and coupon.redeemed_by_id == clerk.pk


def test_one_idempotency_key_retried_10_times_in_parallel_checks_in_once():
    merchant = factories.MerchantFactory()
    factories.CampaignFactory(merchant=merchant)
    user = factories.UserFactory()
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}

    def check_in(_):
        response = client_for(user).post("/api/v1/checkins", body, format="json", HTTP_IDEMPOTENCY_KEY="same-key")
        return response.status_code, response.json()

    results = in_parallel(check_in, range(10), threads=10)
    created = [payload for code, payload in results if code == 201]
    in_flight = [payload for code, payload in results if code == 409]
    assert len(created) + len(in_flight) == 10
    assert created, "at least the first request answers 201"
    assert all(payload == created[0] for payload in created)
    assert all(payload["code"] == "idempotency_in_flight" for payload in in_flight)
    assert len(created[0]["coupons"]) == 1
    # once the first has finished, every retry replays it
    replay = client_for(user).post("/api/v1/checkins", body, format="json", HTTP_IDEMPOTENCY_KEY="same-key")
    assert (replay.status_code, replay.json()) == (201, created[0])
    assert replay["Idempotent-Replayed"] == "true"
    assert Checkin.objects.filter(user=user).count() == 1
    assert Coupon.objects.filter(user=user).count() == 1
    assert IdempotencyRecord.objects.filter(user=user).count() == 1
