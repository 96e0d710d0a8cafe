from enum import StrEnum


class EveryCheckinTriggerTypeEnum(StrEnum):
    EVERY_CHECKIN = "every_checkin"

    def __str__(self) -> str:
        return str(self.value)
