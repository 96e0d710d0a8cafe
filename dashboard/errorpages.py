"""The dashboard's own error pages (404, 403): the frame, a sentence, and a way back. config/urls.py sends dashboard
paths here; the API's errors stay problem details (api/problems.py)."""

from django.shortcuts import render


def not_found(request, exception=None):
    """A styled 404 with a link home."""
    return render(request, "dashboard/404.html", status=404)


def forbidden(request, exception=None):
    """A styled 403 with a link home."""
    return render(request, "dashboard/403.html", status=403)
