"""A campaign's statistics as CSV: the series alone (the API's `text/csv` answer), or the whole report (the
dashboard's download: the range, totals, funnel, baseline and holdout, then the series)."""

import csv
import io
from datetime import date, timedelta

from stats import metrics

SERIES_COLUMNS = ("bucket_start", *metrics.SERIES)
# The report's figures: one row each, `section,figure,value`, with the same keys as the API's JSON.
REPORT_COLUMNS = ("section", "figure", "value")
_HOLDOUT_FIGURES = ("users", "revisited", "revisit_rate")


def _series_rows(writer, series: list[dict]) -> None:
    writer.writerow(SERIES_COLUMNS)
    for row in series:
        writer.writerow([row["bucket_start"].isoformat(), *(row[name] for name in SERIES_COLUMNS[1:])])


def series_csv(series: list[dict]) -> str:
    """A statistics series as CSV text with a header row."""
    out = io.StringIO()
    _series_rows(csv.writer(out, lineterminator="\r\n"), series)
    return out.getvalue()


def _text(value: str) -> str:
    """A merchant's text, never read as a formula by a spreadsheet."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _blank(value) -> object:
    return "" if value is None else value


def _report_figures(stats: dict) -> list[tuple[str, str, object]]:
    """(section, figure, value) for everything of the statistics but the series."""
    rows: list[tuple[str, str, object]] = [
        ("campaign", "id", stats["campaign_id"]),
        ("campaign", "title", _text(stats["title"])),
        ("range", "timezone", stats["timezone"]),
        ("range", "from", stats["from"].isoformat()),
        ("range", "to", stats["to"].isoformat()),
        ("range", "bucket", stats["bucket"]),
        ("range", "as_of", stats["as_of"].isoformat() if stats["as_of"] else ""),
    ]
    rows += [("totals", metric.key, _blank(stats["totals"][metric.key])) for metric in metrics.TOTALS]
    rows += [("funnel", step.key, stats["funnel"][step.key]) for step in metrics.FUNNEL]
    baseline = stats["baseline"]
    rows += [("baseline", "from", baseline["from"].isoformat()), ("baseline", "to", baseline["to"].isoformat())]
    rows += [("baseline", metric.key, baseline[metric.key]) for metric in metrics.BASELINE]
    rows += [("lift", key, _blank(value)) for key, value in stats["lift"].items()]
    holdout = stats["holdout"]
    if holdout is not None:
        for group in ("treated", "holdout"):
            rows += [(f"holdout.{group}", name, _blank(holdout[group][name])) for name in _HOLDOUT_FIGURES]
        low, high = holdout["confidence_interval_95"] or (None, None)
        rows += [
            ("holdout", "incremental_revisit_rate", _blank(holdout["incremental_revisit_rate"])),
            ("holdout", "confidence_interval_95_low", _blank(low)),
            ("holdout", "confidence_interval_95_high", _blank(high)),
            ("holdout", "enough_data", holdout["enough_data"]),
            ("holdout", "significant", holdout["significant"]),
        ]
    return rows


def campaign_report_csv(stats: dict) -> str:
    """The whole statistics of campaign_stats as CSV: `section,figure,value` rows (range, totals, funnel, baseline,
    lift, holdout), an empty line, then the series with its own header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    writer.writerows(_report_figures(stats))
    writer.writerow([])
    _series_rows(writer, stats["series"])
    return out.getvalue()


def campaign_report_filename(stats: dict) -> str:
    """`campaign-<id>-<first day>_<last day>.csv`, the local days of the range (its end is exclusive)."""
    first, last = range_days(stats)
    return f"campaign-{stats['campaign_id']}-{first.isoformat()}_{last.isoformat()}.csv"


def range_days(stats: dict) -> tuple[date, date]:
    """The first and last local day of the statistics' range (its end is exclusive; an empty range is its one day)."""
    first = stats["from"].date()
    return first, max(first, (stats["to"] - timedelta(microseconds=1)).date())
