"""Hostile input never gives a 500: every operation of the committed openapi.yaml, swept with a fixed corpus of bad
bodies and queries, answers problem details (or a 2xx where it ignores what it does not read) and writes no row.

The sweep reads the committed schema, so an operation is swept as soon as the schema documents it; a new kind of
path id needs a real object in `world()` (the sweep refuses to guess).
"""

import json
import logging
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from django.db import connection
from django.test import Client
from django.utils import timezone
from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import FriendRequest
from checkins.models import Visibility
from coupons.models import Redemption
from social.models import Comment
from tests.factories import (
    CampaignFactory,
    CheckinFactory,
    CouponFactory,
    MerchantStaffFactory,
    UserFactory,
    webhook_delivery_make,
    webhook_endpoint_make,
)

# Real commits (no test transaction around the requests): check-ins commit an audit row on purpose, and the
# idempotency claim commits on its own; a rolled-back test would hide such writes.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

ROOT = Path(__file__).resolve().parents[2]
PROBLEM = "application/problem+json"
MISSING_ID = 999_999_999_999
# Tables written on purpose by a request whatever its ignored parts: a signed-in GET of a merchant records a view
# (its query parameters are neither read nor stored). Refused check-ins' audit rows are no exception here: the
# corpus holds no well-formed check-in.
PURPOSEFUL_WRITES = {"stats_merchantview"}

SURROGATE = "\ud800"  # json.dumps writes it as the escape "\ud800"
DEEP = 1000
# Raw JSON fragments that json.dumps cannot write, spliced into bodies in place of their marker strings.
RAW = {"@1e309@": "1e309", "@huge-int@": "9" * 400}

# Wrong JSON types, each skipped where the schema says it is the right one.
WRONG_TYPES = [("object", {"a": 1}), ("array", [1]), ("boolean", True), ("null", None), ("number", 1), ("string", "x")]

# Query values as they travel (percent-encoded): a lone surrogate can only arrive as its (invalid) UTF-8 bytes.
QUERY_VALUES = [
    ("surrogate", "%ED%A0%80"),
    ("invalid-utf8", "%FF"),
    ("NUL", "a%00b"),
    ("1e309", "1e309"),
    ("NaN", "NaN"),
    ("huge", "9" * 3000),
    ("empty", ""),
    ("object", quote('{"a":1}')),
    ("list", quote("[1]")),
    ("bool", "true"),
    ("negative", "-1"),
    ("string", "x"),
]
# Answers that must be refusals (4xx) wherever they are read, not just "no 5xx": bad text and bodies that are no
# JSON object would otherwise be stored by a PATCH without changing any row count.
MUST_REFUSE_BODIES = {"surrogate", "NUL", "key=surrogate", "deep-arrays", "deep-objects", "invalid-utf8"}
MUST_REFUSE_QUERIES = {"surrogate", "invalid-utf8", "NUL", "unknown=NUL", "unknown-key=surrogate"}


def _schema() -> dict:
    text = (ROOT / "openapi.yaml").read_text()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (a safe loader)


def _resolve(schema: dict, components: dict) -> dict:
    while True:
        if "$ref" in schema:
            schema = components[schema["$ref"].rsplit("/", 1)[1]]
        elif "allOf" in schema or "oneOf" in schema or "anyOf" in schema:
            schema = (schema.get("allOf") or schema.get("oneOf") or schema.get("anyOf"))[0]
        else:
            return schema


def _slots(schema: dict, components: dict, path=()):
    """Every (path, schema) a body can carry: properties at any depth, and array items (path step `[]`)."""
    schema = _resolve(schema, components)
    for name, prop in schema.get("properties", {}).items():
        resolved = _resolve(prop, components)
        yield (*path, name), {**resolved, "nullable": prop.get("nullable") or resolved.get("nullable")}
        if resolved.get("type") == "object" or "properties" in resolved:
            yield from _slots(resolved, components, (*path, name))
        if resolved.get("type") == "array" and "items" in resolved:
            items = _resolve(resolved["items"], components)
            yield (*path, name, "[]"), items
            yield from _slots(items, components, (*path, name, "[]"))


