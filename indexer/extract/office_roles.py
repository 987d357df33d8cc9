"""Which written descriptions of a speaker are a role worth storing.

A stored `speaker_role` tells a reader what the person is ("chief medical officer of the
Northshire Health Trust", "Union leader", "MP"). Some descriptions the article uses to
introduce a person are not: a kinship relation ("Her husband", "Osei's brother", "the wife
of the governor") says whom the person is related to in this one article, a possessive
pronoun ("His lawyer") points at someone the record does not name, and a bare honorific
("Mrs", "Dr") is a form of address. These stay usable inside the article (coreference reads
them to find "her husband said"), but are never stored as the person's role.
"""

from __future__ import annotations

import re

from indexer.extract.names import HONORIFIC_GENDERS
from indexer.lexicon import wordset

# Roles headlines write as capitals ("'Taxes will rise', PM warns"): the offices each may
# stand for, as the body writes them out.
ROLE_ABBREVIATIONS = {
    "pm": ("prime minister",),
    "cm": ("chief minister",),
    "fm": ("first minister", "foreign minister"),
    "ceo": ("chief executive", "ceo"),
    "cfo": ("chief financial officer", "cfo"),
}
# Relations to another person, not offices (head nouns of a description).
KINSHIP_NOUNS = wordset(
    """husband wife spouse widow widower brother sister son daughter mother father parent
    parents sibling twin uncle aunt nephew niece cousin grandson granddaughter grandmother
    grandfather grandchild stepson stepdaughter stepmother stepfather fiance fiancee
    fiancé fiancée boyfriend girlfriend brother-in-law sister-in-law son-in-law
    daughter-in-law mother-in-law father-in-law"""
)
_KIN = "|".join(map(re.escape, sorted(KINSHIP_NOUNS, key=len, reverse=True)))
_POSSESSIVE_PRONOUNS = wordset("his her their my our your its")
# Forms of address: "Mrs", "Dr." alone name no office.
# "Rt Hon", "the Right Honourable": a British style of address, no office.
_ADDRESS_FORMS = HONORIFIC_GENDERS.keys() | wordset(
    "dr doctor prof professor rt right hon honourable honorable the"
)
# Quotation marks in a description: it was cut from quoted words, which are never a role.
_QUOTED = re.compile("[\"\u201c\u201d\u00ab\u00bb]")
# Words that end the head noun phrase of a description ("wife of the governor").
_PHRASE_ENDS = wordset("of for at in from to with who which that")


def stored_role(role: str | None) -> str | None:
    """`role` as the description written for a speaker, or None when it is no role.

    Args:
        role: the description as written ("Her husband", "chief executive of Acme"), or None.

    Returns:
        `role` unchanged, or None for a bare honorific or style ("Mrs", "Dr.", "Rt Hon"), a
        description without a letter or digit ("»") or with quotation marks (cut from a
        quotation), "no relation (to ...)", a description opening
        with a possessive pronoun ("Her husband", "his lawyer"), or one whose head noun (the
        last word before "of", "for", ...) is a kinship noun ("Osei's brother", "the wife of
        the governor", "a mother of three"). Raises nothing.
    """
    if not role:
        return role
    words = [w.strip(".,;:").lower().replace("\u2019", "'") for w in role.split()]
    words = [w for w in words if any(c.isalnum() for c in w)]
    if not words or _QUOTED.search(role):
        return None  # "»", "Salary toh badhti nahi,\"": punctuation, a piece of a quotation
    if all(w in _ADDRESS_FORMS for w in words) or words[0] in _POSSESSIVE_PRONOUNS:
        return None
    if words[:2] == ["no", "relation"]:
        return None  # "Daniel Kellerman, no relation to the Premier,": no office
    head: list[str] = []
    for word in words:
        if word in _PHRASE_ENDS:
            break
        head.append(word)
    last = head[-1] if head else words[0]
    if last.endswith("'s"):
        last = last[:-2]
    return None if last in KINSHIP_NOUNS else role


def abbreviation_holders(written: str, role_bearers: dict[str, list[str]]) -> list[str] | None:
    """Who of an article may be meant by a role abbreviation ("PM", "CEO").

    Args:
        written: the word as written ("PM", "ceo").
        role_bearers: the article's normalised roles -> names holding them, in text order
            ("prime minister of lirvania" -> ["Tomas Vale"]).

    Returns:
        None when `written` is no role abbreviation (`ROLE_ABBREVIATIONS`); else the
        distinct holders of a role containing one of its expansions as whole words ("prime
        minister" in "prime minister of lirvania"), possibly none. Raises nothing.
    """
    expansions = ROLE_ABBREVIATIONS.get(written.lower().rstrip("."))
    if expansions is None:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, expansions)) + r")\b")
    holders = [n for role, names in role_bearers.items() if pattern.search(role) for n in names]
    return list(dict.fromkeys(holders))


_PRONOUN_KIN = re.compile(
    rf"\b(?:[Hh]er|[Hh]is|[Tt]heir)[ \t]+(?:[a-z]+[ \t]+)?(?:{_KIN})[ \t]*,?[ \t]*$"
)


def introduced_as_kin(body: str, full: str, surname: str) -> bool:
    """Whether ``body`` introduces the full name ``full`` (as written) as a relative or
    associate of the bare ``surname`` (see :func:`introduced_after_possessive`), or as "her
    brother, Kwame Osei" after a "Dr Osei" (`KINSHIP_NOUNS` after his/her/their): the
    article's bare "Osei" is then another person than the one introduced."""
    if introduced_after_possessive(body, full, surname):
        return True
    # "Dr Osei ... she said. Her brother, Kwame Osei,": a relative of the Osei named before
    at = body.find(full)
    if at < 0 or re.search(rf"\b{re.escape(surname)}\b", body[:at]) is None:
        return False
    return _PRONOUN_KIN.search(body, max(0, at - 40), at) is not None


def introduced_after_possessive(body: str, full: str, surname: str) -> bool:
    """Whether ``body`` introduces ``full`` by a description of the bare ``surname``'s
    person: "Osei's brother, Kwame Osei", "Brandt's wife Sheila Brandt", "McAllister's
    assistant, Kenny McAllister". Any lower-case description of up to four words counts
    (nobody is introduced as their own assistant), so the bare surname stays the other
    person's throughout the article."""
    if f"{surname}'s" not in body and f"{surname}\u2019s" not in body:  # the cheap test first
        return False
    pattern = (
        rf"\b{re.escape(surname)}['\u2019]s[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}[a-z][\w-]*"
        rf"[ \t]*,?[ \t]*{re.escape(full)}"
    )
    return re.search(pattern, body) is not None
