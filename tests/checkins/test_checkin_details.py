"""What a check-in and a refusal tell the client, to the value, and each anti-cheat rule exactly at its limit (a zero
time difference included)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from checkins.errors import CheckinRefused
from checkins.models import Checkin, CheckinRefusal
from checkins.selectors import checkin_context_find
from checkins.services import checkin_create
from core.models import OutboxEvent
from tests import factories
from tests.checkins.test_anticheat import pin, project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def merchant():
    return factories.MerchantFactory(checkin_radius_m=100)


def refusal(user, merchant, lat_lng, accuracy_m, **kwargs) -> CheckinRefused:
    with pytest.raises(CheckinRefused) as caught:
        checkin_create(
            user=user, merchant_id=merchant.pk, lat=lat_lng[0], lng=lat_lng[1], accuracy_m=accuracy_m, **kwargs
        )
    return caught.value


def test_cooldown_refusal_says_when_to_retry(user, merchant, settings):
    """Rule: retry_at is the last check-in here plus the cooldown (not minus), in ISO 8601."""
    last = timezone.now() - timedelta(minutes=10)
    factories.CheckinFactory(user=user, merchant=merchant, created_at=last)
    refused = refusal(user, merchant, pin(merchant), 5)
    assert refused.code == "checkin_cooldown"
    assert refused.extra == {"retry_at": (last + timedelta(minutes=settings.CHECKIN_COOLDOWN_MINUTES)).isoformat()}


def test_cooldown_retry_at_over_http(user, user_client, merchant, settings):
    """Rule: the 422 checkin_cooldown problem carries retry_at, one cooldown after the accepted check-in."""
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}
    assert user_client.post("/api/v1/checkins", body, format="json").status_code == 201
    accepted_at = Checkin.objects.get(user=user).created_at
    response = user_client.post("/api/v1/checkins", body, format="json")
    assert (response.status_code, response.json()["code"]) == (422, "checkin_cooldown")
    retry_at = response.json()["retry_at"]
    assert retry_at == (accepted_at + timedelta(minutes=settings.CHECKIN_COOLDOWN_MINUTES)).isoformat()


def context(user, merchant, lat_lng):
    """The facts the rules see for this fix (the same query the service runs)."""
    return checkin_context_find(user_id=user.pk, merchant_id=merchant.pk, lat=lat_lng[0], lng=lat_lng[1])


def test_poor_accuracy_and_too_far_carry_their_figures(user, merchant, settings):
    """Rule: poor_accuracy names the limit; too_far names the distance (rounded to the centimetre) and the radius."""
    assert refusal(user, merchant, pin(merchant), 250).extra == {"max_accuracy_m": settings.CHECKIN_MAX_ACCURACY_M}
    fix = project(*pin(merchant), 300.123)
    measured = context(user, merchant, fix).distance_m
    assert round(measured, 2) != round(measured, 3)
    refused = refusal(user, merchant, fix, 10)
    assert refused.code == "too_far"
    assert refused.extra == {"distance_m": round(measured, 2), "checkin_radius_m": 100}
    assert CheckinRefusal.objects.filter(user=user).count() == 2


def test_an_accepted_checkin_keeps_its_distance_to_the_centimetre(user, merchant):
    """Rule: the check-in stores (and answers) the spheroid distance rounded to two decimals."""
    fix = project(*pin(merchant), 42.123)
    measured = context(user, merchant, fix).distance_m
    result = checkin_create(user=user, merchant_id=merchant.pk, lat=fix[0], lng=fix[1], accuracy_m=5)
    assert result.checkin.distance_m == round(measured, 2) == Checkin.objects.get().distance_m
    assert Checkin.objects.get().message == ""  # no message given: none stored


def test_a_journey_exactly_the_exempt_distance_is_judged_on_speed(user, merchant, settings):
    """Rule: only journeys shorter than CHECKIN_SPEED_EXEMPT_M are exempt; one exactly that long is judged."""
    now = timezone.now()
    elsewhere = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), 1500)))
    factories.CheckinFactory(user=user, merchant=elsewhere, created_at=now - timedelta(seconds=1))
    settings.CHECKIN_SPEED_EXEMPT_M = context(user, merchant, pin(merchant)).previous_distance_m
    assert refusal(user, merchant, pin(merchant), 5, now=now).code == "implausible_travel"


def test_travelling_exactly_at_the_speed_limit_is_accepted(user, merchant, settings):
    """Rule: implausible_travel is strictly faster than CHECKIN_MAX_SPEED_KMH (the limit itself is plausible)."""
    now = timezone.now()
    elsewhere = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), 5000)))
    previous_at = now - timedelta(minutes=1)
    factories.CheckinFactory(user=user, merchant=elsewhere, created_at=previous_at)
    distance_m = context(user, merchant, pin(merchant)).previous_distance_m
    settings.CHECKIN_MAX_SPEED_KMH = distance_m / 1000 / ((now - previous_at).total_seconds() / 3600)
    result = checkin_create(
        user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5, now=now
    )
    assert result.checkin.pk is not None


def test_without_a_cooldown_a_checkin_stamped_before_the_last_one_here_is_accepted(user, merchant, settings):
    """Rule: CHECKIN_COOLDOWN_MINUTES = 0 turns the cooldown off entirely, whatever the times."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    now = timezone.now()
    factories.CheckinFactory(user=user, merchant=merchant, created_at=now + timedelta(minutes=1))
    result = checkin_create(
        user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5, now=now
    )
    assert result.checkin.pk is not None


