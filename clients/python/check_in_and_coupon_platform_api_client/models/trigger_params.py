from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerParams")


@_attrs_define
class TriggerParams:
    """
    Attributes:
        visits (int | Unset): `nth_visit` only: every N-th visit, N >= 2.
        friends (int | Unset): `with_friends` only: at least this many friends checked in here within the window
            (private check-ins take no part: they neither count nor unlock a group).
        window_minutes (int | Unset): `with_friends` only: the window, 1..1440 minutes.
    """

    visits: int | Unset = UNSET
    friends: int | Unset = UNSET
    window_minutes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        visits = self.visits

        friends = self.friends

        window_minutes = self.window_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if visits is not UNSET:
            field_dict["visits"] = visits
        if friends is not UNSET:
            field_dict["friends"] = friends
        if window_minutes is not UNSET:
            field_dict["window_minutes"] = window_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        visits = d.pop("visits", UNSET)

        friends = d.pop("friends", UNSET)

        window_minutes = d.pop("window_minutes", UNSET)

        trigger_params = cls(
            visits=visits,
            friends=friends,
            window_minutes=window_minutes,
        )

        trigger_params.additional_properties = d
        return trigger_params

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
