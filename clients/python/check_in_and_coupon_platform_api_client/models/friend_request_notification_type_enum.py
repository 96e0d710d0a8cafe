from enum import StrEnum


class FriendRequestNotificationTypeEnum(StrEnum):
    FRIEND_REQUEST = "friend_request"

    def __str__(self) -> str:
        return str(self.value)
