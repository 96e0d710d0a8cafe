"""A campaign's statistics series as CSV (the API's `text/csv` answer and the dashboard's download)."""

import csv
import io

from stats import metrics

SERIES_COLUMNS = ("bucket_start", *metrics.SERIES)


def series_csv(series: list[dict]) -> str:
    """A statistics series as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SERIES_COLUMNS)
    for row in series:
        writer.writerow([row["bucket_start"].isoformat(), *(row[name] for name in SERIES_COLUMNS[1:])])
    return out.getvalue()
