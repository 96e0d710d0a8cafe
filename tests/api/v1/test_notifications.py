"""GET /notifications (cursor, newest first) and POST /notifications/read."""

import pytest

from accounts.models import Notification
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def owner():
    return factories.UserFactory()


def _notify(user, count, type="like"):
    return [Notification.objects.create(user=user, type=type, data={"n": i}) for i in range(count)]


def test_notifications_are_listed_newest_first_in_cursor_pages(owner, django_assert_max_num_queries):
    mine = _notify(owner, 7)
    _notify(factories.UserFactory(), 3)
    client = client_for(owner)
    with django_assert_max_num_queries(2):
        first = client.get("/api/v1/notifications?limit=5").json()
    assert [n["id"] for n in first["results"]] == [n.pk for n in reversed(mine)][:5]
    assert set(first["results"][0]) == {"id", "type", "created_at", "read", "data"}
    assert first["results"][0] == {
        "id": mine[-1].pk,
        "type": "like",
        "created_at": first["results"][0]["created_at"],
        "read": False,
        "data": {"n": 6},
    }
    assert first["previous"] is None
    _notify(owner, 2)  # arriving meanwhile: the next page still continues where the first stopped
    second = client.get(first["next"]).json()
    assert [n["id"] for n in second["results"]] == [mine[1].pk, mine[0].pk]
    assert second["next"] is None
    newer = client.get(second["previous"]).json()
    assert [n["id"] for n in newer["results"]] == [n.pk for n in reversed(mine)][:5]
    assert newer["previous"] is not None  # the two new ones are above


def test_mark_some_read_counts_only_ones_own_unread(owner):
    mine = _notify(owner, 4)
    theirs = _notify(factories.UserFactory(), 1)
    Notification.objects.filter(pk=mine[0].pk).update(read=True)
    client = client_for(owner)
    ids = [mine[0].pk, mine[1].pk, mine[2].pk, theirs[0].pk, 999999]
    response = client.post("/api/v1/notifications/read", {"ids": ids}, format="json")
    assert response.status_code == 200
    assert response.json() == {"marked": 2}
    assert list(Notification.objects.filter(user=owner, read=False).values_list("pk", flat=True)) == [mine[3].pk]
    assert Notification.objects.get(pk=theirs[0].pk).read is False


def test_mark_all_read(owner):
    _notify(owner, 3)
    client = client_for(owner)
    assert client.post("/api/v1/notifications/read", {"all": True}, format="json").json() == {"marked": 3}
    assert client.post("/api/v1/notifications/read", {"all": True}, format="json").json() == {"marked": 0}
    assert all(n["read"] for n in client.get("/api/v1/notifications").json()["results"])


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "ids"),
        ({"ids": [1], "all": True}, "ids"),
        ({"all": False}, "all"),
        ({"ids": []}, "ids"),
        ({"ids": "1,2"}, "ids"),
        ({"ids": ["1"]}, "ids.0"),
        ({"ids": [1.5]}, "ids.0"),
        ({"ids": [0]}, "ids.0"),
        ({"ids": [2**63]}, "ids.0"),
        ({"ids": list(range(1, 1002))}, "ids"),
    ],
)
def test_read_needs_exactly_one_of_ids_or_all_true(owner, payload, field):
    response = client_for(owner).post("/api/v1/notifications/read", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_bad_cursor_is_a_400(owner):
    response = client_for(owner).get("/api/v1/notifications?cursor=%%%")
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]
