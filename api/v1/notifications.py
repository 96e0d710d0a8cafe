"""Notifications: the signed-in user's, newest first, and marking them read."""

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from accounts import selectors, services
from accounts.models import Notification
from api.cursor import CursorPagination
from api.fields import StrictIntegerField
from api.schema import problem, problem_example
from api.views import ApiView

MAX_ID = 2**63 - 1
MAX_READ_IDS = 1000


class NotificationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=Notification.Type.choices)
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField()
    data = serializers.DictField(
        help_text=(
            "Depends on `type`: friend_request `{request_id, from_user}`, friend_accepted `{request_id, user}`, "
            "friend_checkin `{checkin_id, user, merchant, message}`, coupon_issued `{coupon_id, campaign_id, title, "
            "merchant, reason, by_user_id}`, like `{checkin_id, user}`, comment `{checkin_id, comment_id, user, "
            "text}`; users are `{id, username, display_name}`."
        )
    )


def _notification_key_load(raw: list) -> int:
    (notification_id,) = raw
    if type(notification_id) is not int or not 0 < notification_id <= MAX_ID:
        raise ValueError("bad notification key")
    return notification_id


class NotificationPagination(CursorPagination):
    key_load = staticmethod(_notification_key_load)
    key_dump = staticmethod(lambda row: [row["id"]])


class NotificationListView(ApiView):
    pagination_class = NotificationPagination

    @extend_schema(
        tags=["notifications"],
        summary="Your notifications, newest first",
        description="Cursor-paginated: follow `next` for older ones and `previous` for newer ones.",
        responses={200: NotificationOutput(many=True)},
    )
    def get(self, request):
        return self.page(lambda **window: selectors.notification_page(user=request.user, **window), NotificationOutput)


class NotificationReadInput(serializers.Serializer):
    ids = serializers.ListField(
        child=StrictIntegerField(min_value=1, max_value=MAX_ID),
        min_length=1,
        max_length=MAX_READ_IDS,
        required=False,
        help_text=f"The notifications to mark read (1..{MAX_READ_IDS} ids; ids that are not yours are ignored).",
    )
    all = serializers.BooleanField(required=False, help_text="`true` marks every notification of yours read.")

    def validate_all(self, value):
        if value is not True:
            raise serializers.ValidationError(gettext("Send `true`, or send `ids` instead."))
        return value

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
            OpenApiExample("some", value={"ids": [41, 42]}, request_only=True),
            OpenApiExample("all", value={"all": True}, request_only=True),
        ],
    )
    def post(self, request):
        data = NotificationReadInput(data=request.data)
        data.is_valid(raise_exception=True)
        marked = services.notifications_mark_read(user=request.user, ids=data.validated_data.get("ids"))
        return Response(NotificationReadOutput({"marked": marked}).data)
