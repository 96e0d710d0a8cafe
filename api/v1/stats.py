"""Statistics: a campaign's effect (JSON, or its series as CSV), and a merchant's campaigns at a glance."""

import json
from datetime import date, datetime

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from api.schema import problem, problem_example
from api.schema_parameters import CAMPAIGN_ID, MERCHANT_ID
from api.v1 import examples
from api.views import ApiView
from coupons.models import Campaign
from stats import metrics
from stats.campaign_stats import BUCKETS, HOLDOUT_MIN_USERS, campaign_stats
from stats.export import SERIES_COLUMNS, series_csv
from stats.overview import merchant_stats_overview

_RANGE_RULES = (
    "Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to a whole "
    "local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to the hour of its end, "
    "or of now while it runs). Figures are as of `as_of`, the last rollup fold (at most about a minute ago)."
)


# The dates and datetimes the field takes, inside the supported calendar (core.dates: years 2000 to 2100): real days
# only (February 29th in leap years), times HH:MM[:SS[.ffffff]], an optional offset (`Z`, `+09:00`).
_DAY = (
    "(?:(?:20[0-9]{2}|2100)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))|20(?:0[048]|[2468][048]|[13579][26])-02-29)"
)
_TIME = "T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?"
DATE_OR_DATETIME_PATTERN = f"^{_DAY}(?:{_TIME})?$"


_RANGE_VALUES = (
    "An ISO 8601 date (`2026-05-01`, local midnight) or datetime (`2026-05-01T09:30:00+09:00`; without an offset it is "
    "the merchant's local time) between 2000-01-01 and 2100-12-31 (with an offset: an instant from 2000-01-01T00:00Z "
    "until 2101-01-01T00:00Z)."
)


@extend_schema_field({"type": "string", "pattern": DATE_OR_DATETIME_PATTERN, "example": "2026-05-01"})
class DateOrDateTimeField(serializers.Field):
    """A date or a datetime, as the statistics range takes them."""

    default_error_messages = {
        "invalid": gettext_lazy(
            "Use an ISO 8601 date (YYYY-MM-DD) or datetime (YYYY-MM-DDTHH:MM[:SS][+HH:MM]), years 2000 to 2100."
        )
    }

    def to_internal_value(self, data) -> date | datetime:
        if not isinstance(data, str) or len(data) > 40:
            self.fail("invalid")
        try:
            value = parse_date(data) if len(data) == 10 else parse_datetime(data)
        except ValueError:
            value = None
        if value is None or not 2000 <= value.year <= 2100:
            self.fail("invalid")
        return value

    def to_representation(self, value):
        return value.isoformat()


# A serializer whose `from_` attribute is the field `from` (a Python keyword): the one place that renames it.
# (A comment, not a docstring: drf-spectacular would publish a docstring as every subclass's description.)
class FromSerializer(serializers.Serializer):
    def get_fields(self):
        fields = super().get_fields()
        if "from_" in fields:
            fields["from"] = fields.pop("from_")
        return fields


def _declared(name: str, fields: dict, base: type = serializers.Serializer) -> type:
    """A serializer class whose fields are built from declarations (stats.metrics)."""
    return type(name, (base,), {"__module__": __name__, **fields})


class CampaignStatsQuery(FromSerializer):
    from_ = DateOrDateTimeField(
        required=False, source="from_", help_text=f"Start of the range (default: the start). {_RANGE_VALUES}"
    )
    to = DateOrDateTimeField(
        required=False,
        help_text=f"End of the range, after `from` (default: the end or now); a date includes that whole day. "
        f"{_RANGE_VALUES} A `to` not after `from` (once both are whole local hours) is a 400 naming `to`.",
    )
    bucket = serializers.ChoiceField(
        choices=BUCKETS,
        default="day",
        help_text="Series rows per local hour, local day or local week (weeks start on Monday in the merchant's "
        "time zone).",
    )


