from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_user import NotificationUser


T = TypeVar("T", bound="FriendRequestData")


@_attrs_define
class FriendRequestData:
    """
    Attributes:
        request_id (int): Accept or decline it with POST /friends/requests/{request_id}/...
        from_user (NotificationUser):
    """

    request_id: int
    from_user: NotificationUser
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        from_user = self.from_user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "from_user": from_user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_user import NotificationUser  # noqa: PLC0415

        d = dict(src_dict)
        request_id = d.pop("request_id")

        from_user = NotificationUser.from_dict(d.pop("from_user"))

        friend_request_data = cls(
            request_id=request_id,
            from_user=from_user,
        )

        friend_request_data.additional_properties = d
        return friend_request_data

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
