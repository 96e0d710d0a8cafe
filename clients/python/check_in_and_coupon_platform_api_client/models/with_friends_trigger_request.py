from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.with_friends_trigger_type_enum import WithFriendsTriggerTypeEnum

T = TypeVar("T", bound="WithFriendsTriggerRequest")


@_attrs_define
class WithFriendsTriggerRequest:
    """The `with_friends` trigger: Checking in with friends.

    Attributes:
        type_ (WithFriendsTriggerTypeEnum): * `with_friends` - with_friends
        friends (int): `with_friends` only: at least this many friends checked in here within the window (private check-
            ins take no part: they neither count nor unlock a group).
        window_minutes (int): `with_friends` only: the window, 1..1440 minutes.
    """

    type_: WithFriendsTriggerTypeEnum
    friends: int
    window_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        friends = self.friends

        window_minutes = self.window_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "friends": friends,
                "window_minutes": window_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WithFriendsTriggerTypeEnum(d.pop("type"))

        friends = d.pop("friends")

        window_minutes = d.pop("window_minutes")

        with_friends_trigger_request = cls(
            type_=type_,
            friends=friends,
            window_minutes=window_minutes,
        )

        with_friends_trigger_request.additional_properties = d
        return with_friends_trigger_request

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
