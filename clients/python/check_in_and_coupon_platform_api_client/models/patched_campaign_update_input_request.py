from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaign_translations_request import CampaignTranslationsRequest
    from ..models.every_checkin_trigger_request import EveryCheckinTriggerRequest
    from ..models.first_visit_trigger_request import FirstVisitTriggerRequest
    from ..models.nth_visit_trigger_request import NthVisitTriggerRequest
    from ..models.with_friends_trigger_request import WithFriendsTriggerRequest


T = TypeVar("T", bound="PatchedCampaignUpdateInputRequest")


@_attrs_define
class PatchedCampaignUpdateInputRequest:
    """Any campaign field; the others keep their values.

    Attributes:
        title (str | Unset): What the customer gets, 1..120 characters (the original text).
        description (str | Unset): Terms and details, optional. Default: ''.
        starts_at (datetime.datetime | Unset): Default: now. ISO 8601 with offset.
        ends_at (datetime.datetime | Unset): After starts_at, in the future.
        trigger (EveryCheckinTriggerRequest | FirstVisitTriggerRequest | NthVisitTriggerRequest | Unset |
            WithFriendsTriggerRequest):
        total_stock (int | None | Unset): null: unlimited.
        per_user_limit (int | Unset):  Default: 1.
        coupon_valid_days (int | Unset):  Default: 7.
        daily_start_time (None | str | Unset): `HH:MM`, merchant's local time; with daily_end_time.
        daily_end_time (None | str | Unset): `HH:MM`, exclusive; before the start means the window spans midnight
            (22:00-02:00).
        holdout_percent (int | Unset): Share of eligible users (stable per user) who get no coupon, to measure the
            campaign's effect. Default: 0.
        translations (CampaignTranslationsRequest | Unset): Translations of the campaign's title, description by
            language code (codes ignore case). A text left out falls back to the original.
    """

    title: str | Unset = UNSET
    description: str | Unset = ""
    starts_at: datetime.datetime | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    trigger: (
        EveryCheckinTriggerRequest
        | FirstVisitTriggerRequest
        | NthVisitTriggerRequest
        | Unset
        | WithFriendsTriggerRequest
    ) = UNSET
    total_stock: int | None | Unset = UNSET
    per_user_limit: int | Unset = 1
    coupon_valid_days: int | Unset = 7
    daily_start_time: None | str | Unset = UNSET
    daily_end_time: None | str | Unset = UNSET
    holdout_percent: int | Unset = 0
    translations: CampaignTranslationsRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.every_checkin_trigger_request import EveryCheckinTriggerRequest  # noqa: PLC0415
        from ..models.first_visit_trigger_request import FirstVisitTriggerRequest  # noqa: PLC0415
        from ..models.nth_visit_trigger_request import NthVisitTriggerRequest  # noqa: PLC0415

        title = self.title

        description = self.description

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        trigger: dict[str, Any] | Unset
        if isinstance(self.trigger, Unset):
            trigger = UNSET
        elif isinstance(self.trigger, EveryCheckinTriggerRequest):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, FirstVisitTriggerRequest):
            trigger = self.trigger.to_dict()
        elif isinstance(self.trigger, NthVisitTriggerRequest):
            trigger = self.trigger.to_dict()
        else:
            trigger = self.trigger.to_dict()

        total_stock: int | None | Unset
        if isinstance(self.total_stock, Unset):
            total_stock = UNSET
        else:
            total_stock = self.total_stock

        per_user_limit = self.per_user_limit

        coupon_valid_days = self.coupon_valid_days

        daily_start_time: None | str | Unset
        if isinstance(self.daily_start_time, Unset):
            daily_start_time = UNSET
        else:
            daily_start_time = self.daily_start_time

        daily_end_time: None | str | Unset
        if isinstance(self.daily_end_time, Unset):
            daily_end_time = UNSET
        else:
            daily_end_time = self.daily_end_time

        holdout_percent = self.holdout_percent

        translations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.translations, Unset):
            translations = self.translations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if total_stock is not UNSET:
            field_dict["total_stock"] = total_stock
        if per_user_limit is not UNSET:
            field_dict["per_user_limit"] = per_user_limit
        if coupon_valid_days is not UNSET:
            field_dict["coupon_valid_days"] = coupon_valid_days
        if daily_start_time is not UNSET:
            field_dict["daily_start_time"] = daily_start_time
        if daily_end_time is not UNSET:
            field_dict["daily_end_time"] = daily_end_time
        if holdout_percent is not UNSET:
            field_dict["holdout_percent"] = holdout_percent
        if translations is not UNSET:
            field_dict["translations"] = translations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_translations_request import CampaignTranslationsRequest  # noqa: PLC0415
        from ..models.every_checkin_trigger_request import EveryCheckinTriggerRequest  # noqa: PLC0415
        from ..models.first_visit_trigger_request import FirstVisitTriggerRequest  # noqa: PLC0415
        from ..models.nth_visit_trigger_request import NthVisitTriggerRequest  # noqa: PLC0415
        from ..models.with_friends_trigger_request import WithFriendsTriggerRequest  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)

        _ends_at = d.pop("ends_at", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)

        def _parse_trigger(
            data: object,
        ) -> (
            EveryCheckinTriggerRequest
            | FirstVisitTriggerRequest
            | NthVisitTriggerRequest
            | Unset
            | WithFriendsTriggerRequest
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_campaign_trigger_request_type_0 = EveryCheckinTriggerRequest.from_dict(data)

                return componentsschemas_campaign_trigger_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_campaign_trigger_request_type_1 = FirstVisitTriggerRequest.from_dict(data)

                return componentsschemas_campaign_trigger_request_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_campaign_trigger_request_type_2 = NthVisitTriggerRequest.from_dict(data)

                return componentsschemas_campaign_trigger_request_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_campaign_trigger_request_type_3 = WithFriendsTriggerRequest.from_dict(data)

            return componentsschemas_campaign_trigger_request_type_3

        trigger = _parse_trigger(d.pop("trigger", UNSET))

        def _parse_total_stock(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_stock = _parse_total_stock(d.pop("total_stock", UNSET))

        per_user_limit = d.pop("per_user_limit", UNSET)

        coupon_valid_days = d.pop("coupon_valid_days", UNSET)

        def _parse_daily_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        daily_start_time = _parse_daily_start_time(d.pop("daily_start_time", UNSET))

        def _parse_daily_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        daily_end_time = _parse_daily_end_time(d.pop("daily_end_time", UNSET))

        holdout_percent = d.pop("holdout_percent", UNSET)

        _translations = d.pop("translations", UNSET)
        translations: CampaignTranslationsRequest | Unset
        if isinstance(_translations, Unset):
            translations = UNSET
        else:
            translations = CampaignTranslationsRequest.from_dict(_translations)

        patched_campaign_update_input_request = cls(
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
            translations=translations,
        )

        patched_campaign_update_input_request.additional_properties = d
        return patched_campaign_update_input_request

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
