"""Schema helpers: the Problem component, and the error responses every operation can give."""

from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers

from api.fields import StrictCharField
from api.problems import problem as problem_body


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details.

    Bodies are JSON: `application/json` (else 415 `unsupported_media_type`), always read as UTF-8 whatever its
    `charset` (RFC 8259), with a Content-Length (a chunked body is 411 `length_required`). A body that cannot be read
    as JSON is a 400 `malformed_json`: bad syntax, bytes that are not UTF-8, a NUL byte, or arrays and objects nested
    more than 32 deep. Text that is not text, a NUL character or an unpaired UTF-16 surrogate (`"\\ud800"`), is a 400
    `validation_error` naming where it is: in a body, the field (`trigger.type`; for a member name, the object that
    holds it; `non_field_errors` for the body itself); in a query, the parameter (percent-decoded bytes that are not
    UTF-8 count too). Messages never quote what was sent.
    """

    type = StrictCharField(help_text="A relative URI naming the problem type, `/problems/<code-with-dashes>`.")
    title = StrictCharField(help_text="A short summary of the problem type.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = StrictCharField(help_text="What went wrong in this occurrence, for people.")
    code = StrictCharField(help_text="A stable machine-readable code, in snake_case.")
    errors = serializers.DictField(
        child=serializers.ListField(child=StrictCharField()),
        required=False,
        help_text="Field validation errors: field name to messages (only for `validation_error`).",
    )


def _example_title(code: str) -> str:
    return code.replace("_", " ").capitalize()


def problem_example(status: int, code: str, detail: str, errors: dict | None = None) -> OpenApiExample:
    """A documented example of a problem body (its title made from its code)."""
    body = problem_body(status_code=status, code=code, title=_example_title(code), detail=detail, errors=errors)
    return OpenApiExample(code, value=body, response_only=True, status_codes=[str(status)])


def problem(description: str, *examples) -> OpenApiResponse:
    """A documented error response carrying a problem details body."""
    return OpenApiResponse(ProblemSerializer, description=description, examples=list(examples))


_COMMON = {
    "400": (
        "Invalid input: `validation_error`, whose `errors` member names each field; or `malformed_json`, a body that "
        "is not JSON.",
        "validation_error",
    ),
    "401": ("Missing, expired or invalid access token.", "not_authenticated"),
    "404": ("No such resource, or not one you may see.", "not_found"),
    "405": ("Method not allowed on this path.", "method_not_allowed"),
    "413": ("Request body too large.", "payload_too_large"),
    "415": ("Send `application/json`.", "unsupported_media_type"),
    "429": ("Too many requests; retry after the `Retry-After` seconds.", "rate_limited"),
    "500": ("Server error (a bug on our side); the body never contains internals.", "server_error"),
}


def _problem_ref(description: str, code: str, status: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/problem+json": {
                "schema": {"$ref": "#/components/schemas/Problem"},
                "example": problem_body(
                    status_code=int(status), code=code, title=_example_title(code), detail=description
                ),
            }
        },
    }


def add_problem_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents the problem responses it can give, and problems use
    `application/problem+json`."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(
        "Problem",
        {
            "type": "object",
            "description": "RFC 9457 problem details.",
            "required": ["type", "title", "status", "detail", "code"],
            "properties": {
                "type": {"type": "string", "example": "/problems/validation-error"},
                "title": {"type": "string", "example": "Invalid input"},
                "status": {"type": "integer", "example": 400},
                "detail": {"type": "string", "example": "lat: Must be between -90 and 90."},
                "code": {"type": "string", "example": "validation_error"},
                "errors": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "example": {"lat": ["Must be between -90 and 90."]},
                },
            },
        },
    )
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            # Problems declared by views: move them to application/problem+json.
            for status, response in responses.items():
                if status.startswith(("4", "5")) and "content" in response:
                    content = response["content"]
                    if "application/json" in content:
                        content["application/problem+json"] = content.pop("application/json")
                        content["application/problem+json"]["schema"] = {"$ref": "#/components/schemas/Problem"}
            wanted = ["405", "429", "500"]
            if operation.get("parameters") or operation.get("requestBody"):
                wanted.append("400")
            if operation.get("requestBody"):
                wanted += ["413", "415"]
            security = operation.get("security", [])
            if security and {} not in security:
                wanted.append("401")
            if "{" in path:
                wanted.append("404")
            for status in wanted:
                if status not in responses:
                    description, code = _COMMON[status]
                    responses[status] = _problem_ref(description, code, status)
            operation["responses"] = dict(sorted(responses.items()))
    return result
