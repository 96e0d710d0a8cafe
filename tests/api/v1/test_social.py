"""A check-in as others see it, its likes and comments: visible per its visibility, 404 for everyone else."""

import pytest

from accounts.models import Notification
from social.models import Comment, Like
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

VISIBLE = {
    # visibility: viewers who may see it
    "friends": {"owner", "friend"},
    "public": {"owner", "friend", "stranger"},
    "private": {"owner"},
}
CASES = [(visibility, viewer) for visibility in VISIBLE for viewer in ("owner", "friend", "stranger", "anonymous")]


@pytest.fixture
def people():
    owner, friend, stranger = factories.UserFactory.create_batch(3)
    factories.friendship_make(owner, friend)
    return {"owner": owner, "friend": friend, "stranger": stranger}


def _client(people, viewer, api_client):
    return api_client if viewer == "anonymous" else client_for(people[viewer])


def _expected(visibility, viewer, ok):
    if viewer == "anonymous":
        return 401
    return ok if viewer in VISIBLE[visibility] else 404


def _assert_hidden(response, status):
    if status == 404:
        assert response.json()["code"] == "checkin_not_found"
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("visibility", "viewer"), CASES)
def test_detail_likes_and_comments_are_readable_only_by_those_the_visibility_allows(
    people, api_client, visibility, viewer
):
    checkin = factories.CheckinFactory(user=people["owner"], visibility=visibility, message="hi")
    client = _client(people, viewer, api_client)
    for path in ("", "/likes", "/comments"):
        response = client.get(f"/api/v1/checkins/{checkin.pk}{path}")
        expected = _expected(visibility, viewer, 200)
        assert response.status_code == expected, (path, response.content)
        _assert_hidden(response, expected)


@pytest.mark.parametrize(("visibility", "viewer"), CASES)
def test_only_those_who_can_see_a_checkin_may_like_or_comment_on_it(people, api_client, visibility, viewer):
    checkin = factories.CheckinFactory(user=people["owner"], visibility=visibility)
    client = _client(people, viewer, api_client)

    liked = client.post(f"/api/v1/checkins/{checkin.pk}/like")
    assert liked.status_code == _expected(visibility, viewer, 201)
    _assert_hidden(liked, liked.status_code)
    unliked = client.delete(f"/api/v1/checkins/{checkin.pk}/like")
    assert unliked.status_code == _expected(visibility, viewer, 204)
    commented = client.post(f"/api/v1/checkins/{checkin.pk}/comments", {"text": "nice"}, format="json")
    assert commented.status_code == _expected(visibility, viewer, 201)
    _assert_hidden(commented, commented.status_code)
    if commented.status_code != 201:
        assert not Comment.objects.exists()


def test_an_unknown_checkin_looks_exactly_like_a_hidden_one(people):
    hidden = factories.CheckinFactory(user=people["owner"], visibility="private")
    client = client_for(people["stranger"])
    unknown = client.get("/api/v1/checkins/999999999")
    secret = client.get(f"/api/v1/checkins/{hidden.pk}")
    assert unknown.status_code == secret.status_code == 404
    assert unknown.json() == secret.json()


def test_unfriending_hides_friends_checkins_again(people):
    checkin = factories.CheckinFactory(user=people["owner"], visibility="friends")
    client = client_for(people["friend"])
    assert client.get(f"/api/v1/checkins/{checkin.pk}").status_code == 200
    assert client_for(people["owner"]).delete(f"/api/v1/friends/{people['friend'].pk}").status_code == 204
    assert client.get(f"/api/v1/checkins/{checkin.pk}").status_code == 404


def test_the_detail_never_shows_coordinates_and_only_the_owner_sees_the_distance(people):
    checkin = factories.CheckinFactory(
        user=people["owner"], visibility="public", message="fresh bread", distance_m=12.5
    )
    mine = client_for(people["owner"]).get(f"/api/v1/checkins/{checkin.pk}").json()
    theirs = client_for(people["stranger"]).get(f"/api/v1/checkins/{checkin.pk}").json()
    assert mine["distance_m"] == 12.5
    assert "distance_m" not in theirs
    for body in (mine, theirs):
        assert not {"location", "lat", "lng", "accuracy_m"} & set(body)
        assert body["user"] == {
            "id": people["owner"].pk,
            "username": people["owner"].username,
            "display_name": people["owner"].display_name,
        }
        assert body["merchant"] == {"id": checkin.merchant_id, "name": checkin.merchant.name, "category": "cafe"}
        assert body["message"] == "fresh bread"
        assert body["visibility"] == "public"
        assert (body["like_count"], body["comment_count"], body["liked_by_me"]) == (0, 0, False)


def test_liking_twice_counts_once_and_notifies_the_owner_once(people):
    checkin = factories.CheckinFactory(user=people["owner"])
    client = client_for(people["friend"])
    first = client.post(f"/api/v1/checkins/{checkin.pk}/like")
    second = client.post(f"/api/v1/checkins/{checkin.pk}/like")
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() == {"checkin_id": checkin.pk, "liked": True, "like_count": 1}
    assert Like.objects.filter(checkin=checkin).count() == 1
    # unlike, like again: still one like, still one notification
    assert client.delete(f"/api/v1/checkins/{checkin.pk}/like").status_code == 204
    assert client.delete(f"/api/v1/checkins/{checkin.pk}/like").status_code == 204
    assert not Like.objects.exists()
    assert client.post(f"/api/v1/checkins/{checkin.pk}/like").json()["like_count"] == 1
    notified = Notification.objects.filter(user=people["owner"], type="like")
    assert notified.count() == 1
    assert notified.get().data == {
        "checkin_id": checkin.pk,
        "user": {
            "id": people["friend"].pk,
            "username": people["friend"].username,
            "display_name": people["friend"].display_name,
        },
    }
    detail = client.get(f"/api/v1/checkins/{checkin.pk}").json()
    assert (detail["like_count"], detail["liked_by_me"]) == (1, True)
    likes = client.get(f"/api/v1/checkins/{checkin.pk}/likes").json()
    assert [item["user"]["id"] for item in likes["results"]] == [people["friend"].pk]


