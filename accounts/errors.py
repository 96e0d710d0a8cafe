"""The accounts package's errors, each with its stable code and default sentence (api/problems.py maps the kinds)."""

from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed


class UsernameTaken(Conflict):
    code = "username_taken"
    default_detail = _("This username is taken.")


class UserNotFound(NotFound):
    code = "user_not_found"
    default_detail = _("No user has this username.")


class SelfFriendRequest(ValidationFailed):
    code = "self_request"
    default_detail = _("You cannot send a friend request to yourself.")


class AlreadyFriends(Conflict):
    code = "already_friends"
    default_detail = _("You are already friends.")


class FriendRequestExists(Conflict):
    code = "request_exists"
    default_detail = _("A pending friend request between you already exists.")


class FriendRequestNotFound(NotFound):
    code = "friend_request_not_found"
    default_detail = _("No such friend request addressed to you.")


class FriendRequestNotPending(Conflict):
    """The request was already answered; the detail names its status."""

    code = "request_not_pending"


class FriendNotFound(NotFound):
    code = "friend_not_found"
    default_detail = _("This user is not your friend.")


class LocationConsentRequired(PermissionDenied):
    """The user has not consented to the collection of their location, so no GPS fix of theirs may be taken."""

    code = "location_consent_required"
    title = _("Location consent required")
    default_detail = _(
        "You have not agreed to the collection of your location. Agree to it in your privacy settings to check in."
    )


class PasswordIncorrect(PermissionDenied):
    """The password sent to confirm a grave action (erasing the account) is not the account's."""

    code = "password_incorrect"
    default_detail = _("The password is not correct.")


class OwnerMustHandOver(Conflict):
    """An owner's account cannot be erased while it owns a merchant: the shop needs an owner first."""

    code = "owner_must_hand_over"
    default_detail = _("You own a merchant: hand it over to another owner or close it before deleting your account.")
