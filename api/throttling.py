"""Per-user rate limits read from settings.THROTTLE_RATES at request time (so they are settings, not constants)."""

from django.conf import settings
from rest_framework.throttling import ScopedRateThrottle


class ScopedThrottle(ScopedRateThrottle):
    """ScopedRateThrottle whose rates come from settings.THROTTLE_RATES; keyed by user, or by IP for anonymous."""

    def get_rate(self):
        return settings.THROTTLE_RATES.get(self.scope)
