from enum import StrEnum


class CommentNotificationTypeEnum(StrEnum):
    COMMENT = "comment"

    def __str__(self) -> str:
        return str(self.value)
