"""The statistics' figures, each declared once: where it comes from (a rollup counter, a bitmap of users, or other
figures), its label, its help text and its format. The statistics SQL, the API's output serializer, the CSV and the
dashboard's tiles and funnel are all derived from these declarations.

A new figure read from an existing rollup column is one `Metric` here; one read from a new column also adds the column
(stats/models.py and its migration) and the step that fills it (stats/rollups.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from stats.models import Bitmap

K = Bitmap.Kind
# Kind 0 of the distinct counts: the eligible users of either group (the two eligibility kinds ORed together).
ELIGIBLE = 0


@dataclass(frozen=True)
class Rollup:
    """A sum over the range's hours of an hourly rollup: `table` is "merchant" (stats_merchanthour) or "campaign"
    (stats_campaignhour); `sql` replaces the plain sum of `column` where a figure is not one (the median)."""

    table: str
    column: str = ""
    sql: str = ""
    convert: Callable = int

    def expression(self, range_filter: str = "") -> str:
        """The SQL expression over the rollup rows (those matching `range_filter` when given)."""
        if self.sql:
            return self.sql
        where = f" FILTER (WHERE {range_filter})" if range_filter else ""
        return f"coalesce(sum({self.column}){where}, 0)"


@dataclass(frozen=True)
class Distinct:
    """The number of distinct users over the range: the OR of one kind of bitmap rows, counted."""

    kind: int


@dataclass(frozen=True)
class Derived:
    """A figure computed from the figures declared before it (`figures` maps their keys to values)."""

    compute: Callable[[dict], int | float | None]


@dataclass(frozen=True)
class Metric:
    """One figure of the campaign statistics' totals. `format`: "count" (an integer), "rate" (a ratio, null without a
    denominator), "rate1" (the same, shown with one decimal) or "minutes"; `baseline`: also computed for the period
    before the campaign."""

    key: str
    label: str | Promise
    help_text: str | Promise
    format: str
    source: Rollup | Distinct | Derived
    baseline: bool = False


@dataclass(frozen=True)
class FunnelStep:
    """One step of a campaign's funnel: the distinct users of one bitmap kind over the range."""

    key: str
    label: str | Promise
    help_text: str | Promise
    kind: int


def ratio(numerator: int | float, denominator: int | float, digits: int = 4) -> float | None:
    """numerator / denominator rounded, or None without a denominator."""
    return round(numerator / denominator, digits) if denominator else None


_MEDIAN_SECONDS_SQL = """(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s)
        FROM stats_campaignhour h2, unnest(h2.redeem_seconds) s
        WHERE h2.campaign_id = %(campaign)s AND h2.hour >= %(rs)s AND h2.hour < %(re)s)"""

