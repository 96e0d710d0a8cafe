import pytest
from django.db import connection, transaction

from geo.points import point_from_lat_lng
from geo.sql import POINT_SQL, knn_candidates, knn_fetchall, point_sql
from merchants.models import Merchant
from tests.factories import MerchantFactory

ORIGIN = (37.4786, 126.8646)


def test_point_sql_takes_longitude_first_positional_or_named():
    assert POINT_SQL == "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"
    assert point_sql(lng="lng", lat="lat") == "ST_SetSRID(ST_MakePoint(%(lng)s, %(lat)s), 4326)::geography"


@pytest.mark.django_db
def test_point_sql_is_the_point_geodjango_stores():
    merchant = MerchantFactory(location=point_from_lat_lng(*ORIGIN))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ST_Distance(location, {point_sql(lng='lng', lat='lat')}) FROM merchants_merchant"
            " WHERE id = %(id)s",
            {"id": merchant.id, "lat": ORIGIN[0], "lng": ORIGIN[1]},
        )
        (named,) = cursor.fetchone()
        cursor.execute(
            f"SELECT ST_Distance(location, {POINT_SQL}) FROM merchants_merchant WHERE id = %s",
            [ORIGIN[1], ORIGIN[0], merchant.id],
        )
        (positional,) = cursor.fetchone()
    assert named == positional == 0


@pytest.mark.parametrize(("rows", "candidates"), [(1, 21), (21, 41), (50, 71), (101, 123), (5021, 5141)])
def test_knn_candidates_add_twenty_and_one_per_fifty_rows(rows, candidates):
    assert knn_candidates(rows=rows) == candidates


_KNN_SQL = f"""
SELECT id FROM merchants_merchant WHERE location && _ST_Expand({point_sql(lng="lng", lat="lat")}, 1000)
ORDER BY location <-> {point_sql(lng="lng", lat="lat")} LIMIT 10
"""


@pytest.mark.django_db
def test_knn_fetchall_answers_where_postgis_knn_misorders_and_keeps_the_transaction():
    """PostGIS 3.3 aborts the geography KNN scan for points a hair apart around (0, 0); the fallback answers."""
    merchants = [MerchantFactory(location=point_from_lat_lng(*p)) for p in [(0, 0), (1e-25, 0), (-1e-7, 0)]]
    with transaction.atomic():
        rows = knn_fetchall(sql=_KNN_SQL, params={"lat": 1e-25, "lng": 0})
        assert Merchant.objects.count() == 3  # the caller's transaction is still usable
    assert sorted(row[0] for row in rows) == sorted(m.id for m in merchants)
