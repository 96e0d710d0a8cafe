"""Campaigns: list and create per merchant, read, change, pause, resume and end."""

from drf_spectacular.utils import OpenApiExample, PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import StrictCharField, StrictIntegerField
from api.schema import problem, problem_example
from api.schema_parameters import CAMPAIGN_ID, MERCHANT_ID
from api.translations import TranslatedCharField, translations_field
from api.v1 import examples
from api.views import ApiView
from coupons import campaigns as services
from coupons import selectors
from coupons.limits import COUPON_VALID_DAYS, HOLDOUT_PERCENT, PER_USER_LIMIT, Limit
from coupons.models import Campaign
from coupons.triggers import TRIGGER_PARAMETERS, TRIGGER_TYPES, TRIGGERS
from merchants.selectors import merchant_get


def _trigger_variant(kind: str) -> type[serializers.Serializer]:
    """The documented trigger object of one type: `type` (that one value) and the parameters it requires."""
    trigger = TRIGGERS[kind]
    fields = {
        "__module__": __name__,
        "__doc__": f"The `{kind}` trigger: {trigger.label}.",
        "type": serializers.ChoiceField(choices=[kind]),
        **{
            parameter.name: StrictIntegerField(
                min_value=parameter.low, max_value=parameter.high, help_text=parameter.help_text
            )
            for parameter in trigger.parameters
        },
    }
    return type(kind.title().replace("_", "") + "Trigger", (serializers.Serializer,), fields)


# How the trigger object is documented: a union discriminated by `type`, each type with its own required parameters
# (what coupons.triggers.trigger_clean checks), so that a client cannot leave out `visits` of an `nth_visit`.
CAMPAIGN_TRIGGER_SCHEMA = PolymorphicProxySerializer(
    component_name="CampaignTrigger",
    serializers={kind: _trigger_variant(kind) for kind in TRIGGER_TYPES},
    resource_type_field_name="type",
)

# The trigger object's fields come from the trigger registry: every type's parameters, with their bounds and texts.
CampaignTriggerInput = type(
    "CampaignTriggerInput",
    (serializers.Serializer,),
    {
        "type": serializers.ChoiceField(
            choices=TRIGGER_TYPES, help_text="What earns a coupon; the parameters it needs go beside it."
        ),
        **{
            parameter.name: StrictIntegerField(
                required=False, min_value=parameter.low, max_value=parameter.high, help_text=parameter.help_text
            )
            for parameter in TRIGGER_PARAMETERS
        },
    },
)


@extend_schema_field(CAMPAIGN_TRIGGER_SCHEMA)
class CampaignTriggerField(serializers.Field):
    """The trigger object: checked by CampaignTriggerInput (errors nest under `trigger`), documented as the union."""

    def to_internal_value(self, data):
        trigger = CampaignTriggerInput(data=data)
        trigger.is_valid(raise_exception=True)
        return trigger.validated_data

    def to_representation(self, value):
        return value


CampaignTriggerOutput = type(
    "CampaignTriggerOutput",
    (serializers.Serializer,),
    {
        "type": serializers.ChoiceField(choices=TRIGGER_TYPES),
        **{parameter.name: serializers.IntegerField(required=False) for parameter in TRIGGER_PARAMETERS},
    },
)


def _limit_field(limit: Limit, **kwargs) -> StrictIntegerField:
    """An optional campaign limit field with the bounds and default that coupons.limits declares."""
    bounds = {"min_value": limit.low, "max_value": limit.high}
    return StrictIntegerField(required=False, default=limit.default, **bounds, **kwargs)


