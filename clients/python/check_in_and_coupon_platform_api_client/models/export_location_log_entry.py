from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_enum import ActionEnum

T = TypeVar("T", bound="ExportLocationLogEntry")


@_attrs_define
class ExportLocationLogEntry:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        action (ActionEnum): * `collected` - Collected
            * `used` - Used
            * `provided` - Provided
        purpose (str):
        legal_basis (str):
        recipient_kind (str):
        recipient_count (int | None):
        checkin_id (int | None):
    """

    id: int
    at: datetime.datetime
    action: ActionEnum
    purpose: str
    legal_basis: str
    recipient_kind: str
    recipient_count: int | None
    checkin_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        action = self.action.value

        purpose = self.purpose

        legal_basis = self.legal_basis

        recipient_kind = self.recipient_kind

        recipient_count: int | None
        recipient_count = self.recipient_count

        checkin_id: int | None
        checkin_id = self.checkin_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "action": action,
                "purpose": purpose,
                "legal_basis": legal_basis,
                "recipient_kind": recipient_kind,
                "recipient_count": recipient_count,
                "checkin_id": checkin_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        action = ActionEnum(d.pop("action"))

        purpose = d.pop("purpose")

        legal_basis = d.pop("legal_basis")

        recipient_kind = d.pop("recipient_kind")

        def _parse_recipient_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        recipient_count = _parse_recipient_count(d.pop("recipient_count"))

        def _parse_checkin_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        checkin_id = _parse_checkin_id(d.pop("checkin_id"))

        export_location_log_entry = cls(
            id=id,
            at=at,
            action=action,
            purpose=purpose,
            legal_basis=legal_basis,
            recipient_kind=recipient_kind,
            recipient_count=recipient_count,
            checkin_id=checkin_id,
        )

        export_location_log_entry.additional_properties = d
        return export_location_log_entry

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
