"""Coupons: your wallet, each coupon with its QR code (PNG or SVG)."""

from collections.abc import Callable

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from api.fields import StrictCharField
from api.schema import problem, problem_example
from api.schema_parameters import COUPON_ID
from api.v1 import examples
from api.views import ApiView
from core.qr import ERROR_CORRECTION, PIXELS_PER_MODULE, QUIET_ZONE_MODULES, qr_png, qr_svg
from coupons import selectors
from coupons.models import Coupon


class CouponMerchantOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()


# A coupon as its holder and the counter see it; the wallet item and the redeemed coupon add to it.
class CouponOutput(serializers.Serializer):
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


class CouponWalletOutput(CouponOutput):
    qr_url = serializers.URLField(
        read_only=True,
        help_text="The coupon's QR code as a PNG image, holding exactly `code` (an absolute URL: GET it with your "
        "access token). The same URL ending in `qr.svg` gives it as SVG.",
    )


class CouponWalletQuery(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=Coupon.Status.choices,
        required=False,
        help_text="Only coupons in this status: `active` (usable now), `redeemed` or `expired`. Default: all.",
    )


class MyCouponListView(ApiView):
    @extend_schema(
        tags=["coupons"],
        summary="Your coupons, newest first",
        description=(
            "Your wallet: every coupon issued to you, newest first, optionally of one `status`. A coupon is `active` "
            "until it is redeemed at the counter or its `expires_at` passes. Show `code` (or the QR image at "
            "`qr_url`) to the merchant's staff. Titles and merchant names are in the `Accept-Language` language where "
            "translated. Offset-paginated (`limit`, `offset`)."
        ),
        parameters=[CouponWalletQuery],
        responses={200: CouponWalletOutput(many=True)},
        examples=[OpenApiExample("active", value=examples.WALLET_COUPON, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        query = self.query(CouponWalletQuery)
        coupons = selectors.coupon_list_for_user(user_id=request.user.pk, status=query.get("status"))
        return self.page(coupons, CouponWalletOutput, prepare=lambda row: _wallet_item(row, request))


def _wallet_item(row: dict, request) -> dict:
    """A wallet row as the app shows it: its merchant nested, its status, and the absolute URL of its QR image (built
    from the id: no query)."""
    merchant = {"id": row["merchant_id"], "name": row["merchant_name"]}
    qr_url = request.build_absolute_uri(reverse("v1:my-coupon-qr-png", kwargs={"coupon_id": row["id"]}))
    return {**row, "merchant": merchant, "status": selectors.coupon_status(row), "qr_url": qr_url}


_WALLET_COUPON_NOT_FOUND = problem(
    "You have no coupon with this id: someone else's coupon is a 404 too, never a 403, so that its existence is not "
    "revealed.",
    problem_example(404, "coupon_not_found", "You have no coupon with this id."),
)


class MyCouponDetailView(ApiView):
    @extend_schema(
        tags=["coupons"],
        summary="One coupon of your wallet",
        description="The coupon as the wallet lists it, with `qr_url`. Only its owner sees it.",
        parameters=[COUPON_ID],
        responses={200: CouponWalletOutput, 404: _WALLET_COUPON_NOT_FOUND},
        examples=[OpenApiExample("active", value=examples.WALLET_COUPON, response_only=True, status_codes=["200"])],
    )
    def get(self, request, coupon_id: int):
        row = selectors.coupon_get_for_user(coupon_id=coupon_id, user_id=request.user.pk)
        return Response(CouponWalletOutput(_wallet_item(row, request)).data)


class QrImageRenderer(BaseRenderer):
    """The image the view made, as it is; anything else (a problem, OPTIONS' description) as JSON."""

    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        # A problem (labelled application/problem+json by api.problems) or OPTIONS' description: JSON, and said so.
        response = (renderer_context or {}).get("response")
        if response is not None and response.content_type is None:
            response["Content-Type"] = "application/json"
        return JSONRenderer().render(data, None, renderer_context)


class QrPngRenderer(QrImageRenderer):
    media_type = "image/png"
    format = "png"


class QrSvgRenderer(QrImageRenderer):
    media_type = "image/svg+xml"
    format = "svg"


class QrOctetStreamRenderer(QrImageRenderer):
    """The same image for `Accept: application/octet-stream`: the content type that every HTTP client and generated
    SDK can take as a file (openapi-python-client, for one, knows no image/* types)."""

    media_type = "application/octet-stream"


def _qr_schema(renderer: type[QrImageRenderer], example_name: str):
    """The documentation of a QR image operation: a binary 200 of the renderer's media type, and its problems."""
    media_type = renderer.media_type
    return extend_schema(
        tags=["coupons"],
        operation_id=f"me_coupons_qr_{renderer.format}_retrieve",
        summary=f"The QR code of one of your coupons ({renderer.format.upper()})",
        description=(
            f"A QR code holding exactly the coupon's `code`, as `{media_type}` (error correction "
            f"{ERROR_CORRECTION.upper()}, a quiet zone of {QUIET_ZONE_MODULES} modules, {PIXELS_PER_MODULE} pixels a "
            "module, dark on white: 290 pixels square for a 10-character code). Only the coupon's owner "
            f"gets it. Send `Accept: {media_type}` (or `*/*`, or none; `application/octet-stream` gets the same bytes "
            "under that type); errors are `application/problem+json` "
            "whatever the `Accept`. The answer is never stored by caches (`Cache-Control: no-store`)."
        ),
        parameters=[COUPON_ID],
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description=f"The QR code, `{example_name}`."),
            (200, QrOctetStreamRenderer.media_type): OpenApiResponse(
                OpenApiTypes.BINARY,
                description=f"The same image for `Accept: application/octet-stream` (its bytes are `{media_type}`).",
            ),
            (404, "application/problem+json"): _WALLET_COUPON_NOT_FOUND,
            (406, "application/problem+json"): problem(
                f"The `Accept` header admits no `{media_type}`.",
                problem_example(406, "not_acceptable", "Could not satisfy the request Accept header."),
            ),
        },
    )


# A coupon's QR code as the image of the view's one renderer (`make` draws it from the code). (A comment, not a
# docstring: drf-spectacular would publish it.)
class _MyCouponQrView(ApiView):
    make: Callable[[str], bytes]

    def get(self, request, coupon_id: int):
        row = selectors.coupon_get_for_user(coupon_id=coupon_id, user_id=request.user.pk)
        image = self.renderer_classes[0]
        return Response(
            self.make(row["code"]),
            content_type=request.accepted_renderer.media_type,
            headers={"Content-Disposition": f'inline; filename="coupon-{coupon_id}-qr.{image.format}"'},
        )


@extend_schema_view(get=_qr_schema(QrPngRenderer, "coupon-<id>-qr.png"))
class MyCouponQrPngView(_MyCouponQrView):
    renderer_classes = [QrPngRenderer, QrOctetStreamRenderer]
    make = staticmethod(qr_png)


@extend_schema_view(get=_qr_schema(QrSvgRenderer, "coupon-<id>-qr.svg"))
class MyCouponQrSvgView(_MyCouponQrView):
    renderer_classes = [QrSvgRenderer, QrOctetStreamRenderer]
    make = staticmethod(qr_svg)
