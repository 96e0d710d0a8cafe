from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility_enum import VisibilityEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.social_merchant_output import SocialMerchantOutput
    from ..models.social_user_output import SocialUserOutput


T = TypeVar("T", bound="CheckinDetailOutput")


@_attrs_define
class CheckinDetailOutput:
    """
    Attributes:
        id (int): The check-in's id.
        user (SocialUserOutput):
        merchant (SocialMerchantOutput):
        message (str):
        created_at (datetime.datetime):
        like_count (int):
        comment_count (int):
        liked_by_me (bool):
        visibility (VisibilityEnum): * `friends` - Friends
            * `public` - Public
            * `private` - Private
        distance_m (float | Unset): Only for the check-in's owner: the distance from their fix to the merchant's pin, in
            metres.
    """

    id: int
    user: SocialUserOutput
    merchant: SocialMerchantOutput
    message: str
    created_at: datetime.datetime
    like_count: int
    comment_count: int
    liked_by_me: bool
    visibility: VisibilityEnum
    distance_m: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user = self.user.to_dict()

        merchant = self.merchant.to_dict()

        message = self.message

        created_at = self.created_at.isoformat()

        like_count = self.like_count

        comment_count = self.comment_count

        liked_by_me = self.liked_by_me

        visibility = self.visibility.value

        distance_m = self.distance_m

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user": user,
                "merchant": merchant,
                "message": message,
                "created_at": created_at,
                "like_count": like_count,
                "comment_count": comment_count,
                "liked_by_me": liked_by_me,
                "visibility": visibility,
            }
        )
        if distance_m is not UNSET:
            field_dict["distance_m"] = distance_m

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.social_merchant_output import SocialMerchantOutput  # noqa: PLC0415
        from ..models.social_user_output import SocialUserOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        user = SocialUserOutput.from_dict(d.pop("user"))

        merchant = SocialMerchantOutput.from_dict(d.pop("merchant"))

        message = d.pop("message")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        like_count = d.pop("like_count")

        comment_count = d.pop("comment_count")

        liked_by_me = d.pop("liked_by_me")

        visibility = VisibilityEnum(d.pop("visibility"))

        distance_m = d.pop("distance_m", UNSET)

        checkin_detail_output = cls(
            id=id,
            user=user,
            merchant=merchant,
            message=message,
            created_at=created_at,
            like_count=like_count,
            comment_count=comment_count,
            liked_by_me=liked_by_me,
            visibility=visibility,
            distance_m=distance_m,
        )

        checkin_detail_output.additional_properties = d
        return checkin_detail_output

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
