from django.urls import include, path

from api import health, problems
from dashboard import errorpages

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/", include("api.urls")),
    path("dashboard/", include("dashboard.urls")),
]

handler400 = "api.problems.handler400"
handler500 = "api.problems.handler500"
DASHBOARD_PREFIX = "/dashboard/"


def handler403(request, exception=None):
    """403: the dashboard's page on dashboard paths; problem details under /api/ (and elsewhere api's answer)."""
    if request.path.startswith(DASHBOARD_PREFIX):
        return errorpages.forbidden(request, exception)
    return problems.handler403(request, exception)


def handler404(request, exception=None):
    """404: the dashboard's page with a way back on dashboard paths; problem details under /api/."""
    if request.path.startswith(DASHBOARD_PREFIX):
        return errorpages.not_found(request, exception)
    return problems.handler404(request, exception)
