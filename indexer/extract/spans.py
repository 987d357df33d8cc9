"""Character spans of the article: from tokens to spans, and span arithmetic.

Decides where a span starts and ends: a run of tokens loses edge punctuation (but keeps
quotation marks, a unit sign such as "%" and a closing bracket whose opening one it holds)
and a dangling "and"; it never starts inside a written word ("=2+5", "+SUM(A1:A9)" are
kept whole); a sentence full stop glued to a number's unit ("$5m.") is not kept; a
dateline ("BRENNA, Sept 3 (CPA) - ") is not part of what was said. All spans are
[start, end) character offsets into the article body.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from indexer.extract.nlp import doc_text

Spans = list[tuple[int, int]]

OPEN_MARKS = frozenset('"\u201c\u201e\u201f\u00ab') | {"''", "``"}
CLOSE_MARKS = frozenset('"\u201d\u00bb') | {"''"}
UNIT_SIGNS = frozenset("%\u2030\u2031")  # per cent, per mille, per ten thousand: Unicode "Po"
SENTENCE_MARKS = frozenset(".,!?;:\u2026")  # may stand between a quotation's last word and its mark
BRACKETS = {")": "(", "]": "[", "}": "{"}
UNIT_FULL_STOP = re.compile(r"\d[^\W\d_]*\.$")  # "$5m." / "20C.": the tokenizer kept the "."
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s+[A-Z][A-Za-z.]{1,12})?,?\s+"  # "SAN JOSE, Calif.,"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?,?\s+)?"  # "Feb. 10, 2025"
    r"(?:(?:\([A-Za-z .]+\)\s*|/[A-Za-z ]+/\s*)?"  # "(AP)", "/PRNewswire/"
    r"[-\u2013\u2014]+\s+"
    r"|\([A-Z][A-Za-z]{1,11}\)\s+)"  # "MUMBAI, Jan 12 (PTI) ": a one-word wire, no dash
)

_DATELINE_REACH = 160  # characters: no dateline is longer
_DASHES = frozenset(["--", "-", "\u2014", "\u2013"])


def in_dateline(tok: Token) -> bool:
    """Whether `tok` lies in the dateline opening its sentence ("SELM, Nov 27 (CPA) - ",
    "PORT ELLERY, Nov. 24, 2026 /PRWire/ -- ", `DATELINE`): a dateline names where and when
    the story was filed, never who speaks."""
    first = tok.sent[0]
    if not first.text[:1].isupper() or tok.idx - first.idx > _DATELINE_REACH:
        return False
    dateline = DATELINE.match(doc_text(tok.doc)[first.idx : first.idx + _DATELINE_REACH])
    return dateline is not None and tok.idx < first.idx + dateline.end()


def after_dateline(head: Token) -> Token | None:
    """ "WASHINGTON -- President Obama, ..., said": a capitalised dateline (place, state,
    date, wire) parsed as the subject, with the real subject in apposition after the dash
    (perhaps hung off a later part of the dateline: "PORT ELLERY, Nov. 24 /PRWire/ --
    Halvern Pharmaceuticals ... announced"); that subject, else None."""
    doc = head.doc
    if not (head.text.isupper() and len(head.text) > 2 and head.i + 1 < len(doc)):
        return None
    if doc[head.i + 1].text in _DASHES:
        return next((c for c in head.children if c.dep_ == "appos" and c.i > head.i + 1), None)
    # "SAN JOSE, Calif., Feb. 10 /PRNewswire/ -- Veltro Robotics, ..., announced"
    start = head.left_edge.idx
    dateline = DATELINE.match(doc_text(doc)[start:])
    if dateline is None or head.idx >= start + dateline.end():
        return None
    cut = start + dateline.end()
    # the parser may take the dash for a coordination: "DENVER ... -- and Kestrel Drones"
    return next(
        (
            t
            for t in head.subtree
            if t.dep_ in ("appos", "conj") and t.idx >= cut and t.head.idx < cut
        ),
        None,
    )


def chars(spans: Spans) -> set[int]:
    """Every character offset covered by `spans`."""
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def covers(spans: Spans, pos: int) -> bool:
    """Whether character offset `pos` lies in one of `spans` (`pos in chars(spans)`, without
    building the set: for a few offsets against long spans)."""
    return any(s <= pos < e for s, e in spans)


def merge(spans: Spans) -> Spans:
    """Sorted spans with overlapping or touching ones joined."""
    merged: Spans = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def trimmed(text: str, covered: set[int]) -> Spans:
    """Character set back to spans, without edge whitespace and punctuation; spans with no
    letter or digit are dropped."""
    spans: Spans = []
    for i in sorted(covered):
        if spans and i == spans[-1][1]:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    out: Spans = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] in ",;:.-\u2014"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:-\u2014"):
            e -= 1
        if any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out


