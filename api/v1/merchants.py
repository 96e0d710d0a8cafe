"""Merchants: nearby search, public detail, registration, updates and staff."""

import math
import threading
from functools import partial

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import (
    LocationSerializer,
    StrictCharField,
    StrictIntegerField,
    TimeZoneField,
    latitude_field,
    longitude_field,
)
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, PeekPagination
from api.permissions import PUBLIC
from api.schema import problem, problem_example
from api.schema_parameters import MERCHANT_ID
from api.translations import TranslatedCharField, translations_field
from api.v1 import examples
from api.views import ApiView
from checkins.progress import REASONS, campaign_progress_find, merchant_list_nearby_for_user
from core.translations import translated
from coupons import selectors as coupon_selectors
from coupons.nearby import merchant_list_nearby
from coupons.triggers import TRIGGER_PARAMETERS, trigger_params
from geo.points import location_dict
from merchants import services
from merchants.models import TIMEZONES, Category
from merchants.selectors import merchant_get
from stats import services as stats_services

# The trigger's parameters without its type, from the trigger registry (every type's parameters, with their texts).
TriggerParamsSerializer = type(
    "TriggerParamsSerializer",
    (serializers.Serializer,),
    {
        parameter.name: serializers.IntegerField(required=False, help_text=parameter.help_text)
        for parameter in TRIGGER_PARAMETERS
    },
)


class MyProgressSerializer(serializers.Serializer):
    coupons_received = serializers.IntegerField(help_text="Coupons this campaign has issued to you.")
    visits_counted = serializers.IntegerField(
        help_text=(
            "Your check-ins here that the trigger counts: since the campaign started for `nth_visit`, all your visits "
            "here for `first_visit`, those during the campaign for the other types."
        )
    )
    visits_to_next = serializers.IntegerField(
        allow_null=True,
        help_text=(
            "`nth_visit` only (null for the other types): how many more check-ins until the next N-th one; 1 when "
            "the next check-in is one. It counts visits only: `eligible_now` and `reason` tell whether a coupon "
            "would follow."
        ),
    )
    eligible_now = serializers.BooleanField(
        help_text=(
            "Whether a check-in here now would earn you a coupon, given the facts as they stand (stock, your coupons "
            "from this campaign, the daily hours, your visits here, friends checked in here within the window). It "
            "assumes the check-in is accepted (distance, cooldown, travel speed) and shared with friends or the "
            "public (a private check-in takes no part in a `with_friends` group). False with a null `reason` when "
            "only more visits (`nth_visit`) or more friends checked in here within the window (`with_friends`) "
            "are missing."
        )
    )
    reason = serializers.ChoiceField(
        choices=REASONS,
        allow_null=True,
        help_text=(
            "Null when `eligible_now` is true, or when only more visits or friends are missing. Otherwise the first "
            "that applies, in this order: `sold_out` (no coupons left), `limit_reached` (you have received "
            "`per_user_limit` coupons from it), `outside_hours` (now is outside the daily hours, in the merchant's "
            "time zone), `already_visited` (`first_visit`: you have checked in here before), `not_in_audience` "
            "(offered to other customers), `not_offered` (this offer is not available to you)."
        ),
    )


class CampaignBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = StrictCharField()
    trigger = StrictCharField(help_text="The trigger type, e.g. `every_checkin`.")
    ends_at = serializers.DateTimeField()
    trigger_params = TriggerParamsSerializer(
        help_text=(
            "The trigger's parameters without its type: `{}` for `every_checkin` and `first_visit`, "
            '`{"visits": N}` for `nth_visit`, `{"friends": K, "window_minutes": M}` for `with_friends`.'
        )
    )
    per_user_limit = serializers.IntegerField(help_text="At most this many coupons per person from this campaign.")
    coupon_valid_days = serializers.IntegerField(help_text="A coupon is valid for this many days after it is issued.")
    daily_start_time = serializers.TimeField(
        allow_null=True,
        help_text="Start of the daily hours (`HH:MM:SS`, the merchant's local time); null: coupons all day.",
    )
    daily_end_time = serializers.TimeField(
        allow_null=True,
        help_text=(
            "End of the daily hours (excluded; `HH:MM:SS`, the merchant's local time); before the start when the "
            "hours span midnight; null: coupons all day."
        ),
    )
    my_progress = MyProgressSerializer(
        required=False,
        help_text=(
            "Only for a signed-in caller (a bearer token was sent): your progress toward this campaign's coupon, by "
            "the same rules a check-in applies."
        ),
    )


