"""The per-user check-in lock, exactly: one user's lock never holds up another user, whatever their ids."""

from threading import Event, Thread

import pytest
from django.db import connection, transaction

from checkins.services import _user_checkins_serialize, checkin_create
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def check_in(user, merchant):
    return checkin_create(
        user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5
    )


def test_another_users_held_lock_does_not_hold_up_a_checkin():
    """Rule: the lock is per user: while another connection holds user A's check-in lock, user B checks in at once
    (were the keys shared, B would wait, and fail on the lock timeout)."""
    a, b = factories.UserFactory(), factories.UserFactory()
    merchant = factories.MerchantFactory()
    held, release, failure = Event(), Event(), []

    def hold_a():
        try:
            with transaction.atomic():
                _user_checkins_serialize(a.pk)
                held.set()
                release.wait(timeout=30)
        except Exception as exc:  # reported in the test's thread
            failure.append(exc)
        finally:
            held.set()
            connection.close()

    holder = Thread(target=hold_a)
    holder.start()
    try:
        assert held.wait(timeout=30) and not failure
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")
        assert check_in(b, merchant).checkin.pk is not None
    finally:
        release.set()
        holder.join(timeout=30)
    assert not failure


@pytest.mark.parametrize("user_id", [2**31 + 100, 2**32 - 1, 2**32 + 7], ids=["past 2**31", "2**32 - 1", "past 2**32"])
def test_large_user_ids_check_in(user_id):
    """Rule: the lock key fits PostgreSQL's int4 for every user id (the low 32 bits, shifted into its range)."""
    user = factories.UserFactory(id=user_id)
    assert check_in(user, factories.MerchantFactory()).checkin.user_id == user_id
