from enum import StrEnum


class VisibilityEnum(StrEnum):
    FRIENDS = "friends"
    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
