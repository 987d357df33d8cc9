"""Stable identifiers: the same input always gets the same id, on every engine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from schemas.scripts import fold_confusables, latin_ascii

_NON_WORD = re.compile(r"[^a-z0-9]+")


def digest(*parts: str, length: int = 16) -> str:
    """A short hex digest of the parts, for ids that must not depend on the engine."""
    h = hashlib.sha1()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def slug(name: str) -> str:
    """Lowercase ascii slug: the id of a speaker or outlet ("Kyiv Post" -> "kyiv-post").

    A mixed-script name is read in its dominant script first
    (:func:`schemas.scripts.fold_confusables`: "Ruth C\u0430lder" -> "ruth-calder"). A
    slug never drops a letter: a name with a letter that has no ascii form (all of
    "Владимир Путин") gets a digest of the name instead."""
    name = fold_confusables(name)
    folded = (
        unicodedata.normalize("NFKD", latin_ascii(name))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    letters = sum(c.isalpha() for c in name)
    if sum(c.isalpha() for c in folded) < letters:
        return digest(name, length=8)
    return _NON_WORD.sub("-", folded.lower()).strip("-") or digest(name, length=8)


def normalize_text(text: str) -> str:
    """Whitespace- and case-folded text, so trivially different copies hash alike."""
    return " ".join(text.split()).casefold()


def article_id(url: str | None, body: str) -> str:
    """From the canonical URL when known (scheme and trailing slash ignored), else the text."""
    if url:
        key = re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()
        return "a-" + digest("url", key)
    return "a-" + digest("text", normalize_text(body))


def attribution_id(article: str, content: str, part: str = "body", repeat: int = 0) -> str:
    """From the article, the part it sits in (its body, or its title) and the quote's own
    words (whitespace- and case-folded): an edit elsewhere in the article (a sentence added,
    a word changed in another paragraph) keeps every other quote's id, so links to it hold.
    ``repeat`` tells apart the same words quoted again in the same part of one article (0
    for the first time, 1 for the second ...). The speaker is no part of it: an editor's
    correction of who said it changes the record, not the id a link uses."""
    words = normalize_text(content)
    where = words if part == "body" else f"{part}:{words}"
    return "q-" + digest(article, where, str(repeat)) if repeat else "q-" + digest(article, where)
