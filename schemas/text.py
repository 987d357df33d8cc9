"""The one rule for text entering quotetrail: valid Unicode, which every exit can encode.

Python strings can hold lone surrogates (U+D800-U+DFFF): JSON's ``"\\ud83d"`` escape
without its low half, XML/HTML character references, and file names that are not UTF-8
(decoded with ``surrogateescape``) all produce them. No exit can encode them: UTF-8 pages
and exports, JSON responses, SQLite and Elasticsearch all fail on the first one. So the
readers repair them (each becomes U+FFFD, and the input and field are named in a warning),
and the JSON API rejects a body that carries one (400 naming the field).
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def first_surrogate(text: str) -> str | None:
    """The first lone surrogate of ``text`` as ``U+D83D``, or None when the text is valid."""
    match = _SURROGATE.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD.

    A high and low surrogate standing next to each other become the one character they
    encode (as a UTF-16 reading of them would); text without surrogates is returned as is.
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def invalid_fields(value: Any, path: str = "") -> list[str]:
    """Dotted paths (``title``, ``metadata.tags[2]``) of the strings in a JSON-like value
    (dicts, lists, strings; keys too) that hold a lone surrogate."""
    found: list[str] = []
    if isinstance(value, str):
        if first_surrogate(value):
            found.append(path or "value")
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and first_surrogate(key):
                found.append(valid_text(name))
            found += invalid_fields(item, valid_text(name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found += invalid_fields(item, f"{path}[{index}]")
    return found


def repaired(value: Any) -> Any:
    """A JSON-like value with every string (and dict key) made valid by :func:`valid_text`."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, dict):
        return {repaired(key): repaired(item) for key, item in value.items()}
    if isinstance(value, list):
        return [repaired(item) for item in value]
    if isinstance(value, tuple):
        return tuple(repaired(item) for item in value)
    return value
