from enum import StrEnum


class LikeNotificationTypeEnum(StrEnum):
    LIKE = "like"

    def __str__(self) -> str:
        return str(self.value)
