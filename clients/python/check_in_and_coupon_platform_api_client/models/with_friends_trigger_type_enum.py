from enum import StrEnum


class WithFriendsTriggerTypeEnum(StrEnum):
    WITH_FRIENDS = "with_friends"

    def __str__(self) -> str:
        return str(self.value)
