"""Merchants' webhooks: endpoints (list, add, read, change, delete), their secrets, a test event, and each endpoint's
deliveries with redelivery. Owners and managers of the merchant only."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.cursor import CursorPagination
from api.fields import StrictCharField, UniqueListField
from api.schema import problem, problem_example
from api.throttling import ScopedThrottle
from api.v1.consents import StrictBooleanField
from api.views import ApiView
from merchants.selectors import merchant_get
from webhooks import selectors, services
from webhooks.models import SUBSCRIBABLE_EVENTS, EventType, WebhookDelivery, WebhookEndpoint

MAX_ID = 2**63 - 1
_PER_MERCHANT = services.WEBHOOK_ENDPOINTS_PER_MERCHANT

_REFUSED = problem(
    "Only the owner or a manager of the merchant may manage its webhooks; its clerks are refused.",
    problem_example(403, "permission_denied", "Only the shop's owner or a manager can manage its webhooks."),
)
_ENDPOINT_NOT_FOUND = problem(
    "No endpoint has this id, or it belongs to a merchant you do not work for (which is not revealed).",
    problem_example(404, "webhook_not_found", "No webhook endpoint has this id."),
)
_NO_MERCHANT = problem_example(404, "merchant_not_found", "No merchant has this id.")
_DISABLED = problem(
    "The endpoint is disabled: nothing is sent to it until it is enabled again (PATCH `enabled: true`).",
    problem_example(409, "webhook_endpoint_disabled", "This endpoint is disabled; enable it first."),
)
_BAD_INPUT = problem(
    "A field is invalid (`validation_error` naming it: `url` not an absolute http(s) URL or longer than 2000 "
    "characters; `events` empty, repeated or not subscribable), or the URL points at a private, loopback or "
    "otherwise internal address (`webhook_url_not_allowed`).",
    problem_example(
        400,
        "validation_error",
        "events: Choose at least one event.",
        {"events": ["Choose at least one event."]},
    ),
    problem_example(
        400,
        "webhook_url_not_allowed",
        "This address points into a private network; webhooks go to public addresses only.",
        {"url": ["This address points into a private network; webhooks go to public addresses only."]},
    ),
)


def _id_parameter(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(name, int, OpenApiParameter.PATH, description=what)


_WEBHOOK_ID = _id_parameter("webhook_id", "The endpoint's id.")
_MERCHANT_ID = _id_parameter("merchant_id", "The merchant's id.")
_DELIVERY_ID = _id_parameter("delivery_id", "The delivery's id (`id` of an item of the endpoint's deliveries).")


class WebhookEndpointOutput(serializers.Serializer):
    id = serializers.IntegerField()
    merchant_id = serializers.IntegerField()
    url = serializers.URLField(read_only=True, help_text="Where the events are POSTed.")
    description = StrictCharField(help_text="A note for people (may be empty).")
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=SUBSCRIBABLE_EVENTS), help_text="The events this endpoint receives."
    )
    enabled = serializers.BooleanField(help_text="Whether events are sent to it.")
    disabled_reason = serializers.ChoiceField(
        choices=[WebhookEndpoint.DisabledReason.BY_USER, WebhookEndpoint.DisabledReason.FAILING],
        allow_null=True,
        help_text="Null while enabled; `by_user` when a person disabled it; `failing` when it was disabled because "
        "its deliveries kept failing (fix the receiver, then enable it again with PATCH `enabled: true`).",
    )
    disabled_at = serializers.DateTimeField(allow_null=True, help_text="When it was disabled; null while enabled.")
    created_at = serializers.DateTimeField()

    def to_representation(self, instance):
        body = super().to_representation(instance)
        body["disabled_reason"] = body["disabled_reason"] or None
        return body


def _secret_field() -> StrictCharField:
    return StrictCharField(
        help_text="The signing secret, `whsec_` and the base64 of 32 random bytes (Standard Webhooks). Shown only in "
        "this answer: store it now; it is never shown again (rotate it to get a new one)."
    )


class WebhookSecretOutput(serializers.Serializer):
    secret = _secret_field()


class WebhookEndpointCreatedOutput(WebhookEndpointOutput):
    secret = _secret_field()


class WebhookDeliveryOutput(serializers.Serializer):
    id = serializers.IntegerField()
    event_type = serializers.ChoiceField(choices=EventType.choices)
    webhook_id = StrictCharField(
        help_text="The message's id, sent as the `webhook-id` header: the same on every attempt and redelivery, so a "
        "receiver can drop a message it already handled."
    )
    status = serializers.ChoiceField(
        choices=WebhookDelivery.Status.choices,
        help_text="`pending` while attempts remain (one is due at `next_attempt_at`), `succeeded` after a 2xx, "
        "`failed` after the last attempt failed.",
    )
    attempts = serializers.IntegerField(help_text="Attempts made so far.")
    last_status_code = serializers.IntegerField(
        allow_null=True, help_text="The HTTP status of the last attempt; null before any, or when none came back."
    )
    last_error = StrictCharField(
        help_text="Why the last attempt got no HTTP answer (`timeout`, `connection refused`, `address not allowed`, "
        "...); empty when it got one (see `last_status_code`) or none was made yet."
    )
    last_attempt_at = serializers.DateTimeField(allow_null=True)
    next_attempt_at = serializers.DateTimeField(allow_null=True, help_text="When the next attempt is due (pending).")
    created_at = serializers.DateTimeField(help_text="When the event was queued for this endpoint.")


_ENDPOINT_EXAMPLE = {
    "id": 12,
    "merchant_id": 3,
    "url": "https://pos.example.com/hooks/checkin",
    "description": "Counter POS",
    "events": ["checkin.created", "coupon.redeemed"],
    "enabled": True,
    "disabled_reason": None,
    "disabled_at": None,
    "created_at": "2026-10-14T09:12:03+09:00",
}
_FAILING_EXAMPLE = {
    **_ENDPOINT_EXAMPLE,
    "enabled": False,
    "disabled_reason": "failing",
    "disabled_at": "2026-10-16T03:40:11+09:00",
}
_SECRET_EXAMPLE = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7M1dRwvZ8Yw="  # noqa: S105 (a documentation example)
_DELIVERY_EXAMPLE = {
    "id": 8812,
    "event_type": "coupon.redeemed",
    "webhook_id": "msg_5f0c2a9de1b74e0b9a3f6c1d2e4b7a90",
    "status": "pending",
    "attempts": 2,
    "last_status_code": 503,
    "last_error": "",
    "last_attempt_at": "2026-10-14T14:02:16+09:00",
    "next_attempt_at": "2026-10-14T14:07:16+09:00",
    "created_at": "2026-10-14T14:02:11+09:00",
}
# A delivery that failed after its last attempt (the receiver was down), sent again the next morning.
_REDELIVERED_EXAMPLE = {
    **_DELIVERY_EXAMPLE,
    "attempts": 8,
    "last_status_code": None,
    "last_error": "connection refused",
    "last_attempt_at": "2026-10-15T16:32:40+09:00",
    "next_attempt_at": "2026-10-16T09:10:00+09:00",
}


class WebhookEndpointCreateInput(serializers.Serializer):
    url = StrictCharField(
        max_length=services.URL_MAX_LENGTH,
        help_text="An absolute `https://` URL on the public internet (`http://` too where the server allows it); "
        "without user name or password; a host that does not resolve, or resolves to a private, loopback, "
        "link-local or otherwise internal address, is refused (`webhook_url_not_allowed`).",
    )
    events = UniqueListField(
        child=serializers.ChoiceField(choices=SUBSCRIBABLE_EVENTS),
        min_length=1,
        max_length=len(SUBSCRIBABLE_EVENTS),
        error_messages={"min_length": _("Choose at least one event.")},
        help_text="The events to receive, each once. `webhook.test` is not subscribed to: it is sent on request.",
    )
    description = StrictCharField(
        max_length=services.DESCRIPTION_MAX_LENGTH, required=False, allow_blank=True, help_text="A note for people."
    )


# Any of the fields; the others keep their values. (A comment: drf-spectacular would publish a docstring.)
class WebhookEndpointUpdateInput(WebhookEndpointCreateInput):
    enabled = StrictBooleanField(
        help_text="`false` stops sending (the reason becomes `by_user`); `true` sends again and clears the reason, "
        "the date and the failure count.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


def _deliveries_key_load(raw: list) -> int:
    (delivery_id,) = raw
    if type(delivery_id) is not int or not 0 < delivery_id <= MAX_ID:
        raise ValueError("bad delivery key")
    return delivery_id


class WebhookDeliveryPagination(CursorPagination):
    key_load = staticmethod(_deliveries_key_load)
    key_dump = staticmethod(lambda row: [row["id"]])
    example_route = "v1:webhook-deliveries"
    example_route_kwargs = {"webhook_id": _ENDPOINT_EXAMPLE["id"]}
    example_row = _DELIVERY_EXAMPLE


class MerchantWebhookListView(ApiView):
    @extend_schema(
        tags=["webhooks"],
        summary="A merchant's webhook endpoints (owner or manager)",
        description="Every endpoint of the merchant, oldest first, enabled or not. Secrets are never listed.",
        parameters=[_MERCHANT_ID],
        responses={
            200: WebhookEndpointOutput(many=True),
            403: _REFUSED,
            404: problem("Unknown merchant.", _NO_MERCHANT),
        },
        examples=[
            OpenApiExample("enabled", response_only=True, value=_ENDPOINT_EXAMPLE),
            OpenApiExample("disabled for failing", response_only=True, value=_FAILING_EXAMPLE),
        ],
    )
    def get(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        return self.page(
            selectors.webhook_endpoint_list(merchant_id=merchant.pk, actor=request.user), WebhookEndpointOutput
        )

    @extend_schema(
        tags=["webhooks"],
        summary="Add a webhook endpoint (owner or manager)",
        description="The answer carries the endpoint's signing `secret`, shown only here: store it to check the "
        "`webhook-signature` of every request (Standard Webhooks, HMAC-SHA256). A merchant has at most "
        f"{_PER_MERCHANT} endpoints (409 `webhook_limit_reached`). Events are POSTed as JSON "
        '`{"type", "timestamp", "data"}`; any 2xx acknowledges one, anything else is retried with backoff, and an '
        "endpoint whose deliveries keep failing is disabled (`disabled_reason: failing`).",
        parameters=[_MERCHANT_ID],
        request=WebhookEndpointCreateInput,
        responses={
            201: WebhookEndpointCreatedOutput,
            400: _BAD_INPUT,
            403: _REFUSED,
            404: problem("Unknown merchant.", _NO_MERCHANT),
            409: problem(
                f"The merchant has {_PER_MERCHANT} endpoints already (the problem carries `limit`).",
                problem_example(
                    409,
                    "webhook_limit_reached",
                    "This shop has as many webhook endpoints as allowed; delete one first.",
                ),
            ),
        },
        examples=[
            OpenApiExample(
                "add",
                request_only=True,
                value={
                    "url": "https://pos.example.com/hooks/checkin",
                    "events": ["checkin.created", "coupon.redeemed"],
                    "description": "Counter POS",
                },
            ),
            OpenApiExample("added", response_only=True, value={**_ENDPOINT_EXAMPLE, "secret": _SECRET_EXAMPLE}),
        ],
    )
    def post(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = WebhookEndpointCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint, secret = services.webhook_endpoint_create(
            merchant=merchant, actor=request.user, **data.validated_data
        )
        body = {**WebhookEndpointOutput(endpoint).data, "secret": secret}
        return Response(body, status=status.HTTP_201_CREATED)


class WebhookDetailView(ApiView):
    @extend_schema(
        tags=["webhooks"],
        summary="One webhook endpoint (owner or manager)",
        description="The endpoint without its secret.",
        parameters=[_WEBHOOK_ID],
        responses={200: WebhookEndpointOutput, 403: _REFUSED, 404: _ENDPOINT_NOT_FOUND},
        examples=[
            OpenApiExample("enabled", response_only=True, value=_ENDPOINT_EXAMPLE),
            OpenApiExample("disabled for failing", response_only=True, value=_FAILING_EXAMPLE),
        ],
    )
    def get(self, request, webhook_id: int):
        endpoint = selectors.webhook_endpoint_get(endpoint_id=webhook_id, actor=request.user)
        return Response(WebhookEndpointOutput(endpoint).data)

    @extend_schema(
        tags=["webhooks"],
        summary="Change a webhook endpoint (owner or manager)",
        description="Any of `url`, `events`, `description`, `enabled`; fields left out stay as they are. "
        "`enabled: true` sends to a disabled endpoint again (after fixing a receiver that kept failing) and clears "
        "`disabled_reason`, `disabled_at` and the failure count; `enabled: false` stops sending "
        "(`disabled_reason: by_user`). A new `url` is a new receiver: earlier failures no longer count against it.",
        parameters=[_WEBHOOK_ID],
        request=WebhookEndpointUpdateInput,
        responses={200: WebhookEndpointOutput, 400: _BAD_INPUT, 403: _REFUSED, 404: _ENDPOINT_NOT_FOUND},
        examples=[
            OpenApiExample("enable again", request_only=True, value={"enabled": True}),
            OpenApiExample("change events", request_only=True, value={"events": ["coupon.issued", "coupon.redeemed"]}),
            OpenApiExample("enabled", response_only=True, value=_ENDPOINT_EXAMPLE),
        ],
    )
    def patch(self, request, webhook_id: int):
        data = WebhookEndpointUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = services.webhook_endpoint_update(
            endpoint_id=webhook_id, actor=request.user, data=data.validated_data
        )
        return Response(WebhookEndpointOutput(endpoint).data)

    @extend_schema(
        tags=["webhooks"],
        summary="Delete a webhook endpoint (owner or manager)",
        description="Nothing more is sent to it; its deliveries, pending ones included, go with it.",
        parameters=[_WEBHOOK_ID],
        responses={204: None, 403: _REFUSED, 404: _ENDPOINT_NOT_FOUND},
    )
    def delete(self, request, webhook_id: int):
        services.webhook_endpoint_delete(endpoint_id=webhook_id, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookSecretRotateView(ApiView):
    @extend_schema(
        tags=["webhooks"],
        summary="Give a webhook endpoint a new secret (owner or manager)",
        description="The new secret is shown only in this answer. Every later attempt, retries of earlier events "
        "included, is signed with it; for `WEBHOOK_SECRET_GRACE_HOURS` (24) it also carries a second signature with "
        "the old secret (`webhook-signature: v1,<new> v1,<old>`), so a receiver still holding the old secret keeps "
        "verifying until you switch it. Rotating again within that time ends the older secret's grace. No request "
        "body.",
        parameters=[_WEBHOOK_ID],
        request=None,
        responses={200: WebhookSecretOutput, 403: _REFUSED, 404: _ENDPOINT_NOT_FOUND},
        examples=[OpenApiExample("rotated", response_only=True, value={"secret": _SECRET_EXAMPLE})],
    )
    def post(self, request, webhook_id: int):
        secret = services.webhook_endpoint_secret_rotate(endpoint_id=webhook_id, actor=request.user)
        return Response(WebhookSecretOutput({"secret": secret}).data)


# A POST that makes the platform send a request to the merchant's URL: limited per user (THROTTLE_WEBHOOK_SEND).
# (A comment: drf-spectacular would publish a docstring as the description of the operations without their own.)
class _SendView(ApiView):
    throttle_scope = "webhook_send"
    throttle_classes = [ScopedThrottle]


class WebhookTestView(_SendView):
    @extend_schema(
        tags=["webhooks"],
        summary="Send a test event to a webhook endpoint (owner or manager)",
        description="Queues a `webhook.test` event for this endpoint alone, whatever it subscribes to, signed like "
        "any other; the answer is its delivery, `pending` until the attempt is made (follow it in the endpoint's "
        "deliveries). Its data is `{endpoint_id, merchant_id}`. A disabled endpoint gets nothing (409 "
        "`webhook_endpoint_disabled`: enable it first). No request body; rate limited per user (429).",
        parameters=[_WEBHOOK_ID],
        request=None,
        responses={202: WebhookDeliveryOutput, 403: _REFUSED, 404: _ENDPOINT_NOT_FOUND, 409: _DISABLED},
        examples=[
            OpenApiExample(
                "queued",
                response_only=True,
                status_codes=["202"],
                value={
                    **_DELIVERY_EXAMPLE,
                    "event_type": "webhook.test",
                    "status": "pending",
                    "attempts": 0,
                    "last_status_code": None,
                    "last_error": "",
                    "last_attempt_at": None,
                    "next_attempt_at": "2026-10-14T14:02:11+09:00",
                },
            )
        ],
    )
    def post(self, request, webhook_id: int):
        sent = services.webhook_endpoint_test(endpoint_id=webhook_id, actor=request.user)
        return Response(WebhookDeliveryOutput(selectors.webhook_delivery_row(delivery_id=sent.pk)).data, status=202)


class WebhookDeliveryListView(ApiView):
    pagination_class = WebhookDeliveryPagination

    @extend_schema(
        tags=["webhooks"],
        summary="A webhook endpoint's deliveries, newest first (owner or manager)",
        description="One item per event sent (or being sent) to this endpoint, with its attempts. Cursor-paginated: "
        "follow `next` for older ones and `previous` for newer ones.",
        parameters=[_WEBHOOK_ID],
        responses={200: WebhookDeliveryOutput(many=True), 403: _REFUSED, 404: _ENDPOINT_NOT_FOUND},
        examples=[OpenApiExample("retrying", response_only=True, value=_DELIVERY_EXAMPLE)],
    )
    def get(self, request, webhook_id: int):
        endpoint = selectors.webhook_endpoint_get(endpoint_id=webhook_id, actor=request.user)
        return self.page(
            lambda **window: selectors.webhook_delivery_page(endpoint=endpoint, **window), WebhookDeliveryOutput
        )


class WebhookRedeliverView(_SendView):
    @extend_schema(
        tags=["webhooks"],
        summary="Send a delivery again (owner or manager)",
        description="The same message (same body, same `webhook-id`) is sent to this endpoint again now, whatever "
        "the delivery's status; the answer is the delivery, `pending` and due at once. Its attempt count is kept, so "
        "a delivery that had used up its retries gets this one attempt. A disabled endpoint gets nothing (409 "
        "`webhook_endpoint_disabled`: enable it first); when an endpoint is disabled for failing, its pending "
        "deliveries fail, and enabling it again sends none of them: redeliver those you still want. No request body; "
        "rate limited per user (429).",
        parameters=[_WEBHOOK_ID, _DELIVERY_ID],
        request=None,
        responses={
            202: WebhookDeliveryOutput,
            403: _REFUSED,
            404: problem(
                "Unknown endpoint (or not yours), or no delivery of this endpoint has this id.",
                problem_example(404, "webhook_not_found", "No webhook endpoint has this id."),
                problem_example(404, "webhook_delivery_not_found", "This endpoint has no delivery with this id."),
            ),
            409: _DISABLED,
        },
        examples=[OpenApiExample("queued again", response_only=True, status_codes=["202"], value=_REDELIVERED_EXAMPLE)],
    )
    def post(self, request, webhook_id: int, delivery_id: int):
        sent = services.webhook_delivery_resend(endpoint_id=webhook_id, delivery_id=delivery_id, actor=request.user)
        return Response(WebhookDeliveryOutput(selectors.webhook_delivery_row(delivery_id=sent.pk)).data, status=202)
