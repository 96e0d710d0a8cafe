from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_enum import BucketEnum

if TYPE_CHECKING:
    from ..models.campaign_stats_baseline import CampaignStatsBaseline
    from ..models.campaign_stats_funnel import CampaignStatsFunnel
    from ..models.campaign_stats_holdout import CampaignStatsHoldout
    from ..models.campaign_stats_lift import CampaignStatsLift
    from ..models.campaign_stats_series_row import CampaignStatsSeriesRow
    from ..models.campaign_stats_totals import CampaignStatsTotals


T = TypeVar("T", bound="CampaignStats")


@_attrs_define
class CampaignStats:
    """
    Attributes:
        campaign_id (int):
        merchant_id (int):
        title (str):
        timezone (str): The merchant's time zone: hours and days are local to it.
        bucket (BucketEnum): * `hour` - hour
            * `day` - day
            * `week` - week
        to (datetime.datetime): End of the range actually used (exclusive).
        as_of (datetime.datetime | None): The figures include everything written before this.
        totals (CampaignStatsTotals):
        funnel (CampaignStatsFunnel):
        baseline (CampaignStatsBaseline):
        lift (CampaignStatsLift):
        holdout (CampaignStatsHoldout | None): Null unless the campaign keeps a holdout (holdout_percent > 0): eligible
            users split at random, stably per user; the holdout gets no coupon.
        series (list[CampaignStatsSeriesRow]): One row per local hour, day or week of the range, oldest first.
        from_ (datetime.datetime): Start of the range actually used (whole local hour).
    """

    campaign_id: int
    merchant_id: int
    title: str
    timezone: str
    bucket: BucketEnum
    to: datetime.datetime
    as_of: datetime.datetime | None
    totals: CampaignStatsTotals
    funnel: CampaignStatsFunnel
    baseline: CampaignStatsBaseline
    lift: CampaignStatsLift
    holdout: CampaignStatsHoldout | None
    series: list[CampaignStatsSeriesRow]
    from_: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaign_stats_holdout import CampaignStatsHoldout  # noqa: PLC0415

        campaign_id = self.campaign_id

        merchant_id = self.merchant_id

        title = self.title

        timezone = self.timezone

        bucket = self.bucket.value

        to = self.to.isoformat()

        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        totals = self.totals.to_dict()

        funnel = self.funnel.to_dict()

        baseline = self.baseline.to_dict()

        lift = self.lift.to_dict()

        holdout: dict[str, Any] | None
        if isinstance(self.holdout, CampaignStatsHoldout):
            holdout = self.holdout.to_dict()
        else:
            holdout = self.holdout

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        from_ = self.from_.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "merchant_id": merchant_id,
                "title": title,
                "timezone": timezone,
                "bucket": bucket,
                "to": to,
                "as_of": as_of,
                "totals": totals,
                "funnel": funnel,
                "baseline": baseline,
                "lift": lift,
                "holdout": holdout,
                "series": series,
                "from": from_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_stats_baseline import CampaignStatsBaseline  # noqa: PLC0415
        from ..models.campaign_stats_funnel import CampaignStatsFunnel  # noqa: PLC0415
        from ..models.campaign_stats_holdout import CampaignStatsHoldout  # noqa: PLC0415
        from ..models.campaign_stats_lift import CampaignStatsLift  # noqa: PLC0415
        from ..models.campaign_stats_series_row import CampaignStatsSeriesRow  # noqa: PLC0415
        from ..models.campaign_stats_totals import CampaignStatsTotals  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = d.pop("campaign_id")

        merchant_id = d.pop("merchant_id")

        title = d.pop("title")

        timezone = d.pop("timezone")

        bucket = BucketEnum(d.pop("bucket"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        totals = CampaignStatsTotals.from_dict(d.pop("totals"))

        funnel = CampaignStatsFunnel.from_dict(d.pop("funnel"))

        baseline = CampaignStatsBaseline.from_dict(d.pop("baseline"))

        lift = CampaignStatsLift.from_dict(d.pop("lift"))

        def _parse_holdout(data: object) -> CampaignStatsHoldout | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                holdout_type_1 = CampaignStatsHoldout.from_dict(data)

                return holdout_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CampaignStatsHoldout | None, data)

        holdout = _parse_holdout(d.pop("holdout"))

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = CampaignStatsSeriesRow.from_dict(series_item_data)

            series.append(series_item)

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        campaign_stats = cls(
            campaign_id=campaign_id,
            merchant_id=merchant_id,
            title=title,
            timezone=timezone,
            bucket=bucket,
            to=to,
            as_of=as_of,
            totals=totals,
            funnel=funnel,
            baseline=baseline,
            lift=lift,
            holdout=holdout,
            series=series,
            from_=from_,
        )

        campaign_stats.additional_properties = d
        return campaign_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
