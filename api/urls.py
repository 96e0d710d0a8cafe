from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.urls import include, path
from django.views.decorators.gzip import gzip_page
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.docs import RedocView, redoc_bundle

# ReDoc styles itself with styled-components (inline <style> elements made at run time, which take no nonce) and
# runs its search in a worker made from a blob: URL. (With a nonce in style-src, browsers would ignore unsafe-inline.)
_redoc_csp = csp_replace({"style-src": [SELF, UNSAFE_INLINE], "worker-src": [SELF, "blob:"]})

urlpatterns = [
    path("v1/", include("api.v1.urls", namespace="v1")),
    # The schema is large (hundreds of kB of YAML) and compresses about tenfold: gzipped for clients that accept it.
    path("schema/", gzip_page(SpectacularAPIView.as_view()), name="schema"),
    # The split view serves Swagger UI's init script from its own URL, so the page needs no inline script.
    path("docs/", gzip_page(SpectacularSwaggerSplitView.as_view(url_name="schema")), name="docs"),
    path("redoc/", _redoc_csp(RedocView.as_view(url_name="schema")), name="redoc"),
    path("redoc/redoc.standalone.js", redoc_bundle, name="redoc-bundle"),
]
