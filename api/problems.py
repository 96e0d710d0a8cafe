"""RFC 9457 problem details: the one place where every error under /api/ becomes `application/problem+json`."""

import structlog
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback
from rest_framework_simplejwt.exceptions import InvalidToken

from api.errors import LengthRequired, PayloadTooLarge
from api.throttling import LoginLocked
from core import errors
from core.errors import DomainError

PROBLEM_CONTENT_TYPE = "application/problem+json"
log = structlog.get_logger("api.problems")

# Codes and titles for DRF's own exceptions.
_DRF_CODES = {
    # Subclasses before their bases (the first match wins): simplejwt's bad token, the per-account login lock.
    InvalidToken: ("token_not_valid", gettext_lazy("Invalid or expired token")),
    LoginLocked: ("login_locked", gettext_lazy("Login temporarily locked")),
    exceptions.ValidationError: ("validation_error", gettext_lazy("Invalid input")),
    # The only parser is api.parsers.ApiJSONParser: a body that does not parse is not JSON we can read.
    exceptions.ParseError: ("malformed_json", gettext_lazy("Malformed JSON body")),
    exceptions.NotAuthenticated: ("not_authenticated", gettext_lazy("Authentication required")),
    exceptions.AuthenticationFailed: ("authentication_failed", gettext_lazy("Authentication failed")),
    exceptions.PermissionDenied: ("permission_denied", gettext_lazy("Permission denied")),
    exceptions.NotFound: ("not_found", gettext_lazy("Not found")),
    exceptions.MethodNotAllowed: ("method_not_allowed", gettext_lazy("Method not allowed")),
    exceptions.NotAcceptable: ("not_acceptable", gettext_lazy("Not acceptable")),
    exceptions.UnsupportedMediaType: ("unsupported_media_type", gettext_lazy("Unsupported media type")),
    exceptions.Throttled: ("rate_limited", gettext_lazy("Too many requests")),
}
# The title of an APIException none of the above covers.
_DRF_FALLBACK_TITLE = gettext_lazy("Error")


# The HTTP status of each kind of domain error (core/errors.py); a package's own errors inherit their kind's.
DOMAIN_STATUSES = {
    errors.ValidationFailed: 400,
    errors.NotFound: 404,
    errors.PermissionDenied: 403,
    errors.Conflict: 409,
    errors.Gone: 410,
    errors.Unprocessable: 422,
    LengthRequired: 411,
    PayloadTooLarge: 413,
}


# Codes answered outside the exception handler (URL-level handlers below), with their titles.
_HANDLER_TITLES = {
    "not_found": gettext_lazy("Not found"),
    "server_error": gettext_lazy("Internal server error"),
    "bad_request": gettext_lazy("Bad request"),
    "permission_denied": gettext_lazy("Permission denied"),
}


def problem_titles() -> dict[str, str]:
    """Every problem code the API answers with its title, in English, as the server sends them: DRF's exceptions,
    the URL-level handlers and every domain error class (a subclass inherits its kind's title). The documentation's
    examples take their titles from here. A code given two titles is a bug: it raises."""
    titles: dict[str, object] = {code: title for code, title in _DRF_CODES.values()}
    titles.update(_HANDLER_TITLES)
    pending = [DomainError]
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        if "code" not in vars(kind):  # a family of errors (CheckinRefused): its members name the codes
            continue
        titles.setdefault(kind.code, kind.title)
        if str(titles[kind.code]) != str(kind.title):
            raise ValueError(f"Problem code {kind.code} has two titles: {titles[kind.code]!r}, {kind.title!r}")
    with translation.override("en"):
        return {code: str(title) for code, title in titles.items()}


def domain_status(error: errors.DomainError) -> int:
    """The status of a domain error: its nearest kind's, 400 for a bare DomainError."""
    return next((DOMAIN_STATUSES[kind] for kind in type(error).__mro__ if kind in DOMAIN_STATUSES), 400)


def problem(*, status_code: int, code: str, title: str, detail: str = "", errors: dict | None = None, **extra) -> dict:
    """The problem details body."""
    body = {
        "type": f"/problems/{code.replace('_', '-')}",
        "title": str(title),
        "status": status_code,
        "detail": str(detail or title),
        "code": code,
    }
    if errors:
        body["errors"] = errors
    body.update(extra)
    return body


def domain_problem(error: DomainError) -> dict:
    """The problem body of a domain error: its kind's status, its code, and its members."""
    body = problem(
        status_code=domain_status(error),
        code=error.code,
        title=str(error.title),
        detail=str(error.detail),
        errors=error.errors,
        **error.extra,
    )
    if error.errors and error.detail == error.title:
        body["detail"] = _validation_summary(error.errors)
    return body