class CampaignPublicSerializer(CampaignBriefSerializer):
    description = StrictCharField()
    starts_at = serializers.DateTimeField()


class NearbyMerchantSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()
    category = serializers.ChoiceField(choices=Category.choices)
    address = StrictCharField()
    location = LocationSerializer()
    distance_m = serializers.FloatField(help_text="Geodesic distance on the WGS84 ellipsoid, in metres.")
    active_campaigns = CampaignBriefSerializer(many=True, help_text="The merchant's running campaigns.")


class MerchantSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = TranslatedCharField()
    category = serializers.ChoiceField(choices=Category.choices)
    address = TranslatedCharField()
    location = serializers.SerializerMethodField()
    checkin_radius_m = serializers.IntegerField()
    timezone = StrictCharField()
    created_at = serializers.DateTimeField()

    def get_location(self, merchant) -> LocationSerializer:
        return location_dict(merchant.location)


class MerchantForStaffSerializer(MerchantSerializer):
    """A merchant as its staff see it: the texts in the request's language, and every translation of them."""

    translations = translations_field(services.MERCHANT_TEXTS, "Merchant")


class MerchantPublicSerializer(MerchantSerializer):
    active_campaigns = serializers.SerializerMethodField(help_text="Running campaigns (no stock or statistics).")

    def get_active_campaigns(self, merchant) -> CampaignPublicSerializer(many=True):
        progress = self.context.get("progress") or {}
        campaigns = [
            {
                "id": c.id,
                "title": translated(c.translations, "title", c.title),
                "description": translated(c.translations, "description", c.description),
                "trigger": c.trigger.get("type"),
                "starts_at": c.starts_at,
                "ends_at": c.ends_at,
                "trigger_params": trigger_params(c.trigger),
                "per_user_limit": c.per_user_limit,
                "coupon_valid_days": c.coupon_valid_days,
                "daily_start_time": c.daily_start_time,
                "daily_end_time": c.daily_end_time,
            }
            for c in merchant.running_campaigns
        ]
        for item in campaigns:
            if item["id"] in progress:
                item["my_progress"] = progress[item["id"]]
        return campaigns


# A running campaign as the public (here a signed-in customer, with her progress) sees it.
_PUBLIC_CAMPAIGN = {
    **{
        key: examples.CAMPAIGN[key]
        for key in ("id", "title", "description", "starts_at", "ends_at", "per_user_limit", "coupon_valid_days")
    },
    **{key: examples.CAMPAIGN[key] for key in ("daily_start_time", "daily_end_time")},
    "trigger": "nth_visit",
    "trigger_params": {"visits": 3},
    "my_progress": {
        "coupons_received": 1,
        "visits_counted": 4,
        "visits_to_next": 2,
        "eligible_now": False,
        "reason": None,
    },
}


