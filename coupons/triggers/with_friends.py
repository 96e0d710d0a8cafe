"""A group unlock: the user and at least N friends checked in here within a window; everyone in the group gets one."""

from datetime import timedelta

from django.utils.translation import gettext_noop

from coupons.triggers.base import FriendsHereSince, Parameter, Trigger


class WithFriends(Trigger):
    type = "with_friends"
    label = gettext_noop("Checking in with friends")
    parameters = (
        Parameter(
            "friends",
            1,
            100,
            "`with_friends` only: at least this many friends checked in here within the window (private check-ins "
            "take no part: they neither count nor unlock a group).",
            gettext_noop("With friends: at least this many"),
        ),
        Parameter(
            "window_minutes",
            1,
            1440,
            "`with_friends` only: the window, 1..1440 minutes.",
            gettext_noop("With friends: within minutes"),
        ),
    )

    def facts(self, trigger, *, starts_at, at, shared):
        # A private check-in takes no part in a group unlock, so its friends are not even looked up.
        return (FriendsHereSince(self._since(trigger, at)),) if shared else ()

    def members(self, trigger, *, starts_at, visit):
        if not visit.shared:
            return []
        friends = visit.facts[FriendsHereSince(self._since(trigger, visit.at))]
        if len(friends) < int(trigger["friends"]):
            return []
        return [(visit.user_id, visit.checkin_id), *sorted(friends)]

    @staticmethod
    def _since(trigger, at):
        return at - timedelta(minutes=int(trigger["window_minutes"]))
