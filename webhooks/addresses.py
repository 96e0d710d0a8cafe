"""Which addresses may receive webhooks: never one of our own network (private, loopback, link-local, multicast,
reserved, unspecified, shared) unless settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES, so that no merchant can make the
platform call into the network it runs in (server-side request forgery).

The rule is checked twice: when a URL is registered (webhook_url_check, a clear 400) and at every attempt on the
addresses the name resolves to then (webhook_target_resolve), because DNS answers change. The attempt then connects to
the very addresses that were checked, never resolving the name again, so nothing can change between check and connect.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from webhooks.errors import WebhookUrlNotAllowed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_DEFAULT_PORTS = {"http": 80, "https": 443}
# NAT64's well-known prefix carries an IPv4 address in its last 32 bits (RFC 6052).
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AddressRefused(Exception):
    """The URL cannot be called now; `reason` is what the delivery records ("address not allowed", ...)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Target:
    """Where an attempt goes: the checked addresses to connect to (in the resolver's order), and the name for the
    Host header and TLS."""

    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple[str, ...]

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == _DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, 6to4, NAT64), which is where a packet really goes."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_is_public(address: IPAddress) -> bool:
    """True for a globally reachable unicast address (and, for IPv6, whatever IPv4 address it embeds)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None and not address_is_public(embedded):
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
    )


def _addresses_resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the name resolves to (a literal address is itself); AddressRefused when there is none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise AddressRefused("name not resolved") from None
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # An IPv6 sockaddr may carry a zone ("fe80::1%eth0"): the address is what precedes it.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise AddressRefused("name not resolved")
    return addresses


def _addresses_allowed(addresses: list[IPAddress]) -> None:
    """AddressRefused when ANY address is not public (a name with one private address could be sent there)."""
    if settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        return
    if not all(address_is_public(address) for address in addresses):
        raise AddressRefused("address not allowed")


def _url_parts(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an http(s) URL; ValueError for anything else."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError("not an http(s) URL with a host")
    port = parts.port or _DEFAULT_PORTS[scheme]  # ValueError for a port out of range
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, path


def webhook_target_resolve(url: str) -> Target:
    """Where an attempt for this URL connects now: the name resolved and every address checked. AddressRefused
    ("address not allowed", "name not resolved", "invalid url") when it cannot be called."""
    try:
        scheme, host, port, path = _url_parts(url)
    except ValueError:
        raise AddressRefused("invalid url") from None
    addresses = _addresses_resolve(host, port)
    _addresses_allowed(addresses)
    return Target(scheme=scheme, host=host, port=port, path=path, addresses=tuple(str(a) for a in addresses))


def _refused(why: str) -> WebhookUrlNotAllowed:
    return WebhookUrlNotAllowed(why, errors={"url": [why]})


def webhook_url_check(url: str) -> None:
    """Refuse (WebhookUrlNotAllowed, naming `url`) a URL that may not receive webhooks: not http(s) (or plain http
    where settings.WEBHOOK_REQUIRE_HTTPS), with a user name or password, a host that does not resolve, or one that
    resolves to any address that is not public (unless settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES)."""
    try:
        scheme, host, port, _path = _url_parts(url)
    except ValueError:
        raise _refused(_("Only http and https addresses with a host name can receive webhooks.")) from None
    if scheme != "https" and settings.WEBHOOK_REQUIRE_HTTPS:
        raise _refused(_("Webhook addresses must start with https://."))
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise _refused(_("A webhook address must not contain a user name or password."))
    try:
        _addresses_allowed(_addresses_resolve(host, port))
    except AddressRefused as refused:
        if refused.reason == "name not resolved":
            raise _refused(_("The host name of this address could not be found.")) from None
        raise _refused(_("This address points into a private network; webhooks go to public addresses only.")) from None
