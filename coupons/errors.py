"""The coupons package's errors, each with its stable code and default sentence (api/problems.py maps the kinds)."""

from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, Gone, NotFound, PermissionDenied


class CampaignNotFound(NotFound):
    """No such campaign, or the caller is not staff of its merchant (outsiders are not told that it exists)."""

    code = "campaign_not_found"
    default_detail = _("No campaign has this id.")


class CampaignChangeRefused(PermissionDenied):
    code = "permission_denied"
    default_detail = _("Only the owner or a manager may change a campaign.")


class CampaignListRefused(PermissionDenied):
    code = "permission_denied"
    default_detail = _("Only the merchant's staff may see its campaigns.")


class CampaignEnded(Conflict):
    code = "campaign_ended"
    default_detail = _("This campaign has ended; start a new one.")


class CouponNotFound(NotFound):
    code = "coupon_not_found"
    default_detail = _("No coupon of this merchant has this code.")


class WalletCouponNotFound(NotFound):
    """No coupon of the caller's wallet has this id (another user's coupon is not revealed either)."""

    code = "coupon_not_found"
    default_detail = _("You have no coupon with this id.")


class CouponAlreadyRedeemed(Conflict):
    """Carries `redeemed_at` and `redeemed_by` (the redeeming staff's display name, null when unknown)."""

    code = "coupon_already_redeemed"
    default_detail = _("This coupon was already redeemed.")


class CouponExpired(Gone):
    """Carries `expires_at`."""

    code = "coupon_expired"
    default_detail = _("This coupon has expired.")


class RedemptionNotFound(NotFound):
    """No redemption of this merchant has this id (another merchant's is not revealed either)."""

    code = "redemption_not_found"
    default_detail = _("No redemption of this merchant has this id.")


class VoidWindowPassed(Conflict):
    """Carries `redeemed_at` and `void_minutes`."""

    code = "void_window_passed"
    default_detail = _("This redemption can no longer be voided: the time to void it has passed.")