def _metric_field(metric: metrics.Metric, *, help_text: bool = True) -> serializers.Field:
    """A metric's output field: an integer for counts, a nullable float for the rest (stats.metrics.Metric.format)."""
    extra = {"help_text": metric.help_text} if help_text else {}
    if metric.format == "count":
        return serializers.IntegerField(**extra)
    return serializers.FloatField(allow_null=True, **extra)


CampaignStatsTotals = _declared("CampaignStatsTotals", {metric.key: _metric_field(metric) for metric in metrics.TOTALS})
CampaignStatsFunnel = _declared(
    "CampaignStatsFunnel", {step.key: serializers.IntegerField(help_text=step.help_text) for step in metrics.FUNNEL}
)
CampaignStatsBaseline = _declared(
    "CampaignStatsBaseline",
    {
        "from_": serializers.DateTimeField(help_text="Start of the baseline period."),
        "to": serializers.DateTimeField(help_text="End of the baseline period: the campaign's start hour."),
        **{metric.key: _metric_field(metric, help_text=False) for metric in metrics.BASELINE},
    },
    FromSerializer,
)


class CampaignStatsLift(serializers.Serializer):
    checkins = serializers.FloatField(allow_null=True, help_text="totals.checkins / baseline.checkins.")
    unique_visitors = serializers.FloatField(
        allow_null=True, help_text="totals.unique_visitors / baseline.unique_visitors."
    )


class CampaignStatsHoldoutGroup(serializers.Serializer):
    users = serializers.IntegerField(help_text="Distinct users of the group who met the trigger in the range.")
    revisited = serializers.IntegerField(
        help_text="Of those, users who checked in here again within 30 days after meeting it."
    )
    revisit_rate = serializers.FloatField(allow_null=True, help_text="revisited / users.")


class CampaignStatsHoldout(serializers.Serializer):
    treated = CampaignStatsHoldoutGroup(help_text="Eligible users outside the holdout (offered a coupon).")
    holdout = CampaignStatsHoldoutGroup(help_text="Eligible users in the holdout (no coupon).")
    incremental_revisit_rate = serializers.FloatField(
        allow_null=True, help_text="treated.revisit_rate - holdout.revisit_rate (null if a group is empty)."
    )
    confidence_interval_95 = serializers.ListField(
        child=serializers.FloatField(),
        allow_null=True,
        help_text="95% interval of the difference (normal approximation), [low, high].",
    )
    enough_data = serializers.BooleanField(help_text=f"Both groups have at least {HOLDOUT_MIN_USERS} users.")
    significant = serializers.BooleanField(help_text="enough_data and the interval excludes 0.")


class CampaignStatsSeriesRow(serializers.Serializer):
    bucket_start = serializers.DateTimeField(
        help_text="Local start of the hour, day or week (a Monday), with the merchant's offset. The first row starts "
        "at or before `from`."
    )
    checkins = serializers.IntegerField()
    unique_visitors = serializers.IntegerField(help_text="Distinct users who checked in within this bucket.")
    coupons_issued = serializers.IntegerField()
    coupons_redeemed = serializers.IntegerField()


class CampaignStats(FromSerializer):
    campaign_id = serializers.IntegerField()
    merchant_id = serializers.IntegerField()
    title = serializers.CharField()
    timezone = serializers.CharField(help_text="The merchant's time zone: hours and days are local to it.")
    bucket = serializers.ChoiceField(choices=BUCKETS)
    from_ = serializers.DateTimeField(help_text="Start of the range actually used (whole local hour).")
    to = serializers.DateTimeField(help_text="End of the range actually used (exclusive).")
    as_of = serializers.DateTimeField(allow_null=True, help_text="The figures include everything written before this.")
    totals = CampaignStatsTotals()
    funnel = CampaignStatsFunnel(help_text="Distinct users at each step, in the range.")
    baseline = CampaignStatsBaseline(
        help_text="The check-in figures for the period of the same length just before the campaign started."
    )
    lift = CampaignStatsLift(help_text="Ratios of the range to the baseline; null where the baseline is 0.")
    holdout = CampaignStatsHoldout(
        allow_null=True,
        help_text="Null unless the campaign keeps a holdout (holdout_percent > 0): eligible users split at random, "
        "stably per user; the holdout gets no coupon.",
    )
    series = CampaignStatsSeriesRow(
        many=True, help_text="One row per local hour, day or week of the range, oldest first."
    )


