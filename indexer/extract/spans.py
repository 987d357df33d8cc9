"""Character spans of the article: from tokens to spans, and span arithmetic.

Decides where a span starts and ends: a run of tokens loses edge punctuation (but keeps
quotation marks) and a dangling "and"; a dateline ("BRENNA, Sept 3 (CPA) - ") is not part of
what was said. All spans are [start, end) character offsets into the article body.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

Spans = list[tuple[int, int]]

OPEN_MARKS = frozenset('"\u201c\u201e\u201f\u00ab') | {"''", "``"}
CLOSE_MARKS = frozenset('"\u201d\u00bb') | {"''"}
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40},?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?(?:\([A-Za-z .]+\)\s*)?"
    r"[-\u2013\u2014]+\s+"
)


def chars(spans: Spans) -> set[int]:
    """Every character offset covered by `spans`."""
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


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
        toks = [doc[i] for i in run]
        while toks and toks[0].is_punct and toks[0].text not in OPEN_MARKS:
            toks.pop(0)
        while toks and (
            (toks[-1].is_punct and toks[-1].text not in CLOSE_MARKS) or toks[-1].dep_ == "cc"
        ):
            toks.pop()  # "he was staying in the race and [added ...]": no dangling "and"
        if not any(t.is_alpha or t.like_num for t in toks):
            continue
        start = toks[0].idx
        if toks[0].i == 0 and (dateline := DATELINE.match(doc.text)):
            start = dateline.end()  # "BRENNA, Sept 3 (CPA) - " opens the story, not the claim
        spans.append((offset + start, offset + toks[-1].idx + len(toks[-1])))
    return spans
