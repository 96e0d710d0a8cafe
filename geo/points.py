"""Spatial primitives: WGS84 points from validated numbers (x is longitude) and their API view."""

from django.contrib.gis.geos import Point

WGS84 = 4326


def point_from_lat_lng(lat: float, lng: float) -> Point:
    """A WGS84 point from already-validated numbers (GEOS takes x=lng, y=lat)."""
    return Point(float(lng), float(lat), srid=WGS84)


def location_dict(point: Point) -> dict:
    """The API's `{"lat", "lng"}` view of a point."""
    return {"lat": point.y, "lng": point.x}
