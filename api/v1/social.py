"""Sharing: the friends' feed, a check-in as others see it, likes and comments. Never any coordinates."""

from datetime import UTC, datetime

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.cursor import CursorPagination
from api.fields import StrictCharField
from api.schema import problem, problem_example
from api.schema_parameters import CHECKIN_ID, COMMENT_ID
from api.v1 import examples
from api.views import ApiView
from checkins.models import Visibility
from merchants.models import Category
from social import selectors, services
from social.services import COMMENT_MAX_CHARS

MAX_ID = 2**63 - 1

_CHECKIN_NOT_FOUND = problem(
    "No such check-in, or one you may not see (the two are indistinguishable).",
    problem_example(404, "checkin_not_found", "No check-in with this id."),
)

_VISIBILITY_RULES = """Who may see a check-in (and so read, like and comment on it): its owner always; for
`visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`, only the owner.
Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist."""


class SocialUserOutput(serializers.Serializer):
    id = serializers.IntegerField()
    username = StrictCharField()
    display_name = StrictCharField()


class SocialMerchantOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()
    category = serializers.ChoiceField(choices=Category.choices)


class FeedItemOutput(serializers.Serializer):
    id = serializers.IntegerField(help_text="The check-in's id.")
    user = SocialUserOutput()
    merchant = SocialMerchantOutput()
    message = StrictCharField()
    created_at = serializers.DateTimeField()
    like_count = serializers.IntegerField()
    comment_count = serializers.IntegerField()
    liked_by_me = serializers.BooleanField()


def _feed_key_load(raw: list) -> tuple[datetime, int]:
    at, delivery_id = raw
    if not isinstance(at, str) or type(delivery_id) is not int or not 0 < delivery_id <= MAX_ID:
        raise ValueError("bad feed key")
    moment = datetime.fromisoformat(at)
    if moment.tzinfo is None:
        raise ValueError("naive time")
    return moment, delivery_id


def _feed_key_dump(item: dict) -> list:
    at, delivery_id = item["key"]
    return [at.isoformat(), delivery_id]


# Jisoo's check-in in Minji's feed (one item: drf-spectacular wraps it in the page with its links). Its cursor key is
# the delivery's (the check-in's time, the delivery's id), which the item does not show.
_FEED_ITEM = {
    "id": 90431,
    "user": examples.JISOO,
    "merchant": {**examples.MERCHANT_BRIEF, "category": "bakery"},
    "message": "Croissants just out of the oven",
    "created_at": "2026-12-02T02:47:15.902361Z",
    "like_count": 3,
    "comment_count": 1,
    "liked_by_me": True,
}
_FEED_ITEM_KEY = (datetime(2026, 12, 2, 2, 47, 15, 902361, tzinfo=UTC), 402117)


class FeedPagination(CursorPagination):
    key_load = staticmethod(_feed_key_load)
    key_dump = staticmethod(_feed_key_dump)
    example_route = "v1:feed"
    example_row = {**_FEED_ITEM, "key": _FEED_ITEM_KEY}


def _without_key(item: dict) -> dict:
    del item["key"]  # in place: the feed is a hot path
    return item


