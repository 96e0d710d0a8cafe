from enum import StrEnum


class TypeEnum(StrEnum):
    EVERY_CHECKIN = "every_checkin"
    FIRST_VISIT = "first_visit"
    NTH_VISIT = "nth_visit"
    WITH_FRIENDS = "with_friends"

    def __str__(self) -> str:
        return str(self.value)
