"""Request-level concerns: structured request logs and the body size limit."""

import json
import logging
import time
import uuid
from datetime import UTC, datetime

import structlog
from django.conf import settings

from api.problems import problem, problem_response

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
    """413 for API request bodies over API_MAX_BODY_BYTES, before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                return problem_response(
                    problem(
                        status_code=413,
                        code="payload_too_large",
                        title="Payload too large",
                        detail=f"Request bodies are limited to {settings.API_MAX_BODY_BYTES} bytes.",
                    )
                )
        return self.get_response(request)
