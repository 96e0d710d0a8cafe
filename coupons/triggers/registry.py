"""The trigger types by name, and what the rest of the code asks of a campaign's trigger through them."""

from datetime import datetime

from django.utils.translation import gettext as _

from core.errors import ValidationFailed
from coupons.triggers.base import Fact, Parameter, Trigger, Visit
from coupons.triggers.every_checkin import EveryCheckin
from coupons.triggers.first_visit import FirstVisit
from coupons.triggers.nth_visit import NthVisit
from coupons.triggers.with_friends import WithFriends

# A new trigger type is one module beside these and one entry here.
TRIGGERS: dict[str, Trigger] = {
    trigger.type: trigger for trigger in (EveryCheckin(), FirstVisit(), NthVisit(), WithFriends())
}
TRIGGER_TYPES = tuple(TRIGGERS)
# Every parameter of every type, in declaration order: the API's trigger object and the dashboard form offer them all.
TRIGGER_PARAMETERS: tuple[Parameter, ...] = tuple(
    parameter for trigger in TRIGGERS.values() for parameter in trigger.parameters
)


def _whole_number(trigger: dict, parameter: Parameter, errors: dict) -> int | None:
    value = trigger.get(parameter.name)
    key = f"trigger.{parameter.name}"
    if value is None:
        errors[key] = [_("This field is required for this trigger type.")]
    elif isinstance(value, bool) or not isinstance(value, int):
        errors[key] = ["A whole number is required."]
    elif not parameter.low <= value <= parameter.high:
        errors[key] = [_("Must be between %(low)d and %(high)d.") % {"low": parameter.low, "high": parameter.high}]
    else:
        return value
    return None


def trigger_clean(trigger) -> dict:
    """The trigger with only the keys its type uses, or ValidationFailed naming `trigger.<key>`."""
    if not isinstance(trigger, dict):
        raise ValidationFailed(errors={"trigger": [_("An object with a `type` is required.")]})
    kind = trigger.get("type")
    if kind not in TRIGGER_TYPES:  # a tuple: an unhashable `type` is simply not one of them
        raise ValidationFailed(
            errors={"trigger.type": [_("Must be one of: %(choices)s.") % {"choices": ", ".join(TRIGGER_TYPES)}]}
        )
    errors: dict = {}
    cleaned: dict = {"type": kind}
    for parameter in TRIGGERS[kind].parameters:
        cleaned[parameter.name] = _whole_number(trigger, parameter, errors)
    if errors:
        raise ValidationFailed(errors=errors)
    return cleaned


def trigger_kind(trigger: dict) -> Trigger | None:
    """The type that decides this (cleaned) trigger, or None for a type this code does not know."""
    return TRIGGERS.get(str(trigger.get("type")))


def trigger_facts(*, trigger: dict, starts_at: datetime, at: datetime, shared: bool) -> tuple[Fact, ...]:
    """The facts of a visit at `at` that this (cleaned) trigger decides on; unknown types need none."""
    kind = trigger_kind(trigger)
    return () if kind is None else kind.facts(trigger, starts_at=starts_at, at=at, shared=shared)


def trigger_members(*, trigger: dict, starts_at: datetime, visit: Visit) -> list[tuple[int, int]]:
    """Who met the trigger on this visit, as (user id, that user's check-in id); empty when nobody did."""
    kind = trigger_kind(trigger)
    return [] if kind is None else kind.members(trigger, starts_at=starts_at, visit=visit)


def trigger_params(trigger: dict) -> dict:
    """The (cleaned) trigger's parameters without its type, as the app reads them: `{}`, `{"visits": 3}`, ..."""
    kind = trigger_kind(trigger)
    return {} if kind is None else kind.params(trigger)


def trigger_params_sql(column: str) -> str:
    """trigger_params as an SQL expression (a json object) of the jsonb trigger in `column`, for hand-written SQL."""
    cases = "".join(
        f" WHEN '{kind.type}' THEN json_build_object("
        + ", ".join(f"'{parameter.name}', {column}->'{parameter.name}'" for parameter in kind.parameters)
        + ")"
        for kind in TRIGGERS.values()
        if kind.parameters
    )
    return f"(CASE {column}->>'type'{cases} ELSE '{{}}'::json END)"
