from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignStatsHoldoutGroup")


@_attrs_define
class CampaignStatsHoldoutGroup:
    """
    Attributes:
        users (int): Distinct users of the group who met the trigger in the range.
        revisited (int): Of those, users who checked in here again within 30 days after meeting it.
        revisit_rate (float | None): revisited / users.
    """

    users: int
    revisited: int
    revisit_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        users = self.users

        revisited = self.revisited

        revisit_rate: float | None
        revisit_rate = self.revisit_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "users": users,
                "revisited": revisited,
                "revisit_rate": revisit_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        users = d.pop("users")

        revisited = d.pop("revisited")

        def _parse_revisit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        revisit_rate = _parse_revisit_rate(d.pop("revisit_rate"))

        campaign_stats_holdout_group = cls(
            users=users,
            revisited=revisited,
            revisit_rate=revisit_rate,
        )

        campaign_stats_holdout_group.additional_properties = d
        return campaign_stats_holdout_group

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
