"""Which hosts quotetrail may fetch: public internet addresses only, unless allowed.

A queued URL naming ``127.0.0.1``, a private network (10/8, 172.16/12, 192.168/16,
fc00::/7), a link-local (169.254/16, where cloud metadata services live), shared,
multicast or reserved address would have quotetrail read its own pages or a machine
behind the firewall as "news". A host is judged by every address its name resolves to
(``ipaddress``'s ``is_global``, IANA special-purpose registries), so a public-looking name
pointing at 127.0.0.1 is refused too; the fetch client judges again at each connection,
redirect hops included, and connects to the address it judged.

``QUOTETRAIL_FETCH_PRIVATE=1`` allows such addresses (a newsroom intranet; the test suite's
servers on 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Mapping
from urllib.parse import urlsplit

ALLOW_SETTING = "QUOTETRAIL_FETCH_PRIVATE"


def private_allowed(env: Mapping[str, str] = os.environ) -> bool:
    """Whether ``QUOTETRAIL_FETCH_PRIVATE`` allows fetching non-public addresses."""
    return env.get(ALLOW_SETTING, "").strip().lower() in {"1", "true", "yes", "on"}


def is_public(address: str) -> bool:
    """Whether an IPv4/IPv6 address string is a public internet address (an IPv4 address
    mapped into IPv6 is judged as the IPv4 address)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


def refusal(host: str, address: str) -> str:
    """The reason a fetch of ``host`` (resolving to ``address``) is refused."""
    named = host if host == address else f"{host} ({address})"
    return (
        f"refused: {named} is a loopback, private, link-local or reserved address, "
        f"not a public news site (set {ALLOW_SETTING}=1 to allow)"
    )


def public_addresses(host: str, port: int | None) -> list[str]:
    """The addresses ``host`` resolves to, all public. Raises ``socket.gaierror`` when it
    does not resolve and :class:`PrivateAddress` when any address is not public."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        if not is_public(address):
            raise PrivateAddress(refusal(host, address))
    return addresses


def url_refusal(url: str) -> str | None:
    """Why ``url`` may not be fetched (its host is not public), or None. A host that does
    not resolve now is not refused here: fetching it reports the failure."""
    host = urlsplit(url).hostname
    if not host:
        return None
    try:
        public_addresses(host, None)
    except PrivateAddress as error:
        return str(error)
    except (socket.gaierror, UnicodeError, OSError):
        return None
    return None


class PrivateAddress(Exception):
    """A host resolving to an address that is not public (the message says which)."""
