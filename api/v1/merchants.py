"""Merchants: nearby search, public detail, registration, updates and staff."""

import math
import threading

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import LocationSerializer, StrictCharField, StrictIntegerField, latitude_field, longitude_field
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, PeekPagination
from api.permissions import PUBLIC
from api.schema import problem, problem_example
from api.views import ApiView
from coupons import selectors as coupon_selectors
from coupons.nearby import merchant_list_nearby
from geo.points import location_dict
from merchants import services
from merchants.models import TIMEZONES, Category, MerchantStaff
from merchants.selectors import merchant_get
from stats import services as stats_services


class CampaignBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = StrictCharField()
    trigger = StrictCharField(help_text="The trigger type, e.g. `every_checkin`.")
    ends_at = serializers.DateTimeField()


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
    name = StrictCharField()
    category = serializers.ChoiceField(choices=Category.choices)
    address = StrictCharField()
    location = serializers.SerializerMethodField()
    checkin_radius_m = serializers.IntegerField()
    timezone = StrictCharField()
    created_at = serializers.DateTimeField()

    def get_location(self, merchant) -> LocationSerializer:
        return location_dict(merchant.location)


class MerchantPublicSerializer(MerchantSerializer):
    active_campaigns = serializers.SerializerMethodField(help_text="Running campaigns (no stock or statistics).")

    def get_active_campaigns(self, merchant) -> CampaignBriefSerializer(many=True):
        return [
            {
                "id": c.id,
                "title": c.title,
                "description": c.description,
                "trigger": c.trigger.get("type"),
                "starts_at": c.starts_at,
                "ends_at": c.ends_at,
            }
            for c in merchant.running_campaigns
        ]


class MerchantNearbyView(ApiView):
    pagination_class = PeekPagination
    permission_classes = PUBLIC
    authentication_classes = []
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
        category = serializers.ChoiceField(choices=Category.choices, required=False)
        q = StrictCharField(required=False, max_length=100, help_text="Part of the merchant's name.")
        has_campaign = serializers.BooleanField(
            required=False,
            allow_null=True,
            default=None,
            help_text="Only merchants with (true) or without (false) a running campaign.",
        )
        limit = serializers.IntegerField(default=DEFAULT_LIMIT, min_value=1, max_value=MAX_LIMIT)
        offset = serializers.IntegerField(default=0, min_value=0, max_value=MAX_OFFSET)

        def validate_radius(self, value):
            if not math.isfinite(value):
                raise serializers.ValidationError("A finite number is required.")
            return value

    @extend_schema(
        tags=["merchants"],
        summary="Merchants near a point, nearest first",
        description=(
            "Every result lies within `radius` metres of the point; `distance_m` is the geodesic distance on the "
            "WGS84 ellipsoid. Results are ordered by `distance_m` ascending. `next` is null on the last page."
        ),
        parameters=[MerchantNearbyQuery],
        responses={200: NearbyMerchantSerializer(many=True)},
        auth=[],
        examples=[
            OpenApiExample(
                "nearby",
                response_only=True,
                value={
                    "id": 17,
                    "name": "철산 행복 베이커리",
                    "category": "bakery",
                    "address": "경기도 광명시 철산로 12",
                    "location": {"lat": 37.47612, "lng": 126.86793},
                    "distance_m": 143.27,
                    "active_campaigns": [
                        {
                            "id": 3,
                            "title": "First visit: free croissant",
                            "trigger": "first_visit",
                            "ends_at": "2026-12-31T23:59:00+09:00",
                        }
                    ],
                },
            )
        ],
    )
    def get(self, request):
        query = getattr(self._query_parsers, "query", None)
        if query is None:
            query = self._query_parsers.query = self.MerchantNearbyQuery()
        criteria = query.run_validation(request.query_params)  # ValidationError (a 400) like is_valid(raise_exception)

        def nearby(*, limit: int, offset: int) -> list[dict]:
            return merchant_list_nearby(
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


class MerchantCreateView(ApiView):
    class MerchantCreateInput(serializers.Serializer):
        name = StrictCharField(max_length=120)
        category = serializers.ChoiceField(choices=Category.choices)
        address = StrictCharField(max_length=255)
        lat = latitude_field()
        lng = longitude_field()
        checkin_radius_m = StrictIntegerField(
            min_value=10, max_value=5000, default=100, help_text="Check-ins are accepted within this many metres."
        )
        timezone = serializers.ChoiceField(
            choices=sorted(TIMEZONES), default="Asia/Seoul", help_text="IANA time zone name of the shop."
        )

    @extend_schema(
        tags=["merchants"],
        summary="Register a merchant; you become its owner",
        request=MerchantCreateInput,
        responses={201: MerchantSerializer},
        examples=[
            OpenApiExample(
                "bakery",
                request_only=True,
                value={
                    "name": "Cheolsan Bakery",
                    "category": "bakery",
                    "address": "12 Cheolsan-ro, Gwangmyeong-si",
                    "lat": 37.4786,
                    "lng": 126.8646,
                },
            )
        ],
    )
    def post(self, request):
        data = self.MerchantCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        merchant = services.merchant_create(owner=request.user, **data.validated_data)
        return Response(MerchantSerializer(merchant).data, status=status.HTTP_201_CREATED)


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
            "Public. A bearer token is optional: a signed-in caller's visit is recorded as a view of the merchant "
            "(the `viewers` step of its campaigns' statistics funnel)."
        ),
        responses={200: MerchantPublicSerializer},
        auth=[{}, {"jwtAuth": []}],
    )
    def get(self, request, merchant_id: int):
        merchant = coupon_selectors.merchant_public_get(merchant_id=merchant_id)
        if request.user.is_authenticated:
            stats_services.merchant_view_record(merchant_id=merchant.pk, user_id=request.user.pk)
        return Response(MerchantPublicSerializer(merchant).data)

    @extend_schema(
        tags=["merchants"],
        summary="Change a merchant (owner or manager)",
        request=MerchantDetailInput,
        responses={
            200: MerchantSerializer,
            403: problem(
                "Only the owner or a manager may change a merchant.",
                problem_example(403, "permission_denied", "Not allowed."),
            ),
        },
    )
    def patch(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = self.MerchantDetailInput(data=request.data)
        data.is_valid(raise_exception=True)
        merchant = services.merchant_update(merchant=merchant, actor=request.user, data=data.validated_data)
        return Response(MerchantSerializer(merchant).data)


class StaffSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    merchant_id = serializers.IntegerField()
    user = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=MerchantStaff.Role.choices)
    created_at = serializers.DateTimeField()

    def get_user(self, staff) -> dict:
        return {"id": staff.user.pk, "username": staff.user.username, "display_name": staff.user.display_name}


class MerchantStaffView(ApiView):
    class MerchantStaffInput(serializers.Serializer):
        username = StrictCharField(max_length=150)
        role = serializers.ChoiceField(choices=[MerchantStaff.Role.MANAGER, MerchantStaff.Role.CLERK])

    @extend_schema(
        tags=["merchants"],
        summary="Give a user a manager or clerk role (owner only)",
        request=MerchantStaffInput,
        responses={
            201: StaffSerializer,
            403: problem("Only the owner may add staff.", problem_example(403, "permission_denied", "Not allowed.")),
            409: problem("Already staff.", problem_example(409, "already_staff", "Already works here.")),
        },
    )
    def post(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = self.MerchantStaffInput(data=request.data)
        data.is_valid(raise_exception=True)
        staff = services.merchant_staff_add(merchant=merchant, actor=request.user, **data.validated_data)
        return Response(StaffSerializer(staff).data, status=status.HTTP_201_CREATED)
