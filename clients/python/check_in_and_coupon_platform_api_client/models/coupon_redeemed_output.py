from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coupon_status_enum import CouponStatusEnum

if TYPE_CHECKING:
    from ..models.coupon_holder_output import CouponHolderOutput
    from ..models.coupon_merchant_output import CouponMerchantOutput


T = TypeVar("T", bound="CouponRedeemedOutput")


@_attrs_define
class CouponRedeemedOutput:
    """
    Attributes:
        id (int):
        code (str):
        title (str):
        campaign_id (int):
        merchant (CouponMerchantOutput):
        status (CouponStatusEnum): * `active` - Active
            * `redeemed` - Redeemed
            * `expired` - Expired
        issued_at (datetime.datetime):
        expires_at (datetime.datetime):
        redeemed_at (datetime.datetime | None):
        user (CouponHolderOutput):
    """

    id: int
    code: str
    title: str
    campaign_id: int
    merchant: CouponMerchantOutput
    status: CouponStatusEnum
    issued_at: datetime.datetime
    expires_at: datetime.datetime
    redeemed_at: datetime.datetime | None
    user: CouponHolderOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        title = self.title

        campaign_id = self.campaign_id

        merchant = self.merchant.to_dict()

        status = self.status.value

        issued_at = self.issued_at.isoformat()

        expires_at = self.expires_at.isoformat()

        redeemed_at: None | str
        if isinstance(self.redeemed_at, datetime.datetime):
            redeemed_at = self.redeemed_at.isoformat()
        else:
            redeemed_at = self.redeemed_at

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "title": title,
                "campaign_id": campaign_id,
                "merchant": merchant,
                "status": status,
                "issued_at": issued_at,
                "expires_at": expires_at,
                "redeemed_at": redeemed_at,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coupon_holder_output import CouponHolderOutput  # noqa: PLC0415
        from ..models.coupon_merchant_output import CouponMerchantOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        title = d.pop("title")

        campaign_id = d.pop("campaign_id")

        merchant = CouponMerchantOutput.from_dict(d.pop("merchant"))

        status = CouponStatusEnum(d.pop("status"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_redeemed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                redeemed_at_type_0 = datetime.datetime.fromisoformat(data)

                return redeemed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        redeemed_at = _parse_redeemed_at(d.pop("redeemed_at"))

        user = CouponHolderOutput.from_dict(d.pop("user"))

        coupon_redeemed_output = cls(
            id=id,
            code=code,
            title=title,
            campaign_id=campaign_id,
            merchant=merchant,
            status=status,
            issued_at=issued_at,
            expires_at=expires_at,
            redeemed_at=redeemed_at,
            user=user,
        )

        coupon_redeemed_output.additional_properties = d
        return coupon_redeemed_output

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