def test_acting_on_ones_own_checkin_notifies_nobody(people):
    checkin = factories.CheckinFactory(user=people["owner"])
    client = client_for(people["owner"])
    assert client.post(f"/api/v1/checkins/{checkin.pk}/like").status_code == 201
    assert client.post(f"/api/v1/checkins/{checkin.pk}/comments", {"text": "me"}, format="json").status_code == 201
    assert not Notification.objects.exists()


def test_comments_are_trimmed_listed_oldest_first_and_notify_the_owner(people):
    checkin = factories.CheckinFactory(user=people["owner"])
    friend = client_for(people["friend"])
    created = friend.post(f"/api/v1/checkins/{checkin.pk}/comments", {"text": "  save me one  "}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["text"] == "save me one"
    assert body["user"]["id"] == people["friend"].pk
    client_for(people["owner"]).post(f"/api/v1/checkins/{checkin.pk}/comments", {"text": "ok!"}, format="json")

    listed = friend.get(f"/api/v1/checkins/{checkin.pk}/comments").json()
    assert [c["text"] for c in listed["results"]] == ["save me one", "ok!"]
    assert listed["next"] is None
    assert friend.get(f"/api/v1/checkins/{checkin.pk}").json()["comment_count"] == 2
    notified = Notification.objects.get(user=people["owner"], type="comment")
    assert notified.data["comment_id"] == body["id"]
    assert notified.data["text"] == "save me one"


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": ""}, {"text": "   \n\t "}, {"text": "x" * 501}, {"text": None}, {"text": ["a"]}, {"text": True}],
)
def test_bad_comment_text_is_a_400_naming_the_field(people, payload):
    checkin = factories.CheckinFactory(user=people["owner"])
    response = client_for(people["friend"]).post(f"/api/v1/checkins/{checkin.pk}/comments", payload, format="json")
    assert response.status_code == 400
    assert "text" in response.json()["errors"]
    assert not Comment.objects.exists()


def test_a_comment_of_500_characters_after_trimming_is_fine(people):
    checkin = factories.CheckinFactory(user=people["owner"])
    text = " " + "가" * 500 + " "
    response = client_for(people["friend"]).post(
        f"/api/v1/checkins/{checkin.pk}/comments", {"text": text}, format="json"
    )
    assert response.status_code == 201
    assert len(response.json()["text"]) == 500


def test_only_its_author_deletes_a_comment(people):
    checkin = factories.CheckinFactory(user=people["owner"], visibility="public")
    comment = (
        client_for(people["friend"])
        .post(f"/api/v1/checkins/{checkin.pk}/comments", {"text": "mine"}, format="json")
        .json()
    )
    path = f"/api/v1/checkins/{checkin.pk}/comments/{comment['id']}"

    for other in ("owner", "stranger"):
        refused = client_for(people[other]).delete(path)
        assert refused.status_code == 403
        assert refused.json()["code"] == "not_comment_author"
    assert client_for(people["friend"]).delete(path).status_code == 204
    assert not Comment.objects.exists()
    gone = client_for(people["friend"]).delete(path)
    assert gone.status_code == 404
    assert gone.json()["code"] == "comment_not_found"


def test_a_comment_is_deleted_only_through_its_own_checkin(people):
    checkin = factories.CheckinFactory(user=people["owner"], visibility="public")
    other = factories.CheckinFactory(user=people["owner"], visibility="public")
    comment = Comment.objects.create(checkin=checkin, user=people["friend"], text="here")
    response = client_for(people["friend"]).delete(f"/api/v1/checkins/{other.pk}/comments/{comment.pk}")
    assert response.status_code == 404
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_a_hidden_checkins_comments_cannot_be_deleted_either(people):
    checkin = factories.CheckinFactory(user=people["owner"], visibility="friends")
    comment = Comment.objects.create(checkin=checkin, user=people["friend"], text="then we fell out")
    client_for(people["owner"]).delete(f"/api/v1/friends/{people['friend'].pk}")
    response = client_for(people["friend"]).delete(f"/api/v1/checkins/{checkin.pk}/comments/{comment.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "checkin_not_found"


def test_oversized_ids_are_404_not_errors(people):
    client = client_for(people["owner"])
    assert client.get("/api/v1/checkins/9999999999999999999999").status_code == 404
    assert client.post("/api/v1/checkins/9223372036854775807/like").status_code == 404


def test_reads_take_a_fixed_number_of_queries(people, django_assert_max_num_queries):
    checkin = factories.CheckinFactory(user=people["owner"])
    for liker in factories.UserFactory.create_batch(5):
        Like.objects.create(checkin=checkin, user=liker)
        Comment.objects.create(checkin=checkin, user=liker, text="yum")
    client = client_for(people["owner"])
    for path in ("", "/likes", "/comments"):
        with django_assert_max_num_queries(3):
            assert client.get(f"/api/v1/checkins/{checkin.pk}{path}").status_code == 200
