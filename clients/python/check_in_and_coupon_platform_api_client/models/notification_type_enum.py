from enum import StrEnum


class NotificationTypeEnum(StrEnum):
    COMMENT = "comment"
    COUPON_ISSUED = "coupon_issued"
    FRIEND_ACCEPTED = "friend_accepted"
    FRIEND_CHECKIN = "friend_checkin"
    FRIEND_REQUEST = "friend_request"
    LIKE = "like"

    def __str__(self) -> str:
        return str(self.value)
