from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LikeStateOutput")


@_attrs_define
class LikeStateOutput:
    """
    Attributes:
        checkin_id (int):
        liked (bool):
        like_count (int):
    """

    checkin_id: int
    liked: bool
    like_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkin_id = self.checkin_id

        liked = self.liked

        like_count = self.like_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkin_id": checkin_id,
                "liked": liked,
                "like_count": like_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checkin_id = d.pop("checkin_id")

        liked = d.pop("liked")

        like_count = d.pop("like_count")

        like_state_output = cls(
            checkin_id=checkin_id,
            liked=liked,
            like_count=like_count,
        )

        like_state_output.additional_properties = d
        return like_state_output

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
