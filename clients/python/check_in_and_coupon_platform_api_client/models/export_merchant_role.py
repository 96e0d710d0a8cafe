from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role_enum import StaffRoleEnum

T = TypeVar("T", bound="ExportMerchantRole")


@_attrs_define
class ExportMerchantRole:
    """
    Attributes:
        merchant_id (int):
        merchant_name (str):
        role (StaffRoleEnum): * `owner` - Owner
            * `manager` - Manager
            * `clerk` - Clerk
        created_at (datetime.datetime):
    """

    merchant_id: int
    merchant_name: str
    role: StaffRoleEnum
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        merchant_name = self.merchant_name

        role = self.role.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merchant_id": merchant_id,
                "merchant_name": merchant_name,
                "role": role,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        merchant_id = d.pop("merchant_id")

        merchant_name = d.pop("merchant_name")

        role = StaffRoleEnum(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        export_merchant_role = cls(
            merchant_id=merchant_id,
            merchant_name=merchant_name,
            role=role,
            created_at=created_at,
        )

        export_merchant_role.additional_properties = d
        return export_merchant_role

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
