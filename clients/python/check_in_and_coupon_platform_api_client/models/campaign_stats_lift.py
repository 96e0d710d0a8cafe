from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignStatsLift")


@_attrs_define
class CampaignStatsLift:
    """
    Attributes:
        checkins (float | None): totals.checkins / baseline.checkins.
        unique_visitors (float | None): totals.unique_visitors / baseline.unique_visitors.
    """

    checkins: float | None
    unique_visitors: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkins: float | None
        checkins = self.checkins

        unique_visitors: float | None
        unique_visitors = self.unique_visitors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkins": checkins,
                "unique_visitors": unique_visitors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_checkins(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        checkins = _parse_checkins(d.pop("checkins"))

        def _parse_unique_visitors(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        unique_visitors = _parse_unique_visitors(d.pop("unique_visitors"))

        campaign_stats_lift = cls(
            checkins=checkins,
            unique_visitors=unique_visitors,
        )

        campaign_stats_lift.additional_properties = d
        return campaign_stats_lift

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
