"""Redemptions at the counter: redeem a code, the day's list, and voiding a redemption within the void window."""

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import StrictCharField
from api.idempotency import IDEMPOTENCY_PARAMETER, IDEMPOTENCY_RESPONSES, idempotent
from api.schema import problem, problem_example
from api.schema_parameters import MERCHANT_ID, REDEMPTION_ID
from api.throttling import ScopedThrottle
from api.v1 import examples
from api.v1.coupons import CouponOutput
from api.views import ApiView
from core.dates import supported_date_error
from core.translations import translated
from coupons import redemption, selectors
from coupons.models import Coupon
from merchants.selectors import merchant_get

_NOT_STAFF = problem_example(403, "permission_denied", "Your role at this merchant does not allow this.")
_NO_MERCHANT = problem_example(404, "merchant_not_found", "No merchant has this id.")


class CouponRedeemedOutput(CouponOutput):
    class CouponHolderOutput(serializers.Serializer):
        id = serializers.IntegerField()
        username = StrictCharField()
        display_name = StrictCharField()

    user = CouponHolderOutput(help_text="Whose coupon it is.")


def _redeemed_body(coupon: Coupon) -> dict:
    return {
        "id": coupon.pk,
        "code": coupon.code,
        "title": translated(coupon.campaign.translations, "title", coupon.campaign.title),
        "campaign_id": coupon.campaign_id,
        "merchant": {
            "id": coupon.merchant_id,
            "name": translated(coupon.merchant.translations, "name", coupon.merchant.name),
        },
        "status": coupon.status,
        "issued_at": coupon.issued_at,
        "expires_at": coupon.expires_at,
        "redeemed_at": coupon.redeemed_at,
        "user": {"id": coupon.user.pk, "username": coupon.user.username, "display_name": coupon.user.display_name},
    }


class RedemptionCreateInput(serializers.Serializer):
    code = StrictCharField(
        max_length=32, help_text="The coupon's code; case, dashes and spaces are ignored (I and L read as 1, O as 0)."
    )


