from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckinCreateInputRequest")


@_attrs_define
class CheckinCreateInputRequest:
    """
    Attributes:
        merchant_id (int): Where you are checking in.
        lat (float): WGS84 latitude in degrees.
        lng (float): WGS84 longitude in degrees.
        accuracy_m (float): The fix's reported accuracy (radius, metres); above the limit (200 m) is a 422.
        message (str | Unset): Optional, up to 500 characters. Default: ''.
        visibility (VisibilityEnum | Unset): * `friends` - Friends
            * `public` - Public
            * `private` - Private
    """

    merchant_id: int
    lat: float
    lng: float
    accuracy_m: float
    message: str | Unset = ""
    visibility: VisibilityEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        lat = self.lat

        lng = self.lng

        accuracy_m = self.accuracy_m

        message = self.message

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merchant_id": merchant_id,
                "lat": lat,
                "lng": lng,
                "accuracy_m": accuracy_m,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        merchant_id = d.pop("merchant_id")

        lat = d.pop("lat")

        lng = d.pop("lng")

        accuracy_m = d.pop("accuracy_m")

        message = d.pop("message", UNSET)

        _visibility = d.pop("visibility", UNSET)
        visibility: VisibilityEnum | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = VisibilityEnum(_visibility)

        checkin_create_input_request = cls(
            merchant_id=merchant_id,
            lat=lat,
            lng=lng,
            accuracy_m=accuracy_m,
            message=message,
            visibility=visibility,
        )

        checkin_create_input_request.additional_properties = d
        return checkin_create_input_request

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
