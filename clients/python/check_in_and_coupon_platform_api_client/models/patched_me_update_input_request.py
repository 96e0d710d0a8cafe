from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language_enum import LanguageEnum
from ..models.visibility_enum import VisibilityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedMeUpdateInputRequest")


@_attrs_define
class PatchedMeUpdateInputRequest:
    """
    Attributes:
        display_name (str | Unset): 1..80 characters; surrounding spaces are trimmed.
        language (LanguageEnum | None | Unset): The language to save; null forgets it (then each request's `Accept-
            Language` decides).

            * `ko` - ko
            * `en` - en
            * `ja` - ja
            * `zh-hans` - zh-hans
        default_visibility (VisibilityEnum | Unset): * `friends` - Friends
            * `public` - Public
            * `private` - Private
    """

    display_name: str | Unset = UNSET
    language: LanguageEnum | None | Unset = UNSET
    default_visibility: VisibilityEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, LanguageEnum):
            language = self.language.value
        else:
            language = self.language

        default_visibility: str | Unset = UNSET
        if not isinstance(self.default_visibility, Unset):
            default_visibility = self.default_visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if language is not UNSET:
            field_dict["language"] = language
        if default_visibility is not UNSET:
            field_dict["default_visibility"] = default_visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        def _parse_language(data: object) -> LanguageEnum | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = LanguageEnum(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LanguageEnum | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        _default_visibility = d.pop("default_visibility", UNSET)
        default_visibility: VisibilityEnum | Unset
        if isinstance(_default_visibility, Unset):
            default_visibility = UNSET
        else:
            default_visibility = VisibilityEnum(_default_visibility)

        patched_me_update_input_request = cls(
            display_name=display_name,
            language=language,
            default_visibility=default_visibility,
        )

        patched_me_update_input_request.additional_properties = d
        return patched_me_update_input_request

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
