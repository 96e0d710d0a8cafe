from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_type_enum import NotificationTypeEnum

if TYPE_CHECKING:
    from ..models.export_notification_data import ExportNotificationData


T = TypeVar("T", bound="ExportNotification")


@_attrs_define
class ExportNotification:
    """
    Attributes:
        id (int):
        type_ (NotificationTypeEnum): * `friend_request` - Friend Request
            * `friend_accepted` - Friend Accepted
            * `friend_checkin` - Friend Checkin
            * `coupon_issued` - Coupon Issued
            * `like` - Like
            * `comment` - Comment
        data (ExportNotificationData): As in GET /notifications.
        read (bool):
        created_at (datetime.datetime):
    """

    id: int
    type_: NotificationTypeEnum
    data: ExportNotificationData
    read: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        data = self.data.to_dict()

        read = self.read

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "data": data,
                "read": read,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_notification_data import ExportNotificationData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = NotificationTypeEnum(d.pop("type"))

        data = ExportNotificationData.from_dict(d.pop("data"))

        read = d.pop("read")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        export_notification = cls(
            id=id,
            type_=type_,
            data=data,
            read=read,
            created_at=created_at,
        )

        export_notification.additional_properties = d
        return export_notification

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
