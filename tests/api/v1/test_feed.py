"""GET /feed: friends' check-ins newest first, cursor pages stable under inserts, no coordinates, no N+1."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Friendship
from api.v1.social import FeedItemOutput
from core.outbox import outbox_event_write
from social.models import Comment, Like
from social.tasks import fanout_checkin_task
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def _share(author, *, minutes_ago: float = 0, **fields):
    """A check-in made `minutes_ago` and fanned out to the author's friends, as the outbox consumer does it."""
    checkin = factories.CheckinFactory(
        user=author, created_at=timezone.now() - timedelta(minutes=minutes_ago), **fields
    )
    event = outbox_event_write(topic="checkin.created", payload={"checkin_id": checkin.pk})
    fanout_checkin_task(event.pk)
    return checkin


@pytest.fixture
def reader():
    return factories.UserFactory()


def _friend_of(reader, *, since_minutes: float = 24 * 60):
    friend = factories.UserFactory()
    factories.friendship_make(reader, friend)
    Friendship.objects.filter(user__in=[reader, friend], friend__in=[reader, friend]).update(
        created_at=timezone.now() - timedelta(minutes=since_minutes)
    )
    return friend


def _ids(body):
    return [item["id"] for item in body["results"]]


def test_the_feed_shows_friends_shared_checkins_newest_first_without_coordinates(reader):
    alice, bob, stranger = _friend_of(reader), _friend_of(reader), factories.UserFactory()
    older = _share(alice, minutes_ago=30, message="croissants")
    newer = _share(bob, minutes_ago=5, visibility="public")
    _share(alice, minutes_ago=1, visibility="private")
    _share(stranger, minutes_ago=2, visibility="public")
    Like.objects.create(checkin=older, user=reader)
    Like.objects.create(checkin=older, user=bob)
    Comment.objects.create(checkin=older, user=bob, text="!")

    response = client_for(reader).get("/api/v1/feed")

    assert response.status_code == 200
    body = response.json()
    assert _ids(body) == [newer.pk, older.pk]
    assert body["next"] is None and body["previous"] is None
    item = body["results"][1]
    assert set(item) == {
        "id", "user", "merchant", "message", "created_at", "like_count", "comment_count", "liked_by_me"
    }  # fmt: skip
    assert item["user"] == {"id": alice.pk, "username": alice.username, "display_name": alice.display_name}
    assert item["merchant"] == {"id": older.merchant_id, "name": older.merchant.name, "category": "cafe"}
    assert (item["message"], item["like_count"], item["comment_count"], item["liked_by_me"]) == (
        "croissants", 2, 1, True
    )  # fmt: skip
    assert body["results"][0]["liked_by_me"] is False
    # Rendered from plain dicts (a hot path), yet exactly as the documented serializer would render them.
    assert item == FeedItemOutput(item | {"created_at": older.created_at}).data
    raw = json.dumps(body)
    for word in ("location", "lat", "lng", "distance", "accuracy", "coordinates"):
        assert word not in raw


def test_pages_neither_repeat_nor_skip_while_new_checkins_arrive(reader):
    friends = [_friend_of(reader) for _ in range(3)]
    shared = [_share(friends[i % 3], minutes_ago=100 - i) for i in range(25)]  # oldest first
    expected = [c.pk for c in reversed(shared)]
    client = client_for(reader)

    seen, url = [], "/api/v1/feed?limit=7"
    while url:
        body = client.get(url).json()
        seen += _ids(body)
        _share(friends[0], minutes_ago=0)  # new items land at the top meanwhile
        url = body["next"]
    assert seen == expected


def test_previous_links_walk_back_to_the_newer_items(reader):
    friend = _friend_of(reader)
    shared = [_share(friend, minutes_ago=50 - i) for i in range(10)]
    client = client_for(reader)
    first = client.get("/api/v1/feed?limit=4").json()
    second = client.get(first["next"]).json()
    assert second["previous"] is not None
    back = client.get(second["previous"]).json()
    assert _ids(back) == _ids(first)
    assert back["previous"] is None  # nothing newer than the first page yet
    newest = _share(friend, minutes_ago=0)
    assert _ids(client.get(second["previous"]).json()) == _ids(first)
    page = client.get(client.get(second["previous"]).json()["next"]).json()
    assert _ids(page) == _ids(second)
    assert newest.pk not in _ids(page) and len(shared) == 10


def test_a_friend_added_later_sees_nothing_from_before_and_an_unfriended_ones_items_leave(reader):
    old_friend = _friend_of(reader)
    before = _share(old_friend, minutes_ago=10)
    newcomer = factories.UserFactory()
    _share(newcomer, minutes_ago=9)  # before the friendship: never in the reader's feed
    factories.friendship_make(reader, newcomer)
    after = _share(newcomer, minutes_ago=0)
    client = client_for(reader)
    assert _ids(client.get("/api/v1/feed").json()) == [after.pk, before.pk]

    assert client.delete(f"/api/v1/friends/{old_friend.pk}").status_code == 204
    assert _ids(client.get("/api/v1/feed").json()) == [after.pk]
    factories.friendship_make(reader, old_friend)  # the delivery rows were kept: friends again, the item is back
    assert _ids(client.get("/api/v1/feed").json()) == [after.pk, before.pk]


def test_an_empty_feed(reader):
    assert client_for(reader).get("/api/v1/feed").json() == {"next": None, "previous": None, "results": []}


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=101", "limit=abc", "cursor=nonsense", "cursor=eyJkIjoibiIsImsiOjF9", "cursor=" + "A" * 300],
)
def test_bad_paging_parameters_are_400s_naming_the_parameter(reader, query):
    response = client_for(reader).get(f"/api/v1/feed?{query}")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {query.split("=")[0]}


def test_a_forged_cursor_with_a_huge_id_is_a_400_not_an_error(reader):
    import base64

    token = base64.urlsafe_b64encode(b'{"d":"n","k":["2026-01-01T00:00:00+00:00",99999999999999999999]}').decode()
    assert client_for(reader).get(f"/api/v1/feed?cursor={token}").status_code == 400


def test_the_feed_needs_a_token(api_client):
    assert api_client.get("/api/v1/feed").status_code == 401


def test_the_feed_takes_a_fixed_number_of_queries(reader, django_assert_max_num_queries):
    friends = [_friend_of(reader) for _ in range(5)]
    for index in range(30):
        checkin = _share(friends[index % 5], minutes_ago=60 - index)
        Like.objects.create(checkin=checkin, user=friends[(index + 1) % 5])
    client = client_for(reader)
    with django_assert_max_num_queries(2):  # the token's user, the page
        body = client.get("/api/v1/feed?limit=25").json()
    assert len(body["results"]) == 25
    with django_assert_max_num_queries(2):
        client.get(body["next"])
