from enum import StrEnum


class FriendAcceptedNotificationTypeEnum(StrEnum):
    FRIEND_ACCEPTED = "friend_accepted"

    def __str__(self) -> str:
        return str(self.value)
