"""A user's rights over their data: everything stored about them as one document (export), and the erasure of their
account (GDPR arts. 15, 17 and 20; Korea's Personal Information Protection Act).

Here, in social (above checkins, coupons, merchants and accounts), because both read or change every one of those.

Erasure anonymises the user row in place instead of deleting it: merchants' figures (check-ins, unique and new
visitors, coupons issued and redeemed, likes, reach) are counted from rows that point at the user, and must stay exactly
as they were. What stays holds nothing personal: a row that says "someone (an id with no name) checked in at this shop
at this hour" does not name anyone once the id leads to an empty, inactive row. What is the person's own text or place
goes: raw fixes, check-in messages, comments (deleted as the user could delete each one: the comment figures follow,
as they follow any deleted comment), friendships and requests, notifications to or about them, staff roles, stored
answers of retried requests, login-failure records. Kept, because the law asks for them and they are no longer
identifying: consent changes and the location access log (each purged by its own retention).
"""

import secrets
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.consents import location_consent_find
from accounts.errors import OwnerMustHandOver, PasswordIncorrect
from accounts.models import ConsentChange, FriendRequest, Friendship, LocationLogEntry, Notification, User, Visibility
from accounts.services import user_refresh_tokens_revoke, username_hold
from checkins.models import Checkin, CheckinRefusal
from checkins.retention import location_consent_change
from coupons.models import CampaignEligibility, Coupon
from merchants.models import MerchantStaff
from social.models import Comment, FeedDelivery, Like

# The prefix of an erased account's username (the rest is random): the row stays, its name says what it is.
ERASED_USERNAME_PREFIX = "deleted-"


def _point(location) -> dict | None:
    return None if location is None else {"lat": location.y, "lng": location.x}


def _profile(user: User) -> dict:
    fields = ("id", "username", "display_name", "email", "first_name", "last_name", "date_joined", "last_login")
    profile = {name: getattr(user, name) for name in fields}
    profile.update(
        language=user.language or None,
        default_visibility=user.default_visibility,
        checkin_notice_shown_at=user.checkin_notice_shown_at,
    )
    return profile


def _consents(user: User) -> dict:
    location = location_consent_find(user=user)
    changes = ConsentChange.objects.filter(user=user).order_by("changed_at", "id")
    return {
        "location": {
            "granted": location.granted,
            "changed_at": location.changed_at,
            "terms_version": location.terms_version,
        },
        "changes": list(changes.values("kind", "granted", "terms_version", "changed_at")),
    }


def _brief(prefix: str) -> tuple[str, str, str]:
    return (f"{prefix}_id", f"{prefix}__username", f"{prefix}__display_name")


def _friends(user: User) -> list[dict]:
    rows = (
        Friendship.objects.filter(user=user).order_by("created_at", "id").values_list(*_brief("friend"), "created_at")
    )
    return [
        {"user": {"id": friend_id, "username": username, "display_name": name}, "since": since}
        for friend_id, username, name, since in rows
    ]


def _friend_requests(user: User) -> list[dict]:
    rows = (
        FriendRequest.objects.filter(Q(from_user=user) | Q(to_user=user))
        .order_by("created_at", "id")
        .values_list("id", *_brief("from_user"), *_brief("to_user"), "status", "created_at", "responded_at")
    )
    return [
        {
            "id": row[0],
            "from_user": {"id": row[1], "username": row[2], "display_name": row[3]},
            "to_user": {"id": row[4], "username": row[5], "display_name": row[6]},
            "status": row[7],
            "created_at": row[8],
            "responded_at": row[9],
        }
        for row in rows
    ]


def _checkins(user: User) -> list[dict]:
    rows = Checkin.objects.filter(user=user).order_by("created_at", "id")
    fields = ("id", "merchant_id", "merchant__name", "location", "accuracy_m", "distance_m", "message", "visibility")
    return [
        {
            "id": row["id"],
            "merchant": {"id": row["merchant_id"], "name": row["merchant__name"]},
            "created_at": row["created_at"],
            "location": _point(row["location"]),
            "accuracy_m": row["accuracy_m"],
            "distance_m": row["distance_m"],
            "message": row["message"],
            "visibility": row["visibility"],
        }
        for row in rows.values(*fields, "created_at")
    ]


def _checkin_refusals(user: User) -> list[dict]:
    rows = CheckinRefusal.objects.filter(user=user).order_by("created_at", "id")
    fields = ("id", "merchant_id", "created_at", "location", "accuracy_m", "distance_m", "reason")
    return [{**row, "location": _point(row["location"])} for row in rows.values(*fields)]


def _coupons(user: User, now: datetime) -> list[dict]:
    coupons = Coupon.objects.filter(user=user).select_related("campaign").order_by("issued_at", "id")
    return [
        {
            "id": coupon.pk,
            "code": coupon.code,
            "campaign": {"id": coupon.campaign_id, "title": coupon.campaign.title},
            "merchant_id": coupon.merchant_id,
            "checkin_id": coupon.checkin_id,
            "status": coupon.status_at(now),
            "issued_at": coupon.issued_at,
            "expires_at": coupon.expires_at,
            "redeemed_at": coupon.redeemed_at,
        }
        for coupon in coupons
    ]


def _rows(queryset, *fields: str) -> list[dict]:
    return list(queryset.order_by("pk").values(*fields))


