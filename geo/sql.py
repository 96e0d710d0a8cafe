"""Spatial SQL shared by the raw queries: the WGS84 point constructor, the KNN candidate slack, the no-KNN fallback."""

from contextlib import nullcontext

from django.db import InternalError, connection, transaction

from core.db import prepared_cursor
from geo.points import WGS84


def point_sql(*, lng: str = "%s", lat: str = "%s") -> str:
    """A geography point from two bind parameters (longitude first): positional by default, or named ones."""
    lng_param = lng if lng == "%s" else f"%({lng})s"
    lat_param = lat if lat == "%s" else f"%({lat})s"
    return f"ST_SetSRID(ST_MakePoint({lng_param}, {lat_param}), {WGS84})::geography"


# The positional form, for INSERT ... VALUES (..., %s, %s, ...) with the longitude before the latitude.
POINT_SQL = point_sql()

# Sphere and spheroid distances differ by a ratio that varies with direction within 0.7%, so they can swap only rows
# in the thin ring where they disagree: about 1.4% of the rows up to a page's end. 2% of them plus 20 cover that
# (bench/nearby.py checks first and deep pages against thousands of candidates); each extra candidate costs an index
# and a heap fetch and two spheroid distances: 2 * limit + 20 spent a sixth more of the query's CPU.
_CANDIDATE_SLACK = 20
_CANDIDATE_SLACK_SHARE = 50  # one extra candidate per 50 rows up to the page's end


def knn_candidates(*, rows: int) -> int:
    """How many rows a KNN scan must yield for its first `rows` by spheroid distance to be the true nearest ones.

    `ORDER BY location <-> point` on geography orders by the sphere distance; the caller re-orders the candidates by
    ST_Distance (the spheroid) and keeps `rows` of them.
    """
    return rows + _CANDIDATE_SLACK + rows // _CANDIDATE_SLACK_SHARE


_KNN_MISORDER = "index returned tuples in wrong order"


def knn_fetchall(*, sql: str, params: dict) -> list[tuple]:
    """All rows of a prepared KNN query; when PostGIS aborts its KNN scan, the rows of the same query without it.

    PostGIS 3.3's geography KNN can report a lower bound a rounding error above the distance it rechecks, for points
    a hair apart near (0, 0) or the antimeridian, and PostgreSQL then aborts the scan. Such places hold no shops in
    practice; this keeps a crafted or odd point from turning a search into a 500.
    """
    try:
        # Inside a caller's transaction a failed statement would abort it: isolate the attempt in a savepoint there.
        with transaction.atomic() if connection.in_atomic_block else nullcontext(), prepared_cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    except InternalError as exc:
        if _KNN_MISORDER not in str(exc):
            raise
        return _fetchall_without_knn(sql, params)


def _fetchall_without_knn(sql: str, params: dict) -> list[tuple]:
    """The same query planned without the KNN index scan (a bitmap scan of the bounding box and a sort)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(sql, params)
        return cursor.fetchall()