class CampaignOutput(serializers.Serializer):
    id = serializers.IntegerField()
    merchant_id = serializers.IntegerField()
    title = TranslatedCharField()
    description = TranslatedCharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    trigger = CampaignTriggerOutput()
    total_stock = serializers.IntegerField(allow_null=True, help_text="null: unlimited.")
    per_user_limit = serializers.IntegerField()
    coupon_valid_days = serializers.IntegerField()
    daily_start_time = serializers.TimeField(allow_null=True, help_text="Local time of the merchant's time zone.")
    daily_end_time = serializers.TimeField(
        allow_null=True, help_text="Local time; may be before the start (overnight)."
    )
    holdout_percent = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=Campaign.Status.choices,
        help_text="Now, the first that applies: `ended` (ended early, or `ends_at` has passed), `paused`, "
        "`scheduled` (before `starts_at`), `sold_out` (no stock left), else `running` (issuing coupons).",
    )
    issued_count = serializers.IntegerField(help_text="Coupons issued so far.")
    remaining_stock = serializers.IntegerField(allow_null=True, help_text="null: unlimited.")
    paused_at = serializers.DateTimeField(allow_null=True, help_text="When it was paused; null unless paused now.")
    ended_at = serializers.DateTimeField(allow_null=True, help_text="When it was ended early; null otherwise.")
    created_at = serializers.DateTimeField()
    translations = translations_field(services.CAMPAIGN_TEXTS, "Campaign")


class CampaignCreateInput(serializers.Serializer):
    title = StrictCharField(max_length=120, help_text="What the customer gets, 1..120 characters (the original text).")
    description = StrictCharField(
        max_length=2000, required=False, allow_blank=True, default="", help_text="Terms and details, optional."
    )
    starts_at = serializers.DateTimeField(required=False, help_text="Default: now. ISO 8601 with offset.")
    ends_at = serializers.DateTimeField(help_text="After starts_at, in the future.")
    trigger = CampaignTriggerField(
        help_text='What earns a coupon: `{"type": "every_checkin"}`, `{"type": "first_visit"}`, '
        '`{"type": "nth_visit", "visits": N}` or `{"type": "with_friends", "friends": K, "window_minutes": M}`.'
    )
    total_stock = StrictIntegerField(
        required=False, allow_null=True, min_value=1, max_value=100_000_000, default=None, help_text="null: unlimited."
    )
    per_user_limit = _limit_field(PER_USER_LIMIT)
    coupon_valid_days = _limit_field(COUPON_VALID_DAYS)
    daily_start_time = serializers.TimeField(
        required=False, allow_null=True, default=None, help_text="`HH:MM`, merchant's local time; with daily_end_time."
    )
    daily_end_time = serializers.TimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text="`HH:MM`, exclusive; before the start means the window spans midnight (22:00-02:00).",
    )
    holdout_percent = _limit_field(
        HOLDOUT_PERCENT,
        help_text="Share of eligible users (stable per user) who get no coupon, to measure the campaign's effect.",
    )
    translations = translations_field(services.CAMPAIGN_TEXTS, "Campaign", required=False)


_CREATED = {
    **examples.CAMPAIGN,
    "id": 32,
    "title": "Free croissant on your first visit",
    "description": "",
    "starts_at": "2026-12-02T01:30:12.118734Z",
    "ends_at": "2026-12-31T14:59:00Z",
    "trigger": {"type": "first_visit"},
    "total_stock": 200,
    "per_user_limit": 1,
    "coupon_valid_days": 7,
    "daily_start_time": "08:00:00",
    "daily_end_time": "20:00:00",
    "issued_count": 0,
    "remaining_stock": 200,
    "created_at": "2026-12-02T01:30:12.118734Z",
    "translations": {
        "ko": {"title": "첫 방문 크루아상 무료"},
        "ja": {"title": "初回来店でクロワッサン無料", "description": "焼きたてを一つどうぞ。"},
    },
}
_CHANGED = {**examples.CAMPAIGN, "total_stock": 800, "remaining_stock": 672, "daily_end_time": "22:00:00"}


def _campaign_example(name: str, value: dict, status: int = 200) -> OpenApiExample:
    return OpenApiExample(name, value=value, response_only=True, status_codes=[str(status)])


