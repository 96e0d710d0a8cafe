"""Location consent: given at registration or through GET/PUT /me/consents, each change recorded with its terms version;
a withdrawal erases the user's raw fixes at once (and no one else's)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import ConsentChange, User
from checkins.models import Checkin, CheckinRefusal
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
URL = "/api/v1/me/consents"
REGISTER = "/api/v1/auth/register"


@pytest.fixture
def undecided():
    """A user who never answered (the column's default)."""
    return factories.UserFactory(location_consent=False)


def test_anonymous_callers_are_refused(api_client):
    assert api_client.get(URL).status_code == 401
    response = api_client.put(URL, {"location": True}, format="json")
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"


def test_a_user_who_never_answered_has_not_consented(undecided):
    response = client_for(undecided).get(URL)
    assert response.status_code == 200
    assert response.json() == {"location": {"granted": False, "changed_at": None, "terms_version": None}}


def test_granting_records_one_change_with_the_terms_version(undecided, settings):
    settings.LOCATION_TERMS_VERSION = "2027-01"
    client = client_for(undecided)
    response = client.put(URL, {"location": True}, format="json")
    assert response.status_code == 200, response.content
    location = response.json()["location"]
    assert (location["granted"], location["terms_version"]) == (True, "2027-01")
    assert location["changed_at"] is not None
    assert client.get(URL).json()["location"] == location
    [change] = ConsentChange.objects.filter(user=undecided)
    assert (change.kind, change.granted, change.terms_version) == ("location", True, "2027-01")
    # The same answer again changes and records nothing.
    assert client.put(URL, {"location": True}, format="json").json()["location"] == location
    assert ConsentChange.objects.filter(user=undecided).count() == 1
    # Declining without ever having agreed is no change either.
    other = factories.UserFactory(location_consent=False)
    assert client_for(other).put(URL, {"location": False}, format="json").status_code == 200
    assert not ConsentChange.objects.filter(user=other).exists()


def test_each_user_sees_and_changes_only_their_own(undecided):
    consenting = factories.UserFactory()
    client_for(undecided).put(URL, {"location": True}, format="json")
    client_for(consenting).put(URL, {"location": False}, format="json")
    assert client_for(undecided).get(URL).json()["location"]["granted"] is True
    assert client_for(consenting).get(URL).json()["location"]["granted"] is False
    assert {(c.user_id, c.granted) for c in ConsentChange.objects.all()} == {
        (undecided.pk, True),
        (consenting.pk, False),
    }


@pytest.mark.parametrize("body", [{}, {"location": "true"}, {"location": 1}, {"location": None}, ["location"]])
def test_the_answer_must_be_a_json_boolean(undecided, body):
    response = client_for(undecided).put(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] in {"validation_error", "malformed_json"}
    assert not ConsentChange.objects.exists()


def test_withdrawal_erases_only_that_users_raw_fixes_and_stops_checkins():
    merchant = factories.MerchantFactory()
    leaving, staying = factories.UserFactory(), factories.UserFactory()
    earlier = timezone.now() - timedelta(days=2)
    for user in (leaving, staying):
        factories.CheckinFactory(user=user, merchant=merchant, created_at=earlier, distance_m=12.5)
        CheckinRefusal.objects.create(
            user=user, merchant=merchant, location=merchant.location, accuracy_m=300, distance_m=5, reason="x"
        )
    client = client_for(leaving)
    response = client.put(URL, {"location": False}, format="json")
    assert response.status_code == 200 and response.json()["location"]["granted"] is False
    erased = Checkin.objects.get(user=leaving)
    assert (erased.location, erased.accuracy_m) == (None, None)
    assert (erased.merchant_id, erased.created_at, erased.distance_m) == (merchant.pk, earlier, 12.5)
    refusal = CheckinRefusal.objects.get(user=leaving)
    assert (refusal.location, refusal.accuracy_m, refusal.distance_m, refusal.reason) == (None, None, 5, "x")
    assert Checkin.objects.get(user=staying).location is not None
    assert CheckinRefusal.objects.get(user=staying).location is not None
    [change] = ConsentChange.objects.filter(user=leaving)
    assert change.granted is False

    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}
    refused = client.post("/api/v1/checkins", body, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "location_consent_required"
    # Agreeing again lets them check in (the cooldown counts from the earlier check-in, two days ago).
    assert client.put(URL, {"location": True}, format="json").json()["location"]["granted"] is True
    assert client.post("/api/v1/checkins", body, format="json").status_code == 201


def _register(api_client, **extra):
    body = {"username": "minji", "password": "correct-horse-battery", **extra}
    return api_client.post(REGISTER, body, format="json")


def test_register_with_consent_records_it(api_client, settings):
    settings.LOCATION_TERMS_VERSION = "2026-12"
    assert _register(api_client, location_consent=True).status_code == 201
    user = User.objects.get(username="minji")
    assert user.location_consent and user.location_consent_changed_at is not None
    [change] = ConsentChange.objects.filter(user=user)
    assert (change.granted, change.terms_version, change.changed_at) == (
        True,
        "2026-12",
        user.location_consent_changed_at,
    )
    consents = client_for(user).get(URL).json()["location"]
    assert (consents["granted"], consents["terms_version"]) == (True, "2026-12")


def test_register_without_consent_records_nothing_and_cannot_check_in(api_client):
    assert _register(api_client).status_code == 201
    user = User.objects.get(username="minji")
    assert not user.location_consent and not ConsentChange.objects.filter(user=user).exists()
    merchant = factories.MerchantFactory()
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 5}
    response = client_for(user).post("/api/v1/checkins", body, format="json")
    assert response.status_code == 403 and response.json()["code"] == "location_consent_required"


def test_register_refuses_a_consent_that_is_not_a_boolean(api_client):
    response = _register(api_client, location_consent="yes")
    assert response.status_code == 400 and "location_consent" in response.json()["errors"]
    assert not User.objects.filter(username="minji").exists()
