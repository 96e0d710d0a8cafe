"""Schema helpers: the Problem component, the response headers, and what every operation documents alike.

drf-spectacular builds each operation from its view; `ApiAutoSchema` adds what only the view knows (a DELETE that takes
a body, the rate limit scope), and the postprocessing hooks below add what every operation shares: the problem
responses it can give, the headers every answer carries, and the links between operations (for clients and for
schemathesis' stateful tests).
"""

from django.conf import settings
from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers

from api.fields import StrictCharField, UniqueListField
from api.problems import problem as problem_body
from api.problems import problem_titles
from api.throttling import ScopedThrottle, rate_text


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details.

    Bodies are JSON: `application/json` (else 415 `unsupported_media_type`), always read as UTF-8 whatever its
    `charset` (RFC 8259), with a Content-Length (a chunked body is 411 `length_required`). A body that cannot be read
    as JSON is a 400 `malformed_json`: bad syntax, bytes that are not UTF-8, a NUL byte, or arrays and objects nested
    more than 32 deep. Text that is not text, a NUL character or an unpaired UTF-16 surrogate (`"\\ud800"`), is a 400
    `validation_error` naming where it is: in a body, the field (`trigger.type`; for a member name, the object that
    holds it; `non_field_errors` for the body itself); in a query, the parameter (percent-decoded bytes that are not
    UTF-8 count too). Messages never quote what was sent.

    Some problems carry extension members (below, each with the codes that carry it); a client ignores members it does
    not know.
    """

    type = StrictCharField(help_text="A relative URI naming the problem type, `/problems/<code-with-dashes>`.")
    title = StrictCharField(help_text="A short summary of the problem type (the same for every occurrence of a code).")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = StrictCharField(help_text="What went wrong in this occurrence, for people.")
    code = StrictCharField(help_text="A stable machine-readable code, in snake_case.")
    errors = serializers.DictField(
        child=serializers.ListField(child=StrictCharField()),
        required=False,
        help_text="Field validation errors: field name to messages (only for `validation_error`).",
    )
    # Extension members: checkins.services (the refusals), coupons.redemption, webhooks.services.
    max_accuracy_m = serializers.FloatField(required=False, help_text="`poor_accuracy`: the accuracy limit in metres.")
    distance_m = serializers.FloatField(
        required=False, help_text="`too_far`: how far the fix is from the merchant, in metres."
    )
    checkin_radius_m = serializers.IntegerField(
        required=False, help_text="`too_far`: the merchant's check-in radius, in metres."
    )
    retry_at = serializers.DateTimeField(
        required=False, help_text="`checkin_cooldown`: when a check-in at this merchant is possible again."
    )
    redeemed_at = serializers.DateTimeField(
        required=False, help_text="`coupon_already_redeemed`, `void_window_passed`: when the coupon was redeemed."
    )
    redeemed_by = serializers.CharField(
        required=False,
        allow_null=True,
        help_text="`coupon_already_redeemed`: the member of staff who redeemed it (display name, else username).",
    )
    expires_at = serializers.DateTimeField(required=False, help_text="`coupon_expired`: when the coupon expired.")
    void_minutes = serializers.IntegerField(
        required=False, help_text="`void_window_passed`: how long after a redemption it may be voided, in minutes."
    )
    limit = serializers.IntegerField(
        required=False, help_text="`webhook_limit_reached`: how many webhook endpoints a merchant may have."
    )


class ClosedSerializer(serializers.Serializer):
    """A serializer documenting an object that admits no members but its fields (the server refuses others)."""


class ClosedSerializerSchema(OpenApiSerializerExtension):
    """ClosedSerializer's objects: `additionalProperties: false`."""

    target_class = ClosedSerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        return {**schema, "additionalProperties": False}


class UniqueListFieldSchema(OpenApiSerializerFieldExtension):
    """UniqueListField's arrays: `uniqueItems: true`."""

    target_class = UniqueListField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        return {**schema, "uniqueItems": True}


