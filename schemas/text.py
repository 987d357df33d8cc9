"""The one rule for text entering quotetrail: valid Unicode, which every exit can encode.

Python strings can hold lone surrogates (U+D800-U+DFFF): JSON's ``"\\ud83d"`` escape
without its low half, XML/HTML character references, and file names that are not UTF-8
(decoded with ``surrogateescape``) all produce them. No exit can encode them: UTF-8 pages
and exports, JSON responses, SQLite and Elasticsearch all fail on the first one. So the
readers repair them (each becomes U+FFFD, and the input and field are named in a warning),
and the JSON API rejects a body that carries one (400 naming the field).

Text is also normalized on entry (:func:`normalized_text`): NFC, no bidirectional
controls (a warning or a 400 names the input), no invisible characters inside a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

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
    return _fields_holding(value, first_surrogate, path, keys=True)


def repaired(value: Any) -> Any:
    """A JSON-like value with every string (and dict key) made valid by :func:`valid_text`."""
    return _each_string(value, valid_text, keys=True)


def _fields_holding(
    value: Any, holds: Callable[[str], str | None], path: str, keys: bool
) -> list[str]:
    """Dotted paths of the strings in a JSON-like value (dicts, lists, tuples, strings; dict
    keys too with ``keys``) for which ``holds`` gives something; ``value`` alone is
    ``value``. Paths are valid text (a key's lone surrogate becomes U+FFFD)."""
    if isinstance(value, str):
        return [path or "value"] if holds(value) else []
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            name = valid_text(f"{path}.{key}" if path else str(key))
            if keys and isinstance(key, str) and holds(key):
                found.append(name)
            found += _fields_holding(item, holds, name, keys)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found += _fields_holding(item, holds, f"{path}[{index}]", keys)
    return found


def _each_string(value: Any, change: Callable[[str], str], keys: bool) -> Any:
    """A JSON-like value with every string (dict keys too with ``keys``) passed through
    ``change``; other values as they are."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {
            (_each_string(key, change, keys) if keys else key): _each_string(item, change, keys)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_each_string(item, change, keys) for item in value]
    if isinstance(value, tuple):
        return tuple(_each_string(item, change, keys) for item in value)
    return value


# Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069):
# "Robert \u202egnidleiF\u202c" displays as "Robert Fielding" but reads "gnidleiF". No
# article needs them; text entering loses them, and the input is named in a warning.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Invisible format characters (Unicode category Cf) that split a word without showing:
# soft hyphen, zero-width space, left-to-right and right-to-left marks, word joiner and
# invisible operators, byte order mark. Inside a word they go ("Fie\u200blding"), and so
# next to the hyphen or apostrophe of a name written with one ("Al\u00ad-Farsi", "O\u200b'Neil").
_NAME_PUNCT = "'\u2019\u2010\u2011-"  # the hyphen last: a character class's literal
_IN_WORD_INVISIBLE = re.compile(
    "(?<=[\\w" + _NAME_PUNCT + "])[\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\ufeff]+"
    "(?=[\\w" + _NAME_PUNCT + "])"
)
# Zero-width joiner and non-joiner shape Arabic, Persian and Indic words (and emoji): only
# between two Latin letters, or a Latin letter and a name's hyphen or apostrophe
# ("Al\u200d-Farsi"), are they an accident of copy and paste.
_LATIN = "[A-Za-z\u00c0-\u024f]"
_LATIN_OR_PUNCT = f"(?:{_LATIN}|[{_NAME_PUNCT}])"
_IN_LATIN_JOINER = re.compile(
    f"(?<={_LATIN})[\u200c\u200d]+(?={_LATIN_OR_PUNCT})"
    f"|(?<=[{_NAME_PUNCT}])[\u200c\u200d]+(?={_LATIN})"
)


def bidi_control(text: str) -> str | None:
    """The first bidirectional control character of ``text`` as ``U+202E``, or None."""
    match = _BIDI_CONTROLS.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"


def normalized_text(text: str) -> str:
    """``text`` as quotetrail stores it: NFC (composed accents, so "é" typed two ways is one
    name), without bidirectional controls, and without invisible format characters inside a
    word (:data:`_IN_WORD_INVISIBLE`; joiners only between Latin letters). ASCII text is
    returned as is."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    text = _BIDI_CONTROLS.sub("", text)
    text = _IN_WORD_INVISIBLE.sub("", text)
    return _IN_LATIN_JOINER.sub("", text)


def bidi_fields(value: Any, path: str = "") -> list[str]:
    """Dotted paths of the strings in a JSON-like value that hold a bidirectional control
    (see :func:`invalid_fields` for the shape; keys are not looked at)."""
    return _fields_holding(value, bidi_control, path, keys=False)


def normalized(value: Any) -> Any:
    """A JSON-like value with every string (not keys) passed through :func:`normalized_text`."""
    return _each_string(value, normalized_text, keys=False)
