"""Plain-language wording of the statistics for the dashboard pages (presentation only; the figures come from stats)."""

from datetime import timedelta

from dashboard.charts import line_chart


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


TILES = (
    ("checkins", "Check-ins", None),
    ("unique_visitors", "Visitors", None),
    ("new_visitors", "New visitors", None),
    ("returning_visitors", "Returning visitors", None),
    ("coupons_issued", "Coupons issued", None),
    ("coupons_redeemed", "Coupons redeemed", None),
    ("coupons_expired", "Coupons expired", None),
    ("redemption_rate", "Redemption rate", percent),
    ("median_minutes_to_redeem", "Median time to redeem", minutes),
    ("friend_impressions", "Seen in friends' feeds", None),
    ("likes", "Likes", None),
    ("comments", "Comments", None),
    ("engagement_rate", "Engagement rate", lambda v: percent(v, 1)),
    ("referred_visitors", "Brought by friends", None),
)
FUNNEL = (
    ("viewers", "Looked at the shop"),
    ("checked_in", "Checked in"),
    ("eligible", "Met the trigger"),
    ("issued", "Got a coupon"),
    ("redeemed", "Redeemed it"),
    ("returned_30d", "Came back within 30 days"),
)


def campaign_context(page: dict, *, holdout_minimum: int) -> dict:
    """The campaign page's template context from stats.selectors.campaign_dashboard."""
    stats, campaign = page["stats"], page["campaign"]
    totals = stats["totals"]
    status = campaign.status
    actions = []
    if status != "ended":
        actions.append(
            {"name": "resume", "label": "Resume", "style": ""}
            if status == "paused"
            else {"name": "pause", "label": "Pause", "style": "secondary"}
        )
        actions.append({"name": "end", "label": "End campaign", "style": "danger"})
    label_format = "%m-%d" if stats["bucket"] == "day" else "%m-%d %H:00"
    rows = [{**row, "label": row["bucket_start"].strftime(label_format)} for row in stats["series"]]
    widest = max([stats["funnel"][key] for key, _ in FUNNEL] + [1])
    baseline = stats["baseline"]
    return {
        "stats": stats,
        "campaign": campaign,
        "merchant": page["merchant"],
        "status": status,
        "can_manage": page["role"] in ("owner", "manager"),
        "actions": actions,
        "tiles": [
            {"key": f"totals.{key}", "label": label, "raw": totals[key], "text": (show or str)(totals[key])}
            for key, label, show in TILES
        ],
        "chart": line_chart(
            rows,
            [("checkins", "Check-ins"), ("coupons_issued", "Coupons issued"), ("coupons_redeemed", "Redeemed")],
            label_key="label",
        ),
        "funnel": [
            {
                "key": key,
                "label": label,
                "value": stats["funnel"][key],
                "width": round(100 * stats["funnel"][key] / widest, 1),
            }
            for key, label in FUNNEL
        ],
        "baseline": [
            {
                "key": key,
                "label": label,
                "before": baseline[key],
                "during": totals[key],
                "change": change(totals[key], baseline[key]),
            }
            for key, label in (
                ("checkins", "Check-ins"),
                ("unique_visitors", "Visitors"),
                ("new_visitors", "New visitors"),
                ("returning_visitors", "Returning visitors"),
            )
        ],
        "holdout_sentence": holdout_sentence(stats["holdout"], holdout_minimum),
        # The range shown, as the picker's dates (the end is exclusive, so its last day is the one before it).
        "range_initial": {
            "from": stats["from"].date(),
            "to": (stats["to"] - timedelta(microseconds=1)).date(),
            "bucket": stats["bucket"],
        },
    }
