"""The schema is one a generated client and schemathesis can trust (issue 12): every defect found there has a test.

Schema-level tests read the generated schema; each is paired with what the server does, so that the schema and the
answers cannot drift apart.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator
from openapi_python_client.parser.properties.enum_property import EnumProperty
from openapi_python_client.parser.properties.schemas import Class
from openapi_python_client.strings import ClassName
from rest_framework.test import APIRequestFactory

from api.problems import problem_titles
from api.schema import ID_SCHEMA
from api.throttling import ScopedThrottle
from api.v1.urls import IdConverter
from merchants.models import TIMEZONES

METHODS = {"get", "put", "post", "patch", "delete"}
PROBLEM = "application/problem+json"
# The largest enum a client should have to carry (the time zones were 599).
MAX_ENUM_VALUES = 60
ROOT = Path(__file__).resolve().parents[2]
DOMAIN_PACKAGES = ["core", "geo", "accounts", "merchants", "coupons", "checkins", "social", "stats", "webhooks", "api"]


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema: dict):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method, path, operation


def _responses(schema: dict):
    for method, path, operation in _operations(schema):
        for status, response in operation["responses"].items():
            yield method, path, status, response


def _deref(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        target = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _enums(node, where="#"):
    """Every enum anywhere in the schema, with where it is."""
    if isinstance(node, dict):
        if "enum" in node:
            yield where, node["enum"]
        for key, value in node.items():
            yield from _enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enums(value, f"{where}/{index}")


# ---------------------------------------------------------------------------------------------------------------------
# 1. Enums a generated client can carry
# ---------------------------------------------------------------------------------------------------------------------
def test_no_enum_is_too_long_or_collides_once_named_by_a_generated_client(schema):
    for where, values in _enums(schema):
        assert len(values) <= MAX_ENUM_VALUES, f"{where}: {len(values)} values"
        strings = [value for value in values if isinstance(value, str)]
        if not strings:
            continue
        class_info = Class(name=ClassName("Probe", ""), module_name="probe")
        # openapi-python-client 0.29.1's own naming, as its default configuration runs it (it raises on a collision).
        names = EnumProperty.values_from_list(strings, class_info, var_names=[])
        assert len(names) == len(strings), f"{where}: values collide once named: {strings}"


def test_time_zones_are_a_documented_string_and_still_checked(schema, user_client):
    assert "TimezoneEnum" not in schema["components"]["schemas"]
    field = schema["components"]["schemas"]["MerchantCreateInputRequest"]["properties"]["timezone"]
    assert field["type"] == "string" and field["format"] == "iana-time-zone" and field["example"] == "Asia/Seoul"
    assert "enum" not in field and "IANA" in field["description"]

    body = {
        "name": "Cheolsan Bakery",
        "category": "bakery",
        "address": "12 Cheolsan-ro",
        "lat": 37.4762,
        "lng": 126.868,
    }
    refused = user_client.post("/api/v1/merchants", {**body, "timezone": "Mars/Olympus"}, format="json")
    assert refused.status_code == 400 and list(refused.json()["errors"]) == ["timezone"]
    assert user_client.post("/api/v1/merchants", {**body, "timezone": "Etc/GMT+0"}, format="json").status_code == 201


def test_enum_naming_probe_catches_the_time_zones():
    """The probe above is the generator's own naming: the 599 time zones crashed it, and three of them merge."""
    probe = Class(name=ClassName("Probe", ""), module_name="probe")
    with pytest.raises(ValueError, match="Duplicate key"):
        EnumProperty.values_from_list(sorted(TIMEZONES), probe, var_names=[])
    assert len(EnumProperty.values_from_list(["Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0"], probe, var_names=[])) < 3


