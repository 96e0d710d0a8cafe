import zoneinfo

from django.conf import settings
from django.contrib.gis.db import models as gis_models
from django.db import models
from django.db.models import Q


class Category(models.TextChoices):
    CAFE = "cafe"
    BAKERY = "bakery"
    RESTAURANT = "restaurant"
    BAR = "bar"
    GROCERY = "grocery"
    RETAIL = "retail"
    BEAUTY = "beauty"
    FITNESS = "fitness"
    CULTURE = "culture"
    SERVICE = "service"


TIMEZONES = frozenset(zoneinfo.available_timezones())


class Merchant(models.Model):
    """A shop with an exact pin; check-ins are accepted within `checkin_radius_m` of it."""

    name = models.CharField(max_length=120)
    category = models.CharField(max_length=20, choices=Category.choices)
    address = models.CharField(max_length=255)
    # Geography so that distances and radii are metres on the WGS84 spheroid; GiST-indexed for KNN and ST_DWithin.
    location = gis_models.PointField(geography=True, srid=4326, spatial_index=True)
    checkin_radius_m = models.PositiveIntegerField(default=100)
    timezone = models.CharField(max_length=64, default="Asia/Seoul")
    # {"en": {"name": "...", "address": "..."}, "ja": {...}}: reads fall back to the original per field.
    translations = models.JSONField(default=dict, db_default={}, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    staff: models.ManyToManyField = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="MerchantStaff", related_name="merchants"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(checkin_radius_m__gte=10) & Q(checkin_radius_m__lte=5000), name="merchant_radius_range"
            ),
        ]
        indexes = [models.Index(fields=["category"])]

    def __str__(self):
        return self.name


class MerchantStaff(models.Model):
    """A user's role at a merchant: owner, manager or clerk."""

    class Role(models.TextChoices):
        OWNER = "owner"
        MANAGER = "manager"
        CLERK = "clerk"

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="staff_roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="merchant_roles")
    role = models.CharField(max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["merchant", "user"], name="merchant_staff_unique_user")]


# Who may manage a merchant (campaigns, its page); every role may see its campaigns and redeem at the counter.
MANAGING_ROLES = (MerchantStaff.Role.OWNER, MerchantStaff.Role.MANAGER)
STAFF_ROLES = tuple(MerchantStaff.Role)
