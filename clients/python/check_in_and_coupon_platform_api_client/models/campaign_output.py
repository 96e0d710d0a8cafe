from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_status_enum import CampaignStatusEnum

if TYPE_CHECKING:
    from ..models.campaign_translations import CampaignTranslations
    from ..models.campaign_trigger_output import CampaignTriggerOutput


T = TypeVar("T", bound="CampaignOutput")


@_attrs_define
class CampaignOutput:
    """
    Attributes:
        id (int):
        merchant_id (int):
        title (str): In the request's language (`Accept-Language`) when translated, else the original.
        description (str): In the request's language (`Accept-Language`) when translated, else the original.
        starts_at (datetime.datetime):
        ends_at (datetime.datetime):
        trigger (CampaignTriggerOutput):
        total_stock (int | None): null: unlimited.
        per_user_limit (int):
        coupon_valid_days (int):
        daily_start_time (None | str): Local time of the merchant's time zone.
        daily_end_time (None | str): Local time; may be before the start (overnight).
        holdout_percent (int):
        status (CampaignStatusEnum): * `scheduled` - Scheduled
            * `running` - Running
            * `paused` - Paused
            * `ended` - Ended
            * `sold_out` - Sold Out
        issued_count (int): Coupons issued so far.
        remaining_stock (int | None): null: unlimited.
        paused_at (datetime.datetime | None): When it was paused; null unless paused now.
        ended_at (datetime.datetime | None): When it was ended early; null otherwise.
        created_at (datetime.datetime):
        translations (CampaignTranslations): Translations of the campaign's title, description by language code (codes
            ignore case). A text left out falls back to the original.
    """

    id: int
    merchant_id: int
    title: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    trigger: CampaignTriggerOutput
    total_stock: int | None
    per_user_limit: int
    coupon_valid_days: int
    daily_start_time: None | str
    daily_end_time: None | str
    holdout_percent: int
    status: CampaignStatusEnum
    issued_count: int
    remaining_stock: int | None
    paused_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    created_at: datetime.datetime
    translations: CampaignTranslations
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        merchant_id = self.merchant_id

        title = self.title

        description = self.description

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        trigger = self.trigger.to_dict()

        total_stock: int | None
        total_stock = self.total_stock

        per_user_limit = self.per_user_limit

        coupon_valid_days = self.coupon_valid_days

        daily_start_time: None | str
        daily_start_time = self.daily_start_time

        daily_end_time: None | str
        daily_end_time = self.daily_end_time

        holdout_percent = self.holdout_percent

        status = self.status.value

        issued_count = self.issued_count

        remaining_stock: int | None
        remaining_stock = self.remaining_stock

        paused_at: None | str
        if isinstance(self.paused_at, datetime.datetime):
            paused_at = self.paused_at.isoformat()
        else:
            paused_at = self.paused_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        created_at = self.created_at.isoformat()

        translations = self.translations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant_id": merchant_id,
                "title": title,
                "description": description,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "trigger": trigger,
                "total_stock": total_stock,
                "per_user_limit": per_user_limit,
                "coupon_valid_days": coupon_valid_days,
                "daily_start_time": daily_start_time,
                "daily_end_time": daily_end_time,
                "holdout_percent": holdout_percent,
                "status": status,
                "issued_count": issued_count,
                "remaining_stock": remaining_stock,
                "paused_at": paused_at,
                "ended_at": ended_at,
                "created_at": created_at,
                "translations": translations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_translations import CampaignTranslations  # noqa: PLC0415
        from ..models.campaign_trigger_output import CampaignTriggerOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        merchant_id = d.pop("merchant_id")

        title = d.pop("title")

        description = d.pop("description")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        trigger = CampaignTriggerOutput.from_dict(d.pop("trigger"))

        def _parse_total_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_stock = _parse_total_stock(d.pop("total_stock"))

        per_user_limit = d.pop("per_user_limit")

        coupon_valid_days = d.pop("coupon_valid_days")

        def _parse_daily_start_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        daily_start_time = _parse_daily_start_time(d.pop("daily_start_time"))

        def _parse_daily_end_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        daily_end_time = _parse_daily_end_time(d.pop("daily_end_time"))

        holdout_percent = d.pop("holdout_percent")

        status = CampaignStatusEnum(d.pop("status"))

        issued_count = d.pop("issued_count")

        def _parse_remaining_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining_stock = _parse_remaining_stock(d.pop("remaining_stock"))

        def _parse_paused_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_at_type_0 = datetime.datetime.fromisoformat(data)

                return paused_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paused_at = _parse_paused_at(d.pop("paused_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        translations = CampaignTranslations.from_dict(d.pop("translations"))

        campaign_output = cls(
            id=id,
            merchant_id=merchant_id,
            title=title,
            description=description,
            starts_at=starts_at,
            ends_at=ends_at,
            trigger=trigger,
            total_stock=total_stock,
            per_user_limit=per_user_limit,
            coupon_valid_days=coupon_valid_days,
            daily_start_time=daily_start_time,
            daily_end_time=daily_end_time,
            holdout_percent=holdout_percent,
            status=status,
            issued_count=issued_count,
            remaining_stock=remaining_stock,
            paused_at=paused_at,
            ended_at=ended_at,
            created_at=created_at,
            translations=translations,
        )

        campaign_output.additional_properties = d
        return campaign_output

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
