"""The shared base of API views: strict query parsing, and list pages chosen by an attribute."""

from rest_framework.views import APIView

from api.pagination import OffsetPagination
from api.throttling import RATE_LIMIT_ATTRIBUTE, ScopedThrottle


# Every API view derives from this. `pagination_class` chooses how its list pages: OffsetPagination (the default),
# api.pagination.PeekPagination or a subclass of api.cursor.CursorPagination; the paginator also documents the page
# in the schema. No docstring: drf-spectacular would show an inherited one as the description of every operation
# that has none of its own.
class ApiView(APIView):
    pagination_class = OffsetPagination

    def get_authenticate_header(self, request):
        # Views that authenticate nobody (login, refresh) still answer a 401 with the bearer challenge, not a 403.
        return super().get_authenticate_header(request) or 'Bearer realm="api"'

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # A rate-limited operation tells every caller where they stand (api.throttling.ScopedThrottle), 429 or not;
        # when the answer came before the throttle ran (a 401, 403 or 406), from the counter as it is.
        state = getattr(request, RATE_LIMIT_ATTRIBUTE, None)
        if state is None:
            state = next(filter(None, (throttle.peek(request, self) for throttle in self._scoped_throttles())), None)
        if state is not None:
            for name, value in state.headers().items():
                response[name] = value
        return response

    def _scoped_throttles(self) -> list[ScopedThrottle]:
        return [throttle for throttle in self.get_throttles() if isinstance(throttle, ScopedThrottle)]

    def query(self, serializer_class):
        """Validate the query string with `serializer_class`, or raise a 400 naming the parameter.

        The parameters go in as a plain dict, not a QueryDict: DRF's form rules would silently read `?status=` as
        "absent"; for an API an empty value is a value, and it is checked like any other. Every name and value is
        clean text already (valid UTF-8, no NUL): api.middleware.QueryTextMiddleware refused the request otherwise,
        for this view and for those that read query_params themselves.
        """
        serializer = serializer_class(data=self.request.query_params.dict())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def page(self, rows, serializer_class=None, *, prepare=None, window=None, **serializer_kwargs):
        """One page of `rows`, as `pagination_class` takes them (a queryset or list for offset pages, a selector
        function for peek and cursor pages), rendered with `serializer_class` (or as they are).

        `prepare` reshapes each row of the page (e.g. flat selector columns into nested objects) before it is
        rendered; `window` is (limit, offset) when the view's own query serializer validated them already.
        """
        paginator = self.pagination_class()
        items = paginator.paginate(rows, self.request, window)
        if prepare is not None:
            items = [prepare(item) for item in items]
        data = items if serializer_class is None else serializer_class(items, many=True, **serializer_kwargs).data
        return paginator.get_paginated_response(data)
