from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.friend_status_enum import FriendStatusEnum

if TYPE_CHECKING:
    from ..models.user_brief import UserBrief


T = TypeVar("T", bound="FriendRequest")


@_attrs_define
class FriendRequest:
    """
    Attributes:
        id (int):
        from_user (UserBrief):
        to_user (UserBrief):
        status (FriendStatusEnum): * `pending` - Pending
            * `accepted` - Accepted
            * `declined` - Declined
        created_at (datetime.datetime):
        responded_at (datetime.datetime | None):
    """

    id: int
    from_user: UserBrief
    to_user: UserBrief
    status: FriendStatusEnum
    created_at: datetime.datetime
    responded_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_user = self.from_user.to_dict()

        to_user = self.to_user.to_dict()

        status = self.status.value

        created_at = self.created_at.isoformat()

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from_user": from_user,
                "to_user": to_user,
                "status": status,
                "created_at": created_at,
                "responded_at": responded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_brief import UserBrief  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        from_user = UserBrief.from_dict(d.pop("from_user"))

        to_user = UserBrief.from_dict(d.pop("to_user"))

        status = FriendStatusEnum(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        friend_request = cls(
            id=id,
            from_user=from_user,
            to_user=to_user,
            status=status,
            created_at=created_at,
            responded_at=responded_at,
        )

        friend_request.additional_properties = d
        return friend_request

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