def problem_example(status: int, code: str, detail: str, errors: dict | None = None) -> OpenApiExample:
    """A documented example of a problem body. Its title is the one the server sends for its code, filled in by
    add_problem_responses once every error class is loaded (views build their examples at import)."""
    body = problem_body(status_code=status, code=code, title=code, detail=detail, errors=errors)
    return OpenApiExample(code, value=body, response_only=True, status_codes=[str(status)])


def problem(description: str, *examples) -> OpenApiResponse:
    """A documented error response carrying a problem details body."""
    return OpenApiResponse(ProblemSerializer, description=description, examples=list(examples))


# ---------------------------------------------------------------------------------------------------------------------
# Operations: what only the view knows
# ---------------------------------------------------------------------------------------------------------------------
RATE_LIMIT_KEY = "x-rate-limit"  # set by ApiAutoSchema, read (and removed) by add_response_headers


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, plus: a DELETE documents its body when the view says so
    (`extend_schema(request=...)`: DELETE /me takes the password), a rate-limited operation is marked with its
    throttle scope and rate (for the RateLimit headers and the 429), and no `?format=` parameter."""

    def _get_request_body(self, direction="request"):
        if self.method != "DELETE":
            return super()._get_request_body(direction)
        # Only an explicit `request=` documents a DELETE's body: no guessing from the view (which would warn).
        self._get_serializer = lambda: None
        try:
            if self.get_request_serializer() is None:
                return None
            self.method = "POST"  # drf-spectacular documents bodies of unsafe methods only
            return super()._get_request_body(direction)
        finally:
            self.method = "DELETE"
            del self._get_serializer

    def map_renderers(self, attribute):
        if attribute != "format":
            return super().map_renderers(attribute)
        # A renderer need not name a URL format (DRF's BaseRenderer.format is None), which drf-spectacular would split.
        formats = (getattr(renderer, "format", None) for renderer in self.view.get_renderers())
        return list(dict.fromkeys(name for name in formats if name))

    def _get_format_parameters(self):
        # One media type per operation (GET .../stats.csv is the CSV's own operation): DRF's `?format=` override is
        # not part of the contract, so it is not documented.
        return []

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is not None:
            # The throttles the view applies to this method (a view may throttle one method only).
            scoped = [throttle for throttle in self.view.get_throttles() if isinstance(throttle, ScopedThrottle)]
            scope = getattr(self.view, ScopedThrottle.scope_attr, None)
            if scoped and scope in settings.THROTTLE_RATES:
                operation[RATE_LIMIT_KEY] = {"scope": scope, "rate": settings.THROTTLE_RATES[scope]}
        return operation


# ---------------------------------------------------------------------------------------------------------------------
# Problem responses every operation can give
# ---------------------------------------------------------------------------------------------------------------------
_COMMON = {
    "400": (
        "Invalid input: `validation_error`, whose `errors` member names each field or parameter; or `malformed_json`, "
        "a body that is not JSON.",
        "validation_error",
    ),
    "401": ("Missing, expired or invalid access token.", "not_authenticated"),
    "404": ("No such resource, or not one you may see.", "not_found"),
    "405": ("Method not allowed on this path.", "method_not_allowed"),
    "406": (
        "The `Accept` header admits none of the media types this operation answers with (JSON here, unless the "
        "operation says otherwise). Problems are always `application/problem+json`.",
        "not_acceptable",
    ),
    "413": ("Request body too large.", "payload_too_large"),
    "415": ("Send `application/json`.", "unsupported_media_type"),
    "429": ("Too many requests; retry after the `Retry-After` seconds.", "rate_limited"),
    "500": ("Server error (a bug on our side); the body never contains internals.", "server_error"),
}


def _problem_ref(description: str, code: str, status: str) -> dict:
    body = problem_body(status_code=int(status), code=code, title=code, detail=description)
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}, "example": body}},
    }


# Every path parameter of the API is an id: api.v1.urls' `id` converter takes 1..18 digits (longer is a 404).
ID_SCHEMA = {"type": "integer", "format": "int64", "minimum": 1, "maximum": 10**18 - 1}


def unify_path_ids(result, generator, request, public):
    """Postprocessing hook: every path parameter (an id) has one type, ID_SCHEMA, whoever declared it."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path":
                    parameter["schema"] = dict(ID_SCHEMA)
    return result


