from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum

if TYPE_CHECKING:
    from ..models.checkin_coupon_output import CheckinCouponOutput
    from ..models.checkin_notice_output import CheckinNoticeOutput
    from ..models.merchant_brief_output import MerchantBriefOutput


T = TypeVar("T", bound="CheckinCreateOutput")


@_attrs_define
class CheckinCreateOutput:
    """
    Attributes:
        id (int):
        merchant (MerchantBriefOutput):
        created_at (datetime.datetime):
        distance_m (float): Spheroid distance from your fix to the merchant's pin, in metres.
        visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
        message (str):
        coupons (list[CheckinCouponOutput]): Coupons this check-in earned you (often none).
        notice (CheckinNoticeOutput | None): On your first check-in only: who will see your check-ins and where to
            change it; null afterwards.
    """

    id: int
    merchant: MerchantBriefOutput
    created_at: datetime.datetime
    distance_m: float
    visibility: VisibilityEnum
    message: str
    coupons: list[CheckinCouponOutput]
    notice: CheckinNoticeOutput | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.checkin_notice_output import CheckinNoticeOutput  # noqa: PLC0415

        id = self.id

        merchant = self.merchant.to_dict()

        created_at = self.created_at.isoformat()

        distance_m = self.distance_m

        visibility = self.visibility.value

        message = self.message

        coupons = []
        for coupons_item_data in self.coupons:
            coupons_item = coupons_item_data.to_dict()
            coupons.append(coupons_item)

        notice: dict[str, Any] | None
        if isinstance(self.notice, CheckinNoticeOutput):
            notice = self.notice.to_dict()
        else:
            notice = self.notice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant": merchant,
                "created_at": created_at,
                "distance_m": distance_m,
                "visibility": visibility,
                "message": message,
                "coupons": coupons,
                "notice": notice,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkin_coupon_output import CheckinCouponOutput  # noqa: PLC0415
        from ..models.checkin_notice_output import CheckinNoticeOutput  # noqa: PLC0415
        from ..models.merchant_brief_output import MerchantBriefOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        merchant = MerchantBriefOutput.from_dict(d.pop("merchant"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        distance_m = d.pop("distance_m")

        visibility = VisibilityEnum(d.pop("visibility"))

        message = d.pop("message")

        coupons = []
        _coupons = d.pop("coupons")
        for coupons_item_data in _coupons:
            coupons_item = CheckinCouponOutput.from_dict(coupons_item_data)

            coupons.append(coupons_item)

        def _parse_notice(data: object) -> CheckinNoticeOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notice_type_1 = CheckinNoticeOutput.from_dict(data)

                return notice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CheckinNoticeOutput | None, data)

        notice = _parse_notice(d.pop("notice"))

        checkin_create_output = cls(
            id=id,
            merchant=merchant,
            created_at=created_at,
            distance_m=distance_m,
            visibility=visibility,
            message=message,
            coupons=coupons,
            notice=notice,
        )

        checkin_create_output.additional_properties = d
        return checkin_create_output

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
