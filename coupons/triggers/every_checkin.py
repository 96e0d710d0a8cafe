"""Every accepted check-in earns a coupon (within the campaign's limits)."""

from django.utils.translation import gettext_noop

from coupons.triggers.base import Trigger


class EveryCheckin(Trigger):
    type = "every_checkin"
    label = gettext_noop("Every check-in")

    def members(self, trigger, *, starts_at, visit):
        return [(visit.user_id, visit.checkin_id)]
