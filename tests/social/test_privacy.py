"""Export and erasure (social/privacy.py): the export holds every kind of record a user has and nobody else's; an
erasure leaves no row that names the user, leaves others' data alone, and the merchants' figures agree with the oracle.
"""

import json
import random
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder

from accounts.consents import location_consent_record
from accounts.errors import OwnerMustHandOver, PasswordIncorrect
from accounts.models import ConsentChange, FriendRequest, Friendship, LocationLogEntry, Notification, User, UsernameHold
from accounts.services import friend_request_create, notification_create
from checkins.models import Checkin, CheckinRefusal
from coupons.models import CampaignEligibility
from merchants.models import MerchantStaff
from social.models import Comment, Like
from social.privacy import ERASED_USERNAME_PREFIX, account_erase, personal_data_export
from social.services import comment_create, like_create
from stats.campaign_stats import campaign_stats
from stats.models import MerchantView
from stats.services import rollups_fold
from tests import factories
from tests.stats.history import history_make, history_write
from tests.stats.test_oracle import assert_stats_match_raw

pytestmark = pytest.mark.django_db

PASSWORD = "test-pass-123"
# Distinctive personal text: a scan for any of it finds only what names this person.
USERNAME, DISPLAY_NAME, EMAIL = "zq_erasable", "Zelda Quuxworth", "zelda.quux@example.org"
MESSAGE, COMMENT = "grabbing a flat white zq-msg", "lovely zq-comment"


@pytest.fixture
def world():
    """A user with one record of every kind, a friend with their own records, and a merchant."""
    merchant = factories.MerchantFactory()
    campaign = factories.CampaignFactory(merchant=merchant)
    person = factories.UserFactory(username=USERNAME, display_name=DISPLAY_NAME, email=EMAIL, location_consent=False)
    friend = factories.UserFactory()
    stranger = factories.UserFactory()
    factories.friendship_make(person, friend)
    location_consent_record(user=person, granted=True)
    checkin = factories.CheckinFactory(user=person, merchant=merchant, message=MESSAGE)
    CheckinRefusal.objects.create(
        user=person, merchant=merchant, location=merchant.location, accuracy_m=80, distance_m=400, reason="too_far"
    )
    coupon = factories.CouponFactory(user=person, campaign=campaign, checkin=checkin)
    CampaignEligibility.objects.create(campaign=campaign, user=person, checkin=checkin, coupon=coupon)
    friends_checkin = factories.CheckinFactory(user=friend, merchant=merchant, message="friend's own words")
    like_create(user=person, checkin_id=friends_checkin.pk)  # notifies the friend, naming the person
    comment_create(user=person, checkin_id=friends_checkin.pk, text=COMMENT)
    like_create(user=friend, checkin_id=checkin.pk)
    comment_create(user=friend, checkin_id=checkin.pk, text="friend's comment")
    friend_request_create(from_user=stranger, to_username=USERNAME)
    notification_create(user=person, type=Notification.Type.COUPON_ISSUED, data={"coupon_id": coupon.pk})
    LocationLogEntry.objects.create(
        user=person, action="collected", purpose="checkin_verification", legal_basis="consent", checkin_id=checkin.pk
    )
    MerchantStaff.objects.create(merchant=factories.MerchantFactory(), user=person, role="clerk")
    MerchantView.objects.create(merchant=merchant, user=person)
    return {"person": person, "friend": friend, "stranger": stranger, "merchant": merchant, "checkin": checkin}


def test_export_holds_every_kind_of_record_and_no_one_elses(world):
    person = world["person"]
    document = personal_data_export(user=person)
    text = json.dumps(document, cls=JSONEncoder, ensure_ascii=False)
    assert document["profile"]["username"] == USERNAME
    assert document["profile"]["email"] == EMAIL and document["profile"]["display_name"] == DISPLAY_NAME
    assert document["consents"]["location"]["granted"] is True
    assert [change["granted"] for change in document["consents"]["changes"]] == [True]
    assert [f["user"]["id"] for f in document["friends"]] == [world["friend"].pk]
    assert [r["from_user"]["id"] for r in document["friend_requests"]] == [world["stranger"].pk]
    [checkin] = document["checkins"]
    assert checkin["message"] == MESSAGE and checkin["location"] is not None and checkin["accuracy_m"] == 10.0
    assert [r["reason"] for r in document["checkin_refusals"]] == ["too_far"]
    assert document["checkin_refusals"][0]["location"]["lat"] == pytest.approx(world["merchant"].location.y)
    assert [c["status"] for c in document["coupons"]] == ["active"]
    assert len(document["campaign_eligibility"]) == 1
    assert [c["text"] for c in document["comments"]] == [COMMENT]
    assert len(document["likes"]) == 1
    assert {n["type"] for n in document["notifications"]} == {"coupon_issued", "friend_request", "like", "comment"}
    assert [r["role"] for r in document["merchant_roles"]] == ["clerk"]
    assert [v["merchant_id"] for v in document["merchant_views"]] == [world["merchant"].pk]
    assert [e["action"] for e in document["location_log"]] == ["collected"]
    # The others' own words and records are not the person's data.
    assert "friend's own words" not in text
    assert world["friend"].email not in text and world["stranger"].email not in text


def _user_foreign_keys() -> list[tuple[str, str]]:
    """(table, column) of every foreign key to the user table."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    keys = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                keys.append((model._meta.db_table, field.column))
    return keys


def _text_columns() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')"""
        )
        return cursor.fetchall()


