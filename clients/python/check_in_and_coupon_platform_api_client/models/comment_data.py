from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_user import NotificationUser


T = TypeVar("T", bound="CommentData")


@_attrs_define
class CommentData:
    """
    Attributes:
        checkin_id (int): Your check-in that was commented on.
        comment_id (int):
        user (NotificationUser):
        text (str): The comment's first 140 characters.
    """

    checkin_id: int
    comment_id: int
    user: NotificationUser
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkin_id = self.checkin_id

        comment_id = self.comment_id

        user = self.user.to_dict()

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkin_id": checkin_id,
                "comment_id": comment_id,
                "user": user,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_user import NotificationUser  # noqa: PLC0415

        d = dict(src_dict)
        checkin_id = d.pop("checkin_id")

        comment_id = d.pop("comment_id")

        user = NotificationUser.from_dict(d.pop("user"))

        text = d.pop("text")

        comment_data = cls(
            checkin_id=checkin_id,
            comment_id=comment_id,
            user=user,
            text=text,
        )

        comment_data.additional_properties = d
        return comment_data

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
