"""Sharing with friends: feed deliveries (which are also the reach records for statistics), likes and comments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from checkins.models import Checkin
from merchants.models import Merchant


class FeedDelivery(models.Model):
    """A check-in delivered into one friend's feed by the fan-out, with the time it was delivered (its reach record).

    Rows are kept when people unfriend: the feed filters by the current friendship at read time, and statistics count
    every delivery that happened. Author, merchant and the check-in's time are copied here so the feed page and the
    reach statistics each read one index.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )  # the unique (recipient, checkin) and the feed index lead with it
    checkin = models.ForeignKey(Checkin, on_delete=models.CASCADE, related_name="deliveries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="+", db_index=False)
    checkin_created_at = models.DateTimeField()
    delivered_at = models.DateTimeField(default=timezone.now)
    event_id = models.BigIntegerField(help_text="The outbox event whose fan-out wrote this row.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "checkin"], name="feed_delivery_once_per_recipient"),
        ]
        indexes = [
            models.Index(
                "recipient", models.F("checkin_created_at").desc(), models.F("id").desc(), name="feed_recipient_order"
            ),
            models.Index(fields=["merchant", "delivered_at"], name="feed_delivery_merchant_time"),
        ]


class Like(models.Model):
    """A user likes a check-in; at most once."""

    checkin = models.ForeignKey(Checkin, on_delete=models.CASCADE, related_name="likes", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["checkin", "user"], name="like_once_per_user")]


class Comment(models.Model):
    """A user's comment on a check-in (1..500 characters after trimming)."""

    checkin = models.ForeignKey(Checkin, on_delete=models.CASCADE, related_name="comments", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="comment_text_not_empty"),
        ]
        indexes = [models.Index(fields=["checkin", "created_at", "id"], name="comment_checkin_time")]
