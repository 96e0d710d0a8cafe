"""The fan-out of a check-in into friends' feeds: set-based, once per friend, only to friends at check-in time."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Friendship, Notification
from checkins.services import checkin_create
from core.models import OutboxEvent
from core.outbox import outbox_event_write
from social.models import FeedDelivery
from social.tasks import fanout_checkin_task
from tests import factories

pytestmark = pytest.mark.usefixtures("fast_passwords")


def _checkin_with_event(author, **fields):
    checkin = factories.CheckinFactory(user=author, **fields)
    event = outbox_event_write(topic="checkin.created", payload={"checkin_id": checkin.pk})
    return checkin, event


def _friends_of(author, count):
    friends = factories.UserFactory.create_batch(count)
    for friend in friends:
        factories.friendship_make(author, friend)
    return friends


@pytest.mark.django_db
def test_each_friend_gets_the_checkin_once_with_its_reach_record_and_a_notification():
    author, stranger = factories.UserFactory(), factories.UserFactory()
    friends = _friends_of(author, 12)
    checkin, event = _checkin_with_event(author)

    assert fanout_checkin_task(event.pk) is True

    deliveries = list(FeedDelivery.objects.filter(checkin=checkin))
    assert sorted(d.recipient_id for d in deliveries) == sorted(f.pk for f in friends)
    assert stranger.pk not in {d.recipient_id for d in deliveries}
    for delivery in deliveries:
        assert delivery.event_id == event.pk
        assert delivery.author_id == author.pk
        assert delivery.merchant_id == checkin.merchant_id
        assert delivery.checkin_created_at == checkin.created_at
        assert delivery.delivered_at >= checkin.created_at
    notified = Notification.objects.filter(type="friend_checkin", data__checkin_id=checkin.pk)
    assert sorted(notified.values_list("user_id", flat=True)) == sorted(f.pk for f in friends)
    data = notified.first().data
    assert data["user"] == {"id": author.pk, "username": author.username, "display_name": author.display_name}
    assert data["merchant"]["id"] == checkin.merchant_id
    assert "location" not in data and "lat" not in str(data)
    assert OutboxEvent.objects.get(pk=event.pk).processed_at is not None


@pytest.mark.django_db
def test_a_repeated_delivery_changes_nothing_even_if_the_processed_mark_were_lost():
    author = factories.UserFactory()
    _friends_of(author, 5)
    checkin, event = _checkin_with_event(author)
    assert fanout_checkin_task(event.pk) is True
    assert fanout_checkin_task(event.pk) is False  # processed: a duplicate message is a no-op

    OutboxEvent.objects.filter(pk=event.pk).update(processed_at=None)
    assert fanout_checkin_task(event.pk) is True  # applied again: the unique constraints absorb it

    assert FeedDelivery.objects.filter(checkin=checkin).count() == 5
    assert Notification.objects.filter(type="friend_checkin", data__checkin_id=checkin.pk).count() == 5


@pytest.mark.django_db
def test_the_fanout_is_a_fixed_number_of_statements_whatever_the_number_of_friends():
    def statements_for(friend_count):
        author = factories.UserFactory()
        _friends_of(author, friend_count)
        _, event = _checkin_with_event(author)
        with CaptureQueriesContext(connection) as queries:
            fanout_checkin_task(event.pk)
        return len(queries)

    assert statements_for(2) == statements_for(150) <= 10


@pytest.mark.django_db
def test_private_checkins_reach_nobody_but_their_event_is_consumed():
    author = factories.UserFactory()
    _friends_of(author, 3)
    checkin, event = _checkin_with_event(author, visibility="private")
    assert fanout_checkin_task(event.pk) is True
    assert not FeedDelivery.objects.filter(checkin=checkin).exists()
    assert not Notification.objects.filter(type="friend_checkin").exists()
    assert OutboxEvent.objects.get(pk=event.pk).processed_at is not None


@pytest.mark.django_db
def test_public_checkins_reach_friends_only():
    author, stranger = factories.UserFactory(), factories.UserFactory()
    (friend,) = _friends_of(author, 1)
    checkin, event = _checkin_with_event(author, visibility="public")
    fanout_checkin_task(event.pk)
    assert list(FeedDelivery.objects.filter(checkin=checkin).values_list("recipient_id", flat=True)) == [friend.pk]
    assert stranger.pk != friend.pk


@pytest.mark.django_db
def test_a_friend_added_after_the_checkin_gets_nothing_from_before_even_from_a_late_fanout():
    author, old_friend, new_friend = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    factories.friendship_make(author, old_friend)
    Friendship.objects.filter(user=old_friend).update(created_at=timezone.now() - timedelta(hours=1))
    checkin, event = _checkin_with_event(author, created_at=timezone.now() - timedelta(minutes=10))
    factories.friendship_make(author, new_friend)  # befriended after the check-in, before its (late) fan-out

    fanout_checkin_task(event.pk)

    assert list(FeedDelivery.objects.filter(checkin=checkin).values_list("recipient_id", flat=True)) == [old_friend.pk]


@pytest.mark.django_db
def test_an_event_for_a_deleted_checkin_is_consumed_quietly():
    author = factories.UserFactory()
    _friends_of(author, 2)
    checkin, event = _checkin_with_event(author)
    checkin.delete()
    assert fanout_checkin_task(event.pk) is True
    assert not FeedDelivery.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_checkin_through_the_service_reaches_the_friends_feed_after_commit(celery_eager):
    author = factories.UserFactory()
    friends = _friends_of(author, 3)
    merchant = factories.MerchantFactory()

    result = checkin_create(user=author, merchant_id=merchant.pk, lat=37.4762, lng=126.8680, accuracy_m=10)

    event = OutboxEvent.objects.get(topic="checkin.created")
    assert event.payload["checkin_id"] == result.checkin.pk
    assert event.published_at is not None and event.processed_at is not None
    assert FeedDelivery.objects.filter(checkin=result.checkin).count() == len(friends)


@pytest.mark.django_db(transaction=True)
def test_a_refused_checkin_writes_no_event(celery_eager):
    author = factories.UserFactory()
    merchant = factories.MerchantFactory()
    with pytest.raises(Exception, match="imprecise"):
        checkin_create(user=author, merchant_id=merchant.pk, lat=37.4762, lng=126.8680, accuracy_m=5000)
    assert not OutboxEvent.objects.exists()
