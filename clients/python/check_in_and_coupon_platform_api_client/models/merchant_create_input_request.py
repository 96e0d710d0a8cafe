from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merchant_translations_request import MerchantTranslationsRequest


T = TypeVar("T", bound="MerchantCreateInputRequest")


@_attrs_define
class MerchantCreateInputRequest:
    """
    Attributes:
        name (str): The shop's name, 1..120 characters (the original text).
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
        address (str): The street address, as customers read it.
        lat (float): WGS84 latitude in degrees.
        lng (float): WGS84 longitude in degrees.
        checkin_radius_m (int | Unset): Check-ins are accepted within this many metres. Default: 100.
        timezone (str | Unset): The shop's time zone, an IANA time zone database name (`Asia/Seoul`, `Europe/Paris`,
            `UTC`); a name the server does not know is a 400 `validation_error`. Default: 'Asia/Seoul'. Example: Asia/Seoul.
        translations (MerchantTranslationsRequest | Unset): Translations of the merchant's name, address by language
            code (codes ignore case). A text left out falls back to the original.
    """

    name: str
    category: CategoryEnum
    address: str
    lat: float
    lng: float
    checkin_radius_m: int | Unset = 100
    timezone: str | Unset = "Asia/Seoul"
    translations: MerchantTranslationsRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        category = self.category.value

        address = self.address

        lat = self.lat

        lng = self.lng

        checkin_radius_m = self.checkin_radius_m

        timezone = self.timezone

        translations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.translations, Unset):
            translations = self.translations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "category": category,
                "address": address,
                "lat": lat,
                "lng": lng,
            }
        )
        if checkin_radius_m is not UNSET:
            field_dict["checkin_radius_m"] = checkin_radius_m
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if translations is not UNSET:
            field_dict["translations"] = translations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_translations_request import MerchantTranslationsRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        category = CategoryEnum(d.pop("category"))

        address = d.pop("address")

        lat = d.pop("lat")

        lng = d.pop("lng")

        checkin_radius_m = d.pop("checkin_radius_m", UNSET)

        timezone = d.pop("timezone", UNSET)

        _translations = d.pop("translations", UNSET)
        translations: MerchantTranslationsRequest | Unset
        if isinstance(_translations, Unset):
            translations = UNSET
        else:
            translations = MerchantTranslationsRequest.from_dict(_translations)

        merchant_create_input_request = cls(
            name=name,
            category=category,
            address=address,
            lat=lat,
            lng=lng,
            checkin_radius_m=checkin_radius_m,
            timezone=timezone,
            translations=translations,
        )

        merchant_create_input_request.additional_properties = d
        return merchant_create_input_request

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
