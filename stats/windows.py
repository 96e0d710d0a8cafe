"""Time windows of the statistics: whole local hours of the merchant, and how a range of them is tiled by the
rollups' hour, day and week rows.

Statistics have hourly resolution in the merchant's time zone: a range is widened to whole local hours (`from` rounded
down, `to` up), clipped to the campaign's period (its start hour to the hour of its end, or now while it runs).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.dates import supported_date_error
from core.errors import ValidationFailed
from coupons.models import Campaign
from stats.errors import RangeReversed

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
WEEK = 7 * DAY
# The series buckets: each one's length in local time (weeks start on Monday, as PostgreSQL's date_trunc('week')).
BUCKET_LENGTHS = {"hour": HOUR, "day": DAY, "week": WEEK}
# The tiling of a window, in order: (grain of the rollup rows, the bound names of Window.parts).
TILES = (("h", "h0", "h1"), ("d", "d0", "d1"), ("w", "w0", "w1"), ("d", "d2", "d3"), ("h", "h2", "h3"))


@dataclass(frozen=True)
class Window:
    """A range of whole local hours [start, end) (naive local timestamps), split into whole days and edge hours."""

    start: datetime
    end: datetime

    def parts(self, *, weeks: bool = True) -> dict:
        """Bounds of the tiling: hours [h0, h1), days [d0, d1), weeks [w0, w1), days [d2, d3), hours [h2, h3)."""
        first_day = self.start if self.start.time() == time(0) else midnight(self.start) + DAY
        last_day = midnight(self.end)
        if first_day >= last_day:
            e = self.end
            return {"h0": self.start, "h1": e, "d0": e, "d1": e, "w0": e, "w1": e, "d2": e, "d3": e, "h2": e, "h3": e}
        first_week = first_day + (-first_day.weekday() % 7) * DAY  # local Mondays
        last_week = last_day - last_day.weekday() * DAY
        if not weeks or first_week >= last_week:
            first_week = last_week = last_day
        return {
            "h0": self.start,
            "h1": first_day,
            "d0": first_day,
            "d1": first_week,
            "w0": first_week,
            "w1": last_week,
            "d2": last_week,
            "d3": last_day,
            "h2": last_day,
            "h3": self.end,
        }

    def params(self, prefix: str, *, weeks: bool = True) -> dict:
        """The bounds of parts() as query parameters named `<prefix><bound>`."""
        return {f"{prefix}{name}": value for name, value in self.parts(weeks=weeks).items()}


def midnight(local: datetime) -> datetime:
    """The start of the local day of a naive local timestamp."""
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def bucket_floor(local: datetime, bucket: str) -> datetime:
    """The start of the local hour, day or week (Monday) containing a naive local timestamp."""
    if bucket == "hour":
        return local.replace(minute=0, second=0, microsecond=0)
    day = midnight(local)
    return day - day.weekday() * DAY if bucket == "week" else day


def bits_rows(prefix: str, kinds: str, owner: str, label: str = "") -> str:
    """The stats_bitmap rows that tile a window (whole weeks, whole days, and the hours at either end) for some kinds of
    one owner: five index range scans, UNION ALL. `kinds` and `owner` are SQL expressions."""
    p = f"%({prefix}"
    select = (
        f"SELECT {label}kind, bucket, chunk, bits FROM stats_bitmap WHERE kind = ANY({kinds}) AND owner_id = {owner}"
    )
    return " UNION ALL ".join(
        f"{select} AND grain = '{grain}' AND bucket >= {p}{low})s AND bucket < {p}{high})s"
        for grain, low, high in TILES
    )


def local_hour_floor(moment: datetime, zone: ZoneInfo) -> datetime:
    """The start of the local hour containing `moment`, as a naive local timestamp."""
    return moment.astimezone(zone).replace(tzinfo=None, minute=0, second=0, microsecond=0)


def local_hour_ceil(moment: datetime, zone: ZoneInfo) -> datetime:
    """The first local hour boundary at or after `moment`, as a naive local timestamp."""
    local = moment.astimezone(zone).replace(tzinfo=None)
    floor = local.replace(minute=0, second=0, microsecond=0)
    return floor if floor == local else floor + HOUR


def local_aware(local: datetime, zone: ZoneInfo) -> datetime:
    """A naive local timestamp as an aware datetime in the merchant's zone."""
    return local.replace(tzinfo=zone)


def _bound(value: date | datetime | None, zone: ZoneInfo, *, end: bool) -> datetime | None:
    """A `from`/`to` value as an instant: a date is its local midnight (for `to`, the next one: the day is included),
    a datetime without offset is local time."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value + DAY if end else value, time(0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value


def campaign_period(campaign: Campaign, zone: ZoneInfo, now: datetime) -> Window:
    """The campaign's statistics period in whole local hours: its start to its end (or now while it runs)."""
    end = min(campaign.ended_at or campaign.ends_at, campaign.ends_at, now)
    start = local_hour_floor(campaign.starts_at, zone)
    return Window(start, max(start, local_hour_ceil(end, zone)))


def stats_window_resolve(
    *, period: Window, zone: ZoneInfo, from_: date | datetime | None, to: date | datetime | None
) -> Window:
    """The asked range in whole local hours, clipped to the period; ValidationFailed naming `to` if it is not after
    `from`, or either outside the supported calendar."""
    errors = {name: [error] for name, value in (("from", from_), ("to", to)) if (error := supported_date_error(value))}
    if errors:
        raise ValidationFailed(errors=errors)
    start, end = _bound(from_, zone, end=False), _bound(to, zone, end=True)
    if start is not None and end is not None and start >= end:
        raise RangeReversed()
    local_start = max(period.start, local_hour_floor(start, zone)) if start else period.start
    local_end = min(period.end, local_hour_ceil(end, zone)) if end else period.end
    local_start = min(local_start, period.end)
    return Window(local_start, max(local_start, local_end))
