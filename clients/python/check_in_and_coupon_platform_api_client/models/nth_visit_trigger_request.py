from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.nth_visit_trigger_type_enum import NthVisitTriggerTypeEnum

T = TypeVar("T", bound="NthVisitTriggerRequest")


@_attrs_define
class NthVisitTriggerRequest:
    """The `nth_visit` trigger: Every N-th visit.

    Attributes:
        type_ (NthVisitTriggerTypeEnum): * `nth_visit` - nth_visit
        visits (int): `nth_visit` only: every N-th visit, N >= 2.
    """

    type_: NthVisitTriggerTypeEnum
    visits: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        visits = self.visits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = NthVisitTriggerTypeEnum(d.pop("type"))

        visits = d.pop("visits")

        nth_visit_trigger_request = cls(
            type_=type_,
            visits=visits,
        )

        nth_visit_trigger_request.additional_properties = d
        return nth_visit_trigger_request

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
