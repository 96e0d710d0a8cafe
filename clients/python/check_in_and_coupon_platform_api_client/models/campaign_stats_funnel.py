from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignStatsFunnel")


@_attrs_define
class CampaignStatsFunnel:
    """
    Attributes:
        viewers (int): Distinct signed-in users who opened the merchant's detail.
        checked_in (int): Distinct users who checked in (= totals.unique_visitors).
        eligible (int): Distinct users who met the trigger (holdout included).
        issued (int): Distinct users who got a coupon of this campaign.
        redeemed (int): Distinct users who redeemed a coupon of this campaign.
        returned_30d (int): Distinct users who redeemed in the range and checked in here again within 30 days after.
    """

    viewers: int
    checked_in: int
    eligible: int
    issued: int
    redeemed: int
    returned_30d: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        viewers = self.viewers

        checked_in = self.checked_in

        eligible = self.eligible

        issued = self.issued

        redeemed = self.redeemed

        returned_30d = self.returned_30d

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "viewers": viewers,
                "checked_in": checked_in,
                "eligible": eligible,
                "issued": issued,
                "redeemed": redeemed,
                "returned_30d": returned_30d,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        viewers = d.pop("viewers")

        checked_in = d.pop("checked_in")

        eligible = d.pop("eligible")

        issued = d.pop("issued")

        redeemed = d.pop("redeemed")

        returned_30d = d.pop("returned_30d")

        campaign_stats_funnel = cls(
            viewers=viewers,
            checked_in=checked_in,
            eligible=eligible,
            issued=issued,
            redeemed=redeemed,
            returned_30d=returned_30d,
        )

        campaign_stats_funnel.additional_properties = d
        return campaign_stats_funnel

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
