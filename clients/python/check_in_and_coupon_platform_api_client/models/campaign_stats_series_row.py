from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignStatsSeriesRow")


@_attrs_define
class CampaignStatsSeriesRow:
    """
    Attributes:
        bucket_start (datetime.datetime): Local start of the hour, day or week (a Monday), with the merchant's offset.
            The first row starts at or before `from`.
        checkins (int):
        unique_visitors (int): Distinct users who checked in within this bucket.
        coupons_issued (int):
        coupons_redeemed (int):
    """

    bucket_start: datetime.datetime
    checkins: int
    unique_visitors: int
    coupons_issued: int
    coupons_redeemed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bucket_start = self.bucket_start.isoformat()

        checkins = self.checkins

        unique_visitors = self.unique_visitors

        coupons_issued = self.coupons_issued

        coupons_redeemed = self.coupons_redeemed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bucket_start": bucket_start,
                "checkins": checkins,
                "unique_visitors": unique_visitors,
                "coupons_issued": coupons_issued,
                "coupons_redeemed": coupons_redeemed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bucket_start = datetime.datetime.fromisoformat(d.pop("bucket_start"))

        checkins = d.pop("checkins")

        unique_visitors = d.pop("unique_visitors")

        coupons_issued = d.pop("coupons_issued")

        coupons_redeemed = d.pop("coupons_redeemed")

        campaign_stats_series_row = cls(
            bucket_start=bucket_start,
            checkins=checkins,
            unique_visitors=unique_visitors,
            coupons_issued=coupons_issued,
            coupons_redeemed=coupons_redeemed,
        )

        campaign_stats_series_row.additional_properties = d
        return campaign_stats_series_row

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
