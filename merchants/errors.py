"""The merchants package's errors, each with its stable code and default sentence (api/problems.py maps the kinds)."""

from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, NotFound, PermissionDenied


class MerchantNotFound(NotFound):
    code = "merchant_not_found"
    default_detail = _("No merchant has this id.")


class StaffRoleRefused(PermissionDenied):
    """The caller's role at the merchant (or having none) does not allow the action."""

    code = "permission_denied"
    default_detail = _("Your role at this merchant does not allow this.")


class AlreadyStaff(Conflict):
    code = "already_staff"
    default_detail = _("This user already works for this merchant.")


class StaffNotFound(NotFound):
    code = "staff_not_found"
    default_detail = _("This user does not work for this merchant.")


class OwnerRequired(Conflict):
    """A merchant always has its owner: the owner's role cannot be removed."""

    code = "owner_required"
    default_detail = _("The owner cannot be removed; a merchant always has its owner.")
