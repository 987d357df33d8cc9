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
from functools import lru_cache

from indexer.extract.english_words import is_english_word
from indexer.extract.names import HONORIFIC_GENDERS, is_descriptor, is_first_name
from indexer.lexicon import ABBREVIATED_TITLES, PARTY_OFFICES, TITLES, wordset

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
# Degree adverbs opening an appraisal, not a role ("very good reporter", "truly great man").
_DEGREE_ADVERBS = wordset("very really so too extremely truly incredibly most pretty quite")
# Words after which a name is whom a role serves ("spokeswoman for Hillary Clinton").
_SERVES = wordset("for to of with at under")
_CONJUNCTIONS = wordset("and & or")


def _spills_over(words: list[str]) -> bool:
    """Whether a role's last conjunction is followed by nothing or titles only: the next
    person's title ("... and sen."), not a second role of this one."""
    joins = [i for i, w in enumerate(words) if w in _CONJUNCTIONS]
    if not joins:
        return False
    rest = words[joins[-1] + 1 :]
    return all(w in TITLES or w in ABBREVIATED_TITLES for w in rest)


def _names_someone(written: list[str]) -> bool:
    """Whether a role as written holds a person's name (:func:`_name_at`) other than as
    whom the role serves: after a word saying so (`_SERVES`, titles between: "aide to Sen.
    Ann Lee", or a capitalised office: "spokesman for Emergency Services Minister Dom
    Varga") or before the role's own words ("Clinton campaign manager")."""
    words = [w.strip(".,;:") for w in written]
    for i in range(len(words) - 1):
        if not _name_at(words, i):
            continue
        k = i + 2
        while k < len(words) and words[k][:1].isupper():
            k += 1
        if k < len(words) and words[k].isalpha() and words[k] not in _CONJUNCTIONS:
            continue  # "Clinton campaign manager", "hillary clinton campaign chairman"
        j = i - 1
        while j >= 0 and (words[j].lower() in TITLES or words[j].lower() in ABBREVIATED_TITLES):
            j -= 1
        if j < i - 1 or (i and words[i - 1].lower() in PARTY_OFFICES):
            while j >= 0 and words[j][:1].isupper():  # "for Emergency Services Minister"
                j -= 1
        if j < 0 or words[j].lower() not in _SERVES:
            return True
    return False


def _name_at(words: list[str], i: int) -> bool:
    """Whether a person's name starts at ``words[i]``: a given name of the first-name table
    (no title or honorific; written in lower case, no English word either: "hillary", not
    "mayor") followed by a word that is no title, link word or conjunction."""
    word, after = words[i], words[i + 1]
    low = word.lower()
    if not word.isalpha() or low in _NOT_NAMES or (word.islower() and is_english_word(word)):
        return False
    given = word[:1].upper() + word[1:]
    if not is_first_name(given) or is_descriptor(given):
        return False
    return after.replace("-", "").isalpha() and after.lower() not in _NOT_NAMES


_NOT_NAMES = (
    TITLES | ABBREVIATED_TITLES | _PHRASE_ENDS | _SERVES | _CONJUNCTIONS | wordset("the a an")
)


def stored_role(role: str | None) -> str | None:
    """`role` as the description written for a speaker, or None when it is no role.

    Args:
        role: the description as written ("Her husband", "chief executive of Acme"), or None.

    Returns:
        `role` unchanged, or None for a bare honorific or style ("Mrs", "Dr.", "Rt Hon"), a
        description without a letter or digit ("»") or with quotation marks (cut from a
        quotation), "no relation (to ...)", a description opening with a possessive pronoun
        ("Her husband", "his lawyer"), one whose head noun (the
        last word before "of", "for", ...) is a kinship noun ("Osei's brother", "the wife of
        the governor", "a mother of three"), an appraisal ("Very good reporter": a degree
        adverb opens it, as in a quoted compliment), a coordination that runs into the next
        person's title ("secretary of state and sen."), or one holding another person's
        name other than whom the role serves ("secretary of state hillary clinton and
        sen."; but "spokeswoman for Hillary Clinton", "aide to Sen. Ann Lee" stay).
        Raises nothing.
    """
    if not role:
        return role
    words = [w.strip(".,;:").lower().replace("\u2019", "'") for w in role.split()]
    words = [w for w in words if any(c.isalnum() for c in w)]
    if not words or _QUOTED.search(role):
        return None  # "»", "Salary toh badhti nahi,\"": punctuation, a piece of a quotation
    if all(w in _ADDRESS_FORMS for w in words) or words[0] in _POSSESSIVE_PRONOUNS:
        return None
    if words[0] in _DEGREE_ADVERBS or _spills_over(words) or _names_someone(role.split()):
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
        minister" in "prime minister of lirvania"), possibly none; a deputy's, vice's,
        assistant's or former holder's role ("deputy chief minister") holds none of them.
        Raises nothing.
    """
    expansions = ROLE_ABBREVIATIONS.get(written.lower().rstrip("."))
    if expansions is None:
        return None
    pattern = re.compile(
        r"\b(?<!deputy )(?<!vice )(?<!vice-)(?<!assistant )(?<!former )(?:"
        + "|".join(map(re.escape, expansions))
        + r")\b"
    )  # "the CM" is the chief minister, never the deputy chief minister
    holders = [n for role, names in role_bearers.items() if pattern.search(role) for n in names]
    return list(dict.fromkeys(holders))


_KIN_AFTER = re.compile(rf",[ \t]*(?:his|her|their)[ \t]+(?:[a-z]+[ \t]+)?(?:{_KIN})\b")
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
    # "Dr Osei ... she said. Her brother, Kwame Osei,": a relative of the Osei named before,
    # also written after the name ("Rahul Sharma, his nephew, disagreed")
    at = body.find(full)
    if at < 0 or not _found_at(_whole_word(surname), body, surname, at):
        return False
    return (
        _PRONOUN_KIN.search(body, max(0, at - 40), at) is not None
        or _KIN_AFTER.match(body, at + len(full)) is not None
    )


def introduced_after_possessive(body: str, full: str, surname: str) -> bool:
    """Whether ``body`` introduces ``full`` by a description of the bare ``surname``'s
    person: "Osei's brother, Kwame Osei", "Brandt's wife Sheila Brandt", "McAllister's
    assistant, Kenny McAllister". Any lower-case description of up to four words counts
    (nobody is introduced as their own assistant), so the bare surname stays the other
    person's throughout the article."""
    if f"{surname}'s" not in body and f"{surname}\u2019s" not in body:  # the cheap test first
        return False
    return _found_at(_description_of(surname, full), body, surname, len(body))


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


@lru_cache(maxsize=4096)
def _description_of(surname: str, full: str) -> re.Pattern[str]:
    """"Osei's brother, Kwame Osei": a description of `surname`'s person before `full`."""
    return re.compile(
        rf"\b{re.escape(surname)}['\u2019]s[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}[a-z][\w-]*"
        rf"[ \t]*,?[ \t]*{re.escape(full)}"
    )


def _found_at(pattern: re.Pattern[str], body: str, start: str, end: int) -> bool:
    """Whether `pattern`, whose every match begins with the text `start`, matches in
    ``body[:end]``: tried only where `start` occurs, which `str.find` finds quickly (a
    pattern that opens with ``\\b`` gives `re` no literal to skip ahead by, so a plain
    search tries it at every offset of the article)."""
    at = body.find(start, 0, end)
    while at >= 0:
        if pattern.match(body, at, end):
            return True
        at = body.find(start, at + 1, end)
    return False
