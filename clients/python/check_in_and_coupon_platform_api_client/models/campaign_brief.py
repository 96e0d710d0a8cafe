from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.my_progress import MyProgress
    from ..models.trigger_params import TriggerParams


T = TypeVar("T", bound="CampaignBrief")


@_attrs_define
class CampaignBrief:
    """
    Attributes:
        id (int):
        title (str):
        trigger (str): The trigger type, e.g. `every_checkin`.
        ends_at (datetime.datetime):
        trigger_params (TriggerParams):
        per_user_limit (int): At most this many coupons per person from this campaign.
        coupon_valid_days (int): A coupon is valid for this many days after it is issued.
        daily_start_time (None | str): Start of the daily hours (`HH:MM:SS`, the merchant's local time); null: coupons
            all day.
        daily_end_time (None | str): End of the daily hours (excluded; `HH:MM:SS`, the merchant's local time); before
            the start when the hours span midnight; null: coupons all day.
        my_progress (MyProgress | Unset):
    """

    id: int
    title: str
    trigger: str
    ends_at: datetime.datetime
    trigger_params: TriggerParams
    per_user_limit: int
    coupon_valid_days: int
    daily_start_time: None | str
    daily_end_time: None | str
    my_progress: MyProgress | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        trigger = self.trigger

        ends_at = self.ends_at.isoformat()

        trigger_params = self.trigger_params.to_dict()

        per_user_limit = self.per_user_limit

        coupon_valid_days = self.coupon_valid_days

        daily_start_time: None | str
        daily_start_time = self.daily_start_time

        daily_end_time: None | str
        daily_end_time = self.daily_end_time

        my_progress: dict[str, Any] | Unset = UNSET
        if not isinstance(self.my_progress, Unset):
            my_progress = self.my_progress.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "trigger": trigger,
                "ends_at": ends_at,
                "trigger_params": trigger_params,
                "per_user_limit": per_user_limit,
                "coupon_valid_days": coupon_valid_days,
                "daily_start_time": daily_start_time,
                "daily_end_time": daily_end_time,
            }
        )
        if my_progress is not UNSET:
            field_dict["my_progress"] = my_progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.my_progress import MyProgress  # noqa: PLC0415
        from ..models.trigger_params import TriggerParams  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        trigger = d.pop("trigger")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        trigger_params = TriggerParams.from_dict(d.pop("trigger_params"))

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

        _my_progress = d.pop("my_progress", UNSET)
        my_progress: MyProgress | Unset
        if isinstance(_my_progress, Unset):
            my_progress = UNSET
        else:
            my_progress = MyProgress.from_dict(_my_progress)

        campaign_brief = cls(
            id=id,
            title=title,
            trigger=trigger,
            ends_at=ends_at,
            trigger_params=trigger_params,
            per_user_limit=per_user_limit,
            coupon_valid_days=coupon_valid_days,
            daily_start_time=daily_start_time,
            daily_end_time=daily_end_time,
            my_progress=my_progress,
        )

        campaign_brief.additional_properties = d
        return campaign_brief

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
