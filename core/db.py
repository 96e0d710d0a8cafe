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
    planned and, in Python, interpolated again. This cursor keeps Django's connection handling, error translation
    and query logging. Use it only for fixed SQL texts with bind parameters (a prepared statement per distinct text).
    """
    with connection.cursor() as django_cursor:
        pg_connection = django_cursor.cursor.connection
        if pg_connection.prepare_threshold is None:
            # Django sets None (no prepared statements, for connection poolers); a huge threshold still lets an
            # explicit prepare=True through and never prepares on its own.
            pg_connection.prepare_threshold = _PREPARE_ONLY_WHEN_ASKED
        raw = _PreparingCursor(pg_connection)
        wrap = connection.make_debug_cursor if connection.queries_logged else connection.make_cursor
        with wrap(raw) as cursor:
            yield cursor
