from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExportEligibility")


@_attrs_define
class ExportEligibility:
    """
    Attributes:
        campaign_id (int):
        checkin_id (int):
        in_holdout (bool): Chosen for the comparison group that gets no coupon.
        created_at (datetime.datetime):
    """

    campaign_id: int
    checkin_id: int
    in_holdout: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = self.campaign_id

        checkin_id = self.checkin_id

        in_holdout = self.in_holdout

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "checkin_id": checkin_id,
                "in_holdout": in_holdout,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = d.pop("campaign_id")

        checkin_id = d.pop("checkin_id")

        in_holdout = d.pop("in_holdout")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        export_eligibility = cls(
            campaign_id=campaign_id,
            checkin_id=checkin_id,
            in_holdout=in_holdout,
            created_at=created_at,
        )

        export_eligibility.additional_properties = d
        return export_eligibility

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
