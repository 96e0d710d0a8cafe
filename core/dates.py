"""The calendar the platform works in: campaign dates and statistics ranges stay inside it.

Dates far outside it only ever come from mistakes or attacks, and they break arithmetic (a baseline period before
year 1, a day after 9999-12-31) or ask for answers of megabytes (a series from 1900 by day).
"""

from datetime import UTC, date, datetime

from django.utils.translation import gettext as _

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)  # included
EARLIEST_INSTANT = datetime(EARLIEST.year, 1, 1, tzinfo=UTC)
AFTER_LATEST_INSTANT = datetime(LATEST.year + 1, 1, 1, tzinfo=UTC)


def supported_date_error(value: date | datetime | None) -> str | None:
    """Why `value` lies outside the supported calendar, or None when it is inside (or absent)."""
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is not None:
        # Compared as instants (what the database stores), which never overflows as converting to UTC could.
        inside = EARLIEST_INSTANT <= value < AFTER_LATEST_INSTANT
    else:
        inside = EARLIEST <= (value.date() if isinstance(value, datetime) else value) <= LATEST
    if inside:
        return None
    return _("Must be between %(earliest)s and %(latest)s.") % {
        "earliest": EARLIEST.isoformat(),
        "latest": LATEST.isoformat(),
    }
