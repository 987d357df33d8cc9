"""Interviews written as question and answer paragraphs: who answers, who "I" and "you" are.

An interview article introduces its interviewee in the title or lead ("Biologist Nick Bos
tells Wikinews about ...", "Wikinews interviewed the site's founder, Jack Herrick"), then
alternates question paragraphs (ending with "?", or asking indirectly: "I wanted to know if
you ...", "Talk us through ...") with answer paragraphs; headings and photo captions between
them are asides. Each answer is the interviewee's turn (`whole_turns`, filed by
`layout_lines`); in an answer, "I" is the interviewee; in a question, "you" is. "I" in a
question is the interviewer and "we" may be the interviewee's team: both stay unresolved.

An article counts as an interview only when a sentence of its lead (the title, the first
paragraphs and the paragraph right before the first question) says so (interview, Q&A,
spoke/talked with, tells, sat down with, asked her, questions for, a conversation with) and
at least `MIN_QUESTIONS` question paragraphs each have an answer after them, so that an
opinion piece with a rhetorical question never gives its "I" to the person it is about.
The interviewee is the one person those announcing sentences name, with the sentence before
one that says "interviewed him" or "she spoke to" ("Andrew Westphal is the director of
Stardust@home. Wikinews interviewed him ..."); "Wikinews interviewed one of the owners of a
bar about Dan Savage's column" names no interviewee: "I" stays unresolved and no answer is
filed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.extract.nlp import sentences
from indexer.extract.quotes import ANY_OPENING
from indexer.lexicon import wordset

MIN_QUESTIONS = 2
# The title and the first two paragraphs announce the interviewee, and so does the
# paragraph right before the first question (the interviewer's introduction).
LEAD_PARAGRAPHS = 3
# The interviewee must be named in the announcing sentences at least this many times as
# often as anyone else: "Wikinews interviews Mario Lucero and Isabel Ruiz" names two, and
# "I" stays open.
MARGIN = 2
_SIGNAL = re.compile(
    r"\binterview(?!ee)|\bQ\s*&\s*A\b"
    r"|\b(?:spoke|speaks|talked|talks|sat down|chatted|chats|caught up) (?:to|with)\b"
    r"|\btells\b|\bconversation with\b|\bin conversation\b|\bquestions (?:for|to)\b"
    r"|\basked (?:him|her|them)\b",
    re.IGNORECASE,
)
# A paragraph ending with "?" is a question only when it is short: an interviewer's question
# has at most a few sentences of context, a long answer may close on a rhetorical question.
MAX_QUESTION_SENTENCES = 4
# An indirect question asks too: "I just wanted to know if you had any thoughts on ...",
# "Tell us about the refit.", "I wonder whether you regret it."
_INDIRECT_QUESTION = re.compile(
    r"\b(?:want(?:ed)?|like|wish(?:ed)?) to (?:know|ask|hear)\b|\bI (?:wonder|was wondering)\b",
    re.IGNORECASE,
)
# ... or bids the interviewee talk: "Talk us through the difficulties ...", "Tell me about ..."
_BIDDING = re.compile(
    r"(?:^|[.?!]\s+)(?:(?:Please|So|And|Now),?\s+)?(?:tell|talk|walk|take) (?:me|us)\b",
    re.IGNORECASE,
)
# An aside between the turns: a section heading (a few words, no closing punctuation) or a
# photo caption ending with its credit ("Aerogel slice removed with a blade. Image: NASA").
MAX_HEADING_WORDS = 12
_CLOSING = tuple(".?!\"'\u201d\u2019)]\u2026-\u2014:;")
_CREDIT = re.compile(
    r"\b(?:image|photo|picture|photograph|illustration)s?(?:\s+credit)?\s*:\s*[^\n]{0,80}$",
    re.IGNORECASE,
)
# An answer given as a whole turn to the interviewee has at least this many words:
# "Sure.", "It's not the same." between two answers may be the interviewer's.
MIN_TURN_WORDS = 10
# A news story quoting someone "in an interview" may ask a rhetorical question or two; an
# interview asks throughout: its answers are turns only when at least this share of its
# question and answer paragraphs ask.
MIN_QUESTION_SHARE = 0.15
# A paragraph that attributes itself is a report, not a turn: it opens with a quotation or
# its last sentence ends on a news cue, '..., Ms. Ruiz said.', '..., said Ruiz.' (a cue of
# the interviewee's own, "I told the association that ...", is still their turn).
_WHO = r"(?:he|she|they|(?!I\b|We\b)[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3})"
_CUE = r"(?:said|says|added|adds|wrote|writes|explained|recalled)"
_REPORTED = re.compile(rf"[,\u201d\u2019\"']\s*(?:{_WHO}\s+{_CUE}|{_CUE}\s+{_WHO})\s*\.?$")
# A paragraph in the first person (singular or plural: "we" answers for a company too) is
# an answer's voice; only the singular pronouns (`FIRST_PERSON`) resolve to the interviewee.
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours)\b", re.IGNORECASE)
_SECOND_PERSON_WORD = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
# A turn's label: "Q:", "Answer:", "Ruth Calloway:", "TH:" (capitalised words, not prose
# before a colon: "Achieving four goals: ...").
_LABELLED_TURN = re.compile(r"[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){0,3}\s*:\s")

_OBJECT_PRONOUN = re.compile(r"\w*\s+(?:him|her)\b", re.IGNORECASE)  # "interviewed him"
_SUBJECT_PRONOUN = re.compile(r"\s*(?:He|She)\b")  # "She spoke to the Observer about ..."
# The labels of a transcript's turns, in any case ("Q:", "QUESTION:", "Interviewer:",
# "A.", "ANSWER:"): the interviewer's and the interviewee's, never anyone's name.
QUESTION_LABELS = frozenset(["q", "question", "interviewer"])
ANSWER_LABELS = frozenset(["a", "answer"])
TURN_LABEL = re.compile(
    r"(?:(?P<q>Q|Question|Interviewer)|(?P<a>A|Answer))\s*[:.]\s+(?=\S)", re.IGNORECASE
)
_QUESTION_LABEL = re.compile(r"^(?:Q|Question|Interviewer)\s*[:.]\s", re.IGNORECASE)
# The people who ask: a journalist the lead introduces ("Courier reporter Jane Abbott",
# "host Ira Lee", "Jane Abbott, our correspondent") is the interviewer, never the interviewee.
INTERVIEWER_NOUNS = wordset(
    "reporter reporters correspondent journalist interviewer host anchor presenter columnist"
)
FIRST_PERSON = frozenset(["i", "me", "my"])  # the interviewee's own pronouns
SECOND_PERSON = frozenset(["you", "your"])


@dataclass
class Interview:
    """The question/answer layout of one article (character offsets into its text)."""

    announcements: list[tuple[int, int]]  # lead sentences saying who is interviewed
    questions: list[tuple[int, int]]
    answers: list[tuple[int, int]]
    interviewee: str | None = None
    announced: set[str] = field(default_factory=set)  # everyone the lead names in full
    # answers in a labelled speaker's turn ("Dale Pruitt: ..." and the paragraphs after it)
    labelled: set[tuple[int, int]] = field(default_factory=set)
    _spans: list[tuple[int, int, str]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._spans = sorted(
            [(s, e, "question") for s, e in self.questions]
            + [(s, e, "answer") for s, e in self.answers]
        )
        self._starts = [s for s, _, _ in self._spans]

    def place(self, pos: int) -> str | None:
        """ "question", "answer" or None (the lead) for the character offset `pos`."""
        span = self._span_at(pos)
        return span[2] if span else None

    def _span_at(self, pos: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0:
            return None
        start, end, kind = self._spans[k]
        return (start, end, kind) if start <= pos < end else None

    def announces(self, pos: int) -> bool:
        """Whether `pos` lies in a lead sentence that says who is interviewed."""
        return any(s <= pos < e for s, e in self.announcements)

    def speaker_of(self, pronoun: str, pos: int) -> str | None:
        """The interviewee when `pronoun` at `pos` is "I" in an answer (not in a labelled
        turn) or "you" in a question; else None."""
        span = self._span_at(pos)
        place = span[2] if span else None
        if pronoun in FIRST_PERSON and place == "answer":
            # in a labelled turn the label says who "I" is ("Dale Pruitt: ... I told her")
            return None if span[:2] in self.labelled else self.interviewee  # type: ignore[index]
        if pronoun in SECOND_PERSON and place == "question":
            return self.interviewee
        return None


def find(text: str, paras: list[tuple[int, int]]) -> Interview | None:
    """The interview layout of `text` (paragraph spans `paras`), or None when the article is
    not an interview: no interview signal in the lead, or fewer than `MIN_QUESTIONS`
    answered question paragraphs."""
    shapes = _shapes(text, tuple(paras))
    kinds = [shape == "question" for shape in shapes]
    first = next((i for i, q in enumerate(kinds) if q), None)
    if first is None:
        return None
    lead = paras[: min(first, LEAD_PARAGRAPHS)]
    if first and paras[first - 1] not in lead:  # the introduction right before the questions
        lead.append(paras[first - 1])
    announcements = []
    for start, end in lead:
        spans = sentences(text, start, end)
        for k, (s, e) in enumerate(spans):
            if signal := _SIGNAL.search(text, s, e):
                if k and (
                    _OBJECT_PRONOUN.match(text, signal.end()) or _SUBJECT_PRONOUN.match(text, s)
                ):
                    # "Andrew Westphal is the director of Stardust. Wikinews interviewed
                    # him ...", "She spoke to the Observer": the sentence before names whom
                    # the pronoun means
                    announcements.append(spans[k - 1])
                announcements.append((s, e))
    if not announcements:
        return None
    questions: list[tuple[int, int]] = []
    answers: list[tuple[int, int]] = []
    answered = 0
    for i in range(first, len(paras)):
        if shapes[i] == "question":
            questions.append(paras[i])
            if shapes[i + 1 : i + 2] == ("answer",):
                answered += 1
        elif shapes[i] == "answer":
            answers.append(paras[i])
    if answered < MIN_QUESTIONS:
        return None
    interview = Interview(announcements, questions, answers)
    interview.labelled = _labelled_answers(text, interview)
    return interview


@lru_cache(maxsize=2)  # one article, asked twice in a row
def _shapes(text: str, paras: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """`_shape` of each paragraph of `text`, kept: the layout's turns and the coreference
    index both ask `find` about the same article."""
    return tuple(_shape(text, s, e) for s, e in paras)


def _labelled_answers(text: str, interview: Interview) -> set[tuple[int, int]]:
    """The answers that open with a turn label ("A: ...", "Calloway: ...") and the answer
    paragraphs right after each, which continue that speaker's turn."""
    out: set[tuple[int, int]] = set()
    previous = None
    for start, end, kind in interview._spans:
        if kind == "answer" and (
            _LABELLED_TURN.match(text, start, end) or (previous is not None and previous in out)
        ):
            out.add((start, end))
        previous = (start, end) if kind == "answer" else None
    return out


