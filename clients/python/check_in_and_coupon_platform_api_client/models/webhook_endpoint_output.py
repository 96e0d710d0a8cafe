from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.disabled_reason_enum import DisabledReasonEnum
from ..models.events_enum import EventsEnum

T = TypeVar("T", bound="WebhookEndpointOutput")


@_attrs_define
class WebhookEndpointOutput:
    """
    Attributes:
        id (int):
        merchant_id (int):
        url (str): Where the events are POSTed.
        description (str): A note for people (may be empty).
        events (list[EventsEnum]): The events this endpoint receives.
        enabled (bool): Whether events are sent to it.
        disabled_reason (DisabledReasonEnum | None): Null while enabled; `by_user` when a person disabled it; `failing`
            when it was disabled because its deliveries kept failing (fix the receiver, then enable it again with PATCH
            `enabled: true`).

            * `by_user` - by_user
            * `failing` - failing
        disabled_at (datetime.datetime | None): When it was disabled; null while enabled.
        created_at (datetime.datetime):
    """

    id: int
    merchant_id: int
    url: str
    description: str
    events: list[EventsEnum]
    enabled: bool
    disabled_reason: DisabledReasonEnum | None
    disabled_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        merchant_id = self.merchant_id

        url = self.url

        description = self.description

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        enabled = self.enabled

        disabled_reason: None | str
        if isinstance(self.disabled_reason, DisabledReasonEnum):
            disabled_reason = self.disabled_reason.value
        else:
            disabled_reason = self.disabled_reason

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant_id": merchant_id,
                "url": url,
                "description": description,
                "events": events,
                "enabled": enabled,
                "disabled_reason": disabled_reason,
                "disabled_at": disabled_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        merchant_id = d.pop("merchant_id")

        url = d.pop("url")

        description = d.pop("description")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventsEnum(events_item_data)

            events.append(events_item)

        enabled = d.pop("enabled")

        def _parse_disabled_reason(data: object) -> DisabledReasonEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_reason_type_0 = DisabledReasonEnum(data)

                return disabled_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisabledReasonEnum | None, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        webhook_endpoint_output = cls(
            id=id,
            merchant_id=merchant_id,
            url=url,
            description=description,
            events=events,
            enabled=enabled,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            created_at=created_at,
        )

        webhook_endpoint_output.additional_properties = d
        return webhook_endpoint_output

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
