"""The user's first check-in at the merchant ever earns a coupon."""

from django.utils.translation import gettext_noop

from coupons.triggers.base import EVER, Trigger


class FirstVisit(Trigger):
    type = "first_visit"
    label = gettext_noop("First visit only")

    def members(self, trigger, *, starts_at, visit):
        return [(visit.user_id, visit.checkin_id)] if visit.first_visit else []

    def counted_since(self, trigger, *, starts_at):
        return EVER  # a visit before the campaign started makes the next one no first visit

    def ruled_out(self, trigger, *, starts_at, visit):
        return None if visit.first_visit else "already_visited"
