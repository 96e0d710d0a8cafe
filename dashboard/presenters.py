"""Plain-language wording of the statistics for the dashboard pages (presentation only; the figures come from stats)."""

from datetime import timedelta

from dashboard.charts import line_chart
from merchants.selectors import staff_role_manages
from stats import metrics


def percent(value: float | None, digits: int = 0) -> str:
    """A ratio as a percentage, or a dash when there is none."""
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def points(value: float) -> str:
    """A difference of two rates in percentage points, rounded to whole points."""
    return f"{abs(value) * 100:.0f}"


def holdout_sentence(holdout: dict | None, minimum: int) -> str:
    """What the holdout comparison says, honestly: the effect with its 95% interval, or why it cannot tell yet."""
    if holdout is None:
        return (
            "This campaign keeps no holdout group, so its effect cannot be separated from what would have happened "
            "anyway. Set a holdout share when you start the next one."
        )
    treated, held = holdout["treated"], holdout["holdout"]
    if not holdout["enough_data"]:
        return (
            f"Too early to tell: {treated['users']} people were offered a coupon and {held['users']} were held out. "
            f"We need at least {minimum} in each group before comparing how often they came back."
        )
    difference = holdout["incremental_revisit_rate"]
    low, high = holdout["confidence_interval_95"]
    interval = f"95% interval {low * 100:+.0f} to {high * 100:+.0f} points"
    if holdout["significant"]:
        direction = "more" if difference > 0 else "less"
        return (
            f"People who got a coupon came back {points(difference)} points {direction} often than similar people who "
            f"didn't ({percent(treated['revisit_rate'])} against {percent(held['revisit_rate'])}; {interval})."
        )
    return (
        f"No clear effect yet: people who got a coupon came back {percent(treated['revisit_rate'])} of the time and "
        f"similar people who didn't {percent(held['revisit_rate'])}, a difference of {difference * 100:+.0f} points, "
        f"but the {interval} includes zero."
    )


def minutes(value: float | None) -> str:
    """A duration in minutes, in the unit people read best."""
    if value is None:
        return "–"
    if value < 90:
        return f"{value:.0f} min"
    if value < 48 * 60:
        return f"{value / 60:.1f} h"
    return f"{value / 1440:.1f} days"


def change(during: int, before: int) -> str:
    """The change from the period before, as a signed percentage."""
    if not before:
        return "new" if during else "–"
    return f"{(during - before) / before * 100:+.0f}%"


# How each metric format of stats.metrics is shown on a tile.
FORMATS = {"count": str, "rate": percent, "rate1": lambda v: percent(v, 1), "minutes": minutes}


def _actions(status: str) -> list[dict]:
    """The buttons a campaign in this status offers: pause or resume, and end (none once it has ended)."""
    if status == "ended":
        return []
    toggle = (
        {"name": "resume", "label": "Resume", "style": ""}
        if status == "paused"
        else {"name": "pause", "label": "Pause", "style": "secondary"}
    )
    return [toggle, {"name": "end", "label": "End campaign", "style": "danger"}]


def campaign_context(page: dict, *, holdout_minimum: int) -> dict:
    """The campaign page's template context from dashboard.pages.campaign_dashboard."""
    stats, campaign = page["stats"], page["campaign"]
    totals = stats["totals"]
    status = campaign.status
    label_format = "%m-%d" if stats["bucket"] == "day" else "%m-%d %H:00"
    rows = [{**row, "label": row["bucket_start"].strftime(label_format)} for row in stats["series"]]
    widest = max([stats["funnel"][step.key] for step in metrics.FUNNEL] + [1])
    baseline = stats["baseline"]
    return {
        "stats": stats,
        "campaign": campaign,
        "merchant": page["merchant"],
        "status": status,
        "can_manage": staff_role_manages(page["role"]),
        "actions": _actions(status),
        "tiles": [
            {
                "key": f"totals.{metric.key}",
                "label": metric.label,
                "raw": totals[metric.key],
                "text": FORMATS[metric.format](totals[metric.key]),
            }
            for metric in metrics.TOTALS
        ],
        "chart": line_chart(
            rows,
            [("checkins", "Check-ins"), ("coupons_issued", "Coupons issued"), ("coupons_redeemed", "Redeemed")],
            label_key="label",
        ),
        "funnel": [
            {
                "key": step.key,
                "label": step.label,
                "value": stats["funnel"][step.key],
                "width": round(100 * stats["funnel"][step.key] / widest, 1),
            }
            for step in metrics.FUNNEL
        ],
        "baseline": [
            {
                "key": metric.key,
                "label": metric.label,
                "before": baseline[metric.key],
                "during": totals[metric.key],
                "change": change(totals[metric.key], baseline[metric.key]),
            }
            for metric in metrics.BASELINE
        ],
        "holdout_sentence": holdout_sentence(stats["holdout"], holdout_minimum),
        # The range shown, as the picker's dates (the end is exclusive, so its last day is the one before it).
        "range_initial": {
            "from": stats["from"].date(),
            "to": (stats["to"] - timedelta(microseconds=1)).date(),
            "bucket": stats["bucket"],
        },
    }
