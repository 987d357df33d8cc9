"""Interviewer turns: the questions of a question-and-answer transcript are nobody's claim.

A Q&A article writes each turn as a paragraph opening with its speaker's label ("Energy
Weekly: Whose fault was that?", "Q: ...", "Orla Quinn: Partly ours."). The interviewer's
turns ask; what they say ("Your critics say you are too close to ...") is a question put to
the interviewee, not an attribution to the publication, nor to anyone the question quotes.
The interviewer is the label "Q" / "Question" / "Interviewer", alone or after the
publication's name ("PROBE Q"), or the label of a transcript with at least two labels whose
turns mostly end with a question mark.
"""

from __future__ import annotations

import re

from indexer.extract.candidate import Candidate

_TURN = re.compile(r"(?P<label>[A-Z][^\n:.?!\"]{0,40}?)\s*:\s")
QUESTION_LABELS = frozenset(["q", "question", "interviewer"])
MIN_TURNS = 2  # a label asking once may be a rhetorical heading; a transcript asks again


def interviewer_turns(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans (start, end) of the paragraphs of `text` (spans in `paras`) that are
    an interviewer's turns; [] when the article is no labelled transcript."""
    turns: dict[str, list[tuple[int, int]]] = {}
    for start, end in paras:
        if match := _TURN.match(text, start, end):
            turns.setdefault(match.group("label").strip().lower(), []).append((start, end))
    asking: list[tuple[int, int]] = []
    for label, spans in turns.items():
        questions = sum(text[s:e].rstrip().endswith("?") for s, e in spans)
        if label.split()[-1] in QUESTION_LABELS or (  # "Q", "PROBE Q", "Times Question"
            len(turns) > 1 and len(spans) >= MIN_TURNS and questions * 2 > len(spans)
        ):
            asking += spans
    return sorted(asking)


def without_questions(
    found: list[Candidate], text: str, paras: list[tuple[int, int]]
) -> list[Candidate]:
    """`found` less the candidates whose content starts in an interviewer's turn."""
    asking = interviewer_turns(text, paras)
    return [c for c in found if not any(s <= c.start < e for s, e in asking)]
