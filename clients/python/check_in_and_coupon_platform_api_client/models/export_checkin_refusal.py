from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.export_point import ExportPoint


T = TypeVar("T", bound="ExportCheckinRefusal")


@_attrs_define
class ExportCheckinRefusal:
    """
    Attributes:
        id (int):
        merchant_id (int):
        created_at (datetime.datetime):
        location (ExportPoint | None):
        accuracy_m (float | None):
        distance_m (float | None):
        reason (str): The anti-cheat rule that refused the attempt.
    """

    id: int
    merchant_id: int
    created_at: datetime.datetime
    location: ExportPoint | None
    accuracy_m: float | None
    distance_m: float | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.export_point import ExportPoint  # noqa: PLC0415

        id = self.id

        merchant_id = self.merchant_id

        created_at = self.created_at.isoformat()

        location: dict[str, Any] | None
        if isinstance(self.location, ExportPoint):
            location = self.location.to_dict()
        else:
            location = self.location

        accuracy_m: float | None
        accuracy_m = self.accuracy_m

        distance_m: float | None
        distance_m = self.distance_m

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant_id": merchant_id,
                "created_at": created_at,
                "location": location,
                "accuracy_m": accuracy_m,
                "distance_m": distance_m,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_point import ExportPoint  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        merchant_id = d.pop("merchant_id")

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

        def _parse_distance_m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_m = _parse_distance_m(d.pop("distance_m"))

        reason = d.pop("reason")

        export_checkin_refusal = cls(
            id=id,
            merchant_id=merchant_id,
            created_at=created_at,
            location=location,
            accuracy_m=accuracy_m,
            distance_m=distance_m,
            reason=reason,
        )

        export_checkin_refusal.additional_properties = d
        return export_checkin_refusal

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
