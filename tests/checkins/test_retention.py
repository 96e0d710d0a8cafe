"""Raw fixes are erased after LOCATION_RAW_RETENTION_DAYS (a daily beat task) keeping merchant, time and distance; the
travel-speed rule still works on erased history; statistics equal the oracle after the purge."""

import random
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from checkins.errors import CheckinRefused
from checkins.models import Checkin, CheckinRefusal
from checkins.retention import raw_fixes_erase, raw_fixes_purge
from checkins.services import checkin_create
from checkins.tasks import raw_fixes_purge_task
from stats.services import rollups_fold, rollups_rebuild
from tests import factories
from tests.checkins.test_anticheat import project
from tests.stats.history import history_make, history_write
from tests.stats.test_oracle import _check_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def _refusal(user, merchant, created_at):
    return CheckinRefusal.objects.create(
        user=user, merchant=merchant, location=merchant.location, accuracy_m=250, distance_m=3.5,
        reason="poor_accuracy", created_at=created_at,
    )  # fmt: skip


def test_the_purge_erases_fixes_older_than_the_limit_and_keeps_newer_ones(settings):
    settings.LOCATION_RAW_RETENTION_DAYS = 30
    now = timezone.now()
    merchant, user = factories.MerchantFactory(), factories.UserFactory()
    old_at, new_at = now - timedelta(days=30, seconds=1), now - timedelta(days=29, hours=23)
    old = factories.CheckinFactory(user=user, merchant=merchant, created_at=old_at, distance_m=7.25)
    new = factories.CheckinFactory(user=user, merchant=merchant, created_at=new_at)
    old_refusal, new_refusal = _refusal(user, merchant, old_at), _refusal(user, merchant, new_at)

    assert raw_fixes_purge(now=now) == 2
    old.refresh_from_db()
    assert (old.location, old.accuracy_m) == (None, None)
    assert (old.merchant_id, old.user_id, old.created_at, old.distance_m) == (merchant.pk, user.pk, old_at, 7.25)
    old_refusal.refresh_from_db()
    assert (old_refusal.location, old_refusal.accuracy_m, old_refusal.distance_m) == (None, None, 3.5)
    assert Checkin.objects.get(pk=new.pk).location is not None
    assert CheckinRefusal.objects.get(pk=new_refusal.pk).location is not None
    assert raw_fixes_purge(now=now) == 0  # idempotent
    cutoff = now - timedelta(days=30)
    assert not Checkin.objects.filter(created_at__lt=cutoff, location__isnull=False).exists()
    assert not CheckinRefusal.objects.filter(created_at__lt=cutoff, location__isnull=False).exists()


def test_the_limit_is_a_setting_and_the_daily_task_applies_it(settings):
    settings.LOCATION_RAW_RETENTION_DAYS = 1
    checkin = factories.CheckinFactory(created_at=timezone.now() - timedelta(days=2))
    assert raw_fixes_purge_task() == 1
    checkin.refresh_from_db()
    assert checkin.location is None
    schedule = django_settings.CELERY_BEAT_SCHEDULE["raw-fixes-purge"]
    assert (schedule["task"], schedule["schedule"]) == ("checkins.raw_fixes_purge", 86400.0)


def test_erasing_runs_in_batches_and_never_erases_everything_by_accident():
    user = factories.UserFactory()
    merchant = factories.MerchantFactory()
    for hours in range(5):
        factories.CheckinFactory(user=user, merchant=merchant, created_at=timezone.now() - timedelta(hours=hours))
    other = factories.CheckinFactory(merchant=merchant)
    assert raw_fixes_erase(user_id=user.pk, batch=2) == 5
    assert Checkin.objects.filter(location__isnull=False).get() == other
    with pytest.raises(ValueError):
        raw_fixes_erase()


def test_the_travel_speed_rule_falls_back_to_the_previous_merchants_pin_once_the_fix_is_gone():
    here = factories.MerchantFactory(checkin_radius_m=100)
    pin = (here.location.y, here.location.x)
    far_away = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin, 60_000)))
    near = factories.MerchantFactory(location=factories.point_from_lat_lng(*project(*pin, 400)))
    user, neighbour = factories.UserFactory(), factories.UserFactory()
    ten_minutes_ago = timezone.now() - timedelta(minutes=10)
    factories.CheckinFactory(user=user, merchant=far_away, created_at=ten_minutes_ago)
    factories.CheckinFactory(user=neighbour, merchant=near, created_at=ten_minutes_ago)
    raw_fixes_erase(before=timezone.now())
    assert not Checkin.objects.filter(location__isnull=False).exists()

    # 60 km in ten minutes is 360 km/h: refused although the previous fix was erased.
    with pytest.raises(CheckinRefused) as refused:
        checkin_create(user=user, merchant_id=here.pk, lat=pin[0], lng=pin[1], accuracy_m=5)
    assert refused.value.code == "implausible_travel"
    # From a pin 400 m away (under the exempt distance) the rule does not apply: accepted.
    accepted = checkin_create(user=neighbour, merchant_id=here.pk, lat=pin[0], lng=pin[1], accuracy_m=5)
    assert accepted.checkin.pk


def test_statistics_equal_the_oracle_after_the_purge():
    now = timezone.now().replace(microsecond=0)
    rng = random.Random(5)
    history = history_make(seed=5, now=now, zone="Asia/Seoul", users=25, days=45)
    staff = factories.MerchantStaffFactory(merchant=history.merchant, role="clerk").user
    history_write(history, until=now - timedelta(days=20), rng=rng)
    rollups_fold(now=now - timedelta(days=20))
    history_write(history, until=now, rng=rng)
    assert Checkin.objects.filter(location__isnull=False, created_at__lt=now - timedelta(days=30)).exists()

    # Time moves forward past the retention limit of every fix of the history: the purge erases them all.
    later = now + timedelta(days=django_settings.LOCATION_RAW_RETENTION_DAYS + 1)
    assert raw_fixes_purge(now=later) > 0
    assert not Checkin.objects.filter(location__isnull=False).exists()
    rollups_fold(now=now)
    _check_all(history, staff, now=now)
    rollups_rebuild(now=now)
    _check_all(history, staff, now=now)
