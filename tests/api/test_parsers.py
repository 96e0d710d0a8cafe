"""The API's JSON parser (api/parsers.py): bounded nesting, UTF-8 only, and no NUL or lone surrogate in any string."""

import json
import time

import pytest
from rest_framework.exceptions import ParseError, ValidationError

from api.parsers import BAD_TEXT_MESSAGE, JSON_MAX_DEPTH, json_body_parse
from tests.conftest import client_for

PROBLEM = "application/problem+json"


def _malformed(raw: bytes) -> str:
    with pytest.raises(ParseError) as caught:
        json_body_parse(raw)
    assert caught.value.default_code == "malformed_json"
    return str(caught.value.detail)


def _bad_text_at(raw: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        json_body_parse(raw)
    ((field, messages),) = caught.value.detail.items()
    assert [str(message) for message in messages] == [str(BAD_TEXT_MESSAGE)]
    return field


def test_nesting_up_to_the_limit_is_read_and_one_more_level_is_not():
    assert json_body_parse(b"[" * JSON_MAX_DEPTH + b"]" * JSON_MAX_DEPTH) is not None
    assert json_body_parse(b'{"a":' * JSON_MAX_DEPTH + b"1" + b"}" * JSON_MAX_DEPTH) is not None
    assert "32" in _malformed(b"[" * (JSON_MAX_DEPTH + 1) + b"]" * (JSON_MAX_DEPTH + 1))
    _malformed(b"[{" * 500 + b"}]" * 500)
    _malformed(b"[" * 100_000)  # unbalanced: refused before the decoder's recursion is reached


def test_brackets_inside_strings_do_not_count_as_nesting():
    deep_looking = "[" * 100 + '\\"' + "{" * 100
    assert json_body_parse(json.dumps({"text": deep_looking, "k" + "[" * 50: 1}).encode())["text"] == deep_looking
    assert json_body_parse(b'["\\\\", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]')[0] == "\\"


@pytest.mark.parametrize(
    "raw",
    [
        b'"' + b'\\"' * 40_000,  # one unterminated string of escaped quotes
        b'"\\' * 40_000,  # quotes and backslashes alternating
        b'["' * 30_000,
        b"[" * 40_000 + b'"' * 40_000,
    ],
)
def test_the_nesting_check_is_linear_on_pathological_bodies(raw):
    started = time.perf_counter()
    with pytest.raises(ParseError):
        json_body_parse(raw)
    assert time.perf_counter() - started < 1.0  # quadratic scanning would take minutes


def test_nan_and_infinity_are_read_so_that_the_field_is_named():
    data = json_body_parse(b'{"lat": NaN, "lng": -Infinity, "radius": 1e309}')
    assert all(value != value or abs(value) == float("inf") for value in data.values())


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b'{"name": "\\ud800"}', "name"),
        (b'{"name": "ok \\udfff"}', "name"),
        (b'{"name": "a\\u0000b"}', "name"),
        (b'{"trigger": {"type": "\\ud800"}}', "trigger.type"),
        (b'{"ids": [1, 2, "\\u0000"]}', "ids.2"),
        (b'{"a": [{"b": 1}, {"c": {"\\ud800": 1}}]}', "a.1.c"),  # a bad member name: the object holding it
        (b'{"\\u0000": 1}', "non_field_errors"),
        (b'"\\ud800"', "non_field_errors"),
        (b'{"first": "\\ud800", "second": "\\u0000"}', "first"),  # the first in document order
    ],
)
def test_a_string_that_is_not_clean_text_is_named_wherever_it_is(raw, field):
    assert _bad_text_at(raw) == field


def test_a_surrogate_pair_is_text():
    assert json_body_parse(b'{"name": "\\ud83d\\ude00"}') == {"name": "\U0001f600"}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"a": "\xff"}', "UTF-8"),
        (b'{"a": "\xc0\xaf"}', "UTF-8"),  # overlong
        (b'{"a": "\xed\xa0\x80"}', "UTF-8"),  # a surrogate's bytes
        ('{"a": 1}'.encode("utf-16"), "NUL"),
        (b'{"a": "\x00"}', "NUL"),
        (b"\xef\xbb\xbf{}", "BOM"),
        (b'{"a": "\x01"}', "control character"),
        (b"", "Expecting value"),
        (b"1" * 5000, "not valid JSON"),  # more digits than Python converts
    ],
)
def test_bodies_that_are_not_json_text_are_malformed(raw, reason):
    assert reason in _malformed(raw)


def test_the_charset_parameter_is_ignored_as_rfc_8259_says(user):
    client = client_for(user)
    for charset in ("latin-1", "bz2_codec", "utf-16", "no-such-charset"):
        response = client.post(
            "/api/v1/friends/requests",
            '{"username": "nobody-\u00e9"}'.encode(),
            content_type=f"application/json; charset={charset}",
        )
        assert response.status_code == 404, (charset, response.content)  # read as UTF-8, then: no such user
    response = client.post("/api/v1/friends/requests", b'{"username": "\xe9"}', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_json"
