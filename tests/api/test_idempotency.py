"""`Idempotency-Key` where money is at stake: a retry never checks in or redeems twice, never gets someone else's
answer, and a failed first attempt leaves nothing behind, so that its retry runs again."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Notification
from api.idempotency import idempotency_records_purge
from api.models import IdempotencyRecord
from checkins.models import Checkin
from tests import factories
from tests.api import urls_for_idempotency as scripted
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
CHECKINS = "/api/v1/checkins"
SCRIPTED = "/api/v1/test-scripted-write"


@pytest.fixture
def merchant():
    return factories.MerchantFactory()


@pytest.fixture
def no_cooldown(settings):
    """Without the cooldown a second run of a check-in would succeed: only the key stops it."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0


def body_at(merchant, **overrides) -> dict:
    return {
        "merchant_id": merchant.pk,
        "lat": merchant.location.y,
        "lng": merchant.location.x,
        "accuracy_m": 5,
        **overrides,
    }


def post(client, url, body, key):
    return client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def age(key: str, delta: timedelta, **changes) -> None:
    """Make the record of `key` as old as `delta` (and apply `changes`)."""
    IdempotencyRecord.objects.filter(key=key).update(created_at=timezone.now() - delta, **changes)


# ---------------------------------------------------------------------------------------------------------------------
# After two minutes
# ---------------------------------------------------------------------------------------------------------------------
@pytest.mark.usefixtures("no_cooldown")
def test_an_answered_key_replays_long_after_two_minutes(user, user_client, merchant):
    """Rule: only an unanswered (in-flight) record is ever abandoned; an answered one replays for the whole TTL."""
    first = post(user_client, CHECKINS, body_at(merchant), "late-retry")
    assert first.status_code == 201
    age("late-retry", timedelta(hours=23))
    again = post(user_client, CHECKINS, body_at(merchant), "late-retry")
    assert (again.status_code, again.json()) == (201, first.json())
    assert again["Idempotent-Replayed"] == "true"
    assert again["Content-Type"] == "application/json"  # a replayed success is not a problem
    assert Checkin.objects.filter(user=user).count() == 1


@pytest.mark.usefixtures("no_cooldown")
def test_an_in_flight_record_is_abandoned_at_120_seconds(user, user_client, merchant):
    """Rule: a record still unanswered after IN_FLIGHT_ABANDONED_AFTER (120 s) belongs to a dead request: a retry
    takes the key over and runs; before that it is 409 idempotency_in_flight."""
    assert post(user_client, CHECKINS, body_at(merchant), "crashed").status_code == 201
    age("crashed", timedelta(seconds=119.5), status_code=None, response_body=None)
    busy = post(user_client, CHECKINS, body_at(merchant), "crashed")
    assert (busy.status_code, busy.json()["code"]) == (409, "idempotency_in_flight")
    age("crashed", timedelta(seconds=120.5))
    retried = post(user_client, CHECKINS, body_at(merchant), "crashed")
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried
    assert Checkin.objects.filter(user=user).count() == 2
    record = IdempotencyRecord.objects.get(key="crashed")
    assert (record.status_code, json.loads(record.response_body)["id"]) == (201, retried.json()["id"])


def test_the_boundaries_are_exact(user, user_client, outcomes, monkeypatch, settings):
    """Rule: an unanswered record exactly IN_FLIGHT_ABANDONED_AFTER (120 s) old is abandoned, and an answered record
    exactly IDEMPOTENCY_TTL_HOURS old has expired: in both cases the retry runs (the clock is fixed to hit them)."""
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    post(user_client, SCRIPTED, {"n": 1}, "in-flight")
    IdempotencyRecord.objects.filter(key="in-flight").update(
        created_at=now - timedelta(seconds=120), status_code=None, response_body=None
    )
    assert post(user_client, SCRIPTED, {"n": 1}, "in-flight").json() == {"call": 2}
    post(user_client, SCRIPTED, {"n": 1}, "answered")
    age_exactly = now - timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS)
    IdempotencyRecord.objects.filter(key="answered").update(created_at=age_exactly)
    assert post(user_client, SCRIPTED, {"n": 1}, "answered").json() == {"call": 4}


