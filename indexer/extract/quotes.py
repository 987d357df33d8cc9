"""Quotation-mark spans: where verbatim speech starts and ends.

Handles curly (“ ”), low (\u201e), straight ("), guillemet (« ») quotes and the New York Times
style of two apostrophes (''...''). A quote still open at the end of a paragraph continues
when the next paragraph opens with a quotation mark (the English multi-paragraph convention,
in single marks too: "'But it is time. // 'I will not miss ...'") in the same script (an Arabic
paragraph after an English quotation starts a quotation of its own);
any other unbalanced quote is dropped rather than guessed. A closing curly mark at the very
start of a paragraph, before a word, is a mistyped opening mark.

British single quotes (‘...’ and '...') are told apart from apostrophes: an opening mark
follows a space or an opening bracket and is not an elision ('90s, rock 'n' roll, 'em); a
closing mark follows a non-space and is not followed by a letter (don't, council's); a
plural possessive (students' union: s' before a lower-case word) closes nothing when a later
mark can. Single quotes inside double ones are nested speech of the same quote, and so is a
third level, double quotes inside those single ones (`"Smith told me 'I never said "yes" to
that'," Jones said.` is one quotation); double quotes inside single ones (the British
nesting) belong to the single-quoted span. A quotation after
a naming word ('so-called "..."') or in Title Case inside running text (the title of a
work: 'his book, "Make Your Kid a Millionaire"') is a name, not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.lexicon import title_case, wordset
from schemas.scripts import dominant_script

OPENERS = frozenset("\u201c\u201e\u201f\u00ab")
CLOSERS = frozenset("\u201d\u00bb")
TOGGLES = frozenset(['"', "''", "``"])
QUOTE_CHARS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
# Every mark that opens or closes a quotation, single marks too, for telling whether a text
# is wholly quoted or starts with a quotation.
ANY_OPENING = OPENERS | frozenset("\"'\u2018")
ANY_CLOSING = CLOSERS | frozenset("\"'\u2019")
_MARK = re.compile("''|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")


@dataclass
class Quote:
    """A quoted span [start, end) including its marks; `group` ties multi-paragraph parts."""

    start: int
    end: int
    paragraph: int
    group: int
    open_end: bool = False  # continues in the next paragraph
    single: bool = False  # in single quotation marks (British style, or a headline's)

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


SINGLE_PAIRS = {"\u2018": "\u2019", "'": "'"}
_SINGLE = re.compile("[\u2018\u2019']")
_OPEN_BEFORE = frozenset(' \t\n([{\u2014\u2013-/"\u201c')
_ELISION = re.compile(r"(?:n'|em\b|til\b|tis\b|twas\b|cause\b|bout\b|\d\ds?\b)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s+[a-z0-9]")


# Words that make the quotation after them a name, a title or a scare quote, not speech:
# 'the so-called "efficiency review"', 'a report titled "Moving Forward"', 'known as "Shorty"'.
NAMING_WORDS = wordset(
    """so-called dubbed titled entitled called calling nicknamed named branded labelled
    labeled known term termed coined christened"""
)
TITLE_MAX_WORDS = 12
TITLE_CONTEXT = 1_000  # characters of the line each side of a quotation read by `is_title`
_PUNCTUATION = "\"'`\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb.,:;!?()"
# The naming words that are also a speaker's verb: "Rubio called the statement “offensive”".
SPOKEN_NAMING_WORDS = wordset(
    """called calls call branded brands brand labelled labeled labels label termed terms dubbed
    dubs"""
)
_BEFORE_QUOTE = re.compile(r"([\w-]+)(?:\s+(?:as|it|them|him|her|the\s+\w+))?[\s,]*$")


def is_naming(text: str, quote: Quote) -> bool:
    """Is the quotation a name, title or scare quote (`NAMING_WORDS` just before it, or the
    Title Case of a work's title: `is_title`)?"""
    match = _BEFORE_QUOTE.search(text, max(0, quote.start - 40), quote.start)
    return (bool(match) and match.group(1).lower() in NAMING_WORDS) or is_title(text, quote)


def is_title(text: str, quote: Quote) -> bool:
    """Is the quotation the title of a work, a project or a campaign ('his 2002 book, "Make
    Your Kid a Millionaire,"', 'the project on "Women in Power"')? Its words are in Title
    Case inside a sentence that is not (a headline is Title Case throughout) and it does
    not open its paragraph or follow a colon, where speech is quoted."""
    words = text[quote.start : quote.end].split(maxsplit=TITLE_MAX_WORDS)  # 13: too many
    if not 2 <= len(words) <= TITLE_MAX_WORDS:
        return False
    if not title_case([w.strip(_PUNCTUATION) for w in words]):
        return False
    # the line around it, up to TITLE_CONTEXT characters each side: a paragraph of many
    # quotations on one line must not be read whole for each of them
    reach = max(0, quote.start - TITLE_CONTEXT)
    start = max(text.rfind("\n", reach, quote.start) + 1, reach)
    end = text.find("\n", quote.end, quote.end + TITLE_CONTEXT)
    end = min(len(text), quote.end + TITLE_CONTEXT) if end < 0 else end
    before = text[start : quote.start].rstrip()
    outside = (before + " " + text[quote.end : end]).split()
    headline = title_case([w.strip(_PUNCTUATION) for w in outside])
    return bool(before) and not before.endswith(":") and not headline


def has_quote_mark(text: str) -> bool:
    return not QUOTE_CHARS.isdisjoint(text) or "''" in text or "\u2018" in text


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
        nested = 0  # double quotations open inside a single one inside the open quotation
        if carried is not None and not _starts_with_opener(text, start, end):
            carried = None
        for match in _MARK.finditer(text, start, end):
            mark, pos = match.group(), match.start()
            if open_at is not None and _opens_nested(text, open_at, pos, mark):
                nested += 1
            elif mark in OPENERS or (
                open_at is None and (mark in TOGGLES or _closer_opening(text, pos, start))
            ):
                if mark in TOGGLES and open_at is None and _looks_like_inch(text, pos, start):
                    continue
                open_at = pos
            elif open_at is not None and nested and (mark in CLOSERS or mark in TOGGLES):
                nested -= 1
            elif open_at is not None and (mark in CLOSERS or mark in TOGGLES):
                gid = carried if carried is not None else group
                if carried is None:
                    group += 1
                carried = None
                quotes.append(Quote(open_at, match.end(), index, gid))
                open_at = None
        if open_at is not None and index + 1 < len(paras):
            nxt = paras[index + 1]
            if _starts_with_opener(text, *nxt) and not in_another_script(
                text[open_at:end], text[nxt[0] : nxt[1]]
            ):
                gid = carried if carried is not None else group
                if carried is None:
                    group += 1
                quotes.append(Quote(open_at, end, index, gid, open_end=True))
                carried = gid
                continue
        carried = None
    return _with_single_quotes(text, paras, quotes)


def in_another_script(words: str, other: str) -> bool:
    """Are `other`'s letters mostly of another script than `words`' (an Arabic, Devanagari or
    Chinese paragraph after an English one)? A quotation in another script is someone else's
    statement, never the continuation of the quotation before it. False when either has no
    dominant script (no letters, or a tie); scripts as `schemas.scripts.dominant_script`."""
    mine, theirs = dominant_script(words), dominant_script(other)
    return mine is not None and theirs is not None and mine != theirs


def _opens_nested(text: str, open_at: int, pos: int, mark: str) -> bool:
    """Does the double mark at `pos` open a third level of quotation, inside a single
    quotation still open inside the double one opened at `open_at`? `"Smith told me 'I never
    said "yes" to that'," Jones said.`: the mark before "yes" opens (an opening mark, or a
    straight one after a space and before a word), and only the single quotation's close
    lets the outer one end (Chicago Manual of Style 13.30: quotation marks alternate
    double, single, double)."""
    if mark not in OPENERS and not (
        mark == '"' and text[pos - 1 : pos] in _OPEN_BEFORE and text[pos + 1 : pos + 2].isalnum()
    ):
        return False
    return _single_spans(text, open_at + 1, pos)[1] is not None


def _closer_opening(text: str, pos: int, para_start: int) -> bool:
    """A closing curly mark that opens its paragraph before a word ("”Fear. I am afraid.”") is
    a mistyped opening mark: nothing can be closed at a paragraph's first character."""
    return text[pos] == "\u201d" and pos == para_start and text[pos + 1 : pos + 2].isalnum()


def _with_single_quotes(
    text: str, paras: list[tuple[int, int]], quotes: list[Quote]
) -> list[Quote]:
    """`quotes` with the single-quoted spans of each paragraph added: a single quote inside a
    double one is left out, double quotes inside a single one give way to it."""
    singles: list[Quote] = []
    group = max((q.group for q in quotes), default=-1) + 1
    carried: int | None = None  # group of a single quote left open by the previous paragraph
    for index, (start, end) in enumerate(paras):
        spans, open_at = _single_spans(text, start, end)
        ends = [(s, e, False) for s, e in spans]
        if (
            open_at is not None
            and index + 1 < len(paras)
            and _opens_single(text, *paras[index + 1])
        ):
            ends.append((open_at, end, True))
        for s, e, open_end in ends:
            gid = carried if carried is not None and s == start else group
            singles.append(Quote(s, e, index, gid, open_end=open_end, single=True))
            group += gid == group
        carried = singles[-1].group if ends and ends[-1][2] else None
    if not singles:
        return quotes
    kept = [q for q in singles if not any(d.start <= q.start and q.end <= d.end for d in quotes)]
    kept = [
        q
        for q in kept
        if all(
            d.end <= q.start or d.start >= q.end or q.start <= d.start and d.end <= q.end
            for d in quotes
        )
    ]
    inner = {id(d) for q in kept for d in quotes if q.start <= d.start and d.end <= q.end}
    return sorted([q for q in quotes if id(q) not in inner] + kept, key=lambda q: q.start)


def single_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced single-quoted spans [start, end) (marks included) of one paragraph."""
    return _single_spans(text, start, end)[0]


def _opens_single(text: str, start: int, end: int) -> bool:
    """Does the paragraph [start, end) open with a single quotation mark before a word (not
    an elision: 'Tis, '90s)?"""
    return (
        end - start > 1
        and text[start] in SINGLE_PAIRS
        and text[start + 1].isalnum()
        and not _ELISION.match(text, start + 1, end)
    )


def _single_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """The balanced single-quoted spans of one paragraph (as `single_quotes`) and where a
    single quotation still open at the paragraph's end opened (None when none is): "'But it
    is time for someone younger." goes on in the next paragraph when that one opens with a
    single mark (the British multi-paragraph convention, as `find_quotes` for double marks)."""
    marks = [m.start() for m in _SINGLE.finditer(text, start, end)]
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    skip: set[int] = set()
    for k, pos in enumerate(marks):
        if pos in skip:
            continue
        mark = text[pos]
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        opens = mark in SINGLE_PAIRS and before in _OPEN_BEFORE and after.isalnum()
        if opens and _ELISION.match(text, pos + 1, end):
            if text.startswith("n'", pos + 1):
                skip.add(pos + 2)  # rock 'n' roll: both marks are apostrophes
            continue
        if opened is None:
            opened = pos if opens else None
            continue
        if mark != SINGLE_PAIRS[text[opened]] or before.isspace() or after.isalnum():
            continue
        later = any(text[p] == mark for p in marks[k + 1 :])
        if before in "sS" and later and _POSSESSIVE.match(text, pos + 1, end):
            continue  # the students' union
        spans.append((opened, pos + 1))
        opened = None
    return spans, opened


def _looks_like_inch(text: str, pos: int, para_start: int) -> bool:
    """A straight quote right after a digit (6'2", 5") is a unit mark, not speech."""
    return pos > para_start and text[pos - 1].isdigit() and text[pos] == '"'
