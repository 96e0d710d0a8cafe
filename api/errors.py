"""The API layer's own errors, each with its stable code and default sentence (api/problems.py maps the kinds)."""

from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, DomainError, Unprocessable


class IdempotencyKeyReused(Unprocessable):
    code = "idempotency_key_reused"
    default_detail = _("This Idempotency-Key was used with a different request; use a new key for a new request.")


class IdempotencyInFlight(Conflict):
    code = "idempotency_in_flight"
    default_detail = _("A request with this Idempotency-Key is still being processed; retry later.")


# Refusals of the transport, answered by middleware before any view runs: kinds of their own (411, 413).
class LengthRequired(DomainError):
    code = "length_required"
    title = _("Length required")
    default_detail = _("Send the request body with a Content-Length header, not chunked.")


class PayloadTooLarge(DomainError):
    code = "payload_too_large"
    title = _("Payload too large")