def _nest(path: tuple, value):
    for step in reversed(path):
        value = [value] if step == "[]" else {step: value}
    return value


def _json(value) -> bytes:
    text = json.dumps(value)
    for marker, raw in RAW.items():
        text = text.replace(json.dumps(marker), raw)
    return text.encode()


def _field_bodies(slot_path: tuple, slot: dict, limit: int):
    """(label, body) with bad values for one field: bad and huge text where it takes a string, 1e309 where it takes
    a number, a bad member name where it takes an object, and every JSON type it does not take."""
    label = ".".join(slot_path)
    kind = slot.get("type", "object" if "properties" in slot else None)
    if kind == "string":
        yield f"{label}=surrogate", _json(_nest(slot_path, "ab" + SURROGATE))
        yield f"{label}=NUL", _json(_nest(slot_path, "a\u0000b"))
        yield f"{label}=huge", _json(_nest(slot_path, "x" * (limit - 200 - len(label))))  # just under the limit
    if kind in {"integer", "number"}:
        yield f"{label}=1e309", _json(_nest(slot_path, "@1e309@"))
        yield f"{label}=huge-int", _json(_nest(slot_path, "@huge-int@"))  # no float can hold it, nor a bigint
    if kind == "object":
        yield f"{label}.key=surrogate", _json(_nest(slot_path, {SURROGATE: 1}))
    for name, value in WRONG_TYPES:
        right = name == kind or (name == "number" and kind == "integer") or (name == "null" and slot.get("nullable"))
        if not right:
            yield f"{label}={name}", _json(_nest(slot_path, value))


def _generic_bodies(limit: int):
    """(label, content type or None, body) whatever the operation. The parser's finer cases (charsets, a BOM,
    overlong UTF-8...) do not depend on the operation: tests/api/test_parsers.py has them."""
    json_type = "application/json"
    yield "deep-arrays", json_type, b"[" * DEEP + b"]" * DEEP
    yield "deep-objects", json_type, b'{"a":' * DEEP + b"1" + b"}" * DEEP
    yield "key=surrogate", json_type, _json({SURROGATE: "x"})
    yield "nested-key=NUL", json_type, _json({"a": [{"b": {"\u0000": 1}}]})
    yield "scalar=surrogate", json_type, _json(SURROGATE)
    yield "scalar=1e309", json_type, b"1e309"
    yield "scalar=NaN", json_type, b"NaN"
    yield "scalar=number", json_type, b"1"
    yield "scalar=string", json_type, b'"x"'
    yield "scalar=null", json_type, b"null"
    yield "scalar=true", json_type, b"true"
    yield "array", json_type, b"[{}]"
    yield "invalid-utf8", json_type, b'{"a": "\xff\xfe"}'
    yield "empty", json_type, b""
    yield "over-limit", json_type, _json({"a": "x" * (limit + 1)})
    yield "text/plain", "text/plain", b'{"a": 1}'
    yield "form", "application/x-www-form-urlencoded", b"a=1&b=%00"
    multipart = b'--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'
    yield "multipart", "multipart/form-data; boundary=XyZ", multipart
    yield "no-content-type", None, b'{"a": 1}'


SHORT_BODIES = {"deep-arrays", "key=surrogate", "scalar=number", "text/plain"}


