"""The location access log: collection and use by check-ins, provision by the fan-out, append-only, the purge."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.location_log import location_log_purge, location_log_purge_task
from accounts.models import LocationLogEntry
from checkins.errors import CheckinRefused
from checkins.services import checkin_create
from core.models import OutboxEvent
from core.outbox import outbox_event_write
from merchants.errors import MerchantNotFound
from social.tasks import fanout_checkin_task
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def person():
    return factories.UserFactory(location_consent=True)


@pytest.fixture
def merchant():
    return factories.MerchantFactory(checkin_radius_m=100)


def check_in(user, merchant, *, lat_offset=0.0, **kwargs):
    lat, lng = merchant.location.y + lat_offset, merchant.location.x
    return checkin_create(user=user, merchant_id=merchant.pk, lat=lat, lng=lng, accuracy_m=10, **kwargs)


def log_of(user) -> list[tuple]:
    rows = LocationLogEntry.objects.filter(user=user).order_by("id")
    return list(rows.values_list("action", "purpose", "legal_basis", "recipient_kind", "recipient_count", "checkin_id"))


def test_a_first_checkin_records_its_collection_only(person, merchant):
    result = check_in(person, merchant)
    assert log_of(person) == [("collected", "checkin_verification", "consent", "", None, result.checkin.pk)]
    assert LocationLogEntry.objects.get(user=person).at == result.checkin.created_at


def test_a_later_checkin_records_collection_and_the_use_of_the_previous_one(person, merchant):
    check_in(person, merchant, now=timezone.now() - timedelta(hours=3))
    second = check_in(person, factories.MerchantFactory(location=merchant.location))
    assert log_of(person)[1:] == [
        ("collected", "checkin_verification", "consent", "", None, second.checkin.pk),
        ("used", "anti_cheat_history", "consent", "", None, second.checkin.pk),
    ]


def test_the_log_costs_the_checkin_one_insert_statement(person, merchant):
    check_in(person, merchant, now=timezone.now() - timedelta(hours=3))
    with CaptureQueriesContext(connection) as queries:
        check_in(person, factories.MerchantFactory(location=merchant.location))
    log_inserts = [q["sql"] for q in queries if "accounts_locationlogentry" in q["sql"]]
    assert len(log_inserts) == 1 and log_inserts[0].startswith("INSERT")


def test_a_refused_attempt_records_collection_and_use_and_survives_the_refusal(person, merchant):
    check_in(person, merchant, now=timezone.now() - timedelta(hours=3))
    with pytest.raises(CheckinRefused) as refused:
        check_in(person, merchant, lat_offset=0.01)  # about 1.1 km away
    assert refused.value.code == "too_far"
    assert log_of(person)[1:] == [
        ("collected", "checkin_verification", "consent", "", None, None),
        ("used", "anti_cheat_history", "consent", "", None, None),
    ]


def test_a_refused_first_attempt_read_no_history(person, merchant):
    with pytest.raises(CheckinRefused):
        check_in(person, merchant, lat_offset=0.01)
    assert log_of(person) == [("collected", "checkin_verification", "consent", "", None, None)]


def test_an_unknown_merchant_evaluates_nothing_and_logs_nothing(person, merchant):
    with pytest.raises(MerchantNotFound):
        checkin_create(user=person, merchant_id=merchant.pk + 1000, lat=37.5, lng=127.0, accuracy_m=10)
    assert log_of(person) == []


def _friends_of(author, count):
    for friend in factories.UserFactory.create_batch(count):
        factories.friendship_make(author, friend)


def _fanout(author, **fields):
    checkin = factories.CheckinFactory(user=author, **fields)
    event = outbox_event_write(topic="checkin.created", payload={"checkin_id": checkin.pk})
    fanout_checkin_task(event.pk)
    return checkin, event


def test_the_fanout_records_one_provision_with_the_number_of_feeds(person):
    _friends_of(person, 4)
    checkin, event = _fanout(person)
    assert log_of(person) == [("provided", "friends_feed", "contract", "friends", 4, checkin.pk)]

    # A retried fan-out (even with the processed mark lost) delivers to no one again, and logs nothing again.
    assert fanout_checkin_task(event.pk) is False
    OutboxEvent.objects.filter(pk=event.pk).update(processed_at=None)
    assert fanout_checkin_task(event.pk) is True
    assert len(log_of(person)) == 1


@pytest.mark.parametrize("friends", [0, 3])
def test_a_checkin_that_reaches_nobody_is_provided_to_nobody(person, friends):
    _friends_of(person, friends)
    _fanout(person, visibility="private" if friends else "friends")
    assert log_of(person) == []


def test_no_one_else_is_named_in_the_authors_log_and_friends_get_no_entry(person):
    _friends_of(person, 2)
    _fanout(person)
    assert LocationLogEntry.objects.exclude(user=person).count() == 0


def _entry(user, *, days_ago: float):
    return LocationLogEntry.objects.create(
        user=user,
        at=timezone.now() - timedelta(days=days_ago),
        action="collected",
        purpose="checkin_verification",
        legal_basis="consent",
    )


def test_the_purge_keeps_six_months_and_deletes_what_is_older_in_batches(person, settings):
    assert settings.LOCATION_LOG_RETENTION_DAYS == 183
    old = [_entry(person, days_ago=184 + n) for n in range(5)]
    kept = [_entry(person, days_ago=182.9), _entry(person, days_ago=1)]

    assert location_log_purge(batch_size=2) == 5

    remaining = set(LocationLogEntry.objects.values_list("pk", flat=True))
    assert remaining == {e.pk for e in kept}
    assert not remaining & {e.pk for e in old}
    # Time moved forward: the older kept entry passes the limit in a few days.
    assert location_log_purge(now=timezone.now() + timedelta(days=1)) == 1
    assert location_log_purge_task() == 0


def test_the_purge_runs_daily_from_beat(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["location-log-purge"]
    assert schedule["task"] == location_log_purge_task.name and schedule["schedule"] <= 86400


def test_the_database_refuses_to_change_an_entry_but_deletes_it(person):
    entry = _entry(person, days_ago=1)
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        LocationLogEntry.objects.filter(pk=entry.pk).update(purpose="something_else")
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.checkin_id = 1
        entry.save()
    assert LocationLogEntry.objects.get(pk=entry.pk).purpose == "checkin_verification"
    LocationLogEntry.objects.filter(pk=entry.pk).delete()
    assert not LocationLogEntry.objects.exists()


def test_an_account_erasure_takes_its_log_with_it(person):
    _entry(person, days_ago=1)
    person.delete()
    assert not LocationLogEntry.objects.exists()


def test_a_retention_below_six_months_refuses_to_start():
    env = {**os.environ, "LOCATION_LOG_RETENTION_DAYS": "182"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "LOCATION_LOG_RETENTION_DAYS must be at least 183" in result.stderr
