from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import FriendRequest, Friendship, Notification
from tests.conftest import client_for
from tests.factories import UserFactory, friendship_make

pytestmark = pytest.mark.django_db


def test_register_then_token_then_me(api_client):
    response = api_client.post(
        "/api/v1/auth/register",
        {"username": "minji", "password": "correct-horse-9", "display_name": "민지"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["username"] == "minji"
    assert "password" not in response.json()

    tokens = api_client.post(
        "/api/v1/auth/token", {"username": "minji", "password": "correct-horse-9"}, format="json"
    ).json()
    assert {"access", "refresh"} <= tokens.keys()

    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    me = api_client.get("/api/v1/me")
    assert me.status_code == 200
    assert me.json()["display_name"] == "민지"

    refreshed = api_client.post("/api/v1/auth/token/refresh", {"refresh": tokens["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert {"access", "refresh"} == refreshed.json().keys()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": "correct-horse-9"}, "username"),
        ({"username": "a", "password": "correct-horse-9"}, "username"),
        ({"username": "bad name!", "password": "correct-horse-9"}, "username"),
        ({"username": "okname"}, "password"),
        ({"username": "okname", "password": "short"}, "password"),
        ({"username": "okname", "password": "12345678901"}, "password"),
        ({"username": "sunflower77", "password": "sunflower77"}, "password"),
        ({"username": "okname", "password": "correct-horse-9", "email": "not-an-email"}, "email"),
    ],
)
def test_register_rejects_bad_input(api_client, body, field):
    response = api_client.post("/api/v1/auth/register", body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "validation_error"
    assert field in response.json()["errors"]


def test_register_duplicate_username_is_409(api_client, user):
    response = api_client.post(
        "/api/v1/auth/register", {"username": user.username.upper(), "password": "correct-horse-9"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "username_taken"


def test_token_with_wrong_password_is_401(api_client, user):
    response = api_client.post(
        "/api/v1/auth/token", {"username": user.username, "password": "nope-nope"}, format="json"
    )
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_refresh_with_garbage_is_401(api_client):
    response = api_client.post("/api/v1/auth/token/refresh", {"refresh": "garbage"}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


@pytest.mark.parametrize("header", [None, "Bearer not-a-jwt", "Basic Zm9vOmJhcg=="])
def test_me_requires_a_valid_token(api_client, header):
    if header:
        api_client.credentials(HTTP_AUTHORIZATION=header)
    response = api_client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "WWW-Authenticate" in response


def test_friend_request_flow_accept_makes_friendship_mutual():
    alice, bob = UserFactory(), UserFactory()
    sent = client_for(alice).post("/api/v1/friends/requests", {"username": bob.username}, format="json")
    assert sent.status_code == 201, sent.content
    request_id = sent.json()["id"]
    assert Notification.objects.filter(user=bob, type="friend_request").count() == 1

    incoming = client_for(bob).get("/api/v1/friends/requests", {"direction": "incoming"}).json()["results"]
    outgoing = client_for(alice).get("/api/v1/friends/requests", {"direction": "outgoing"}).json()["results"]
    assert [r["id"] for r in incoming] == [request_id] == [r["id"] for r in outgoing]

    # Only the addressee may answer.
    assert client_for(alice).post(f"/api/v1/friends/requests/{request_id}/accept").status_code == 404
    assert client_for(UserFactory()).post(f"/api/v1/friends/requests/{request_id}/accept").status_code == 404

    accepted = client_for(bob).post(f"/api/v1/friends/requests/{request_id}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"
    assert Notification.objects.filter(user=alice, type="friend_accepted").count() == 1
    assert [u["username"] for u in client_for(alice).get("/api/v1/friends").json()["results"]] == [bob.username]
    assert [u["username"] for u in client_for(bob).get("/api/v1/friends").json()["results"]] == [alice.username]

    again = client_for(bob).post(f"/api/v1/friends/requests/{request_id}/accept")
    assert again.status_code == 409
    assert again.json()["code"] == "request_not_pending"


def test_decline_leaves_no_friendship():
    alice, bob = UserFactory(), UserFactory()
    request_id = (
        client_for(alice).post("/api/v1/friends/requests", {"username": bob.username}, format="json").json()["id"]
    )
    response = client_for(bob).post(f"/api/v1/friends/requests/{request_id}/decline")
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert not Friendship.objects.exists()
    # A declined request does not block a new one.
    assert (
        client_for(alice).post("/api/v1/friends/requests", {"username": bob.username}, format="json").status_code == 201
    )


def test_friend_request_errors():
    alice, bob = UserFactory(), UserFactory()
    client = client_for(alice)
    own = client.post("/api/v1/friends/requests", {"username": alice.username}, format="json")
    assert (own.status_code, own.json()["code"]) == (400, "self_request")
    missing = client.post("/api/v1/friends/requests", {"username": "nobody-here"}, format="json")
    assert (missing.status_code, missing.json()["code"]) == (404, "user_not_found")
    assert client.post("/api/v1/friends/requests", {"username": bob.username}, format="json").status_code == 201
    duplicate = client.post("/api/v1/friends/requests", {"username": bob.username}, format="json")
    assert (duplicate.status_code, duplicate.json()["code"]) == (409, "request_exists")
    reverse = client_for(bob).post("/api/v1/friends/requests", {"username": alice.username}, format="json")
    assert (reverse.status_code, reverse.json()["code"]) == (409, "request_exists")
    bad_direction = client.get("/api/v1/friends/requests", {"direction": "sideways"})
    assert bad_direction.status_code == 400
    assert "direction" in bad_direction.json()["errors"]


def test_already_friends_is_409():
    alice, bob = UserFactory(), UserFactory()
    friendship_make(alice, bob)
    response = client_for(alice).post("/api/v1/friends/requests", {"username": bob.username}, format="json")
    assert (response.status_code, response.json()["code"]) == (409, "already_friends")


def test_unfriend_removes_both_directions():
    alice, bob = UserFactory(), UserFactory()
    friendship_make(alice, bob)
    assert client_for(bob).delete(f"/api/v1/friends/{alice.pk}").status_code == 204
    assert not Friendship.objects.exists()
    response = client_for(alice).delete(f"/api/v1/friends/{bob.pk}")
    assert (response.status_code, response.json()["code"]) == (404, "friend_not_found")


def test_friend_endpoints_require_authentication(api_client):
    for method, path in [
        ("get", "/api/v1/friends"),
        ("get", "/api/v1/friends/requests"),
        ("post", "/api/v1/friends/requests"),
        ("post", "/api/v1/friends/requests/1/accept"),
        ("post", "/api/v1/friends/requests/1/decline"),
        ("delete", "/api/v1/friends/1"),
    ]:
        assert getattr(api_client, method)(path).status_code == 401, path


def test_friends_list_query_count(django_assert_max_num_queries):
    alice = UserFactory()
    for friend in UserFactory.create_batch(15):
        friendship_make(alice, friend)
    client = client_for(alice)
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/friends", {"limit": 10})
    assert len(response.json()["results"]) == 10
    assert response.json()["next"]


@pytest.mark.django_db(transaction=True)
def test_crossing_friend_requests_leave_exactly_one_pending():
    alice, bob = UserFactory(), UserFactory()

    def send(sender, receiver):
        try:
            return client_for(sender).post("/api/v1/friends/requests", {"username": receiver.username}, format="json")
        finally:
            connection.close()

    for _ in range(5):
        FriendRequest.objects.all().delete()
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda pair: send(*pair), [(alice, bob), (bob, alice)] * 2))
        assert sorted(r.status_code for r in results) == [201, 409, 409, 409]
        assert FriendRequest.objects.filter(status="pending").count() == 1