class FeedView(ApiView):
    pagination_class = FeedPagination

    @extend_schema(
        tags=["social"],
        summary="Your friends' check-ins, newest first",
        description=(
            "Check-ins (visibility `friends` or `public`) of the people who are your friends now, delivered to your "
            "feed when they were made: a friend added later brings nothing from before, and an unfriended person's "
            "check-ins leave the feed. Cursor-paginated: follow `next` for older items and `previous` for newer "
            "ones; new check-ins never shift a page. A cursor is opaque: use the links as they are. No coordinates, "
            "ever."
        ),
        responses={200: FeedItemOutput(many=True)},
        examples=[OpenApiExample("jisoo at the bakery", value=_FEED_ITEM, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        # A hot path: the selector's dicts are already in FeedItemOutput's shape (the schema), rendered as they are.
        return self.page(
            lambda **window: selectors.feed_list(viewer_id=request.user.pk, **window), prepare=_without_key
        )


class CheckinDetailOutput(FeedItemOutput):
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    distance_m = serializers.FloatField(
        required=False,
        help_text="Only for the check-in's owner: the distance from their fix to the merchant's pin, in metres.",
    )


_DETAIL = {
    **_FEED_ITEM,
    "id": 90412,
    "user": examples.MINJI,
    "message": "Fresh bread!",
    "created_at": examples.CHECKIN_AT,
    "like_count": 1,
    "comment_count": 1,
    "liked_by_me": False,
    "visibility": "friends",
}
_COMMENT = {
    "id": 7702,
    "user": examples.JISOO,
    "text": "Save me a croissant!",
    "created_at": "2026-12-02T00:33:09.457120Z",
}


def _example(name: str, value: dict, status: int = 200) -> OpenApiExample:
    return OpenApiExample(name, value=value, response_only=True, status_codes=[str(status)])


class CheckinDetailView(ApiView):
    @extend_schema(
        tags=["social"],
        summary="A check-in, as you may see it",
        description=_VISIBILITY_RULES + "\n\nNo coordinates for anyone; the owner also sees `distance_m`.",
        parameters=[CHECKIN_ID],
        responses={200: CheckinDetailOutput, 404: _CHECKIN_NOT_FOUND},
        examples=[
            _example("a friend's check-in", {**_DETAIL, "liked_by_me": True}),
            _example("your own check-in", {**_DETAIL, "distance_m": 10.8}),
        ],
    )
    def get(self, request, checkin_id: int):
        detail = selectors.checkin_detail_get(checkin_id=checkin_id, viewer_id=request.user.pk)
        return Response(CheckinDetailOutput(detail).data)


class LikeStateOutput(serializers.Serializer):
    checkin_id = serializers.IntegerField()
    liked = serializers.BooleanField()
    like_count = serializers.IntegerField()


class CheckinLikeView(ApiView):
    @extend_schema(
        tags=["social"],
        summary="Like a check-in (idempotent)",
        description=_VISIBILITY_RULES
        + "\n\nLiking again answers 201 with the same state and counts once. The owner is notified (`like`) of "
        "the first like by each person, never of their own.",
        parameters=[CHECKIN_ID],
        request=None,
        responses={201: LikeStateOutput, 404: _CHECKIN_NOT_FOUND},
        examples=[_example("liked", {"checkin_id": 90412, "liked": True, "like_count": 1}, 201)],
    )
    def post(self, request, checkin_id: int):
        state = services.like_create(user=request.user, checkin_id=checkin_id)
        body = {"checkin_id": state.checkin_id, "liked": state.liked, "like_count": state.like_count}
        return Response(LikeStateOutput(body).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=["social"],
        summary="Take back your like (idempotent)",
        description="204 whether or not you had liked it. " + _VISIBILITY_RULES,
        parameters=[CHECKIN_ID],
        responses={204: None, 404: _CHECKIN_NOT_FOUND},
    )
    def delete(self, request, checkin_id: int):
        services.like_delete(user=request.user, checkin_id=checkin_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LikeOutput(serializers.Serializer):
    user = SocialUserOutput()
    created_at = serializers.DateTimeField()


def _with_user(row: dict) -> dict:
    return {
        **row,
        "user": {"id": row["user_ref"], "username": row["username"], "display_name": row["display_name"]},
    }


class CheckinLikeListView(ApiView):
    @extend_schema(
        tags=["social"],
        summary="Who likes a check-in, most recent first",
        description=_VISIBILITY_RULES + "\n\nOffset-paginated (`limit`, `offset`).",
        parameters=[CHECKIN_ID],
        responses={200: LikeOutput(many=True), 404: _CHECKIN_NOT_FOUND},
        examples=[_example("jisoo", {"user": examples.JISOO, "created_at": "2026-12-02T00:31:47.180402Z"})],
    )
    def get(self, request, checkin_id: int):
        likes = selectors.like_list(checkin_id=checkin_id, viewer_id=request.user.pk)
        return self.page(likes, LikeOutput, prepare=_with_user)


class CommentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    user = SocialUserOutput()
    text = StrictCharField()
    created_at = serializers.DateTimeField()


class CommentCreateInput(serializers.Serializer):
    text = StrictCharField(
        max_length=COMMENT_MAX_CHARS,
        trim_whitespace=True,
        help_text=f"1..{COMMENT_MAX_CHARS} characters after trimming surrounding whitespace.",
    )


class CheckinCommentListView(ApiView):
    @extend_schema(
        tags=["social"],
        summary="A check-in's comments, oldest first",
        description=_VISIBILITY_RULES + "\n\nOffset-paginated (`limit`, `offset`).",
        parameters=[CHECKIN_ID],
        responses={200: CommentOutput(many=True), 404: _CHECKIN_NOT_FOUND},
        examples=[_example("jisoo", _COMMENT)],
    )
    def get(self, request, checkin_id: int):
        comments = selectors.comment_list(checkin_id=checkin_id, viewer_id=request.user.pk)
        return self.page(comments, CommentOutput, prepare=_with_user)

    @extend_schema(
        tags=["social"],
        summary="Comment on a check-in",
        description=_VISIBILITY_RULES + "\n\nThe owner is notified (`comment`), unless it is their own comment.",
        parameters=[CHECKIN_ID],
        request=CommentCreateInput,
        responses={
            201: CommentOutput,
            400: problem(
                "`text` missing, blank or longer than 500 characters.",
                problem_example(400, "validation_error", "text: This field may not be blank.", {"text": ["..."]}),
            ),
            404: _CHECKIN_NOT_FOUND,
        },
        examples=[
            OpenApiExample("comment", value={"text": "Save me a croissant!"}, request_only=True),
            _example("posted", _COMMENT, 201),
        ],
    )
    def post(self, request, checkin_id: int):
        data = CommentCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        comment = services.comment_create(user=request.user, checkin_id=checkin_id, text=data.validated_data["text"])
        body = {"id": comment.id, "user": comment.user, "text": comment.text, "created_at": comment.created_at}
        return Response(CommentOutput(body).data, status=status.HTTP_201_CREATED)


class CheckinCommentDetailView(ApiView):
    @extend_schema(
        tags=["social"],
        summary="Delete your comment",
        description=(
            "Only the comment's author may delete it (403 `not_comment_author` for anyone else who can see the "
            "check-in). " + _VISIBILITY_RULES
        ),
        parameters=[CHECKIN_ID, COMMENT_ID],
        responses={
            204: None,
            403: problem(
                "The comment is someone else's.",
                problem_example(403, "not_comment_author", "Only its author may delete a comment."),
            ),
            404: problem(
                "No such check-in (or one you may not see), or no such comment on it.",
                problem_example(404, "checkin_not_found", "No check-in with this id."),
                problem_example(404, "comment_not_found", "No comment with this id on this check-in."),
            ),
        },
    )
    def delete(self, request, checkin_id: int, comment_id: int):
        services.comment_delete(user=request.user, checkin_id=checkin_id, comment_id=comment_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
