from enum import StrEnum


class EventsEnum(StrEnum):
    CAMPAIGN_ENDED = "campaign.ended"
    CAMPAIGN_SOLD_OUT = "campaign.sold_out"
    CHECKIN_CREATED = "checkin.created"
    COUPON_ISSUED = "coupon.issued"
    COUPON_REDEEMED = "coupon.redeemed"
    COUPON_VOIDED = "coupon.voided"

    def __str__(self) -> str:
        return str(self.value)
