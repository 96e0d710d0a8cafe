"""Request-level concerns: structured request logs, the body size limit, query text and caching of private answers."""

import json
import logging
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import unquote_to_bytes

import structlog
from django.conf import settings
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.utils.translation import gettext as _

from api.errors import LengthRequired, PayloadTooLarge
from api.parsers import BAD_TEXT_MESSAGE, text_is_clean
from api.problems import error_response
from core.errors import ValidationFailed

# The request line is rendered here, to the same JSON that structlog's chain (config/settings.py) gives, and handed to
# the same stdlib logger: the chain cost a third of this middleware's time, which every request pays.
request_log = logging.getLogger("api.request")
_json_encode = json.JSONEncoder(default=repr).encode  # repr for odd values, as structlog does


class RequestLogMiddleware:
    """One JSON log line per request: method, path, status, duration, user and a request id (echoed back)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        if len(request_id) > 64:
            request_id = uuid.uuid4().hex
        started = time.perf_counter()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            response = self.get_response(request)
        finally:
            structlog.contextvars.clear_contextvars()
        response["X-Request-ID"] = request_id
        if request_log.isEnabledFor(logging.INFO):
            user = getattr(request, "user", None)
            line = {
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "user_id": getattr(user, "pk", None),
                "event": "request",
                "level": "info",
                "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            }
            request_log.info(_json_encode(line))
        return response


class BodySizeLimitMiddleware:
    """413 for API request bodies over API_MAX_BODY_BYTES, before anything reads them; 411 for chunked ones (Django
    reads a body only by its Content-Length, so a chunked body would be taken for an empty one).

    The body is left unread: config/gunicorn.py closes such a connection (and says so), since the next request on it
    would be parsed from the rest of this body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
                return error_response(LengthRequired())
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                limit = {"limit": settings.API_MAX_BODY_BYTES}
                return error_response(PayloadTooLarge(_("Request bodies are limited to %(limit)d bytes.") % limit))
        return self.get_response(request)


def query_text_errors(query: bytes) -> dict | None:
    """`{parameter: [message]}` for the first query parameter whose name or value is not clean text once decoded
    (invalid UTF-8, which Django would silently turn into U+FFFD, a NUL, a lone surrogate); None when all are."""
    if not query or (query.isascii() and b"%" not in query and b"\x00" not in query):
        return None
    for pair in query.split(b"&"):  # as Django's QueryDict (urllib's parse_qsl) splits
        name, _equals, value = pair.partition(b"=")
        try:
            name_text = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            name_text = None
        if name_text is None or not text_is_clean(name_text):
            return {"non_field_errors": [BAD_TEXT_MESSAGE]}  # never quote a name that is not text
        try:
            value_text = unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            value_text = None
        if value_text is None or not text_is_clean(value_text):
            return {name_text: [BAD_TEXT_MESSAGE]}
    return None


class QueryTextMiddleware:
    """400 `validation_error` naming the parameter for an API query string that is not clean text, whichever view
    (or paginator) would read it: one check for every parameter, declared or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            errors = query_text_errors(get_bytes_from_wsgi(request.META, "QUERY_STRING", ""))
            if errors:
                return error_response(ValidationFailed(errors=errors))
        return self.get_response(request)


class PrivateAnswerCacheMiddleware:
    """`Cache-Control: no-store` on API answers to requests that carried credentials (an Authorization header or a
    session cookie), unless the view chose its own Cache-Control: no cache, shared or private, keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and not response.has_header("Cache-Control")
            and ("HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES)
        ):
            response["Cache-Control"] = "no-store"
        return response
