from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignStatsTotals")


@_attrs_define
class CampaignStatsTotals:
    """
    Attributes:
        checkins (int): The merchant's check-ins in the range.
        unique_visitors (int): Distinct users among those check-ins.
        new_visitors (int): Users whose first ever check-in at this merchant falls in the range.
        returning_visitors (int): unique_visitors who had checked in here before the range (unique_visitors -
            new_visitors).
        coupons_issued (int): Coupons of this campaign issued in the range.
        coupons_redeemed (int): Coupons of this campaign redeemed in the range.
        coupons_expired (int): Coupons of this campaign whose validity ended in the range, before `as_of`, never
            redeemed.
        redemption_rate (float | None): coupons_redeemed / coupons_issued (null when none was issued).
        median_minutes_to_redeem (float | None): Median of (redeemed_at - issued_at) in whole seconds, in minutes (one
            decimal), over the coupons redeemed in the range; null when none was.
        friend_impressions (int): Deliveries of the range's check-ins (by check-in time) into friends' feeds.
        likes (int): Current likes on the range's check-ins.
        comments (int): Current comments on the range's check-ins.
        engagement_rate (float | None): (likes + comments) / friend_impressions (null without impressions).
        referred_visitors (int): new_visitors whose first visit came within 7 days after a friend's check-in here
            reached their feed.
    """

    checkins: int
    unique_visitors: int
    new_visitors: int
    returning_visitors: int
    coupons_issued: int
    coupons_redeemed: int
    coupons_expired: int
    redemption_rate: float | None
    median_minutes_to_redeem: float | None
    friend_impressions: int
    likes: int
    comments: int
    engagement_rate: float | None
    referred_visitors: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkins = self.checkins

        unique_visitors = self.unique_visitors

        new_visitors = self.new_visitors

        returning_visitors = self.returning_visitors

        coupons_issued = self.coupons_issued

        coupons_redeemed = self.coupons_redeemed

        coupons_expired = self.coupons_expired

        redemption_rate: float | None
        redemption_rate = self.redemption_rate

        median_minutes_to_redeem: float | None
        median_minutes_to_redeem = self.median_minutes_to_redeem

        friend_impressions = self.friend_impressions

        likes = self.likes

        comments = self.comments

        engagement_rate: float | None
        engagement_rate = self.engagement_rate

        referred_visitors = self.referred_visitors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkins": checkins,
                "unique_visitors": unique_visitors,
                "new_visitors": new_visitors,
                "returning_visitors": returning_visitors,
                "coupons_issued": coupons_issued,
                "coupons_redeemed": coupons_redeemed,
                "coupons_expired": coupons_expired,
                "redemption_rate": redemption_rate,
                "median_minutes_to_redeem": median_minutes_to_redeem,
                "friend_impressions": friend_impressions,
                "likes": likes,
                "comments": comments,
                "engagement_rate": engagement_rate,
                "referred_visitors": referred_visitors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checkins = d.pop("checkins")

        unique_visitors = d.pop("unique_visitors")

        new_visitors = d.pop("new_visitors")

        returning_visitors = d.pop("returning_visitors")

        coupons_issued = d.pop("coupons_issued")

        coupons_redeemed = d.pop("coupons_redeemed")

        coupons_expired = d.pop("coupons_expired")

        def _parse_redemption_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        redemption_rate = _parse_redemption_rate(d.pop("redemption_rate"))

        def _parse_median_minutes_to_redeem(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_minutes_to_redeem = _parse_median_minutes_to_redeem(d.pop("median_minutes_to_redeem"))

        friend_impressions = d.pop("friend_impressions")

        likes = d.pop("likes")

        comments = d.pop("comments")

        def _parse_engagement_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        engagement_rate = _parse_engagement_rate(d.pop("engagement_rate"))

        referred_visitors = d.pop("referred_visitors")

        campaign_stats_totals = cls(
            checkins=checkins,
            unique_visitors=unique_visitors,
            new_visitors=new_visitors,
            returning_visitors=returning_visitors,
            coupons_issued=coupons_issued,
            coupons_redeemed=coupons_redeemed,
            coupons_expired=coupons_expired,
            redemption_rate=redemption_rate,
            median_minutes_to_redeem=median_minutes_to_redeem,
            friend_impressions=friend_impressions,
            likes=likes,
            comments=comments,
            engagement_rate=engagement_rate,
            referred_visitors=referred_visitors,
        )

        campaign_stats_totals.additional_properties = d
        return campaign_stats_totals

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
