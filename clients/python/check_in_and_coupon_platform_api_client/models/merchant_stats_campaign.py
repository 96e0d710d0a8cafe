from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_status_enum import CampaignStatusEnum

T = TypeVar("T", bound="MerchantStatsCampaign")


@_attrs_define
class MerchantStatsCampaign:
    """
    Attributes:
        id (int):
        title (str):
        status (CampaignStatusEnum): * `scheduled` - Scheduled
            * `running` - Running
            * `paused` - Paused
            * `ended` - Ended
            * `sold_out` - Sold Out
        starts_at (datetime.datetime):
        ends_at (datetime.datetime):
        holdout_percent (int):
        to (datetime.datetime): Its end: the end hour, or now while it runs.
        checkins (int):
        unique_visitors (int):
        new_visitors (int):
        coupons_issued (int):
        coupons_redeemed (int):
        redemption_rate (float | None):
        from_ (datetime.datetime): Start of the campaign's statistics period (whole local hour).
    """

    id: int
    title: str
    status: CampaignStatusEnum
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    holdout_percent: int
    to: datetime.datetime
    checkins: int
    unique_visitors: int
    new_visitors: int
    coupons_issued: int
    coupons_redeemed: int
    redemption_rate: float | None
    from_: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        status = self.status.value

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        holdout_percent = self.holdout_percent

        to = self.to.isoformat()

        checkins = self.checkins

        unique_visitors = self.unique_visitors

        new_visitors = self.new_visitors

        coupons_issued = self.coupons_issued

        coupons_redeemed = self.coupons_redeemed

        redemption_rate: float | None
        redemption_rate = self.redemption_rate

        from_ = self.from_.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "holdout_percent": holdout_percent,
                "to": to,
                "checkins": checkins,
                "unique_visitors": unique_visitors,
                "new_visitors": new_visitors,
                "coupons_issued": coupons_issued,
                "coupons_redeemed": coupons_redeemed,
                "redemption_rate": redemption_rate,
                "from": from_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        status = CampaignStatusEnum(d.pop("status"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        holdout_percent = d.pop("holdout_percent")

        to = datetime.datetime.fromisoformat(d.pop("to"))

        checkins = d.pop("checkins")

        unique_visitors = d.pop("unique_visitors")

        new_visitors = d.pop("new_visitors")

        coupons_issued = d.pop("coupons_issued")

        coupons_redeemed = d.pop("coupons_redeemed")

        def _parse_redemption_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        redemption_rate = _parse_redemption_rate(d.pop("redemption_rate"))

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        merchant_stats_campaign = cls(
            id=id,
            title=title,
            status=status,
            starts_at=starts_at,
            ends_at=ends_at,
            holdout_percent=holdout_percent,
            to=to,
            checkins=checkins,
            unique_visitors=unique_visitors,
            new_visitors=new_visitors,
            coupons_issued=coupons_issued,
            coupons_redeemed=coupons_redeemed,
            redemption_rate=redemption_rate,
            from_=from_,
        )

        merchant_stats_campaign.additional_properties = d
        return merchant_stats_campaign

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
