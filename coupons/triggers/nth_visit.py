"""Every N-th check-in of a user at the merchant since the campaign started earns a coupon."""

from django.utils.translation import gettext_noop

from coupons.triggers.base import Parameter, Trigger, VisitsSince


class NthVisit(Trigger):
    type = "nth_visit"
    label = gettext_noop("Every N-th visit")
    # visits=1 would be every_checkin under another name; the N-th visit starts making sense at 2.
    parameters = (
        Parameter(
            "visits", 2, 1000, "`nth_visit` only: every N-th visit, N >= 2.", gettext_noop("Every N-th visit: N")
        ),
    )

    def facts(self, trigger, *, starts_at, at, shared):
        return (VisitsSince(starts_at),)

    def members(self, trigger, *, starts_at, visit):
        if self.is_nth(visits_so_far=visit.facts[VisitsSince(starts_at)], every=int(trigger["visits"])):
            return [(visit.user_id, visit.checkin_id)]
        return []

    def visits_to_next(self, trigger, *, visits_counted):
        # The next check-in brings the count to visits_counted + 1; the k-th from now is an N-th one when
        # is_nth(visits_so_far=visits_counted + k) first holds, i.e. k = N - visits_counted % N (1 when the next is).
        every = int(trigger["visits"])
        return every - visits_counted % every

    @staticmethod
    def is_nth(*, visits_so_far: int, every: int) -> bool:
        """Whether the visit that brings the count to `visits_so_far` is an N-th one (the demo replays this rule)."""
        return visits_so_far % every == 0
