"""Every figure the statistics give equals a plain SQL recomputation over the raw tables: for random histories written
in time slices (ids out of time order, a transaction in flight during a fold, likes and comments deleted, coupons
redeemed and expiring), for several ranges, every bucket size, after a full rebuild and after a time-zone change."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from merchants.models import Merchant
from stats.campaign_stats import campaign_stats
from stats.services import rollups_fold, rollups_rebuild
from tests import factories
from tests.stats import oracle
from tests.stats.history import checkin_in_flight, history_make, history_write

pytestmark = pytest.mark.django_db


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _rate(numerator, denominator):
    return round(numerator / denominator, 4) if denominator else None


def assert_stats_match_raw(stats: dict, *, now: datetime) -> None:
    """The selector's answer equals the oracle over the range it reports."""
    zone = ZoneInfo(stats["timezone"])
    a, b = _local(stats["from"], zone), _local(stats["to"], zone)
    common = {"merchant_id": stats["merchant_id"], "tz": stats["timezone"]}
    expected = oracle.campaign_figures(campaign_id=stats["campaign_id"], a=a, b=b, now=now, **common)
    totals = stats["totals"]
    for name, value in expected["totals"].items():
        assert totals[name] == value, name
    assert totals["redemption_rate"] == _rate(totals["coupons_redeemed"], totals["coupons_issued"])
    assert totals["engagement_rate"] == _rate(totals["likes"] + totals["comments"], totals["friend_impressions"])
    assert stats["funnel"] == expected["funnel"]

    base = oracle.checkin_figures(
        a=_local(stats["baseline"]["from"], zone), b=_local(stats["baseline"]["to"], zone), **common
    )
    assert {k: stats["baseline"][k] for k in base} == base
    assert stats["baseline"]["to"] - stats["baseline"]["from"] == stats["to"] - stats["from"]
    assert stats["lift"] == {
        "checkins": _rate(totals["checkins"], base["checkins"]),
        "unique_visitors": _rate(totals["unique_visitors"], base["unique_visitors"]),
    }
    if stats["holdout"] is not None:
        for group in ("treated", "holdout"):
            got = stats["holdout"][group]
            assert {"users": got["users"], "revisited": got["revisited"]} == expected["holdout"][group], group
            assert got["revisit_rate"] == _rate(got["revisited"], got["users"])

    rows = oracle.series(campaign_id=stats["campaign_id"], a=a, b=b, unit=stats["bucket"], **common)
    got_rows = {
        _local(row["bucket_start"], zone): (
            row["checkins"],
            row["unique_visitors"],
            row["coupons_issued"],
            row["coupons_redeemed"],
        )
        for row in stats["series"]
    }
    assert {k: v for k, v in got_rows.items() if any(v)} == rows
    assert sum(row["checkins"] for row in stats["series"]) == totals["checkins"]
    assert sum(row["coupons_issued"] for row in stats["series"]) == totals["coupons_issued"]


def _ranges(history, zone: ZoneInfo):
    first = history.campaigns[0]
    middle = first.starts_at + (first.ends_at - first.starts_at) / 2
    local_middle = _local(middle, zone)
    return [
        (None, None),
        (local_middle.date() - timedelta(days=3), local_middle.date()),  # dates: whole local days, `to` included
        (local_middle.replace(minute=37), middle + timedelta(hours=30, minutes=5)),  # naive local, then aware
        (first.starts_at - timedelta(days=30), first.starts_at + timedelta(days=2, minutes=10)),  # starts before
        (first.ends_at - timedelta(hours=5), first.ends_at + timedelta(days=9)),  # ends after
    ]


def _check_all(history, staff, *, now: datetime) -> None:
    zone = ZoneInfo(Merchant.objects.get(pk=history.merchant.pk).timezone)
    for campaign in history.campaigns:
        for from_, to in _ranges(history, zone):
            for bucket in ("day", "hour", "week"):
                stats = campaign_stats(
                    campaign_id=campaign.pk, user_id=staff.pk, from_=from_, to=to, bucket=bucket, now=now
                )
                assert_stats_match_raw(stats, now=now)


@pytest.mark.parametrize(("seed", "zone"), [(11, "America/New_York"), (29, "Asia/Seoul")])
def test_rollups_equal_plain_sql_over_the_raw_tables(seed, zone):
    now = timezone.now().replace(microsecond=0)
    rng = random.Random(seed)
    history = history_make(seed=seed, now=now, zone=zone, users=40, days=45)
    staff = factories.MerchantStaffFactory(merchant=history.merchant, role="clerk").user

    # Folds between time slices, as the beat task would run them.
    for cut in (now - timedelta(days=30), now - timedelta(days=12), now - timedelta(days=2)):
        history_write(history, until=cut, rng=rng)
        rollups_fold(now=cut)
    # A check-in whose transaction is still open while later rows commit and a fold runs: read by the next fold.
    _, commit = checkin_in_flight(history, moment=now - timedelta(hours=1), user=history.users[0])
    history_write(history, until=now, rng=rng)
    rollups_fold(now=now)
    commit()
    rollups_fold(now=now)
    _check_all(history, staff, now=now)

    # Rebuilt from scratch: the same figures.
    rollups_rebuild(now=now)
    _check_all(history, staff, now=now)

    # The merchant moves to another time zone: the next fold rebuilds its rollups in local hours of the new zone.
    Merchant.objects.filter(pk=history.merchant.pk).update(timezone="Asia/Kolkata")
    rollups_fold(now=now)
    for campaign in history.campaigns:
        for bucket in ("day", "hour", "week"):
            assert_stats_match_raw(
                campaign_stats(campaign_id=campaign.pk, user_id=staff.pk, bucket=bucket, now=now), now=now
            )