def _rows_naming(needles: list[str]) -> list[tuple[str, str, str]]:
    """Every (table, column, needle) where some row's text holds one of the needles (any case)."""
    found = []
    with connection.cursor() as cursor:
        for table, column in _text_columns():
            for needle in needles:
                cursor.execute(f'SELECT 1 FROM "{table}" WHERE "{column}"::text ILIKE %s LIMIT 1', [f"%{needle}%"])
                if cursor.fetchone():
                    found.append((table, column, needle))
    return found


def test_erasure_leaves_no_row_that_names_the_user(world):
    person = world["person"]
    needles = [USERNAME, DISPLAY_NAME, EMAIL, MESSAGE, COMMENT]
    assert {needle for _t, _c, needle in _rows_naming(needles)} == set(needles)  # the scan does find them

    account_erase(user=person, password=PASSWORD)

    # Only the hold keeps the name, alone (no link to the row), so that no one registers it for a while.
    assert _rows_naming(needles) == [("accounts_usernamehold", "username", USERNAME)]
    assert [field.name for field in UsernameHold._meta.concrete_fields] == ["id", "username", "until"]
    # Every row still pointing at the user holds no coordinates.
    with connection.cursor() as cursor:
        for table, column in _user_foreign_keys():
            cursor.execute(
                """SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'
                AND table_name = %s AND udt_name IN ('geography', 'geometry')""",
                [table],
            )
            for (geo_column,) in cursor.fetchall():
                cursor.execute(
                    f'SELECT count(*) FROM "{table}" WHERE "{column}" = %s AND "{geo_column}" IS NOT NULL', [person.pk]
                )
                assert cursor.fetchone()[0] == 0, (table, geo_column)
    erased = User.objects.get(pk=person.pk)
    assert erased.username.startswith(ERASED_USERNAME_PREFIX)
    assert (erased.email, erased.display_name, erased.is_active, erased.location_consent) == ("", "", False, False)
    assert erased.deleted_at is not None and not erased.has_usable_password()
    assert not Friendship.objects.filter(Q(user=person) | Q(friend=person)).exists()
    assert not FriendRequest.objects.filter(to_user=person).exists()
    assert not Notification.objects.filter(user=person).exists() and not Comment.objects.filter(user=person).exists()
    assert not MerchantStaff.objects.filter(user=person).exists()
    # Kept, no longer naming anyone: the visits and the like (merchants' counts), the consent record (with the
    # withdrawal), the location access log.
    assert Checkin.objects.filter(user=person, visibility="private", message="").count() == 1
    assert Like.objects.filter(user=person).count() == 1
    assert list(ConsentChange.objects.filter(user=person).values_list("granted", flat=True).order_by("id")) == [
        True,
        False,
    ]
    assert LocationLogEntry.objects.filter(user=person).count() == 1


def test_erasure_leaves_other_users_data_alone(world):
    friend = world["friend"]
    friends_checkin = Checkin.objects.get(user=friend)
    before = personal_data_export(user=friend)

    account_erase(user=world["person"], password=PASSWORD)

    after = personal_data_export(user=friend)
    assert after["profile"] == before["profile"]
    assert after["checkins"] == before["checkins"] and after["comments"] == before["comments"]
    assert after["likes"] == before["likes"]
    assert Checkin.objects.get(pk=friends_checkin.pk).location is not None
    # Only what named the person went: the friend's notifications of the person's like and comment, the friendship.
    assert {n["type"] for n in before["notifications"]} == {"like", "comment"}
    assert after["notifications"] == [] and after["friends"] == []
    # The friend's comment on the person's check-in stays (the friend's words).
    assert Comment.objects.filter(user=friend, text="friend's comment").exists()


def test_an_owner_cannot_erase_and_a_wrong_password_erases_nothing(world):
    person = world["person"]
    with pytest.raises(PasswordIncorrect):
        account_erase(user=person, password="not-the-password")
    MerchantStaff.objects.create(merchant=factories.MerchantFactory(), user=person, role="owner")
    with pytest.raises(OwnerMustHandOver):
        account_erase(user=person, password=PASSWORD)
    person.refresh_from_db()
    assert person.is_active and person.username == USERNAME and person.location_consent
    assert Checkin.objects.get(user=person).location is not None


def _check_merchant(history, staff, now) -> list[dict]:
    answers = []
    for campaign in history.campaigns:
        for bucket in ("day", "hour"):
            stats = campaign_stats(campaign_id=campaign.pk, user_id=staff.pk, bucket=bucket, now=now)
            assert_stats_match_raw(stats, now=now)
            answers.append(stats)
    return answers


def test_the_statistics_agree_with_the_oracle_after_an_erasure(fast_passwords):
    now = timezone.now().replace(microsecond=0)
    rng = random.Random(7)
    history = history_make(seed=7, now=now, users=30, days=40)
    staff = factories.MerchantStaffFactory(merchant=history.merchant, role="clerk").user
    history_write(history, until=now, rng=rng)
    rollups_fold(now=now)
    before = _check_merchant(history, staff, now)

    # The busiest visitor who wrote a comment leaves.
    commenters = set(Comment.objects.values_list("user_id", flat=True))
    visits = {u.pk: Checkin.objects.filter(user=u).count() for u in history.users if u.pk in commenters}
    leaver = User.objects.get(pk=max(visits, key=visits.get))
    leaver.set_password(PASSWORD)
    leaver.save(update_fields=["password"])
    account_erase(user=leaver, password=PASSWORD)
    later = now + timedelta(minutes=5)
    rollups_fold(now=later)
    after = _check_merchant(history, staff, now)

    # Visits, visitors, coupons and likes stand exactly as they were; only the leaver's comments are gone.
    for old, new in zip(before, after, strict=True):
        for name in ("checkins", "unique_visitors", "new_visitors", "coupons_issued", "coupons_redeemed", "likes"):
            assert new["totals"][name] == old["totals"][name], name
        assert new["series"] == old["series"]
