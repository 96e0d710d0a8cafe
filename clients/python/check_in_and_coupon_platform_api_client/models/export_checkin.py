from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum

if TYPE_CHECKING:
    from ..models.export_named import ExportNamed
    from ..models.export_point import ExportPoint


T = TypeVar("T", bound="ExportCheckin")


@_attrs_define
class ExportCheckin:
    """
    Attributes:
        id (int):
        merchant (ExportNamed):
        created_at (datetime.datetime):
        location (ExportPoint | None): Your reported position; null once erased (retention, withdrawal).
        accuracy_m (float | None):
        distance_m (float):
        message (str):
        visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
    """

    id: int
    merchant: ExportNamed
    created_at: datetime.datetime
    location: ExportPoint | None
    accuracy_m: float | None
    distance_m: float
    message: str
    visibility: VisibilityEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.export_point import ExportPoint  # noqa: PLC0415

        id = self.id

        merchant = self.merchant.to_dict()

        created_at = self.created_at.isoformat()

        location: dict[str, Any] | None
        if isinstance(self.location, ExportPoint):
            location = self.location.to_dict()
        else:
            location = self.location

        accuracy_m: float | None
        accuracy_m = self.accuracy_m

        distance_m = self.distance_m

        message = self.message

        visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant": merchant,
                "created_at": created_at,
                "location": location,
                "accuracy_m": accuracy_m,
                "distance_m": distance_m,
                "message": message,
                "visibility": visibility,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_named import ExportNamed  # noqa: PLC0415
        from ..models.export_point import ExportPoint  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        merchant = ExportNamed.from_dict(d.pop("merchant"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_location(data: object) -> ExportPoint | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_1 = ExportPoint.from_dict(data)

                return location_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExportPoint | None, data)

        location = _parse_location(d.pop("location"))

        def _parse_accuracy_m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        accuracy_m = _parse_accuracy_m(d.pop("accuracy_m"))

        distance_m = d.pop("distance_m")

        message = d.pop("message")

        visibility = VisibilityEnum(d.pop("visibility"))

        export_checkin = cls(
            id=id,
            merchant=merchant,
            created_at=created_at,
            location=location,
            accuracy_m=accuracy_m,
            distance_m=distance_m,
            message=message,
            visibility=visibility,
        )

        export_checkin.additional_properties = d
        return export_checkin

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
