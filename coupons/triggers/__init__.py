"""Campaign triggers as declarations: one module per type (its parameters, bounds, facts and decision), a registry.

The API's trigger object, the dashboard form, the demo and the issuance engine all read the registry.
"""

from coupons.triggers.base import EVER, Fact, FriendsHereSince, Parameter, Trigger, Visit, VisitsSince
from coupons.triggers.registry import (
    TRIGGER_PARAMETERS,
    TRIGGER_TYPES,
    TRIGGERS,
    trigger_clean,
    trigger_facts,
    trigger_kind,
    trigger_members,
    trigger_params,
    trigger_params_sql,
)

__all__ = [
    "EVER",
    "TRIGGERS",
    "TRIGGER_PARAMETERS",
    "TRIGGER_TYPES",
    "Fact",
    "FriendsHereSince",
    "Parameter",
    "Trigger",
    "Visit",
    "VisitsSince",
    "trigger_clean",
    "trigger_facts",
    "trigger_kind",
    "trigger_members",
    "trigger_params",
    "trigger_params_sql",
]
