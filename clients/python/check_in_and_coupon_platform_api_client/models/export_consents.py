from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.export_consent_change import ExportConsentChange
    from ..models.export_consent_now import ExportConsentNow


T = TypeVar("T", bound="ExportConsents")


@_attrs_define
class ExportConsents:
    """
    Attributes:
        location (ExportConsentNow):
        changes (list[ExportConsentChange]): Every grant and withdrawal, oldest first.
    """

    location: ExportConsentNow
    changes: list[ExportConsentChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location = self.location.to_dict()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location": location,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_consent_change import ExportConsentChange  # noqa: PLC0415
        from ..models.export_consent_now import ExportConsentNow  # noqa: PLC0415

        d = dict(src_dict)
        location = ExportConsentNow.from_dict(d.pop("location"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ExportConsentChange.from_dict(changes_item_data)

            changes.append(changes_item)

        export_consents = cls(
            location=location,
            changes=changes,
        )

        export_consents.additional_properties = d
        return export_consents

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
