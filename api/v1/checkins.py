"""Check-ins: check in at a merchant (anti-cheat, coupons on the spot) and list your own check-ins."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import StrictCharField, StrictFloatField, StrictIntegerField, latitude_field, longitude_field
from api.idempotency import IDEMPOTENCY_PARAMETER, IDEMPOTENCY_RESPONSES, idempotent
from api.schema import problem, problem_example
from api.throttling import ScopedThrottle
from api.v1 import examples
from api.views import ApiView
from checkins import selectors, services
from checkins.models import Visibility
from merchants.models import Category

MAX_ID = 2**63 - 1


class MerchantBriefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()


class CheckinCouponOutput(serializers.Serializer):
    id = serializers.IntegerField()
    code = StrictCharField(help_text="10 characters of Crockford base32; show it at the counter.")
    title = StrictCharField()
    expires_at = serializers.DateTimeField()
    campaign_id = serializers.IntegerField()


class CheckinNoticeOutput(serializers.Serializer):
    visibility = serializers.ChoiceField(choices=Visibility.choices, help_text="The visibility this check-in took.")
    text = StrictCharField(help_text="Who will see it, in a sentence in the request's language.")
    settings = StrictCharField(help_text="Where to change your default visibility (PATCH `default_visibility`).")


class CheckinCreateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    merchant = MerchantBriefOutput()
    created_at = serializers.DateTimeField()
    distance_m = serializers.FloatField(help_text="Spheroid distance from your fix to the merchant's pin, in metres.")
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    message = StrictCharField()
    coupons = CheckinCouponOutput(many=True, help_text="Coupons this check-in earned you (often none).")
    notice = CheckinNoticeOutput(
        allow_null=True,
        help_text="On your first check-in only: who will see your check-ins and where to change it; null afterwards.",
    )


# One whole sentence per visibility, so that each language can say it its own way.
_NOTICE_TEXT = {
    Visibility.FRIENDS: gettext_lazy(
        "Your friends will see this check-in and the place. You can change who sees your check-ins in your settings."
    ),
    Visibility.PUBLIC: gettext_lazy(
        "Everyone will see this check-in and the place. You can change who sees your check-ins in your settings."
    ),
    Visibility.PRIVATE: gettext_lazy(
        "Only you will see this check-in. You can change who sees your check-ins in your settings."
    ),
}


def _notice(visibility: str) -> dict:
    return {"visibility": visibility, "text": str(_NOTICE_TEXT[visibility]), "settings": reverse("v1:me")}


def _created_body(result) -> dict:
    checkin = result.checkin
    return {
        "id": checkin.pk,
        "merchant": {"id": checkin.merchant_id, "name": result.merchant_name},
        "created_at": checkin.created_at,
        "distance_m": checkin.distance_m,
        "visibility": checkin.visibility,
        "message": checkin.message,
        "coupons": [
            {
                "id": c.id,
                "code": c.code,
                "title": c.title,
                "expires_at": c.expires_at,
                "campaign_id": c.campaign_id,
            }
            for c in result.coupons
        ],
        "notice": _notice(checkin.visibility) if result.notice_due else None,
    }


class CheckinCreateInput(serializers.Serializer):
    merchant_id = StrictIntegerField(min_value=1, max_value=MAX_ID, help_text="Where you are checking in.")
    lat = latitude_field()
    lng = longitude_field()
    accuracy_m = StrictFloatField(
        min_value=0, help_text="The fix's reported accuracy (radius, metres); above the limit (200 m) is a 422."
    )
    message = StrictCharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="Optional, up to 500 characters."
    )
    visibility = serializers.ChoiceField(
        choices=Visibility.choices,
        required=False,
        help_text=(
            "Who may see this check-in: `friends`, `public` or `private` (you alone); without it, your "
            "`default_visibility` (GET /me; `friends` unless you changed it). A private check-in "
            "reveals nothing to anyone else, so it takes no part in `with_friends` group unlocks: it neither unlocks "
            "a group nor counts as a friend present for someone else's."
        ),
    )


_CHECKIN_DESCRIPTION = """Checks you in at a merchant and issues, on the spot, the coupons of its running campaigns
whose trigger you meet.

Any signed-in user who has agreed to the collection of their location may check in (else 403
`location_consent_required`, checked before anything is stored). The server decides from your fix whether you are
there; the first rule that applies refuses the check-in with a 422
and its `code` (nothing is written but an audit record for fraud review):
`poor_accuracy` (accuracy_m above the limit, 200 m), `too_far` (the distance to the merchant less your accuracy,
credited up to the merchant's radius, exceeds `checkin_radius_m`), `checkin_cooldown` (you checked in here within
the last 60 minutes), `implausible_travel` (reaching here from your previous check-in needs more than 300 km/h; pairs
under 1 km apart are exempt). One user's check-ins are processed one at a time, so parallel attempts are judged as if
sent one after another.

Without `visibility` the check-in takes your `default_visibility` (PATCH /me). The answer to your first check-in
carries a one-time `notice` saying who will see it, in the request's language; later answers carry `notice: null`.

