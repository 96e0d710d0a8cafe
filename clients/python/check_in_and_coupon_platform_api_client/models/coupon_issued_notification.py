from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coupon_issued_notification_type_enum import CouponIssuedNotificationTypeEnum

if TYPE_CHECKING:
    from ..models.coupon_issued_data import CouponIssuedData


T = TypeVar("T", bound="CouponIssuedNotification")


@_attrs_define
class CouponIssuedNotification:
    """A `coupon_issued` notification.

    Attributes:
        id (int):
        type_ (CouponIssuedNotificationTypeEnum): * `coupon_issued` - coupon_issued
        created_at (datetime.datetime):
        read (bool):
        data (CouponIssuedData):
    """

    id: int
    type_: CouponIssuedNotificationTypeEnum
    created_at: datetime.datetime
    read: bool
    data: CouponIssuedData
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
        from ..models.coupon_issued_data import CouponIssuedData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = CouponIssuedNotificationTypeEnum(d.pop("type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        read = d.pop("read")

        data = CouponIssuedData.from_dict(d.pop("data"))

        coupon_issued_notification = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            read=read,
            data=data,
        )

        coupon_issued_notification.additional_properties = d
        return coupon_issued_notification

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
