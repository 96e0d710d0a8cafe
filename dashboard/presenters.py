"""Plain-language wording of the statistics and the campaign's settings for the dashboard pages (presentation only: the
figures come from stats, the rules from coupons). Every sentence goes through gettext; times are the merchant's."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.translations import translated
from coupons.models import Campaign
from coupons.triggers import TRIGGERS
from dashboard.charts import line_chart
from merchants.selectors import staff_role_manages
from stats import metrics
from stats.export import range_days
from stats.windows import BUCKET_LENGTHS

# The series bucket in a sentence ("the last day is incomplete") and as the chart's unit.
BUCKET_WORDS = {
    "hour": (gettext_lazy("hour"), gettext_lazy("Number per hour")),
    "day": (gettext_lazy("day"), gettext_lazy("Number per day")),
    "week": (gettext_lazy("week"), gettext_lazy("Number per week (weeks start on Monday)")),
}
# How each trigger type reads in a sentence, with its parameters; a type missing here reads as its registry label.
TRIGGER_SENTENCES = {
    "every_checkin": gettext_lazy("Every check-in earns a coupon."),
    "first_visit": gettext_lazy("A person's first ever check-in at the shop earns a coupon."),
    "nth_visit": gettext_lazy(
        "Every %(visits)s check-ins since the campaign started earn a coupon (the %(visits)s-th, the %(twice)s-th, …)."
    ),
    "with_friends": gettext_lazy(
        "Checking in with at least %(friends)s friends within %(window_minutes)s minutes earns everyone in the group "
        "a coupon."
    ),
}
# The series the chart and its table show: the metrics' own labels (stats.metrics is their one home).
CHART_SERIES = ("checkins", "coupons_issued", "coupons_redeemed")
TABLE_SERIES = metrics.SERIES


def percent(value: float | None, digits: int = 0) -> str:
    """A ratio as a percentage, or a dash when there is none."""
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def points(value: float) -> str:
    """A difference of two rates in percentage points, rounded to whole points."""
    return f"{abs(value) * 100:.0f}"


def local_text(moment: datetime | None, zone: ZoneInfo, fmt: str = "Y-m-d H:i") -> str:
    """An instant as the merchant's local time."""
    return "" if moment is None else formats.date_format(moment.astimezone(zone), fmt)


def _holdout_unsettled(treated: dict, held: dict, minimum: int, ended: bool) -> str:
    values = {"treated": treated["users"], "held": held["users"], "minimum": minimum}
    if ended:
        return (
            _(
                "Not enough people to tell: %(treated)s people were offered a coupon and %(held)s were held out, and "
                "a comparison needs at least %(minimum)s in each group. The campaign has ended, so these groups will "
                "not grow."
            )
            % values
        )
    return (
        _(
            "Too early to tell: %(treated)s people were offered a coupon and %(held)s were held out. We need at least "
            "%(minimum)s in each group before comparing how often they came back."
        )
        % values
    )


def holdout_sentence(holdout: dict | None, minimum: int, *, ended: bool = False) -> str:
    """What the holdout comparison says, honestly: the effect with its 95% interval, or why it cannot tell (yet: an
    ended campaign is never "too early")."""
    if holdout is None:
        return _(
            "This campaign keeps no holdout group, so its effect cannot be separated from what would have happened "
            "anyway. Set a holdout share when you start the next one."
        )
    treated, held = holdout["treated"], holdout["holdout"]
    if not holdout["enough_data"]:
        return _holdout_unsettled(treated, held, minimum, ended)
    difference = holdout["incremental_revisit_rate"]
    low, high = holdout["confidence_interval_95"]
    values = {
        "points": points(difference),
        "difference": f"{difference * 100:+.0f}",
        "treated_rate": percent(treated["revisit_rate"]),
        "held_rate": percent(held["revisit_rate"]),
        "low": f"{low * 100:+.0f}",
        "high": f"{high * 100:+.0f}",
    }
    if holdout["significant"] and difference > 0:
        text = _(
            "People who got a coupon came back %(points)s points more often than similar people who didn't "
            "(%(treated_rate)s against %(held_rate)s; 95%% interval %(low)s to %(high)s points)."
        )
    elif holdout["significant"]:
        text = _(
            "People who got a coupon came back %(points)s points less often than similar people who didn't "
            "(%(treated_rate)s against %(held_rate)s; 95%% interval %(low)s to %(high)s points)."
        )
    elif ended:
        text = _(
            "No clear effect: people who got a coupon came back %(treated_rate)s of the time and similar people who "
            "didn't %(held_rate)s, a difference of %(difference)s points, but the 95%% interval %(low)s to %(high)s "
            "points includes zero."
        )
    else:
        text = _(
            "No clear effect yet: people who got a coupon came back %(treated_rate)s of the time and similar people "
            "who didn't %(held_rate)s, a difference of %(difference)s points, but the 95%% interval %(low)s to "
            "%(high)s points includes zero."
        )
    return text % values


