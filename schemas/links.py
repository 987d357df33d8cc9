"""The one rule for links to the outside world: only web (http/https) URLs are linked.

Stored article URLs come from the inputs; a ``javascript:`` or ``data:`` URL there must
never become a link in a page or a ``url`` in published JSON-LD.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def web_url(url: str | None) -> str | None:
    """``url`` stripped when it is an http(s) URL with a host, else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed IPv6 host, for one
        return None
    if parts.scheme.lower() in WEB_SCHEMES and parts.netloc:
        return url
    return None
