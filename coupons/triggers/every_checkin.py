"""Every accepted check-in earns a coupon (within the campaign's limits)."""

from coupons.triggers.base import Trigger


class EveryCheckin(Trigger):
    type = "every_checkin"
    label = "Every check-in"

    def members(self, trigger, *, starts_at, visit):
        return [(visit.user_id, visit.checkin_id)]
