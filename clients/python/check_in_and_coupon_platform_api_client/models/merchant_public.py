from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category_enum import CategoryEnum

if TYPE_CHECKING:
    from ..models.campaign_public import CampaignPublic
    from ..models.location import Location


T = TypeVar("T", bound="MerchantPublic")


@_attrs_define
class MerchantPublic:
    """
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
        active_campaigns (list[CampaignPublic]): Running campaigns (no stock or statistics).
    """

    id: int
    name: str
    category: CategoryEnum
    address: str
    location: Location
    checkin_radius_m: int
    timezone: str
    created_at: datetime.datetime
    active_campaigns: list[CampaignPublic]
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

        active_campaigns = []
        for active_campaigns_item_data in self.active_campaigns:
            active_campaigns_item = active_campaigns_item_data.to_dict()
            active_campaigns.append(active_campaigns_item)

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
                "active_campaigns": active_campaigns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_public import CampaignPublic  # noqa: PLC0415
        from ..models.location import Location  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        category = CategoryEnum(d.pop("category"))

        address = d.pop("address")

        location = Location.from_dict(d.pop("location"))

        checkin_radius_m = d.pop("checkin_radius_m")

        timezone = d.pop("timezone")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        active_campaigns = []
        _active_campaigns = d.pop("active_campaigns")
        for active_campaigns_item_data in _active_campaigns:
            active_campaigns_item = CampaignPublic.from_dict(active_campaigns_item_data)

            active_campaigns.append(active_campaigns_item)

        merchant_public = cls(
            id=id,
            name=name,
            category=category,
            address=address,
            location=location,
            checkin_radius_m=checkin_radius_m,
            timezone=timezone,
            created_at=created_at,
            active_campaigns=active_campaigns,
        )

        merchant_public.additional_properties = d
        return merchant_public

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
