from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.social_merchant_output import SocialMerchantOutput
    from ..models.social_user_output import SocialUserOutput


T = TypeVar("T", bound="FeedItemOutput")


@_attrs_define
class FeedItemOutput:
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
    """

    id: int
    user: SocialUserOutput
    merchant: SocialMerchantOutput
    message: str
    created_at: datetime.datetime
    like_count: int
    comment_count: int
    liked_by_me: bool
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
            }
        )

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

        feed_item_output = cls(
            id=id,
            user=user,
            merchant=merchant,
            message=message,
            created_at=created_at,
            like_count=like_count,
            comment_count=comment_count,
            liked_by_me=liked_by_me,
        )

        feed_item_output.additional_properties = d
        return feed_item_output

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
