"""Consents: read and change your location consent (GET/PUT /me/consents)."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from accounts.consents import location_consent_find
from api.schema import problem, problem_example
from api.views import ApiView
from checkins.retention import location_consent_change


class ConsentOutput(serializers.Serializer):
    granted = serializers.BooleanField(help_text="Whether you agree now.")
    changed_at = serializers.DateTimeField(allow_null=True, help_text="When you last changed it; null: never.")
    terms_version = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text="The version of the terms your last change was made under; null: never changed.",
    )


class ConsentsOutput(serializers.Serializer):
    location = ConsentOutput(
        help_text="Consent to the collection of your location (needed to check in: the GPS fix is location data)."
    )


class StrictBooleanField(serializers.BooleanField):
    # A consent is an explicit act: JSON true or false only, not "yes", 1 or "on".
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class ConsentsInput(serializers.Serializer):
    location = StrictBooleanField(
        help_text="true to agree to the collection of your location; false withdraws it and erases your raw fixes."
    )


def _consents_body(user) -> dict:
    state = location_consent_find(user=user)
    return {
        "location": {"granted": state.granted, "changed_at": state.changed_at, "terms_version": state.terms_version}
    }


_EXAMPLE = {"location": {"granted": True, "changed_at": "2026-12-01T09:30:00.247118Z", "terms_version": "2026-12"}}
_WITHDRAWN = {"location": {"granted": False, "changed_at": "2026-12-03T11:02:45.600371Z", "terms_version": "2026-12"}}
_CONSENTS_DESCRIPTION = """Your consents: for now one, to the collection of your location (Korea's Location Information
Act). Without it `POST /checkins` is refused with 403 `location_consent_required` before your fix is stored anywhere."""


class MyConsentsView(ApiView):
    @extend_schema(
        tags=["privacy"],
        summary="Your consents",
        description=_CONSENTS_DESCRIPTION,
        responses={200: ConsentsOutput},
        examples=[OpenApiExample("consented", value=_EXAMPLE, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        return Response(_consents_body(request.user))

    @extend_schema(
        tags=["privacy"],
        summary="Grant or withdraw your location consent",
        description=(
            "Each change is recorded with its time and the version of the terms (`terms_version`); sending the answer "
            "you already gave changes and records nothing. Withdrawing erases at once the raw GPS fixes of all your "
            "check-ins and refused attempts (position and accuracy; the merchant, time and distance stay) and stops "
            "check-ins until you agree again."
        ),
        request=ConsentsInput,
        responses={
            200: ConsentsOutput,
            400: problem(
                "`location` missing or not a boolean.",
                problem_example(
                    400,
                    "validation_error",
                    "location: This field is required.",
                    {"location": ["This field is required."]},
                ),
            ),
        },
        examples=[
            OpenApiExample("agree", value={"location": True}, request_only=True),
            OpenApiExample("withdraw", value={"location": False}, request_only=True),
            OpenApiExample("consented", value=_EXAMPLE, response_only=True, status_codes=["200"]),
            OpenApiExample("withdrawn", value=_WITHDRAWN, response_only=True, status_codes=["200"]),
        ],
    )
    def put(self, request):
        data = ConsentsInput(data=request.data)
        data.is_valid(raise_exception=True)
        location_consent_change(user=request.user, granted=data.validated_data["location"])
        return Response(_consents_body(request.user))
