"""Coupons: your wallet, and redemption at the counter."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import StrictCharField
from api.idempotency import IDEMPOTENCY_PARAMETER, IDEMPOTENCY_RESPONSES, idempotent
from api.schema import problem, problem_example
from api.throttling import ScopedThrottle
from api.views import ApiView
from coupons import redemption, selectors
from coupons.models import Coupon
from merchants.selectors import merchant_get


class CouponMerchantOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()


class CouponWalletOutput(serializers.Serializer):
    id = serializers.IntegerField()
    code = StrictCharField()
    title = StrictCharField()
    campaign_id = serializers.IntegerField()
    merchant = CouponMerchantOutput()
    status = serializers.ChoiceField(
        choices=Coupon.Status.choices, help_text="`expired` from `expires_at` on, unless redeemed before."
    )
    issued_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    redeemed_at = serializers.DateTimeField(allow_null=True)


class CouponWalletQuery(serializers.Serializer):
    status = serializers.ChoiceField(choices=Coupon.Status.choices, required=False, help_text="Default: all.")


class MyCouponListView(ApiView):
    @extend_schema(
        tags=["coupons"],
        summary="Your coupons, newest first",
        parameters=[CouponWalletQuery],
        responses={200: CouponWalletOutput(many=True)},
    )
    def get(self, request):
        query = self.query(CouponWalletQuery)
        coupons = selectors.coupon_list_for_user(user_id=request.user.pk, status=query.get("status"))
        return self.page(coupons, CouponWalletOutput, prepare=_wallet_row)


def _wallet_row(row: dict) -> dict:
    merchant = {"id": row["merchant_id"], "name": row["merchant_name"]}
    return {**row, "merchant": merchant, "status": selectors.coupon_status(row)}


class CouponRedeemedOutput(CouponWalletOutput):
    class CouponHolderOutput(serializers.Serializer):
        id = serializers.IntegerField()
        username = StrictCharField()
        display_name = StrictCharField()

    user = CouponHolderOutput(help_text="Whose coupon it is.")


def _redeemed_body(coupon: Coupon) -> dict:
    return {
        "id": coupon.pk,
        "code": coupon.code,
        "title": coupon.campaign.title,
        "campaign_id": coupon.campaign_id,
        "merchant": {"id": coupon.merchant_id, "name": coupon.merchant.name},
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


class RedemptionCreateView(ApiView):
    throttle_classes = [ScopedThrottle]
    throttle_scope = "redemption"

    @extend_schema(
        tags=["coupons"],
        summary="Redeem a coupon at the counter (any staff of the issuing merchant)",
        description="Exactly once, under any concurrency. Send an `Idempotency-Key` so that a retried request "
        "replays its first answer instead of a 409.",
        request=RedemptionCreateInput,
        parameters=[IDEMPOTENCY_PARAMETER],
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
                "Already redeemed, or a retry of a request still running.",
                problem_example(409, "coupon_already_redeemed", "This coupon was already redeemed."),
                IDEMPOTENCY_RESPONSES["409"],
            ),
            410: problem("The coupon has expired.", problem_example(410, "coupon_expired", "This coupon has expired.")),
            422: problem("An Idempotency-Key reused with another body.", IDEMPOTENCY_RESPONSES["422"]),
        },
        examples=[OpenApiExample("redeem", request_only=True, value={"code": "7KQ2M-9XD4T"})],
    )
    @idempotent
    def post(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = RedemptionCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        coupon = redemption.coupon_redeem(merchant_id=merchant.pk, actor=request.user, code=data.validated_data["code"])
        return Response(CouponRedeemedOutput(_redeemed_body(coupon)).data, status=status.HTTP_201_CREATED)
