"""User search text, parsed once so that both engines match the same attributions.

Free text is a list of words that must all appear, matched on stems ("says" finds
"said"); a double-quoted part is an exact phrase, matched word for word without stemming.
Every other character is ignored, so no input can be a syntax error. English stop words
are dropped from the stemmed words because Elasticsearch's ``english`` analyzer drops them;
a query made of stop words only is searched as exact words instead of matching nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.base import HL_END, HL_START

# Elasticsearch's _english_ stop list, which the english analyzer applies.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)
MAX_CHARS = 1000
MAX_WORDS = 32

_QUOTED = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+(?:['\u2019.]\w+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedText:
    """Stemmed words and exact phrases; a document must match all of them."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases)


def parse(text: str) -> ParsedText:
    """Words and phrases of ``text``; unbalanced quotes and operators are plain noise."""
    text = text[:MAX_CHARS]
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []
    position = 0
    for match in _QUOTED.finditer(text):
        loose.append(text[position : match.start()])
        words = tuple(_WORD.findall(match.group(1)))
        if words and words not in phrases:
            phrases.append(words)
        position = match.end()
    loose.append(text[position:])
    words = [_POSSESSIVE.sub("", w) for w in _WORD.findall(" ".join(loose))]
    terms: list[str] = []
    for word in words:
        if word.lower() not in STOPWORDS and word.lower() not in terms:
            terms.append(word.lower())
    if not terms and not phrases:
        phrases = [(w,) for w in dict.fromkeys(w.lower() for w in words)]
    budget = MAX_WORDS
    kept_phrases: list[tuple[str, ...]] = []
    for phrase in phrases:
        if budget <= 0:
            break
        kept_phrases.append(phrase[:budget])
        budget -= len(kept_phrases[-1])
    return ParsedText(tuple(terms[: max(budget, 0)]), tuple(kept_phrases))


def fts5_query(words: tuple[str, ...] | list[str]) -> str:
    """An FTS5 MATCH expression requiring every quoted word (or phrase)."""
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def simple_query_string(parsed: ParsedText) -> str:
    """The parsed text rebuilt for Elasticsearch's ``simple_query_string``."""
    parts = list(parsed.terms) + ['"' + " ".join(p) + '"' for p in parsed.phrases]
    return " ".join(parts)


def merge_marks(content: str, marked: list[str]) -> str:
    """``content`` with every word marked in any of ``marked`` (the same text, highlighted).

    Each engine highlights stemmed and exact matches separately and marks phrases either
    whole or word by word; merging the marked ranges and splitting them at whitespace gives
    one canonical form.
    """
    hot = [False] * len(content)
    for text in marked:
        position, inside = 0, False
        for char in text:
            if char == HL_START:
                inside = True
            elif char == HL_END:
                inside = False
            else:
                if inside and position < len(hot):
                    hot[position] = True
                position += 1
    out: list[str] = []
    inside = False
    for char, on in zip(content, hot, strict=True):
        on = on and not char.isspace()
        if on != inside:
            out.append(HL_START if on else HL_END)
            inside = on
        out.append(char)
    if inside:
        out.append(HL_END)
    return "".join(out)
