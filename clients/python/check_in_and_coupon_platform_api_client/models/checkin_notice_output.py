from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum

T = TypeVar("T", bound="CheckinNoticeOutput")


@_attrs_define
class CheckinNoticeOutput:
    """
    Attributes:
        visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
        text (str): Who will see it, in a sentence in the request's language.
        settings (str): Where to change your default visibility (PATCH `default_visibility`).
    """

    visibility: VisibilityEnum
    text: str
    settings: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        visibility = self.visibility.value

        text = self.text

        settings = self.settings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "visibility": visibility,
                "text": text,
                "settings": settings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        visibility = VisibilityEnum(d.pop("visibility"))

        text = d.pop("text")

        settings = d.pop("settings")

        checkin_notice_output = cls(
            visibility=visibility,
            text=text,
            settings=settings,
        )

        checkin_notice_output.additional_properties = d
        return checkin_notice_output

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
