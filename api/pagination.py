"""Lists: `{next, previous, results}` with `limit` in 1..100; never a COUNT (we fetch one row more than we show).

A view chooses how its list pages with `pagination_class` (api/views.py `ApiView.page` drives it): OffsetPagination
slices a queryset or list, PeekPagination asks a selector for `limit + 1` rows from `offset` (a list too costly to
slice, the nearby search), api.cursor.CursorPagination pages a list that grows at the top by an opaque position.
"""

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.errors import ValidationFailed

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 10_000


def _bounded_int(request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationFailed(errors={name: [gettext("A whole number is required.")]}) from None
    if not low <= value <= high:
        message = gettext("Must be between %(low)d and %(high)d.") % {"low": low, "high": high}
        raise ValidationFailed(errors={name: [message]})
    return value


def limit_offset_parse(request) -> tuple[int, int]:
    """`limit` (1..100, default 20) and `offset` (0..10000) from the query, or a 400 naming the parameter."""
    return (
        _bounded_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        _bounded_int(request, "offset", 0, 0, MAX_OFFSET),
    )


class OffsetPagination(BasePagination):
    """Limit/offset without a count: asks for limit + 1 rows to know whether a next page exists."""

    def paginate(self, rows, request, window: tuple[int, int] | None = None) -> list:
        """The page of `rows` the query asks for; `window` is (limit, offset) when the view validated them already."""
        self.request = request
        self.limit, self.offset = window or limit_offset_parse(request)
        rows = list(self.fetch(rows))
        self.has_next = len(rows) > self.limit
        return rows[: self.limit]

    def fetch(self, rows):
        """The page's rows and one more, from a queryset or a list."""
        return rows[self.offset : self.offset + self.limit + 1]

    def paginate_queryset(self, queryset, request, view=None):
        return self.paginate(queryset, request)

    def get_paginated_response(self, data):
        return Response(page_body(self.request, data, self.limit, self.offset, self.has_next))

    def get_paginated_response_schema(self, schema):
        return page_schema(schema)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": f"Items per page, 1..{MAX_LIMIT} (default {DEFAULT_LIMIT}); otherwise a 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            },
            {
                "name": "offset",
                "in": "query",
                "required": False,
                "description": f"Items to skip, 0..{MAX_OFFSET}.",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
            },
        ]


class PeekPagination(OffsetPagination):
    """Offset pages whose rows come from a selector that takes the window: `rows` is a function of `limit` (the page's
    size plus one, to peek at whether a next page exists) and `offset`."""

    def fetch(self, rows):
        """The selector's rows for the window, one more than the page shows."""
        return rows(limit=self.limit + 1, offset=self.offset)


def page_body(request, results: list, limit: int, offset: int, has_next: bool) -> dict:
    """The list envelope with absolute next/previous links."""
    url = request.build_absolute_uri()
    next_url = (
        replace_query_param(replace_query_param(url, "limit", limit), "offset", offset + limit) if has_next else None
    )
    if offset <= 0:
        previous_url = None
    elif offset - limit <= 0:
        previous_url = remove_query_param(replace_query_param(url, "limit", limit), "offset")
    else:
        previous_url = replace_query_param(replace_query_param(url, "limit", limit), "offset", offset - limit)
    return {"next": next_url, "previous": previous_url, "results": results}


def page_schema(item_schema: dict) -> dict:
    """The schema of a list envelope whose `results` are `item_schema`."""
    return {
        "type": "object",
        "required": ["next", "previous", "results"],
        "properties": {
            "next": {
                "type": "string",
                "format": "uri",
                "nullable": True,
                "description": "The next page, or null on the last page.",
                "example": "https://api.example.org/api/v1/...?limit=20&offset=20",
            },
            "previous": {
                "type": "string",
                "format": "uri",
                "nullable": True,
                "description": "The previous page, or null on the first page.",
                "example": None,
            },
            "results": item_schema,
        },
    }


LIMIT_PARAMETERS = [
    OpenApiParameter("limit", int, description=f"Items per page, 1..{MAX_LIMIT} (default {DEFAULT_LIMIT})."),
    OpenApiParameter("offset", int, description=f"Items to skip, 0..{MAX_OFFSET} (default 0)."),
]