class CampaignStatsCsvRenderer(BaseRenderer):
    """The series as CSV with a header row (errors stay problem details)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if not isinstance(data, dict) or "series" not in data:
            return json.dumps(data).encode()
        return series_csv(data["series"]).encode()


def _json_ready(value):
    """Datetimes as ISO 8601 with offset, recursively (the body is built from plain dicts, not serializers)."""
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


_CAMPAIGN_NOT_FOUND = problem(
    "No such campaign, or you are not staff of its merchant.",
    problem_example(404, "campaign_not_found", "No campaign has this id."),
)


_STATS_INVALID = problem(
    "A bad `from`, `to` or `bucket`, `to` not after `from`, or more hourly rows than one answer carries: `errors` "
    "names the parameter.",
    problem_example(400, "validation_error", "to: Must be after `from`.", {"to": ["Must be after `from`."]}),
)
_STATS_CSV_FILENAME = 'attachment; filename="campaign-{campaign_id}-stats.csv"'


def _campaign_stats_read(view: ApiView, campaign_id: int) -> dict:
    """The campaign's statistics for the range and bucket of the view's query string."""
    query = view.query(CampaignStatsQuery)
    return campaign_stats(
        campaign_id=campaign_id,
        user_id=view.request.user.pk,
        from_=query.get("from_"),
        to=query.get("to"),
        bucket=query["bucket"],
    )


def _csv_response(stats: dict, campaign_id: int) -> Response:
    return Response(stats, headers={"Content-Disposition": _STATS_CSV_FILENAME.format(campaign_id=campaign_id)})


class CampaignStatsView(ApiView):
    # JSON. `Accept: text/csv` or `?format=csv` still answer the series as CSV, for the clients that used them before
    # GET .../stats.csv (the CSV's own operation) existed; the schema documents the JSON only, so that a generated
    # client reads one media type here.
    renderer_classes = [JSONRenderer, CampaignStatsCsvRenderer]

    @extend_schema(
        tags=["statistics"],
        summary="A campaign's effect statistics (any staff of its merchant)",
        description=(
            "For the campaign's period clipped to `from`/`to`: totals, a funnel of distinct users, the baseline period "
            "before the campaign and the lift against it, the holdout comparison (when the campaign keeps a holdout) "
            "and a series per local hour, day or week. Every figure equals a plain SQL count over the raw check-ins, "
            "coupons, eligibility records, feed deliveries, likes, comments and merchant views, where an event is in "
            "the range when its local hour is.\n\n"
            f"{_RANGE_RULES}\n\n"
            "The series as CSV is GET /campaigns/{campaign_id}/stats.csv (this path also answers it to `Accept: "
            "text/csv` or `?format=csv`, as it did before).\n\n"
            "Any staff of the campaign's merchant (owner, manager or clerk) may read them; anyone else gets a 404, as "
            "for an unknown id."
        ),
        parameters=[CAMPAIGN_ID, CampaignStatsQuery],
        responses={(200, "application/json"): CampaignStats, 400: _STATS_INVALID, 404: _CAMPAIGN_NOT_FOUND},
        examples=[
            OpenApiExample(
                "two days, by day",
                value=examples.CAMPAIGN_STATS,
                response_only=True,
                status_codes=["200"],
                media_type="application/json",
            )
        ],
    )
    def get(self, request, campaign_id: int):
        stats = _campaign_stats_read(self, campaign_id)
        if request.accepted_renderer.format == "csv":
            return _csv_response(stats, campaign_id)
        return Response(_json_ready(stats))


class CampaignStatsCsvView(ApiView):
    renderer_classes = [CampaignStatsCsvRenderer]

    @extend_schema(
        tags=["statistics"],
        summary="A campaign's statistics series as CSV (any staff of its merchant)",
        operation_id="campaigns_stats_csv_retrieve",
        description=(
            "The `series` of GET /campaigns/{campaign_id}/stats as a CSV file (UTF-8, CRLF line ends, sent as an "
            f"attachment): a header row `{','.join(SERIES_COLUMNS)}`, then one row per local hour, day or week of the "
            "range, oldest first. Same parameters and rules as the JSON.\n\n"
            f"{_RANGE_RULES}\n\n"
            "Problems are `application/problem+json`, whatever the `Accept`; an `Accept` that admits no `text/csv` is "
            "a 406."
        ),
        parameters=[CAMPAIGN_ID, CampaignStatsQuery],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR,
                description="The series with a header row.",
                examples=[OpenApiExample("csv", value=examples.CAMPAIGN_STATS_CSV)],
            ),
            (400, "application/problem+json"): _STATS_INVALID,
            (404, "application/problem+json"): _CAMPAIGN_NOT_FOUND,
            (406, "application/problem+json"): problem(
                "The `Accept` header admits no `text/csv`.",
                problem_example(406, "not_acceptable", "Could not satisfy the request Accept header."),
            ),
        },
    )
    def get(self, request, campaign_id: int):
        return _csv_response(_campaign_stats_read(self, campaign_id), campaign_id)


MerchantStatsCampaign = _declared(
    "MerchantStatsCampaign",
    {
        "id": serializers.IntegerField(),
        "title": serializers.CharField(),
        "status": serializers.ChoiceField(choices=Campaign.Status.choices),
        "starts_at": serializers.DateTimeField(),
        "ends_at": serializers.DateTimeField(),
        "holdout_percent": serializers.IntegerField(),
        "from_": serializers.DateTimeField(help_text="Start of the campaign's statistics period (whole local hour)."),
        "to": serializers.DateTimeField(help_text="Its end: the end hour, or now while it runs."),
        **{key: _metric_field(metrics.METRICS[key], help_text=False) for key in metrics.OVERVIEW},
    },
    FromSerializer,
)


class MerchantStatsMerchant(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    timezone = serializers.CharField()


class MerchantStats(serializers.Serializer):
    merchant = MerchantStatsMerchant()
    role = serializers.CharField(help_text="Your role at this merchant.")
    as_of = serializers.DateTimeField(allow_null=True)
    campaigns = MerchantStatsCampaign(
        many=True, help_text="Newest first, each with the same figures as its statistics over its whole period."
    )


class MerchantStatsView(ApiView):
    @extend_schema(
        tags=["statistics"],
        summary="A merchant's campaigns with their headline figures (any staff)",
        description=(
            "Every campaign of the merchant, newest first, with the figures its `GET /campaigns/{id}/stats` gives for "
            f"its whole period (same definitions). Any staff of the merchant (owner, manager or clerk) may read it, "
            f"and `role` says which they are; anyone else gets a 403.\n\n{_RANGE_RULES}"
        ),
        parameters=[MERCHANT_ID],
        responses={
            200: MerchantStats,
            403: problem(
                "You are not staff of this merchant.",
                problem_example(403, "permission_denied", "Only the merchant's staff may see its statistics."),
            ),
            404: problem("No such merchant.", problem_example(404, "merchant_not_found", "No merchant has this id.")),
        },
        examples=[
            OpenApiExample("one campaign", value=examples.MERCHANT_STATS, response_only=True, status_codes=["200"])
        ],
    )
    def get(self, request, merchant_id: int):
        overview = merchant_stats_overview(merchant_id=merchant_id, user_id=request.user.pk)
        return Response(_json_ready(overview))
