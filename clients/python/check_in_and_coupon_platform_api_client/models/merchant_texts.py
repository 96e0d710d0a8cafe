from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MerchantTexts")


@_attrs_define
class MerchantTexts:
    """Merchant texts in one language.

    Attributes:
        name (str | Unset): `name` in this language.
        address (str | Unset): `address` in this language.
    """

    name: str | Unset = UNSET
    address: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        address = d.pop("address", UNSET)

        merchant_texts = cls(
            name=name,
            address=address,
        )

        return merchant_texts