# ---------------------------------------------------------------------------------------------------------------------
# 2. Problems are application/problem+json, first and only
# ---------------------------------------------------------------------------------------------------------------------
def test_every_error_response_is_problem_json_only(schema):
    for method, path, status, response in _responses(schema):
        if status.startswith(("4", "5")):
            media = list(response.get("content", {}))
            assert media == [PROBLEM], f"{method} {path} {status}: {media}"
            assert response["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_every_operation_documents_406_as_the_server_answers_it(schema, user_client):
    for method, path, operation in _operations(schema):
        assert "406" in operation["responses"], f"{method} {path}"
    answer = user_client.get("/api/v1/me", HTTP_ACCEPT="text/html")
    assert answer.status_code == 406
    assert answer["Content-Type"] == PROBLEM and answer.json()["code"] == "not_acceptable"


# ---------------------------------------------------------------------------------------------------------------------
# 3. One type per id
# ---------------------------------------------------------------------------------------------------------------------
def test_every_path_parameter_is_an_int64_id(schema):
    for method, path, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["name"].endswith("_id"), f"{method} {path} {parameter['name']}"
                assert parameter["schema"] == ID_SCHEMA, f"{method} {path} {parameter['name']}"
    assert {"type": "integer", "format": "int64", "minimum": 1, "maximum": int("9" * 18)} == ID_SCHEMA


def _v1_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _v1_patterns(pattern, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/"):
            yield route


def test_every_id_in_a_path_is_taken_by_the_id_converter():
    for route in _v1_patterns():
        for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
            assert converter == "id", f"{route}: <{converter}:{name}>"
    assert IdConverter.regex == "[0-9]{1,18}"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/merchants/1234567890123456789",
        "/api/v1/friends/1234567890123456789",
        "/api/v1/friends/requests/1234567890123456789/accept",
        "/api/v1/campaigns/1234567890123456789/stats.csv",
    ],
)
def test_ids_past_18_digits_are_404_problems(user_client, path):
    answer = user_client.get(path) if "merchants" in path or "stats" in path else user_client.post(path)
    assert answer.status_code == 404 and answer["Content-Type"] == PROBLEM


# ---------------------------------------------------------------------------------------------------------------------
# 4. Headers, problem members, titles, notifications
# ---------------------------------------------------------------------------------------------------------------------
def test_every_response_declares_request_id_and_content_language(schema):
    for method, path, status, response in _responses(schema):
        headers = response.get("headers", {})
        assert {"X-Request-ID", "Content-Language"} <= set(headers), f"{method} {path} {status}"
    declared = _deref(schema, {"$ref": "#/components/headers/Content-Language"})["schema"]["enum"]
    assert declared == [code for code, _name in settings.LANGUAGES]


def test_every_answer_carries_request_id_and_content_language(user_client, api_client):
    answers = [
        user_client.get("/api/v1/me"),
        user_client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="ko"),
        api_client.get("/api/v1/me"),  # 401
        user_client.get("/api/v1/merchants/nearby?lat=NaN&lng=1"),  # 400
        user_client.get("/api/v1/nowhere"),  # 404 from the URL resolver
        user_client.get("/api/v1/me", HTTP_ACCEPT="text/html"),  # 406
    ]
    for answer in answers:
        assert answer["X-Request-ID"] and answer["Content-Language"] in {"en", "ko", "ja", "zh-hans"}
    assert answers[1]["Content-Language"] == "ko"
    echoed = user_client.get("/api/v1/me", HTTP_X_REQUEST_ID="trace-42")
    assert echoed["X-Request-ID"] == "trace-42"


def test_every_429_declares_retry_after(schema):
    for method, path, status, response in _responses(schema):
        if status == "429":
            assert "Retry-After" in response["headers"], f"{method} {path}"