def _good_query_value(schema: dict) -> str:
    if schema.get("enum"):
        return str(schema["enum"][0])
    if "default" in schema:
        return json.dumps(schema["default"]).strip('"')
    if "example" in schema:
        return str(schema["example"])
    if schema.get("type") in {"number", "integer"}:
        return str((schema.get("minimum", 0) + schema.get("maximum", 2)) // 2)
    return "true" if schema.get("type") == "boolean" else "a"


def _queries(operation: dict, components: dict, full: bool):
    """(label, query string, extra headers): unknown parameters with bad text; with `full`, every declared parameter
    given each bad value (the required others a good one), once more asking for CSV, and repeated."""
    yield "unknown=NUL", "zz=%00", {}
    yield "unknown-key=surrogate", "%ED%A0%80=1", {}
    if not full:
        return
    params = [p for p in operation.get("parameters", []) if p["in"] == "query"]
    baseline = {p["name"]: _good_query_value(_resolve(p["schema"], components)) for p in params if p.get("required")}
    for param in params:
        name = param["name"]
        for label, value in QUERY_VALUES:
            yield f"{name}={label}", "&".join(f"{k}={v}" for k, v in {**baseline, name: value}.items()), {}
        yield f"{name}=x&csv", f"{name}=x&format=csv", {"HTTP_ACCEPT": "text/csv"}
        yield f"{name}=repeated", f"{name}=1&{name}=%00", {}


def _table_counts() -> dict:
    tables = [t for t in connection.introspection.table_names() if t not in PURPOSEFUL_WRITES]
    union = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {connection.ops.quote_name(t)}" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(union)
        return dict(cursor.fetchall())


@pytest.fixture
def quiet_logs():
    """A request line per request and a warning per 4xx would drown the report."""
    loggers = [logging.getLogger(name) for name in ("api.request", "django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def _redemption(merchant) -> int:
    """A standing redemption at the merchant, made within the void window (its coupon mirroring it)."""
    coupon = CouponFactory(campaign__merchant=merchant, redeemed_at=timezone.now())
    return Redemption.objects.create(coupon=coupon, merchant=merchant, redeemed_at=coupon.redeemed_at).pk


def _webhook(merchant) -> tuple[int, int]:
    """An endpoint of the merchant with one delivery: (endpoint id, delivery id)."""
    endpoint = webhook_endpoint_make(merchant)
    return endpoint.pk, webhook_delivery_make(endpoint).pk


@pytest.fixture
def world():
    """Real objects for every kind of path id: `own` ones the signed-in staff user may act on, and `foreign` ones,
    real but not theirs to change (nor to see: a private check-in, someone else's friend request)."""
    staff = MerchantStaffFactory(role="owner")
    other = MerchantStaffFactory(role="owner")
    stranger = UserFactory()
    checkin = CheckinFactory(user=staff.user, merchant=staff.merchant, visibility=Visibility.PUBLIC)
    foreign_checkin = CheckinFactory(user=other.user, merchant=other.merchant, visibility=Visibility.PRIVATE)
    ids = {
        "merchant_id": (staff.merchant.pk, other.merchant.pk),
        "campaign_id": (CampaignFactory(merchant=staff.merchant).pk, CampaignFactory(merchant=other.merchant).pk),
        "checkin_id": (checkin.pk, foreign_checkin.pk),
        "comment_id": (
            Comment.objects.create(checkin=checkin, user=staff.user, text="mine").pk,
            Comment.objects.create(checkin=foreign_checkin, user=other.user, text="theirs").pk,
        ),
        "request_id": (
            FriendRequest.objects.create(from_user=other.user, to_user=staff.user).pk,
            FriendRequest.objects.create(from_user=other.user, to_user=stranger).pk,
        ),
        "user_id": (other.user.pk, stranger.pk),
        "redemption_id": tuple(_redemption(shop) for shop in (staff.merchant, other.merchant)),
        "coupon_id": (CouponFactory(user=staff.user).pk, CouponFactory(user=other.user).pk),
    }
    webhooks = [_webhook(shop) for shop in (staff.merchant, other.merchant)]
    ids["webhook_id"] = (webhooks[0][0], webhooks[1][0])
    ids["delivery_id"] = (webhooks[0][1], webhooks[1][1])
    return {"token": str(AccessToken.for_user(staff.user)), "ids": ids}


def _path_for(path: str, ids: dict, which: str) -> str:
    for name in [segment[1:-1] for segment in path.split("/") if segment.startswith("{")]:
        assert name in ids, f"{path}: give the sweep a real object for {{{name}}} in world()"
        own, foreign = ids[name]
        path = path.replace(f"{{{name}}}", str({"own": own, "foreign": foreign, "missing": MISSING_ID}[which]))
    return path


def _plan(schema: dict, world: dict, limit: int):
    """Every request of the sweep: (identity, method, url, content type, body, headers, label, must refuse).

    The whole corpus goes once to each operation as its natural caller (anonymous where the operation allows it,
    else the staff user, on objects they may change, so that bodies reach validation); a short part goes as the
    other caller, and to real ids that are not the caller's and to ids that do not exist. An operation whose only
    input is its path id (pause, like, accept...) is swept on ids that are not the caller's: on their own it would
    rightly act."""
    components = schema.get("components", {}).get("schemas", {})
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            anonymous_first = not operation.get("security") or {} in operation["security"]
            mine = "foreign" if method != "get" and body_schema is None else "own"
            passes = [("anonymous", mine, anonymous_first), ("staff", mine, not anonymous_first)]
            if "{" in path:
                passes += [("staff", "missing", False)] + ([("staff", "foreign", False)] if mine == "own" else [])
            for identity, which, full in passes:
                url = _path_for(path, world["ids"], which)
                # The view reads the body: the caller may call it, on an object that exists and is theirs.
                reads_body = body_schema is not None and (anonymous_first or (identity == "staff" and which == "own"))
                if method != "get":
                    for label, content_type, body in _generic_bodies(limit):
                        if full or label in SHORT_BODIES:
                            refuse = reads_body and label in MUST_REFUSE_BODIES
                            yield identity, method, url, content_type, body, {}, f"body {label}", refuse
                if body_schema is not None and full:
                    for slot_path, slot in _slots(body_schema, components):
                        for label, body in _field_bodies(slot_path, slot, limit):
                            refuse = label.rsplit("=", 1)[1] in MUST_REFUSE_BODIES
                            yield identity, method, url, "application/json", body, {}, f"body {label}", refuse
                for label, query, headers in _queries(operation, components, full):
                    refuse = label in MUST_REFUSE_QUERIES or label.rsplit("=", 1)[-1] in MUST_REFUSE_QUERIES
                    yield identity, method, f"{url}?{query}", None, b"", headers, f"query {label}", refuse
                headers = [p["name"] for p in operation.get("parameters", []) if p["in"] == "header" and full]
                for header in headers:
                    key = "HTTP_" + header.upper().replace("-", "_")
                    for label, value in [
                        ("NUL", "a\x00b"),
                        ("non-ascii", "\u043a\u043b\u044e\u0447"),
                        ("huge", "k" * 5000),
                    ]:
                        yield identity, method, url, "application/json", b"{}", {key: value}, f"header {label}", False


def test_every_operation_survives_the_hostile_corpus(world, settings, quiet_logs):
    schema = _schema()
    client = Client(raise_request_exception=False)
    auth = {"anonymous": {}, "staff": {"HTTP_AUTHORIZATION": f"Bearer {world['token']}"}}
    before = _table_counts()
    failures, sent = [], 0
    for identity, method, url, content_type, body, headers, label, refuse in _plan(
        schema, world, settings.API_MAX_BODY_BYTES
    ):
        response = client.generic(method.upper(), url, body, content_type=content_type, **auth[identity], **headers)
        sent += 1
        where = f"{method.upper()} {url[:100]} [{identity}, {label}] -> {response.status_code}"
        if response.status_code >= 500 or (refuse and response.status_code < 400):
            failures.append(where)
        elif response.status_code >= 400:
            if response.get("Content-Type") != PROBLEM:
                failures.append(f"{where}: Content-Type {response.get('Content-Type')}")
            elif "code" not in json.loads(response.content):
                failures.append(f"{where}: no code")
    after = _table_counts()
    assert sent > 1000
    assert not failures, f"{len(failures)} of {sent} answers were wrong:\n" + "\n".join(failures[:80])
    assert after == before, {
        table: (before[table], after.get(table)) for table in before if before[table] != after[table]
    }
