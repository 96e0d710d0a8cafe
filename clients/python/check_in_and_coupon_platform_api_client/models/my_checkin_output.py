from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum

if TYPE_CHECKING:
    from ..models.my_checkin_merchant_output import MyCheckinMerchantOutput


T = TypeVar("T", bound="MyCheckinOutput")


@_attrs_define
class MyCheckinOutput:
    """
    Attributes:
        id (int):
        merchant (MyCheckinMerchantOutput):
        message (str):
        visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
        distance_m (float): From your fix to the merchant's pin, in metres (kept for good).
        accuracy_m (float | None): Your fix's reported accuracy in metres; null once raw fixes are erased (retention, or
            consent withdrawn).
        created_at (datetime.datetime):
    """

    id: int
    merchant: MyCheckinMerchantOutput
    message: str
    visibility: VisibilityEnum
    distance_m: float
    accuracy_m: float | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        merchant = self.merchant.to_dict()

        message = self.message

        visibility = self.visibility.value

        distance_m = self.distance_m

        accuracy_m: float | None
        accuracy_m = self.accuracy_m

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant": merchant,
                "message": message,
                "visibility": visibility,
                "distance_m": distance_m,
                "accuracy_m": accuracy_m,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.my_checkin_merchant_output import MyCheckinMerchantOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        merchant = MyCheckinMerchantOutput.from_dict(d.pop("merchant"))

        message = d.pop("message")

        visibility = VisibilityEnum(d.pop("visibility"))

        distance_m = d.pop("distance_m")

        def _parse_accuracy_m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        accuracy_m = _parse_accuracy_m(d.pop("accuracy_m"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        my_checkin_output = cls(
            id=id,
            merchant=merchant,
            message=message,
            visibility=visibility,
            distance_m=distance_m,
            accuracy_m=accuracy_m,
            created_at=created_at,
        )

        my_checkin_output.additional_properties = d
        return my_checkin_output

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
