"""factory_boy factories; exposed as fixtures in conftest.py."""

import secrets
from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import Friendship, User
from checkins.models import Checkin
from coupons.codes import coupon_code_new
from coupons.models import Campaign, Coupon
from geo.points import point_from_lat_lng
from merchants.models import Merchant, MerchantStaff
from webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookMessage

CHEOLSAN = (37.4762, 126.8680)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.LazyAttribute(lambda o: o.username.title())
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password("test-pass-123")
    # Most tests check in: their users have consented to location collection (tests of its absence say so).
    location_consent = True


class MerchantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Merchant

    name = factory.Sequence(lambda n: f"Shop {n}")
    category = "cafe"
    address = "경기도 광명시 철산로 1"
    location = factory.LazyFunction(lambda: point_from_lat_lng(*CHEOLSAN))
    checkin_radius_m = 100
    timezone = "Asia/Seoul"


class MerchantStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MerchantStaff

    merchant = factory.SubFactory(MerchantFactory)
    user = factory.SubFactory(UserFactory)
    role = MerchantStaff.Role.OWNER


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    merchant = factory.SubFactory(MerchantFactory)
    title = factory.Sequence(lambda n: f"Campaign {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=30))
    trigger = factory.LazyFunction(lambda: {"type": "every_checkin"})
    total_stock = None
    per_user_limit = 1


def friendship_make(a: User, b: User) -> None:
    """Make two users friends (both directions)."""
    Friendship.objects.bulk_create([Friendship(user=a, friend=b), Friendship(user=b, friend=a)], ignore_conflicts=True)


class CheckinFactory(factory.django.DjangoModelFactory):
    """An accepted check-in at the merchant's pin (bypasses the anti-cheat rules: for history and fixtures)."""

    class Meta:
        model = Checkin

    user = factory.SubFactory(UserFactory)
    merchant = factory.SubFactory(MerchantFactory)
    location = factory.LazyAttribute(lambda o: o.merchant.location)
    accuracy_m = 10.0
    distance_m = 0.0
    created_at = factory.LazyFunction(timezone.now)


class CouponFactory(factory.django.DjangoModelFactory):
    """An issued coupon (without going through a trigger)."""

    class Meta:
        model = Coupon

    campaign = factory.SubFactory(CampaignFactory)
    merchant = factory.LazyAttribute(lambda o: o.campaign.merchant)
    user = factory.SubFactory(UserFactory)
    code = factory.LazyFunction(coupon_code_new)
    issued_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.issued_at + timezone.timedelta(days=7))


WEBHOOK_URL = "http://127.0.0.1:9/hooks/pos"


def webhook_endpoint_make(merchant, **fields) -> WebhookEndpoint:
    """An endpoint as the API stores it (registration's checks bypassed)."""
    values = {"url": WEBHOOK_URL, "events": ["checkin.created", "coupon.redeemed"], "secret": "whsec_" + "A" * 43}
    return WebhookEndpoint.objects.create(merchant=merchant, **{**values, **fields})


def webhook_delivery_make(endpoint, *, event_type="coupon.redeemed", status="succeeded", **fields) -> WebhookDelivery:
    """A delivery of a fresh message to the endpoint (pending ones due in five minutes unless told)."""
    message = WebhookMessage.objects.create(
        merchant=endpoint.merchant,
        event_type=event_type,
        message_id="msg_" + secrets.token_hex(16),
        payload={"type": event_type, "timestamp": timezone.now().isoformat(), "data": {}},
    )
    if status == "pending":
        fields.setdefault("next_attempt_at", timezone.now() + timedelta(minutes=5))
    return WebhookDelivery.objects.create(endpoint=endpoint, message=message, status=status, **fields)
