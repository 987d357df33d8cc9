"""The newsroom's correction notes that move a quote to the person who said it.

"Correction: An earlier version of this article attributed a quote about the levy to Mark
Dunn. It was said by Paula Grant." The note is page furniture for the extractor
(``indexer.extract.furniture.is_correction_note``: the editors speaking of their own text),
so the quote it corrects is still extracted with the wrong person, wherever the article
forgot to change it. The linker reads the note: the attributions of the person it names
as wrongly credited (by surname), about the topic it names ("a quote about the levy": a
content word of the topic in the quote), go to the person it names as the speaker, and say
so (``correction_note``, ``corrected_from``). A note that names the wrong person but nobody
the linker can make a speaker of, or that leaves unclear which of several quotes it means,
marks them disputed: the note is kept on them, their speaker is not changed.

Forms read (in the note's paragraph): "(mis|incorrectly )attributed a quote / remarks /
comments [about TOPIC | saying 'WORDS'] to WRONG", then "rather than / instead of RIGHT" or,
in the next sentence, "It was said by RIGHT", "The quote was from RIGHT", "It came from
RIGHT", "RIGHT said it", "RIGHT made the remark", "It was RIGHT who said it"; and the
British form with the quote as subject ("This article was amended on 26 November 2026. A
quote saying 'WORDS' was wrongly attributed to WRONG; it was said by the education
secretary, RIGHT"; "Remarks about TOPIC were misattributed to WRONG"). The quoted WORDS
name the quote as a topic does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indexer.extract.furniture import is_correction_note
from indexer.lexicon import wordset
from indexer.link.speakers import fold, given_names_differ

# A person's name as a note writes it: capitalised words, a title before them, descriptive
# lower-case words before that ("council member Mark Dunn", "Dr. Ruth Anselm").
_NAME = (
    r"(?:[a-z][\w-]*\s+){{0,3}}?(?P<{0}>(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen)\.\s+)?"
    r"[A-Z][\w'\u2019-]*(?:\s+(?:de\s+|van\s+|von\s+|da\s+)?[A-Z][\w'\u2019-]*){{0,3}})"
)
_SAID = r"(?:quotes?|quotations?|remarks?|comments?|statements?|words)"
_DETERMINER = r"(?:(?i:a|an|the|one|two|three|several|some|these|those)\s+)?"
# what the note says of the quote: its topic ("about the levy") or its words, quoted ("a
# quote saying 'No child should ...'", "the remark 'We will not sell'")
_WHICH = (
    r"(?:\s+(?:about|on|regarding|concerning|over)\s+(?P<topic>[^.;]+?)"
    r"|,?\s+(?:(?:saying|reading|that\s+said|which\s+said|in\s+which\s+\w+\s+said)\s+)?"
    "[\"'\u2018\u201c](?P<quoted>.+?)[\"'\u2019\u201d],?(?=\\W|$))?"
)
_WRONGLY = r"(?:(?:incorrectly|wrongly|mistakenly|erroneously)\s+)?"
_MISATTRIBUTED = re.compile(
    # the newsroom as subject: "(An earlier version ...) attributed a quote ... to WRONG"
    rf"\b{_WRONGLY}(?:mis)?attributed\s+{_DETERMINER}(?:[a-z]+\s+)?{_SAID}{_WHICH}"
    rf"\s+to\s+{_NAME.format('wrong')}"
    rf"(?:,?\s+(?:rather\s+than|instead\s+of|and\s+not)\s+{_NAME.format('instead')})?"
    r"(?=[\s.,;]|$)"
    # the quote as subject (British style): "A quote saying '...' was wrongly attributed
    # to WRONG", "Remarks about the levy were misattributed to WRONG"
    rf"|\b{_DETERMINER}(?:[a-z]+\s+)?(?i:{_SAID})"
    + _WHICH.replace("topic>", "topic2>").replace("quoted>", "quoted2>")
    + rf"\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+{_WRONGLY}(?:mis)?attributed"
    rf"\s+to\s+{_NAME.format('wrong2')}(?=[\s.,;]|$)"
)
# "It was said by the education secretary, Matthew Lyle": a description, then the name
_DESCRIBED = r"(?:(?:the\s+)?(?:[a-z][\w-]*\s+){1,4}?[a-z][\w-]*,\s+)?"
_RIGHT_SPEAKER = re.compile(
    r"^\W*(?:"
    rf"(?:[Ii]t|[Tt]hey|[Tt]he\s+{_SAID}|[Tt]hat\s+{_SAID}|[Tt]he\s+\w+\s+{_SAID})\s+"
    r"(?:was|were)\s+"
    r"(?:actually\s+|in\s+fact\s+)?(?:(?:said|made|spoken|written|uttered)\s+)?(?:by|from)\s+"
    rf"{_DESCRIBED}"
    r"|(?:[Ii]t|[Tt]hey)\s+(?:actually\s+)?came\s+from\s+"
    rf"{_DESCRIBED}"
    r")"
    + _NAME.format("right")
    + r"|^\W*(?:[Ii]t\s+was\s+(?:actually\s+|in\s+fact\s+)?)"
    + _NAME.format("who")
    + r"\s+who\s+(?:said|made|wrote)\s+(?:it|them|the\s+\w+)\b"
    + r"|^\W*"
    + _NAME.format("speaker")
    + rf"\s+(?:actually\s+)?(?:said|made|wrote)\s+(?:it|them|the\s+{_SAID})\b"
)
_TOPIC_STOPWORDS = wordset(
    "the a an of his her their its this that and or not should would will could can must was were"
)


@dataclass(frozen=True)
class Misattribution:
    """One quote a note says the article gave the wrong person: ``wrong`` (as written),
    ``right`` (as written, None when the note names nobody), ``topic`` words (folded; empty:
    any quote of ``wrong``) and the ``note`` itself (its paragraph)."""

    wrong: str
    right: str | None
    topic: tuple[str, ...]
    note: str


def misattributions(body: str) -> list[Misattribution]:
    """The misattributions the correction notes of ``body`` (an article's text) correct, in
    the order written; [] for an article without such a note."""
    found = []
    for paragraph in body.splitlines():
        if not is_correction_note(paragraph):
            continue
        note = " ".join(paragraph.split())
        for match in _MISATTRIBUTED.finditer(note):
            right = match.group("instead")
            if right is None:
                after = note[match.end() :].lstrip(" .;")
                said = _RIGHT_SPEAKER.match(after)
                right = (
                    (said.group("right") or said.group("who") or said.group("speaker"))
                    if said
                    else None
                )
            about = (
                match.group("topic") or match.group("topic2")
                or match.group("quoted") or match.group("quoted2") or ""
            )
            topic = tuple(
                w
                for w in re.findall(r"[a-z][a-z'-]{2,}", fold(about))
                if w not in _TOPIC_STOPWORDS
            )
            wrong = match.group("wrong") or match.group("wrong2")
            found.append(Misattribution(wrong, right, topic, note))
    return found


# The article scope of a page named by a surname alone: "Dunn (in Levy vote)"
# (:func:`indexer.link.speakers.article_scoped_name`).
_SCOPE = re.compile(r" \(in .*\)$")


def _surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def _stem(word: str) -> str:
    """A word without its plural ending: "levies" -> "levy", "taxes" -> "tax"."""
    for ending, base in (("ies", "y"), ("xes", "x"), ("ses", "s"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + base
    return word


def _about(content: str, topic: tuple[str, ...]) -> bool:
    """Whether ``content`` holds a word of ``topic`` (singular or plural: "the levies" is
    about the levy); any content when the topic is empty."""
    if not topic:
        return True
    words = {_stem(w) for w in re.findall(r"[a-z][a-z'-]+", fold(content))}
    return any(_stem(t) in words for t in topic)


def credited_to(
    misattribution: Misattribution, linked: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The attributions of ``linked`` (an article's, linked) the note means: those of the
    person it names as wrongly credited (by surname, in the speaker or the name as
    written; never a namesake whose given name differs from the one the note writes:
    "Mark Dunn" is not Gemma Dunn) about its topic (any, when it names none)."""
    surname = _surname(misattribution.wrong)
    if not surname:
        return []
    theirs = [
        a
        for a in linked
        if surname in fold(f"{a.get('speaker') or ''} {a.get('speaker_text') or ''}").split()
        and not any(
            given_names_differ(misattribution.wrong, _SCOPE.sub("", name or ""))
            for name in (a.get("speaker"), a.get("speaker_text"))
        )
    ]
    return [a for a in theirs if _about(a.get("content") or "", misattribution.topic)]


def apply_notes(
    body: str,
    linked: list[dict[str, Any]],
    resolve: Callable[[str], dict[str, Any] | None],
) -> int:
    """Move the attributions of ``linked`` (an article's, linked; changed in place) that the
    correction notes of ``body`` say were credited to the wrong person to the person they
    name (``resolve``: a name as written -> a speaker record with ``id``, ``name``,
    ``type``, ``party``, or None), each keeping the note (``correction_note``) and whom it
    was taken from (``corrected_from``). The note's quote is unclear when it names no topic
    and the wrong person has several: they, and those whose right speaker cannot be
    resolved, are only marked disputed (the note, no move). Returns how many moved."""
    moved = 0
    for misattribution in misattributions(body):
        meant = credited_to(misattribution, linked)
        clear = bool(misattribution.topic) or len(meant) == 1
        target = resolve(misattribution.right) if misattribution.right and clear else None
        for attribution in meant:
            attribution["correction_note"] = misattribution.note
            if target is None or attribution.get("speaker_id") == target["id"]:
                continue  # disputed only (or already the right person's)
            attribution["corrected_from"] = attribution.get("speaker")
            attribution["speaker"], attribution["speaker_id"] = target["name"], target["id"]
            attribution["speaker_type"] = target.get("type") or "person"
            attribution["speaker_party"] = target.get("party")
            attribution["speaker_role"] = None  # the role was the wrong person's
            attribution["speaker_resolution"] = "named"
            moved += 1
    return moved
