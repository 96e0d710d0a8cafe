"""Rate limits, and the one definition of the client's address that they and the login lockout are keyed on.

`client_ip` is what DRF's throttles (ScopedThrottle.get_ident) and django-axes (settings.AXES_CLIENT_IP_CALLABLE)
both use: X-Forwarded-For is believed only as far as it was written by settings.TRUSTED_PROXIES, so a client cannot
pick its own rate-limit bucket by sending the header itself.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from rest_framework.exceptions import APIException, Throttled
from rest_framework.throttling import ScopedRateThrottle

from accounts.login_lockout import login_lock_message

_Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[_Network, ...]:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _address(text: str) -> _Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 peer seen through an IPv6 socket (::ffff:a.b.c.d) is that IPv4 address.
    return getattr(address, "ipv4_mapped", None) or address


def client_ip(request) -> str:
    """The caller's address: the TCP peer (REMOTE_ADDR), unless that peer is a trusted proxy; then X-Forwarded-For is
    read from the right (the entry the nearest proxy appended) past every trusted proxy, and the first address that is
    not one is the client. Entries a client wrote itself sit to the left of that and are never read."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    peer = _address(remote)
    if not networks or peer is None or not any(peer in network for network in networks):
        return remote
    client = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:  # not an address: no trusted proxy wrote it, so stop at the last one that did
            break
        client = address
        if not any(address in network for network in networks):
            break
    return str(client)


_PERIOD_WORDS = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}


def rate_text(rate: str) -> str:
    """A THROTTLE_RATES value in words: "30/min" is "30 requests per minute"."""
    count, seconds = ScopedRateThrottle().parse_rate(rate)
    return f"{count} requests per {_PERIOD_WORDS[seconds]}"


@dataclass(frozen=True)
class RateLimitState:
    """Where the caller stands in a rate limit after this request: the RateLimit-* response headers."""

    limit: int
    remaining: int
    reset: int  # seconds until the oldest request counted leaves the window

    def headers(self) -> dict[str, str]:
        """The IETF draft RateLimit header fields (draft-ietf-httpapi-ratelimit-headers)."""
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
        }


RATE_LIMIT_ATTRIBUTE = "rate_limit_state"  # on the request; api.views.ApiView.finalize_response sends it


class ScopedThrottle(ScopedRateThrottle):
    """ScopedRateThrottle whose rates come from settings.THROTTLE_RATES; keyed by user, or by client_ip() for
    anonymous callers (DRF's own get_ident would believe any X-Forwarded-For). It leaves where the caller stands on
    the request (RateLimitState), and always knows how long a refused caller must wait."""

    def get_rate(self):
        return settings.THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request)

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if self.rate is not None and getattr(self, "key", None) is not None:
            remaining = max(0, self.num_requests - len(self.history))
            setattr(request, RATE_LIMIT_ATTRIBUTE, RateLimitState(self.num_requests, remaining, self._reset()))
        return allowed

    def peek(self, request, view) -> RateLimitState | None:
        """Where the caller stands, counting nothing: for answers given before the throttle ran (401, 403, 406).
        None when the view's scope has no rate."""
        self.scope = getattr(view, self.scope_attr, None)
        self.rate = self.get_rate() if self.scope else None
        if self.rate is None:
            return None
        self.num_requests, self.duration = self.parse_rate(self.rate)
        try:
            self.key = self.get_cache_key(request, view)  # reads request.user: may authenticate now, and fail
        except APIException:
            return None
        if self.key is None:
            return None
        self.now = self.timer()
        self.history = [moment for moment in self.cache.get(self.key, []) if moment > self.now - self.duration]
        return RateLimitState(self.num_requests, max(0, self.num_requests - len(self.history)), self._reset())

    def _reset(self) -> int:
        """Seconds until the oldest request counted leaves the window (freeing a request); 0 when none is counted."""
        if not self.history:
            return 0
        return max(1, math.ceil(self.duration - (self.now - self.history[-1])))

    def wait(self):
        # DRF answers None when more requests than the limit were counted (requests racing past the check), and the
        # 429 would lack its Retry-After. The wait is until enough of them leave the window to free a request: the
        # one in the last slot (history is newest first), at least 1 s.
        blocking = self.history[min(len(self.history), self.num_requests) - 1] if self.history else self.now
        return float(max(1, math.ceil(self.duration - (self.now - blocking))))


class LoginLocked(Throttled):
    """Password login to this account is locked for `remaining` after repeated failures (django-axes); a 429
    `login_locked` problem with Retry-After."""

    default_code = "login_locked"

    def __init__(self, remaining: timedelta):
        super().__init__(detail=login_lock_message(remaining), code=self.default_code)
        self.wait = max(1, math.ceil(remaining.total_seconds()))
