from enum import StrEnum


class ProgressReasonEnum(StrEnum):
    ALREADY_VISITED = "already_visited"
    LIMIT_REACHED = "limit_reached"
    NOT_IN_AUDIENCE = "not_in_audience"
    NOT_OFFERED = "not_offered"
    OUTSIDE_HOURS = "outside_hours"
    SOLD_OUT = "sold_out"

    def __str__(self) -> str:
        return str(self.value)
