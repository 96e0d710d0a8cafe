"""A campaign's numeric limits, declared once: the service check, the constraints, the API and the form read them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """A whole-number campaign field with its inclusive bounds and its default."""

    name: str
    low: int
    high: int
    default: int


PER_USER_LIMIT = Limit("per_user_limit", 1, 1000, 1)
COUPON_VALID_DAYS = Limit("coupon_valid_days", 1, 3650, 7)
HOLDOUT_PERCENT = Limit("holdout_percent", 0, 50, 0)
CAMPAIGN_LIMITS = (PER_USER_LIMIT, COUPON_VALID_DAYS, HOLDOUT_PERCENT)