def minutes(value: float | None) -> str:
    """A duration in minutes, in the unit people read best."""
    if value is None:
        return "–"
    if value < 90:
        return _("%(number)s min") % {"number": f"{value:.0f}"}
    if value < 48 * 60:
        return _("%(number)s h") % {"number": f"{value / 60:.1f}"}
    return _("%(number)s days") % {"number": f"{value / 1440:.1f}"}


def change(during: int, before: int) -> str:
    """The change from the period before, as a signed percentage."""
    if not before:
        return _("new") if during else "–"
    return f"{(during - before) / before * 100:+.0f}%"


# How each metric format of stats.metrics is shown on a tile.
FORMATS = {"count": str, "rate": percent, "rate1": lambda v: percent(v, 1), "minutes": minutes}


def actions(status: str) -> list[dict]:
    """The buttons a campaign in this status offers: pause (running only) or resume (paused), and end (until it has
    ended). A scheduled or sold-out campaign offers no pause: it issues nothing that a pause would stop."""
    if status == Campaign.Status.ENDED:
        return []
    offered = []
    if status == Campaign.Status.PAUSED:
        offered.append({"name": "resume", "label": _("Resume"), "style": ""})
    elif status == Campaign.Status.RUNNING:
        offered.append({"name": "pause", "label": _("Pause"), "style": "secondary"})
    offered.append({"name": "end", "label": _("End campaign…"), "style": "danger"})
    return offered


def trigger_text(trigger: dict) -> str:
    """Who gets a coupon, in a sentence with the trigger's parameters."""
    kind = str(trigger.get("type"))
    values = {
        parameter.name: trigger.get(parameter.name) for parameter in getattr(TRIGGERS.get(kind), "parameters", ())
    }
    if kind == "nth_visit" and values.get("visits"):
        values["twice"] = 2 * int(values["visits"])
    if kind in TRIGGER_SENTENCES:
        return str(TRIGGER_SENTENCES[kind]) % values
    label = _(TRIGGERS[kind].label) if kind in TRIGGERS else kind
    return ", ".join([label, *(f"{name} {value}" for name, value in values.items())])


def _stock_text(campaign: Campaign) -> str:
    if campaign.total_stock is None:
        return ngettext(
            "Unlimited (%(issued)s coupon issued so far)",
            "Unlimited (%(issued)s coupons issued so far)",
            campaign.issued_count,
        ) % {"issued": campaign.issued_count}
    return _("%(left)s of %(total)s coupons left") % {"left": campaign.remaining_stock, "total": campaign.total_stock}


