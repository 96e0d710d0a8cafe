from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.friend_checkin_notification_type_enum import FriendCheckinNotificationTypeEnum

if TYPE_CHECKING:
    from ..models.friend_checkin_data import FriendCheckinData


T = TypeVar("T", bound="FriendCheckinNotification")


@_attrs_define
class FriendCheckinNotification:
    """A `friend_checkin` notification.

    Attributes:
        id (int):
        type_ (FriendCheckinNotificationTypeEnum): * `friend_checkin` - friend_checkin
        created_at (datetime.datetime):
        read (bool):
        data (FriendCheckinData):
    """

    id: int
    type_: FriendCheckinNotificationTypeEnum
    created_at: datetime.datetime
    read: bool
    data: FriendCheckinData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        created_at = self.created_at.isoformat()

        read = self.read

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "created_at": created_at,
                "read": read,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.friend_checkin_data import FriendCheckinData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = FriendCheckinNotificationTypeEnum(d.pop("type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        read = d.pop("read")

        data = FriendCheckinData.from_dict(d.pop("data"))

        friend_checkin_notification = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            read=read,
            data=data,
        )

        friend_checkin_notification.additional_properties = d
        return friend_checkin_notification

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
