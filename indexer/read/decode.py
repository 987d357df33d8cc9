"""Bytes to text: BOMs, UTF-8, then cp1252/latin-1, then charset-normalizer's guess."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from quotetrail.errors import Undecodable as Undecodable

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# Control characters that never occur in text (tab, newlines, form feed, escape do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_C1 = re.compile(r"[\x80-\x9f]")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def binary_kind(head: bytes) -> str | None:
    """Why ``head`` (the first bytes of an input) is not text, or None when it may be."""
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            return kind
    if bom_encoding(head):
        return None
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.05:
        return "control characters"
    return None


def looks_like_text(text: str) -> bool:
    """Few control characters: a wrong guess at the encoding usually produces many."""
    if not text:
        return True
    bad = len(_CONTROL.findall(text)) + len(_C1.findall(text))
    return bad / len(text) < 0.01


class Decoded(NamedTuple):
    """Text decoded from bytes, and what had to be repaired for it (None: nothing)."""

    text: str
    repair: str | None = None


def decode(data: bytes, hint: str | None = None) -> Decoded:
    """Decode text bytes, raising :class:`Undecodable` with a short reason.

    Text that is UTF-8 but for a few invalid bytes (more valid non-ASCII characters than
    invalid bytes) is read as UTF-8 with each invalid byte sequence replaced by U+FFFD, and
    the repair says how many there were and where the first one is: read as cp1252 instead,
    every character of it would come out as mojibake, unnoticed.
    """
    bom = bom_encoding(data)
    candidates = [bom] if bom else []
    if hint:
        candidates.append(hint)
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        if encoding == "cp1252":
            mended = _mostly_utf8(data)
            if mended is not None:
                return mended
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if looks_like_text(text):
            return Decoded(text)
        if encoding == bom:
            break
    guess = _guess(data)
    if guess is not None:
        return Decoded(guess)
    raise Undecodable("undecodable text (not UTF-8, UTF-16, cp1252 or any detectable encoding)")


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid byte sequences repaired, when that is what ``data`` is."""
    try:
        data.decode("utf-8")
        return None  # valid UTF-8 that did not look like text: not ours to repair
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8", "replace")
    genuine = data.count("\ufffd".encode())
    invalid = text.count("\ufffd") - genuine
    valid = sum(1 for c in text if c > "\x7f") - invalid - genuine
    if valid <= invalid or not looks_like_text(text.replace("\ufffd", "")):
        return None
    many = "sequence" if invalid == 1 else "sequences"
    where = f"the first at byte {first}"
    return Decoded(text, f"{invalid} invalid UTF-8 byte {many} ({where}) replaced with U+FFFD")


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if looks_like_text(text) else None
