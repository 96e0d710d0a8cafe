from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum

T = TypeVar("T", bound="NotificationMerchantWithCategory")


@_attrs_define
class NotificationMerchantWithCategory:
    """
    Attributes:
        id (int):
        name (str):
        category (CategoryEnum): * `cafe` - Cafe
            * `bakery` - Bakery
            * `restaurant` - Restaurant
            * `bar` - Bar
            * `grocery` - Grocery
            * `retail` - Retail
            * `beauty` - Beauty
            * `fitness` - Fitness
            * `culture` - Culture
            * `service` - Service
    """

    id: int
    name: str
    category: CategoryEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        category = self.category.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "category": category,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        category = CategoryEnum(d.pop("category"))

        notification_merchant_with_category = cls(
            id=id,
            name=name,
            category=category,
        )

        notification_merchant_with_category.additional_properties = d
        return notification_merchant_with_category

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
