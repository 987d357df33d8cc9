"""Mixed-script names: letters of another script that look like the name's own.

"Ruth C\\u0430lder" (a Cyrillic "а" among Latin letters) looks exactly like "Ruth Calder".
For linking and ids such a name is read in its dominant script: each letter of another
script that is a confusable of a letter of the dominant one is replaced by that letter.
The confusables are Unicode's (UTS #39 ``confusables.txt``, as packaged by the
``confusable-homoglyphs`` library); the text shown keeps the letters as written.

Latin letters that Unicode does not decompose into an ascii letter and a mark ("ł", "ø",
"đ", "ß", "æ", "ı", "þ") are spelled as their usual Latin transcription
(:func:`latin_ascii`, from the ``anyascii`` library's tables).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from anyascii import anyascii
from confusable_homoglyphs import categories, confusables


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    return categories.alias(char)


@lru_cache(maxsize=4096)
def _lookalike(char: str, script: str) -> str:
    """The one letter of ``script`` that ``char`` is confusable with, or ``char``."""
    found = confusables.is_confusable(char, preferred_aliases=[script.lower()], greedy=True)
    for entry in found or []:
        for glyph in entry["homoglyphs"]:
            c = glyph["c"]
            if len(c) == 1 and c.isalpha() and _script(c) == script:
                return c
    return char


def dominant_script(text: str) -> str | None:
    """The script (``LATIN``, ``CYRILLIC``, ``GREEK`` ...) of most letters of ``text``;
    None when it has no letters or two scripts tie."""
    counts = Counter(_script(c) for c in text if c.isalpha())
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def fold_confusables(text: str) -> str:
    """``text`` with each letter of a minority script that looks like a letter of the
    dominant script (:func:`dominant_script`) replaced by that letter: "Ruth C\\u0430lder"
    -> "Ruth Calder". Text in one script (any ASCII text) is returned unchanged."""
    if text.isascii():
        return text
    script = dominant_script(text)
    if script is None:
        return text
    return "".join(
        _lookalike(c, script) if c.isalpha() and _script(c) != script else c for c in text
    )


@lru_cache(maxsize=4096)
def _latin_letter_ascii(char: str) -> str:
    """``char`` spelled in ascii when it is a Latin letter without an ascii decomposition
    ("ł" -> "l", "ß" -> "ss", "Æ" -> "Ae"), else ``char``."""
    base = unicodedata.normalize("NFKD", char)[:1]
    if base.isascii() or not char.isalpha() or _script(char) != "LATIN":
        return char
    return anyascii(char) or char


def latin_ascii(text: str) -> str:
    """``text`` with each Latin letter that NFKD leaves without an ascii base letter
    replaced by its usual ascii spelling: "Wałęsa" -> "Walęsa" (the "ę" is left for NFKD),
    "Øster" -> "Oster", "Straße" -> "Strasse". Letters of other scripts and accented
    letters NFKD decomposes are unchanged, so ``unicodedata.normalize("NFKD", ...)`` then
    dropping non-ascii characters folds a Latin name without losing a letter."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() else _latin_letter_ascii(c) for c in text)
