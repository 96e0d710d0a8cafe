from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterInputRequest")


@_attrs_define
class RegisterInputRequest:
    """
    Attributes:
        username (str): 3..150 letters, digits and @/./+/-/_; unique whatever the case; friends find you by it.
        password (str): 8..128 characters, checked against the password policy (not too common, not all digits, not too
            like the username, email or display name): a breach is a 400 naming `password`.
        email (str | Unset): Optional.
        display_name (str | Unset): The name friends see; default: the username. Default: ''.
        location_consent (bool | Unset): Agree to the collection of your location (needed to check in); recorded with
            the terms version. Default false: agree later with PUT /me/consents. Default: False.
    """

    username: str
    password: str
    email: str | Unset = UNSET
    display_name: str | Unset = ""
    location_consent: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        email: str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        display_name = self.display_name

        location_consent = self.location_consent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if location_consent is not UNSET:
            field_dict["location_consent"] = location_consent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        def _parse_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        display_name = d.pop("display_name", UNSET)

        location_consent = d.pop("location_consent", UNSET)

        register_input_request = cls(
            username=username,
            password=password,
            email=email,
            display_name=display_name,
            location_consent=location_consent,
        )

        register_input_request.additional_properties = d
        return register_input_request

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
