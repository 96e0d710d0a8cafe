"""Reads about merchants and who works for them; every staff check goes through staff_role_require."""

from django.db.models import Case, F, IntegerField, QuerySet, Value, When

from core.errors import DomainError
from merchants.errors import MerchantNotFound, StaffRoleRefused
from merchants.models import MANAGING_ROLES, STAFF_ROLES, Merchant, MerchantStaff


def merchant_get(*, merchant_id: int) -> Merchant:
    """One merchant by id, or MerchantNotFound."""
    merchant = Merchant.objects.filter(pk=merchant_id).first()
    if merchant is None:
        raise MerchantNotFound()
    return merchant


def staff_role_get(*, merchant_id: int, user_id: int | None) -> str | None:
    """The user's role at the merchant, or None (also for an anonymous caller)."""
    if not user_id:
        return None
    return MerchantStaff.objects.filter(merchant_id=merchant_id, user_id=user_id).values_list("role", flat=True).first()


def staff_role_manages(role: str | None) -> bool:
    """Whether a role may manage the merchant (campaigns, its page, its staff): owners and managers."""
    return role in MANAGING_ROLES


def staff_role_require(
    *,
    merchant_id: int,
    user_id: int | None,
    roles=STAFF_ROLES,
    outsider: DomainError | None = None,
    refused: DomainError | None = None,
) -> str:
    """The user's role at the merchant if it is one of `roles`.

    Otherwise raises `outsider` for someone with no role there (when given: callers that must not reveal what exists
    pass a NotFound), else `refused` (StaffRoleRefused by default).
    """
    role = staff_role_get(merchant_id=merchant_id, user_id=user_id)
    if role is None and outsider is not None:
        raise outsider
    if role is None or role not in roles:
        raise refused or StaffRoleRefused()
    return role


def merchant_list_for_staff(*, user_id: int) -> QuerySet[Merchant]:
    """The merchants a user works for, each annotated with the user's `role`."""
    return (
        Merchant.objects.filter(staff_roles__user_id=user_id)
        .annotate(role=F("staff_roles__role"))
        .order_by("name", "id")
    )


def merchant_staff_list(*, merchant_id: int, actor) -> list[dict]:
    """Who works for the merchant, the owner first, then managers and clerks by username; owners and managers only.
    Rows: {user: {id, username, display_name}, role}."""
    staff_role_require(merchant_id=merchant_id, user_id=actor.pk, roles=MANAGING_ROLES)
    rank = Case(*(When(role=role, then=Value(i)) for i, role in enumerate(STAFF_ROLES)), output_field=IntegerField())
    rows = (
        MerchantStaff.objects.filter(merchant_id=merchant_id)
        .order_by(rank, "user__username")
        .values("role", "user_id", username=F("user__username"), display_name=F("user__display_name"))
    )
    return [
        {"user": {"id": r["user_id"], "username": r["username"], "display_name": r["display_name"]}, "role": r["role"]}
        for r in rows
    ]
