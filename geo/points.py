"""Spatial primitives: numeric coordinate validation and WGS84 points (x is longitude)."""

import math

from django.contrib.gis.geos import Point

from core.errors import ValidationFailed

WGS84 = 4326


def coordinate_parse(value, *, field: str, low: float, high: float) -> float:
    """Return `value` as a finite float within [low, high], or raise ValidationFailed naming the field."""
    if value is None or value == "":
        raise ValidationFailed(errors={field: ["This field is required."]})
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationFailed(errors={field: ["A number is required."]})
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationFailed(errors={field: ["A number is required."]}) from None
    if not math.isfinite(number):
        raise ValidationFailed(errors={field: ["A finite number is required."]})
    if not low <= number <= high:
        raise ValidationFailed(errors={field: [f"Must be between {low:g} and {high:g}."]})
    return number


def point_from_lat_lng(lat: float, lng: float) -> Point:
    """A WGS84 point from already-validated numbers (GEOS takes x=lng, y=lat)."""
    return Point(float(lng), float(lat), srid=WGS84)


def location_dict(point: Point) -> dict:
    """The API's `{"lat", "lng"}` view of a point."""
    return {"lat": point.y, "lng": point.x}