def problem_response(body: dict, headers: dict | None = None) -> JsonResponse:
    """A plain Django response carrying a problem (for middleware and URL-level handlers)."""
    response = JsonResponse(body, status=body["status"], content_type=PROBLEM_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(error: DomainError) -> JsonResponse:
    """A plain Django response carrying a domain error's problem (for middleware, before any view runs)."""
    return problem_response(domain_problem(error))


def answer_response(body, status_code: int, headers: dict | None = None) -> Response:
    """A DRF response for a view's answer: `application/problem+json` when it is a problem (4xx, 5xx)."""
    content_type = PROBLEM_CONTENT_TYPE if status_code >= 400 else None
    return Response(body, status=status_code, headers=headers, content_type=content_type)


def _flatten(detail) -> dict:
    """DRF's nested error detail as `{"field": ["message", ...]}`, nested fields joined with dots."""
    if isinstance(detail, list):
        return {"non_field_errors": [str(item) for item in detail]}
    errors: dict[str, list[str]] = {}
    for field, value in detail.items():
        if isinstance(value, dict):
            for sub, messages in _flatten(value).items():
                errors[f"{field}.{sub}"] = messages
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                for sub, messages in _flatten(item).items():
                    errors[f"{field}.{index}.{sub}"] = messages
        else:
            errors[field] = [str(item) for item in (value if isinstance(value, list) else [value])]
    return errors


def _validation_summary(errors: dict) -> str:
    field, messages = next(iter(errors.items()))
    if len(errors) == 1:
        return f"{field}: {messages[0]}"
    more = len(errors) - 1
    return ngettext(
        "%(field)s: %(message)s (and %(more)d more)", "%(field)s: %(message)s (and %(more)d more)", more
    ) % {"field": field, "message": messages[0], "more": more}


def _throttled_detail(exc: exceptions.Throttled) -> str:
    """DRF's sentence for a throttled request, in the request's language (DRF formats `{wait}` before it translates,
    so its own sentence with a wait never finds its translation)."""
    if exc.wait is None:
        return gettext("Too many requests; try again later.")
    wait = max(1, int(exc.wait + 0.999))
    return ngettext(
        "Too many requests; try again in %(wait)d second.", "Too many requests; try again in %(wait)d seconds.", wait
    ) % {"wait": wait}


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: domain errors, DRF errors and Django's 404/403 as problem details."""
    headers = {}
    if isinstance(exc, DomainError):
        body = domain_problem(exc)
    else:
        if isinstance(exc, Http404):
            exc = exceptions.NotFound()
        elif isinstance(exc, DjangoPermissionDenied):
            exc = exceptions.PermissionDenied()
        if not isinstance(exc, exceptions.APIException):
            return None  # a bug: Django's handler500 answers with a problem and the error is logged
        code, title = next(
            ((c, t) for klass, (c, t) in _DRF_CODES.items() if isinstance(exc, klass)),
            (exc.default_code, _DRF_FALLBACK_TITLE),
        )
        if isinstance(exc, exceptions.ValidationError):
            errors = _flatten(exc.detail)
            body = problem(status_code=400, code=code, title=title, detail=_validation_summary(errors), errors=errors)
        else:
            # simplejwt's errors carry {"detail": sentence, "code", "messages"}: the sentence is the detail.
            detail = exc.detail.get("detail", "") if isinstance(exc.detail, dict) else exc.detail
            if type(exc) is exceptions.Throttled:  # LoginLocked words its own detail
                detail = _throttled_detail(exc)
            body = problem(status_code=exc.status_code, code=code, title=title, detail=str(detail))
        if isinstance(exc, exceptions.Throttled):  # every 429 says when to retry, 1 s when nobody said
            headers["Retry-After"] = str(max(1, int((exc.wait or 1) + 0.999)))
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        elif isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            headers["WWW-Authenticate"] = 'Bearer realm="api"'
            body["status"] = status.HTTP_401_UNAUTHORIZED
    set_rollback()
    return answer_response(body, body["status"], headers)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def handler404(request, exception=None):
    """URL-level 404: problem details under /api/, a short plain page elsewhere."""
    body = problem(
        status_code=404, code="not_found", title=gettext("Not found"), detail=gettext("No resource at this address.")
    )
    if _is_api(request):
        return problem_response(body)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def handler500(request):
    """Unhandled errors: a problem without internals; the traceback goes to the log."""
    body = problem(
        status_code=500,
        code="server_error",
        title=gettext("Internal server error"),
        detail=gettext("Something went wrong on our side."),
    )
    if _is_api(request):
        return problem_response(body)
    from django.views.defaults import server_error

    return server_error(request)


def handler400(request, exception=None):
    """A request Django could not read: problem details under /api/, Django's page elsewhere."""
    body = problem(
        status_code=400,
        code="bad_request",
        title=gettext("Bad request"),
        detail=gettext("The request could not be read."),
    )
    if _is_api(request):
        return problem_response(body)
    from django.views.defaults import bad_request

    return bad_request(request, exception)


def handler403(request, exception=None):
    """URL-level 403: problem details under /api/, Django's page elsewhere."""
    body = problem(status_code=403, code="permission_denied", title=gettext("Permission denied"))
    if _is_api(request):
        return problem_response(body)
    from django.views.defaults import permission_denied

    return permission_denied(request, exception)
