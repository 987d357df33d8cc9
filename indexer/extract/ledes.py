"""Delayed identification: a lede's description is the person the next paragraph introduces.

News writing often describes a speaker first and names them a paragraph later: "A former
aide says she was told to shred files. / Maria Lenz, who worked for the deputy mayor for six
years, said ..." (the "delayed identification" lede of news-writing manuals, e.g. the AP's
and Missouri Group's "News Reporting and Writing"). The description ("a former aide", the
headline's "Former aide") is then that person, but only when the text leaves no doubt:

- the descriptions are the article's opening speakers, unresolved, one person each ("a
  former aide", not "officials" or "a source" or someone kept anonymous on purpose: "who
  spoke on condition of anonymity"), sharing their head noun, in consecutive paragraphs
  (the headline, then the lede), before any person is named;
- the very next paragraph is the first to name a person, and of the people it introduces
  exactly one is compatible with the description (gender from the description's noun or its
  report's opening "she"/"he"; an office or occupation the article gives them with the same
  head noun, or none), and that person speaks in it.

Otherwise the description stays unresolved: a wrong name is worse than none (issue 10).
"""

from __future__ import annotations

from indexer.extract.coreference import (
    ANONYMOUS,
    DESCRIBED,
    FEMALE,
    KEPT_ANONYMOUS,
    MALE,
    NAMED,
    NOUN_GENDERS,
    PERSON_NOUNS,
    UNRESOLVED,
    SpeakerIndex,
    role_head,
)
from indexer.lexicon import OCCUPATION_ENDINGS

_DETERMINERS = frozenset(["a", "an"])
_PRONOUN_GENDERS = {**dict.fromkeys(MALE, "m"), **dict.fromkeys(FEMALE, "f")}


def named_next(records: list[dict], index: SpeakerIndex, paras: list[tuple[int, int]]) -> None:
    """Give the opening descriptions of ``records`` (in text order; ``paras`` the article's
    paragraph spans, ``index`` its coreference index) the person the next paragraph
    introduces, in place, as the module says (resolution "description"); leave them
    unresolved otherwise. Raises nothing."""
    people = [m for m in index.mentions if m.kind == "person"]
    if not people or not records:
        return
    first = min(m.pos for m in people)
    named_in = next((k for k, (s, e) in enumerate(paras) if s <= first < e), None)
    if not named_in:
        return
    opening = [r for r in records if r["paragraph_index"] < named_in]
    described = [r for r in opening if _one_person_described(r)]
    if not described or len(described) != len(opening):
        return
    heads = {_head(r["speaker_text"] or r["speaker"]) for r in described}
    kept = range(described[0]["paragraph_index"], named_in)
    if len(heads) != 1 or {r["paragraph_index"] for r in described} != set(kept):
        return  # one description, in the paragraphs right before the one naming someone
    if any(KEPT_ANONYMOUS.search(_paragraph(index.text, paras, p)) for p in kept):
        return
    start, end = paras[named_in]
    introduced = {
        m.name
        for m in index.mentions
        if start <= m.pos < end
        and m.kind in ("person", "unknown")
        and len(m.name.split()) > 1
        and m.name[:1].isupper()
    }
    head = heads.pop()
    genders = {_gender(r, head) for r in described} - {None}
    fitting = [n for n in introduced if _fits(index, n, head, genders)]
    if len(fitting) != 1 or len(genders) > 1:
        return
    person = fitting[0]
    speaks = any(
        r["paragraph_index"] == named_in
        and r["speaker"] == person
        and r["speaker_resolution"] == NAMED
        for r in records
    )
    if not speaks:
        return
    for rec in described:
        rec.update(speaker=person, speaker_type="person", speaker_resolution=DESCRIBED)


def _one_person_described(rec: dict) -> bool:
    """An unresolved record whose speaker is a description of one person: "a former aide",
    a headline's "Former aide" (a singular person noun, no determiner but "a"/"an")."""
    written = rec["speaker_text"] or rec["speaker"]
    if rec["speaker_resolution"] != UNRESOLVED or not written or rec["relayed_by"]:
        return False
    words = written.lower().split()
    if words[0] in _DETERMINERS:
        words = words[1:]
    if not words or any(not w.isalpha() and "-" not in w for w in words):
        return False
    head = words[-1]
    if head in ANONYMOUS:
        return False  # "a source", "officials": nobody the article means to name
    return head in PERSON_NOUNS or head.endswith(OCCUPATION_ENDINGS)


def _head(written: str) -> str:
    return written.lower().split()[-1]


def _gender(rec: dict, head: str) -> str | None:
    """The gender a description tells: its noun's ("businesswoman"), else the pronoun its
    report opens with ("she was told to shred files")."""
    if head in NOUN_GENDERS:
        return NOUN_GENDERS[head]
    words = rec["content"].lower().lstrip("\"'\u201c\u2018 ").split()
    if words and words[0] == "that":
        words = words[1:]
    return _PRONOUN_GENDERS.get(words[0]) if words else None


def _fits(index: SpeakerIndex, name: str, head: str, genders: set[str]) -> bool:
    """Whether the person ``name`` may be the one described by ``head`` with ``genders``:
    no other gender, and no role the article gives them with another head noun."""
    gender = index.gender_of(name)
    if gender and genders and gender not in genders:
        return False
    role = index.role_of.get(name)
    role = (role or "").lower()
    return not role or role.startswith(("who ", "whose ")) or role_head(role) == head


def _paragraph(text: str, paras: list[tuple[int, int]], k: int) -> str:
    start, end = paras[k]
    return text[start:end]