def test_taking_over_an_abandoned_key_deletes_only_its_record(user_factory, outcomes):
    """Rule: reclaiming an abandoned key deletes that record only, never another one of the same age (which may hold
    an answer that must still be replayed)."""
    a, b = client_for(user_factory()), client_for(user_factory())
    post(a, SCRIPTED, {"n": 1}, "same-age")
    answered_b = post(b, SCRIPTED, {"n": 1}, "same-age")
    record_a, _ = IdempotencyRecord.objects.order_by("pk")
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(minutes=3))
    IdempotencyRecord.objects.filter(pk=record_a.pk).update(status_code=None, response_body=None)
    assert post(a, SCRIPTED, {"n": 1}, "same-age").json() == {"call": 3}  # A's abandoned claim: runs again
    replay_b = post(b, SCRIPTED, {"n": 1}, "same-age")
    assert (replay_b.json(), replay_b["Idempotent-Replayed"]) == (answered_b.json(), "true")
    assert scripted.CALLS == [1, 2, 3]


def test_a_claim_that_keeps_vanishing_gives_up_after_three_attempts(user_client, outcomes):
    """Rule: when the key's record disappears between each claim and its lookup (other requests deleting and
    re-claiming it), the request claims three times, then answers 409 idempotency_in_flight and runs nothing. A
    trigger that silently drops the key's inserts stands in for those other requests."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE SEQUENCE test_claim_attempts")
        cursor.execute(
            "CREATE FUNCTION test_claim_vanishes() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN PERFORM nextval('test_claim_attempts'); RETURN NULL; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER test_claim_vanishes BEFORE INSERT ON api_idempotencyrecord FOR EACH ROW "
            "WHEN (NEW.key = 'vanishing') EXECUTE FUNCTION test_claim_vanishes()"
        )
    response = post(user_client, SCRIPTED, {"n": 1}, "vanishing")
    assert (response.status_code, response.json()["code"]) == (409, "idempotency_in_flight")
    assert response.json()["detail"] == "A request with this Idempotency-Key is still being processed; retry later."
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM test_claim_attempts")
        assert cursor.fetchone()[0] == 3
    assert not scripted.CALLS


def test_problems_say_what_to_do(user_client, outcomes):
    """Rule: the 422 and 409 problems tell the client what to do next (use a new key; retry later)."""
    post(user_client, SCRIPTED, {"n": 1}, "told")
    reused = post(user_client, SCRIPTED, {"n": 2}, "told")
    assert (reused.status_code, reused.json()["code"]) == (422, "idempotency_key_reused")
    assert reused.json()["detail"] == (
        "This Idempotency-Key was used with a different request; use a new key for a new request."
    )
    IdempotencyRecord.objects.filter(key="told").update(status_code=None, response_body=None)
    busy = post(user_client, SCRIPTED, {"n": 1}, "told")
    assert (busy.status_code, busy.json()["code"]) == (409, "idempotency_in_flight")
    assert busy.json()["detail"] == "A request with this Idempotency-Key is still being processed; retry later."


def test_without_a_key_the_handler_simply_runs(user_client, outcomes):
    """Rule: no Idempotency-Key, no record: the view method runs as it is, every time."""
    assert user_client.post(SCRIPTED, {"n": 1}, format="json").json() == {"call": 1}
    assert user_client.post(SCRIPTED, {"n": 1}, format="json").json() == {"call": 2}
    assert not IdempotencyRecord.objects.exists()


# ---------------------------------------------------------------------------------------------------------------------
# Across users, and across keys
# ---------------------------------------------------------------------------------------------------------------------
@pytest.mark.usefixtures("no_cooldown")
def test_each_users_retry_gets_their_own_answer(user_factory, merchant):
    """Rule: keys are scoped to the user: B's retry with A's key and body replays B's check-in, never A's."""
    a, b = client_for(user_factory()), client_for(user_factory())
    first_a = post(a, CHECKINS, body_at(merchant), "shared-key")
    first_b = post(b, CHECKINS, body_at(merchant), "shared-key")
    assert first_a.json()["id"] != first_b.json()["id"]
    retry_b = post(b, CHECKINS, body_at(merchant), "shared-key")
    retry_a = post(a, CHECKINS, body_at(merchant), "shared-key")
    assert (retry_b.json(), retry_a.json()) == (first_b.json(), first_a.json())
    assert retry_b["Idempotent-Replayed"] == retry_a["Idempotent-Replayed"] == "true"
    assert Checkin.objects.count() == 2


def test_each_key_of_one_user_replays_its_own_answer(user_client, outcomes):
    """Rule: the record is found by user *and* key: a user's second key replays the second answer."""
    first = post(user_client, SCRIPTED, {"n": 1}, "first-key")
    second = post(user_client, SCRIPTED, {"n": 2}, "second-key")
    assert post(user_client, SCRIPTED, {"n": 2}, "second-key").json() == second.json() == {"call": 2}
    assert post(user_client, SCRIPTED, {"n": 1}, "first-key").json() == first.json() == {"call": 1}
    assert scripted.CALLS == [1, 2]


