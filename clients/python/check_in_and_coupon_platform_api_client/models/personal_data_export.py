from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.export_checkin import ExportCheckin
    from ..models.export_checkin_refusal import ExportCheckinRefusal
    from ..models.export_comment import ExportComment
    from ..models.export_consents import ExportConsents
    from ..models.export_coupon import ExportCoupon
    from ..models.export_eligibility import ExportEligibility
    from ..models.export_friend import ExportFriend
    from ..models.export_like import ExportLike
    from ..models.export_location_log_entry import ExportLocationLogEntry
    from ..models.export_merchant_role import ExportMerchantRole
    from ..models.export_merchant_view import ExportMerchantView
    from ..models.export_notification import ExportNotification
    from ..models.export_profile import ExportProfile
    from ..models.friend_request import FriendRequest


T = TypeVar("T", bound="PersonalDataExport")


@_attrs_define
class PersonalDataExport:
    """
    Attributes:
        exported_at (datetime.datetime):
        profile (ExportProfile):
        consents (ExportConsents):
        friends (list[ExportFriend]):
        friend_requests (list[FriendRequest]): Sent and received, answered ones included.
        checkins (list[ExportCheckin]):
        checkin_refusals (list[ExportCheckinRefusal]): Attempts the anti-cheat rules refused.
        coupons (list[ExportCoupon]):
        campaign_eligibility (list[ExportEligibility]): Each time a visit met a campaign's trigger.
        comments (list[ExportComment]):
        likes (list[ExportLike]):
        notifications (list[ExportNotification]):
        merchant_roles (list[ExportMerchantRole]):
        merchant_views (list[ExportMerchantView]): Merchant pages you opened while signed in.
        location_log (list[ExportLocationLogEntry]): As in GET /me/location-log, oldest first.
    """

    exported_at: datetime.datetime
    profile: ExportProfile
    consents: ExportConsents
    friends: list[ExportFriend]
    friend_requests: list[FriendRequest]
    checkins: list[ExportCheckin]
    checkin_refusals: list[ExportCheckinRefusal]
    coupons: list[ExportCoupon]
    campaign_eligibility: list[ExportEligibility]
    comments: list[ExportComment]
    likes: list[ExportLike]
    notifications: list[ExportNotification]
    merchant_roles: list[ExportMerchantRole]
    merchant_views: list[ExportMerchantView]
    location_log: list[ExportLocationLogEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at.isoformat()

        profile = self.profile.to_dict()

        consents = self.consents.to_dict()

        friends = []
        for friends_item_data in self.friends:
            friends_item = friends_item_data.to_dict()
            friends.append(friends_item)

        friend_requests = []
        for friend_requests_item_data in self.friend_requests:
            friend_requests_item = friend_requests_item_data.to_dict()
            friend_requests.append(friend_requests_item)

        checkins = []
        for checkins_item_data in self.checkins:
            checkins_item = checkins_item_data.to_dict()
            checkins.append(checkins_item)

        checkin_refusals = []
        for checkin_refusals_item_data in self.checkin_refusals:
            checkin_refusals_item = checkin_refusals_item_data.to_dict()
            checkin_refusals.append(checkin_refusals_item)

        coupons = []
        for coupons_item_data in self.coupons:
            coupons_item = coupons_item_data.to_dict()
            coupons.append(coupons_item)

        campaign_eligibility = []
        for campaign_eligibility_item_data in self.campaign_eligibility:
            campaign_eligibility_item = campaign_eligibility_item_data.to_dict()
            campaign_eligibility.append(campaign_eligibility_item)

        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)

        likes = []
        for likes_item_data in self.likes:
            likes_item = likes_item_data.to_dict()
            likes.append(likes_item)

        notifications = []
        for notifications_item_data in self.notifications:
            notifications_item = notifications_item_data.to_dict()
            notifications.append(notifications_item)

        merchant_roles = []
        for merchant_roles_item_data in self.merchant_roles:
            merchant_roles_item = merchant_roles_item_data.to_dict()
            merchant_roles.append(merchant_roles_item)

        merchant_views = []
        for merchant_views_item_data in self.merchant_views:
            merchant_views_item = merchant_views_item_data.to_dict()
            merchant_views.append(merchant_views_item)

        location_log = []
        for location_log_item_data in self.location_log:
            location_log_item = location_log_item_data.to_dict()
            location_log.append(location_log_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exported_at": exported_at,
                "profile": profile,
                "consents": consents,
                "friends": friends,
                "friend_requests": friend_requests,
                "checkins": checkins,
                "checkin_refusals": checkin_refusals,
                "coupons": coupons,
                "campaign_eligibility": campaign_eligibility,
                "comments": comments,
                "likes": likes,
                "notifications": notifications,
                "merchant_roles": merchant_roles,
                "merchant_views": merchant_views,
                "location_log": location_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_checkin import ExportCheckin  # noqa: PLC0415
        from ..models.export_checkin_refusal import ExportCheckinRefusal  # noqa: PLC0415
        from ..models.export_comment import ExportComment  # noqa: PLC0415
        from ..models.export_consents import ExportConsents  # noqa: PLC0415
        from ..models.export_coupon import ExportCoupon  # noqa: PLC0415
        from ..models.export_eligibility import ExportEligibility  # noqa: PLC0415
        from ..models.export_friend import ExportFriend  # noqa: PLC0415
        from ..models.export_like import ExportLike  # noqa: PLC0415
        from ..models.export_location_log_entry import ExportLocationLogEntry  # noqa: PLC0415
        from ..models.export_merchant_role import ExportMerchantRole  # noqa: PLC0415
        from ..models.export_merchant_view import ExportMerchantView  # noqa: PLC0415
        from ..models.export_notification import ExportNotification  # noqa: PLC0415
        from ..models.export_profile import ExportProfile  # noqa: PLC0415
        from ..models.friend_request import FriendRequest  # noqa: PLC0415

        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        profile = ExportProfile.from_dict(d.pop("profile"))

        consents = ExportConsents.from_dict(d.pop("consents"))

        friends = []
        _friends = d.pop("friends")
        for friends_item_data in _friends:
            friends_item = ExportFriend.from_dict(friends_item_data)

            friends.append(friends_item)

        friend_requests = []
        _friend_requests = d.pop("friend_requests")
        for friend_requests_item_data in _friend_requests:
            friend_requests_item = FriendRequest.from_dict(friend_requests_item_data)

            friend_requests.append(friend_requests_item)

        checkins = []
        _checkins = d.pop("checkins")
        for checkins_item_data in _checkins:
            checkins_item = ExportCheckin.from_dict(checkins_item_data)

            checkins.append(checkins_item)

        checkin_refusals = []
        _checkin_refusals = d.pop("checkin_refusals")
        for checkin_refusals_item_data in _checkin_refusals:
            checkin_refusals_item = ExportCheckinRefusal.from_dict(checkin_refusals_item_data)

            checkin_refusals.append(checkin_refusals_item)

        coupons = []
        _coupons = d.pop("coupons")
        for coupons_item_data in _coupons:
            coupons_item = ExportCoupon.from_dict(coupons_item_data)

            coupons.append(coupons_item)

        campaign_eligibility = []
        _campaign_eligibility = d.pop("campaign_eligibility")
        for campaign_eligibility_item_data in _campaign_eligibility:
            campaign_eligibility_item = ExportEligibility.from_dict(campaign_eligibility_item_data)

            campaign_eligibility.append(campaign_eligibility_item)

        comments = []
        _comments = d.pop("comments")
        for comments_item_data in _comments:
            comments_item = ExportComment.from_dict(comments_item_data)

            comments.append(comments_item)

        likes = []
        _likes = d.pop("likes")
        for likes_item_data in _likes:
            likes_item = ExportLike.from_dict(likes_item_data)

            likes.append(likes_item)

        notifications = []
        _notifications = d.pop("notifications")
        for notifications_item_data in _notifications:
            notifications_item = ExportNotification.from_dict(notifications_item_data)

            notifications.append(notifications_item)

        merchant_roles = []
        _merchant_roles = d.pop("merchant_roles")
        for merchant_roles_item_data in _merchant_roles:
            merchant_roles_item = ExportMerchantRole.from_dict(merchant_roles_item_data)

            merchant_roles.append(merchant_roles_item)

        merchant_views = []
        _merchant_views = d.pop("merchant_views")
        for merchant_views_item_data in _merchant_views:
            merchant_views_item = ExportMerchantView.from_dict(merchant_views_item_data)

            merchant_views.append(merchant_views_item)

        location_log = []
        _location_log = d.pop("location_log")
        for location_log_item_data in _location_log:
            location_log_item = ExportLocationLogEntry.from_dict(location_log_item_data)

            location_log.append(location_log_item)

        personal_data_export = cls(
            exported_at=exported_at,
            profile=profile,
            consents=consents,
            friends=friends,
            friend_requests=friend_requests,
            checkins=checkins,
            checkin_refusals=checkin_refusals,
            coupons=coupons,
            campaign_eligibility=campaign_eligibility,
            comments=comments,
            likes=likes,
            notifications=notifications,
            merchant_roles=merchant_roles,
            merchant_views=merchant_views,
            location_log=location_log,
        )

        personal_data_export.additional_properties = d
        return personal_data_export

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