TOTALS = (
    Metric(
        "checkins",
        _("Check-ins"),
        "The merchant's check-ins in the range.",
        "count",
        Rollup("merchant", "checkins"),
        baseline=True,
    ),
    Metric(
        "unique_visitors",
        _("Visitors"),
        "Distinct users among those check-ins.",
        "count",
        Distinct(K.VISITORS),
        baseline=True,
    ),
    Metric(
        "new_visitors",
        _("New visitors"),
        "Users whose first ever check-in at this merchant falls in the range.",
        "count",
        Rollup("merchant", "first_visits"),
        baseline=True,
    ),
    Metric(
        "returning_visitors",
        _("Returning visitors"),
        "unique_visitors who had checked in here before the range (unique_visitors - new_visitors).",
        "count",
        Derived(lambda f: f["unique_visitors"] - f["new_visitors"]),
        baseline=True,
    ),
    Metric(
        "coupons_issued",
        _("Coupons issued"),
        "Coupons of this campaign issued in the range.",
        "count",
        Rollup("campaign", "issued"),
    ),
    Metric(
        "coupons_redeemed",
        _("Coupons redeemed"),
        "Coupons of this campaign redeemed in the range.",
        "count",
        Rollup("campaign", "redeemed"),
    ),
    Metric(
        "coupons_expired",
        _("Coupons expired"),
        "Coupons of this campaign whose validity ended in the range, before `as_of`, never redeemed.",
        "count",
        Rollup("campaign", "expired"),
    ),
    Metric(
        "redemption_rate",
        _("Coupon redemption rate"),
        "coupons_redeemed / coupons_issued (null when none was issued).",
        "rate",
        Derived(lambda f: ratio(f["coupons_redeemed"], f["coupons_issued"])),
    ),
    Metric(
        "median_minutes_to_redeem",
        _("Median time to redeem a coupon"),
        "Median of (redeemed_at - issued_at) in whole seconds, in minutes (one decimal), over the coupons redeemed in "
        "the range; null when none was.",
        "minutes",
        Rollup("campaign", sql=_MEDIAN_SECONDS_SQL, convert=lambda s: None if s is None else round(s / 60, 1)),
    ),
    Metric(
        "friend_impressions",
        _("Seen in friends' feeds"),
        "Deliveries of the range's check-ins (by check-in time) into friends' feeds.",
        "count",
        Rollup("merchant", "impressions"),
    ),
    Metric("likes", _("Likes"), "Current likes on the range's check-ins.", "count", Rollup("merchant", "likes")),
    Metric(
        "comments", _("Comments"), "Current comments on the range's check-ins.", "count", Rollup("merchant", "comments")
    ),
    Metric(
        "engagement_rate",
        _("Engagement rate"),
        "(likes + comments) / friend_impressions (null without impressions).",
        "rate1",
        Derived(lambda f: ratio(f["likes"] + f["comments"], f["friend_impressions"])),
    ),
    Metric(
        "referred_visitors",
        _("New visitors brought by friends"),
        "new_visitors whose first visit came within 7 days after a friend's check-in here reached their feed.",
        "count",
        Rollup("merchant", "referred"),
    ),
)
METRICS = {metric.key: metric for metric in TOTALS}
BASELINE = tuple(metric for metric in TOTALS if metric.baseline)
# The totals compared with the baseline as ratios (the lift).
LIFT = ("checkins", "unique_visitors")
# The figures of each campaign in the merchant's overview (over its whole period), and of each series bucket.
OVERVIEW = ("checkins", "unique_visitors", "new_visitors", "coupons_issued", "coupons_redeemed", "redemption_rate")
SERIES = ("checkins", "unique_visitors", "coupons_issued", "coupons_redeemed")

FUNNEL = (
    FunnelStep(
        "viewers",
        _("People who looked at the shop"),
        "Distinct signed-in users who opened the merchant's detail.",
        K.VIEWERS,
    ),
    FunnelStep(
        "checked_in",
        _("People who checked in"),
        "Distinct users who checked in (= totals.unique_visitors).",
        K.VISITORS,
    ),
    FunnelStep(
        "eligible", _("People who met the trigger"), "Distinct users who met the trigger (holdout included).", ELIGIBLE
    ),
    FunnelStep("issued", _("People who got a coupon"), "Distinct users who got a coupon of this campaign.", K.ISSUED),
    FunnelStep(
        "redeemed",
        _("People who redeemed a coupon"),
        "Distinct users who redeemed a coupon of this campaign.",
        K.REDEEMED,
    ),
    FunnelStep(
        "returned_30d",
        _("People who came back within 30 days"),
        "Distinct users who redeemed in the range and checked in here again within 30 days after.",
        K.RETURNED,
    ),
)


def rollup_metrics(table: str, *, baseline: bool = False) -> tuple[Metric, ...]:
    """The metrics summed from one hourly rollup (only those with a baseline when `baseline`), in declaration order."""
    return tuple(
        metric
        for metric in (BASELINE if baseline else TOTALS)
        if isinstance(metric.source, Rollup) and metric.source.table == table
    )


def rollup_of(metric: Metric) -> Rollup:
    """The rollup a metric of rollup_metrics() is summed from."""
    assert isinstance(metric.source, Rollup), metric.key
    return metric.source


def figures_compute(metrics: tuple[Metric, ...], *, rollups: dict, distinct: Callable[[int], int]) -> dict:
    """Every figure of `metrics`: rollup sums from `rollups` (metric key -> raw value), distinct users from
    `distinct(kind)`, then the derived ones in declaration order."""
    figures: dict = {}
    for metric in metrics:
        source = metric.source
        if isinstance(source, Rollup):
            figures[metric.key] = source.convert(rollups[metric.key])
        elif isinstance(source, Distinct):
            figures[metric.key] = distinct(source.kind)
    for metric in metrics:
        if isinstance(metric.source, Derived):
            figures[metric.key] = metric.source.compute(figures)
    return {metric.key: figures[metric.key] for metric in metrics}
