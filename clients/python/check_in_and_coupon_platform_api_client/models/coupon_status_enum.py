from enum import StrEnum


class CouponStatusEnum(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REDEEMED = "redeemed"

    def __str__(self) -> str:
        return str(self.value)
