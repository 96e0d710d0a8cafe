from enum import StrEnum


class DisabledReasonEnum(StrEnum):
    BY_USER = "by_user"
    FAILING = "failing"

    def __str__(self) -> str:
        return str(self.value)
