from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.events_enum import EventsEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedWebhookEndpointUpdateInputRequest")


@_attrs_define
class PatchedWebhookEndpointUpdateInputRequest:
    """
    Attributes:
        url (str | Unset): An absolute `https://` URL on the public internet (`http://` too where the server allows it);
            without user name or password; a host that does not resolve, or resolves to a private, loopback, link-local or
            otherwise internal address, is refused (`webhook_url_not_allowed`).
        events (list[EventsEnum] | Unset): The events to receive, each once. `webhook.test` is not subscribed to: it is
            sent on request.
        description (str | Unset): A note for people.
        enabled (bool | Unset): `false` stops sending (the reason becomes `by_user`); `true` sends again and clears the
            reason, the date and the failure count.
    """

    url: str | Unset = UNSET
    events: list[EventsEnum] | Unset = UNSET
    description: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        description = self.description

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _events = d.pop("events", UNSET)
        events: list[EventsEnum] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = EventsEnum(events_item_data)

                events.append(events_item)

        description = d.pop("description", UNSET)

        enabled = d.pop("enabled", UNSET)

        patched_webhook_endpoint_update_input_request = cls(
            url=url,
            events=events,
            description=description,
            enabled=enabled,
        )

        patched_webhook_endpoint_update_input_request.additional_properties = d
        return patched_webhook_endpoint_update_input_request

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
