from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum

T = TypeVar("T", bound="ExportProfile")


@_attrs_define
class ExportProfile:
    """
    Attributes:
        id (int):
        username (str):
        display_name (str):
        email (str):
        first_name (str):
        last_name (str):
        date_joined (datetime.datetime):
        last_login (datetime.datetime | None):
        language (None | str):
        default_visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
        checkin_notice_shown_at (datetime.datetime | None): When a check-in answer told you who sees your check-ins.
    """

    id: int
    username: str
    display_name: str
    email: str
    first_name: str
    last_name: str
    date_joined: datetime.datetime
    last_login: datetime.datetime | None
    language: None | str
    default_visibility: VisibilityEnum
    checkin_notice_shown_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        date_joined = self.date_joined.isoformat()

        last_login: None | str
        if isinstance(self.last_login, datetime.datetime):
            last_login = self.last_login.isoformat()
        else:
            last_login = self.last_login

        language: None | str
        language = self.language

        default_visibility = self.default_visibility.value

        checkin_notice_shown_at: None | str
        if isinstance(self.checkin_notice_shown_at, datetime.datetime):
            checkin_notice_shown_at = self.checkin_notice_shown_at.isoformat()
        else:
            checkin_notice_shown_at = self.checkin_notice_shown_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "date_joined": date_joined,
                "last_login": last_login,
                "language": language,
                "default_visibility": default_visibility,
                "checkin_notice_shown_at": checkin_notice_shown_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        display_name = d.pop("display_name")

        email = d.pop("email")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        date_joined = datetime.datetime.fromisoformat(d.pop("date_joined"))

        def _parse_last_login(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_login_type_0 = datetime.datetime.fromisoformat(data)

                return last_login_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_login = _parse_last_login(d.pop("last_login"))

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        default_visibility = VisibilityEnum(d.pop("default_visibility"))

        def _parse_checkin_notice_shown_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checkin_notice_shown_at_type_0 = datetime.datetime.fromisoformat(data)

                return checkin_notice_shown_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        checkin_notice_shown_at = _parse_checkin_notice_shown_at(d.pop("checkin_notice_shown_at"))

        export_profile = cls(
            id=id,
            username=username,
            display_name=display_name,
            email=email,
            first_name=first_name,
            last_name=last_name,
            date_joined=date_joined,
            last_login=last_login,
            language=language,
            default_visibility=default_visibility,
            checkin_notice_shown_at=checkin_notice_shown_at,
        )

        export_profile.additional_properties = d
        return export_profile

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
