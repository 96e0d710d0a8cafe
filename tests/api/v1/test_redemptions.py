"""The day's redemptions (GET /merchants/{id}/redemptions) and voids (POST .../redemptions/{id}/void)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from coupons.models import Coupon, Redemption
from coupons.redemption import coupon_redeem
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
ROLES = ["owner", "manager", "clerk", "other_staff", "outsider", "anonymous"]


def list_url(merchant_id, day=None):
    return f"/api/v1/merchants/{merchant_id}/redemptions" + (f"?date={day}" if day else "")


def void_url(merchant_id, redemption_id):
    return f"/api/v1/merchants/{merchant_id}/redemptions/{redemption_id}/void"


def _client(people, role):
    if role == "anonymous":
        return APIClient()
    if role == "other_staff":
        return client_for(factories.MerchantStaffFactory(role="owner").user)
    return client_for(people[role])


def _redeemed(people, *, now=None) -> Redemption:
    merchant = people["merchant"]
    coupon = factories.CouponFactory(campaign=factories.CampaignFactory(merchant=merchant))
    coupon_redeem(merchant_id=merchant.pk, actor=people["clerk"], code=coupon.code, now=now)
    return Redemption.objects.get(coupon=coupon, voided_at__isnull=True)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("owner", 200), ("manager", 200), ("clerk", 200), ("other_staff", 403), ("outsider", 403), ("anonymous", 401)],
)
def test_any_staff_reads_the_days_list(merchant_with_staff, role, expected):
    _redeemed(merchant_with_staff)
    response = _client(merchant_with_staff, role).get(list_url(merchant_with_staff["merchant"].pk))
    assert response.status_code == expected, response.content
    if expected == 200:
        assert len(response.json()["results"]) == 1
    else:
        assert response["Content-Type"] == "application/problem+json"


def test_the_list_rows_voids_included_newest_first(merchant_with_staff, django_assert_max_num_queries):
    people = merchant_with_staff
    merchant = people["merchant"]
    older = _redeemed(people, now=timezone.now() - timedelta(minutes=3))
    newer = _redeemed(people)
    client_for(people["owner"]).post(void_url(merchant.pk, older.pk))
    factories.CouponFactory()  # another merchant's coupon: never listed
    client = client_for(people["clerk"])
    with django_assert_max_num_queries(4):  # user, merchant, role, rows
        body = client.get(list_url(merchant.pk)).json()
    assert [row["id"] for row in body["results"]] == [newer.pk, older.pk]
    voided = body["results"][1]
    coupon = Coupon.objects.select_related("campaign", "user").get(pk=older.coupon_id)
    assert voided["coupon"] == {"id": coupon.pk, "code": coupon.code, "title": coupon.campaign.title}
    assert voided["user"] == {"id": coupon.user_id, "display_name": coupon.user.display_name}
    assert voided["redeemed_by"] == {"id": people["clerk"].pk, "display_name": people["clerk"].display_name}
    assert voided["voided_by"] == {"id": people["owner"].pk, "display_name": people["owner"].display_name}
    assert voided["voided_at"] is not None
    assert body["results"][0]["voided_at"] is None and body["results"][0]["voided_by"] is None


def test_the_list_is_by_local_date_of_the_merchant(merchant_with_staff):
    people = merchant_with_staff
    merchant = people["merchant"]
    merchant.timezone = "America/Los_Angeles"
    merchant.save()
    # 2026-10-15 03:00 UTC is still 2026-10-14 (20:00) in Los Angeles.
    redemption = _redeemed(people, now=datetime(2026, 10, 15, 3, 0, tzinfo=UTC))
    client = client_for(people["manager"])
    assert [r["id"] for r in client.get(list_url(merchant.pk, "2026-10-14")).json()["results"]] == [redemption.pk]
    assert client.get(list_url(merchant.pk, "2026-10-15")).json()["results"] == []
    assert client.get(list_url(merchant.pk)).json()["results"] == []  # today there


@pytest.mark.parametrize("day", ["2026-13-01", "yesterday", "1999-12-31", "2101-01-01", "2026-10-14T10:00", ""])
def test_a_bad_date_is_400(merchant_with_staff, day):
    response = client_for(merchant_with_staff["clerk"]).get(
        f"/api/v1/merchants/{merchant_with_staff['merchant'].pk}/redemptions?date={day}"
    )
    assert response.status_code == 400 and "date" in response.json()["errors"]


def test_an_unknown_merchant_is_404(merchant_with_staff):
    client = client_for(merchant_with_staff["owner"])
    assert client.get(list_url(999999)).json()["code"] == "merchant_not_found"
    assert client.post(void_url(999999, 1)).json()["code"] == "merchant_not_found"


def test_reading_the_list_is_not_rate_limited_but_redeeming_still_is(merchant_with_staff, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "redemption": "2/min"}
    merchant = merchant_with_staff["merchant"]
    clerk = client_for(merchant_with_staff["clerk"])
    assert [clerk.get(list_url(merchant.pk)).status_code for _ in range(4)] == [200] * 4
    codes = [clerk.post(list_url(merchant.pk), {"code": "ZZZZZZZZZZ"}, format="json").status_code for _ in range(3)]
    assert codes == [404, 404, 429]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("owner", 200), ("manager", 200), ("clerk", 403), ("other_staff", 403), ("outsider", 403), ("anonymous", 401)],
)
def test_owners_and_managers_void(merchant_with_staff, role, expected):
    redemption = _redeemed(merchant_with_staff)
    response = _client(merchant_with_staff, role).post(void_url(merchant_with_staff["merchant"].pk, redemption.pk))
    assert response.status_code == expected, response.content
    coupon = Coupon.objects.get(pk=redemption.coupon_id)
    assert (coupon.status == "active") is (expected == 200)
    assert (Redemption.objects.get(pk=redemption.pk).voided_at is not None) is (expected == 200)


def test_a_void_answers_the_row_and_is_idempotent(merchant_with_staff):
    people = merchant_with_staff
    merchant = people["merchant"]
    redemption = _redeemed(people)
    owner = client_for(people["owner"])
    first = owner.post(void_url(merchant.pk, redemption.pk))
    assert first.status_code == 200
    body = first.json()
    assert body["id"] == redemption.pk and body["voided_by"]["id"] == people["owner"].pk
    assert body["voided_at"] is not None
    again = client_for(people["manager"]).post(void_url(merchant.pk, redemption.pk))
    assert (again.status_code, again.json()) == (200, body)
    # With an Idempotency-Key too: the same answer, replayed.
    keyed = [owner.post(void_url(merchant.pk, redemption.pk), HTTP_IDEMPOTENCY_KEY="void-1") for _ in range(2)]
    assert [r.status_code for r in keyed] == [200, 200] and keyed[0].json() == keyed[1].json() == body
    assert keyed[1]["Idempotent-Replayed"] == "true"


def test_the_coupon_can_be_redeemed_again_after_a_void(merchant_with_staff):
    people = merchant_with_staff
    merchant = people["merchant"]
    redemption = _redeemed(people)
    coupon = Coupon.objects.get(pk=redemption.coupon_id)
    client_for(people["manager"]).post(void_url(merchant.pk, redemption.pk))
    response = client_for(people["clerk"]).post(list_url(merchant.pk), {"code": coupon.code}, format="json")
    assert response.status_code == 201 and response.json()["status"] == "redeemed"
    assert Redemption.objects.filter(coupon=coupon).count() == 2


def test_after_the_window_a_void_is_409(merchant_with_staff):
    people = merchant_with_staff
    redemption = _redeemed(people, now=timezone.now() - timedelta(minutes=11))
    response = client_for(people["owner"]).post(void_url(people["merchant"].pk, redemption.pk))
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "void_window_passed" and body["void_minutes"] == 10
    assert body["redeemed_at"] is not None
    assert Coupon.objects.get(pk=redemption.coupon_id).status == "redeemed"


def test_another_merchants_or_an_unknown_redemption_is_404(merchant_with_staff):
    people = merchant_with_staff
    foreign = factories.MerchantStaffFactory(role="clerk")
    coupon = factories.CouponFactory(campaign=factories.CampaignFactory(merchant=foreign.merchant))
    coupon_redeem(merchant_id=foreign.merchant_id, actor=foreign.user, code=coupon.code)
    theirs = Redemption.objects.get(coupon=coupon)
    owner = client_for(people["owner"])
    for redemption_id in (theirs.pk, theirs.pk + 1000):
        response = owner.post(void_url(people["merchant"].pk, redemption_id))
        assert (response.status_code, response.json()["code"]) == (404, "redemption_not_found")
    assert Redemption.objects.get(pk=theirs.pk).voided_at is None
    assert owner.post(void_url(people["merchant"].pk, "9" * 19)).status_code == 404  # over the id converter


def test_already_redeemed_problem_names_when_and_who(merchant_with_staff):
    people = merchant_with_staff
    redemption = _redeemed(people)
    coupon = Coupon.objects.get(pk=redemption.coupon_id)
    response = client_for(people["owner"]).post(list_url(people["merchant"].pk), {"code": coupon.code}, format="json")
    body = response.json()
    assert (response.status_code, body["code"]) == (409, "coupon_already_redeemed")
    assert body["redeemed_by"] == people["clerk"].display_name
    assert datetime.fromisoformat(body["redeemed_at"]) == redemption.redeemed_at
