import json
from datetime import datetime, timedelta
from functools import partial

from django.apps import apps
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.consents import location_consent_record
from accounts.errors import (
    AlreadyFriends,
    FriendNotFound,
    FriendRequestExists,
    FriendRequestNotFound,
    FriendRequestNotPending,
    SelfFriendRequest,
    UsernameTaken,
    UserNotFound,
)
from accounts.models import FriendRequest, Friendship, Notification, User, UsernameHold, Visibility
from accounts.tasks import push_enqueue
from core.errors import ValidationFailed
from core.translations import translation_languages

# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED: dict[str, Promise] = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def user_register(
    *, username: str, password: str, email: str = "", display_name: str = "", location_consent: bool = False
) -> User:
    """Create a user account with a validated password; with `location_consent`, its grant is recorded at once."""
    if User.objects.filter(username__iexact=username).exists() or username_is_held(username=username):
        raise UsernameTaken(errors={"username": [_("Already taken.")]})
    try:
        validate_password(password, User(username=username, email=email, display_name=display_name))
    except DjangoValidationError as exc:
        raise ValidationFailed(errors={"password": list(exc.messages)}) from None
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=username, password=password, email=email, display_name=display_name or username[:80]
            )
            if location_consent:
                location_consent_record(user=user, granted=True)
            return user
    except IntegrityError:
        raise UsernameTaken(errors={"username": [_("Already taken.")]}) from None


@transaction.atomic
def user_password_change(*, user: User, old_password: str, new_password: str) -> None:
    """Change a user's password after checking the current one and the password policy; every refresh token of the
    user is revoked, so other devices must sign in again (their access tokens run out within minutes)."""
    # The row lock orders this after (or before) a token refresh of the same user in flight, so that no refresh
    # token is issued from an old one after the revocation below has listed the user's tokens.
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.check_password(old_password):
        raise ValidationFailed(errors={"old_password": [_("The current password is not correct.")]})
    try:
        validate_password(new_password, user)
    except DjangoValidationError as exc:
        raise ValidationFailed(errors={"new_password": list(exc.messages)}) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])
    user_refresh_tokens_revoke(user=user)


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def user_update(
    *, user: User, display_name: str | None = None, language: str | None = None, default_visibility: str | None = None
) -> User:
    """Change what a user may change about themselves: the display name, the saved language (a code of
    settings.LANGUAGES, or "" to let each request's Accept-Language decide) and the default visibility of their
    check-ins (a Visibility value). None leaves a field as it is."""
    changed = []
    if display_name is not None:
        user.display_name = display_name
        changed.append("display_name")
    if language is not None:
        if language and language not in translation_languages():
            raise ValidationFailed(errors={"language": [_("Not one of the allowed values.")]})
        user.language = language
        changed.append("language")
    if default_visibility is not None:
        if default_visibility not in Visibility.values:
            raise ValidationFailed(errors={"default_visibility": [_("Not one of the allowed values.")]})
        user.default_visibility = default_visibility
        changed.append("default_visibility")
    if changed:
        user.save(update_fields=changed)
    return user


def user_checkin_notice_mark(*, user: User, at: datetime) -> bool:
    """Record that the user was told who sees their check-ins; True only the first time (the notice is due now)."""
    marked = User.objects.filter(pk=user.pk, checkin_notice_shown_at__isnull=True).update(checkin_notice_shown_at=at)
    if marked:
        user.checkin_notice_shown_at = at
    return bool(marked)


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def user_refresh_tokens_revoke(*, user: User) -> int:
    """Revoke (blacklist) every unexpired refresh token issued to the user; returns how many were still valid."""
    # The tokens are tracked by simplejwt's token_blacklist app. Its models are reached through the app registry: a
    # domain package imports no DRF or simplejwt code (the import-linter contract), only their tables are shared.
    outstanding_model = apps.get_model("token_blacklist", "OutstandingToken")
    blacklisted_model = apps.get_model("token_blacklist", "BlacklistedToken")
    valid = outstanding_model.objects.filter(
        user=user, expires_at__gt=timezone.now(), blacklistedtoken__isnull=True
    ).values_list("pk", flat=True)
    revoked = blacklisted_model.objects.bulk_create(
        [blacklisted_model(token_id=token_id) for token_id in valid], ignore_conflicts=True
    )
    return len(revoked)


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def refresh_tokens_purge_expired() -> int:
    """Forget refresh tokens past their expiry, with their blacklist entries: their own `exp` refuses them anyway.
    Returns how many tokens were forgotten."""
    outstanding_model = apps.get_model("token_blacklist", "OutstandingToken")
    deleted = outstanding_model.objects.filter(expires_at__lte=timezone.now()).delete()[1]
    return deleted.get(outstanding_model._meta.label, 0)


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def notification_create(*, user: User, type: str, data: dict, dedupe_key: str | None = None) -> Notification | None:
    """Record a notification, pushed after commit; with a dedupe key, a repeated call creates nothing, returns None."""
    try:
        # A savepoint, so that a duplicate (the unique (user, dedupe_key) is the truth) leaves the caller's
        # transaction usable.
        with transaction.atomic():
            notification = Notification.objects.create(user=user, type=type, data=data, dedupe_key=dedupe_key)
    except IntegrityError:
        if dedupe_key is None:
            raise
        return None
    transaction.on_commit(partial(push_enqueue, notification_ids=[notification.pk]))
    return notification


