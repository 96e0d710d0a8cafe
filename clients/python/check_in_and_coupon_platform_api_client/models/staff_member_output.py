from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role_enum import StaffRoleEnum

if TYPE_CHECKING:
    from ..models.staff_user_output import StaffUserOutput


T = TypeVar("T", bound="StaffMemberOutput")


@_attrs_define
class StaffMemberOutput:
    """
    Attributes:
        user (StaffUserOutput):
        role (StaffRoleEnum): * `owner` - Owner
            * `manager` - Manager
            * `clerk` - Clerk
    """

    user: StaffUserOutput
    role: StaffRoleEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.staff_user_output import StaffUserOutput  # noqa: PLC0415

        d = dict(src_dict)
        user = StaffUserOutput.from_dict(d.pop("user"))

        role = StaffRoleEnum(d.pop("role"))

        staff_member_output = cls(
            user=user,
            role=role,
        )

        staff_member_output.additional_properties = d
        return staff_member_output

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