# ---------------------------------------------------------------------------------------------------------------------
# Server errors: nothing stored, the retry runs again
# ---------------------------------------------------------------------------------------------------------------------
@pytest.fixture
def outcomes(settings):
    settings.ROOT_URLCONF = "tests.api.urls_for_idempotency"
    scripted.OUTCOMES.clear()
    scripted.CALLS.clear()
    yield scripted.OUTCOMES
    scripted.OUTCOMES.clear()
    scripted.CALLS.clear()


def test_a_500_answer_is_not_stored_and_the_retry_runs(user, user_client, outcomes):
    """Rule: a 5xx answer (500 included) rolls the handler's writes back and deletes the claim; the retry runs."""
    outcomes[:] = ["500"]
    failed = post(user_client, SCRIPTED, {"n": 1}, "flaky")
    assert failed.status_code == 500
    assert not IdempotencyRecord.objects.exists()
    assert not Notification.objects.exists()
    retried = post(user_client, SCRIPTED, {"n": 1}, "flaky")
    assert (retried.status_code, retried.json()) == (201, {"call": 2})
    assert "Idempotent-Replayed" not in retried
    replayed = post(user_client, SCRIPTED, {"n": 1}, "flaky")
    assert (replayed.status_code, replayed.json(), replayed["Idempotent-Replayed"]) == (201, {"call": 2}, "true")
    assert scripted.CALLS == [1, 2]
    assert list(Notification.objects.values_list("data", flat=True)) == [{"call": 2}]


def test_a_crash_leaves_no_claim_and_the_retry_runs(user, user_client, outcomes):
    """Rule: an unexpected exception deletes the claim (no 409 in flight for two minutes) and keeps no write."""
    outcomes[:] = ["raise"]
    with pytest.raises(RuntimeError):
        post(user_client, SCRIPTED, {"n": 1}, "crash")
    assert not IdempotencyRecord.objects.exists()
    assert not Notification.objects.exists()
    retried = post(user_client, SCRIPTED, {"n": 1}, "crash")
    assert (retried.status_code, retried.json()) == (201, {"call": 2})


def test_an_answer_whose_transaction_must_roll_back_is_not_stored(user, user_client, outcomes):
    """Rule: when the handler's transaction is marked for rollback its answer (even a 4xx) cannot be stored with it:
    the client gets the answer, nothing is kept, and the retry runs again."""
    outcomes[:] = ["conflict"]
    refused = post(user_client, SCRIPTED, {"n": 1}, "doomed")
    assert (refused.status_code, refused.json()["code"]) == (409, "scripted_conflict")
    assert not IdempotencyRecord.objects.exists()
    assert not Notification.objects.exists()
    retried = post(user_client, SCRIPTED, {"n": 1}, "doomed")
    assert (retried.status_code, retried.json()) == (201, {"call": 2})


# ---------------------------------------------------------------------------------------------------------------------
# The purge, and what the fingerprint covers
# ---------------------------------------------------------------------------------------------------------------------
def test_the_purge_deletes_only_records_past_the_ttl(user, user_client, merchant, settings):
    """Rule: records older than IDEMPOTENCY_TTL_HOURS are purged; fresh ones (and one exactly at the cutoff) stay."""
    for key in ("fresh", "at-cutoff", "old"):
        post(user_client, CHECKINS, body_at(merchant, message=key), key)
    now = timezone.now()
    ttl = timedelta(hours=settings.IDEMPOTENCY_TTL_HOURS)
    IdempotencyRecord.objects.filter(key="at-cutoff").update(created_at=now - ttl)
    IdempotencyRecord.objects.filter(key="old").update(created_at=now - ttl - timedelta(seconds=1))
    assert idempotency_records_purge(now=now) == 1
    assert set(IdempotencyRecord.objects.values_list("key", flat=True)) == {"fresh", "at-cutoff"}
    # purging as of a later moment (a delayed task run) uses that moment, not the clock
    assert idempotency_records_purge(now=now + ttl + timedelta(hours=1)) == 2
    assert not IdempotencyRecord.objects.exists()


