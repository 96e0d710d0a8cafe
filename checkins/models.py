from django.conf import settings
from django.contrib.gis.db import models as gis_models
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.models import Visibility
from merchants.models import Merchant

__all__ = ["Checkin", "CheckinRefusal", "Visibility"]


class Checkin(models.Model):
    """An accepted check-in: the user was at the merchant (by the anti-cheat rules) at `created_at`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins")
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="checkins")
    # The reported GPS fix; never shown to other users (feeds show the merchant, not the coordinates). No spatial
    # index: nothing searches check-ins by place, and the insert path is hot. Erased (NULL) after
    # LOCATION_RAW_RETENTION_DAYS or when the user withdraws consent; the merchant, time and distance stay.
    location = gis_models.PointField(geography=True, srid=4326, spatial_index=False, null=True, blank=True)
    accuracy_m = models.FloatField(null=True, blank=True)
    distance_m = models.FloatField(help_text="Spheroid distance from the fix to the merchant's pin, in metres.")
    message = models.CharField(max_length=500, blank=True, default="")
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.FRIENDS)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(accuracy_m__gte=0), name="checkin_accuracy_non_negative"),
            models.CheckConstraint(
                condition=Q(visibility__in=["friends", "public", "private"]), name="checkin_visibility_known"
            ),
        ]
        indexes = [
            # cooldown and visit counting (user at a merchant), the merchant's timeline (stats, group unlock),
            # the user's own history (wallet of check-ins, travel-speed rule)
            models.Index(fields=["user", "merchant", "created_at"], name="checkin_user_merchant_time"),
            models.Index(fields=["merchant", "created_at"], name="checkin_merchant_time"),
            models.Index(fields=["user", "created_at"], name="checkin_user_time"),
            # the retention purge: check-ins that still hold a raw fix, oldest first
            models.Index(fields=["created_at"], condition=Q(location__isnull=False), name="checkin_raw_fix_time"),
        ]

    def __str__(self):
        return f"checkin {self.pk} by {self.user_id} at {self.merchant_id}"


class CheckinRefusal(models.Model):
    """A refused check-in attempt (anti-cheat), kept for fraud review; never shown to other users."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="+")
    # Erased like a check-in's fix (see Checkin.location).
    location = gis_models.PointField(geography=True, srid=4326, spatial_index=False, null=True, blank=True)
    accuracy_m = models.FloatField(null=True, blank=True)
    distance_m = models.FloatField(null=True, blank=True)
    reason = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["user", "created_at"], name="checkin_refusal_user_time"),
            models.Index(fields=["merchant", "created_at"], name="checkin_refusal_merch_time"),
            models.Index(fields=["created_at"], condition=Q(location__isnull=False), name="checkin_refusal_raw_fix"),
        ]