def asks(role: str | None) -> bool:
    """Whether a person's ``role`` ("reporter", "the Courier's chief correspondent") makes
    them the one who asks (`INTERVIEWER_NOUNS`: its head noun, before any "of"/"for")."""
    words = re.split(r"\s+(?:of|for|at|with)\s+", (role or "").lower())[0].split()
    return bool(words) and words[-1] in INTERVIEWER_NOUNS


def interviewee(announced: list[str]) -> str | None:
    """The person the announcing sentences name most often (`announced`: one canonical name
    per mention), when named at least `MARGIN` times as often as the next; else None."""
    ranked = Counter(announced).most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and ranked[0][1] < MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def _shape(text: str, start: int, end: int) -> str:
    """ "question", "answer" or "aside" for the paragraph text[start:end]: a question ends
    with "?" or asks indirectly ("I wanted to know if you ...", "Tell us about ...") in at
    most `MAX_QUESTION_SENTENCES` sentences, or opens with a "Q:" label (a
    quotation that ends with a question, "'Why now?' she asked", is not the interviewer's);
    an aside is a heading or a photo caption."""
    body = text[start:end].strip()
    if not body:
        return "aside"
    if (":" in body and _CREDIT.search(body)) or (  # a credit has its colon: the cheap test
        not body.endswith(_CLOSING) and len(body.split()) <= MAX_HEADING_WORDS
    ):
        return "aside"
    if body[0] in ANY_OPENING:
        return "answer"
    if _QUESTION_LABEL.match(body):
        return "question"
    if (
        body.endswith("?")
        or (_INDIRECT_QUESTION.search(body) and _SECOND_PERSON_WORD.search(body))
        or _BIDDING.search(body)
    ) and len(sentences(text, start, end)) <= MAX_QUESTION_SENTENCES:
        return "question"
    return "answer"


