"""Notifications: the signed-in user's, newest first, and marking them read."""

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from accounts import selectors, services
from accounts.models import Notification
from api.cursor import CursorPagination
from api.fields import StrictCharField, StrictIntegerField
from api.schema import problem, problem_example
from api.v1 import examples
from api.v1.consents import StrictBooleanField
from api.views import ApiView
from merchants.models import Category

MAX_ID = 2**63 - 1
MAX_READ_IDS = 1000


class NotificationOutput(serializers.Serializer):
    """A notification as the list renders it (its schema is NOTIFICATION_SCHEMA: one `data` shape per `type`)."""

    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=Notification.Type.choices)
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField()
    data = serializers.DictField()


# The shapes of `data`, one per notification type, as its producer writes it (accounts.services: friend requests;
# social.services: check-in fan-out, likes, comments; coupons.issuance: coupons a friend's check-in unlocked).
class NotificationUser(serializers.Serializer):
    id = serializers.IntegerField()
    username = StrictCharField()
    display_name = StrictCharField(allow_blank=True)


class NotificationMerchant(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()


class NotificationMerchantWithCategory(NotificationMerchant):
    category = serializers.ChoiceField(choices=Category.choices)


class FriendRequestData(serializers.Serializer):
    request_id = serializers.IntegerField(help_text="Accept or decline it with POST /friends/requests/{request_id}/...")
    from_user = NotificationUser(help_text="Who asked.")


class FriendAcceptedData(serializers.Serializer):
    request_id = serializers.IntegerField()
    user = NotificationUser(help_text="Who accepted your request.")


class FriendCheckinData(serializers.Serializer):
    checkin_id = serializers.IntegerField()
    user = NotificationUser(help_text="The friend who checked in.")
    merchant = NotificationMerchantWithCategory()
    message = StrictCharField(allow_blank=True, help_text="The check-in's message (may be empty).")


class CouponIssuedData(serializers.Serializer):
    coupon_id = serializers.IntegerField(help_text="The coupon, now in your wallet (GET /me/coupons/{coupon_id}).")
    campaign_id = serializers.IntegerField()
    title = StrictCharField(help_text="The coupon's title.")
    merchant = NotificationMerchant()
    reason = StrictCharField(help_text="Why you got it: `with_friends` (a friend's check-in unlocked a group offer).")
    by_user_id = serializers.IntegerField(help_text="The friend whose check-in unlocked it.")


class LikeData(serializers.Serializer):
    checkin_id = serializers.IntegerField(help_text="Your check-in that was liked.")
    user = NotificationUser(help_text="Who liked it.")


class CommentData(serializers.Serializer):
    checkin_id = serializers.IntegerField(help_text="Your check-in that was commented on.")
    comment_id = serializers.IntegerField()
    user = NotificationUser(help_text="Who commented.")
    text = StrictCharField(help_text="The comment's first 140 characters.")


NOTIFICATION_DATA = {
    Notification.Type.FRIEND_REQUEST: FriendRequestData,
    Notification.Type.FRIEND_ACCEPTED: FriendAcceptedData,
    Notification.Type.FRIEND_CHECKIN: FriendCheckinData,
    Notification.Type.COUPON_ISSUED: CouponIssuedData,
    Notification.Type.LIKE: LikeData,
    Notification.Type.COMMENT: CommentData,
}


def _notification_variant(kind: Notification.Type, data: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """The serializer of one notification type: its `type` (that one value) and its `data`."""
    name = kind.value.title().replace("_", "") + "Notification"
    fields = {
        "__module__": __name__,
        "__doc__": f"A `{kind.value}` notification.",
        "id": serializers.IntegerField(),
        "type": serializers.ChoiceField(choices=[kind.value]),
        "created_at": serializers.DateTimeField(),
        "read": serializers.BooleanField(),
        "data": data(),
    }
    return type(name, (serializers.Serializer,), fields)


# The documented notification: a union discriminated by `type`, every type with its own `data`.
NOTIFICATION_SCHEMA = PolymorphicProxySerializer(
    component_name="Notification",
    serializers={kind.value: _notification_variant(kind, data) for kind, data in NOTIFICATION_DATA.items()},
    resource_type_field_name="type",
    many=True,
)


def _notification_key_load(raw: list) -> int:
    (notification_id,) = raw
    if type(notification_id) is not int or not 0 < notification_id <= MAX_ID:
        raise ValueError("bad notification key")
    return notification_id


# Minji hears that Jisoo checked in at the bakery (one item: drf-spectacular wraps it in the page with its links).
_EXAMPLE = {
    "id": 5131,
    "type": "friend_checkin",
    "created_at": "2026-12-02T02:47:16.240118Z",
    "read": False,
    "data": {
        "checkin_id": 90431,
        "user": examples.JISOO,
        "merchant": {**examples.MERCHANT_BRIEF, "category": "bakery"},
        "message": "Croissants just out of the oven",
    },
}


class NotificationPagination(CursorPagination):
    key_load = staticmethod(_notification_key_load)
    key_dump = staticmethod(lambda row: [row["id"]])
    example_route = "v1:notifications"
    example_row = _EXAMPLE


class NotificationListView(ApiView):
    pagination_class = NotificationPagination

    @extend_schema(
        tags=["notifications"],
        summary="Your notifications, newest first",
        description=(
            "Only your own: friend requests to you and their acceptance, friends' check-ins (`friend_checkin`, when "
            "one is delivered to your feed), coupons a friend's check-in unlocked for you (`coupon_issued`), and "
            "likes and comments on your check-ins (never for your own). `data` depends on `type` and is written in "
            "the words of the moment it happened (names are not updated later). Mark them read with POST "
            "/notifications/read.\n\n"
            "Cursor-paginated: follow `next` for older ones and `previous` for newer ones; new notifications never "
            "shift a page. A cursor is opaque: use the links as they are."
        ),
        responses={200: NOTIFICATION_SCHEMA},
        examples=[OpenApiExample("a friend checked in", value=_EXAMPLE, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        return self.page(lambda **window: selectors.notification_page(user=request.user, **window), NotificationOutput)


@extend_schema_field({"type": "boolean", "enum": [True]})
class TrueField(StrictBooleanField):
    """JSON `true`, and nothing else."""

    def to_internal_value(self, data):
        if data is not True:
            raise serializers.ValidationError(gettext("Send `true`, or send `ids` instead."))
        return data


class NotificationReadInput(serializers.Serializer):
    ids = serializers.ListField(
        child=StrictIntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=MAX_READ_IDS,
        required=False,
        help_text=f"The notifications to mark read (1..{MAX_READ_IDS} ids; ids that are not yours are ignored).",
    )
    all = TrueField(required=False, help_text="`true` marks every notification of yours read (the only value).")

    def validate(self, attrs):
        if ("ids" in attrs) == ("all" in attrs):
            raise serializers.ValidationError({"ids": [gettext("Send exactly one of `ids` or `all: true`.")]})
        return attrs


class NotificationReadOutput(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many of your unread notifications are now read.")


class NotificationReadView(ApiView):
    @extend_schema(
        tags=["notifications"],
        summary="Mark notifications read",
        description=(
            "Send either `ids` (up to 1000 of yours; others' ids and unknown ones are ignored) or `all: true`. "
            "Marking a read notification again changes nothing, so a retry is safe; `marked` counts only those that "
            "were unread."
        ),
        request=NotificationReadInput,
        responses={
            200: NotificationReadOutput,
            400: problem(
                "Neither or both of `ids` and `all`, or a bad id.",
                problem_example(
                    400,
                    "validation_error",
                    "ids: Send exactly one of `ids` or `all: true`.",
                    {"ids": ["Send exactly one of `ids` or `all: true`."]},
                ),
            ),
        },
        examples=[
            OpenApiExample("some", value={"ids": [5131, 5120]}, request_only=True),
            OpenApiExample("all", value={"all": True}, request_only=True),
            OpenApiExample("marked", value={"marked": 2}, response_only=True, status_codes=["200"]),
        ],
    )
    def post(self, request):
        data = NotificationReadInput(data=request.data)
        data.is_valid(raise_exception=True)
        marked = services.notifications_mark_read(user=request.user, ids=data.validated_data.get("ids"))
        return Response(NotificationReadOutput({"marked": marked}).data)
