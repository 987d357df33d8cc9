"""Selection: which candidates survive when they compete for the same characters.

Decides by the candidate scorer's probability, because PolNeAR-style annotation is univocal
(a token belongs to one attribution): the most probable candidate keeps its characters; a
later one loses those already taken and is dropped when less than half remains. A
complement clause whose cue has no subject is dropped beforehand (the writer's hedging,
not an attribution).
"""

from __future__ import annotations

import bisect

from indexer.extract.candidate import Candidate
from indexer.extract.spans import chars, trimmed

# Probabilities closer than this do not rank candidates (the calibration table's bucket
# width): within one step, the earlier candidate in the text goes first.
RANK_STEP = 0.1


def sourceless_clause(cand: Candidate) -> bool:
    """ "Repairs are expected to ...", "It is believed that ...": a complement clause whose cue
    has no subject is the writer's hedging far more often than an attribution (about one in
    ten clauses, one in four infinitives on PolNeAR train)."""
    return cand.pattern in ("ccomp", "xcomp") and cand.source is None and cand.label is None


def select(found: list[Candidate], text: str) -> list[Candidate]:
    """Most probable candidates first (by steps of RANK_STEP, then text order); later ones
    lose the characters already taken and are dropped when less than half remains. Returns
    the kept candidates in text order (their contents trimmed in place)."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    ranks = _ranks(found)
    for cand in sorted(found, key=lambda c: (-ranks[id(c)], c.start)):
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


def _ranks(found: list[Candidate]) -> dict[int, int]:
    """id(candidate) -> its probability step, no higher than that of another candidate whose
    content holds its source ("He said [his attacks ...] and said that ...": a misparse makes
    "his attacks" the second verb's subject)."""
    ranks = {id(c): int(c.score / RANK_STEP) for c in found}
    sources: dict[int, list[Candidate]] = {}
    for cand in found:
        if (span := cand.source_span()) is not None:
            sources.setdefault(span[0], []).append(cand)
    starts = sorted(sources)
    for other in found:
        step = ranks[id(other)]
        for s, e in other.content:
            for pos in starts[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]:
                for cand in sources[pos]:
                    if cand is not other:
                        ranks[id(cand)] = min(ranks[id(cand)], step)
    return ranks
