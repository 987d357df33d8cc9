"""The article's layout: paragraphs, quotation marks and parsed chunks, before any choice.

Decides which chunks are parsed at all: by default only those where a cue word may occur
(`cues.may_attribute`); the cue learner passes None to parse everything. Unicode spaces
(no-break, thin, ideographic: category Zs) read as plain spaces, one for one, so that
"Amira\xa0Shah" is one name to the parser and to every record built from the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.tokens import Doc

from indexer.extract import cues, nlp
from indexer.extract.furniture import blank_furniture
from indexer.extract.quotes import Quote, find_quotes

# Every Unicode space separator (category Zs) other than the plain space, mapped to it;
# the last one, U+3000 IDEOGRAPHIC SPACE, bounds the search.
PLAIN_SPACES = {
    c: " " for c in range(0x3001) if unicodedata.category(chr(c)) == "Zs" and chr(c) != " "
}


def plain_spaces(text: str) -> str:
    """`text` with every Unicode space separator replaced by a plain space (same length)."""
    return text.translate(PLAIN_SPACES)


# What `parse_plan` gives: the text as parsed, its paragraphs and the chunks to parse.
Plan = tuple[str, list[tuple[int, int]], list[nlp.Chunk]]
_PLANNED: dict[str, Plan] = {}  # article text -> its plan, worked out ahead of its layout


@dataclass
class Layout:
    """What the article looks like before any attribution is chosen."""

    text: str
    paras: list[tuple[int, int]]
    quotes: list[Quote]
    parsed: list[tuple[nlp.Chunk, Doc]]


def layout(text: str, wanted: Callable[[str], bool] | None = cues.may_attribute) -> Layout:
    """Paragraphs, quotations and the parse of the chunks `wanted` accepts (all if None);
    page furniture is blanked first (`furniture.blank_furniture`) and Unicode spaces made
    plain (`plain_spaces`): offsets are unchanged."""
    plan = _PLANNED.pop(text, None) if wanted is cues.may_attribute else None
    text, paras, pieces = plan or parse_plan(text, wanted)
    parsed = list(nlp.parse(text, pieces))
    return Layout(text, paras, find_quotes(text, paras), parsed)


def parse_plan(text: str, wanted: Callable[[str], bool] | None = cues.may_attribute) -> Plan:
    """What `layout` parses: the text with its furniture blanked and its spaces made plain,
    its paragraphs and the chunks `wanted` accepts (`nlp.chunks`)."""
    text = blank_furniture(plain_spaces(text))
    paras = nlp.paragraphs(text)
    return text, paras, nlp.chunks(text, paras, wanted)


@contextmanager
def planned_ahead(texts: list[str]) -> Iterator[list[Plan]]:
    """The `parse_plan` of each text (default `wanted`), in order; within the block,
    `layout` of one of these texts takes its plan from here instead of working it out
    again (once: the plan is the same)."""
    plans = [parse_plan(text) for text in texts]
    _PLANNED.update(zip(texts, plans, strict=True))
    try:
        yield plans
    finally:
        _PLANNED.clear()
