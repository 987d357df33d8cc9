"""What every response and every request body goes through: security headers, the bearer
token check, and reading a JSON body without letting hostile input reach a 500.

The headers follow the OWASP Secure Headers Project's recommendations for an HTML+JSON
app that loads nothing from elsewhere: a Content-Security-Policy allowing scripts and
styles from this origin only (the templates carry no inline script, style or handler),
no framing (``frame-ancestors 'none'`` and X-Frame-Options for older browsers), no MIME
sniffing, and referrers only within the site. They are a few lines here rather than
flask-talisman, which would also force HTTPS (wrong for a local ``quotetrail serve``).
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from flask import Response, request

from schemas.text import bidi_control, bidi_fields, first_surrogate, invalid_fields, normalized
from webapp.params import ParamError

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def add_security_headers(response: Response) -> Response:
    """Every response, pages, JSON, exports and errors alike, carries SECURITY_HEADERS."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def bearer_matches(header: str, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``Bearer <token>``.

    Compared as UTF-8 bytes in constant time: ``hmac.compare_digest`` raises TypeError on
    strings with non-ASCII characters, and a header may carry any (decoded as Latin-1).
    """
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    given = value.strip().encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given, token.encode("utf-8"))


# The ParamError ``param`` of a request whose body itself is unusable (not JSON, not an
# object): the response says "The request body ...", never "Parameter 'body'", which reads
# like an article's ``body`` field.
REQUEST_BODY = "request body"


def json_body() -> dict[str, Any]:
    """The request's JSON object, or :class:`ParamError` (400) saying what is wrong with it.

    Refused: anything but a JSON object, broken JSON, nesting too deep for the parser
    (RecursionError), strings or keys with lone surrogates (``"\\ud83d"``), which no
    store or response can encode, and strings with bidirectional controls (``U+202E``),
    which make a name display other than it reads (``schemas.text``). A body over
    MAX_CONTENT_LENGTH is refused before it is read (413, by Flask). Strings are returned
    normalized (``schemas.text.normalized_text``: NFC, no invisible characters in a word).
    """
    raw = request.get_data(cache=True)
    try:
        data = json.loads(raw) if raw.strip() else None
    except RecursionError:
        raise ParamError(REQUEST_BODY, "is JSON nested too deeply") from None
    except ValueError as error:
        raise ParamError(REQUEST_BODY, f"is not JSON (broken JSON: {error})") from None
    if not isinstance(data, dict):
        raise ParamError(REQUEST_BODY, "is not a JSON object (expected a JSON object)")
    bad = invalid_fields(data)
    if bad:
        where = bad[0]
        found = _surrogate_in(data, where)
        raise ParamError(
            where.split(".")[0].split("[")[0],
            f"field '{where}' is not valid Unicode (lone surrogate {found}); "
            "send UTF-8 text, or both halves of a surrogate pair",
        )
    controls = bidi_fields(data)
    if controls:
        where = controls[0]
        found = bidi_control(json.dumps(data, ensure_ascii=False)) or "?"
        raise ParamError(
            where.split(".")[0].split("[")[0],
            f"field '{where}' holds a bidirectional control character ({found}), which makes "
            "text display other than it reads; remove it",
        )
    return normalized(data)


def _surrogate_in(data: dict[str, Any], where: str) -> str:
    """The first lone surrogate of a JSON object (its position named by ``where``)."""
    text = json.dumps(data, ensure_ascii=False)
    return first_surrogate(text) or "?"