_NOTIFICATIONS_INSERT_SQL = """
INSERT INTO accounts_notification (user_id, type, data, read, created_at, dedupe_key)
SELECT recipient, %(type)s, %(data)s::jsonb, false, now(), %(dedupe_key)s
FROM unnest(%(user_ids)s::bigint[]) AS recipient
ON CONFLICT (user_id, dedupe_key) DO NOTHING
RETURNING id
"""


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def notifications_create_many(*, user_ids: list[int], type: str, data: dict, dedupe_key: str) -> list[int]:
    """The same notification for many users in one statement (fan-out); each user's (user, dedupe_key) at most
    once, however often this runs. Returns the ids created now; their pushes are queued after commit."""
    if not user_ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            _NOTIFICATIONS_INSERT_SQL,
            {"user_ids": list(user_ids), "type": type, "data": json.dumps(data), "dedupe_key": dedupe_key},
        )
        created = [row[0] for row in cursor.fetchall()]
    if created:
        transaction.on_commit(partial(push_enqueue, notification_ids=created))
    return created


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark the user's notifications read: these ids (others' ids are ignored), or all when ids is None.
    Returns how many were unread and are now read."""
    unread = Notification.objects.filter(user=user, read=False)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read=True)


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def friends_are(*, user_id: int, other_id: int) -> bool:
    """Whether two users are friends."""
    return Friendship.objects.filter(user_id=user_id, friend_id=other_id).exists()


@transaction.atomic
def friend_request_create(*, from_user: User, to_username: str) -> FriendRequest:
    """Ask another user to be friends; refuses self, existing friends and duplicate open requests."""
    to_user = User.objects.filter(username=to_username, is_active=True).first()
    if to_user is None:
        raise UserNotFound()
    if to_user.pk == from_user.pk:
        raise SelfFriendRequest(errors={"username": [_("You cannot send a friend request to yourself.")]})
    if friends_are(user_id=from_user.pk, other_id=to_user.pk):
        raise AlreadyFriends()
    if FriendRequest.objects.filter(
        from_user__in=[from_user, to_user], to_user__in=[from_user, to_user], status=FriendRequest.Status.PENDING
    ).exists():
        raise FriendRequestExists()
    try:
        with transaction.atomic():
            request = FriendRequest.objects.create(from_user=from_user, to_user=to_user)
    except IntegrityError:
        # A concurrent identical request won the race; the constraint is the truth.
        raise FriendRequestExists() from None
    notification_create(
        user=to_user,
        type=Notification.Type.FRIEND_REQUEST,
        data={"request_id": request.pk, "from_user": _user_brief(from_user)},
    )
    return request


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def _pending_request_for(*, request_id: int, addressee: User) -> FriendRequest:
    request = (
        FriendRequest.objects.select_for_update()
        .select_related("from_user", "to_user")
        .filter(pk=request_id, to_user=addressee)
        .first()
    )
    if request is None:
        raise FriendRequestNotFound()
    if request.status != FriendRequest.Status.PENDING:
        raise FriendRequestNotPending(_ALREADY_ANSWERED[request.status])
    return request


@transaction.atomic
def friend_request_accept(*, request_id: int, addressee: User) -> FriendRequest:
    """Accept a request addressed to the caller: both become friends of each other."""
    request = _pending_request_for(request_id=request_id, addressee=addressee)
    request.status = FriendRequest.Status.ACCEPTED
    request.responded_at = timezone.now()
    request.save(update_fields=["status", "responded_at"])
    Friendship.objects.bulk_create(
        [
            Friendship(user=request.from_user, friend=request.to_user),
            Friendship(user=request.to_user, friend=request.from_user),
        ],
        ignore_conflicts=True,
    )
    notification_create(
        user=request.from_user,
        type=Notification.Type.FRIEND_ACCEPTED,
        data={"request_id": request.pk, "user": _user_brief(request.to_user)},
    )
    return request


@transaction.atomic
def friend_request_decline(*, request_id: int, addressee: User) -> FriendRequest:
    """Decline a request addressed to the caller."""
    request = _pending_request_for(request_id=request_id, addressee=addressee)
    request.status = FriendRequest.Status.DECLINED
    request.responded_at = timezone.now()
    request.save(update_fields=["status", "responded_at"])
    return request


@transaction.atomic
def friendship_delete(*, user: User, friend_id: int) -> None:
    """End a friendship in both directions."""
    deleted, _ = Friendship.objects.filter(user=user, friend_id=friend_id).delete()
    if not deleted:
        raise FriendNotFound()
    Friendship.objects.filter(user_id=friend_id, friend=user).delete()


# One whole sentence per answer, so that each language can say it its own way.
_ALREADY_ANSWERED = {
    FriendRequest.Status.ACCEPTED: gettext_lazy("This request was already accepted."),
    FriendRequest.Status.DECLINED: gettext_lazy("This request was already declined."),
}


def _user_brief(user: User) -> dict:
    return {"id": user.pk, "username": user.username, "display_name": user.display_name}


def username_is_held(*, username: str) -> bool:
    """Whether the username (in any case) belonged to an erased account and is still held from new registrations."""
    return UsernameHold.objects.filter(username__iexact=username, until__gt=timezone.now()).exists()


def username_hold(*, username: str, days: int) -> None:
    """Hold an erased account's username from new registrations for `days`; expired holds are forgotten here (no
    task needed: they no longer block anyone, and every erasure sweeps them)."""
    now = timezone.now()
    UsernameHold.objects.filter(until__lte=now).delete()
    UsernameHold.objects.update_or_create(username=username, defaults={"until": now + timedelta(days=days)})