class CampaignUpdateInput(CampaignCreateInput):
    """Any campaign field; the others keep their values."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


_LANGUAGE_NOTE = (
    "`title` and `description` are in the `Accept-Language` language where translated, else the original; "
    "`translations` holds every translation."
)
_MANAGERS = (
    "The merchant's owner or a manager may do this: a clerk gets 403 `permission_denied`, anyone else a 404 "
    "`campaign_not_found`, as for an unknown id."
)
_NOT_FOUND = problem(
    "No such campaign, or you are not staff of its merchant.",
    problem_example(404, "campaign_not_found", "No campaign has this id."),
)
_MANAGERS_ONLY = problem(
    "Only the merchant's owner or a manager may do this.",
    problem_example(403, "permission_denied", "Only the owner or a manager may change a campaign."),
)
_ENDED = problem("The campaign has ended.", problem_example(409, "campaign_ended", "This campaign has ended."))
_VALIDATION = problem(
    "Invalid campaign fields: `errors` names each one (nested trigger fields as `trigger.<name>`; a translation's "
    "problem under `translations`, `translations.<language>` or `translations.<language>.<field>`).",
    problem_example(400, "validation_error", "ends_at: Must be after starts_at.", {"ends_at": ["Must be after."]}),
    problem_example(
        400,
        "validation_error",
        "trigger.visits: This field is required for this trigger type.",
        {"trigger.visits": ["This field is required for this trigger type."]},
    ),
    problem_example(
        400,
        "validation_error",
        "translations.en.title: Must not be empty; leave the field out to show the original.",
        {"translations.en.title": ["Must not be empty; leave the field out to show the original."]},
    ),
)
_CAMPAIGN_EXAMPLE = OpenApiExample(
    "first visit",
    request_only=True,
    value={
        "title": "Free croissant on your first visit",
        "ends_at": "2026-12-31T23:59:00+09:00",
        "trigger": {"type": "first_visit"},
        "total_stock": 200,
        "daily_start_time": "08:00",
        "daily_end_time": "20:00",
        "holdout_percent": 10,
        "translations": {
            "ko": {"title": "첫 방문 크루아상 무료"},
            "ja": {"title": "初回来店でクロワッサン無料", "description": "焼きたてを一つどうぞ。"},
        },
    },
)


class MerchantCampaignListView(ApiView):
    @extend_schema(
        tags=["campaigns"],
        summary="A merchant's campaigns, newest first (any staff)",
        description=(
            "Every campaign of the merchant, whatever its status, for its staff (owner, manager or clerk); anyone "
            f"else gets a 403. Offset-paginated (`limit`, `offset`). {_LANGUAGE_NOTE}"
        ),
        parameters=[MERCHANT_ID],
        responses={
            200: CampaignOutput(many=True),
            403: problem(
                "You are not staff of this merchant.",
                problem_example(403, "permission_denied", "Only the merchant's staff may see its campaigns."),
            ),
            404: problem("No such merchant.", problem_example(404, "merchant_not_found", "No merchant has this id.")),
        },
        examples=[_campaign_example("running", examples.CAMPAIGN)],
    )
    def get(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        campaigns = selectors.campaign_list_for_merchant(merchant_id=merchant.pk, user_id=request.user.pk)
        return self.page(campaigns, CampaignOutput)

    @extend_schema(
        tags=["campaigns"],
        summary="Start a campaign (owner or manager)",
        description=(
            "The merchant's owner or a manager may start one (a clerk or anyone else gets a 403). It runs from "
            "`starts_at` (default now) to `ends_at` (in the future), issuing a coupon to each check-in that meets its "
            "`trigger`, within `total_stock` (never oversold), `per_user_limit` coupons per person (default 1) and "
            "the daily hours, if any (the merchant's local time). Each coupon is valid for `coupon_valid_days` "
            "(default 7). With `holdout_percent` > 0 that share of eligible customers, chosen at random and stably "
            "per person, gets no coupon, so that the statistics can measure what the campaign changed. "
            "`translations` gives the title and description in other languages."
        ),
        parameters=[MERCHANT_ID],
        request=CampaignCreateInput,
        responses={
            201: CampaignOutput,
            400: _VALIDATION,
            403: _MANAGERS_ONLY,
            404: problem("No such merchant.", problem_example(404, "merchant_not_found", "No merchant has this id.")),
        },
        examples=[_CAMPAIGN_EXAMPLE, _campaign_example("started", _CREATED, 201)],
    )
    def post(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = CampaignCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        campaign = services.campaign_create(merchant=merchant, actor=request.user, **data.validated_data)
        return Response(CampaignOutput(campaign).data, status=status.HTTP_201_CREATED)


class CampaignDetailView(ApiView):
    @extend_schema(
        tags=["campaigns"],
        summary="A campaign with its status and stock (any staff of its merchant)",
        description=(
            "For the staff of the campaign's merchant (owner, manager or clerk); anyone else gets a 404, as for an "
            f"unknown id. {_LANGUAGE_NOTE}"
        ),
        parameters=[CAMPAIGN_ID],
        responses={200: CampaignOutput, 404: _NOT_FOUND},
        examples=[_campaign_example("running", examples.CAMPAIGN)],
    )
    def get(self, request, campaign_id: int):
        campaign = selectors.campaign_get_for_staff(campaign_id=campaign_id, user_id=request.user.pk)
        return Response(CampaignOutput(campaign).data)

    @extend_schema(
        tags=["campaigns"],
        summary="Change a campaign that has not ended (owner or manager)",
        description=(
            "Only the fields sent change, checked together with the others as on creation; stock cannot go below the "
            "coupons already issued. An ended campaign cannot change (409 `campaign_ended`). `translations`, when "
            "sent, replaces the stored object as a whole: send every translation to keep (`{}` removes them all). "
            f"{_MANAGERS}"
        ),
        parameters=[CAMPAIGN_ID],
        request=CampaignUpdateInput,
        responses={200: CampaignOutput, 400: _VALIDATION, 403: _MANAGERS_ONLY, 404: _NOT_FOUND, 409: _ENDED},
        examples=[
            OpenApiExample(
                "more stock, open later", value={"total_stock": 800, "daily_end_time": "22:00"}, request_only=True
            ),
            _campaign_example("changed", _CHANGED),
        ],
    )
    def patch(self, request, campaign_id: int):
        data = CampaignUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        campaign = services.campaign_update(campaign_id=campaign_id, actor=request.user, data=data.validated_data)
        return Response(CampaignOutput(campaign).data)


def _action_view(action, summary: str, description: str, example: dict, *, refuses_ended: bool = True):
    responses = {200: CampaignOutput, 403: _MANAGERS_ONLY, 404: _NOT_FOUND}
    if refuses_ended:
        responses[409] = _ENDED

    class CampaignActionView(ApiView):
        @extend_schema(
            tags=["campaigns"],
            summary=summary,
            description=f"{description} No request body. {_MANAGERS}",
            parameters=[CAMPAIGN_ID],
            request=None,
            responses=responses,
            examples=[_campaign_example(example["status"], example)],
        )
        def post(self, request, campaign_id: int):
            campaign = action(campaign_id=campaign_id, actor=request.user)
            return Response(CampaignOutput(campaign).data)

    return CampaignActionView


CampaignPauseView = _action_view(
    services.campaign_pause,
    "Pause a campaign (owner or manager)",
    "No coupons are issued while paused. Pausing a paused campaign changes nothing; an ended one is a 409.",
    {**examples.CAMPAIGN, "status": "paused", "paused_at": "2026-12-02T03:00:41.902117Z"},
)
CampaignResumeView = _action_view(
    services.campaign_resume,
    "Resume a paused campaign (owner or manager)",
    "Coupons are issued again (it is `running` again unless it is before its start or sold out). Resuming a "
    "campaign that is not paused changes nothing; an ended one is a 409.",
    examples.CAMPAIGN,
)
CampaignEndView = _action_view(
    services.campaign_end,
    "End a campaign for good (owner or manager)",
    "No more coupons are issued, and an ended campaign cannot be resumed or changed. Coupons already issued stay "
    "valid until they expire. Ending an ended campaign changes nothing.",
    {**examples.CAMPAIGN, "status": "ended", "ended_at": "2026-12-20T09:12:55.016448Z"},
    refuses_ended=False,
)
