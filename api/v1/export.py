"""GET /me/export: everything stored about the caller, as one JSON document to keep (GDPR arts. 15 and 20)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from accounts.models import ConsentChange, LocationLogEntry, Notification, Visibility
from api.fields import StrictCharField
from api.v1 import examples
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


_CHECKIN_EXPORTED = {
    **{key: examples.CHECKIN[key] for key in ("id", "merchant", "created_at", "distance_m", "message", "visibility")},
    "location": {"lat": 37.47612, "lng": 126.86793},
    "accuracy_m": 12.0,
}
_EXAMPLE = {
    "exported_at": "2026-12-03T01:30:00.514229Z",
    "profile": {
        **examples.MINJI_ACCOUNT,
        "first_name": "",
        "last_name": "",
        "last_login": "2026-12-02T00:10:00.102934Z",
        "language": "ko",
        "default_visibility": "friends",
        "checkin_notice_shown_at": "2026-11-21T23:52:40.083517Z",
    },
    "consents": {
        "location": {"granted": True, "changed_at": "2026-03-14T01:22:09.418305Z", "terms_version": "2026-03"},
        "changes": [
            {
                "kind": "location",
                "granted": True,
                "terms_version": "2026-03",
                "changed_at": "2026-03-14T01:22:09.418305Z",
            }
        ],
    },
    "friends": [{"user": examples.JISOO, "since": "2026-11-30T12:41:02.377215Z"}],
    "friend_requests": [
        {
            "id": 318,
            "from_user": examples.JISOO,
            "to_user": examples.MINJI,
            "status": "accepted",
            "created_at": "2026-11-30T11:05:27.813402Z",
            "responded_at": "2026-11-30T12:41:02.377215Z",
        }
    ],
    "checkins": [_CHECKIN_EXPORTED],
    "checkin_refusals": [
        {
            "id": 2207,
            "merchant_id": 17,
            "created_at": "2026-12-02T00:12:51.230776Z",
            "location": {"lat": 37.47455, "lng": 126.87212},
            "accuracy_m": 240.0,
            "distance_m": 406.3,
            "reason": "poor_accuracy",
        }
    ],
    "coupons": [
        {
            **{key: examples.COUPON[key] for key in ("id", "code", "status", "issued_at", "expires_at", "redeemed_at")},
            "campaign": {"id": 31, "title": examples.CAMPAIGN_TITLE},
            "merchant_id": 17,
            "checkin_id": 90412,
        }
    ],
    "campaign_eligibility": [
        {"campaign_id": 31, "checkin_id": 90412, "in_holdout": False, "created_at": examples.CHECKIN_AT}
    ],
    "comments": [],
    "likes": [{"checkin_id": 90377, "created_at": "2026-12-01T12:03:18.660912Z"}],
    "notifications": [
        {
            "id": 5120,
            "type": "like",
            "data": {"checkin_id": 90412, "user": examples.JISOO},
            "read": True,
            "created_at": "2026-12-02T00:31:47.228190Z",
        }
    ],
    "merchant_roles": [],
    "merchant_views": [{"merchant_id": 17, "viewed_at": "2026-12-02T00:09:30.845113Z"}],
    "location_log": [
        {
            "id": 1187,
            "at": examples.CHECKIN_AT,
            "action": "collected",
            "purpose": "checkin_verification",
            "legal_basis": "consent",
            "recipient_kind": "",
            "recipient_count": None,
            "checkin_id": 90412,
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
