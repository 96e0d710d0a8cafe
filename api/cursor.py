"""Cursor pagination for lists that grow at the top (the feed, notifications): stable under inserts.

A cursor is an opaque token naming a position in the list's order (a sort key such as (created_at, id)) and a
direction: `next` walks to older items, `previous` back to newer ones. New items arriving at the top never shift a
page, so paging neither repeats nor skips an item. Lists fetch `limit + 1` rows to know whether more exist; never a
COUNT.
"""

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, page_schema
from core.errors import ValidationFailed

NEXT = "n"
PREVIOUS = "p"
EXAMPLE_ORIGIN = "https://api.example.org"  # the host of the schema's example links


@dataclass(frozen=True)
class CursorRequest:
    """The page asked for: its size, and where it starts (no key: the first page, newest first)."""

    limit: int
    direction: str | None = None
    key: Any = None
    key_json: list | None = None  # the key as it came in the cursor

    @property
    def below(self):
        """The key to read older items from (a `next` page), or None."""
        return self.key if self.direction == NEXT else None

    @property
    def above(self):
        """The key to read newer items from (a `previous` page), or None."""
        return self.key if self.direction == PREVIOUS else None


def _bad_cursor() -> ValidationFailed:
    return ValidationFailed(
        errors={"cursor": [gettext("Invalid cursor: use the `next` or `previous` link of a page.")]}
    )


def cursor_encode(direction: str, key: list) -> str:
    """The opaque token for a position (`key`) and a direction (NEXT or PREVIOUS)."""
    raw = json.dumps({"d": direction, "k": key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_link(url: str, limit: int, direction: str, key: list) -> str:
    """The link from the list at `url` to its page of `limit` items from position `key` in `direction`."""
    base = replace_query_param(remove_query_param(url, "cursor"), "limit", limit)
    return replace_query_param(base, "cursor", cursor_encode(direction, key))


def cursor_request_parse(request, *, key_load: Callable[[list], Any]) -> CursorRequest:
    """`limit` (1..100) and `cursor` from the query string, or a 400 naming the parameter."""
    raw_limit = request.query_params.get("limit")
    limit = DEFAULT_LIMIT
    if raw_limit not in (None, ""):
        try:
            limit = int(raw_limit)
        except ValueError:
            raise ValidationFailed(errors={"limit": [gettext("A whole number is required.")]}) from None
        if not 1 <= limit <= MAX_LIMIT:
            message = gettext("Must be between %(low)d and %(high)d.") % {"low": 1, "high": MAX_LIMIT}
            raise ValidationFailed(errors={"limit": [message]})
    token = request.query_params.get("cursor")
    if token in (None, ""):
        return CursorRequest(limit=limit)
    if len(token) > 200:
        raise _bad_cursor()
    try:
        payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        direction, key_json = payload["d"], payload["k"]
        key = key_load(key_json)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise _bad_cursor() from None
    if direction not in (NEXT, PREVIOUS):
        raise _bad_cursor()
    return CursorRequest(limit=limit, direction=direction, key=key, key_json=key_json)


def cursor_page_body(request, page: CursorRequest, rows: list, *, key_dump: Callable[[Any], list]) -> dict:
    """The list envelope for `rows` (newest first; `page.limit + 1` were asked for) with next/previous links.

    `key_dump(row)` gives the row's sort key as JSON values.
    """
    has_more = len(rows) > page.limit
    if page.direction == PREVIOUS:
        # Read upwards: the extra row is the newest one, beyond this page.
        rows = rows[1:] if has_more else rows
        has_newer, has_older = has_more, True
    else:
        rows = rows[: page.limit]
        has_newer, has_older = page.direction == NEXT, has_more
    url = request.build_absolute_uri()

    def link(direction: str, key: list) -> str:
        return cursor_link(url, page.limit, direction, key)

    # An empty page still links back to where it was read from.
    first_key = key_dump(rows[0]) if rows else page.key_json
    last_key = key_dump(rows[-1]) if rows else first_key
    next_url = link(NEXT, last_key) if has_older and last_key is not None else None
    previous_url = link(PREVIOUS, first_key) if has_newer and first_key is not None else None
    return {"next": next_url, "previous": previous_url, "results": rows}


class CursorPagination(BasePagination):
    """Cursor pages: `rows` is a function of `limit` (the page's size plus one), `below` and `above` (the keys of
    CursorRequest) that returns the rows newest first. A list subclasses it with its sort key's `key_load` (JSON
    values from a cursor to a key, ValueError when they are not one) and `key_dump` (a row's key as JSON values)."""

    key_load: Callable[[list], Any]
    key_dump: Callable[[Any], list]
    # For the schema's example page: the list's route name (with its path's ids, if any), and one row of it as the
    # list's rows come (its key).
    example_route: str | None = None
    example_route_kwargs: dict | None = None
    example_row: Any = None

    def paginate(self, rows, request, window=None) -> list:
        """The page of rows the cursor (or its absence) names; the links are made from the rows before rendering."""
        page = cursor_request_parse(request, key_load=self.key_load)
        fetched = rows(limit=page.limit + 1, below=page.below, above=page.above)
        self.body = cursor_page_body(request, page, fetched, key_dump=self.key_dump)
        return self.body["results"]

    def get_paginated_response(self, data):
        return Response({**self.body, "results": data})

    def get_paginated_response_schema(self, schema):
        page = page_schema(schema)
        if self.example_route is not None:
            # The documented links: a page reached by `next` holding `example_row` alone, linked as the server does.
            url = EXAMPLE_ORIGIN + reverse(self.example_route, kwargs=self.example_route_kwargs)
            key = self.key_dump(self.example_row)
            page["properties"]["next"]["example"] = cursor_link(url, DEFAULT_LIMIT, NEXT, key)
            page["properties"]["previous"]["example"] = cursor_link(url, DEFAULT_LIMIT, PREVIOUS, key)
        return page

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "Opaque position from a page's `next` or `previous` link, used as it is (only the "
                "server makes them: any other value is a 400 naming `cursor`); absent or empty for the newest items.",
                # What cursor_encode makes: unpadded base64url.
                "schema": {"type": "string", "maxLength": 200, "pattern": "^[A-Za-z0-9_-]*$"},
            },
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": f"Items per page, 1..{MAX_LIMIT} (default {DEFAULT_LIMIT}); otherwise a 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            },
        ]
