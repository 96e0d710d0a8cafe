"""The API's documentation pages work with no network but this server's: ReDoc's bundle without its one external load.

drf-spectacular-sidecar ships ReDoc and Swagger UI as static files (served compressed by whitenoise). ReDoc's bundle
draws the "API docs by Redocly" footer with an image from cdn.redoc.ly; the bundle served here is the sidecar's with
that image replaced by an inline blank one (the footer's text and link stay). Swagger UI's one external load, the
validator badge, is switched off in settings.SPECTACULAR_SETTINGS (`validatorUrl: null`).
"""

import gzip
import hashlib
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularRedocView

REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_LOGO_URL = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
# A transparent 1x1 GIF: the footer keeps its layout and loads nothing (the pages' CSP allows data: images).
BLANK_IMAGE = b"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@cache
def _redoc_bundle() -> tuple[bytes, bytes, str]:
    """The patched bundle, gzipped, and its ETag (made once per process)."""
    path = finders.find(REDOC_BUNDLE)
    source = Path(str(path)).read_bytes() if path else b""
    if REDOC_LOGO_URL not in source:
        # A new sidecar release moved the logo: look at the bundle again rather than serve an external load.
        raise ImproperlyConfigured(f"{REDOC_BUNDLE}: the Redocly logo URL to replace was not found.")
    body = source.replace(REDOC_LOGO_URL, BLANK_IMAGE)
    return body, gzip.compress(body, mtime=0), '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@require_safe
def redoc_bundle(request):
    """ReDoc's standalone bundle, loading nothing from elsewhere; gzipped when the client accepts it."""
    body, compressed, etag = _redoc_bundle()
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    elif "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(compressed, content_type="text/javascript; charset=utf-8")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=86400"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


class RedocView(SpectacularRedocView):
    """drf-spectacular's ReDoc page, loading the bundle above."""

    @staticmethod
    def _redoc_standalone():
        return reverse("redoc-bundle")
