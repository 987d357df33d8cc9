"""The article's layout: paragraphs, quotation marks and parsed chunks, before any choice.

Decides which chunks are parsed at all: by default only those where a cue word may occur
(`cues.may_attribute`); the cue learner passes None to parse everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from indexer.extract import cues, nlp
from indexer.extract.furniture import blank_furniture
from indexer.extract.quotes import Quote, find_quotes


@dataclass
class Layout:
    """What the article looks like before any attribution is chosen."""

    text: str
    paras: list[tuple[int, int]]
    quotes: list[Quote]
    parsed: list[tuple[nlp.Chunk, Doc]]


def layout(text: str, wanted: Callable[[str], bool] | None = cues.may_attribute) -> Layout:
    """Paragraphs, quotations and the parse of the chunks `wanted` accepts (all if None);
    page furniture is blanked first (`furniture.blank_furniture`: offsets are unchanged)."""
    text = blank_furniture(text)
    paras = nlp.paragraphs(text)
    parsed = list(nlp.parse(text, nlp.chunks(text, paras, wanted)))
    return Layout(text, paras, find_quotes(text, paras), parsed)
