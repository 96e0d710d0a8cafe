"""Every N-th check-in of a user at the merchant since the campaign started earns a coupon."""

from coupons.triggers.base import Parameter, Trigger, VisitsSince


class NthVisit(Trigger):
    type = "nth_visit"
    label = "Every N-th visit"
    # visits=1 would be every_checkin under another name; the N-th visit starts making sense at 2.
    parameters = (Parameter("visits", 2, 1000, "`nth_visit` only: every N-th visit, N >= 2.", "Every N-th visit: N"),)

    def facts(self, trigger, *, starts_at, at, shared):
        return (VisitsSince(starts_at),)

    def members(self, trigger, *, starts_at, visit):
        if self.is_nth(visits_so_far=visit.facts[VisitsSince(starts_at)], every=int(trigger["visits"])):
            return [(visit.user_id, visit.checkin_id)]
        return []

    @staticmethod
    def is_nth(*, visits_so_far: int, every: int) -> bool:
        """Whether the visit that brings the count to `visits_so_far` is an N-th one (the demo replays this rule)."""
        return visits_so_far % every == 0
