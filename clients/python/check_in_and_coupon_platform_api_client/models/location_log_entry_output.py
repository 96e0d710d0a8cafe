from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_enum import ActionEnum

if TYPE_CHECKING:
    from ..models.location_log_recipients_output import LocationLogRecipientsOutput


T = TypeVar("T", bound="LocationLogEntryOutput")


@_attrs_define
class LocationLogEntryOutput:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        action (ActionEnum): * `collected` - Collected
            * `used` - Used
            * `provided` - Provided
        purpose (str): `checkin_verification`, `anti_cheat_history` or `friends_feed`.
        legal_basis (str): `consent` (your location consent) or `contract` (the sharing you chose with the check-in's
            visibility).
        recipients (LocationLogRecipientsOutput | None): For `provided` entries; null otherwise.
        checkin_id (int | None): The check-in concerned (null for a refused attempt); it may since be deleted.
    """

    id: int
    at: datetime.datetime
    action: ActionEnum
    purpose: str
    legal_basis: str
    recipients: LocationLogRecipientsOutput | None
    checkin_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.location_log_recipients_output import LocationLogRecipientsOutput  # noqa: PLC0415

        id = self.id

        at = self.at.isoformat()

        action = self.action.value

        purpose = self.purpose

        legal_basis = self.legal_basis

        recipients: dict[str, Any] | None
        if isinstance(self.recipients, LocationLogRecipientsOutput):
            recipients = self.recipients.to_dict()
        else:
            recipients = self.recipients

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
                "recipients": recipients,
                "checkin_id": checkin_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location_log_recipients_output import LocationLogRecipientsOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        action = ActionEnum(d.pop("action"))

        purpose = d.pop("purpose")

        legal_basis = d.pop("legal_basis")

        def _parse_recipients(data: object) -> LocationLogRecipientsOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recipients_type_1 = LocationLogRecipientsOutput.from_dict(data)

                return recipients_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocationLogRecipientsOutput | None, data)

        recipients = _parse_recipients(d.pop("recipients"))

        def _parse_checkin_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        checkin_id = _parse_checkin_id(d.pop("checkin_id"))

        location_log_entry_output = cls(
            id=id,
            at=at,
            action=action,
            purpose=purpose,
            legal_basis=legal_basis,
            recipients=recipients,
            checkin_id=checkin_id,
        )

        location_log_entry_output.additional_properties = d
        return location_log_entry_output

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
