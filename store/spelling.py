"""The one rule for "did you mean": which indexed word a misspelt query word stands for.

Both engines hand over candidate words with how many attributions use them; the choice is
made here so that they offer the same word. Distance is optimal string alignment
(Levenshtein plus swapped neighbours: "dornes" is one step from "drones"), from rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import OSA

MIN_LENGTH = 4  # shorter words are too often another real word


def max_distance(word: str) -> int:
    """Edits allowed: one up to five letters, two beyond (as Elasticsearch's AUTO fuzziness
    allows for words of three to five and of more letters)."""
    return 1 if len(word) <= 5 else 2


def closest(word: str, candidates: Iterable[tuple[str, int]]) -> str | None:
    """The candidate nearest ``word`` within :func:`max_distance`, the most used on a tie
    (then alphabetical); None when none is close or ``word`` is shorter than MIN_LENGTH."""
    word = word.lower()
    if len(word) < MIN_LENGTH:
        return None
    limit = max_distance(word)
    best: tuple[int, int, str] | None = None
    for term, count in candidates:
        if term == word or abs(len(term) - len(word)) > limit:
            continue
        distance = OSA.distance(word, term, score_cutoff=limit)
        if distance <= limit:
            key = (distance, -count, term)
            if best is None or key < best:
                best = key
    return None if best is None else best[2]