def test_idempotent_writes_declare_the_replay_header(schema):
    idempotent = {
        (method, path)
        for method, path, operation in _operations(schema)
        if any(p["in"] == "header" and p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    }
    assert {
        ("post", "/api/v1/checkins"),
        ("post", "/api/v1/merchants/{merchant_id}/redemptions"),
        ("post", "/api/v1/merchants/{merchant_id}/redemptions/{redemption_id}/void"),
    } <= idempotent
    for method, path in idempotent:
        for status, response in schema["paths"][path][method]["responses"].items():
            assert "Idempotent-Replayed" in response["headers"], f"{method} {path} {status}"
        key = next(p for p in schema["paths"][path][method]["parameters"] if p["name"] == "Idempotency-Key")
        assert key["schema"]["maxLength"] == 255 and key["schema"]["pattern"]


def test_file_answers_declare_content_disposition(schema):
    for method, path in [
        ("get", "/api/v1/campaigns/{campaign_id}/stats.csv"),
        ("get", "/api/v1/me/export"),
        ("get", "/api/v1/me/coupons/{coupon_id}/qr.png"),
        ("get", "/api/v1/me/coupons/{coupon_id}/qr.svg"),
    ]:
        assert "Content-Disposition" in schema["paths"][path][method]["responses"]["200"]["headers"], path


def _extension_members() -> dict[str, set[str]]:
    """The extra members every domain error is raised with anywhere in the code: {member: {file:line, ...}}."""
    error_classes: dict[str, set[str]] = {}  # class name -> the parameters its own __init__ takes (not members)
    for package in DOMAIN_PACKAGES:
        errors_file = ROOT / package / "errors.py"
        if errors_file.exists():
            for node in ast.parse(errors_file.read_text()).body:
                if isinstance(node, ast.ClassDef):
                    init = next((f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
                    arguments = init.args.args + init.args.kwonlyargs if init else []
                    error_classes[node.name] = {argument.arg for argument in arguments} - {"detail", "code", "errors"}
    members: dict[str, set[str]] = {}
    for package in DOMAIN_PACKAGES:
        for source in (ROOT / package).rglob("*.py"):
            if "migrations" in source.parts:
                continue
            for node in ast.walk(ast.parse(source.read_text())):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in error_classes:
                    own_parameters = error_classes[node.func.id]
                    for keyword in node.keywords:
                        if keyword.arg not in {None, "detail", "code", "errors", *own_parameters}:
                            members.setdefault(keyword.arg, set()).add(f"{source.name}:{node.lineno}")
    return members


def test_problem_documents_every_extension_member_the_errors_carry(schema):
    members = _extension_members()
    assert {"retry_at", "redeemed_at", "distance_m", "expires_at"} <= set(members)  # the finder finds them
    properties = schema["components"]["schemas"]["Problem"]["properties"]
    for member, where in members.items():
        assert member in properties, f"Problem lacks `{member}` (raised with it at {sorted(where)})"
        assert properties[member].get("description"), member


def _problem_examples(schema: dict):
    for method, path, status, response in _responses(schema):
        media = response.get("content", {}).get(PROBLEM)
        if media is None:
            continue
        bodies = [media["example"]] if "example" in media else []
        bodies += [example["value"] for example in media.get("examples", {}).values()]
        for body in bodies:
            yield f"{method} {path} {status}", body


def test_problem_examples_carry_the_titles_the_server_sends(schema):
    titles = problem_titles()
    examples = list(_problem_examples(schema))
    assert len(examples) > 100
    for where, body in examples:
        assert body["title"] == titles[body["code"]], f"{where}: {body['code']}"
        assert body["type"] == "/problems/" + body["code"].replace("_", "-"), where


def test_problem_titles_are_the_ones_answered(user_client, api_client):
    titles = problem_titles()
    assert titles["validation_error"] == "Invalid input"  # the examples said "Validation error"
    for answer in [
        user_client.get("/api/v1/merchants/nearby?lat=NaN&lng=1"),
        api_client.get("/api/v1/me"),
        user_client.get("/api/v1/campaigns/999999/stats"),
        user_client.get("/api/v1/me", HTTP_ACCEPT="text/html"),
        user_client.post("/api/v1/notifications/read", {"all": False}, format="json"),
    ]:
        body = answer.json()
        assert body["title"] == titles[body["code"]], body


# ---------------------------------------------------------------------------------------------------------------------
# 8. Rate limits
# ---------------------------------------------------------------------------------------------------------------------
def _throttled_operations() -> set[tuple[str, str]]:
    """(method, route) of every operation a view rate-limits, read from the views themselves."""
    found = set()
    factory = APIRequestFactory()
    for route, view_class in _v1_views():
        for method in METHODS:
            if not hasattr(view_class, method):
                continue
            view = view_class()
            view.request = getattr(factory, method)("/")
            view.kwargs = {}
            view.format_kwarg = None
            throttles = [t for t in view.get_throttles() if isinstance(t, ScopedThrottle)]
            if throttles and getattr(view, "throttle_scope", None) in settings.THROTTLE_RATES:
                found.add((method, route))
    return found


def _v1_views(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _v1_views(pattern, route)
        elif route.startswith("api/v1/") and hasattr(pattern.callback, "view_class"):
            yield "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route), pattern.callback.view_class


def test_every_throttled_operation_declares_its_rate_limit(settings):
    settings.THROTTLE_RATES = {"auth": "30/min", "checkin": "30/min", "redemption": "120/min", "webhook_send": "5/min"}
    schema = SchemaGenerator().get_schema(request=None, public=True)  # with these rates
    throttled = _throttled_operations()
    assert {("post", "/api/v1/checkins"), ("post", "/api/v1/auth/token"), ("delete", "/api/v1/me")} <= throttled
    assert ("get", "/api/v1/merchants/{merchant_id}/redemptions") not in throttled  # only redeeming is limited
    for method, path in throttled:
        operation = schema["paths"][path][method]
        assert re.search(r"Rate limited: \d+ requests per (second|minute|hour|day)", operation["description"]), path
        assert "Retry-After" in operation["responses"]["429"]["headers"], path
        for status, response in operation["responses"].items():
            headers = response["headers"]
            assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(headers), (path, status)
    for method, path, status, response in _responses(schema):
        if (method, path) not in throttled:
            assert "RateLimit-Limit" not in response["headers"], (method, path, status)
