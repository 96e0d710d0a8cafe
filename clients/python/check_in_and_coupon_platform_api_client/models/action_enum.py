from enum import StrEnum


class ActionEnum(StrEnum):
    COLLECTED = "collected"
    PROVIDED = "provided"
    USED = "used"

    def __str__(self) -> str:
        return str(self.value)
