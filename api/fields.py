"""Serializer fields shared by the API: strict numeric coordinates and metres."""

import math

from rest_framework import serializers


class StrictFloatField(serializers.FloatField):
    """A finite JSON number: strings, booleans, NaN and infinities are refused (FloatField would coerce "1.5")."""

    default_error_messages = {
        "invalid": "A number is required.",
        "not_finite": "A finite number is required.",
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
    return StrictFloatField(min_value=-90, max_value=90, help_text="WGS84 latitude in degrees.", **kwargs)


def longitude_field(**kwargs) -> StrictFloatField:
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


def strict_char_field_install() -> None:
    """Make every DRF CharField (and its subclasses: regex, email, slug...) refuse JSON numbers and booleans.

    DRF turns `{"display_name": 0}` into "0"; our contract says a string field takes a string, so a client bug shows
    up as a 400 naming the field instead of silently stored data. Query parameters are strings anyway.
    """
    if getattr(serializers.CharField, "_strict", False):
        return
    lenient = serializers.CharField.to_internal_value

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return lenient(self, data)

    serializers.CharField.to_internal_value = to_internal_value
    serializers.CharField._strict = True
