"""Every text field of the API takes a JSON string only: a number or a boolean is a 400 naming the field."""

import importlib
import inspect
import pkgutil

import pytest
from rest_framework import serializers

import api.v1
from api.fields import StrictCharMixin
from tests.conftest import client_for

PROBLEM = "application/problem+json"
# Modules whose serializers only render (their text fields never parse input): the statistics take no body.
OUTPUT_ONLY_MODULES = {"stats"}


def _serializer_classes():
    """Every serializer class of api/v1, those nested in views included."""
    seen = set()
    for info in pkgutil.iter_modules(api.v1.__path__):
        if info.name in OUTPUT_ONLY_MODULES:
            continue
        module = importlib.import_module(f"api.v1.{info.name}")
        stack = [value for value in vars(module).values() if inspect.isclass(value)]
        while stack:
            klass = stack.pop()
            if klass in seen or not klass.__module__.startswith("api."):
                continue
            seen.add(klass)
            if issubclass(klass, serializers.Serializer):
                yield klass
            stack += [value for value in vars(klass).values() if inspect.isclass(value)]


def _writable_text_fields(serializer, prefix=""):
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.Serializer):
            yield from _writable_text_fields(field, f"{prefix}{name}.")
        elif isinstance(field, serializers.CharField) and not field.read_only:
            yield f"{prefix}{name}", field


def test_every_text_field_of_the_api_is_strict():
    classes = list(_serializer_classes())
    assert len(classes) > 20
    lenient = [
        f"{klass.__module__}.{klass.__qualname__}.{name}"
        for klass in classes
        for name, field in _writable_text_fields(klass())
        if not isinstance(field, StrictCharMixin)
    ]
    assert not lenient, lenient


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "body", "fields"),
    [
        (
            "/api/v1/auth/register",
            {"username": 12345, "password": 12345678, "display_name": 0, "email": 1},
            {"username", "password", "display_name", "email"},
        ),
        ("/api/v1/auth/token", {"username": 12345, "password": 12345678}, {"username", "password"}),  # simplejwt's
        ("/api/v1/auth/token/refresh", {"refresh": 12345}, {"refresh"}),  # simplejwt's
    ],
)
def test_numbers_in_text_fields_are_400_naming_them(api_client, path, body, fields):
    response = api_client.post(path, body, format="json")
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM), response.content
    assert set(response.json()["errors"]) == fields


@pytest.mark.django_db
def test_a_boolean_comment_is_400(user):
    response = client_for(user).post("/api/v1/checkins/1/comments", {"text": True}, format="json")
    assert response.status_code == 400 and set(response.json()["errors"]) == {"text"}