@pytest.mark.parametrize("distance_m", [1001.0, 1500.0])
def test_two_checkins_at_the_same_instant_far_apart_are_a_clean_refusal(user, merchant, distance_m):
    """Rule: zero hours between check-ins 1 km or more apart is an infinite speed: implausible_travel, never a
    division by zero."""
    now = timezone.now()
    elsewhere = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), distance_m)))
    factories.CheckinFactory(user=user, merchant=elsewhere, created_at=now)
    refused = refusal(user, merchant, pin(merchant), 5, now=now)
    assert refused.code == "implausible_travel"
    audit = CheckinRefusal.objects.get(user=user)
    assert (audit.reason, audit.created_at) == ("implausible_travel", now)  # stamped with the attempt's time


def test_a_checkin_stamped_before_the_previous_one_far_away_is_refused(user, merchant):
    """Rule: a negative time difference (a clock behind the previous check-in) is never a plausible journey."""
    now = timezone.now()
    elsewhere = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), 5000)))
    factories.CheckinFactory(user=user, merchant=elsewhere, created_at=now)
    assert refusal(user, merchant, pin(merchant), 5, now=now - timedelta(minutes=30)).code == "implausible_travel"


def test_two_checkins_at_the_same_instant_close_together_are_accepted(user, merchant):
    """Rule: pairs closer than CHECKIN_SPEED_EXEMPT_M are never judged on speed, even at zero hours apart."""
    now = timezone.now()
    nearby = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), 500)))
    factories.CheckinFactory(user=user, merchant=nearby, created_at=now)
    result = checkin_create(
        user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5, now=now
    )
    assert result.checkin.pk is not None


def test_the_created_answer_is_the_stored_checkin(user, user_client, merchant):
    """Rule: the 201 answer shows the check-in as stored: its id, time, distance, visibility and message."""
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}
    response = user_client.post("/api/v1/checkins", {**body, "message": "hi", "visibility": "public"}, format="json")
    assert response.status_code == 201
    stored = Checkin.objects.get(user=user)
    answer = response.json()
    assert (answer["id"], answer["merchant"]) == (stored.pk, {"id": merchant.pk, "name": merchant.name})
    assert datetime.fromisoformat(answer["created_at"]) == stored.created_at
    assert (answer["distance_m"], answer["visibility"], answer["message"]) == (stored.distance_m, "public", "hi")


def test_an_accepted_checkin_writes_its_event_for_the_feeds(user, merchant):
    """Rule: each accepted check-in, private ones too, records one checkin.created event naming the check-in, its
    user, merchant, visibility and time (what the fan-out and any other consumer read)."""
    now = timezone.now()
    result = checkin_create(
        user=user,
        merchant_id=merchant.pk,
        lat=merchant.location.y,
        lng=merchant.location.x,
        accuracy_m=5,
        visibility="private",
        now=now,
    )
    event = OutboxEvent.objects.get(topic="checkin.created")
    assert event.payload == {
        "checkin_id": result.checkin.pk,
        "user_id": user.pk,
        "merchant_id": merchant.pk,
        "visibility": "private",
        "created_at": now.isoformat(),
    }


def test_a_fix_exactly_at_the_radius_after_its_accuracy_is_accepted(user, merchant):
    """Rule: too_far is strictly beyond the radius once the accuracy is credited (distance - accuracy > radius)."""
    fix = project(*pin(merchant), 150)
    measured = context(user, merchant, fix).distance_m
    accuracy = measured - 100
    assert measured - accuracy == 100  # exactly on the boundary
    result = checkin_create(user=user, merchant_id=merchant.pk, lat=fix[0], lng=fix[1], accuracy_m=accuracy)
    assert result.checkin.pk is not None


def test_each_refusal_explains_itself_with_its_numbers(user, merchant, settings):
    """Rule: each refusal's detail says what went wrong with the attempt's own numbers (clients show it as is)."""
    assert (
        str(refusal(user, merchant, pin(merchant), 250.5)) == "The GPS fix is too imprecise (250.5 m); at most 200 m."
    )
    fix = project(*pin(merchant), 412.4)
    assert str(refusal(user, merchant, fix, 10)) == (
        "You are 412 m from this merchant; check-ins are accepted within 100 m."
    )
    now = timezone.now()
    factories.CheckinFactory(user=user, merchant=merchant, created_at=now - timedelta(minutes=5))
    assert str(refusal(user, merchant, pin(merchant), 5, now=now)) == "You checked in here less than 60 minutes ago."
    traveller = factories.UserFactory()
    far = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), 54_380)))
    factories.CheckinFactory(user=traveller, merchant=far, created_at=now - timedelta(minutes=1))
    assert str(refusal(traveller, merchant, pin(merchant), 5, now=now)) == (
        "Reaching this place from your previous check-in (54.4 km away) needs more than 300 km/h."
    )
