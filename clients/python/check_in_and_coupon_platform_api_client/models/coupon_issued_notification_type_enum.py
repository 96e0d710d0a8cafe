from enum import StrEnum


class CouponIssuedNotificationTypeEnum(StrEnum):
    COUPON_ISSUED = "coupon_issued"

    def __str__(self) -> str:
        return str(self.value)
