from enum import StrEnum


class FriendCheckinNotificationTypeEnum(StrEnum):
    FRIEND_CHECKIN = "friend_checkin"

    def __str__(self) -> str:
        return str(self.value)
