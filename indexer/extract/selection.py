"""Selection: which candidates survive when they compete for the same characters.

Decides by reliability, because PolNeAR-style annotation is univocal (a token belongs to one
attribution): the most reliable candidate keeps its characters; a later one loses those
already taken and is dropped when less than half remains. A complement clause whose cue has
no subject is dropped beforehand (the writer's hedging, not an attribution).
"""

from __future__ import annotations

from indexer.extract.candidate import Candidate
from indexer.extract.spans import chars, trimmed


def sourceless_clause(cand: Candidate) -> bool:
    """ "Repairs are expected to ...", "It is believed that ...": a complement clause whose cue
    has no subject is the writer's hedging far more often than an attribution (about one in
    ten on PolNeAR train and dev)."""
    return cand.pattern == "ccomp" and cand.source is None and cand.label is None


def select(found: list[Candidate], text: str) -> list[Candidate]:
    """Most reliable candidates first; later ones lose the characters already taken and are
    dropped when less than half remains. Returns the kept candidates in text order (their
    contents trimmed in place)."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(found, key=lambda c: (-c.score, c.start)):
        covered = chars(cand.content)
        left = covered - taken
        if not covered or len(left) * 2 < len(covered):
            continue
        if len(left) < len(covered):
            cand.content = trimmed(text, left)
            if not cand.content:
                continue
        kept.append(cand)
        taken |= chars(cand.content)
        for span in (cand.cue_span(), cand.source_span()):
            if span:
                taken |= set(range(*span))
    kept.sort(key=lambda c: c.start)
    return kept
