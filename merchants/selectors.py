from django.db.models import F, QuerySet

from core.errors import NotFound
from merchants.models import Merchant, MerchantStaff


def merchant_get(*, merchant_id: int) -> Merchant:
    """One merchant by id, or NotFound."""
    merchant = Merchant.objects.filter(pk=merchant_id).first()
    if merchant is None:
        raise NotFound("No merchant has this id.", code="merchant_not_found")
    return merchant


def staff_role_get(*, merchant_id: int, user_id: int | None) -> str | None:
    """The user's role at the merchant, or None."""
    if not user_id:
        return None
    return MerchantStaff.objects.filter(merchant_id=merchant_id, user_id=user_id).values_list("role", flat=True).first()


def merchant_list_for_staff(*, user_id: int) -> QuerySet[Merchant]:
    """The merchants a user works for, each annotated with the user's `role`."""
    return (
        Merchant.objects.filter(staff_roles__user_id=user_id)
        .annotate(role=F("staff_roles__role"))
        .order_by("name", "id")
    )
