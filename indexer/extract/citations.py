"""Cited sources: an outlet's report that says whom it has its news from.

"The Financial Times reported, citing two people familiar with the matter, that the bank
would cut 300 jobs", "Reuters reported, citing sources, that ...", "According to people
familiar with the matter, Bloomberg said ...": the cited people are the source of the claim
and the outlet only relays it (the record's `via_outlets`, see `records`). Without this
rule the outlet is made the speaker, the citing phrase is taken for the claim ("citing: two
people familiar with the matter") and the claim itself is lost (issue 11).

A report whose subject is no outlet keeps its speaker: "The minister said, citing
intelligence reports, that ..." is the minister's claim, the reports her evidence.
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.extract import outlets
from indexer.extract.candidate import Candidate
from indexer.extract.contents import under
from indexer.extract.spans import chars, trimmed
from indexer.lexicon import wordset

CITING = wordset("citing quoting")


def cite_sources(found: list[Candidate], text: str) -> list[Candidate]:
    """`found` with every outlet's report that cites its source re-sourced: the cited phrase
    becomes the candidate's source and leaves its content; the candidates the citing words
    themselves proposed ("citing: sources", "according to: Bloomberg said ...") are
    dropped. `text` is the article the candidates' spans point into."""
    citing_cues: set[tuple[int, int]] = set()
    for cand in found:
        if cand.cue is None or cand.label is not None or not _outlet(cand.source):
            continue
        cited = _cited(cand)
        if cited is None:
            continue
        phrase, source = cited
        cand.source = source
        drop = {cand.offset + t.idx + i for t in phrase.subtree for i in range(len(t))}
        cand.content = trimmed(text, chars(cand.content) - drop)
        citing_cues.add((cand.offset, phrase.i))
    return [
        c
        for c in found
        if c.content and not (c.cue is not None and (c.offset, c.cue.i) in citing_cues)
    ]


def _outlet(source: Token | None) -> bool:
    """A news outlet by name ("Reuters", "the Financial Times") or by noun ("the paper")."""
    return source is not None and (
        outlets.is_outlet(source) or source.lower_ in outlets.OUTLET_NOUNS
    )


def _cited(cand: Candidate) -> tuple[Token, Token] | None:
    """(the citing word, the head of the cited phrase) of an outlet's report, or None: a
    "citing X" / "quoting X" participle hanging off the cue, opening its content or right
    after the outlet's phrase (`_after_source`), or an
    "according to X" attached to the cue whose X is no outlet."""
    cue = cand.cue
    if cue is None:
        return None
    content = chars(cand.content)
    for tok in cue.sent:
        if tok.lower_ in CITING and tok.tag_ == "VBG":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and (
                tok.head.i == cue.i
                or _opens(tok, cand.offset, content)
                or _after_source(tok, cand.source)
            ):
                return tok, obj
        if tok.lower_ == "according" and tok.head.i == cue.i and tok.i + 1 < len(tok.doc):
            objs = [o for t in (tok, tok.nbor(1)) for o in t.children if o.dep_ == "pobj"]
            if objs and not _outlet(objs[0]):
                return tok, objs[0]
    return None


def _after_source(tok: Token, source: Token | None) -> bool:
    """`tok` comes right after the outlet's phrase and a comma, wherever the parser hangs
    it: "..., according to Reuters, citing two sources." (the participle hung on the
    content's verb, so that the company seemed to cite the sources)."""
    if source is None or tok.i < 2:
        return False
    return tok.nbor(-1).text == "," and tok.nbor(-2).i == source.right_edge.i


def _opens(tok: Token, offset: int, content: set[int]) -> bool:
    """`tok`'s phrase lies in the content (character set) and comes before every other
    content word: "reported, [citing sources,] that ..." (the parser hangs the participle on
    the content clause)."""
    if offset + tok.idx not in content:
        return False
    rest = [
        t for t in tok.sent if offset + t.idx in content and not under(t, tok) and not t.is_punct
    ]
    return all(t.i > tok.i for t in rest)
