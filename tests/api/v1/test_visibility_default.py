"""A user's default check-in visibility (/me), the one-time notice of who sees a check-in, and coordinates that no
one but their owner ever sees."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from checkins.models import Checkin
from checkins.services import checkin_create
from core.models import OutboxEvent
from social.models import Comment
from social.tasks import fanout_checkin_task
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
URL = "/api/v1/checkins"
# A fix a few dozen metres from the merchant's pin (CHEOLSAN): digits that appear nowhere else.
FIX_LAT, FIX_LNG = 37.476431, 126.868157
KO_FRIENDS = "친구들이 이 체크인과 장소를 볼 수 있습니다. 체크인 공개 범위는 설정에서 바꿀 수 있습니다."


@pytest.fixture
def merchant():
    return factories.MerchantFactory(name="Cheolsan Bakery")


@pytest.fixture
def walker():
    return factories.UserFactory(location_consent=True)


def _check_in(client, merchant, **fields):
    body = {"merchant_id": merchant.pk, "lat": FIX_LAT, "lng": FIX_LNG, "accuracy_m": 12, **fields}
    return client.post(URL, body, format="json")


# /me


def test_me_shows_the_default_visibility_friends_for_a_new_user(walker):
    assert client_for(walker).get("/api/v1/me").json()["default_visibility"] == "friends"


@pytest.mark.parametrize("visibility", ["friends", "public", "private"])
def test_patch_me_saves_the_default_visibility(walker, visibility):
    response = client_for(walker).patch("/api/v1/me", {"default_visibility": visibility}, format="json")
    assert response.status_code == 200
    assert response.json()["default_visibility"] == visibility
    assert User.objects.get(pk=walker.pk).default_visibility == visibility
    assert client_for(walker).get("/api/v1/me").json()["default_visibility"] == visibility


def test_patching_another_field_keeps_the_default_visibility(walker):
    User.objects.filter(pk=walker.pk).update(default_visibility="private")
    response = client_for(walker).patch("/api/v1/me", {"display_name": "Walker"}, format="json")
    assert response.json()["default_visibility"] == "private"


@pytest.mark.parametrize("value", ["everyone", "", None, 1, ["public"], "PUBLIC"])
def test_a_bad_default_visibility_is_a_400_naming_the_field(walker, value):
    response = client_for(walker).patch("/api/v1/me", {"default_visibility": value}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert (response.json()["code"], list(response.json()["errors"])) == ("validation_error", ["default_visibility"])
    assert User.objects.get(pk=walker.pk).default_visibility == "friends"


def test_me_needs_a_token(api_client):
    assert api_client.patch("/api/v1/me", {"default_visibility": "public"}, format="json").status_code == 401


# POST /checkins


@pytest.mark.parametrize("default", ["friends", "public", "private"])
def test_a_checkin_without_visibility_takes_the_users_default(walker, merchant, default):
    User.objects.filter(pk=walker.pk).update(default_visibility=default)
    response = _check_in(client_for(walker), merchant)
    assert response.status_code == 201, response.content
    assert response.json()["visibility"] == default
    assert Checkin.objects.get(user=walker).visibility == default


def test_an_explicit_visibility_wins_over_the_default(walker, merchant):
    User.objects.filter(pk=walker.pk).update(default_visibility="private")
    response = _check_in(client_for(walker), merchant, visibility="public")
    assert response.json()["visibility"] == "public"
    assert Checkin.objects.get(user=walker).visibility == "public"


def test_the_first_checkin_carries_the_notice_once_in_the_requests_language(walker, merchant):
    client = client_for(walker)
    first = client.post(
        URL,
        {"merchant_id": merchant.pk, "lat": FIX_LAT, "lng": FIX_LNG, "accuracy_m": 12},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert first.status_code == 201, first.content
    assert first["Content-Language"] == "ko"
    assert first.json()["notice"] == {"visibility": "friends", "text": KO_FRIENDS, "settings": "/api/v1/me"}
    assert User.objects.get(pk=walker.pk).checkin_notice_shown_at is not None

    other = factories.MerchantFactory()
    second = _check_in(client, other)
    assert second.status_code == 201 and second.json()["notice"] is None


@pytest.mark.parametrize(
    ("visibility", "who"), [("friends", "Your friends"), ("public", "Everyone"), ("private", "Only you")]
)
def test_the_notice_names_who_sees_the_visibility_used(walker, merchant, visibility, who):
    notice = _check_in(client_for(walker), merchant, visibility=visibility).json()["notice"]
    assert notice["visibility"] == visibility
    assert notice["text"].startswith(who) and "settings" in notice["text"]


def test_a_refused_checkin_does_not_use_up_the_notice(walker, merchant):
    client = client_for(walker)
    assert _check_in(client, merchant, accuracy_m=500).status_code == 422
    assert User.objects.get(pk=walker.pk).checkin_notice_shown_at is None
    assert _check_in(client, merchant).json()["notice"]["visibility"] == "friends"
    assert User.objects.get(pk=walker.pk).checkin_notice_shown_at is not None


def test_an_idempotent_replay_replays_the_notice(walker, merchant):
    client = client_for(walker)
    body = {"merchant_id": merchant.pk, "lat": FIX_LAT, "lng": FIX_LNG, "accuracy_m": 12}
    first = client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="notice-key-1")
    replay = client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="notice-key-1")
    assert first.json()["notice"] is not None
    assert replay.json() == first.json()


def _checkin_queries(client, merchant) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert _check_in(client, merchant).status_code == 201
    return [query["sql"] for query in captured.captured_queries]


def test_the_notice_costs_one_update_on_the_first_checkin_and_nothing_after(merchant):
    told = factories.UserFactory(location_consent=True, checkin_notice_shown_at=timezone.now())
    new = factories.UserFactory(location_consent=True)
    baseline = _checkin_queries(client_for(told), merchant)
    first = _checkin_queries(client_for(new), merchant)
    assert len(first) == len(baseline) + 1
    [extra] = [sql for sql in first if sql.startswith('UPDATE "accounts_user"')]
    assert "checkin_notice_shown_at" in extra and "IS NULL" in extra
    assert not [sql for sql in baseline if sql.startswith('UPDATE "accounts_user"')]
    assert len(_checkin_queries(client_for(new), factories.MerchantFactory())) == len(baseline)


# Coordinates: friends and the public never see a fix


def _bodies_others_read(*, author, friend, stranger, checkin_id) -> list[tuple[str, object]]:
    friend_client, stranger_client = client_for(friend), client_for(stranger)
    reads = []
    for name, client in (("friend", friend_client), ("stranger", stranger_client)):
        for path in (
            f"/api/v1/checkins/{checkin_id}",
            f"/api/v1/checkins/{checkin_id}/likes",
            f"/api/v1/checkins/{checkin_id}/comments",
            "/api/v1/feed",
            "/api/v1/notifications",
            "/api/v1/merchants/nearby?lat=37.4770&lng=126.8670&radius_m=1000",
        ):
            response = client.get(path)
            assert response.status_code == 200, (name, path, response.content)
            reads.append((f"{name} {path}", response.json()))
    return reads


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def test_friends_and_the_public_never_see_the_coordinates_of_a_checkin(merchant):
    author, friend, stranger = factories.UserFactory.create_batch(3, location_consent=True)
    factories.friendship_make(author, friend)
    # A group unlock: the friend is here already, so the author's check-in notifies the friend of a coupon.
    factories.CampaignFactory(merchant=merchant, trigger={"type": "with_friends", "friends": 1, "window_minutes": 60})
    factories.CheckinFactory(user=friend, merchant=merchant)
    response = _check_in(client_for(author), merchant, visibility="public")
    assert response.status_code == 201, response.content
    checkin_id = response.json()["id"]
    # The fan-out to the friend's feed, as the outbox consumer does it after commit.
    fanout_checkin_task(OutboxEvent.objects.get(topic="checkin.created", payload__checkin_id=checkin_id).pk)
    client_for(friend).post(f"/api/v1/checkins/{checkin_id}/like")
    Comment.objects.create(checkin_id=checkin_id, user=friend, text="Nice!")

    reads = _bodies_others_read(author=author, friend=friend, stranger=stranger, checkin_id=checkin_id)

    friend_feed = dict(reads)["friend /api/v1/feed"]
    assert [item["id"] for item in friend_feed["results"]] == [checkin_id]
    assert dict(reads)["friend /api/v1/notifications"]["results"], "the group unlock notified the friend"
    for where, body in reads:
        raw = json.dumps(body)
        assert f"{FIX_LAT}"[:8] not in raw and f"{FIX_LNG}"[:9] not in raw, where
        if "nearby" not in where:  # a merchant's own pin is public; a person's fix never is
            assert not {"location", "lat", "lng", "accuracy_m", "coordinates"} & _keys(body), where


def test_two_first_checkins_from_stale_user_rows_carry_the_notice_once(merchant):
    # Two requests both authenticated before either checked in: each holds a user row saying "not told yet".
    walker = factories.UserFactory(location_consent=True)
    stale_a, stale_b = User.objects.get(pk=walker.pk), User.objects.get(pk=walker.pk)
    other = factories.MerchantFactory()
    first = checkin_create(user=stale_a, merchant_id=merchant.pk, lat=FIX_LAT, lng=FIX_LNG, accuracy_m=10)
    second = checkin_create(
        user=stale_b, merchant_id=other.pk, lat=FIX_LAT, lng=FIX_LNG, accuracy_m=10, now=first.checkin.created_at
    )
    assert (first.notice_due, second.notice_due) == (True, False)
