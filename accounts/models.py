from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least


class User(AbstractUser):
    """A person using the app; merchant staff are users too."""

    display_name = models.CharField(max_length=80, blank=True)
    # The saved language (a code of settings.LANGUAGES); blank: Accept-Language decides.
    language = models.CharField(max_length=10, blank=True, default="", db_default="")

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
