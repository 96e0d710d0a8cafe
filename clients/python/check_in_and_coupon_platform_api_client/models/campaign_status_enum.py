from enum import StrEnum


class CampaignStatusEnum(StrEnum):
    ENDED = "ended"
    PAUSED = "paused"
    RUNNING = "running"
    SCHEDULED = "scheduled"
    SOLD_OUT = "sold_out"

    def __str__(self) -> str:
        return str(self.value)
