from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum

if TYPE_CHECKING:
    from ..models.location import Location
    from ..models.merchant_translations import MerchantTranslations


T = TypeVar("T", bound="MerchantForStaff")


@_attrs_define
class MerchantForStaff:
    """A merchant as its staff see it: the texts in the request's language, and every translation of them.

    Attributes:
        id (int):
        name (str): In the request's language (`Accept-Language`) when translated, else the original.
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
        address (str): In the request's language (`Accept-Language`) when translated, else the original.
        location (Location):
        checkin_radius_m (int):
        timezone (str):
        created_at (datetime.datetime):
        translations (MerchantTranslations): Translations of the merchant's name, address by language code (codes ignore
            case). A text left out falls back to the original.
    """

    id: int
    name: str
    category: CategoryEnum
    address: str
    location: Location
    checkin_radius_m: int
    timezone: str
    created_at: datetime.datetime
    translations: MerchantTranslations
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        category = self.category.value

        address = self.address

        location = self.location.to_dict()

        checkin_radius_m = self.checkin_radius_m

        timezone = self.timezone

        created_at = self.created_at.isoformat()

        translations = self.translations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "category": category,
                "address": address,
                "location": location,
                "checkin_radius_m": checkin_radius_m,
                "timezone": timezone,
                "created_at": created_at,
                "translations": translations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location  # noqa: PLC0415
        from ..models.merchant_translations import MerchantTranslations  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        category = CategoryEnum(d.pop("category"))

        address = d.pop("address")

        location = Location.from_dict(d.pop("location"))

        checkin_radius_m = d.pop("checkin_radius_m")

        timezone = d.pop("timezone")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        translations = MerchantTranslations.from_dict(d.pop("translations"))

        merchant_for_staff = cls(
            id=id,
            name=name,
            category=category,
            address=address,
            location=location,
            checkin_radius_m=checkin_radius_m,
            timezone=timezone,
            created_at=created_at,
            translations=translations,
        )

        merchant_for_staff.additional_properties = d
        return merchant_for_staff

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