def _hours_text(campaign: Campaign) -> str:
    start, end = campaign.daily_start_time, campaign.daily_end_time
    if start is None or end is None:
        return _("All day")
    values = {"start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
    if start > end:
        return _("%(start)s to %(end)s the next morning, every day") % values
    return _("%(start)s to %(end)s, every day") % values


def _dates_text(campaign: Campaign, zone: ZoneInfo) -> str:
    values = {
        "start": local_text(campaign.starts_at, zone),
        "end": local_text(campaign.ends_at, zone),
        "zone": str(zone),
    }
    if campaign.ended_at is not None and campaign.ended_at < campaign.ends_at:
        values["ended"] = local_text(campaign.ended_at, zone)
        return _("%(start)s to %(end)s (%(zone)s); ended early on %(ended)s") % values
    return _("%(start)s to %(end)s (%(zone)s)") % values


def settings_rows(campaign: Campaign, zone: ZoneInfo) -> list[dict]:
    """The campaign's settings in words, as (key, label, text) rows."""
    holdout = (
        _("%(percent)s%% of the people who meet the trigger get no coupon, to measure the campaign's effect")
        % {"percent": campaign.holdout_percent}
        if campaign.holdout_percent
        else _("None: everyone who meets the trigger gets a coupon")
    )
    days, limit = campaign.coupon_valid_days, campaign.per_user_limit
    rows = [
        ("trigger", _("Who gets a coupon"), trigger_text(campaign.trigger)),
        (
            "per_user_limit",
            _("Per person"),
            ngettext("At most %(n)s coupon", "At most %(n)s coupons", limit) % {"n": limit},
        ),
        ("stock", _("Stock"), _stock_text(campaign)),
        ("dates", _("Dates"), _dates_text(campaign, zone)),
        ("daily_hours", _("Daily hours"), _hours_text(campaign)),
        ("holdout", _("Holdout share"), holdout),
        (
            "validity",
            _("Coupons valid for"),
            ngettext("%(n)s day after issue", "%(n)s days after issue", days) % {"n": days},
        ),
    ]
    return [{"key": key, "label": label, "text": text} for key, label, text in rows]


def _bucket_row(row: dict, bucket: str, *, incomplete: bool) -> dict:
    """A series row with its x-axis label, its full name (tooltips, the table) and whether it is incomplete."""
    start = row["bucket_start"]
    if bucket == "hour":
        label = formats.date_format(start, "m-d H:00")
        title = f"{formats.date_format(start, 'Y-m-d H:i')}–{formats.date_format(start + timedelta(hours=1), 'H:i')}"
    elif bucket == "week":
        label = formats.date_format(start, "m-d")
        title = _("Week of %(monday)s") % {"monday": formats.date_format(start, "Y-m-d (D)")}
    else:
        label = formats.date_format(start, "m-d")
        title = formats.date_format(start, "Y-m-d (D)")
    cells = [row[key] for key in TABLE_SERIES]
    return {**row, "label": label, "title": title, "incomplete": incomplete, "cells": cells}


def series_rows(stats: dict) -> list[dict]:
    """The series with labels; the last bucket is incomplete when it ends after the range or after the figures'
    `as_of` (still counting, or cut by the range)."""
    series, bucket = stats["series"], stats["bucket"]
    limit = min(stats["to"], stats["as_of"]) if stats["as_of"] else stats["to"]
    last = len(series) - 1
    return [
        _bucket_row(
            row,
            bucket,
            incomplete=index == last and row["bucket_start"] + BUCKET_LENGTHS[bucket] > limit,
        )
        for index, row in enumerate(series)
    ]


def _chart(rows: list[dict], bucket: str):
    series = [(key, str(metrics.METRICS[key].label)) for key in CHART_SERIES]
    return line_chart(
        rows,
        series,
        y_title=str(BUCKET_WORDS[bucket][1]),
        incomplete_note=_("incomplete"),
        description=_("%(series)s over time; the same figures are in the table below the chart.")
        % {"series": ", ".join(label for _key, label in series)},
    )


def _tiles(totals: dict) -> list[dict]:
    return [
        {
            "key": f"totals.{metric.key}",
            "label": metric.label,
            "raw": totals[metric.key],
            "text": FORMATS[metric.format](totals[metric.key]),
        }
        for metric in metrics.TOTALS
    ]


def _funnel(funnel: dict) -> list[dict]:
    widest = max([funnel[step.key] for step in metrics.FUNNEL] + [1])
    return [
        {
            "key": step.key,
            "label": step.label,
            "value": funnel[step.key],
            "width": round(100 * funnel[step.key] / widest, 1),
        }
        for step in metrics.FUNNEL
    ]


def range_shown(stats: dict) -> dict:
    """The range shown, as the picker's dates (both included)."""
    first, last = range_days(stats)
    return {"from": first, "to": last, "bucket": stats["bucket"]}


def campaign_context(page: dict, *, holdout_minimum: int) -> dict:
    """The campaign page's template context from dashboard.pages.campaign_dashboard."""
    stats, campaign = page["stats"], page["campaign"]
    zone = ZoneInfo(stats["timezone"])
    totals, baseline, status = stats["totals"], stats["baseline"], campaign.status
    rows = series_rows(stats)
    return {
        "stats": stats,
        "campaign": campaign,
        "title": translated(campaign.translations, "title", campaign.title),
        "merchant": page["merchant"],
        "merchant_name": translated(page["merchant"].translations, "name", page["merchant"].name),
        "status": status,
        "can_manage": staff_role_manages(page["role"]),
        "actions": actions(status),
        "editable": status != Campaign.Status.ENDED,
        "settings": settings_rows(campaign, zone),
        "period_text": _("%(start)s to %(end)s (%(zone)s)")
        % {"start": local_text(stats["from"], zone), "end": local_text(stats["to"], zone), "zone": str(zone)},
        "as_of_text": local_text(stats["as_of"], zone, "Y-m-d H:i:s"),
        "tiles": _tiles(totals),
        "rows": rows,
        "table_series": [(key, metrics.METRICS[key].label) for key in TABLE_SERIES],
        "incomplete": bool(rows and rows[-1]["incomplete"]),
        "bucket_word": BUCKET_WORDS[stats["bucket"]][0],
        "chart": _chart(rows, stats["bucket"]),
        "funnel": _funnel(stats["funnel"]),
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
        "holdout_sentence": holdout_sentence(stats["holdout"], holdout_minimum, ended=status == Campaign.Status.ENDED),
        "range_initial": range_shown(stats),
    }
