"""How a page words what someone said: only words an article quoted stand in quotation marks.

A direct quote is shown in quotation marks; an indirect claim or a mixed one (a paraphrase
carrying quoted fragments) reads as reported speech, "X said that …", with the fragments
keeping the marks the article gave them. Putting a paraphrase in quotation marks invites
misquotation (issue 13). Statement texts and contents are shown cleaned: no leading
"that", no doubled or dangling quotation marks.

The speaker of a passage may have been found through a pronoun ("he") or a description
("the ministry"); :func:`resolution` says how (the extractor's ``speaker_resolution`` when
the attribution carries it, else read off the words at the speaker span) and
:func:`naming_sentence` finds the sentence that names the referent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from indexer.link.speakers import PRONOUNS
from schemas.attribution import CONTENT_SHAPES, shape_of_content
from store.base import HL_END, HL_START

OPENING = "\"“‘«„‹'"
CLOSING = "\"”’»›'"
QUOTE_MARKS = frozenset(OPENING + CLOSING)
APOSTROPHES = frozenset("'’")  # also quotation marks, except inside a word ("Brenna's")
# The cue verbs that read as a preposition: "according to X, …".
PREPOSITIONAL_CUES = frozenset({"according to", "per", "in the words of"})
# Cues that need an object in English ("told reporters that"): reported as "said".
TRANSITIVE_CUES = frozenset({"told", "tell", "tells", "telling", "informed", "assured"})
# Cues whose content is their object, never a that-clause ("called the plan 'a disaster'",
# "accused the mayor of lying", "urged voters to ..."): base form -> past tense, the form a
# reported lead uses ("X called the plan 'a disaster'", never "X called that the plan").
OBJECT_CUES = {
    "accuse": "accused",
    "blame": "blamed",
    "brand": "branded",
    "call": "called",
    "cite": "cited",
    "condemn": "condemned",
    "credit": "credited",
    "criticise": "criticised",
    "criticize": "criticized",
    "describe": "described",
    "dub": "dubbed",
    "label": "labelled",
    "praise": "praised",
    "thank": "thanked",
    "urge": "urged",
}
# Cues that take a gerund for their content ("denies saying the budget would be cut",
# "admitted taking the money", "recalled seeing him"): the lead is the cue alone, never
# "X denies that saying ...".
_GERUND_TAKING = """deny denies denied admit admits admitted recall recalls recalled
    acknowledge acknowledges acknowledged regret regrets regretted remember remembers
    remembered mention mentions mentioned"""
GERUND_CUES = frozenset(_GERUND_TAKING.split())
# A gerund: a word in -ing that is not a "-thing" pronoun or a preposition ("during").
_GERUND = re.compile(
    rf"^[{HL_START}{HL_END}]*(?!(?:no|some|any|every)thing\b|during\b)[a-z]+ing\b"
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "our"})
# A complementizer "that" opening reported content ("that the plan failed"): lower case (a
# capitalised "That" opens a sentence: the quoted words themselves) and never before a
# verb ("that is simply not true": the demonstrative, the subject of the words).
_LEADING_THAT = re.compile(
    rf"^[{HL_START}{HL_END}]*that\s+(?![{HL_START}{HL_END}]*(?:is|was|'s|\u2019s|are|were|will|"
    r"would|has|had|does|did|can|could|may|might|must|should|seems|means|makes)\b)"
)


def quotation_marks(text: str) -> list[int]:
    """Offsets of the quotation marks in ``text``: every mark of :data:`QUOTE_MARKS` but an
    apostrophe between two letters ("Brenna's", "don’t")."""
    return [
        i
        for i, c in enumerate(text)
        if c in QUOTE_MARKS
        and not (
            c in APOSTROPHES
            and 0 < i < len(text) - 1
            and text[i - 1].isalpha()
            and text[i + 1].isalpha()
        )
    ]


def clean(text: str | None) -> str:
    """``text`` without a leading "that", doubled quotation marks at either end, or a
    quotation mark at one end that nothing closes (or opens). Highlight markers survive."""
    out = (text or "").strip()
    out = _LEADING_THAT.sub(lambda m: m.group(0)[: m.group(0).find("that")], out)
    while len(out) > 1 and out[0] in QUOTE_MARKS and out[1] in QUOTE_MARKS:
        out = out[1:]
    while len(out) > 1 and out[-1] in QUOTE_MARKS and out[-2] in QUOTE_MARKS:
        out = out[:-1]
    marks = quotation_marks(out)
    if len(marks) % 2 == 1:  # one mark without its partner: drop the one at an edge
        if out and out[0] in QUOTE_MARKS:
            out = out[1:]
        elif out and out[-1] in QUOTE_MARKS:
            out = out[:-1]
    return out.strip()


def is_enclosed(text: str) -> bool:
    """Whether cleaned ``text`` already opens and closes with quotation marks."""
    plain = text.replace(HL_START, "").replace(HL_END, "")
    return len(plain) > 1 and plain[0] in OPENING and plain[-1] in CLOSING


def has_quoted_fragment(text: str) -> bool:
    """Whether cleaned ``text`` holds quotation marks of its own, other than a pair
    enclosing all of it: the quoted fragments of a mixed wording."""
    plain = text.replace(HL_START, "").replace(HL_END, "")
    marks = quotation_marks(plain)
    if is_enclosed(plain):
        marks = [i for i in marks if 0 < i < len(plain) - 1]
    return bool(marks)


def in_quotation_marks(kinds: str | Iterable[str] | None, text: str | None = None) -> bool:
    """Whether a text may stand in quotation marks: only when an article quoted it word for
    word (kind ``direct``). A statement carried in several ways stands in them when one
    article quoted it directly and its ``text`` is not a mixed wording (a paraphrase with
    quoted fragments, whose own marks already show the quoted words: enclosing it would
    double them)."""
    if kinds is None:
        return False
    if isinstance(kinds, str):
        return kinds == "direct"
    kinds = set(kinds)
    if kinds == {"direct"}:
        return True
    return "direct" in kinds and not (text and has_quoted_fragment(clean(text)))


def reported_lead(attribution: dict[str, Any]) -> str:
    """The words before a claim, by the shape of its content (:func:`content_shape`): a
    clause reads "Anna Lindqvist said that", a verbatim quotation 'X said: "..."', a quoted
    fragment 'X used the words "..."', a noun phrase "X denied" (after "said": "X spoke
    of"), an infinitive "X vowed" / "X told residents"; "According to the ministry," for a
    prepositional cue, "Someone" when nobody was found. A cue that reads badly before
    "that" (several words, one needing an object, a form in -ing such as "describing") is
    reported as "said"; a cue whose content is its object (:data:`OBJECT_CUES`, "called the
    plan 'a disaster'", "cited health reasons") takes its past tense and nothing else. Words
    another speaker relays (`relayed_by`: "Calder said Whitaker told her ...") open with who
    relays them: "According to Ruth Calder, Dan Whitaker said that", and so do words an
    outlet reports (``via_outlets``: "According to The Washington Ledger, Robert Hale said
    that")."""
    lead = _lead(attribution)
    relayed_by = attribution.get("relayed_by")
    if not relayed_by and not lead.startswith("According to "):
        relayed_by = " and ".join(attribution.get("via_outlets") or []) or None
    return f"According to {relayed_by}, {lead}" if relayed_by else lead


def _lead(attribution: dict[str, Any]) -> str:
    """`reported_lead` without the relaying speaker."""
    who = attribution.get("speaker") or attribution.get("speaker_text") or "Someone"
    cue = (attribution.get("cue") or "").strip().lower()
    if cue in PREPOSITIONAL_CUES or cue.endswith(" by"):  # "as first reported by X"
        return f"According to {who},"
    if (past := object_cue_past(cue)) is not None:
        return f"{who} {past}"
    plain = bool(cue) and " " not in cue and not cue.endswith("ing")
    verb = cue if plain and cue not in TRANSITIVE_CUES else "said"
    shape = content_shape(attribution)
    if shape == "quotation":
        return f"{who} {verb}:"  # 'X said: "We will rebuild the bridge."'
    if shape == "fragment":
        return f"{who} used the words"  # 'X used the words "a blank check."', never "that"
    if shape == "phrase":
        # "X denied the allegations", "X announced a series of steps"; "said" takes no object
        return f"{who} {verb}" if verb != "said" else f"{who} spoke of"
    if shape == "infinitive":  # never "that": "X vowed to ...", "X said to stay indoors"
        told_whom = not clean(attribution.get("content")).lower().startswith("to ")
        return f"{who} {cue if plain and told_whom else verb}"  # "X told residents to ..."
    if cue in GERUND_CUES and _GERUND.match(clean(attribution.get("content"))):
        return f"{who} {cue}"  # "X denies saying ...", never "X denies that saying"
    return f"{who} {verb} that"


def content_shape(attribution: dict[str, Any]) -> str:
    """The shape of an attribution's content (``schemas.attribution.CONTENT_SHAPES``): the
    extractor's ``content_shape`` when the record has it, else read off the cleaned text
    (records stored before it) by the extractor's rule, ``schemas.attribution.shape_of_content``,
    with its verbs unknown: words wholly in quotation marks (as stored: 'that "we will
    ..."' is a clause) are a ``fragment`` of a mixed or indirect record and a
    ``quotation`` of a direct one, "to ..." an ``infinitive``, anything else a
    ``clause``."""
    shape = attribution.get("content_shape")
    if shape in CONTENT_SHAPES:
        return str(shape)
    stored = (attribution.get("content") or "").strip()
    text = clean(stored)
    return shape_of_content(
        attribution.get("kind") or "",
        enclosed=is_enclosed(stored),  # as extracted: 'that "we will ..."' is a clause
        verbs=None,  # no parse of a stored text: the rule's reading of unknown verbs
        infinitive=text.lower().startswith("to "),
    )


def object_cue_past(cue: str) -> str | None:
    """The past tense of `cue` when it is a form (base, -s, past, -ing) of one of
    :data:`OBJECT_CUES` ("calling" -> "called"), else None."""
    for base, past in OBJECT_CUES.items():
        stem = base.removesuffix("e")
        forms = {base, base + "s", past, stem + "ed", stem + "led"}
        forms |= {stem + "ing", stem + stem[-1] + "ing"}
        if cue in forms:
            return past
    return None


RESOLUTIONS = {
    "named": "named in the passage",
    "part_named": "the passage writes only part of the name; the article has it in full",
    "pronoun": "found through a pronoun",
    "description": "found through a description",
    "quote_sequence": "the speaker of the quotes before it",
    "label": (
        "from the page's layout: a label in the text (e.g. an interview's name prefix) or an "
        "interview's answer, filed under the interviewee its introduction names"
    ),
    "byline": "the article's author, writing in the first person (from the byline)",
    "unresolved": "not found: the speaker is unknown",
}


@dataclass(frozen=True)
class Resolution:
    """How the speaker of an attribution was found: ``how`` is a key of
    :data:`RESOLUTIONS` (the extractor's ``speaker_resolution``), ``words`` the words at
    the speaker span, ``explanation`` the sentence a page shows."""

    how: str
    words: str
    explanation: str

    @property
    def indirect(self) -> bool:
        """Whether the passage itself may not name the speaker."""
        return self.how in (
            "pronoun",
            "description",
            "part_named",
            "quote_sequence",
            "label",
            "byline",
        )


def _names_in_full(words: str, name: str) -> bool:
    """Whether the words at a speaker span write every word of the speaker's ``name``
    (initials and honorifics aside): "Sofia Lindqvist said" does, "Lindqvist said" or
    "Ms Lindqvist said" does not name Sofia Lindqvist in full. An empty span or name
    says nothing against it."""
    said = set(re.findall(r"\w+", words.lower()))
    wanted = {w for w in re.findall(r"\w+", name.lower()) if len(w) > 1}
    return not said or not wanted or wanted <= said


def resolution(attribution: dict[str, Any], body: str) -> Resolution:
    """The extractor's ``speaker_resolution`` when present (and known), else inferred: no
    speaker is ``unresolved``, a pronoun at the speaker span ``pronoun``, words at the span
    opening with a determiner ("the ministry") or sharing no word with the speaker's name
    ``description``, else ``named``. A person ``named`` whose full name the span does not
    write ("Lindqvist said" for Sofia Lindqvist) is ``part_named``: the page then shows the
    sentence that names them in full."""
    span = attribution.get("speaker_span")
    words = body[span[0] : span[1]] if span and span[1] <= len(body) else ""
    words = words or attribution.get("speaker_text") or ""
    how = attribution.get("speaker_resolution")
    if how not in RESOLUTIONS:
        name = attribution.get("speaker")
        said = set(re.findall(r"\w+", words.lower()))
        if not name:
            how = "unresolved"
        elif said and said <= PRONOUNS:
            how = "pronoun"
        elif said and (
            words.lower().split()[0] in DETERMINERS
            or not said & set(re.findall(r"\w+", name.lower()))
        ):
            how = "description"
        else:
            how = "named"
    if (
        how == "named"
        and attribution.get("speaker_type") == "person"
        and not _names_in_full(words, attribution.get("speaker") or "")
    ):
        how = "part_named"  # "Lindqvist allegedly said": which Lindqvist, the article says
    text = RESOLUTIONS[how]
    if how in ("pronoun", "description", "part_named") and words:
        text = f"{text} (“{words}”)"
    return Resolution(how, words, text)


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»]?\s+|\n+")


def naming_sentence(
    body: str, name: str | None, before: int, in_full: bool = False
) -> tuple[int, int] | None:
    """The last sentence ending before offset ``before`` that names ``name`` (its full form
    or its last word; only its full form with ``in_full``), as (start, end) offsets into
    ``body``; None when none does."""
    if not name:
        return None
    words = [w for w in re.findall(r"\w+", name) if len(w) > 2]
    needles = [name, *(words[-1:] if words and not in_full else [])]
    best = -1
    for needle in needles:
        best = max(best, body.rfind(needle, 0, before))
    if best < 0:
        return None
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(body, 0, best + 1)]
    start = max(s for s in starts if s <= best)
    end_match = _SENTENCE_END.search(body, best)
    end = end_match.start() + 1 if end_match else len(body)
    return start, min(end, len(body))


def title_words(kinds: str | Iterable[str] | None, text: str | None, width: int = 50) -> str:
    """A page title's short form of a quote or claim: cleaned (:func:`clean`), at most
    ``width`` characters (cut at a word, "…" added), and, when it may stand in quotation
    marks (:func:`in_quotation_marks`), in one pair of curly marks: marks the stored text
    already has around it are replaced, never doubled (“"…"”), and a comma left before the
    closing mark is dropped."""
    words = clean(text).replace(HL_START, "").replace(HL_END, "")
    quoted = in_quotation_marks(kinds, text)
    if quoted and is_enclosed(words):
        words = words[1:-1].strip().rstrip(",;:").rstrip()
    elif quoted and words and words[0] in QUOTE_MARKS:
        quoted = False  # it opens with its own mark: as the page body, add none
    if len(words) > width:
        cut = words[: width - 1]
        words = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"
    return f"“{words}”" if quoted else words
