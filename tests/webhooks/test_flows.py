"""Each event from where it happens to a real receiver on loopback, through the outbox, the consumer and a delivery
attempt (Celery eager; every signature checked with the Standard Webhooks library)."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from checkins.services import checkin_create
from coupons.campaigns import campaign_end, campaign_update, campaigns_ended_announce
from coupons.redemption import coupon_redeem, redemption_void
from merchants.models import MerchantStaff
from tests import factories
from tests.webhooks.conftest import SECRET, endpoint_make

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("celery_eager", "quick_kicks")]


def _check_in(user, merchant):
    return checkin_create(user=user, merchant_id=merchant.pk, lat=37.4762, lng=126.8680, accuracy_m=10)


def _events(receiver) -> list[dict]:
    """The bodies the receiver got, each signature verified, in arrival order."""
    return receiver.verified(SECRET)


def _of(receiver, event_type) -> list[dict]:
    return [body for body in _events(receiver) if body["type"] == event_type]


def _staff(merchant, role):
    return factories.MerchantStaffFactory(merchant=merchant, role=role).user


def test_a_checkin_reaches_the_receiver_with_checkin_created_and_coupon_issued(receiver):
    campaign = factories.CampaignFactory()
    merchant = campaign.merchant
    endpoint_make(merchant, receiver.url)
    user = factories.UserFactory(display_name="민지")

    result = _check_in(user, merchant)

    (coupon,) = result.coupons
    assert sorted(body["type"] for body in _events(receiver)) == ["checkin.created", "coupon.issued"]
    (checkin_body,) = _of(receiver, "checkin.created")
    assert checkin_body["data"] == {
        "checkin_id": result.checkin.pk,
        "merchant_id": merchant.pk,
        "user": {"id": user.pk, "display_name": "민지"},
        "created_at": checkin_body["data"]["created_at"],
        "visibility": "friends",
        "coupon_ids": [coupon.id],
    }
    assert abs(_time(checkin_body["data"]["created_at"]) - result.checkin.created_at) < timedelta(milliseconds=1)
    assert checkin_body["timestamp"] == checkin_body["data"]["created_at"]  # the event's time, not the sending's
    (issued,) = _of(receiver, "coupon.issued")
    assert issued["data"] == {
        "coupon_id": coupon.id,
        "code": coupon.code,
        "campaign_id": campaign.pk,
        "merchant_id": merchant.pk,
        "user": {"id": user.pk, "display_name": "민지"},
        "issued_at": issued["data"]["issued_at"],
        "expires_at": issued["data"]["expires_at"],
    }
    assert abs(_time(issued["data"]["expires_at"]) - coupon.expires_at) < timedelta(milliseconds=1)
    # Never the user's coordinates, nor how precise their fix was, nor how far they stood.
    raw = b"".join(request.body for request in receiver.requests).decode()
    for word in ("lat", "lng", "location", "accuracy", "distance", "37.4762", "126.868"):
        assert word not in raw


def _time(text: str):
    from datetime import datetime

    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_only_the_events_an_endpoint_subscribed_to_reach_it(receiver):
    campaign = factories.CampaignFactory()
    endpoint_make(campaign.merchant, receiver.url, events=["coupon.issued"])
    _check_in(factories.UserFactory(), campaign.merchant)
    assert [body["type"] for body in _events(receiver)] == ["coupon.issued"]


def test_a_group_unlock_announces_every_coupon_it_issued_with_each_person_named(receiver):
    campaign = factories.CampaignFactory(trigger={"type": "with_friends", "friends": 1, "window_minutes": 60})
    merchant = campaign.merchant
    endpoint_make(merchant, receiver.url, events=["coupon.issued"])
    user, friend = factories.UserFactory(display_name="Minji"), factories.UserFactory(display_name="Jisoo")
    factories.friendship_make(user, friend)
    _check_in(friend, merchant)  # alone: nothing yet
    assert receiver.requests == []

    _check_in(user, merchant)

    people = sorted((body["data"]["user"]["id"], body["data"]["user"]["display_name"]) for body in _events(receiver))
    assert people == sorted([(user.pk, "Minji"), (friend.pk, "Jisoo")])


def test_redeem_and_void_are_announced_once_each(receiver):
    coupon = factories.CouponFactory()
    merchant = coupon.merchant
    endpoint_make(merchant, receiver.url)
    clerk, manager = _staff(merchant, MerchantStaff.Role.CLERK), _staff(merchant, MerchantStaff.Role.MANAGER)
    clerk.display_name = ""
    clerk.save(update_fields=["display_name"])

    coupon_redeem(merchant_id=merchant.pk, actor=clerk, code=coupon.code)
    (redeemed,) = _of(receiver, "coupon.redeemed")
    redemption_id = redeemed["data"]["redemption_id"]
    assert redeemed["data"] == {
        "coupon_id": coupon.pk,
        "code": coupon.code,
        "campaign_id": coupon.campaign_id,
        "merchant_id": merchant.pk,
        "redemption_id": redemption_id,
        "redeemed_at": redeemed["data"]["redeemed_at"],
        "redeemed_by": {"id": clerk.pk, "display_name": clerk.username},  # no display name: the username
    }

    redemption_void(merchant_id=merchant.pk, redemption_id=redemption_id, actor=manager)
    redemption_void(merchant_id=merchant.pk, redemption_id=redemption_id, actor=manager)  # idempotent: no event
    (voided,) = _of(receiver, "coupon.voided")
    assert voided["data"] == {
        "coupon_id": coupon.pk,
        "merchant_id": merchant.pk,
        "redemption_id": redemption_id,
        "voided_at": voided["data"]["voided_at"],
        "voided_by": {"id": manager.pk, "display_name": manager.display_name},
    }
    assert len(receiver.requests) == 2


def test_the_checkin_that_takes_the_last_coupon_announces_the_sell_out_once(receiver):
    campaign = factories.CampaignFactory(total_stock=2)
    merchant = campaign.merchant
    endpoint_make(merchant, receiver.url, events=["campaign.sold_out"])
    _check_in(factories.UserFactory(), merchant)
    assert receiver.requests == []
    _check_in(factories.UserFactory(), merchant)  # the last unit
    _check_in(factories.UserFactory(), merchant)  # none left: no coupon, no second announcement

    (sold_out,) = _events(receiver)
    assert sold_out["data"] == {
        "campaign_id": campaign.pk,
        "merchant_id": merchant.pk,
        "title": campaign.title,
        "total_stock": 2,
        "at": sold_out["data"]["at"],
    }

    owner = _staff(merchant, MerchantStaff.Role.OWNER)
    campaign_update(campaign_id=campaign.pk, actor=owner, data={"total_stock": 3})
    _check_in(factories.UserFactory(), merchant)  # the raised stock sells out too
    assert [body["data"]["total_stock"] for body in _events(receiver)] == [2, 3]


def test_lowering_the_stock_to_what_was_issued_sells_the_campaign_out(receiver):
    campaign = factories.CampaignFactory(total_stock=10)
    merchant = campaign.merchant
    endpoint_make(merchant, receiver.url, events=["campaign.sold_out"])
    _check_in(factories.UserFactory(), merchant)
    campaign_update(campaign_id=campaign.pk, actor=_staff(merchant, MerchantStaff.Role.OWNER), data={"total_stock": 1})
    (sold_out,) = _events(receiver)
    assert (sold_out["data"]["campaign_id"], sold_out["data"]["total_stock"]) == (campaign.pk, 1)


def test_a_campaign_ended_by_staff_is_announced_once_even_when_its_time_comes(receiver):
    campaign = factories.CampaignFactory()
    merchant = campaign.merchant
    endpoint_make(merchant, receiver.url, events=["campaign.ended"])
    owner = _staff(merchant, MerchantStaff.Role.OWNER)

    campaign_end(campaign_id=campaign.pk, actor=owner)
    campaign_end(campaign_id=campaign.pk, actor=owner)  # idempotent
    assert campaigns_ended_announce(now=campaign.ends_at + timedelta(minutes=1)) == 0  # staff ended it first

    (ended,) = _events(receiver)
    campaign.refresh_from_db()
    assert ended["data"] == {
        "campaign_id": campaign.pk,
        "merchant_id": merchant.pk,
        "title": campaign.title,
        "ended_at": ended["data"]["ended_at"],
        "reason": "ended_by_staff",
    }
    assert abs(_time(ended["data"]["ended_at"]) - campaign.ended_at) < timedelta(milliseconds=1)


def test_a_campaign_that_reached_its_end_is_announced_once_by_the_beat_task(receiver):
    now = timezone.now()
    campaign = factories.CampaignFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(minutes=1))
    long_gone = factories.CampaignFactory(  # ended before the look-back: not announced now
        merchant=campaign.merchant, starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=8)
    )
    still_running = factories.CampaignFactory(merchant=campaign.merchant)
    endpoint_make(campaign.merchant, receiver.url, events=["campaign.ended"])
    quiet = factories.CampaignFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(minutes=2))

    assert campaigns_ended_announce() == 1  # the other merchant's (quiet) has no subscriber: not even written
    assert campaigns_ended_announce() == 0  # announced: not written again
    campaign_end(campaign_id=campaign.pk, actor=_staff(campaign.merchant, MerchantStaff.Role.OWNER))

    (ended,) = _events(receiver)
    assert (ended["data"]["campaign_id"], ended["data"]["reason"]) == (campaign.pk, "ends_at_reached")
    assert abs(_time(ended["data"]["ended_at"]) - campaign.ends_at) < timedelta(milliseconds=1)
    assert {long_gone.pk, still_running.pk, quiet.pk}.isdisjoint({ended["data"]["campaign_id"]})


def test_deliveries_carry_json_bodies_as_utf8(receiver):
    campaign = factories.CampaignFactory(title="아메리카노 1+1")
    endpoint_make(campaign.merchant, receiver.url, events=["campaign.ended"])
    campaign_end(campaign_id=campaign.pk, actor=_staff(campaign.merchant, MerchantStaff.Role.OWNER))
    (request,) = receiver.requests
    assert "아메리카노 1+1".encode() in request.body
    assert json.loads(request.body)["data"]["title"] == "아메리카노 1+1"
