"""The published API documentation is complete and true: every operation described, every success shown by an
example, every parameter described, every example valid against its schema, and the links of cursor lists shown as
the server makes them (an opaque `cursor`, never an offset)."""

import re
from datetime import date, datetime, time
from urllib.parse import parse_qsl, urlsplit

import jsonschema
import pytest
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from accounts.models import Notification
from api.cursor import NEXT, PREVIOUS, CursorPagination, cursor_request_parse
from tests import factories
from tests.conftest import client_for

JSON = "application/json"
METHODS = {"get", "put", "post", "patch", "delete"}

# Successes that are not JSON and carry no example, each with the reason.
EXAMPLE_EXEMPT = {
    ("get", "/api/v1/me/coupons/{coupon_id}/qr.png", "image/png"): "a binary image; the description says what it holds",
    ("get", "/api/v1/me/coupons/{coupon_id}/qr.svg", "image/svg+xml"): "an image (the same QR code as the PNG)",
    ("get", "/api/v1/me/coupons/{coupon_id}/qr.png", "application/octet-stream"): "the PNG's bytes, for SDKs",
    ("get", "/api/v1/me/coupons/{coupon_id}/qr.svg", "application/octet-stream"): "the SVG's bytes, for SDKs",
}


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema: dict):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method, path, operation, item.get("parameters", [])


def _deref(schema: dict, node: dict) -> dict:
    """A parameter or header, following its `$ref` into the components."""
    while "$ref" in node:
        target = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _concrete(path: str) -> str:
    """A path of the schema with an id in each parameter, as a request would have it."""
    return re.sub(r"\{[^}]+\}", "1", path)


def _examples(content: dict) -> list[tuple[str, object]]:
    """The examples of one media type: (name, value)."""
    found = [(name, example["value"]) for name, example in content.get("examples", {}).items()]
    if "example" in content:
        found.append(("example", content["example"]))
    return found


def test_every_operation_has_a_description(schema):
    missing = [f"{method.upper()} {path}" for method, path, op, _ in _operations(schema) if not op.get("description")]
    assert not missing, "operations without a description:\n" + "\n".join(missing)


def test_every_success_and_every_json_body_has_an_example(schema):
    missing = []
    for method, path, operation, _ in _operations(schema):
        for status, response in operation["responses"].items():
            if not status.startswith("2"):
                continue
            for media_type, content in response.get("content", {}).items():
                if not _examples(content) and (method, path, media_type) not in EXAMPLE_EXEMPT:
                    missing.append(f"{method.upper()} {path}: {status} {media_type}")
        for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
            if media_type == JSON and not _examples(content):
                missing.append(f"{method.upper()} {path}: request body")
    assert not missing, "successes or request bodies without an example:\n" + "\n".join(missing)


def test_the_exemptions_are_still_needed(schema):
    """An exemption names an operation that exists and still has no example (else it should go)."""
    for method, path, media_type in EXAMPLE_EXEMPT:
        content = schema["paths"][path][method]["responses"]["200"]["content"][media_type]
        assert not _examples(content)


def test_every_parameter_and_response_header_has_a_description(schema):
    missing = []
    for method, path, operation, shared in _operations(schema):
        for parameter in (_deref(schema, node) for node in operation.get("parameters", []) + shared):
            if not parameter.get("description"):
                missing.append(f"{method.upper()} {path}: {parameter['in']} parameter {parameter['name']}")
        for status, response in operation["responses"].items():
            for name, header in response.get("headers", {}).items():
                if not _deref(schema, header).get("description"):
                    missing.append(f"{method.upper()} {path}: {status} header {name}")
    assert not missing, "parameters without a description:\n" + "\n".join(missing)


# Examples against their schemas. OpenAPI 3.0's schema dialect is close to JSON Schema: `nullable` becomes a null
# alternative, and objects are closed (an example may not carry a field its schema lacks), so that an example cannot
# drift from the schema silently.


def _json_schema(node):
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _json_schema(value) for key, value in node.items() if key not in ("nullable", "example")}
    if "properties" in converted and "additionalProperties" not in converted:
        converted["additionalProperties"] = False
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


_FORMATS = jsonschema.FormatChecker(formats=())


@_FORMATS.checks("date-time", raises=(ValueError, TypeError))
def _is_datetime(value) -> bool:
    # An offset is required: the API's times are ISO 8601 with offset.
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value) -> bool:
    return not isinstance(value, str) or bool(date.fromisoformat(value))


@_FORMATS.checks("time", raises=ValueError)
def _is_time(value) -> bool:
    return not isinstance(value, str) or bool(time.fromisoformat(value))


@_FORMATS.checks("uri")
def _is_uri(value) -> bool:
    return not isinstance(value, str) or bool(urlsplit(value).scheme and urlsplit(value).netloc)


