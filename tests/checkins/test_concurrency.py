"""One user's parallel check-ins behave as if sent one after another (real parallel connections over the API).

Before check-ins were serialised per user, eight parallel attempts at one merchant were accepted four times, and
parallel attempts 50 km apart were each measured against an older check-in and all accepted."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.contrib.gis.geos import Point
from django.db import connection

from checkins.models import Checkin, CheckinRefusal
from coupons.models import Coupon
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]


def _parallel_checkins(user, bodies: list[dict]) -> list:
    """POST every body at once (a barrier releases them together), each on its own connection; the statuses."""
    barrier = Barrier(len(bodies))

    def post(indexed):
        index, body = indexed
        client = client_for(user)
        try:
            barrier.wait(timeout=30)
            response = client.post("/api/v1/checkins", body, format="json", HTTP_IDEMPOTENCY_KEY=f"burst-{index}")
            return response.status_code, response.json()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(pool.map(post, enumerate(bodies)))


def _at(merchant) -> dict:
    return {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}


def test_20_parallel_checkins_by_one_user_at_one_merchant_are_accepted_once():
    """The cooldown holds under concurrency: exactly one 201, nineteen 422 checkin_cooldown."""
    merchant = factories.MerchantFactory()
    user = factories.UserFactory()
    results = _parallel_checkins(user, [_at(merchant)] * 20)
    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [422] * 19
    assert {body["code"] for status, body in results if status == 422} == {"checkin_cooldown"}
    assert Checkin.objects.filter(user=user).count() == 1
    assert CheckinRefusal.objects.filter(user=user, reason="checkin_cooldown").count() == 19


def test_an_nth_visit_coupon_cannot_be_earned_by_a_burst():
    """With nth_visit(3), a burst right after the first visit earns nothing (it used to earn a coupon in seconds)."""
    merchant = factories.MerchantFactory()
    factories.CampaignFactory(merchant=merchant, trigger={"type": "nth_visit", "visits": 3})
    user = factories.UserFactory()
    for _ in range(2):
        _parallel_checkins(user, [_at(merchant)] * 8)
    assert Checkin.objects.filter(user=user).count() == 1
    assert not Coupon.objects.filter(user=user).exists()


def test_10_parallel_checkins_50_km_apart_are_accepted_once():
    """Travel is checked against the check-in that really came before: of two merchants 50 km apart (no cooldown
    applies across merchants), only the first attempt is accepted; the others need 50 km in no time."""
    seoul = factories.MerchantFactory(location=Point(126.9780, 37.5665, srid=4326))
    far = factories.MerchantFactory(location=Point(126.9780 + 0.565, 37.5665, srid=4326))  # about 50 km east
    user = factories.UserFactory()
    results = _parallel_checkins(user, [_at(seoul if i % 2 else far) for i in range(10)])
    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [422] * 9
    assert {body["code"] for status, body in results if status == 422} <= {"checkin_cooldown", "implausible_travel"}
    assert any(body.get("code") == "implausible_travel" for _, body in results)
    assert Checkin.objects.filter(user=user).count() == 1


def test_different_users_are_not_serialised_against_each_other():
    """The lock is per user: ten users checking in at once at one merchant are all accepted."""
    merchant = factories.MerchantFactory()
    users = factories.UserFactory.create_batch(10)
    barrier = Barrier(len(users))

    def post(user):
        client = client_for(user)
        try:
            barrier.wait(timeout=30)
            return client.post("/api/v1/checkins", _at(merchant), format="json").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        assert list(pool.map(post, users)) == [201] * 10
