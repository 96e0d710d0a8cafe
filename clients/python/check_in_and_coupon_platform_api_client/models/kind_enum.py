from enum import StrEnum


class KindEnum(StrEnum):
    LOCATION = "location"

    def __str__(self) -> str:
        return str(self.value)
