"""User search text, parsed once so that both engines match the same attributions.

The syntax, as the search page's help, the API's ``q`` parameter and the README tell it:

- ``drones harbour``: every word must appear, matched on stems ("keeps" finds "keeping";
  irregular forms are other words: "says" does not find "said");
- ``"every home"``: a double-quoted phrase must appear word for word, as written;
- ``drones OR missiles``: either one (or both); ``OR`` in capitals joins the word or
  phrase on its left to the one on its right, and binds tighter than the implicit AND
  (``ports drones OR missiles`` = ports and either of the two). Chains (``a OR b OR c``)
  give any of them. Elsewhere (``OR`` first or last, next to an exclusion, or lower-case)
  it is the plain word "or";
- ``-drones`` and ``-"every home"``: leave out what ``drones`` or ``"every home"`` would
  find; a query of exclusions only finds everything except them. ``NOT drones`` and
  ``NOT "every home"`` (``NOT`` in capitals) say the same;
- ``drones AND harbour``: ``AND`` in capitals between two words or phrases is the
  implicit AND said aloud (every word must appear anyway). ``AND`` or ``NOT`` first or
  last with nothing to join or negate, or lower-case, is the plain word.

Every other character (brackets, ``*``, a lone ``-``, an unbalanced quote) is ignored, so
no input is a syntax error. English stop words are dropped from stemmed words because
Elasticsearch's ``english`` analyzer drops them; when no required word is left, the
required stop words are searched as exact words instead of matching everything, and a stop
word on its own in an ``OR`` or after ``-`` is always exact.
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

# A double-quoted phrase (with its minus), or a run of anything else up to a space.
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+(?:['\u2019.]\w+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
OR = "OR"
AND = "AND"
NOT = "NOT"


@dataclass(frozen=True)
class Words:
    """What one word, hyphenated token or phrase of the query finds: all of ``words``
    anywhere in the text, matched on stems, or (``exact``) side by side, as written."""

    words: tuple[str, ...]
    exact: bool = False


@dataclass(frozen=True)
class ParsedText:
    """A query: every clause of ``required`` must match (a clause matches when any of its
    alternatives does), and none of ``excluded`` may."""

    required: tuple[tuple[Words, ...], ...] = ()
    excluded: tuple[Words, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.required or self.excluded)

    @property
    def positive(self) -> tuple[Words, ...]:
        """Every alternative of every required clause: what highlights mark and relevance
        ranks by (never an excluded word)."""
        return tuple(w for clause in self.required for w in clause)

    @property
    def terms(self) -> tuple[str, ...]:
        """The stemmed words the query looks for, each once."""
        return tuple(dict.fromkeys(t for w in self.positive if not w.exact for t in w.words))

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The exact phrases the query looks for, each once."""
        return tuple(dict.fromkeys(w.words for w in self.positive if w.exact))


def _tokens(text: str) -> list[tuple[str, Words | None]]:
    """("+", words), ("-", words) or (OR, None) per token; tokens without words are dropped.
    ``NOT`` before a word or phrase makes it an exclusion; ``AND`` between two is dropped
    (every word is required anyway); either with nothing to act on is the plain word."""
    tokens: list[tuple[str, Words | None]] = []
    matches = list(_TOKEN.finditer(text))
    worded = [i for i, m in enumerate(matches) if _WORD.search(m.group(0))]
    negate = False
    for position, match in enumerate(matches):
        minus, quoted, token = match.groups()
        last = not worded or position >= worded[-1]  # nothing with words after it
        if token == NOT and not last and not negate:
            negate = True
            continue
        if token == AND and tokens and not last and not negate:
            continue
        if quoted is not None:
            words = tuple(w.lower() for w in _WORD.findall(quoted))
            if words:
                excluded = bool(minus) or negate
                tokens.append(("-" if excluded else "+", Words(words, exact=True)))
        elif token == OR and not negate:
            tokens.append((OR, None))
        else:
            words = tuple(_POSSESSIVE.sub("", w).lower() for w in _WORD.findall(token))
            if words:
                excluded = token.startswith("-") or negate
                tokens.append(("-" if excluded else "+", Words(words)))
        negate = False
    return tokens


def _clauses(tokens: list[tuple[str, Words | None]]) -> tuple[list[list[Words]], list[Words]]:
    """Required clauses (alternatives joined by OR) and exclusions; an OR that joins no two
    required tokens is the word "or"."""
    clauses: list[list[Words]] = []
    excluded: list[Words] = []
    joining = False
    for position, (kind, words) in enumerate(tokens):
        if kind == OR:
            before = tokens[position - 1][0] if position else None
            after = tokens[position + 1][0] if position + 1 < len(tokens) else None
            joining = before == "+" and after == "+" and bool(clauses)
            if not joining:
                clauses.append([Words(("or",))])
        elif kind == "-" and words:
            excluded.append(words)
        elif words and joining:
            clauses[-1].append(words)
            joining = False
        elif words:
            clauses.append([words])
    return clauses, excluded


def _stemmed(words: Words) -> Words | None:
    """``words`` without stop words (None when nothing is left); exact words stay whole."""
    if words.exact:
        return words
    kept = tuple(w for w in words.words if w not in STOPWORDS)
    return Words(kept) if kept else None


def _alternative(words: Words) -> Words:
    """An alternative of an OR or an exclusion: stop words alone are meant as written."""
    return _stemmed(words) or Words(words.words, exact=True)


def parse(text: str) -> ParsedText:
    """The query ``text`` says (module docstring); unbalanced quotes and stray operators
    are plain noise. At most MAX_CHARS characters and MAX_WORDS words are read."""
    clauses, exclusions = _clauses(_tokens(text[:MAX_CHARS]))
    plain = [c[0] for c in clauses if len(c) == 1 and not c[0].exact]
    required: list[tuple[Words, ...]] = []
    if all(_stemmed(w) is None for w in plain) and len(plain) == len(clauses):
        # Stop words only: searched as exact words rather than matching everything.
        required = [(Words((w,), exact=True),) for p in plain for w in p.words]
    else:
        for clause in clauses:
            if len(clause) > 1:
                required.append(tuple(dict.fromkeys(_alternative(w) for w in clause)))
            elif clause[0].exact:
                required.append((clause[0],))
            else:  # plain words: each one required on its own
                kept = _stemmed(clause[0])
                required += [(Words((w,)),) for w in (kept.words if kept else ())]
    excluded = [_alternative(w) for w in exclusions]
    budget = MAX_WORDS
    kept_required: list[tuple[Words, ...]] = []
    for clause in dict.fromkeys(required):
        size = sum(len(w.words) for w in clause)
        if size <= budget:
            kept_required.append(clause)
            budget -= size
    kept_excluded: list[Words] = []
    for words in dict.fromkeys(excluded):
        if len(words.words) <= budget:
            kept_excluded.append(words)
            budget -= len(words.words)
    return ParsedText(tuple(kept_required), tuple(kept_excluded))


def fts5_expression(words: Words) -> str:
    """An FTS5 MATCH expression for ``words``: a quoted phrase, or every quoted word."""
    if words.exact:
        return '"' + " ".join(w.replace('"', "") for w in words.words) + '"'
    return "(" + " AND ".join('"' + w.replace('"', "") + '"' for w in words.words) + ")"


def fts5_any(alternatives: tuple[Words, ...] | list[Words]) -> str:
    """An FTS5 MATCH expression finding any of ``alternatives``."""
    return "(" + " OR ".join(fts5_expression(w) for w in alternatives) + ")"


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
