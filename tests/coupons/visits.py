"""Check-ins through the service, for the issuance tests."""

from checkins.services import checkin_create


def visit(user, merchant, at=None):
    """An accepted check-in at the merchant's pin through the service; the coupons it earned the visiting user."""
    return checkin_create(
        user=user, merchant_id=merchant.pk, lat=merchant.location.y, lng=merchant.location.x, accuracy_m=5, now=at
    ).coupons
