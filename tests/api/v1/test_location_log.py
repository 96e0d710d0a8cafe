"""GET /me/location-log: the caller's own entries, newest first in stable cursor pages; nothing can change them."""

import pytest

from accounts.models import LocationLogEntry
from core.models import OutboxEvent
from social.tasks import fanout_checkin_task
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
URL = "/api/v1/me/location-log"


@pytest.fixture
def owner():
    return factories.UserFactory(location_consent=True)


def _entries(user, count):
    return [
        LocationLogEntry.objects.create(
            user=user, action="collected", purpose="checkin_verification", legal_basis="consent", checkin_id=n + 1
        )
        for n in range(count)
    ]


def test_a_checkin_and_its_fanout_show_in_the_owners_log(owner):
    for friend in factories.UserFactory.create_batch(3):
        factories.friendship_make(owner, friend)
    merchant = factories.MerchantFactory()
    client = client_for(owner)
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 12}
    created = client.post("/api/v1/checkins", body, format="json")
    assert created.status_code == 201, created.content
    checkin_id = created.json()["id"]
    fanout_checkin_task(OutboxEvent.objects.get(topic="checkin.created").pk)

    results = client.get(URL).json()["results"]

    provided, collected = results
    assert provided == {
        "id": provided["id"],
        "at": provided["at"],
        "action": "provided",
        "purpose": "friends_feed",
        "legal_basis": "contract",
        "recipients": {"kind": "friends", "count": 3},
        "checkin_id": checkin_id,
    }
    assert collected == {
        "id": collected["id"],
        "at": collected["at"],
        "action": "collected",
        "purpose": "checkin_verification",
        "legal_basis": "consent",
        "recipients": None,
        "checkin_id": checkin_id,
    }
    assert provided["id"] > collected["id"]


def test_the_log_is_paged_newest_first_and_stable_under_new_entries(owner, django_assert_max_num_queries):
    mine = _entries(owner, 7)
    client = client_for(owner)
    with django_assert_max_num_queries(2):  # the token's user, the page
        first = client.get(f"{URL}?limit=5").json()
    assert [e["id"] for e in first["results"]] == [e.pk for e in reversed(mine)][:5]
    assert first["previous"] is None
    _entries(owner, 2)  # arriving meanwhile: the next page continues where the first stopped
    second = client.get(first["next"]).json()
    assert [e["id"] for e in second["results"]] == [mine[1].pk, mine[0].pk]
    assert second["next"] is None
    newer = client.get(second["previous"]).json()
    assert [e["id"] for e in newer["results"]] == [e.pk for e in reversed(mine)][:5]
    assert newer["previous"] is not None


def test_another_user_sees_none_of_the_owners_entries(owner):
    _entries(owner, 3)
    other = factories.UserFactory()
    response = client_for(other).get(URL)
    assert response.status_code == 200
    assert response.json() == {"next": None, "previous": None, "results": []}


def test_another_users_cursor_shows_only_the_callers_own_entries(owner):
    other = factories.UserFactory()
    theirs = _entries(other, 2)
    _entries(owner, 3)
    page = client_for(owner).get(f"{URL}?limit=1").json()
    rest = client_for(other).get(page["next"]).json()  # a cursor is a position, never a grant
    assert [e["id"] for e in rest["results"]] == [theirs[-1].pk]  # the next link keeps limit=1


def test_anonymous_callers_get_a_401(api_client):
    response = api_client.get(URL)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_method_changes_or_deletes_an_entry(owner, method):
    (entry,) = _entries(owner, 1)
    response = getattr(client_for(owner), method)(URL, {"id": entry.pk}, format="json")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert LocationLogEntry.objects.filter(pk=entry.pk, purpose="checkin_verification").exists()


@pytest.mark.parametrize("query", ["cursor=nonsense", "cursor=eyJkIjoibiIsImsiOlswXX0", "limit=0", "limit=x"])
def test_bad_paging_is_a_400_naming_the_parameter(owner, query):
    response = client_for(owner).get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    assert set(response.json()["errors"]) <= {"cursor", "limit"}
