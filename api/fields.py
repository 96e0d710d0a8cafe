"""Serializer fields shared by the API: strict numeric coordinates and metres; messages that never echo input."""

import math

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, relations, serializers


class StrictFloatField(serializers.FloatField):
    """A finite JSON number: strings, booleans, NaN and infinities are refused (FloatField would coerce "1.5")."""

    default_error_messages = {
        "invalid": _("A number is required."),
        "not_finite": _("A finite number is required."),
    }

    def __init__(self, *, from_query: bool = False, **kwargs):
        self.from_query = from_query
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or (isinstance(data, str) and not self.from_query):
            self.fail("invalid")
        if isinstance(data, str) and data.strip().lower() in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}:
            self.fail("not_finite")
        value = super().to_internal_value(data)
        if not math.isfinite(value):
            self.fail("not_finite")
        return value


def latitude_field(**kwargs) -> StrictFloatField:
    """A WGS84 latitude, -90..90."""
    return StrictFloatField(min_value=-90, max_value=90, help_text="WGS84 latitude in degrees.", **kwargs)


def longitude_field(**kwargs) -> StrictFloatField:
    """A WGS84 longitude, -180..180."""
    return StrictFloatField(min_value=-180, max_value=180, help_text="WGS84 longitude in degrees.", **kwargs)


class LocationSerializer(serializers.Serializer):
    lat = serializers.FloatField()
    lng = serializers.FloatField()


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: strings, booleans and fractional numbers are refused."""

    def to_internal_value(self, data):
        if isinstance(data, bool | str) or (isinstance(data, float) and not data.is_integer()):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharMixin:
    """Refuses JSON numbers and booleans where a string is expected (with the field's own `invalid` message).

    DRF turns `{"display_name": 0}` into "0"; our contract says a string field takes a string, so a client bug shows
    up as a 400 naming the field instead of silently stored data. Query parameters are strings anyway.
    """

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(StrictCharMixin, serializers.CharField):
    """A CharField that takes a JSON string only: every text field of the API's serializers is one of these."""


class StrictRegexField(StrictCharMixin, serializers.RegexField):
    """A RegexField that takes a JSON string only."""


class StrictEmailField(StrictCharMixin, serializers.EmailField):
    """An EmailField that takes a JSON string only."""


# An enum of the ~600 names would be long, change with the server's tz database, and break generated clients (some
# names collide once made identifiers: Etc/GMT+0, Etc/GMT-0, Etc/GMT0): the schema states the format, with an example,
# and the server checks the name.
TIME_ZONE_SCHEMA = {"type": "string", "format": "iana-time-zone", "example": "Asia/Seoul"}


class UniqueListField(serializers.ListField):
    """A list whose items may each appear once: the service refuses repeats, the schema says `uniqueItems`
    (api.schema.UniqueListFieldSchema)."""


# A new password: Django's validators (settings.AUTH_PASSWORD_VALIDATORS) check it; of their rules, "not entirely
# numeric" is the one a pattern states (the others, too common or too like the user's names, only words can).
@extend_schema_field({"type": "string", "format": "password", "pattern": "[^0-9]"})
class NewPasswordField(StrictCharField):
    """A password being set (JSON string, kept as sent: no trimming, never rendered)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("write_only", True)
        super().__init__(**kwargs)


@extend_schema_field(TIME_ZONE_SCHEMA)
class TimeZoneField(serializers.ChoiceField):
    """An IANA time zone name, one of `choices` (documented as a string: TIME_ZONE_SCHEMA)."""


# DRF messages that quote what the client sent, which may be anything (a megabyte, control characters): a message
# names what was wrong, never the input. Keyed by the class whose default_error_messages (or default_detail) holds it.
_ECHO_FREE_MESSAGES = {
    serializers.ChoiceField: {"invalid_choice": _("Not one of the allowed values.")},
    serializers.MultipleChoiceField: {"invalid_choice": _("Not one of the allowed values.")},
    serializers.FilePathField: {"invalid_choice": _("Not one of the allowed values.")},
    relations.PrimaryKeyRelatedField: {"does_not_exist": _("No object has this id.")},
    relations.SlugRelatedField: {"does_not_exist": _("No object has this value.")},
}


def echo_free_messages_install() -> None:
    """Replace, project-wide, DRF's error messages that quote the client's input (a choice, a pk, a slug, the
    Content-Type, the method) with ones that do not. Class-wide, so that no field or view can forget it."""
    for field_class, messages in _ECHO_FREE_MESSAGES.items():
        field_class.default_error_messages = {**field_class.default_error_messages, **messages}
    # Formatted with the header or method by DRF; these sentences have no placeholder, so nothing is quoted.
    exceptions.UnsupportedMediaType.default_detail = _("Send the request body as application/json.")
    exceptions.MethodNotAllowed.default_detail = _("This method is not allowed on this path.")