def whole_turns(text: str, interview: Interview) -> list[tuple[int, int]]:
    """The answers of an interview that are the interviewee's whole turns (spans into
    `text`): every answer outside a labelled turn (`Interview.labelled`: "A: ...",
    "Calloway: ..." and what continues it are left to their label, `layout_lines`,
    `constructions.labelled_lines`) of at least `MIN_TURN_WORDS` words that speaks in the
    first person, or comes right after a question without addressing "you" ("Moments like
    that must make you realize ..." and "Unfortunately, they are talking about moving it"
    between two answers are the interviewer's remarks), and does not attribute itself
    (`_REPORTED`); [] when fewer than `MIN_QUESTION_SHARE` of the turns ask."""
    if len(interview.questions) < MIN_QUESTION_SHARE * len(interview._spans):
        return []
    out = []
    previous = None  # the kind of the paragraph before
    for start, end, kind in interview._spans:
        body = text[start:end]
        follows, previous = previous, kind
        if kind != "answer" or (start, end) in interview.labelled:
            continue
        if len(body.split()) < MIN_TURN_WORDS or body[0] in ANY_OPENING:
            continue
        last_start, last_end = sentences(text, start, end)[-1]
        if _REPORTED.search(text, last_start, last_end):
            continue
        if not _FIRST_PERSON_WORD.search(body) and (
            _SECOND_PERSON_WORD.search(body) or follows != "question"
        ):
            continue
        out.append((start, end))
    return out
