"""A URLconf for tests only: the real API plus a view that fails, to check the 500 problem."""

from django.urls import include, path
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView


class Boom(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request):
        raise RuntimeError("internal detail that must not leak")


urlpatterns = [path("api/v1/test-boom", Boom.as_view()), path("", include("config.urls"))]
handler404 = "api.problems.handler404"
handler500 = "api.problems.handler500"
