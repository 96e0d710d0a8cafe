from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_brief import UserBrief


T = TypeVar("T", bound="ExportFriend")


@_attrs_define
class ExportFriend:
    """
    Attributes:
        user (UserBrief):
        since (datetime.datetime):
    """

    user: UserBrief
    since: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_brief import UserBrief  # noqa: PLC0415

        d = dict(src_dict)
        user = UserBrief.from_dict(d.pop("user"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        export_friend = cls(
            user=user,
            since=since,
        )

        export_friend.additional_properties = d
        return export_friend

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
