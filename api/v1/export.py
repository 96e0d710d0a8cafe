"""GET /me/export: everything stored about the caller, as one JSON document to keep (GDPR arts. 15 and 20)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from accounts.models import ConsentChange, LocationLogEntry, Notification, Visibility
from api.fields import StrictCharField
from api.v1.accounts import FriendRequestSerializer, UserBriefSerializer
from api.views import ApiView
from coupons.models import Coupon
from merchants.models import MerchantStaff
from social.privacy import personal_data_export

# Output serializers: they document the document, and render it (so the schema and the answer cannot drift).


class ExportPoint(serializers.Serializer):
    lat = serializers.FloatField()
    lng = serializers.FloatField()


class ExportNamed(serializers.Serializer):
    id = serializers.IntegerField()
    name = StrictCharField()


class ExportProfile(serializers.Serializer):
    id = serializers.IntegerField()
    username = StrictCharField()
    display_name = StrictCharField()
    email = StrictCharField()
    first_name = StrictCharField()
    last_name = StrictCharField()
    date_joined = serializers.DateTimeField()
    last_login = serializers.DateTimeField(allow_null=True)
    language = StrictCharField(allow_null=True)
    default_visibility = serializers.ChoiceField(choices=Visibility.choices)
    checkin_notice_shown_at = serializers.DateTimeField(
        allow_null=True, help_text="When a check-in answer told you who sees your check-ins."
    )


class ExportConsentNow(serializers.Serializer):
    granted = serializers.BooleanField()
    changed_at = serializers.DateTimeField(allow_null=True)
    terms_version = StrictCharField(allow_null=True)


class ExportConsentChange(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ConsentChange.Kind.choices)
    granted = serializers.BooleanField()
    terms_version = StrictCharField()
    changed_at = serializers.DateTimeField()


class ExportConsents(serializers.Serializer):
    location = ExportConsentNow()
    changes = ExportConsentChange(many=True, help_text="Every grant and withdrawal, oldest first.")


class ExportFriend(serializers.Serializer):
    user = UserBriefSerializer()
    since = serializers.DateTimeField()


class ExportCheckin(serializers.Serializer):
    id = serializers.IntegerField()
    merchant = ExportNamed()
    created_at = serializers.DateTimeField()
    location = ExportPoint(
        allow_null=True, help_text="Your reported position; null once erased (retention, withdrawal)."
    )
    accuracy_m = serializers.FloatField(allow_null=True)
    distance_m = serializers.FloatField()
    message = StrictCharField()
    visibility = serializers.ChoiceField(choices=Visibility.choices)


class ExportCheckinRefusal(serializers.Serializer):
    id = serializers.IntegerField()
    merchant_id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    location = ExportPoint(allow_null=True)
    accuracy_m = serializers.FloatField(allow_null=True)
    distance_m = serializers.FloatField(allow_null=True)
    reason = StrictCharField(help_text="The anti-cheat rule that refused the attempt.")


class ExportCampaignBrief(serializers.Serializer):
    id = serializers.IntegerField()
    title = StrictCharField()


class ExportCoupon(serializers.Serializer):
    id = serializers.IntegerField()
    code = StrictCharField()
    campaign = ExportCampaignBrief()
    merchant_id = serializers.IntegerField()
    checkin_id = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(choices=Coupon.Status.choices)
    issued_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    redeemed_at = serializers.DateTimeField(allow_null=True)


class ExportEligibility(serializers.Serializer):
    campaign_id = serializers.IntegerField()
    checkin_id = serializers.IntegerField()
    in_holdout = serializers.BooleanField(help_text="Chosen for the comparison group that gets no coupon.")
    created_at = serializers.DateTimeField()


class ExportComment(serializers.Serializer):
    id = serializers.IntegerField()
    checkin_id = serializers.IntegerField()
    text = StrictCharField()
    created_at = serializers.DateTimeField()


class ExportLike(serializers.Serializer):
    checkin_id = serializers.IntegerField()
    created_at = serializers.DateTimeField()


class ExportNotification(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=Notification.Type.choices)
    data = serializers.DictField(help_text="As in GET /notifications.")
    read = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class ExportMerchantRole(serializers.Serializer):
    merchant_id = serializers.IntegerField()
    merchant_name = StrictCharField()
    role = serializers.ChoiceField(choices=MerchantStaff.Role.choices)
    created_at = serializers.DateTimeField()


class ExportMerchantView(serializers.Serializer):
    merchant_id = serializers.IntegerField()
    viewed_at = serializers.DateTimeField()


class ExportLocationLogEntry(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=LocationLogEntry.Action.choices)
    purpose = StrictCharField()
    legal_basis = StrictCharField()
    recipient_kind = StrictCharField()
    recipient_count = serializers.IntegerField(allow_null=True)
    checkin_id = serializers.IntegerField(allow_null=True)


class PersonalDataExport(serializers.Serializer):
    exported_at = serializers.DateTimeField()
    profile = ExportProfile()
    consents = ExportConsents()
    friends = ExportFriend(many=True)
    friend_requests = FriendRequestSerializer(many=True, help_text="Sent and received, answered ones included.")
    checkins = ExportCheckin(many=True)
    checkin_refusals = ExportCheckinRefusal(many=True, help_text="Attempts the anti-cheat rules refused.")
    coupons = ExportCoupon(many=True)
    campaign_eligibility = ExportEligibility(many=True, help_text="Each time a visit met a campaign's trigger.")
    comments = ExportComment(many=True)
    likes = ExportLike(many=True)
    notifications = ExportNotification(many=True)
    merchant_roles = ExportMerchantRole(many=True)
    merchant_views = ExportMerchantView(many=True, help_text="Merchant pages you opened while signed in.")
    location_log = ExportLocationLogEntry(many=True, help_text="As in GET /me/location-log, oldest first.")


_EXAMPLE = {
    "exported_at": "2026-10-12T09:30:00Z",
    "profile": {
        "id": 42,
        "username": "minji",
        "display_name": "민지",
        "email": "minji@example.com",
        "first_name": "",
        "last_name": "",
        "date_joined": "2026-09-01T03:00:00Z",
        "last_login": "2026-10-12T09:00:00Z",
        "language": "ko",
        "default_visibility": "friends",
        "checkin_notice_shown_at": "2026-09-01T03:05:00Z",
    },
    "consents": {
        "location": {"granted": True, "changed_at": "2026-09-01T03:00:00Z", "terms_version": "2026-09"},
        "changes": [
            {"kind": "location", "granted": True, "terms_version": "2026-09", "changed_at": "2026-09-01T03:00:00Z"}
        ],
    },
    "friends": [{"user": {"id": 7, "username": "jisoo", "display_name": "지수"}, "since": "2026-09-02T10:00:00Z"}],
    "friend_requests": [],
    "checkins": [
        {
            "id": 9001,
            "merchant": {"id": 5, "name": "철산 베이커리"},
            "created_at": "2026-10-11T08:15:00Z",
            "location": {"lat": 37.47612, "lng": 126.86793},
            "accuracy_m": 15.0,
            "distance_m": 3.2,
            "message": "",
            "visibility": "friends",
        }
    ],
    "checkin_refusals": [],
    "coupons": [
        {
            "id": 311,
            "code": "K7Q2M9XD",
            "campaign": {"id": 12, "title": "아메리카노 무료"},
            "merchant_id": 5,
            "checkin_id": 9001,
            "status": "active",
            "issued_at": "2026-10-11T08:15:00Z",
            "expires_at": "2026-10-18T08:15:00Z",
            "redeemed_at": None,
        }
    ],
    "campaign_eligibility": [
        {"campaign_id": 12, "checkin_id": 9001, "in_holdout": False, "created_at": "2026-10-11T08:15:00Z"}
    ],
    "comments": [],
    "likes": [{"checkin_id": 8800, "created_at": "2026-10-10T12:00:00Z"}],
    "notifications": [],
    "merchant_roles": [],
    "merchant_views": [{"merchant_id": 5, "viewed_at": "2026-10-11T08:10:00Z"}],
    "location_log": [
        {
            "id": 77,
            "at": "2026-10-11T08:15:00Z",
            "action": "collected",
            "purpose": "checkin_verification",
            "legal_basis": "consent",
            "recipient_kind": "",
            "recipient_count": None,
            "checkin_id": 9001,
        }
    ],
}


class MyExportView(ApiView):
    @extend_schema(
        tags=["privacy"],
        summary="Everything stored about you, as one JSON document",
        description=(
            "Your profile and consents, friends and friend requests, check-ins (with their raw position while it "
            "is kept) and refused attempts, coupons, campaign eligibility, comments, likes, notifications, merchant "
            "roles, merchant pages viewed and the location access log. Sent as an attachment (`Content-Disposition`) "
            "to save; every list is oldest first and complete (no pages)."
        ),
        responses={200: PersonalDataExport},
        parameters=[
            OpenApiParameter(
                "Content-Disposition",
                str,
                OpenApiParameter.HEADER,
                response=[200],
                description='`attachment; filename="my-data-<user id>-<YYYYMMDD>.json"`.',
            )
        ],
        examples=[OpenApiExample("export", value=_EXAMPLE, response_only=True)],
    )
    def get(self, request):
        document = PersonalDataExport(personal_data_export(user=request.user)).data
        filename = f"my-data-{request.user.pk}-{timezone.now():%Y%m%d}.json"
        return Response(document, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
