"""The candidate: one possible attribution, as the constructions and quotations propose it.

Decides nothing by itself; it holds what a proposal is made of (construction, cue form,
reliability score, content spans, cue and source tokens, where it sits in the article) and
says which characters its cue and source cover.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from indexer.extract.sources import source_span
from indexer.extract.spans import Spans

# The form of a continuation paragraph that goes on with a quotation the paragraph before
# left open: it keeps the confidence of the candidate it continues (`scoring.rule_scored`).
CONTINUED_QUOTATION = "continued quotation"
# (cue form, construction) -> reliability in [0, 1], or None when the pair is not a cue.
Reliability = Callable[[str, str], float | None]


@dataclass
class Candidate:
    """One possible attribution, with absolute character spans into the article.

    `offset` is the start of the parsed chunk holding `cue`/`source` (token offsets are
    chunk-relative); `inherit` is the candidate a continuation paragraph takes its speaker
    from; `result` is the record once built (`records.record`)."""

    pattern: str
    form: str
    score: float
    content: Spans
    cue: Token | None
    source: Token | None
    offset: int
    paragraph: int
    sentence: int
    kind: str = "indirect"
    inherit: Candidate | None = None
    label: tuple[int, int] | None = None  # "Lynch: No outside influence ...": the name before ":"
    result: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        """First character of the content."""
        return min(s for s, _ in self.content)

    def cue_span(self) -> tuple[int, int] | None:
        """Characters of the cue: the verb with its particle or "according to"; None for a
        label ("Lynch: ...", "A: ...", "— Dr. Ruth Anselm"), where the layout is the cue."""
        if self.cue is None:
            return None
        toks = [self.cue]
        if self.form == "according to" and (
            self.cue.lower_ == "according"  # not "Whitaker called" an outlet relays
            or (self.source is not None and self.source.head.dep_ == "agent")  # "reported by"
        ):
            toks.append(self.cue.nbor(1))
        toks += [c for c in self.cue.children if c.dep_ == "prt"]
        return (
            self.offset + min(t.idx for t in toks),
            self.offset + max(t.idx + len(t) for t in toks),
        )

    def source_span(self) -> tuple[int, int] | None:
        """Characters naming the source (a label's name, the inherited source), or None."""
        if self.label is not None:
            return self.label
        if self.inherit is not None:
            return self.inherit.source_span()
        if self.source is None:
            return None
        return source_span(self.source, self.offset, self.content)
