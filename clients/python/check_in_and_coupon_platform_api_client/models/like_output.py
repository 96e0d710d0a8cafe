from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.social_user_output import SocialUserOutput


T = TypeVar("T", bound="LikeOutput")


@_attrs_define
class LikeOutput:
    """
    Attributes:
        user (SocialUserOutput):
        created_at (datetime.datetime):
    """

    user: SocialUserOutput
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.social_user_output import SocialUserOutput  # noqa: PLC0415

        d = dict(src_dict)
        user = SocialUserOutput.from_dict(d.pop("user"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        like_output = cls(
            user=user,
            created_at=created_at,
        )

        like_output.additional_properties = d
        return like_output

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
