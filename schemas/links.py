"""The one rule for links to the outside world: only web (http/https) URLs are linked, and
one article has one URL.

Stored article URLs come from the inputs; a ``javascript:`` or ``data:`` URL there must
never become a link in a page or a ``url`` in published JSON-LD (inputs reject them:
``indexer.prepare``).

One article, one URL (:func:`article_url`): courlan (trafilatura's URL library) scrubs and
normalises the URL: scheme and host in lower case, default ports and tracking parameters
(utm_*, fbclid, gclid, ...) dropped, the query sorted. On top of it, the AMP and mobile
renderings of an article are mapped to the article itself: an ``amp.`` / ``m.`` /
``mobile.`` host prefix, an ``/amp`` path segment at either end or an ``.amp`` /
``.amp.html`` suffix, and ``amp`` / ``outputType=amp`` query parameters; the fragment is
dropped.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

WEB_SCHEMES = ("http", "https")
_HOST_VARIANTS = ("amp.", "m.", "mobile.")
_AMP_PATH = re.compile(r"(?:/amp/?$|\.amp(?=\.html?$)|\.amp$|^/amp(?=/))", re.I)
_AMP_QUERY = {"amp", "outputtype", "usqp"}


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


def is_web_url(text: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    return bool(re.match(r"^https?://[^/\s]", text, re.I))


def article_url(url: str) -> str:
    """The one URL every variant of an article maps to (the input when it is no URL)."""
    import courlan

    parts = urlsplit(url.strip())
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in _AMP_QUERY
        ]
    )
    path = _AMP_PATH.sub("", parts.path) or "/"
    cleaned = courlan.clean_url(urlunsplit((parts.scheme, parts.netloc, path, query, ""))) or url
    parts = urlsplit(cleaned)
    host = parts.netloc
    for prefix in _HOST_VARIANTS:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))
