from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignStatsBaseline")


@_attrs_define
class CampaignStatsBaseline:
    """
    Attributes:
        to (datetime.datetime): End of the baseline period: the campaign's start hour.
        checkins (int):
        unique_visitors (int):
        new_visitors (int):
        returning_visitors (int):
        from_ (datetime.datetime): Start of the baseline period.
    """

    to: datetime.datetime
    checkins: int
    unique_visitors: int
    new_visitors: int
    returning_visitors: int
    from_: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to.isoformat()

        checkins = self.checkins

        unique_visitors = self.unique_visitors

        new_visitors = self.new_visitors

        returning_visitors = self.returning_visitors

        from_ = self.from_.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "checkins": checkins,
                "unique_visitors": unique_visitors,
                "new_visitors": new_visitors,
                "returning_visitors": returning_visitors,
                "from": from_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = datetime.datetime.fromisoformat(d.pop("to"))

        checkins = d.pop("checkins")

        unique_visitors = d.pop("unique_visitors")

        new_visitors = d.pop("new_visitors")

        returning_visitors = d.pop("returning_visitors")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        campaign_stats_baseline = cls(
            to=to,
            checkins=checkins,
            unique_visitors=unique_visitors,
            new_visitors=new_visitors,
            returning_visitors=returning_visitors,
            from_=from_,
        )

        campaign_stats_baseline.additional_properties = d
        return campaign_stats_baseline

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
