"""Interviewer turns: the questions of a question-and-answer transcript are nobody's claim.

A Q&A article writes each turn as a paragraph opening with its speaker's label ("Energy
Weekly: Whose fault was that?", "Q: ...", "Orla Quinn: Partly ours."). The interviewer's
turns ask; what they say ("Your critics say you are too close to ...") is a question put to
the interviewee, not an attribution to the publication, nor to anyone the question quotes.
The interviewer is the label "Q" / "Question" / "Interviewer", alone or after the
publication's name ("PROBE Q"), or the label of a transcript with at least two labels whose
turns mostly end with a question mark, or half of them when every other label asks less, or
a third of them when no other label ever asks ("Ledger: Will you run again?" ... "Ledger:
Your opponent says you missed forty votes.": a statement put to the interviewee is a
question too).
"""

from __future__ import annotations

import re

from indexer.extract.candidate import Candidate

_TURN = re.compile(r"(?P<label>[A-Z][^\n:.?!\"]{0,40}?)\s*:\s")
QUESTION_LABELS = frozenset(["q", "question", "interviewer"])
MIN_TURNS = 2  # a label asking once may be a rhetorical heading; a transcript asks again
# A label asking in a third of its turns is the interviewer when no other label ever asks:
# its other turns are statements put to the interviewee ("Your opponent says ...").
NEVER_ASKED_SHARE = 1 / 3


def interviewer_turns(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans (start, end) of the paragraphs of `text` (spans in `paras`) that are
    an interviewer's turns; [] when the article is no labelled transcript."""
    turns: dict[str, list[tuple[int, int]]] = {}
    for start, end in paras:
        if match := _TURN.match(text, start, end):
            turns.setdefault(match.group("label").strip().lower(), []).append((start, end))
    share = {
        label: sum(text[s:e].rstrip().endswith("?") for s, e in spans) / len(spans)
        for label, spans in turns.items()
    }
    asking: list[tuple[int, int]] = []
    for label, spans in turns.items():
        others = [v for k, v in share.items() if k != label]
        if label.split()[-1] in QUESTION_LABELS or (  # "Q", "PROBE Q", "Times Question"
            others
            and len(spans) >= MIN_TURNS
            and (
                share[label] > 0.5
                or (share[label] == 0.5 and share[label] > max(others))
                or (share[label] >= NEVER_ASKED_SHARE and max(others) == 0)
            )
        ):
            asking += spans
    return sorted(asking)


def without_questions(
    found: list[Candidate], text: str, paras: list[tuple[int, int]]
) -> list[Candidate]:
    """`found` less the candidates whose content starts in an interviewer's turn."""
    asking = interviewer_turns(text, paras)
    return [c for c in found if not any(s <= c.start < e for s, e in asking)]
