"""A URLconf for tests only: the real API plus views that do and do not choose their own Cache-Control."""

from django.urls import include, path
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


class Uncached(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"ok": True})


class Cached(Uncached):
    @method_decorator(cache_control(public=True, max_age=60))
    def get(self, request):
        return Response({"ok": True})


urlpatterns = [
    path("api/v1/test-cached", Cached.as_view()),
    path("api/v1/test-uncached", Uncached.as_view()),
    path("", include("config.urls")),
]
