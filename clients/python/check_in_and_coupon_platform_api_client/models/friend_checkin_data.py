from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_merchant_with_category import NotificationMerchantWithCategory
    from ..models.notification_user import NotificationUser


T = TypeVar("T", bound="FriendCheckinData")


@_attrs_define
class FriendCheckinData:
    """
    Attributes:
        checkin_id (int):
        user (NotificationUser):
        merchant (NotificationMerchantWithCategory):
        message (str): The check-in's message (may be empty).
    """

    checkin_id: int
    user: NotificationUser
    merchant: NotificationMerchantWithCategory
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkin_id = self.checkin_id

        user = self.user.to_dict()

        merchant = self.merchant.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkin_id": checkin_id,
                "user": user,
                "merchant": merchant,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_merchant_with_category import NotificationMerchantWithCategory  # noqa: PLC0415
        from ..models.notification_user import NotificationUser  # noqa: PLC0415

        d = dict(src_dict)
        checkin_id = d.pop("checkin_id")

        user = NotificationUser.from_dict(d.pop("user"))

        merchant = NotificationMerchantWithCategory.from_dict(d.pop("merchant"))

        message = d.pop("message")

        friend_checkin_data = cls(
            checkin_id=checkin_id,
            user=user,
            merchant=merchant,
            message=message,
        )

        friend_checkin_data.additional_properties = d
        return friend_checkin_data

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
