"""The anti-cheat rules, each at and just past its boundary, in the contract's order; a refusal leaves an audit row."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from checkins.errors import CheckinRefused
from checkins.models import Checkin, CheckinRefusal
from checkins.services import checkin_create
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def project(lat: float, lng: float, distance_m: float, azimuth_deg: float = 90.0) -> tuple[float, float]:
    """The point `distance_m` from (lat, lng) along a geodesic (PostGIS ST_Project on the spheroid)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_Y(p::geometry), ST_X(p::geometry) FROM "
            "(SELECT ST_Project(ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, radians(%s)) AS p) x",
            [lng, lat, distance_m, azimuth_deg],
        )
        return cursor.fetchone()


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Spheroid distance in metres, as the service measures it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_Distance(ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography,"
            " ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)",
            [a[1], a[0], b[1], b[0]],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def merchant():
    return factories.MerchantFactory(checkin_radius_m=100)


def pin(merchant) -> tuple[float, float]:
    return merchant.location.y, merchant.location.x


def attempt(user, merchant, lat_lng, accuracy_m, **kwargs):
    lat, lng = lat_lng
    return checkin_create(user=user, merchant_id=merchant.pk, lat=lat, lng=lng, accuracy_m=accuracy_m, **kwargs)


def refused_code(user, merchant, lat_lng, accuracy_m, **kwargs) -> str | None:
    try:
        attempt(user, merchant, lat_lng, accuracy_m, **kwargs)
    except CheckinRefused as exc:
        return exc.code
    return None


def test_accuracy_at_the_limit_is_accepted_and_just_above_is_refused(user, merchant, settings):
    assert refused_code(user, merchant, pin(merchant), settings.CHECKIN_MAX_ACCURACY_M + 0.01) == "poor_accuracy"
    assert refused_code(user, merchant, pin(merchant), settings.CHECKIN_MAX_ACCURACY_M) is None


def test_accuracy_limit_is_a_setting(user, merchant, settings):
    settings.CHECKIN_MAX_ACCURACY_M = 20
    assert refused_code(user, merchant, pin(merchant), 20.5) == "poor_accuracy"


def test_too_far_boundary_credits_the_accuracy(user_factory, merchant):
    fix = project(*pin(merchant), 150)
    measured = distance(fix, pin(merchant))
    # distance - accuracy == radius: accepted; a centimetre less accuracy: refused
    assert refused_code(user_factory(), merchant, fix, measured - 100 - 0.01) == "too_far"
    assert refused_code(user_factory(), merchant, fix, measured - 100 + 1e-6) is None


def test_too_far_without_accuracy_at_the_radius(user_factory, merchant):
    inside = project(*pin(merchant), 99.99)
    outside = project(*pin(merchant), 100.01)
    assert refused_code(user_factory(), merchant, outside, 0) == "too_far"
    assert refused_code(user_factory(), merchant, inside, 0) is None


def test_accuracy_is_credited_at_most_up_to_the_radius(user_factory, merchant):
    """Never accepted beyond twice the radius, however poor the accuracy."""
    beyond = project(*pin(merchant), 200.01)
    within = project(*pin(merchant), 199.99)
    assert refused_code(user_factory(), merchant, beyond, 150) == "too_far"
    assert refused_code(user_factory(), merchant, within, 150) is None


def test_cooldown_boundary(user, merchant, settings):
    now = timezone.now()
    factories.CheckinFactory(user=user, merchant=merchant, created_at=now - timedelta(minutes=60))
    assert refused_code(user, merchant, pin(merchant), 5, now=now - timedelta(microseconds=1)) == "checkin_cooldown"
    assert refused_code(user, merchant, pin(merchant), 5, now=now) is None


def test_cooldown_is_per_merchant_and_a_setting(user, merchant, settings):
    now = timezone.now()
    other = factories.MerchantFactory()
    factories.CheckinFactory(user=user, merchant=other, created_at=now - timedelta(minutes=1))
    assert refused_code(user, merchant, pin(merchant), 5, now=now) is None  # another merchant: no cooldown
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    assert refused_code(user, merchant, pin(merchant), 5, now=now + timedelta(seconds=1)) is None


def test_implausible_travel_boundary(user, merchant, settings):
    far_pin = project(*pin(merchant), 5000)
    far = factories.MerchantFactory(location=factories.point_from_lat_lng(*far_pin))
    now = timezone.now()
    measured = distance(far_pin, pin(merchant))
    at_limit = timedelta(seconds=measured / 1000 / settings.CHECKIN_MAX_SPEED_KMH * 3600)
    factories.CheckinFactory(user=user, merchant=far, created_at=now - at_limit - timedelta(microseconds=2))
    assert refused_code(user, merchant, pin(merchant), 5, now=now - timedelta(milliseconds=5)) == "implausible_travel"
    assert refused_code(user, merchant, pin(merchant), 5, now=now) is None


def test_pairs_under_the_exempt_distance_are_never_too_fast(user_factory, merchant, settings):
    now = timezone.now()
    for exempt_distance, expected in ((999.0, None), (1001.0, "implausible_travel")):
        user = user_factory()
        there = project(*pin(merchant), exempt_distance, azimuth_deg=0)
        other = factories.MerchantFactory(location=factories.point_from_lat_lng(*there))
        factories.CheckinFactory(user=user, merchant=other, created_at=now - timedelta(seconds=1))
        assert refused_code(user, merchant, pin(merchant), 5, now=now) == expected


def test_rules_apply_in_order(user, merchant):
    now = timezone.now()
    far_fix = project(*pin(merchant), 500)
    factories.CheckinFactory(user=user, merchant=merchant, created_at=now - timedelta(minutes=1))
    assert refused_code(user, merchant, far_fix, 250, now=now) == "poor_accuracy"  # also too far and in cooldown
    assert refused_code(user, merchant, far_fix, 10, now=now) == "too_far"  # also in cooldown
    # in cooldown and (from a check-in elsewhere, 50 km away, a second ago) implausible
    elsewhere = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin(merchant), 50_000)))
    factories.CheckinFactory(user=user, merchant=elsewhere, created_at=now - timedelta(seconds=1))
    assert refused_code(user, merchant, pin(merchant), 10, now=now) == "checkin_cooldown"


def test_refusal_writes_only_an_audit_record(user, merchant):
    fix = project(*pin(merchant), 500)
    with pytest.raises(CheckinRefused):
        attempt(user, merchant, fix, 10)
    assert not Checkin.objects.exists()
    refusal = CheckinRefusal.objects.get()
    assert (refusal.user_id, refusal.merchant_id, refusal.reason) == (user.pk, merchant.pk, "too_far")
    assert refusal.accuracy_m == 10
    assert refusal.distance_m == pytest.approx(500, abs=0.01)
    assert refusal.location.y == pytest.approx(fix[0]) and refusal.location.x == pytest.approx(fix[1])


def test_accepted_checkin_records_the_spheroid_distance(user, merchant):
    fix = project(*pin(merchant), 42)
    result = attempt(user, merchant, fix, 8, message="hi", visibility="public")
    checkin = Checkin.objects.get()
    assert checkin.pk == result.checkin.pk
    assert checkin.distance_m == pytest.approx(42, abs=0.01)
    assert (checkin.message, checkin.visibility, checkin.accuracy_m) == ("hi", "public", 8)
    assert not CheckinRefusal.objects.exists()