Send an `Idempotency-Key` so that a retry never checks you in twice."""


_EARNED = {key: examples.COUPON[key] for key in ("id", "code", "title", "expires_at", "campaign_id")}


class CheckinCreateView(ApiView):
    throttle_classes = [ScopedThrottle]
    throttle_scope = "checkin"

    @extend_schema(
        tags=["checkins"],
        summary="Check in at a merchant and get its coupons on the spot",
        description=_CHECKIN_DESCRIPTION,
        request=CheckinCreateInput,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={
            201: CheckinCreateOutput,
            403: problem(
                "You have not agreed to the collection of your location (PUT /me/consents): refused before your fix is "
                "stored anywhere (no check-in, no audit record, no fix in the idempotency record or the logs).",
                problem_example(
                    403,
                    "location_consent_required",
                    "You have not agreed to the collection of your location. Agree to it in your privacy settings to "
                    "check in.",
                ),
            ),
            404: problem("No such merchant.", problem_example(404, "merchant_not_found", "No merchant has this id.")),
            409: problem("A retry of a request still running.", IDEMPOTENCY_RESPONSES["409"]),
            422: problem(
                "Refused by an anti-cheat rule (no check-in is written), or an Idempotency-Key reused with another "
                "body.",
                problem_example(422, "poor_accuracy", "The GPS fix is too imprecise (350 m); at most 200 m."),
                problem_example(
                    422, "too_far", "You are 412 m from this merchant; check-ins are accepted within 100 m."
                ),
                problem_example(422, "checkin_cooldown", "You checked in here less than 60 minutes ago."),
                problem_example(
                    422,
                    "implausible_travel",
                    "Reaching this place from your previous check-in needs more than 300 km/h.",
                ),
                IDEMPOTENCY_RESPONSES["422"],
            ),
        },
        examples=[
            OpenApiExample(
                "check in",
                request_only=True,
                value={
                    "merchant_id": 17,
                    "lat": 37.47612,
                    "lng": 126.86793,
                    "accuracy_m": 12,
                    "message": "Fresh bread!",
                },
            ),
            OpenApiExample(
                "a coupon earned",
                response_only=True,
                status_codes=["201"],
                value={**examples.CHECKIN, "coupons": [_EARNED], "notice": None},
            ),
            OpenApiExample(
                "your first check-in",
                response_only=True,
                status_codes=["201"],
                value={
                    **examples.CHECKIN,
                    "id": 88410,
                    "created_at": "2026-11-21T23:52:40.083517Z",
                    "coupons": [],
                    "notice": {
                        "visibility": "friends",
                        "text": "Your friends will see this check-in and the place. You can change who sees your "
                        "check-ins in your settings.",
                        "settings": "/api/v1/me",
                    },
                },
            ),
        ],
    )
    @idempotent
    def post(self, request):
        data = CheckinCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.checkin_create(user=request.user, **data.validated_data)
        # Rendered from a plain dict (the hot path); CheckinCreateOutput documents the same shape.
        return Response(_created_body(result), status=status.HTTP_201_CREATED)


class MyCheckinOutput(serializers.Serializer):
    class MyCheckinMerchantOutput(MerchantBriefOutput):
        category = serializers.ChoiceField(choices=Category.choices)

    id = serializers.IntegerField()
    merchant = MyCheckinMerchantOutput()
    message = StrictCharField()
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    distance_m = serializers.FloatField(help_text="From your fix to the merchant's pin, in metres (kept for good).")
    accuracy_m = serializers.FloatField(
        allow_null=True,
        help_text="Your fix's reported accuracy in metres; null once raw fixes are erased (retention, or consent "
        "withdrawn).",
    )
    created_at = serializers.DateTimeField()


class MyCheckinListView(ApiView):
    @extend_schema(
        tags=["checkins"],
        summary="Your own check-ins, newest first",
        description=(
            "Every check-in of yours, whatever its visibility, with the distance and accuracy of your fix (never the "
            "coordinates). Refused attempts are not check-ins and are not listed (GET /me/export has them). "
            "Offset-paginated (`limit`, `offset`)."
        ),
        responses={200: MyCheckinOutput(many=True)},
        examples=[
            OpenApiExample(
                "at the bakery",
                response_only=True,
                status_codes=["200"],
                value={
                    "id": 90412,
                    "merchant": {**examples.MERCHANT_BRIEF, "category": "bakery"},
                    "message": "Fresh bread!",
                    "visibility": "friends",
                    "distance_m": 10.8,
                    "accuracy_m": 12.0,
                    "created_at": examples.CHECKIN_AT,
                },
            )
        ],
    )
    def get(self, request):
        checkins = selectors.checkin_list_for_user(user_id=request.user.pk)
        return self.page(checkins, MyCheckinOutput, prepare=_with_merchant)


def _with_merchant(row: dict) -> dict:
    merchant = {"id": row["merchant_id"], "name": row["merchant_name"], "category": row["merchant_category"]}
    return {**row, "merchant": merchant}
