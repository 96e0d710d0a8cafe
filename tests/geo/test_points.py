from geo.points import WGS84, location_dict, point_from_lat_lng


def test_points_put_longitude_on_x():
    point = point_from_lat_lng(37.4762, 126.8680)
    assert (point.x, point.y, point.srid) == (126.868, 37.4762, WGS84)
    assert location_dict(point) == {"lat": 37.4762, "lng": 126.868}
