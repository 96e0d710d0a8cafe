from enum import StrEnum


class FirstVisitTriggerTypeEnum(StrEnum):
    FIRST_VISIT = "first_visit"

    def __str__(self) -> str:
        return str(self.value)
