"""GET /me/location-log: the signed-in user's location access log, newest first (read only: nothing changes it)."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers

from accounts import location_log
from accounts.models import LocationLogEntry
from api.cursor import CursorPagination
from api.views import ApiView

MAX_ID = 2**63 - 1


class LocationLogRecipientsOutput(serializers.Serializer):
    # Output only: the text fields are read_only (nothing here parses input).
    kind = serializers.CharField(read_only=True, help_text="Who received it: `friends` (their feeds).")
    count = serializers.IntegerField(help_text="How many of them (never who).")


class LocationLogEntryOutput(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    action = serializers.ChoiceField(
        choices=LocationLogEntry.Action.choices,
        help_text=(
            "`collected`: a check-in's GPS fix was taken; `used`: your previous check-in's place and time were read "
            "by the anti-cheat rules; `provided`: a check-in (its merchant, never coordinates) was delivered to others."
        ),
    )
    purpose = serializers.CharField(
        read_only=True,
        help_text=(
            f"`{location_log.PURPOSE_CHECKIN_VERIFICATION}`, `{location_log.PURPOSE_ANTI_CHEAT_HISTORY}` or "
            f"`{location_log.PURPOSE_FRIENDS_FEED}`."
        ),
    )
    legal_basis = serializers.CharField(
        read_only=True,
        help_text=(
            f"`{location_log.LEGAL_BASIS_CONSENT}` (your location consent) or `{location_log.LEGAL_BASIS_CONTRACT}` "
            "(the sharing you chose with the check-in's visibility)."
        ),
    )
    recipients = LocationLogRecipientsOutput(allow_null=True, help_text="For `provided` entries; null otherwise.")
    checkin_id = serializers.IntegerField(
        allow_null=True, help_text="The check-in concerned (null for a refused attempt); it may since be deleted."
    )


def _entry_key_load(raw: list) -> int:
    (entry_id,) = raw
    if type(entry_id) is not int or not 0 < entry_id <= MAX_ID:
        raise ValueError("bad location log key")
    return entry_id


# One entry: drf-spectacular wraps a list view's example in the page envelope itself (with the pagination's links).
_EXAMPLE = {
    "id": 1189,
    "at": "2026-12-02T00:14:04.118390Z",
    "action": "provided",
    "purpose": "friends_feed",
    "legal_basis": "contract",
    "recipients": {"kind": "friends", "count": 12},
    "checkin_id": 90412,
}


class LocationLogPagination(CursorPagination):
    key_load = staticmethod(_entry_key_load)
    key_dump = staticmethod(lambda row: [row["id"]])
    example_route = "v1:my-location-log"
    example_row = _EXAMPLE


def _with_recipients(row: dict) -> dict:
    kind, count = row.pop("recipient_kind"), row.pop("recipient_count")
    return {**row, "recipients": {"kind": kind, "count": count} if kind else None}


class MyLocationLogView(ApiView):
    pagination_class = LocationLogPagination

    @extend_schema(
        tags=["privacy"],
        summary="Your location access log, newest first",
        description=(
            "Every collection of your location (a check-in evaluated, accepted or refused), every use (the anti-cheat "
            "rules reading your previous check-in) and every provision (a check-in delivered to your friends' feeds: "
            "how many, never who), with its purpose and legal basis. Only your own entries; kept at least six months "
            "(`LOCATION_LOG_RETENTION_DAYS`), then purged. Read only: no method changes or deletes an entry. "
            "Cursor-paginated: follow `next` for older entries and `previous` for newer ones."
        ),
        responses={200: LocationLogEntryOutput(many=True)},
        examples=[
            OpenApiExample("a check-in delivered to friends", value=_EXAMPLE, response_only=True, status_codes=["200"])
        ],
    )
    def get(self, request):
        return self.page(
            lambda **window: location_log.location_log_page(user=request.user, **window),
            LocationLogEntryOutput,
            prepare=_with_recipients,
        )
