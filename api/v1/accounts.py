"""Accounts and friends: register, tokens, /me, friend requests, friends."""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.serializers import PasswordField, TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import selectors, services
from accounts.login_lockout import login_lock_remaining
from accounts.models import FriendRequest, User, Visibility
from api.fields import NewPasswordField, StrictCharField, StrictCharMixin, StrictEmailField, StrictRegexField
from api.permissions import PUBLIC
from api.schema import problem, problem_example
from api.schema_parameters import FRIEND_ID, FRIEND_REQUEST_ID
from api.throttling import LoginLocked, ScopedThrottle
from api.v1 import examples
from api.v1.consents import StrictBooleanField
from api.views import ApiView
from core.translations import translation_languages
from social.privacy import account_erase

RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    int,
    OpenApiParameter.HEADER,
    response=[429],
    description="Seconds to wait before trying again.",
)
_RATE_LIMITED = problem_example(429, "rate_limited", "Request was throttled. Expected available in 42 seconds.")
_TOO_MANY = problem("Too many requests; retry after `Retry-After` seconds.", _RATE_LIMITED)


class UserBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = StrictCharField()
    display_name = StrictCharField()


class UserSerializer(UserBriefSerializer):
    email = StrictEmailField(allow_blank=True)
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
        username = StrictRegexField(
            r"^[\w.@+-]+\Z",
            min_length=3,
            max_length=150,
            help_text="3..150 letters, digits and @/./+/-/_; unique whatever the case; friends find you by it.",
        )
        password = NewPasswordField(
            min_length=8,
            max_length=128,
            help_text="8..128 characters, checked against the password policy (not too common, not all digits, not "
            "too like the username, email or display name): a breach is a 400 naming `password`.",
        )
        email = StrictEmailField(required=False, allow_blank=True, default="", help_text="Optional.")
        display_name = StrictCharField(
            required=False,
            allow_blank=True,
            max_length=80,
            default="",
            help_text="The name friends see; default: the username.",
        )
        location_consent = StrictBooleanField(
            required=False,
            default=False,
            help_text=(
                "Agree to the collection of your location (needed to check in); recorded with the terms version. "
                "Default false: agree later with PUT /me/consents."
            ),
        )

    @extend_schema(
        tags=["accounts"],
        summary="Create an account",
        description=(
            "Anyone may register. Then sign in with POST /auth/token. A username is unique, and the name of a deleted "
            "account is held for `USERNAME_HOLD_DAYS` days (30) before anyone may take it (409 `username_taken` "
            "meanwhile). `location_consent: true` records your agreement to the collection of your location, needed "
            "to check in; without it, agree later with PUT /me/consents."
        ),
        request=RegisterInput,
        responses={
            201: UserSerializer,
            409: problem("The username is taken.", problem_example(409, "username_taken", "This username is taken.")),
            429: _TOO_MANY,
        },
        parameters=[RETRY_AFTER],
        examples=[
            OpenApiExample(
                "register",
                value={
                    "username": "minji",
                    "password": "correct-horse-battery",
                    "display_name": "Minji",
                    "location_consent": True,
                },
                request_only=True,
            ),
            OpenApiExample("registered", value=examples.MINJI_ACCOUNT, response_only=True, status_codes=["201"]),
        ],
    )
    def post(self, request):
        data = self.RegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_register(**data.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class TokenPairSerializer(serializers.Serializer):
    access = StrictCharField(help_text="An access token: `Authorization: Bearer <access>`, valid for minutes.")
    refresh = StrictCharField(
        help_text="A refresh token for POST /auth/token/refresh, valid for days; each one can be used once."
    )


# simplejwt's username/password check, which django-axes watches: a locked account is a 429 `login_locked`, and a
# successful login is announced (user_logged_in) so that axes clears the account's failures. (Comments, not
# docstrings, on these serializers: drf-spectacular would publish a docstring as the schema's description.)
# simplejwt's password field, taking a JSON string only like every text field of ours.
class StrictPasswordField(StrictCharMixin, PasswordField):
    pass


@extend_schema_serializer(component_name="TokenObtainPair")
class TokenObtainInput(TokenObtainPairSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No account has a longer name, and axes could not record a failure for one (a 500): a 400 instead.
        max_length = User._meta.get_field(self.username_field).max_length
        self.fields[self.username_field] = StrictCharField(write_only=True, max_length=max_length)
        self.fields["password"] = StrictPasswordField()

    def validate(self, attrs):
        request = self.context["request"]
        try:
            data = super().validate(attrs)
        except exceptions.AuthenticationFailed:
            if getattr(request, "axes_locked_out", False):
                raise LoginLocked(login_lock_remaining(request=request, username=attrs[self.username_field])) from None
            raise
        user_logged_in.send(sender=type(self.user), request=request, user=self.user)
        return data


# simplejwt's rotating refresh, made strictly single-use: of two requests with the same refresh token only the one
# that blacklists it gets a new pair; the other, like any later reuse, is 401 `token_not_valid`.
@extend_schema_serializer(component_name="TokenRefresh")
class TokenRefreshInput(TokenRefreshSerializer):
    refresh = StrictCharField()

    def validate(self, attrs):
        refresh = self.token_class(attrs["refresh"])  # signature, expiry, type and the blacklist: TokenError -> 401
        with transaction.atomic():
            # Locked like user_password_change locks it: a refresh never slips past a password change's revocation.
            user = (
                User.objects.select_for_update()
                .filter(**{jwt_settings.USER_ID_FIELD: refresh.payload.get(jwt_settings.USER_ID_CLAIM)})
                .first()
            )
            if user is None or not jwt_settings.USER_AUTHENTICATION_RULE(user):
                raise exceptions.AuthenticationFailed(self.error_messages["no_active_account"], "no_active_account")
            _blacklisted, created = refresh.blacklist()
            if not created:
                raise TokenError(_("Token is blacklisted"))
            access = str(refresh.access_token)
            refresh.set_jti()
            refresh.set_exp()
            refresh.set_iat()
            refresh.outstand()
        return {"access": access, "refresh": str(refresh)}


class _TokenViewBase(ApiView):
    # simplejwt's TokenViewBase on our base: anyone may ask (no permission classes, as simplejwt has them: the schema
    # lists no security for these operations), and a bad token is a 401 `token_not_valid`.
    permission_classes = []
    authentication_classes = []
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"
    serializer_class: type[serializers.Serializer]

    def post(self, request):
        serializer = self.serializer_class(data=request.data, context={"request": request, "view": self})
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as exc:
            raise InvalidToken(exc.args[0]) from exc
        return Response(serializer.validated_data)


_TOKEN_NOT_VALID = problem_example(401, "token_not_valid", "Token is blacklisted")
_BAD_CREDENTIALS = problem(
    "Wrong username or password, or the account is not active.",
    problem_example(401, "authentication_failed", "No active account found with the given credentials"),
)
_TOO_MANY_LOGINS = problem(
    "Too many requests from this address (`rate_limited`), or too many failed logins to this account: its password "
    "login is locked for a while whatever the address (`login_locked`). Retry after `Retry-After` seconds.",
    _RATE_LIMITED,
    problem_example(429, "login_locked", "Too many failed logins to this account. Try again in 15 minutes."),
)


@extend_schema(
    tags=["accounts"],
    summary="Get an access and a refresh token for a username and password",
    description=(
        "Failed logins are limited per client address (429 `rate_limited`) and per account: after "
        "`LOGIN_FAILURE_LIMIT` failures the account's password login is locked for `LOGIN_LOCKOUT_MINUTES` "
        "(429 `login_locked`, whatever the address and even with the right password). A successful login clears the "
        "account's failures."
    ),
    request=TokenObtainInput,
    responses={200: TokenPairSerializer, 401: _BAD_CREDENTIALS, 429: _TOO_MANY_LOGINS},
    parameters=[RETRY_AFTER],
    examples=[
        OpenApiExample("login", value={"username": "minji", "password": "correct-horse-battery"}, request_only=True),
        OpenApiExample("tokens", value=examples.TOKEN_PAIR, response_only=True, status_codes=["200"]),
    ],
)
class TokenView(_TokenViewBase):
    serializer_class = TokenObtainInput


@extend_schema(
    tags=["accounts"],
    summary="Trade a refresh token for a new access and refresh token",
    description=(
        "Refresh tokens rotate: the one sent is revoked and a new one comes back with the access token. A refresh "
        "token that was already used, revoked (logout, password change) or has expired is 401 `token_not_valid`."
    ),
    request=TokenRefreshInput,
    responses={
        200: TokenPairSerializer,
        401: problem(
            "The refresh token is invalid, expired, already used or revoked (`token_not_valid`), or its account is "
            "no longer active.",
            _TOKEN_NOT_VALID,
        ),
        429: _TOO_MANY,
    },
    parameters=[RETRY_AFTER],
    examples=[
        OpenApiExample("refresh", value={"refresh": examples.REFRESH_TOKEN}, request_only=True),
        OpenApiExample("new tokens", value=examples.TOKEN_PAIR, response_only=True, status_codes=["200"]),
    ],
)
class TokenRefresh(_TokenViewBase):
    serializer_class = TokenRefreshInput


class LogoutView(ApiView):
    class LogoutInput(serializers.Serializer):
        refresh = StrictCharField(help_text="The refresh token to revoke (one of yours).")

    @extend_schema(
        tags=["accounts"],
        summary="Sign out: revoke one of your refresh tokens",
        description=(
            "Any signed-in user may revoke one of their own refresh tokens (someone else's is a 403): it can no "
            "longer be traded for tokens. The access token in use stays valid until it expires (minutes); drop it on "
            "the device. To sign out everywhere, change your password (POST /me/password)."
        ),
        request=LogoutInput,
        responses={
            204: None,
            401: problem(
                "No valid access token (`not_authenticated`, `token_not_valid`), or the refresh token is invalid, "
                "expired or already revoked (`token_not_valid`).",
                _TOKEN_NOT_VALID,
            ),
            403: problem(
                "The refresh token belongs to another account.",
                problem_example(403, "permission_denied", "This refresh token belongs to another account."),
            ),
            429: _TOO_MANY,
        },
        parameters=[RETRY_AFTER],
        examples=[OpenApiExample("logout", value={"refresh": examples.REFRESH_TOKEN}, request_only=True)],
    )
    def post(self, request):
        data = self.LogoutInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            refresh = RefreshToken(data.validated_data["refresh"])
        except TokenError as exc:
            raise InvalidToken(exc.args[0]) from None
        owner_id = refresh.payload.get(jwt_settings.USER_ID_CLAIM)
        if str(owner_id) != str(getattr(request.user, jwt_settings.USER_ID_FIELD)):
            raise exceptions.PermissionDenied(_("This refresh token belongs to another account."))
        refresh.blacklist()
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeSerializer(UserSerializer):
    language = serializers.ChoiceField(
        choices=translation_languages(),
        allow_null=True,
        help_text="Your saved language; null when you saved none (then each request's `Accept-Language` decides).",
    )
    default_visibility = serializers.ChoiceField(
        choices=Visibility.choices,
        help_text="Who sees your check-ins when a check-in does not say: `friends`, `public` (everyone) or `private`.",
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["language"] = data["language"] or None  # stored as "" while none is chosen
        return data


class MeView(ApiView):
    class MeUpdateInput(serializers.Serializer):
        display_name = StrictCharField(
            required=False, min_length=1, max_length=80, help_text="1..80 characters; surrounding spaces are trimmed."
        )
        language = serializers.ChoiceField(
            choices=translation_languages(),
            required=False,
            allow_null=True,
            help_text="The language to save; null forgets it (then each request's `Accept-Language` decides).",
        )
        default_visibility = serializers.ChoiceField(
            choices=Visibility.choices,
            required=False,
            help_text="Who sees your check-ins when a check-in does not say: `friends`, `public` or `private`.",
        )

    @extend_schema(
        tags=["accounts"],
        summary="The signed-in user",
        description=(
            "Your account as you see it: your saved `language` (null: each request's `Accept-Language` decides) and "
            "the `default_visibility` your check-ins take when they do not say. Change them with PATCH /me."
        ),
        responses={200: MeSerializer},
        examples=[OpenApiExample("minji", value=examples.ME, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        return Response(MeSerializer(request.user).data)

    @extend_schema(
        tags=["accounts"],
        summary="Change your display name, saved language or default check-in visibility",
        description="Only the fields sent change; an empty body changes nothing. Answers the user as GET /me does.",
        request=MeUpdateInput,
        responses={
            200: MeSerializer,
            400: problem(
                "A display name that is empty or longer than 80 characters, a language that is not supported, or a "
                "default visibility that is not `friends`, `public` or `private`: `errors` names the field.",
                problem_example(
                    400,
                    "validation_error",
                    "language: Not one of the allowed values.",
                    {"language": ["Not one of the allowed values."]},
                ),
            ),
        },
        examples=[
            OpenApiExample("language", value={"language": "ko"}, request_only=True),
            OpenApiExample("display name", value={"display_name": "민지"}, request_only=True),
            OpenApiExample("forget the language", value={"language": None}, request_only=True),
            OpenApiExample("default visibility", value={"default_visibility": "private"}, request_only=True),
            OpenApiExample(
                "changed",
                value={**examples.ME, "default_visibility": "private"},
                response_only=True,
                status_codes=["200"],
            ),
        ],
    )
    def patch(self, request):
        data = self.MeUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        if "language" in changes:
            changes["language"] = changes["language"] or ""  # null: forget the saved language
        user = services.user_update(user=request.user, **changes)
        return Response(MeSerializer(user).data)

    class AccountDeleteInput(serializers.Serializer):
        password = StrictCharField(
            max_length=128, write_only=True, trim_whitespace=False, help_text="Your password, to confirm."
        )

    def get_throttles(self):
        # The erasure checks a password: per user, like a password change, so a stolen access token cannot guess it.
        if self.request.method == "DELETE":
            self.throttle_scope = "auth"
            return [ScopedThrottle()]
        return super().get_throttles()

    @extend_schema(
        tags=["privacy"],
        summary="Delete your account",
        description=(
            "Confirm with your password. Your profile is emptied (the account keeps only a random name such as "
            "`deleted-3f9c...` and can no longer sign in), every raw position, check-in message and comment is erased, "
            "friendships, friend requests and notifications to or about you are deleted, your staff roles end, and "
            "every session is signed out (refresh tokens revoked; access tokens refused from now on). Merchants keep "
            "their counts (check-ins, visitors, coupons, likes) with no link to you; your consent records and the "
            "location access log stay, no longer naming you, until their retention ends. Your username cannot be "
            "registered again for `USERNAME_HOLD_DAYS` days (30). The owner of a merchant must hand it over or close "
            "it first. Download GET /me/export before, to keep a copy."
        ),
        request=AccountDeleteInput,
        responses={
            204: None,
            400: problem(
                "No password sent (`errors.password`).",
                problem_example(
                    400,
                    "validation_error",
                    "password: This field is required.",
                    {"password": ["This field is required."]},
                ),
            ),
            403: problem(
                "The password is wrong.", problem_example(403, "password_incorrect", "The password is not correct.")
            ),
            409: problem(
                "You own a merchant.",
                problem_example(
                    409,
                    "owner_must_hand_over",
                    "You own a merchant: hand it over to another owner or close it before deleting your account.",
                ),
            ),
            429: _TOO_MANY,
        },
        parameters=[RETRY_AFTER],
        examples=[OpenApiExample("delete", value={"password": "correct-horse-battery"}, request_only=True)],
    )
    def delete(self, request):
        data = self.AccountDeleteInput(data=request.data)
        data.is_valid(raise_exception=True)
        account_erase(user=request.user, password=data.validated_data["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyPasswordView(ApiView):
    # Per user: a stolen access token cannot be used to guess the current password quickly.
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"

    class PasswordChangeInput(serializers.Serializer):
        old_password = StrictCharField(max_length=128, write_only=True, trim_whitespace=False)
        new_password = NewPasswordField(
            min_length=8,
            max_length=128,
            help_text="8..128 characters, checked against the password policy (not too common, not all digits, not "
            "too like your username, email or display name): a breach is a 400 naming `new_password`.",
        )

    @extend_schema(
        tags=["accounts"],
        summary="Change your password; signs out every device",
        description=(
            "Every refresh token of the account is revoked, this device's included: sign in again with the new "
            "password. Access tokens already issued stay valid until they expire (minutes)."
        ),
        request=PasswordChangeInput,
        responses={
            204: None,
            400: problem(
                "The current password is wrong (`errors.old_password`) or the new one breaks the password policy "
                "(`errors.new_password`: too short, too common, all digits, or too like your username or email).",
                problem_example(
                    400,
                    "validation_error",
                    "old_password: The current password is not correct.",
                    {"old_password": ["The current password is not correct."]},
                ),
            ),
            429: _TOO_MANY,
        },
        parameters=[RETRY_AFTER],
        examples=[
            OpenApiExample(
                "change",
                value={"old_password": "correct-horse-battery", "new_password": "staple-lantern-orbit"},
                request_only=True,
            )
        ],
    )
    def post(self, request):
        data = self.PasswordChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_password_change(user=request.user, **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


_PENDING_REQUEST = {
    "id": 318,
    "from_user": examples.JISOO,
    "to_user": examples.MINJI,
    "status": "pending",
    "created_at": "2026-11-30T11:05:27.813402Z",
    "responded_at": None,
}


class FriendRequestListView(ApiView):
    class FriendRequestListInput(serializers.Serializer):
        username = StrictCharField(
            max_length=150, help_text="The exact username of the person to befriend (not yours: 400 `self_request`)."
        )

    class FriendRequestListQuery(serializers.Serializer):
        direction = serializers.ChoiceField(
            choices=["incoming", "outgoing"],
            default="incoming",
            help_text="`incoming`: requests to you, waiting for your answer (default); `outgoing`: requests you sent.",
        )

    @extend_schema(
        tags=["friends"],
        summary="Pending friend requests, to you (incoming, default) or from you (outgoing)",
        description=(
            "Only pending requests, newest first; answered ones leave the list. Answer an incoming request with "
            "POST /friends/requests/{request_id}/accept or /decline. Offset-paginated (`limit`, `offset`)."
        ),
        parameters=[FriendRequestListQuery],
        responses={200: FriendRequestSerializer(many=True)},
        examples=[OpenApiExample("from jisoo", value=_PENDING_REQUEST, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        query = self.query(self.FriendRequestListQuery)
        requests = selectors.friend_request_list(user=request.user, direction=query["direction"])
        return self.page(requests, FriendRequestSerializer)

    @extend_schema(
        tags=["friends"],
        summary="Ask someone to be your friend",
        description=(
            "Any signed-in user may ask anyone else by username. The addressee is notified (`friend_request`) and "
            "answers it; friendship is mutual once accepted. Refused when you are already friends (409 "
            "`already_friends`) or a pending request exists between you in either direction (409 `request_exists`: "
            "if they asked you, accept theirs). Asking yourself is a 400 `self_request`."
        ),
        request=FriendRequestListInput,
        responses={
            201: FriendRequestSerializer,
            400: problem(
                "A bad `username`, or your own (`self_request`, naming `username`).",
                problem_example(
                    400,
                    "self_request",
                    "username: You cannot send a friend request to yourself.",
                    {"username": ["You cannot send a friend request to yourself."]},
                ),
            ),
            404: problem("No user has this username.", problem_example(404, "user_not_found", "No such user.")),
            409: problem(
                "Already friends, or a pending request exists in either direction.",
                problem_example(409, "already_friends", "You are already friends."),
                problem_example(409, "request_exists", "A pending friend request between you already exists."),
            ),
        },
        examples=[
            OpenApiExample("ask jisoo", value={"username": "jisoo"}, request_only=True),
            OpenApiExample(
                "sent",
                value={**_PENDING_REQUEST, "from_user": examples.MINJI, "to_user": examples.JISOO},
                response_only=True,
                status_codes=["201"],
            ),
        ],
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


def _answered_example(status: str) -> OpenApiExample:
    answered = {**_PENDING_REQUEST, "status": status, "responded_at": "2026-11-30T12:41:02.377215Z"}
    return OpenApiExample(status, value=answered, response_only=True, status_codes=["200"])


class FriendRequestAcceptView(ApiView):
    @extend_schema(
        tags=["friends"],
        summary="Accept a request addressed to you",
        description=(
            "Only the addressee may answer (anyone else gets a 404, as for an unknown id). You become friends of each "
            "other: each sees the other's check-ins shared with friends from now on (earlier ones are not delivered "
            "to the feed). The sender is notified (`friend_accepted`). No request body."
        ),
        parameters=[FRIEND_REQUEST_ID],
        request=None,
        responses=_ANSWER_RESPONSES,
        examples=[_answered_example("accepted")],
    )
    def post(self, request, request_id: int):
        friend_request = services.friend_request_accept(request_id=request_id, addressee=request.user)
        return Response(FriendRequestSerializer(friend_request).data)


class FriendRequestDeclineView(ApiView):
    @extend_schema(
        tags=["friends"],
        summary="Decline a request addressed to you",
        description=(
            "Only the addressee may answer (anyone else gets a 404, as for an unknown id). The sender is not "
            "notified, and may ask again later. No request body."
        ),
        parameters=[FRIEND_REQUEST_ID],
        request=None,
        responses=_ANSWER_RESPONSES,
        examples=[_answered_example("declined")],
    )
    def post(self, request, request_id: int):
        friend_request = services.friend_request_decline(request_id=request_id, addressee=request.user)
        return Response(FriendRequestSerializer(friend_request).data)


class FriendListView(ApiView):
    @extend_schema(
        tags=["friends"],
        summary="Your friends",
        description="The people you are friends with, by username. Offset-paginated (`limit`, `offset`).",
        responses={200: UserBriefSerializer(many=True)},
        examples=[OpenApiExample("jisoo", value=examples.JISOO, response_only=True, status_codes=["200"])],
    )
    def get(self, request):
        return self.page(selectors.friend_list(user=request.user), UserBriefSerializer)


class FriendDetailView(ApiView):
    @extend_schema(
        tags=["friends"],
        summary="Unfriend someone (both directions)",
        description=(
            "Ends the friendship for both of you at once: neither sees the other's friends-only check-ins any more, "
            "and their check-ins leave each other's feeds. Not notified. A user who is not your friend is a 404."
        ),
        parameters=[FRIEND_ID],
        responses={
            204: None,
            404: problem("Not your friend.", problem_example(404, "friend_not_found", "Not a friend.")),
        },
    )
    def delete(self, request, user_id: int):
        services.friendship_delete(user=request.user, friend_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
