"""Database helpers shared by the hot paths."""

from contextlib import contextmanager

import psycopg
from django.db import connection

# psycopg prepares a statement after this many runs of the same text; this value means "only when asked".
_PREPARE_ONLY_WHEN_ASKED = 2**31 - 1


class _PreparingCursor(psycopg.Cursor):
    """Server-side binding, always prepared: psycopg keeps one prepared statement per SQL text and connection."""

    def execute(self, query, params=None, **kwargs):
        return super().execute(query, params, prepare=True)


@contextmanager
def prepared_cursor():
    """A Django cursor whose statements PostgreSQL parses and plans once per connection, not on every call.

    Django binds parameters on the client (its psycopg cursors), so every execution of a hot statement was parsed,
    planned and, in Python, interpolated again. This cursor keeps Django's connection handling and error translation;
    where queries are logged it is Django's own cursor. Use it only for fixed SQL texts with bind parameters (one
    prepared statement per distinct text and connection).
    """
    with connection.cursor() as django_cursor:
        if connection.queries_logged:
            # Where queries are recorded (DEBUG, tests counting them) only Django's own cursor knows the SQL text.
            yield django_cursor
            return
        pg_connection = django_cursor.cursor.connection
        if pg_connection.prepare_threshold is None:
            # Django sets None (no prepared statements, for connection poolers); a huge threshold still lets an
            # explicit prepare=True through and never prepares on its own.
            pg_connection.prepare_threshold = _PREPARE_ONLY_WHEN_ASKED
        raw = _PreparingCursor(pg_connection)
        with connection.make_cursor(raw) as cursor:
            yield cursor
