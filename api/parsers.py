"""The API's one body parser: JSON in UTF-8, nested at most JSON_MAX_DEPTH deep, with no text PostgreSQL cannot store.

Every check runs on the whole body before any view sees it, so that no serializer, field or message has to think
about it: a body that is not JSON (bad syntax, not UTF-8, a NUL byte, nesting that would exhaust the decoder's
recursion) is a 400 `malformed_json`; a string anywhere in it (a value or a member name) holding a NUL character or
an unpaired UTF-16 surrogate (`"\\ud800"`: valid JSON syntax, but no Unicode text) is a 400 `validation_error`
naming where it is.
"""

import json
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.parsers import JSONParser

# Far deeper than any body of this API (a campaign with its trigger is 2) and far below the decoder's recursion limit.
JSON_MAX_DEPTH = 32

# A JSON string from its opening quote to its closing one or the end of the text. Possessive, and it always matches
# at a quote, so that a body full of quotes and backslashes is scanned once (never quadratic).
_STRING = re.compile(r'"(?:[^"\\]++|\\.?)*+"?', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
# Text PostgreSQL cannot store (NUL) or that is not Unicode text at all (a lone surrogate; a valid pair decodes to
# one code point above U+FFFF and never matches).
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
# One message for text that is not text, wherever it arrives (a lone surrogate, invalid UTF-8 in a query, a NUL).
BAD_TEXT_MESSAGE = gettext_lazy("Must be valid Unicode text without NUL characters.")


class MalformedJson(exceptions.ParseError):
    default_detail = gettext_lazy("The request body is not valid JSON.")
    default_code = "malformed_json"


def text_is_clean(text: str) -> bool:
    """Whether a string can be stored and rendered: no NUL character, no unpaired surrogate."""
    return _BAD_TEXT.search(text) is None


def _nesting_exceeds(text: str, limit: int) -> bool:
    """Whether arrays and objects nest deeper than `limit`, counted without recursion (brackets in strings skipped)."""
    skeleton = _STRING.sub("", text)
    if skeleton.count("[") + skeleton.count("{") <= limit:
        return False
    depth = 0
    for bracket in _BRACKET.findall(skeleton):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


def _first_bad_text(data) -> str | None:
    """The dotted path (as api/problems.py writes nested fields) of the first string, in document order, that is not
    clean text: for a bad member name, the path of its object; "" for the body itself; None when all are clean."""
    pending = [(data, ())]
    while pending:
        value, path = pending.pop()
        if isinstance(value, str):
            if not text_is_clean(value):
                return ".".join(path)
        elif isinstance(value, dict):
            if not all(text_is_clean(key) for key in value):
                return ".".join(path)
            pending.extend(reversed([(item, (*path, key)) for key, item in value.items()]))
        elif isinstance(value, list):
            pending.extend(reversed([(item, (*path, str(index))) for index, item in enumerate(value)]))
    return None


def json_body_parse(raw: bytes, *, allow_nan: bool = True):
    """Decode a request body, or raise MalformedJson / a ValidationError naming the field that holds bad text."""
    if b"\x00" in raw:
        raise MalformedJson(_("The request body contains a NUL byte."))
    try:
        # RFC 8259: JSON between systems is UTF-8, and a `charset` parameter has no effect. A BOM is not JSON.
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedJson(_("The request body is not valid UTF-8.")) from None
    if _nesting_exceeds(text, JSON_MAX_DEPTH):
        raise MalformedJson(_("Arrays and objects may nest at most %(depth)d deep.") % {"depth": JSON_MAX_DEPTH})
    try:
        # NaN and Infinity literals (and 1e309) are read as floats so that the field holding one is named by its
        # serializer field (api/fields.py refuses non-finite numbers) rather than the whole body refused.
        data = json.loads(text, parse_constant=None if allow_nan else _refuse_constant)
    except json.JSONDecodeError as error:
        # The decoder's own words name the position, never the input.
        raise MalformedJson(
            _("The request body is not valid JSON: %(reason)s at line %(line)d, column %(column)d.")
            % {"reason": error.msg, "line": error.lineno, "column": error.colno}
        ) from None
    except (ValueError, RecursionError):  # an integer of over 4,300 digits, a refused constant
        raise MalformedJson() from None
    bad = _first_bad_text(data)
    if bad is not None:
        raise exceptions.ValidationError({bad or "non_field_errors": [BAD_TEXT_MESSAGE]})
    return data


def _refuse_constant(name):
    raise ValueError(name)


class ApiJSONParser(JSONParser):
    """DRF's JSONParser with the checks above (REST_FRAMEWORK's DEFAULT_PARSER_CLASSES)."""

    def parse(self, stream, media_type=None, parser_context=None):
        return json_body_parse(stream.read() if stream is not None else b"", allow_nan=not self.strict)