def test_the_same_key_and_body_on_another_endpoint_is_not_replayed(user, user_client, outcomes):
    """Rule: the fingerprint covers the method and path: another endpoint's answer is never replayed (422)."""
    first = post(user_client, SCRIPTED, {"n": 1}, "one-key")
    assert first.status_code == 201
    elsewhere = post(user_client, SCRIPTED + "-elsewhere", {"n": 1}, "one-key")
    assert (elsewhere.status_code, elsewhere.json()["code"]) == (422, "idempotency_key_reused")
    assert scripted.CALLS == [1]


def test_the_same_key_on_a_redemption_after_a_checkin_is_not_replayed(merchant_with_staff):
    """Rule: a check-in's key and body sent to the redemption endpoint get 422, not the check-in's 201."""
    merchant = merchant_with_staff["merchant"]
    clerk = client_for(merchant_with_staff["clerk"])
    body = body_at(merchant)
    assert post(clerk, CHECKINS, body, "reused").status_code == 201
    redemption = post(clerk, f"/api/v1/merchants/{merchant.pk}/redemptions", body, "reused")
    assert (redemption.status_code, redemption.json()["code"]) == (422, "idempotency_key_reused")


def test_the_body_fingerprint_ignores_key_order(user, user_client, outcomes):
    """Rule: the body is compared canonically (sorted keys): the same JSON with its keys reordered replays."""
    first = user_client.post(SCRIPTED, '{"a": 1, "b": 2}', content_type="application/json", HTTP_IDEMPOTENCY_KEY="k")
    again = user_client.post(SCRIPTED, '{"b": 2, "a": 1}', content_type="application/json", HTTP_IDEMPOTENCY_KEY="k")
    assert (again.status_code, again.json(), again["Idempotent-Replayed"]) == (201, first.json(), "true")
    assert scripted.CALLS == [1]


def test_an_answer_without_a_body_is_stored_and_replayed(user_client, outcomes):
    """Rule: a success without a body (204) is stored as such and replayed as such."""
    outcomes[:] = ["empty"]
    first = post(user_client, SCRIPTED, {"n": 1}, "no-body")
    again = post(user_client, SCRIPTED, {"n": 1}, "no-body")
    assert (first.status_code, first.content) == (again.status_code, again.content) == (204, b"")
    assert again["Idempotent-Replayed"] == "true"
    assert scripted.CALLS == [1]


def test_a_replayed_400_is_a_problem(user_client, merchant):
    """Rule: a stored 4xx (400 included) replays as application/problem+json, a stored 2xx as plain JSON."""
    first = post(user_client, CHECKINS, body_at(merchant, lat=91), "bad-body")
    again = post(user_client, CHECKINS, body_at(merchant, lat=91), "bad-body")
    assert first.status_code == again.status_code == 400
    assert again.json() == first.json()
    assert again["Content-Type"] == "application/problem+json"
    assert again["Idempotent-Replayed"] == "true"


@pytest.mark.parametrize(
    ("key", "accepted"),
    [("k" * 255, True), ("", False), ("k" * 256, False), ("ключ", False), ("tab\tkey", False)],
    ids=["255 chars", "empty", "256 chars", "not ascii", "not printable"],
)
def test_key_shape(user_client, outcomes, key, accepted):
    """Rule: a key is 1..255 printable ASCII characters; anything else is a 400 naming the header, and runs nothing."""
    response = post(user_client, SCRIPTED, {"n": 1}, key)
    if accepted:
        assert response.status_code == 201
        assert IdempotencyRecord.objects.get().key == key
    else:
        assert response.status_code == 400 and "Idempotency-Key" in response.json()["errors"]
        assert not scripted.CALLS
