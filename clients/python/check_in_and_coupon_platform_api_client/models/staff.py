from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role_enum import StaffRoleEnum

if TYPE_CHECKING:
    from ..models.staff_user import StaffUser


T = TypeVar("T", bound="Staff")


@_attrs_define
class Staff:
    """
    Attributes:
        id (int):
        merchant_id (int):
        user (StaffUser):
        role (StaffRoleEnum): * `owner` - Owner
            * `manager` - Manager
            * `clerk` - Clerk
        created_at (datetime.datetime):
    """

    id: int
    merchant_id: int
    user: StaffUser
    role: StaffRoleEnum
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        merchant_id = self.merchant_id

        user = self.user.to_dict()

        role = self.role.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant_id": merchant_id,
                "user": user,
                "role": role,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.staff_user import StaffUser  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        merchant_id = d.pop("merchant_id")

        user = StaffUser.from_dict(d.pop("user"))

        role = StaffRoleEnum(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        staff = cls(
            id=id,
            merchant_id=merchant_id,
            user=user,
            role=role,
            created_at=created_at,
        )

        staff.additional_properties = d
        return staff

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