def token_spans(tokens: list[Token], offset: int) -> Spans:
    """Contiguous runs of tokens as character spans (`offset` = the chunk's start in the
    article), trimmed of edge punctuation."""
    if not tokens:
        return []
    doc = tokens[0].doc
    indices = sorted({t.i for t in tokens})
    runs: list[list[int]] = [[indices[0]]]
    for i in indices[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans: Spans = []
    for run in runs:
        first = run[0]
        while first > 0 and not doc[first - 1].whitespace_ and not doc[first - 1].is_alpha:
            first -= 1  # "said =2+5 is": the parser split one written word across the cue
        toks = [doc[i] for i in range(first, run[-1] + 1)]
        while toks and toks[0].is_punct and toks[0].text not in OPEN_MARKS:
            toks.pop(0)
        while toks and (_edge_mark(toks) or toks[-1].dep_ == "cc"):
            toks.pop()  # "he was staying in the race and [added ...]": no dangling "and"
        if not any(t.is_alpha or t.like_num for t in toks):
            continue
        while toks[-1].i + 1 < len(doc) and _unclosed(toks, doc[toks[-1].i + 1].text):
            toks.append(doc[toks[-1].i + 1])  # "wrong (again)": the parser hung ")" elsewhere
        toks += _closing_quotation(toks)
        start = toks[0].idx
        if toks[0].i == 0 and (dateline := DATELINE.match(doc_text(doc))):
            start = dateline.end()  # "BRENNA, Sept 3 (CPA) - " opens the story, not the claim
        end = toks[-1].idx + len(toks[-1])
        if toks[-1].i == toks[-1].sent.end - 1 and UNIT_FULL_STOP.search(doc_text(doc), 0, end):
            end -= 1
        spans.append((offset + start, offset + end))
    return spans


def _edge_mark(toks: list[Token]) -> bool:
    """The last of `toks` is punctuation that closes the clause, not part of what was said:
    not a quotation mark, a unit sign ("40%") or a bracket closing one opened in `toks`."""
    last = toks[-1]
    if not last.is_punct or last.text in CLOSE_MARKS or last.text in UNIT_SIGNS:
        return False
    return last.text not in BRACKETS or not _unclosed(toks[:-1], last.text)


def _closing_quotation(toks: list[Token]) -> list[Token]:
    """The tokens that close a quotation `toks` opened and left open: the closing mark the
    parser hung on the cue or the next sentence, with the full stop or comma before it
    ('called the bill "a blank check."'); [] when `toks` close every quotation they open or
    no closing mark follows right after."""
    opened = sum(t.tag_ == "``" for t in toks) - sum(t.tag_ == "''" for t in toks)
    if opened <= 0:
        return []
    doc, after = toks[-1].doc, []
    for tok in doc[toks[-1].i + 1 : toks[-1].i + 4]:
        after.append(tok)
        if tok.tag_ == "''":
            return after
        if tok.text not in SENTENCE_MARKS:
            return []
    return []


def _unclosed(toks: list[Token], closing: str) -> bool:
    """`toks` open more brackets of the kind `closing` closes than they close."""
    opening = BRACKETS.get(closing)
    if opening is None:
        return False
    text = "".join(t.text for t in toks)
    return text.count(opening) > text.count(closing)