def personal_data_export(*, user: User) -> dict:
    """Everything stored about the user, as one JSON-ready document: the profile and consents, friends and requests,
    check-ins (with their raw fixes while kept) and refused attempts, coupons, campaign eligibility, comments, likes,
    notifications, merchant roles, merchant pages viewed, and the location access log."""
    now = timezone.now()
    return {
        "exported_at": now,
        "profile": _profile(user),
        "consents": _consents(user),
        "friends": _friends(user),
        "friend_requests": _friend_requests(user),
        "checkins": _checkins(user),
        "checkin_refusals": _checkin_refusals(user),
        "coupons": _coupons(user, now),
        "campaign_eligibility": _rows(
            CampaignEligibility.objects.filter(user=user), "campaign_id", "checkin_id", "in_holdout", "created_at"
        ),
        "comments": _rows(Comment.objects.filter(user=user), "id", "checkin_id", "text", "created_at"),
        "likes": _rows(Like.objects.filter(user=user), "checkin_id", "created_at"),
        "notifications": _rows(Notification.objects.filter(user=user), "id", "type", "data", "read", "created_at"),
        "merchant_roles": _rows(
            MerchantStaff.objects.filter(user=user).annotate(merchant_name=F("merchant__name")),
            "merchant_id",
            "merchant_name",
            "role",
            "created_at",
        ),
        # stats sits above this package: its table is reached through the app registry.
        "merchant_views": _rows(
            apps.get_model("stats", "MerchantView").objects.filter(user=user), "merchant_id", "viewed_at"
        ),
        "location_log": _rows(
            LocationLogEntry.objects.filter(user=user),
            "id",
            "at",
            "action",
            "purpose",
            "legal_basis",
            "recipient_kind",
            "recipient_count",
            "checkin_id",
        ),
    }


def _people_told_about(user: User) -> set[int]:
    """Everyone who may hold a notification naming the user: friends and requests either way (friend_request,
    friend_accepted), those whose feeds got the user's check-ins (friend_checkin), authors the user liked or commented
    (like, comment); friends also hear of coupons the user's check-in unlocked for them (coupon_issued)."""
    people = set(Friendship.objects.filter(user=user).values_list("friend_id", flat=True))
    people.update(FeedDelivery.objects.filter(author=user).values_list("recipient_id", flat=True).distinct())
    for sent, received in FriendRequest.objects.filter(Q(from_user=user) | Q(to_user=user)).values_list(
        "from_user_id", "to_user_id"
    ):
        people.update((sent, received))
    for model in (Like, Comment):
        people.update(model.objects.filter(user=user).values_list("checkin__user_id", flat=True).distinct())
    people.discard(user.pk)
    return people


def _relations_erase(user: User) -> None:
    """Notifications to and about the user, friendships and requests, staff roles, stored answers, login failures."""
    naming = Q(data__user__id=user.pk) | Q(data__from_user__id=user.pk) | Q(data__by_user_id=user.pk)
    Notification.objects.filter(user_id__in=_people_told_about(user)).filter(naming).delete()
    Notification.objects.filter(user=user).delete()
    Friendship.objects.filter(Q(user=user) | Q(friend=user)).delete()
    FriendRequest.objects.filter(Q(from_user=user) | Q(to_user=user)).delete()
    MerchantStaff.objects.filter(user=user).delete()
    # Tables of packages above this one, reached through the app registry (a domain package imports none of them):
    # the stored answers of the user's retried writes (they may hold anything the user sent), and the login
    # failures recorded against the username.
    apps.get_model("api", "IdempotencyRecord").objects.filter(user=user).delete()
    for name in ("AccessAttempt", "AccessFailureLog", "AccessLog"):
        apps.get_model("axes", name).objects.filter(username=user.username).delete()


def _content_erase(user: User) -> None:
    """The user's own words: check-in messages (the check-ins stay, private, for the merchants' counts), comments."""
    Checkin.objects.filter(user=user).update(message="", visibility=Visibility.PRIVATE)
    # Deleting (a database trigger records each deletion, and the rollups take it off the comment figures, as for any
    # deleted comment): a comment is nothing but its text, and other people's threads lose nothing by its absence.
    Comment.objects.filter(user=user).delete()


def _profile_anonymise(user: User, now: datetime) -> None:
    """The user row, emptied: a random name, no password, inactive (its access tokens are refused from now on)."""
    User.objects.filter(pk=user.pk).update(
        username=ERASED_USERNAME_PREFIX + secrets.token_hex(8),
        email="",
        display_name="",
        first_name="",
        last_name="",
        password=make_password(None),
        is_active=False,
        is_staff=False,
        is_superuser=False,
        last_login=None,
        language="",
        location_consent=False,
        default_visibility=Visibility.FRIENDS,
        checkin_notice_shown_at=None,
        deleted_at=now,
    )
    user.groups.clear()
    user.user_permissions.clear()


@transaction.atomic
def account_erase(*, user: User, password: str) -> None:
    """Erase the user's account after checking their password (PasswordIncorrect), unless they own a merchant
    (OwnerMustHandOver): personal data and content erased, the row anonymised in place so that merchants' figures
    hold, every refresh token revoked, the username held from new registrations for USERNAME_HOLD_DAYS."""
    if not password or not user.check_password(password):
        raise PasswordIncorrect()
    if MerchantStaff.objects.filter(user=user, role=MerchantStaff.Role.OWNER).exists():
        raise OwnerMustHandOver()
    now = timezone.now()
    # First, before any row lock: it takes the user's check-in lock (a check-in in flight commits before, its fix
    # erased here, or waits and finds no consent), records the withdrawal and erases every raw fix of the user.
    location_consent_change(user=user, granted=False, now=now)
    user = User.objects.select_for_update().get(pk=user.pk)
    _content_erase(user)
    _relations_erase(user)
    user_refresh_tokens_revoke(user=user)
    username_hold(username=user.username, days=settings.USERNAME_HOLD_DAYS)
    _profile_anonymise(user, now)
