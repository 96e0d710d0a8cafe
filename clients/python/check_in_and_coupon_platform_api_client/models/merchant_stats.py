from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.merchant_stats_campaign import MerchantStatsCampaign
    from ..models.merchant_stats_merchant import MerchantStatsMerchant


T = TypeVar("T", bound="MerchantStats")


@_attrs_define
class MerchantStats:
    """
    Attributes:
        merchant (MerchantStatsMerchant):
        role (str): Your role at this merchant.
        as_of (datetime.datetime | None):
        campaigns (list[MerchantStatsCampaign]): Newest first, each with the same figures as its statistics over its
            whole period.
    """

    merchant: MerchantStatsMerchant
    role: str
    as_of: datetime.datetime | None
    campaigns: list[MerchantStatsCampaign]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merchant = self.merchant.to_dict()

        role = self.role

        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        campaigns = []
        for campaigns_item_data in self.campaigns:
            campaigns_item = campaigns_item_data.to_dict()
            campaigns.append(campaigns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merchant": merchant,
                "role": role,
                "as_of": as_of,
                "campaigns": campaigns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_stats_campaign import MerchantStatsCampaign  # noqa: PLC0415
        from ..models.merchant_stats_merchant import MerchantStatsMerchant  # noqa: PLC0415

        d = dict(src_dict)
        merchant = MerchantStatsMerchant.from_dict(d.pop("merchant"))

        role = d.pop("role")

        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        campaigns = []
        _campaigns = d.pop("campaigns")
        for campaigns_item_data in _campaigns:
            campaigns_item = MerchantStatsCampaign.from_dict(campaigns_item_data)

            campaigns.append(campaigns_item)

        merchant_stats = cls(
            merchant=merchant,
            role=role,
            as_of=as_of,
            campaigns=campaigns,
        )

        merchant_stats.additional_properties = d
        return merchant_stats

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