class MerchantNearbyView(ApiView):
    pagination_class = PeekPagination
    permission_classes = PUBLIC
    # One bound query serializer per thread, reused: the same fields, rules and messages, without DRF deep-copying
    # every declared field for each request (a quarter of this view's CPU). Its fields keep no per-request state.
    _query_parsers = threading.local()

    class MerchantNearbyQuery(serializers.Serializer):
        lat = latitude_field(from_query=True)
        lng = longitude_field(from_query=True)
        radius = serializers.FloatField(
            default=settings.NEARBY_DEFAULT_RADIUS_M,
            min_value=0.01,
            max_value=settings.NEARBY_MAX_RADIUS_M,
            help_text=f"Search radius in metres, >0 and at most {settings.NEARBY_MAX_RADIUS_M} (default 1000).",
        )
        category = serializers.ChoiceField(
            choices=Category.choices, required=False, help_text="Only merchants of this category."
        )
        q = StrictCharField(
            required=False,
            max_length=100,
            help_text="Part of the merchant's name (case-insensitive), in the original or the request's language.",
        )
        has_campaign = serializers.BooleanField(
            required=False,
            allow_null=True,
            default=None,
            help_text="Only merchants with (true) or without (false) a running campaign.",
        )
        limit = serializers.IntegerField(
            default=DEFAULT_LIMIT,
            min_value=1,
            max_value=MAX_LIMIT,
            help_text=f"Items per page, 1..{MAX_LIMIT} (default {DEFAULT_LIMIT}); otherwise a 400.",
        )
        offset = serializers.IntegerField(
            default=0,
            min_value=0,
            max_value=MAX_OFFSET,
            help_text=f"Items to skip, 0..{MAX_OFFSET}: follow `next` rather than counting.",
        )

        def validate_radius(self, value):
            if not math.isfinite(value):
                raise serializers.ValidationError(_("A finite number is required."))
            return value

    def get_authenticators(self):
        # An anonymous search (the hot path) authenticates nobody and costs nothing more; a token, when one is sent,
        # is checked as everywhere (a bad one is a 401) and adds the caller's progress to the running campaigns.
        # (The schema generator asks with no request at all.)
        if self.request is not None and "HTTP_AUTHORIZATION" not in self.request.META:
            return []
        return super().get_authenticators()

    @extend_schema(
        tags=["merchants"],
        summary="Merchants near a point, nearest first",
        description=(
            "Public: anyone may search. Every result lies within `radius` metres of the point; `distance_m` is the "
            "geodesic distance on the WGS84 ellipsoid. Results are ordered by `distance_m` ascending. Pages by "
            "`limit` and `offset` without a total count: `next` is null on the last page. "
            "`name`, `address` and campaign titles are in the `Accept-Language` language where translated, else the "
            "original; `q` matches the original name or the name in that language. A bearer token is optional: "
            "with one, each running campaign also carries the caller's `my_progress`."
        ),
        parameters=[MerchantNearbyQuery],
        responses={200: NearbyMerchantSerializer(many=True)},
        auth=[{}, {"jwtAuth": []}],
        examples=[
            OpenApiExample(
                "nearby",
                response_only=True,
                status_codes=["200"],
                value={
                    **{key: examples.MERCHANT[key] for key in ("id", "name", "category", "address", "location")},
                    "distance_m": 143.27,
                    "active_campaigns": [{key: _PUBLIC_CAMPAIGN[key] for key in CampaignBriefSerializer().fields}],
                },
            )
        ],
    )
    def get(self, request):
        query = getattr(self._query_parsers, "query", None)
        if query is None:
            query = self._query_parsers.query = self.MerchantNearbyQuery()
        criteria = query.run_validation(request.query_params)  # ValidationError (a 400) like is_valid(raise_exception)

        user = request.user
        search = (
            partial(merchant_list_nearby_for_user, user_id=user.pk) if user.is_authenticated else merchant_list_nearby
        )

        def nearby(*, limit: int, offset: int) -> list[dict]:
            return search(
                lat=criteria["lat"],
                lng=criteria["lng"],
                radius_m=criteria["radius"],
                category=criteria.get("category"),
                q=criteria.get("q"),
                has_campaign=criteria["has_campaign"],
                limit=limit,
                offset=offset,
            )

        # The rows are rendered as the selector gives them (NearbyMerchantSerializer documents their shape).
        return self.page(nearby, window=(criteria["limit"], criteria["offset"]))


_TRANSLATIONS_INVALID = problem(
    "Invalid fields: `errors` names each one; a translation's problem is under `translations`, "
    "`translations.<language>` or `translations.<language>.<field>`.",
    problem_example(
        400,
        "validation_error",
        "translations.ja.name: Must be at most 120 characters.",
        {"translations.ja.name": ["Must be at most 120 characters."]},
    ),
)