class PersonOutput(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = StrictCharField(help_text="The display name, or the username when there is none.")


class RedemptionOutput(serializers.Serializer):
    class RedemptionCouponOutput(serializers.Serializer):
        id = serializers.IntegerField()
        code = StrictCharField()
        title = StrictCharField(help_text="The campaign's title.")

    id = serializers.IntegerField()
    coupon = RedemptionCouponOutput()
    user = PersonOutput(help_text="Whose coupon it is.")
    redeemed_at = serializers.DateTimeField()
    redeemed_by = PersonOutput(allow_null=True, help_text="The staff who redeemed it (null if since deleted).")
    voided_at = serializers.DateTimeField(allow_null=True, help_text="When it was voided; null while it stands.")
    voided_by = PersonOutput(allow_null=True, help_text="The owner or manager who voided it; null while it stands.")


class RedemptionListQuery(serializers.Serializer):
    date = serializers.DateField(
        required=False,
        input_formats=["iso-8601"],
        help_text="A local date of the merchant's time zone, `YYYY-MM-DD` (default: today there).",
    )

    def validate_date(self, value):
        error = supported_date_error(value)
        if error:
            raise serializers.ValidationError(error)
        return value


def _person(user: dict) -> dict:
    return {"id": user["id"], "display_name": user["display_name"]}


_REDEMPTION_EXAMPLE = {
    "id": 431,
    "coupon": {key: examples.COUPON[key] for key in ("id", "code", "title")},
    "user": _person(examples.MINJI),
    "redeemed_at": examples.REDEEMED_AT,
    "redeemed_by": _person(examples.CLERK),
    "voided_at": None,
    "voided_by": None,
}
_VOIDED_EXAMPLE = {
    **_REDEMPTION_EXAMPLE,
    "voided_at": "2026-12-02T05:05:40.739102Z",
    "voided_by": _person(examples.OWNER),
}
_REDEEMED_EXAMPLE = {
    **examples.COUPON,
    "status": "redeemed",
    "redeemed_at": examples.REDEEMED_AT,
    "user": examples.MINJI,
}


class MerchantRedemptionListView(ApiView):
    throttle_scope = "redemption"

    def get_throttles(self):
        # Only redeeming is rate limited (THROTTLE_REDEMPTION); reading the day's list is not.
        return [ScopedThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        tags=["coupons"],
        summary="The day's redemptions at a merchant, newest first (any staff)",
        description="Any staff of the merchant (owner, manager or clerk) may read it; anyone else gets a 403. Every "
        "redemption of one local day in the merchant's time zone (default: today there), voided ones included with "
        "`voided_at` and `voided_by`. A voided coupon is active again and may be redeemed anew: its new redemption is "
        "another row. Offset-paginated (`limit`, `offset`).",
        parameters=[MERCHANT_ID, RedemptionListQuery],
        responses={
            200: RedemptionOutput(many=True),
            403: problem("You are not staff of this merchant.", _NOT_STAFF),
            404: problem("Unknown merchant.", _NO_MERCHANT),
        },
        examples=[
            OpenApiExample("standing", response_only=True, status_codes=["200"], value=_REDEMPTION_EXAMPLE),
            OpenApiExample("voided", response_only=True, status_codes=["200"], value=_VOIDED_EXAMPLE),
        ],
    )
    def get(self, request, merchant_id: int):
        query = self.query(RedemptionListQuery)
        rows = selectors.redemption_list_for_day(
            merchant_id=merchant_id, user_id=request.user.pk, day=query.get("date")
        )
        return self.page(rows, RedemptionOutput)

    @extend_schema(
        tags=["coupons"],
        summary="Redeem a coupon at the counter (any staff of the issuing merchant)",
        description="Any staff of the merchant (owner, manager or clerk) may redeem its coupons; anyone else gets a "
        "403. Type or scan the customer's `code`: case, spaces and dashes do not matter. Only this merchant's coupons "
        "are found (another merchant's code is a 404 `coupon_not_found`, as is an unknown one); a redeemed coupon is a "
        "409 `coupon_already_redeemed` saying when and by whom, an expired one a 410 `coupon_expired`. Exactly once, "
        "under any concurrency: of two clerks redeeming the same code, one gets the 201 and the other the 409. Send "
        "an `Idempotency-Key` so that a retried request replays its first answer instead of a 409.",
        request=RedemptionCreateInput,
        parameters=[MERCHANT_ID, IDEMPOTENCY_PARAMETER],
        responses={
            201: CouponRedeemedOutput,
            403: problem(
                "You are not staff of this merchant.",
                problem_example(403, "permission_denied", "Your role at this merchant does not allow this."),
            ),
            404: problem(
                "Unknown merchant, or no coupon of this merchant has this code.",
                problem_example(404, "coupon_not_found", "No coupon of this merchant has this code."),
                problem_example(404, "merchant_not_found", "No merchant has this id."),
            ),
            409: problem(
                "Already redeemed (the problem carries `redeemed_at` and `redeemed_by`, the redeeming staff's name), "
                "or a retry of a request still running.",
                problem_example(409, "coupon_already_redeemed", "This coupon was already redeemed."),
                IDEMPOTENCY_RESPONSES["409"],
            ),
            410: problem("The coupon has expired.", problem_example(410, "coupon_expired", "This coupon has expired.")),
            422: problem("An Idempotency-Key reused with another body.", IDEMPOTENCY_RESPONSES["422"]),
        },
        examples=[
            OpenApiExample("redeem", request_only=True, value={"code": "7k2m9-qxd4t"}),
            OpenApiExample("redeemed", response_only=True, status_codes=["201"], value=_REDEEMED_EXAMPLE),
        ],
    )
    @idempotent
    def post(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = RedemptionCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        coupon = redemption.coupon_redeem(merchant_id=merchant.pk, actor=request.user, code=data.validated_data["code"])
        return Response(CouponRedeemedOutput(_redeemed_body(coupon)).data, status=status.HTTP_201_CREATED)


class RedemptionVoidView(ApiView):
    @extend_schema(
        tags=["coupons"],
        summary="Void a redemption (owner or manager, within the void window)",
        description="The merchant's owner or a manager may void (a clerk or anyone else gets a 403), within "
        f"{settings.REDEMPTION_VOID_MINUTES} minutes of the redemption "
        "(`REDEMPTION_VOID_MINUTES`): the redemption is marked voided and the coupon is active again (it may be "
        "redeemed anew, as a new redemption). Exactly once under any concurrency; voiding a voided redemption "
        "changes nothing and answers the same 200 with the same body, so a retry is safe (an `Idempotency-Key` is "
        "honoured too). No request body.",
        request=None,
        parameters=[MERCHANT_ID, REDEMPTION_ID, IDEMPOTENCY_PARAMETER],
        responses={
            200: RedemptionOutput,
            403: problem(
                "Only the owner or a manager may void; clerks and outsiders are refused.",
                problem_example(403, "permission_denied", "Your role at this merchant does not allow this."),
            ),
            404: problem(
                "Unknown merchant, or no redemption of this merchant has this id.",
                problem_example(404, "redemption_not_found", "No redemption of this merchant has this id."),
                _NO_MERCHANT,
            ),
            409: problem(
                "The void window has passed (the problem carries `redeemed_at` and `void_minutes`), or a retry of a "
                "request still running.",
                problem_example(
                    409,
                    "void_window_passed",
                    "This redemption can no longer be voided: the time to void it has passed.",
                ),
                IDEMPOTENCY_RESPONSES["409"],
            ),
            422: problem("An Idempotency-Key reused with another body.", IDEMPOTENCY_RESPONSES["422"]),
        },
        examples=[OpenApiExample("voided", response_only=True, status_codes=["200"], value=_VOIDED_EXAMPLE)],
    )
    @idempotent
    def post(self, request, merchant_id: int, redemption_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        redemption.redemption_void(merchant_id=merchant.pk, redemption_id=redemption_id, actor=request.user)
        row = selectors.redemption_row_get(merchant_id=merchant.pk, redemption_id=redemption_id)
        return Response(RedemptionOutput(row).data)
