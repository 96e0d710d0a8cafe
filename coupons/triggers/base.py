"""What every trigger type declares: its parameters and bounds, the facts of a visit it needs, and its decision."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, ClassVar


@dataclass(frozen=True)
class Parameter:
    """A whole-number parameter of a trigger, with its inclusive bounds and the texts the API and the dashboard show."""

    name: str
    low: int
    high: int
    help_text: str  # the API schema's description
    form_help: str  # the dashboard field's help text


@dataclass(frozen=True)
class VisitsSince:
    """Fact: how many check-ins the visiting user made at this merchant at or after `since`, this one included."""

    since: datetime


@dataclass(frozen=True)
class FriendsHereSince:
    """Fact: (friend id, that friend's latest shared check-in id here) for each friend who checked in here after
    `since` and no later than the visit; private check-ins never count."""

    since: datetime


Fact = VisitsSince | FriendsHereSince

# The start of all time: VisitsSince(EVER) is every visit of the user at the merchant (the first-visit rule's count).
EVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Visit:
    """An accepted check-in as the coupon rules see it, with the facts its campaigns' triggers asked for.

    The check-in layer (above coupons) reads the facts before it asks for coupons, so that the coupon rules never
    call back up into it.
    """

    checkin_id: int
    user_id: int
    merchant_id: int
    merchant_name: str
    at: datetime
    first_visit: bool
    # False for a private check-in: it reveals nothing to anyone but its owner, so it takes no part in a group unlock
    # (friends' coupons and notifications would tell them where the user is).
    shared: bool = True
    facts: Mapping[Fact, Any] = field(default_factory=lambda: MappingProxyType({}))


class Trigger:
    """One trigger type: subclasses set `type`, `label` and `parameters` and override `facts` and `members`."""

    type: ClassVar[str]
    label: ClassVar[str]  # what the dashboard calls it
    parameters: ClassVar[tuple[Parameter, ...]] = ()

    def facts(self, trigger: dict, *, starts_at: datetime, at: datetime, shared: bool) -> tuple[Fact, ...]:
        """The facts of a visit at `at` that `members` will read, for a campaign that started at `starts_at`."""
        return ()

    def members(self, trigger: dict, *, starts_at: datetime, visit: Visit) -> list[tuple[int, int]]:
        """Who met the trigger on this visit, as (user id, that user's check-in id); empty when nobody did."""
        raise NotImplementedError

    # What the app is told about a user's progress (checkins.progress asks these; the decision stays `members`).

    def params(self, trigger: dict) -> dict:
        """The (cleaned) trigger's parameters without its type: `{}`, `{"visits": 3}`, ..."""
        return {parameter.name: trigger.get(parameter.name) for parameter in self.parameters}

    def counted_since(self, trigger: dict, *, starts_at: datetime) -> datetime:
        """Since when the user's visits count toward this trigger, as the app shows them: visits during the campaign."""
        return starts_at

    def visits_to_next(self, trigger: dict, *, visits_counted: int) -> int | None:
        """How many more check-ins until the trigger is met, where a count of visits decides it; None otherwise."""
        return None

    def ruled_out(self, trigger: dict, *, starts_at: datetime, visit: Visit) -> str | None:
        """Why neither this visit nor any later one of the user can meet the trigger (a `my_progress.reason` code),
        or None while one still may."""
        return None
