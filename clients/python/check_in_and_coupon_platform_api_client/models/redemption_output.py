from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person_output import PersonOutput
    from ..models.redemption_coupon_output import RedemptionCouponOutput


T = TypeVar("T", bound="RedemptionOutput")


@_attrs_define
class RedemptionOutput:
    """
    Attributes:
        id (int):
        coupon (RedemptionCouponOutput):
        user (PersonOutput):
        redeemed_at (datetime.datetime):
        redeemed_by (None | PersonOutput): The staff who redeemed it (null if since deleted).
        voided_at (datetime.datetime | None): When it was voided; null while it stands.
        voided_by (None | PersonOutput): The owner or manager who voided it; null while it stands.
    """

    id: int
    coupon: RedemptionCouponOutput
    user: PersonOutput
    redeemed_at: datetime.datetime
    redeemed_by: None | PersonOutput
    voided_at: datetime.datetime | None
    voided_by: None | PersonOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_output import PersonOutput  # noqa: PLC0415

        id = self.id

        coupon = self.coupon.to_dict()

        user = self.user.to_dict()

        redeemed_at = self.redeemed_at.isoformat()

        redeemed_by: dict[str, Any] | None
        if isinstance(self.redeemed_by, PersonOutput):
            redeemed_by = self.redeemed_by.to_dict()
        else:
            redeemed_by = self.redeemed_by

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        voided_by: dict[str, Any] | None
        if isinstance(self.voided_by, PersonOutput):
            voided_by = self.voided_by.to_dict()
        else:
            voided_by = self.voided_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "coupon": coupon,
                "user": user,
                "redeemed_at": redeemed_at,
                "redeemed_by": redeemed_by,
                "voided_at": voided_at,
                "voided_by": voided_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_output import PersonOutput  # noqa: PLC0415
        from ..models.redemption_coupon_output import RedemptionCouponOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        coupon = RedemptionCouponOutput.from_dict(d.pop("coupon"))

        user = PersonOutput.from_dict(d.pop("user"))

        redeemed_at = datetime.datetime.fromisoformat(d.pop("redeemed_at"))

        def _parse_redeemed_by(data: object) -> None | PersonOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeemed_by_type_1 = PersonOutput.from_dict(data)

                return redeemed_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonOutput, data)

        redeemed_by = _parse_redeemed_by(d.pop("redeemed_by"))

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        def _parse_voided_by(data: object) -> None | PersonOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voided_by_type_1 = PersonOutput.from_dict(data)

                return voided_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonOutput, data)

        voided_by = _parse_voided_by(d.pop("voided_by"))

        redemption_output = cls(
            id=id,
            coupon=coupon,
            user=user,
            redeemed_at=redeemed_at,
            redeemed_by=redeemed_by,
            voided_at=voided_at,
            voided_by=voided_by,
        )

        redemption_output.additional_properties = d
        return redemption_output

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