def test_range_resolution_widens_to_local_hours_and_clips_to_the_campaign():
    merchant = factories.MerchantFactory(timezone="Asia/Seoul")
    zone = ZoneInfo("Asia/Seoul")
    now = datetime(2026, 5, 20, 12, 30, tzinfo=zone)
    campaign = factories.CampaignFactory(
        merchant=merchant,
        starts_at=datetime(2026, 5, 1, 9, 15, tzinfo=zone),
        ends_at=datetime(2026, 6, 1, tzinfo=zone),
    )
    staff = factories.MerchantStaffFactory(merchant=merchant).user
    whole = campaign_stats(campaign_id=campaign.pk, user_id=staff.pk, now=now)
    assert (whole["from"], whole["to"]) == (
        datetime(2026, 5, 1, 9, tzinfo=zone),
        datetime(2026, 5, 20, 13, tzinfo=zone),
    )
    assert whole["baseline"]["from"] == datetime(2026, 5, 1, 9, tzinfo=zone) - (whole["to"] - whole["from"])
    days = campaign_stats(
        campaign_id=campaign.pk, user_id=staff.pk, from_=date(2026, 5, 3), to=date(2026, 5, 4), now=now
    )
    assert (days["from"], days["to"]) == (datetime(2026, 5, 3, tzinfo=zone), datetime(2026, 5, 5, tzinfo=zone))
    assert [row["bucket_start"].day for row in days["series"]] == [3, 4]
    hours = campaign_stats(
        campaign_id=campaign.pk,
        user_id=staff.pk,
        from_=datetime(2026, 5, 3, 10, 20),
        to=datetime(2026, 5, 3, 3, 5, tzinfo=ZoneInfo("UTC")),  # 12:05 in Seoul
        bucket="hour",
        now=now,
    )
    assert (hours["from"], hours["to"]) == (
        datetime(2026, 5, 3, 10, tzinfo=zone),
        datetime(2026, 5, 3, 13, tzinfo=zone),
    )
    assert len(hours["series"]) == 3


def test_weeks_start_on_local_mondays_and_cover_the_range():
    """Week rows start on the Monday (local midnight) on or before `from`; a week cut by the range counts only the
    range's part of it, and the rows add up to the totals."""
    zone = ZoneInfo("America/New_York")
    merchant = factories.MerchantFactory(timezone="America/New_York")
    now = datetime(2026, 5, 20, 12, 30, tzinfo=zone)
    campaign = factories.CampaignFactory(
        merchant=merchant,
        starts_at=datetime(2026, 5, 2, 9, 15, tzinfo=zone),  # a Saturday
        ends_at=datetime(2026, 6, 1, tzinfo=zone),
    )
    staff = factories.MerchantStaffFactory(merchant=merchant).user
    visitor = factories.UserFactory()
    # Sunday 23:30 and Monday 00:30 local time: two weeks, though both are the same day in UTC.
    for moment in (datetime(2026, 5, 10, 23, 30, tzinfo=zone), datetime(2026, 5, 11, 0, 30, tzinfo=zone)):
        factories.CheckinFactory(merchant=merchant, user=visitor, created_at=moment)
    rollups_fold(now=now)
    stats = campaign_stats(campaign_id=campaign.pk, user_id=staff.pk, bucket="week", now=now)
    starts = [row["bucket_start"] for row in stats["series"]]
    assert starts == [datetime(2026, 4, 27, tzinfo=zone) + timedelta(days=7 * n) for n in range(4)]
    assert all(start.weekday() == 0 for start in starts)
    by_week = {row["bucket_start"].date(): (row["checkins"], row["unique_visitors"]) for row in stats["series"]}
    assert by_week[date(2026, 5, 4)] == (1, 1) and by_week[date(2026, 5, 11)] == (1, 1)
    assert_stats_match_raw(stats, now=now)
    cut = campaign_stats(
        campaign_id=campaign.pk, user_id=staff.pk, from_=date(2026, 5, 11), to=date(2026, 5, 11), bucket="week", now=now
    )
    assert [(row["bucket_start"].date(), row["checkins"]) for row in cut["series"]] == [(date(2026, 5, 11), 1)]