class MerchantCreateView(ApiView):
    class MerchantCreateInput(serializers.Serializer):
        name = StrictCharField(max_length=120, help_text="The shop's name, 1..120 characters (the original text).")
        category = serializers.ChoiceField(choices=Category.choices, help_text="What kind of shop it is.")
        address = StrictCharField(max_length=255, help_text="The street address, as customers read it.")
        lat = latitude_field()
        lng = longitude_field()
        checkin_radius_m = StrictIntegerField(
            min_value=10, max_value=5000, default=100, help_text="Check-ins are accepted within this many metres."
        )
        timezone = TimeZoneField(
            choices=sorted(TIMEZONES),
            default="Asia/Seoul",
            help_text="The shop's time zone, an IANA time zone database name (`Asia/Seoul`, `Europe/Paris`, `UTC`); "
            "a name the server does not know is a 400 `validation_error`.",
        )
        translations = translations_field(services.MERCHANT_TEXTS, "Merchant", required=False)

    @extend_schema(
        tags=["merchants"],
        summary="Register a merchant; you become its owner",
        description=(
            "Any signed-in user may register a shop at its position (`lat`, `lng`: the pin check-ins are measured "
            "from) and becomes its owner; the owner then adds managers and clerks (POST "
            "/merchants/{merchant_id}/staff) and starts campaigns. `checkin_radius_m` (default 100) is how far from "
            "the pin a check-in is accepted; `timezone` (default `Asia/Seoul`) is the local time of daily campaign "
            "hours and statistics. `translations` gives the name and address in other languages. The answer is the "
            "merchant as its staff see it, with `translations`."
        ),
        request=MerchantCreateInput,
        responses={201: MerchantForStaffSerializer, 400: _TRANSLATIONS_INVALID},
        examples=[
            OpenApiExample(
                "bakery",
                request_only=True,
                value={
                    "name": "Cheolsan Bakery",
                    "category": "bakery",
                    "address": examples.MERCHANT["address"],
                    **examples.MERCHANT_LOCATION,
                    "translations": examples.MERCHANT_TRANSLATIONS,
                },
            ),
            OpenApiExample("registered", response_only=True, status_codes=["201"], value=examples.MERCHANT_FOR_STAFF),
        ],
    )
    def post(self, request):
        data = self.MerchantCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        merchant = services.merchant_create(owner=request.user, **data.validated_data)
        return Response(MerchantForStaffSerializer(merchant).data, status=status.HTTP_201_CREATED)


class MerchantDetailView(ApiView):
    class MerchantDetailInput(MerchantCreateView.MerchantCreateInput):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, partial=True, **kwargs)

    def get_permissions(self):
        return [permission() for permission in PUBLIC] if self.request.method == "GET" else super().get_permissions()

    @extend_schema(
        tags=["merchants"],
        summary="A merchant with its running campaigns",
        description=(
            "Public: anyone may read it. Stock and statistics are for staff (GET /campaigns/{campaign_id}, GET "
            "/merchants/{merchant_id}/stats). A bearer token is optional: a signed-in caller's visit is recorded as a "
            "view of the merchant "
            "(the `viewers` step of its campaigns' statistics funnel), and each running campaign carries the "
            "caller's `my_progress`. Names, addresses, titles and descriptions are "
            "in the `Accept-Language` language where the merchant translated them, else the original."
        ),
        parameters=[MERCHANT_ID],
        responses={200: MerchantPublicSerializer},
        auth=[{}, {"jwtAuth": []}],
        examples=[
            OpenApiExample(
                "signed in",
                response_only=True,
                status_codes=["200"],
                value={**examples.MERCHANT, "active_campaigns": [_PUBLIC_CAMPAIGN]},
            )
        ],
    )
    def get(self, request, merchant_id: int):
        merchant = coupon_selectors.merchant_public_get(merchant_id=merchant_id)
        progress = None
        if request.user.is_authenticated:
            stats_services.merchant_view_record(merchant_id=merchant.pk, user_id=request.user.pk)
            progress = campaign_progress_find(
                user_id=request.user.pk, campaign_ids=[campaign.pk for campaign in merchant.running_campaigns]
            )
        return Response(MerchantPublicSerializer(merchant, context={"progress": progress}).data)

    @extend_schema(
        tags=["merchants"],
        summary="Change a merchant (owner or manager)",
        description=(
            "The merchant's owner or a manager may change it (a clerk or anyone else gets a 403). Only the fields "
            "sent change. Moving the pin (`lat`, `lng`) or the radius applies to the next check-ins. "
            "`translations`, when sent, replaces the stored object as a whole: send every translation to keep (`{}` "
            "removes them all)."
        ),
        parameters=[MERCHANT_ID],
        request=MerchantDetailInput,
        responses={
            200: MerchantForStaffSerializer,
            400: _TRANSLATIONS_INVALID,
            403: problem(
                "Only the owner or a manager may change a merchant.",
                problem_example(403, "permission_denied", "Not allowed."),
            ),
        },
        examples=[
            OpenApiExample("larger radius", request_only=True, value={"checkin_radius_m": 150}),
            OpenApiExample(
                "changed",
                response_only=True,
                status_codes=["200"],
                value={**examples.MERCHANT_FOR_STAFF, "checkin_radius_m": 150},
            ),
        ],
    )
    def patch(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = self.MerchantDetailInput(data=request.data)
        data.is_valid(raise_exception=True)
        merchant = services.merchant_update(merchant=merchant, actor=request.user, data=data.validated_data)
        return Response(MerchantForStaffSerializer(merchant).data)
