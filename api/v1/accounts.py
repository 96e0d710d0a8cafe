"""Accounts and friends: register, tokens, /me, friend requests, friends."""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from accounts import selectors, services
from accounts.models import FriendRequest
from api.permissions import PUBLIC
from api.schema import problem, problem_example
from api.throttling import ScopedThrottle
from api.views import ApiView


class UserBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()


class UserSerializer(UserBriefSerializer):
    email = serializers.EmailField(allow_blank=True)
    date_joined = serializers.DateTimeField()


class FriendRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    from_user = UserBriefSerializer()
    to_user = UserBriefSerializer()
    status = serializers.ChoiceField(choices=FriendRequest.Status.choices)
    created_at = serializers.DateTimeField()
    responded_at = serializers.DateTimeField(allow_null=True)


class RegisterView(ApiView):
    permission_classes = PUBLIC
    authentication_classes = []
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"

    class RegisterInput(serializers.Serializer):
        username = serializers.RegexField(
            r"^[\w.@+-]+\Z", min_length=3, max_length=150, help_text="Letters, digits and @/./+/-/_ only."
        )
        password = serializers.CharField(min_length=8, max_length=128, write_only=True, trim_whitespace=False)
        email = serializers.EmailField(required=False, allow_blank=True, default="")
        display_name = serializers.CharField(required=False, allow_blank=True, max_length=80, default="")

    @extend_schema(
        tags=["accounts"],
        summary="Create an account",
        request=RegisterInput,
        responses={
            201: UserSerializer,
            409: problem("The username is taken.", problem_example(409, "username_taken", "This username is taken.")),
        },
        examples=[
            OpenApiExample(
                "register",
                value={"username": "minji", "password": "correct-horse-battery", "display_name": "Minji"},
                request_only=True,
            )
        ],
    )
    def post(self, request):
        data = self.RegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_register(**data.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


_BAD_CREDENTIALS = problem(
    "Wrong username or password, or an invalid or expired token.",
    problem_example(401, "authentication_failed", "No active account found with the given credentials"),
)


@extend_schema(
    tags=["accounts"],
    summary="Get an access and a refresh token for a username and password",
    responses={200: TokenObtainPairSerializer, 401: _BAD_CREDENTIALS},
)
class TokenView(TokenObtainPairView):
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"


@extend_schema(
    tags=["accounts"],
    summary="Get a new access token for a refresh token",
    responses={200: TokenRefreshSerializer, 401: _BAD_CREDENTIALS},
)
class TokenRefresh(TokenRefreshView):
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"


class MeView(ApiView):
    @extend_schema(tags=["accounts"], summary="The signed-in user", responses={200: UserSerializer})
    def get(self, request):
        return Response(UserSerializer(request.user).data)


class FriendRequestListView(ApiView):
    class FriendRequestListInput(serializers.Serializer):
        username = serializers.CharField(max_length=150, help_text="The username of the person to befriend.")

    class FriendRequestListQuery(serializers.Serializer):
        direction = serializers.ChoiceField(choices=["incoming", "outgoing"], default="incoming")

    @extend_schema(
        tags=["friends"],
        summary="Pending friend requests, to you (incoming, default) or from you (outgoing)",
        parameters=[FriendRequestListQuery],
        responses={200: FriendRequestSerializer(many=True)},
    )
    def get(self, request):
        query = self.query(self.FriendRequestListQuery)
        requests = selectors.friend_request_list(user=request.user, direction=query["direction"])
        return self.page(requests, FriendRequestSerializer)

    @extend_schema(
        tags=["friends"],
        summary="Ask someone to be your friend",
        request=FriendRequestListInput,
        responses={
            201: FriendRequestSerializer,
            404: problem("No user has this username.", problem_example(404, "user_not_found", "No such user.")),
            409: problem(
                "Already friends, or a pending request exists in either direction.",
                problem_example(409, "already_friends", "You are already friends."),
                problem_example(409, "request_exists", "A pending friend request between you already exists."),
            ),
        },
    )
    def post(self, request):
        data = self.FriendRequestListInput(data=request.data)
        data.is_valid(raise_exception=True)
        friend_request = services.friend_request_create(
            from_user=request.user, to_username=data.validated_data["username"]
        )
        return Response(FriendRequestSerializer(friend_request).data, status=status.HTTP_201_CREATED)


_ANSWER_RESPONSES = {
    200: FriendRequestSerializer,
    404: problem(
        "No pending request with this id is addressed to you.",
        problem_example(404, "friend_request_not_found", "No such friend request addressed to you."),
    ),
    409: problem(
        "The request was already answered.",
        problem_example(409, "request_not_pending", "This request was already accepted."),
    ),
}


class FriendRequestAcceptView(ApiView):
    @extend_schema(
        tags=["friends"], summary="Accept a request addressed to you", request=None, responses=_ANSWER_RESPONSES
    )
    def post(self, request, request_id: int):
        friend_request = services.friend_request_accept(request_id=request_id, addressee=request.user)
        return Response(FriendRequestSerializer(friend_request).data)


class FriendRequestDeclineView(ApiView):
    @extend_schema(
        tags=["friends"], summary="Decline a request addressed to you", request=None, responses=_ANSWER_RESPONSES
    )
    def post(self, request, request_id: int):
        friend_request = services.friend_request_decline(request_id=request_id, addressee=request.user)
        return Response(FriendRequestSerializer(friend_request).data)


class FriendListView(ApiView):
    @extend_schema(tags=["friends"], summary="Your friends", responses={200: UserBriefSerializer(many=True)})
    def get(self, request):
        return self.page(selectors.friend_list(user=request.user), UserBriefSerializer)


class FriendDetailView(ApiView):
    @extend_schema(
        tags=["friends"],
        summary="Unfriend someone (both directions)",
        parameters=[OpenApiParameter("user_id", int, OpenApiParameter.PATH)],
        responses={
            204: None,
            404: problem("Not your friend.", problem_example(404, "friend_not_found", "Not a friend.")),
        },
    )
    def delete(self, request, user_id: int):
        services.friendship_delete(user=request.user, friend_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
