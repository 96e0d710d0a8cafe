from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type_enum import EventTypeEnum
from ..models.webhook_delivery_output_status_enum import WebhookDeliveryOutputStatusEnum

T = TypeVar("T", bound="WebhookDeliveryOutput")


@_attrs_define
class WebhookDeliveryOutput:
    """
    Attributes:
        id (int):
        event_type (EventTypeEnum): * `checkin.created` - Checkin Created
            * `coupon.issued` - Coupon Issued
            * `coupon.redeemed` - Coupon Redeemed
            * `coupon.voided` - Coupon Voided
            * `campaign.sold_out` - Campaign Sold Out
            * `campaign.ended` - Campaign Ended
            * `webhook.test` - Webhook Test
        webhook_id (str): The message's id, sent as the `webhook-id` header: the same on every attempt and redelivery,
            so a receiver can drop a message it already handled.
        status (WebhookDeliveryOutputStatusEnum): * `pending` - Pending
            * `succeeded` - Succeeded
            * `failed` - Failed
        attempts (int): Attempts made so far.
        last_status_code (int | None): The HTTP status of the last attempt; null before any, or when none came back.
        last_error (str): Why the last attempt got no HTTP answer (`timeout`, `connection refused`, `address not
            allowed`, ...); empty when it got one (see `last_status_code`) or none was made yet.
        last_attempt_at (datetime.datetime | None):
        next_attempt_at (datetime.datetime | None): When the next attempt is due (pending).
        created_at (datetime.datetime): When the event was queued for this endpoint.
    """

    id: int
    event_type: EventTypeEnum
    webhook_id: str
    status: WebhookDeliveryOutputStatusEnum
    attempts: int
    last_status_code: int | None
    last_error: str
    last_attempt_at: datetime.datetime | None
    next_attempt_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_type = self.event_type.value

        webhook_id = self.webhook_id

        status = self.status.value

        attempts = self.attempts

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_error = self.last_error

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event_type": event_type,
                "webhook_id": webhook_id,
                "status": status,
                "attempts": attempts,
                "last_status_code": last_status_code,
                "last_error": last_error,
                "last_attempt_at": last_attempt_at,
                "next_attempt_at": next_attempt_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        event_type = EventTypeEnum(d.pop("event_type"))

        webhook_id = d.pop("webhook_id")

        status = WebhookDeliveryOutputStatusEnum(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        last_error = d.pop("last_error")

        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        webhook_delivery_output = cls(
            id=id,
            event_type=event_type,
            webhook_id=webhook_id,
            status=status,
            attempts=attempts,
            last_status_code=last_status_code,
            last_error=last_error,
            last_attempt_at=last_attempt_at,
            next_attempt_at=next_attempt_at,
            created_at=created_at,
        )

        webhook_delivery_output.additional_properties = d
        return webhook_delivery_output

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
