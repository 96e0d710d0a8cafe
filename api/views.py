"""The shared base of API views: strict query parsing and documented, count-free list pages."""

from rest_framework.views import APIView

from api.pagination import LimitPagination


# An APIView whose list responses are LimitPagination pages (which also documents them in the schema). No docstring:
# drf-spectacular would show an inherited one as the description of every operation that has none of its own.
class ApiView(APIView):
    pagination_class = LimitPagination

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

    def page(self, rows, serializer_class, *, prepare=None, **serializer_kwargs):
        """One page of `rows` (a queryset or list) rendered with `serializer_class`; `prepare` reshapes each row of
        the page (e.g. flat selector columns into nested objects) before it is rendered."""
        paginator = self.pagination_class()
        items = paginator.paginate_queryset(rows, self.request, self)
        if prepare is not None:
            items = [prepare(item) for item in items]
        return paginator.get_paginated_response(serializer_class(items, many=True, **serializer_kwargs).data)