def _example_errors(schema: dict, where: str, content: dict) -> list[str]:
    if "schema" not in content:
        return []
    root = {"components": _json_schema(schema["components"]), **_json_schema(content["schema"])}
    validator = jsonschema.Draft202012Validator(root, format_checker=_FORMATS)
    errors = []
    for name, value in _examples(content):
        for error in validator.iter_errors(value):
            location = "/".join(map(str, error.absolute_path))
            errors.append(f"{where} example {name!r} at {location or '(root)'}: {error.message}")
    return errors


def test_every_example_validates_against_its_schema(schema):
    errors = []
    for method, path, operation, _ in _operations(schema):
        for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
            errors += _example_errors(schema, f"{method.upper()} {path} request {media_type}", content)
        for status, response in operation["responses"].items():
            for media_type, content in response.get("content", {}).items():
                if media_type.endswith("json"):
                    errors += _example_errors(schema, f"{method.upper()} {path} {status} {media_type}", content)
    assert not errors, "examples that do not match their schema:\n" + "\n".join(errors)


def test_the_validation_catches_a_wrong_example(schema):
    """The check above can fail: a field the schema lacks, a missing field, a wrong type, a time without offset."""
    content = schema["paths"]["/api/v1/me"]["get"]["responses"]["200"]["content"][JSON]
    [(_, good)] = _examples(content)[:1]
    assert _example_errors(schema, "me", {"schema": content["schema"], "example": good}) == []
    for bad in (
        {**good, "nickname": "minji"},
        {key: value for key, value in good.items() if key != "username"},
        {**good, "id": "42"},
        {**good, "date_joined": "2026-05-02T09:14:03"},
    ):
        assert _example_errors(schema, "me", {"schema": content["schema"], "example": bad})


# Cursor lists (the feed, notifications, the location log): their examples link to other pages by an opaque cursor
# that this very list accepts, on the list's own path, as the server builds the link.


def _cursor_operations(schema: dict):
    for method, path, operation, _ in _operations(schema):
        if any(_deref(schema, parameter)["name"] == "cursor" for parameter in operation.get("parameters", [])):
            yield method, path, operation


def _link_errors(path: str, link, direction: str) -> list[str]:
    if link is None:
        return []
    url = urlsplit(link)
    names = [name for name, _ in parse_qsl(url.query)]
    on_this_list = re.fullmatch(re.sub(r"\\\{[^}]+\\\}", "[0-9]+", re.escape(path)), url.path)
    if not on_this_list or sorted(names) != ["cursor", "limit"]:
        return [f"{path}: {link} is not a cursor link of this list (path {url.path}, parameters {names})"]
    pagination = resolve(url.path).func.view_class.pagination_class
    request = Request(APIRequestFactory().get(link))
    page = cursor_request_parse(request, key_load=pagination.key_load)  # a 400 (ValidationFailed) if not a cursor
    return [] if page.direction == direction else [f"{path}: {link} does not lead {direction}"]


def test_cursor_lists_show_cursor_links(schema):
    operations = list(_cursor_operations(schema))
    assert {path for _, path, _ in operations} >= {"/api/v1/feed", "/api/v1/notifications", "/api/v1/me/location-log"}
    errors = []
    for _method, path, operation in operations:
        view = resolve(_concrete(path)).func.view_class
        assert issubclass(view.pagination_class, CursorPagination), path
        content = operation["responses"]["200"]["content"][JSON]
        pages = [value for _, value in _examples(content)]
        component = content["schema"]["$ref"].rsplit("/", 1)[1]
        links = schema["components"]["schemas"][component]["properties"]
        pages.append({"next": links["next"]["example"], "previous": links["previous"]["example"]})
        for page in pages:
            if page["next"] is None:
                errors.append(f"{path}: an example page without a `next` link shows no cursor")
            errors += _link_errors(path, page["next"], NEXT)
            errors += _link_errors(path, page["previous"], PREVIOUS)
    assert not errors, "\n".join(errors)


@pytest.mark.django_db
def test_the_documented_cursor_link_has_the_shape_the_server_gives(schema):
    user = factories.UserFactory()
    for number in range(3):
        Notification.objects.create(user=user, type=Notification.Type.LIKE, data={"n": number})
    served = client_for(user).get("/api/v1/notifications?limit=1").json()["next"]
    [(_, example)] = _examples(schema["paths"]["/api/v1/notifications"]["get"]["responses"]["200"]["content"][JSON])
    documented = urlsplit(example["next"])
    served_url = urlsplit(served)
    assert documented.path == served_url.path
    assert [name for name, _ in parse_qsl(documented.query)] == [name for name, _ in parse_qsl(served_url.query)]
