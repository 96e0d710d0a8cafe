from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kind_enum import KindEnum

T = TypeVar("T", bound="ExportConsentChange")


@_attrs_define
class ExportConsentChange:
    """
    Attributes:
        kind (KindEnum): * `location` - Location
        granted (bool):
        terms_version (str):
        changed_at (datetime.datetime):
    """

    kind: KindEnum
    granted: bool
    terms_version: str
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        granted = self.granted

        terms_version = self.terms_version

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "granted": granted,
                "terms_version": terms_version,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = KindEnum(d.pop("kind"))

        granted = d.pop("granted")

        terms_version = d.pop("terms_version")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        export_consent_change = cls(
            kind=kind,
            granted=granted,
            terms_version=terms_version,
            changed_at=changed_at,
        )

        export_consent_change.additional_properties = d
        return export_consent_change

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
