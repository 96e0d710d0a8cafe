from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.type_enum import TypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignTriggerOutput")


@_attrs_define
class CampaignTriggerOutput:
    """
    Attributes:
        type_ (TypeEnum): * `every_checkin` - every_checkin
            * `first_visit` - first_visit
            * `nth_visit` - nth_visit
            * `with_friends` - with_friends
        visits (int | Unset):
        friends (int | Unset):
        window_minutes (int | Unset):
    """

    type_: TypeEnum
    visits: int | Unset = UNSET
    friends: int | Unset = UNSET
    window_minutes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        visits = self.visits

        friends = self.friends

        window_minutes = self.window_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if visits is not UNSET:
            field_dict["visits"] = visits
        if friends is not UNSET:
            field_dict["friends"] = friends
        if window_minutes is not UNSET:
            field_dict["window_minutes"] = window_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = TypeEnum(d.pop("type"))

        visits = d.pop("visits", UNSET)

        friends = d.pop("friends", UNSET)

        window_minutes = d.pop("window_minutes", UNSET)

        campaign_trigger_output = cls(
            type_=type_,
            visits=visits,
            friends=friends,
            window_minutes=window_minutes,
        )

        campaign_trigger_output.additional_properties = d
        return campaign_trigger_output

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
