"""The extractor's table of contents: article -> candidates -> selection -> records.

`analyse` reads the article's layout, lets every construction and quotation propose
candidates (an outlet citing its source relays it: `citations`), scores each with the
learned candidate scorer (`scoring`), keeps the most probable non-overlapping ones, adds
quotation paragraphs that continue a speaker, and turns them into records with speakers
resolved in text order.
"""

from __future__ import annotations

from indexer.extract import citations, cues, questions, scoring, viewpoints
from indexer.extract.back_references import back_reference_candidates
from indexer.extract.candidate import Candidate, Reliability
from indexer.extract.constructions import Site, from_token, labelled_lines
from indexer.extract.inner_quotes import inner_quote_candidates
from indexer.extract.layout import Layout, layout
from indexer.extract.layout_lines import layout_candidates
from indexer.extract.quotations import (
    QuoteLookup,
    continuations,
    join_around_cue,
    join_split_quotes,
    quote_candidates,
    with_quotes,
)
from indexer.extract.records import interviewee_turns, records
from indexer.extract.selection import admissible, select

__all__ = ["analyse", "candidates", "layout"]


def analyse(text: str) -> list[dict]:
    """The attribution records of one article body, in text order; spans are offsets into
    `text`. Empty or blank text gives []."""
    if not text or not text.strip():
        return []
    page = layout(text)
    found = [c for c in candidates(page, scoring.generator) if admissible(c)]
    found = questions.without_questions(found, page.text, page.paras)
    found, index = interviewee_turns(found, page)
    scoring.rescore(found, text)
    found = select(found, text)
    if not found:
        return []
    more = continuations(page, found)
    scoring.rescore(more, text)
    found += more
    found.sort(key=lambda c: c.start)
    return records(found, page, index)


def candidates(page: Layout, reliability: Reliability = cues.reliability) -> list[Candidate]:
    """Every attribution candidate the constructions and quotations allow in a parsed
    article, scored with `reliability` (the cue learner passes one that accepts all)."""
    text, paras, quotes, parsed = page.text, page.paras, page.quotes, page.parsed
    found: list[Candidate] = []
    sentence = 0
    inside = QuoteLookup(quotes)
    sentence_starts: list[int] = []
    for chunk, doc in parsed:
        for sent in doc.sents:
            sentence_starts.append(chunk.start + sent.start_char)
            site = Site(chunk.start, chunk.paragraph, sentence, reliability)
            for tok in sent:
                if not inside.covers(chunk.start + tok.idx):
                    found += from_token(tok, site) + viewpoints.from_token(tok, site)
            sentence += 1
    found += labelled_lines(text, paras, sentence_starts)
    found += layout_candidates(text, paras, quotes, sentence_starts, parsed)
    found += back_reference_candidates(text, paras, quotes, sentence_starts)
    found = [with_quotes(c, inside, text) for c in found]
    # the quotation after "X, he said." is his before any verb of that sentence can claim it
    join_split_quotes(text, found, quotes, paras, parsed)
    found += quote_candidates(text, quotes, found, parsed, inside, reliability)
    join_split_quotes(text, found, quotes, paras, parsed)
    found = join_around_cue(text, found, quotes)
    found += inner_quote_candidates(text, quotes, sentence_starts)  # never widened to the outer
    return citations.cite_sources(found, text)
