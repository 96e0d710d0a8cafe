"""Rate limits, and the one definition of the client's address that they and the login lockout are keyed on.

`client_ip` is what DRF's throttles (ScopedThrottle.get_ident) and django-axes (settings.AXES_CLIENT_IP_CALLABLE)
both use: X-Forwarded-For is believed only as far as it was written by settings.TRUSTED_PROXIES, so a client cannot
pick its own rate-limit bucket by sending the header itself.
"""

import ipaddress
import math
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from rest_framework.exceptions import Throttled
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


class ScopedThrottle(ScopedRateThrottle):
    """ScopedRateThrottle whose rates come from settings.THROTTLE_RATES; keyed by user, or by client_ip() for
    anonymous callers (DRF's own get_ident would believe any X-Forwarded-For)."""

    def get_rate(self):
        return settings.THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request)


class LoginLocked(Throttled):
    """Password login to this account is locked for `remaining` after repeated failures (django-axes); a 429
    `login_locked` problem with Retry-After."""

    default_code = "login_locked"

    def __init__(self, remaining: timedelta):
        super().__init__(detail=login_lock_message(remaining), code=self.default_code)
        self.wait = max(1, math.ceil(remaining.total_seconds()))