# A time of day (a campaign's daily hours) is local wall-clock time without an offset, `HH:MM[:SS[.ffffff]]`: not JSON
# Schema's `time` format, which is RFC 3339's full-time and requires an offset.
LOCAL_TIME_PATTERN = "^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,6})?)?$"


def _local_times(node) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            del node["format"]
            node["pattern"] = LOCAL_TIME_PATTERN
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def document_local_times(result, generator, request, public):
    """Postprocessing hook: times of day are documented as what they are, local `HH:MM[:SS]` (LOCAL_TIME_PATTERN)."""
    _local_times(result)
    return result


def add_problem_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents the problem responses it can give, and problems use
    `application/problem+json` (the only media type of a 4xx or 5xx)."""
    titles = problem_titles()
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            # Problems declared by views: one media type, application/problem+json, whatever the view's renderers.
            for status, response in responses.items():
                if status.startswith(("4", "5")) and "content" in response:
                    content = response["content"]
                    media = (
                        content.get("application/problem+json")
                        or content.get("application/json")
                        or next(iter(content.values()), {})
                    )
                    media["schema"] = {"$ref": "#/components/schemas/Problem"}
                    response["content"] = {"application/problem+json": media}
            # Every view negotiates its renderer before anything else (406), and every path may be throttled by a
            # proxy in front or a rate limit here (429).
            wanted = ["405", "406", "429", "500"]
            if operation.get("parameters") or operation.get("requestBody"):
                wanted.append("400")
            if operation.get("requestBody"):
                wanted += ["413", "415"]
            security = operation.get("security", [])
            if security == [{}]:
                # Anonymous only (no authentication at all): said by no requirement, as the token operations say it;
                # generated clients otherwise type such an operation for signed-in clients only.
                del operation["security"]
            elif security and {} not in security:
                wanted.append("401")
            if "{" in path:
                wanted.append("404")
            for status in wanted:
                if status not in responses:
                    description, code = _COMMON[status]
                    responses[status] = _problem_ref(description, code, status)
            operation["responses"] = dict(sorted(responses.items()))
            _problem_titles_fill(responses, titles)
    return result


def _problem_titles_fill(responses: dict, titles: dict[str, str]) -> None:
    """Every problem example carries the title the server sends for its code (api.problems.problem_titles)."""
    for status, response in responses.items():
        media = response.get("content", {}).get("application/problem+json")
        if not status.startswith(("4", "5")) or media is None:
            continue
        examples = [media["example"]] if "example" in media else []
        examples += [example["value"] for example in media.get("examples", {}).values() if "value" in example]
        for body in examples:
            if body["code"] not in titles:
                raise ValueError(f"A problem example has a code the server never answers: {body['code']}")
            body["title"] = titles[body["code"]]


# ---------------------------------------------------------------------------------------------------------------------
# Response headers
# ---------------------------------------------------------------------------------------------------------------------
def _headers() -> dict:
    """The response headers, as components (each described once)."""
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "X-Request-ID": {
            "description": "The request's id, for support and logs: the `X-Request-ID` sent (1..64 characters), "
            "else one made up (32 hexadecimal digits). Every answer carries it.",
            "required": True,
            "schema": {"type": "string", "minLength": 1, "maxLength": 64},
        },
        "Content-Language": {
            "description": "The language of the answer's texts (problem `title` and `detail`, translated names): "
            f"chosen from `Accept-Language` among {', '.join(languages)} (default {settings.LANGUAGE_CODE}). "
            "Every answer carries it.",
            "required": True,
            "schema": {"type": "string", "enum": languages},
        },
        "Retry-After": {
            "description": "Seconds to wait before trying again (every 429 carries it).",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        },
        "Idempotent-Replayed": {
            "description": "`true` when this answer is the replay of the first answer given to the request's "
            "`Idempotency-Key` (nothing was done again); absent otherwise.",
            "required": False,
            "schema": {"type": "string", "enum": ["true"]},
        },
        "Content-Disposition": {
            "description": 'The file name to save the content under (`attachment; filename="..."`, or `inline` for '
            "images).",
            "required": True,
            "schema": {"type": "string"},
        },
    }


_RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": (
        "How many requests the rate limit's window allows, per user (per client address when anonymous); the "
        "operation's description states its limit. IETF draft RateLimit header fields.",
        {"type": "integer", "minimum": 1},
    ),
    "RateLimit-Remaining": (
        "How many requests remain in the current window (0 on a 429).",
        {"type": "integer", "minimum": 0},
    ),
    "RateLimit-Reset": (
        "Seconds until the oldest request counted leaves the window, freeing a request (0 when none is counted).",
        {"type": "integer", "minimum": 0},
    ),
}


def _header_ref(name: str) -> dict:
    return {"$ref": f"#/components/headers/{name}"}


# Statuses also answered before the operation's view runs (an id past 18 digits matches no path, a body too large,
# a query that is not text, a crash): those answers carry no RateLimit headers.
_ANSWERED_BEFORE_THE_VIEW = {"400", "404", "411", "413", "500"}


def _rate_limit_headers(*, always: bool) -> dict:
    note = "" if always else " Absent when the request was refused before the operation ran."
    return {
        name: {"description": description + note, "required": always, "schema": schema}
        for name, (description, schema) in _RATE_LIMIT_HEADERS.items()
    }


def _non_json_success(status: str, response: dict) -> bool:
    media = response.get("content", {})
    return status.startswith("2") and any(not kind.endswith("json") for kind in media)


def add_response_headers(result, generator, request, public):
    """Postprocessing hook: the headers each answer carries. Every answer: X-Request-ID and Content-Language. Every
    429: Retry-After. Every answer of a rate-limited operation: RateLimit-Limit, -Remaining, -Reset (its limit in
    the operation's description too). Every answer of an operation that takes an Idempotency-Key: Idempotent-Replayed
    (replays may be problems too). A file or image success: Content-Disposition."""
    result.setdefault("components", {})["headers"] = _headers()
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            rate_limit = operation.pop(RATE_LIMIT_KEY, None)
            idempotent = any(
                parameter.get("in") == "header" and parameter.get("name") == "Idempotency-Key"
                for parameter in operation.get("parameters", [])
            )
            if rate_limit:
                limit = rate_text(rate_limit["rate"])
                sentence = (
                    f"Rate limited: {limit} per user (per client address when anonymous), scope "
                    f"`{rate_limit['scope']}`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`."
                )
                operation["description"] = "\n\n".join(filter(None, [operation.get("description"), sentence]))
            for status, response in operation.get("responses", {}).items():
                headers = response.setdefault("headers", {})
                headers["X-Request-ID"] = _header_ref("X-Request-ID")
                headers["Content-Language"] = _header_ref("Content-Language")
                if status == "429":
                    headers["Retry-After"] = _header_ref("Retry-After")
                if rate_limit:
                    headers.update(_rate_limit_headers(always=status not in _ANSWERED_BEFORE_THE_VIEW))
                if idempotent:
                    headers["Idempotent-Replayed"] = _header_ref("Idempotent-Replayed")
                if _non_json_success(status, response):
                    headers["Content-Disposition"] = _header_ref("Content-Disposition")
                response["headers"] = dict(sorted(headers.items()))
    return result


# ---------------------------------------------------------------------------------------------------------------------
# Links: where an answer's ids lead (clients, and schemathesis' stateful phase)
# ---------------------------------------------------------------------------------------------------------------------
_V1 = "/api/v1"
# (operation that creates, its status) -> (link name, operation that uses the id, {parameter: where the id is}).
_LINKS: dict[tuple[str, str, str], list[tuple[str, str, str, dict]]] = {
    ("post", "/merchants", "201"): [
        ("GetMerchant", "get", "/merchants/{merchant_id}", {"merchant_id": "$response.body#/id"}),
        ("UpdateMerchant", "patch", "/merchants/{merchant_id}", {"merchant_id": "$response.body#/id"}),
        ("ListCampaigns", "get", "/merchants/{merchant_id}/campaigns", {"merchant_id": "$response.body#/id"}),
        ("CreateCampaign", "post", "/merchants/{merchant_id}/campaigns", {"merchant_id": "$response.body#/id"}),
        ("ListStaff", "get", "/merchants/{merchant_id}/staff", {"merchant_id": "$response.body#/id"}),
        ("AddStaff", "post", "/merchants/{merchant_id}/staff", {"merchant_id": "$response.body#/id"}),
        ("MerchantStats", "get", "/merchants/{merchant_id}/stats", {"merchant_id": "$response.body#/id"}),
        ("ListRedemptions", "get", "/merchants/{merchant_id}/redemptions", {"merchant_id": "$response.body#/id"}),
        ("Redeem", "post", "/merchants/{merchant_id}/redemptions", {"merchant_id": "$response.body#/id"}),
        ("CheckIn", "post", "/checkins", {"$request.body#/merchant_id": "$response.body#/id"}),
    ],
    ("post", "/merchants/{merchant_id}/campaigns", "201"): [
        ("GetCampaign", "get", "/campaigns/{campaign_id}", {"campaign_id": "$response.body#/id"}),
        ("UpdateCampaign", "patch", "/campaigns/{campaign_id}", {"campaign_id": "$response.body#/id"}),
        ("PauseCampaign", "post", "/campaigns/{campaign_id}/pause", {"campaign_id": "$response.body#/id"}),
        ("ResumeCampaign", "post", "/campaigns/{campaign_id}/resume", {"campaign_id": "$response.body#/id"}),
        ("EndCampaign", "post", "/campaigns/{campaign_id}/end", {"campaign_id": "$response.body#/id"}),
        ("CampaignStats", "get", "/campaigns/{campaign_id}/stats", {"campaign_id": "$response.body#/id"}),
        ("CampaignStatsCsv", "get", "/campaigns/{campaign_id}/stats.csv", {"campaign_id": "$response.body#/id"}),
    ],
    ("post", "/checkins", "201"): [
        ("GetCheckin", "get", "/checkins/{checkin_id}", {"checkin_id": "$response.body#/id"}),
        ("LikeCheckin", "post", "/checkins/{checkin_id}/like", {"checkin_id": "$response.body#/id"}),
        ("UnlikeCheckin", "delete", "/checkins/{checkin_id}/like", {"checkin_id": "$response.body#/id"}),
        ("ListLikes", "get", "/checkins/{checkin_id}/likes", {"checkin_id": "$response.body#/id"}),
        ("ListComments", "get", "/checkins/{checkin_id}/comments", {"checkin_id": "$response.body#/id"}),
        ("Comment", "post", "/checkins/{checkin_id}/comments", {"checkin_id": "$response.body#/id"}),
    ],
    ("post", "/checkins/{checkin_id}/comments", "201"): [
        (
            "DeleteComment",
            "delete",
            "/checkins/{checkin_id}/comments/{comment_id}",
            {"checkin_id": "$request.path.checkin_id", "comment_id": "$response.body#/id"},
        ),
    ],
    ("post", "/friends/requests", "201"): [
        ("AcceptFriendRequest", "post", "/friends/requests/{request_id}/accept", {"request_id": "$response.body#/id"}),
        (
            "DeclineFriendRequest",
            "post",
            "/friends/requests/{request_id}/decline",
            {"request_id": "$response.body#/id"},
        ),
    ],
}


def add_links(result, generator, request, public):
    """Postprocessing hook: OpenAPI links from the operations that create things to those that use their ids
    (a link whose either end is not in the schema is left out)."""
    paths = result.get("paths", {})
    for (method, path, status), links in _LINKS.items():
        response = paths.get(_V1 + path, {}).get(method, {}).get("responses", {}).get(status)
        if response is None:
            continue
        for name, target_method, target_path, parameters in links:
            target = paths.get(_V1 + target_path, {}).get(target_method)
            if target is None:
                continue
            link: dict = {"operationId": target["operationId"]}
            path_parameters = {key: value for key, value in parameters.items() if not key.startswith("$request.body")}
            if path_parameters:
                link["parameters"] = path_parameters
            body = {key.split("#/")[1]: value for key, value in parameters.items() if key.startswith("$request.body")}
            if body:
                link["requestBody"] = body
            response.setdefault("links", {})[name] = link
    return result
