"""A merchant's staff: who works there (owner, manager), adding a manager or clerk and removing one (owner)."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from api.fields import StrictCharField
from api.schema import problem, problem_example
from api.schema_parameters import MERCHANT_ID, STAFF_USER_ID
from api.v1 import examples
from api.views import ApiView
from merchants import services
from merchants.models import MerchantStaff
from merchants.selectors import merchant_get, merchant_staff_list

_NO_MERCHANT = problem_example(404, "merchant_not_found", "No merchant has this id.")


class StaffSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    merchant_id = serializers.IntegerField()
    user = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=MerchantStaff.Role.choices)
    created_at = serializers.DateTimeField()

    def get_user(self, staff) -> dict:
        return {"id": staff.user.pk, "username": staff.user.username, "display_name": staff.user.display_name}


class StaffMemberOutput(serializers.Serializer):
    class StaffUserOutput(serializers.Serializer):
        id = serializers.IntegerField()
        username = StrictCharField()
        display_name = StrictCharField(help_text="May be empty.")

    user = StaffUserOutput()
    role = serializers.ChoiceField(choices=MerchantStaff.Role.choices)


class MerchantStaffView(ApiView):
    class MerchantStaffInput(serializers.Serializer):
        username = StrictCharField(max_length=150, help_text="The exact username of the person to add.")
        role = serializers.ChoiceField(
            choices=[MerchantStaff.Role.MANAGER, MerchantStaff.Role.CLERK],
            help_text="`manager`: runs campaigns, changes the merchant, voids redemptions and sees the staff; "
            "`clerk`: redeems coupons and reads campaigns and statistics.",
        )

    @extend_schema(
        tags=["merchants"],
        summary="Who works for a merchant (owner or manager)",
        description="The merchant's owner or a manager may see it (a clerk or anyone else gets a 403). The owner "
        "first, then managers and clerks, each by username. Offset-paginated (`limit`, `offset`).",
        parameters=[MERCHANT_ID],
        responses={
            200: StaffMemberOutput(many=True),
            403: problem(
                "Only the owner or a manager may see the staff; clerks and outsiders are refused.",
                problem_example(403, "permission_denied", "Your role at this merchant does not allow this."),
            ),
            404: problem("Unknown merchant.", _NO_MERCHANT),
        },
        examples=[
            OpenApiExample("owner", response_only=True, value={"user": examples.OWNER, "role": "owner"}),
            OpenApiExample("clerk", response_only=True, value={"user": examples.CLERK, "role": "clerk"}),
        ],
    )
    def get(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        return self.page(merchant_staff_list(merchant_id=merchant.pk, actor=request.user), StaffMemberOutput)

    @extend_schema(
        tags=["merchants"],
        summary="Give a user a manager or clerk role (owner only)",
        description="Only the merchant's owner may add staff (anyone else gets a 403). The user must exist (404 "
        "`user_not_found`) and not already work here (409 `already_staff`; to change a role, remove the person and "
        "add them again). There is one owner per merchant: this adds managers and clerks only.",
        parameters=[MERCHANT_ID],
        request=MerchantStaffInput,
        responses={
            201: StaffSerializer,
            403: problem("Only the owner may add staff.", problem_example(403, "permission_denied", "Not allowed.")),
            404: problem(
                "Unknown merchant, or no user has this username.",
                problem_example(404, "user_not_found", "No user has this username."),
                _NO_MERCHANT,
            ),
            409: problem("Already staff.", problem_example(409, "already_staff", "Already works here.")),
        },
        examples=[
            OpenApiExample("add a clerk", request_only=True, value={"username": "seoyeon.park", "role": "clerk"}),
            OpenApiExample(
                "added",
                response_only=True,
                status_codes=["201"],
                value={
                    "id": 23,
                    "merchant_id": 17,
                    "user": examples.CLERK,
                    "role": "clerk",
                    "created_at": "2026-02-21T00:30:18.760241Z",
                },
            ),
        ],
    )
    def post(self, request, merchant_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        data = self.MerchantStaffInput(data=request.data)
        data.is_valid(raise_exception=True)
        staff = services.merchant_staff_add(merchant=merchant, actor=request.user, **data.validated_data)
        return Response(StaffSerializer(staff).data, status=status.HTTP_201_CREATED)


class MerchantStaffMemberView(ApiView):
    @extend_schema(
        tags=["merchants"],
        summary="Remove a manager or clerk (owner only)",
        parameters=[MERCHANT_ID, STAFF_USER_ID],
        description="Only the merchant's owner may remove staff (anyone else gets a 403). The user keeps their "
        "account; only their role at this merchant goes. The owner's own role cannot "
        "be removed (409 `owner_required`): a merchant always has its owner.",
        responses={
            204: None,
            403: problem(
                "Only the owner may remove staff.",
                problem_example(403, "permission_denied", "Your role at this merchant does not allow this."),
            ),
            404: problem(
                "Unknown merchant, or the user does not work for it.",
                problem_example(404, "staff_not_found", "This user does not work for this merchant."),
                _NO_MERCHANT,
            ),
            409: problem(
                "The owner cannot be removed.",
                problem_example(409, "owner_required", "The owner cannot be removed; a merchant always has its owner."),
            ),
        },
    )
    def delete(self, request, merchant_id: int, user_id: int):
        merchant = merchant_get(merchant_id=merchant_id)
        services.merchant_staff_remove(merchant_id=merchant.pk, user_id=user_id, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
