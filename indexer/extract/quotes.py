"""Quotation-mark spans: where verbatim speech starts and ends.

Handles curly (“ ”), low (\u201e), straight ("), guillemet (« ») quotes and the New York Times
style of two apostrophes (''...''). A quote still open at the end of a paragraph continues
when the next paragraph opens with a quotation mark (the English multi-paragraph convention);
any other unbalanced quote is dropped rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = frozenset("\u201c\u201e\u201f\u00ab")
CLOSERS = frozenset("\u201d\u00bb")
TOGGLES = frozenset(['"', "''", "``"])
QUOTE_CHARS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
_MARK = re.compile("''|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")


@dataclass
class Quote:
    """A quoted span [start, end) including its marks; `group` ties multi-paragraph parts."""

    start: int
    end: int
    paragraph: int
    group: int
    open_end: bool = False  # continues in the next paragraph

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def has_quote_mark(text: str) -> bool:
    return any(c in QUOTE_CHARS for c in text) or "''" in text


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    head = text[start:end].lstrip()[:2]
    return bool(head) and (head[0] in OPENERS or head[0] == '"' or head in ("''", "``"))


def find_quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """All balanced quotation spans, paragraph by paragraph, in text order."""
    quotes: list[Quote] = []
    group = 0
    carried: int | None = None  # group of a quote left open by the previous paragraph
    for index, (start, end) in enumerate(paras):
        open_at: int | None = None
        if carried is not None and not _starts_with_opener(text, start, end):
            carried = None
        for match in _MARK.finditer(text, start, end):
            mark, pos = match.group(), match.start()
            if mark in OPENERS or (mark in TOGGLES and open_at is None):
                if mark in TOGGLES and open_at is None and _looks_like_inch(text, pos, start):
                    continue
                open_at = pos
            elif open_at is not None and (mark in CLOSERS or mark in TOGGLES):
                gid = carried if carried is not None else group
                if carried is None:
                    group += 1
                carried = None
                quotes.append(Quote(open_at, match.end(), index, gid))
                open_at = None
        if open_at is not None and index + 1 < len(paras):
            nxt = paras[index + 1]
            if _starts_with_opener(text, *nxt):
                gid = carried if carried is not None else group
                if carried is None:
                    group += 1
                quotes.append(Quote(open_at, end, index, gid, open_end=True))
                carried = gid
                continue
        carried = None
    return quotes


def _looks_like_inch(text: str, pos: int, para_start: int) -> bool:
    """A straight quote right after a digit (6'2", 5") is a unit mark, not speech."""
    return pos > para_start and text[pos - 1].isdigit() and text[pos] == '"'
