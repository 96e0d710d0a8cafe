from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils import timezone


class Visibility(models.TextChoices):
    """Who sees a check-in: friends, everyone, or only its author (a user's default lives on the user)."""

    FRIENDS = "friends"
    PUBLIC = "public"
    PRIVATE = "private"


class User(AbstractUser):
    """A person using the app; merchant staff are users too."""

    display_name = models.CharField(max_length=80, blank=True)
    # The saved language (a code of settings.LANGUAGES); blank: Accept-Language decides.
    language = models.CharField(max_length=10, blank=True, default="", db_default="")
    # Consent to the collection of personal location information (Korea's Location Information Act); its history is
    # in ConsentChange. Without it no GPS fix of the user is stored anywhere.
    location_consent = models.BooleanField(default=False, db_default=False)
    location_consent_changed_at = models.DateTimeField(null=True, blank=True)
    default_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.FRIENDS, db_default=Visibility.FRIENDS
    )
    # When the user was told, in a check-in answer, who sees their check-ins (told once).
    checkin_notice_shown_at = models.DateTimeField(null=True, blank=True)
    # Set when the account was erased (DELETE /me): the row stays, holding nothing personal, so that counts hold.
    deleted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.username


class FriendRequest(models.Model):
    """A request from one user to become friends with another."""

    class Status(models.TextChoices):
        PENDING = "pending"
        ACCEPTED = "accepted"
        DECLINED = "declined"

    from_user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="friend_requests_sent")
    to_user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="friend_requests_received")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(from_user=F("to_user")), name="friend_request_not_self"),
            # One open request per pair, whichever direction; answered ones stay as history.
            models.UniqueConstraint(
                Least("from_user", "to_user"),
                Greatest("from_user", "to_user"),
                condition=Q(status="pending"),
                name="friend_request_one_pending_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["to_user", "status", "-created_at"])]


class Friendship(models.Model):
    """One direction of a mutual friendship; every friendship is stored as two rows (a->b and b->a)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="friendships")
    friend = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(user=F("friend")), name="friendship_not_self"),
            models.UniqueConstraint(fields=["user", "friend"], name="friendship_unique_pair"),
        ]


class Notification(models.Model):
    """Something a user is told about; `data` carries the type-specific ids and names."""

    class Type(models.TextChoices):
        FRIEND_REQUEST = "friend_request"
        FRIEND_ACCEPTED = "friend_accepted"
        FRIEND_CHECKIN = "friend_checkin"
        COUPON_ISSUED = "coupon_issued"
        LIKE = "like"
        COMMENT = "comment"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    type = models.CharField(max_length=20, choices=Type.choices)
    data = models.JSONField(default=dict)
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Set by producers that may run more than once (tasks), so a retry never notifies twice.
    dedupe_key = models.CharField(max_length=120, null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="notification_dedupe"),
        ]
        indexes = [models.Index(fields=["user", "-id"])]


class ConsentChange(models.Model):
    """One grant or withdrawal of a consent, with the terms version it was given under: the consent's history."""

    class Kind(models.TextChoices):
        LOCATION = "location"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consent_changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    granted = models.BooleanField()
    terms_version = models.CharField(max_length=20)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["user", "changed_at"], name="consent_change_user_time")]


class LocationLogEntry(models.Model):
    """An append-only record of one collection, use or provision of a user's location (what, when, to whom, why).

    Korea's Location Information Act asks for such records, kept at least six months and shown to the user on request.
    `checkin_id` is a plain number: the record outlives the check-in it speaks of.
    """

    class Action(models.TextChoices):
        COLLECTED = "collected"
        USED = "used"
        PROVIDED = "provided"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=10, choices=Action.choices)
    purpose = models.CharField(max_length=40)
    legal_basis = models.CharField(max_length=40)
    # To whom, as a kind and a count (friends' feeds: how many; never who).
    recipient_kind = models.CharField(max_length=20, blank=True, default="")
    recipient_count = models.PositiveIntegerField(null=True, blank=True)
    checkin_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "-id"], name="location_log_user"),
            models.Index(fields=["at"], name="location_log_time"),
        ]


class UsernameHold(models.Model):
    """The username of an erased account, kept from new registrations until `until` (no one takes over a name at once).

    Holds the name only; nothing links it to the erased row."""

    username = models.CharField(max_length=150, unique=True)
    until = models.DateTimeField()
