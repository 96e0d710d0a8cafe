from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_merchant import NotificationMerchant


T = TypeVar("T", bound="CouponIssuedData")


@_attrs_define
class CouponIssuedData:
    """
    Attributes:
        coupon_id (int): The coupon, now in your wallet (GET /me/coupons/{coupon_id}).
        campaign_id (int):
        title (str): The coupon's title.
        merchant (NotificationMerchant):
        reason (str): Why you got it: `with_friends` (a friend's check-in unlocked a group offer).
        by_user_id (int): The friend whose check-in unlocked it.
    """

    coupon_id: int
    campaign_id: int
    title: str
    merchant: NotificationMerchant
    reason: str
    by_user_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coupon_id = self.coupon_id

        campaign_id = self.campaign_id

        title = self.title

        merchant = self.merchant.to_dict()

        reason = self.reason

        by_user_id = self.by_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coupon_id": coupon_id,
                "campaign_id": campaign_id,
                "title": title,
                "merchant": merchant,
                "reason": reason,
                "by_user_id": by_user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_merchant import NotificationMerchant  # noqa: PLC0415

        d = dict(src_dict)
        coupon_id = d.pop("coupon_id")

        campaign_id = d.pop("campaign_id")

        title = d.pop("title")

        merchant = NotificationMerchant.from_dict(d.pop("merchant"))

        reason = d.pop("reason")

        by_user_id = d.pop("by_user_id")

        coupon_issued_data = cls(
            coupon_id=coupon_id,
            campaign_id=campaign_id,
            title=title,
            merchant=merchant,
            reason=reason,
            by_user_id=by_user_id,
        )

        coupon_issued_data.additional_properties = d
        return coupon_issued_data

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
