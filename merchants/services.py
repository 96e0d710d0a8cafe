from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.errors import UserNotFound
from accounts.models import User
from core.errors import ValidationFailed
from core.translations import TranslatedTexts
from geo.points import point_from_lat_lng
from merchants.errors import AlreadyStaff, OwnerRequired, StaffNotFound
from merchants.models import MANAGING_ROLES, TIMEZONES, Merchant, MerchantStaff
from merchants.selectors import staff_role_require

UPDATABLE_FIELDS = ("name", "category", "address", "checkin_radius_m", "timezone", "translations")
# The texts of a merchant that may be translated (the rule for all translations: core/translations.py).
MERCHANT_TEXTS = TranslatedTexts.of(Merchant, "name", "address")


def _timezone_check(value: str) -> None:
    if value not in TIMEZONES:
        raise ValidationFailed(
            errors={"timezone": [_("Unknown time zone %(zone)s; use an IANA name.") % {"zone": repr(value)}]}
        )


@transaction.atomic
def merchant_create(
    *,
    owner: User,
    name: str,
    category: str,
    address: str,
    lat: float,
    lng: float,
    checkin_radius_m: int = 100,
    timezone: str = "Asia/Seoul",
    translations: dict | None = None,
) -> Merchant:
    """Register a merchant; the caller becomes its owner. `translations` of its name and address are optional."""
    _timezone_check(timezone)
    merchant = Merchant.objects.create(
        name=name,
        category=category,
        address=address,
        location=point_from_lat_lng(lat, lng),
        checkin_radius_m=checkin_radius_m,
        timezone=timezone,
        translations=MERCHANT_TEXTS.clean({} if translations is None else translations),
    )
    MerchantStaff.objects.create(merchant=merchant, user=owner, role=MerchantStaff.Role.OWNER)
    return merchant


@transaction.atomic
def merchant_update(*, merchant: Merchant, actor: User, data: dict) -> Merchant:
    """Change a merchant's public fields and pin; owners and managers only. `translations` replaces the whole object."""
    staff_role_require(merchant_id=merchant.pk, user_id=actor.pk, roles=MANAGING_ROLES)
    if "timezone" in data:
        _timezone_check(data["timezone"])
    if "translations" in data:
        data = {**data, "translations": MERCHANT_TEXTS.clean(data["translations"])}
    changed = []
    for field in UPDATABLE_FIELDS:
        if field in data:
            setattr(merchant, field, data[field])
            changed.append(field)
    if "lat" in data or "lng" in data:
        lat = data.get("lat", merchant.location.y)
        lng = data.get("lng", merchant.location.x)
        merchant.location = point_from_lat_lng(lat, lng)
        changed.append("location")
    if changed:
        merchant.save(update_fields=changed)
    return merchant


@transaction.atomic
def merchant_staff_add(*, merchant: Merchant, actor: User, username: str, role: str) -> MerchantStaff:
    """Give a user a manager or clerk role at the merchant; owners only."""
    staff_role_require(merchant_id=merchant.pk, user_id=actor.pk, roles=(MerchantStaff.Role.OWNER,))
    if role not in (MerchantStaff.Role.MANAGER, MerchantStaff.Role.CLERK):
        raise ValidationFailed(errors={"role": [_("Must be manager or clerk.")]})
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise UserNotFound()
    try:
        with transaction.atomic():
            return MerchantStaff.objects.create(merchant=merchant, user=user, role=role)
    except IntegrityError:
        raise AlreadyStaff() from None


@transaction.atomic
def merchant_staff_remove(*, merchant_id: int, user_id: int, actor: User) -> None:
    """Take a manager's or clerk's role at the merchant away; owners only. The owner's role stays (OwnerRequired)."""
    staff_role_require(merchant_id=merchant_id, user_id=actor.pk, roles=(MerchantStaff.Role.OWNER,))
    staff = MerchantStaff.objects.select_for_update().filter(merchant_id=merchant_id, user_id=user_id).first()
    if staff is None:
        raise StaffNotFound()
    if staff.role == MerchantStaff.Role.OWNER:
        raise OwnerRequired()
    staff.delete()
