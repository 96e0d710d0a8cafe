from enum import StrEnum


class NthVisitTriggerTypeEnum(StrEnum):
    NTH_VISIT = "nth_visit"

    def __str__(self) -> str:
        return str(self.value)
