"""Push notifications to devices, behind one small interface; the backend is chosen by settings.PUSH_BACKEND.

- "logging" (default): writes one log line per notification; for local use and tests.
- "webhook": POSTs `{"notifications": [...]}` as JSON to settings.PUSH_WEBHOOK_URL (a push gateway); a timeout, an
  unreachable URL, a 5xx, 408 or 429 raise PushFailed, which the sending task retries with exponential backoff.

Pushes are sent by a Celery task enqueued after the notification commits (accounts.tasks), never in a request.
"""

import json
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import structlog
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

log = structlog.get_logger("accounts.push")

# Answers that may succeed later; any other 4xx is our bug or a refusal, and retrying it would only repeat it.
_RETRYABLE_STATUSES = {408, 425, 429}


class PushFailed(Exception):
    """A push that may succeed if tried again later."""


class PushBackend(Protocol):
    def send(self, notifications: Sequence[Mapping[str, Any]]) -> None:
        """Deliver these notifications (`{id, user_id, type, created_at, data}`); raise PushFailed to be retried."""


class LoggingPushBackend:
    """Logs each notification instead of pushing it."""

    def send(self, notifications: Sequence[Mapping[str, Any]]) -> None:
        for notification in notifications:
            log.info(
                "push",
                notification_id=notification["id"],
                user_id=notification["user_id"],
                type=notification["type"],
            )


class WebhookPushBackend:
    """POSTs the notifications as JSON to a push gateway."""

    def __init__(self, url: str, timeout_s: float):
        if not url.startswith(("http://", "https://")):
            raise ImproperlyConfigured("PUSH_WEBHOOK_URL must be an http(s) URL for PUSH_BACKEND=webhook.")
        self.url = url
        self.timeout_s = timeout_s

    def send(self, notifications: Sequence[Mapping[str, Any]]) -> None:
        body = json.dumps({"notifications": notifications}, default=str).encode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked in __init__)
            self.url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as exc:
            if exc.code >= 500 or exc.code in _RETRYABLE_STATUSES:
                raise PushFailed(f"push gateway answered {exc.code}") from exc
            log.error("push_refused", status=exc.code, notification_ids=[n["id"] for n in notifications])
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise PushFailed(f"push gateway unreachable: {exc}") from exc


def push_backend_get() -> PushBackend:
    """The backend settings.PUSH_BACKEND names."""
    if settings.PUSH_BACKEND == "logging":
        return LoggingPushBackend()
    if settings.PUSH_BACKEND == "webhook":
        return WebhookPushBackend(settings.PUSH_WEBHOOK_URL, settings.PUSH_WEBHOOK_TIMEOUT_S)
    raise ImproperlyConfigured(f"Unknown PUSH_BACKEND {settings.PUSH_BACKEND!r}: use 'logging' or 'webhook'.")
