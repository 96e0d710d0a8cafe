"""The user's first check-in at the merchant ever earns a coupon."""

from coupons.triggers.base import Trigger


class FirstVisit(Trigger):
    type = "first_visit"
    label = "First visit only"

    def members(self, trigger, *, starts_at, visit):
        return [(visit.user_id, visit.checkin_id)] if visit.first_visit else []
