"""The stats package's errors, each with its stable code and default sentence (api/problems.py maps the kinds).

Campaigns and merchants that are not found (or not the caller's to see) are coupons' CampaignNotFound and merchants'
MerchantNotFound: the codes are theirs.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import PermissionDenied, ValidationFailed


class StatsAccessRefused(PermissionDenied):
    code = "permission_denied"
    default_detail = _("Only the merchant's staff may see its statistics.")


class BucketInvalid(ValidationFailed):
    """`bucket` is not hour, day or week."""

    def __init__(self):
        super().__init__(errors={"bucket": [gettext("Must be hour, day or week.")]})


class SeriesTooLong(ValidationFailed):
    """More hourly buckets than one answer carries."""

    def __init__(self, *, most: int):
        message = gettext("At most %(most)d hourly buckets: use day, or a shorter range.") % {"most": most}
        super().__init__(errors={"bucket": [message]})


class RangeReversed(ValidationFailed):
    """`to` is not after `from`."""

    def __init__(self):
        super().__init__(errors={"to": [gettext("Must be after `from`.")]})
