from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language_enum import LanguageEnum
from ..models.visibility_enum import VisibilityEnum

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        id (int):
        username (str):
        display_name (str):
        email (str):
        date_joined (datetime.datetime):
        language (LanguageEnum | None): Your saved language; null when you saved none (then each request's `Accept-
            Language` decides).

            * `ko` - ko
            * `en` - en
            * `ja` - ja
            * `zh-hans` - zh-hans
        default_visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
    """

    id: int
    username: str
    display_name: str
    email: str
    date_joined: datetime.datetime
    language: LanguageEnum | None
    default_visibility: VisibilityEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        email: str
        email = self.email

        date_joined = self.date_joined.isoformat()

        language: None | str
        if isinstance(self.language, LanguageEnum):
            language = self.language.value
        else:
            language = self.language

        default_visibility = self.default_visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "email": email,
                "date_joined": date_joined,
                "language": language,
                "default_visibility": default_visibility,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        display_name = d.pop("display_name")

        def _parse_email(data: object) -> str:
            return cast(str, data)

        email = _parse_email(d.pop("email"))

        date_joined = datetime.datetime.fromisoformat(d.pop("date_joined"))

        def _parse_language(data: object) -> LanguageEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = LanguageEnum(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LanguageEnum | None, data)

        language = _parse_language(d.pop("language"))

        default_visibility = VisibilityEnum(d.pop("default_visibility"))

        me = cls(
            id=id,
            username=username,
            display_name=display_name,
            email=email,
            date_joined=date_joined,
            language=language,
            default_visibility=default_visibility,
        )

        me.additional_properties = d
        return me

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
