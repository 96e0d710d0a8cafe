"""Redemptions and their voids (coupons.redemption): the Redemption row beside the coupon's mirror, the void window,
idempotency, exactly once on two connections, and redeeming again after a void."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from coupons.errors import CouponAlreadyRedeemed, RedemptionNotFound, VoidWindowPassed
from coupons.models import Coupon, Redemption
from coupons.redemption import coupon_redeem, redemption_void
from coupons.selectors import redemption_list_for_day
from merchants.errors import StaffRoleRefused
from tests import factories


def _staff(merchant, role, **user):
    return factories.MerchantStaffFactory(merchant=merchant, role=role, user=factories.UserFactory(**user)).user


@pytest.fixture
def counter(db):
    coupon = factories.CouponFactory()
    merchant = coupon.merchant
    return {
        "coupon": coupon,
        "merchant": merchant,
        "owner": _staff(merchant, "owner"),
        "manager": _staff(merchant, "manager"),
        "clerk": _staff(merchant, "clerk", display_name="점원 지수"),
    }


def _redeem(counter, now=None) -> Redemption:
    coupon_redeem(merchant_id=counter["merchant"].pk, actor=counter["clerk"], code=counter["coupon"].code, now=now)
    return Redemption.objects.get(coupon=counter["coupon"], voided_at__isnull=True)


def test_redeeming_writes_the_redemption_row_and_the_coupon_mirror(counter):
    now = timezone.now()
    redemption = _redeem(counter, now)
    coupon = Coupon.objects.get(pk=counter["coupon"].pk)
    assert (redemption.redeemed_at, redemption.redeemed_by, redemption.merchant_id) == (
        now,
        counter["clerk"],
        counter["merchant"].pk,
    )
    assert (coupon.redeemed_at, coupon.redeemed_by, coupon.status) == (now, counter["clerk"], "redeemed")


def test_already_redeemed_carries_when_and_by_whom(counter):
    first = _redeem(counter)
    with pytest.raises(CouponAlreadyRedeemed) as raised:
        coupon_redeem(merchant_id=counter["merchant"].pk, actor=counter["owner"], code=counter["coupon"].code)
    assert raised.value.extra == {"redeemed_at": first.redeemed_at, "redeemed_by": "점원 지수"}
    assert Redemption.objects.filter(coupon=counter["coupon"]).count() == 1


def test_the_staff_name_falls_back_to_the_username(counter):
    counter["clerk"].display_name = ""
    counter["clerk"].save()
    _redeem(counter)
    with pytest.raises(CouponAlreadyRedeemed) as raised:
        coupon_redeem(merchant_id=counter["merchant"].pk, actor=counter["owner"], code=counter["coupon"].code)
    assert raised.value.extra["redeemed_by"] == counter["clerk"].username


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_a_void_makes_the_coupon_active_again_and_it_can_be_redeemed_anew(counter, role):
    redemption = _redeem(counter)
    voided = redemption_void(merchant_id=counter["merchant"].pk, redemption_id=redemption.pk, actor=counter[role])
    assert voided.voided_at is not None and voided.voided_by == counter[role]
    coupon = Coupon.objects.get(pk=counter["coupon"].pk)
    assert (coupon.redeemed_at, coupon.redeemed_by, coupon.status) == (None, None, "active")
    again = _redeem(counter)
    assert again.pk != redemption.pk
    assert Coupon.objects.get(pk=coupon.pk).redeemed_at == again.redeemed_at
    assert list(Redemption.objects.filter(coupon=coupon).order_by("id").values_list("voided_at", flat=True)) == [
        voided.voided_at,
        None,
    ]


def test_the_void_window_is_ten_minutes_by_default(counter, settings):
    assert settings.REDEMPTION_VOID_MINUTES == 10
    redeemed_at = timezone.now() - timedelta(minutes=30)
    redemption = _redeem(counter, now=redeemed_at)
    merchant_id, owner = counter["merchant"].pk, counter["owner"]
    with pytest.raises(VoidWindowPassed) as raised:
        redemption_void(
            merchant_id=merchant_id,
            redemption_id=redemption.pk,
            actor=owner,
            now=redeemed_at + timedelta(minutes=10, seconds=1),
        )
    assert raised.value.extra == {"redeemed_at": redeemed_at, "void_minutes": 10}
    assert Coupon.objects.get(pk=counter["coupon"].pk).status == "redeemed"
    # The last moment of the window still voids.
    voided = redemption_void(
        merchant_id=merchant_id, redemption_id=redemption.pk, actor=owner, now=redeemed_at + timedelta(minutes=10)
    )
    assert voided.voided_at == redeemed_at + timedelta(minutes=10)


def test_the_void_window_is_a_setting(counter, settings):
    settings.REDEMPTION_VOID_MINUTES = 2
    redeemed_at = timezone.now() - timedelta(minutes=5)
    redemption = _redeem(counter, now=redeemed_at)
    with pytest.raises(VoidWindowPassed):
        redemption_void(merchant_id=counter["merchant"].pk, redemption_id=redemption.pk, actor=counter["owner"])


def test_voiding_twice_changes_nothing_and_answers_the_same(counter):
    redemption = _redeem(counter)
    first = redemption_void(merchant_id=counter["merchant"].pk, redemption_id=redemption.pk, actor=counter["owner"])
    again = _redeem(counter)  # the coupon was redeemed anew: a repeated void must not touch it
    later = timezone.now() + timedelta(hours=2)  # past the window: still the same answer
    second = redemption_void(
        merchant_id=counter["merchant"].pk, redemption_id=redemption.pk, actor=counter["manager"], now=later
    )
    assert (second.pk, second.voided_at, second.voided_by_id) == (first.pk, first.voided_at, counter["owner"].pk)
    coupon = Coupon.objects.get(pk=counter["coupon"].pk)
    assert coupon.redeemed_at == again.redeemed_at and coupon.status == "redeemed"


def test_only_owners_and_managers_void_and_only_their_own_merchants_redemptions(counter):
    redemption = _redeem(counter)
    for actor in (counter["clerk"], factories.UserFactory()):
        with pytest.raises(StaffRoleRefused):
            redemption_void(merchant_id=counter["merchant"].pk, redemption_id=redemption.pk, actor=actor)
    other = factories.MerchantStaffFactory(role="owner")
    with pytest.raises(RedemptionNotFound):  # another merchant's redemption, through its own owner's merchant
        redemption_void(merchant_id=other.merchant_id, redemption_id=redemption.pk, actor=other.user)
    with pytest.raises(RedemptionNotFound):
        redemption_void(merchant_id=counter["merchant"].pk, redemption_id=redemption.pk + 1000, actor=counter["owner"])
    assert Redemption.objects.get(pk=redemption.pk).voided_at is None


def test_the_days_list_is_in_the_merchants_time_zone(counter, django_assert_num_queries):
    merchant = counter["merchant"]
    merchant.timezone = "Asia/Seoul"
    merchant.save()
    # 23:30 UTC on 2026-10-13 is 08:30 on 2026-10-14 in Seoul.
    late_utc = datetime(2026, 10, 13, 23, 30, tzinfo=UTC)
    redemption = Redemption.objects.create(
        coupon=counter["coupon"], merchant=merchant, redeemed_at=late_utc, redeemed_by=counter["clerk"]
    )
    day = date(2026, 10, 14)
    with django_assert_num_queries(3):  # merchant, role, rows
        rows = redemption_list_for_day(merchant_id=merchant.pk, user_id=counter["clerk"].pk, day=day)
    assert rows == [
        {
            "id": redemption.pk,
            "coupon": {
                "id": counter["coupon"].pk,
                "code": counter["coupon"].code,
                "title": counter["coupon"].campaign.title,
            },
            "user": {"id": counter["coupon"].user_id, "display_name": counter["coupon"].user.display_name},
            "redeemed_at": late_utc,
            "redeemed_by": {"id": counter["clerk"].pk, "display_name": "점원 지수"},
            "voided_at": None,
            "voided_by": None,
        }
    ]
    previous = redemption_list_for_day(
        merchant_id=merchant.pk, user_id=counter["clerk"].pk, day=day - timedelta(days=1)
    )
    assert previous == []


@pytest.mark.django_db(transaction=True)
def test_two_connections_voiding_at_once_void_exactly_once():
    coupon = factories.CouponFactory()
    owner = factories.MerchantStaffFactory(merchant=coupon.merchant, role="owner").user
    manager = factories.MerchantStaffFactory(merchant=coupon.merchant, role="manager").user
    coupon_redeem(merchant_id=coupon.merchant_id, actor=owner, code=coupon.code)
    redemption = Redemption.objects.get(coupon=coupon)
    first_has_voided = threading.Event()

    def first():
        try:
            with transaction.atomic():  # holds the row until the second is waiting on it
                voided = redemption_void(merchant_id=coupon.merchant_id, redemption_id=redemption.pk, actor=owner)
                first_has_voided.set()
                threading.Event().wait(0.5)
            return voided
        finally:
            connection.close()

    def second():
        try:
            first_has_voided.wait(5)
            return redemption_void(merchant_id=coupon.merchant_id, redemption_id=redemption.pk, actor=manager)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        a, b = pool.submit(first), pool.submit(second)
        winner, follower = a.result(), b.result()
    assert (follower.pk, follower.voided_at, follower.voided_by_id) == (winner.pk, winner.voided_at, owner.pk)
    redemption.refresh_from_db()
    assert redemption.voided_by_id == owner.pk
    coupon.refresh_from_db()
    assert coupon.redeemed_at is None and coupon.status == "active"
