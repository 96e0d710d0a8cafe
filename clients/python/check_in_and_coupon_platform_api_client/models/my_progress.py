from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.progress_reason_enum import ProgressReasonEnum

T = TypeVar("T", bound="MyProgress")


@_attrs_define
class MyProgress:
    """
    Attributes:
        coupons_received (int): Coupons this campaign has issued to you.
        visits_counted (int): Your check-ins here that the trigger counts: since the campaign started for `nth_visit`,
            all your visits here for `first_visit`, those during the campaign for the other types.
        visits_to_next (int | None): `nth_visit` only (null for the other types): how many more check-ins until the next
            N-th one; 1 when the next check-in is one. It counts visits only: `eligible_now` and `reason` tell whether a
            coupon would follow.
        eligible_now (bool): Whether a check-in here now would earn you a coupon, given the facts as they stand (stock,
            your coupons from this campaign, the daily hours, your visits here, friends checked in here within the window).
            It assumes the check-in is accepted (distance, cooldown, travel speed) and shared with friends or the public (a
            private check-in takes no part in a `with_friends` group). False with a null `reason` when only more visits
            (`nth_visit`) or more friends checked in here within the window (`with_friends`) are missing.
        reason (None | ProgressReasonEnum): Null when `eligible_now` is true, or when only more visits or friends are
            missing. Otherwise the first that applies, in this order: `sold_out` (no coupons left), `limit_reached` (you
            have received `per_user_limit` coupons from it), `outside_hours` (now is outside the daily hours, in the
            merchant's time zone), `already_visited` (`first_visit`: you have checked in here before), `not_in_audience`
            (offered to other customers), `not_offered` (this offer is not available to you).

            * `sold_out` - sold_out
            * `limit_reached` - limit_reached
            * `outside_hours` - outside_hours
            * `already_visited` - already_visited
            * `not_in_audience` - not_in_audience
            * `not_offered` - not_offered
    """

    coupons_received: int
    visits_counted: int
    visits_to_next: int | None
    eligible_now: bool
    reason: None | ProgressReasonEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coupons_received = self.coupons_received

        visits_counted = self.visits_counted

        visits_to_next: int | None
        visits_to_next = self.visits_to_next

        eligible_now = self.eligible_now

        reason: None | str
        if isinstance(self.reason, ProgressReasonEnum):
            reason = self.reason.value
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coupons_received": coupons_received,
                "visits_counted": visits_counted,
                "visits_to_next": visits_to_next,
                "eligible_now": eligible_now,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupons_received = d.pop("coupons_received")

        visits_counted = d.pop("visits_counted")

        def _parse_visits_to_next(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        visits_to_next = _parse_visits_to_next(d.pop("visits_to_next"))

        eligible_now = d.pop("eligible_now")

        def _parse_reason(data: object) -> None | ProgressReasonEnum:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = ProgressReasonEnum(data)

                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressReasonEnum, data)

        reason = _parse_reason(d.pop("reason"))

        my_progress = cls(
            coupons_received=coupons_received,
            visits_counted=visits_counted,
            visits_to_next=visits_to_next,
            eligible_now=eligible_now,
            reason=reason,
        )

        my_progress.additional_properties = d
        return my_progress

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
