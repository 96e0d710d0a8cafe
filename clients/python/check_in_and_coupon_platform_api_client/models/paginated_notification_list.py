from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comment_notification import CommentNotification
    from ..models.coupon_issued_notification import CouponIssuedNotification
    from ..models.friend_accepted_notification import FriendAcceptedNotification
    from ..models.friend_checkin_notification import FriendCheckinNotification
    from ..models.friend_request_notification import FriendRequestNotification
    from ..models.like_notification import LikeNotification


T = TypeVar("T", bound="PaginatedNotificationList")


@_attrs_define
class PaginatedNotificationList:
    """
    Attributes:
        next_ (None | str): The next page, or null on the last page. Example:
            https://api.example.org/api/v1/notifications?cursor=eyJkIjoibiIsImsiOls1MTMxXX0&limit=20.
        previous (None | str): The previous page, or null on the first page. Example:
            https://api.example.org/api/v1/notifications?cursor=eyJkIjoicCIsImsiOls1MTMxXX0&limit=20.
        results (list[CommentNotification | CouponIssuedNotification | FriendAcceptedNotification |
            FriendCheckinNotification | FriendRequestNotification | LikeNotification]):
    """

    next_: None | str
    previous: None | str
    results: list[
        CommentNotification
        | CouponIssuedNotification
        | FriendAcceptedNotification
        | FriendCheckinNotification
        | FriendRequestNotification
        | LikeNotification
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.coupon_issued_notification import CouponIssuedNotification  # noqa: PLC0415
        from ..models.friend_accepted_notification import FriendAcceptedNotification  # noqa: PLC0415
        from ..models.friend_checkin_notification import FriendCheckinNotification  # noqa: PLC0415
        from ..models.friend_request_notification import FriendRequestNotification  # noqa: PLC0415
        from ..models.like_notification import LikeNotification  # noqa: PLC0415

        next_: None | str
        next_ = self.next_

        previous: None | str
        previous = self.previous

        results = []
        for results_item_data in self.results:
            results_item: dict[str, Any]
            if isinstance(results_item_data, FriendRequestNotification):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, FriendAcceptedNotification):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, FriendCheckinNotification):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, CouponIssuedNotification):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, LikeNotification):
                results_item = results_item_data.to_dict()
            else:
                results_item = results_item_data.to_dict()

            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "next": next_,
                "previous": previous,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_notification import CommentNotification  # noqa: PLC0415
        from ..models.coupon_issued_notification import CouponIssuedNotification  # noqa: PLC0415
        from ..models.friend_accepted_notification import FriendAcceptedNotification  # noqa: PLC0415
        from ..models.friend_checkin_notification import FriendCheckinNotification  # noqa: PLC0415
        from ..models.friend_request_notification import FriendRequestNotification  # noqa: PLC0415
        from ..models.like_notification import LikeNotification  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))

        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:

            def _parse_results_item(
                data: object,
            ) -> (
                CommentNotification
                | CouponIssuedNotification
                | FriendAcceptedNotification
                | FriendCheckinNotification
                | FriendRequestNotification
                | LikeNotification
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_notification_type_0 = FriendRequestNotification.from_dict(data)

                    return componentsschemas_notification_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_notification_type_1 = FriendAcceptedNotification.from_dict(data)

                    return componentsschemas_notification_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_notification_type_2 = FriendCheckinNotification.from_dict(data)

                    return componentsschemas_notification_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_notification_type_3 = CouponIssuedNotification.from_dict(data)

                    return componentsschemas_notification_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_notification_type_4 = LikeNotification.from_dict(data)

                    return componentsschemas_notification_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_notification_type_5 = CommentNotification.from_dict(data)

                return componentsschemas_notification_type_5

            results_item = _parse_results_item(results_item_data)

            results.append(results_item)

        paginated_notification_list = cls(
            next_=next_,
            previous=previous,
            results=results,
        )

        paginated_notification_list.additional_properties = d
        return paginated_notification_list

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
