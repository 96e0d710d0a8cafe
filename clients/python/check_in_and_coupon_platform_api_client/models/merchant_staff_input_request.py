from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merchant_staff_input_role_enum import MerchantStaffInputRoleEnum

T = TypeVar("T", bound="MerchantStaffInputRequest")


@_attrs_define
class MerchantStaffInputRequest:
    """
    Attributes:
        username (str): The exact username of the person to add.
        role (MerchantStaffInputRoleEnum): * `manager` - manager
            * `clerk` - clerk
    """

    username: str
    role: MerchantStaffInputRoleEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        role = MerchantStaffInputRoleEnum(d.pop("role"))

        merchant_staff_input_request = cls(
            username=username,
            role=role,
        )

        merchant_staff_input_request.additional_properties = d
        return merchant_staff_input_request

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
