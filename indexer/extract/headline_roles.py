"""Offices named without a holder ("…, says Karnataka CM", "'We will not be bullied,' says
Home Secretary", "PM warns"): which of the article's people holds that office.

Headlines (and labels) name a speaker by office alone. The office is the article's own
business: the body names its holder ("Chief Minister Siddharaju Gowda", "The Home
Secretary, Eleanor Patel"), and every article's Home Secretary is a different person over
time, so an office is never a page of its own nor an organization. The words before the
office word split in two: words that are part of the office ("Home", "Foreign", "Chief",
"Health": English words, `english_words`) must appear in the holder's role as the body
writes it; a place ("Karnataka", "UK", "Kenyan": an acronym, a word English does not know,
or one spaCy's recogniser reads as a place or nationality) only says where, and the body
seldom repeats it.
"""

from __future__ import annotations

import re

from indexer.extract.english_words import is_english_word, written_in_lower_case
from indexer.extract.names import HONORIFIC_GENDERS, is_descriptor, is_first_name
from indexer.extract.nlp import entities
from indexer.extract.office_roles import ROLE_ABBREVIATIONS
from indexer.lexicon import (
    ABBREVIATED_TITLES,
    EXTRACT_TITLES,
    ROLE_WORDS,
    TITLE_WORDS,
    TITLES,
    wordset,
)

# Office words a role phrase may end in ("Secretary", "CM", "Minister", "Mayor", "MP"); not
# forms of address ("Mr. King", "Dr. Lord": a surname follows them) nor ranks of nobility.
OFFICE_WORDS = (
    TITLES
    | EXTRACT_TITLES
    | ROLE_WORDS
    | ROLE_ABBREVIATIONS.keys()
    | wordset("premier treasurer mp mla mep msp td")
) - HONORIFIC_GENDERS.keys() - ABBREVIATED_TITLES - wordset("sir dame")


def office_words(words: list[str]) -> tuple[list[str], list[str]] | None:
    """(office words, place words) of a capitalised role phrase with no name in it.

    Args:
        words: the phrase as written, split on spaces (["Karnataka", "CM"]).

    Returns:
        None when the phrase is no bare office: a word is not capitalised, a word is a
        given name ("Home Secretary Eleanor Patel"), or the last word is no office word
        (`OFFICE_WORDS`). Else the office's words, lower case, abbreviations expanded
        (["chief", "minister"]), and the leading place words (["karnataka"]). Raises
        nothing.
    """
    words = [w.strip(",;:") for w in words if w.lower() != "the"]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    low = [w.lower().rstrip(".") for w in words]
    if any(w in HONORIFIC_GENDERS or w in ABBREVIATED_TITLES for w in low):
        return None  # "Mr. King", "Sen. Chief": a form of address before a surname
    if low[-1] not in OFFICE_WORDS or any(
        is_first_name(w) and not is_descriptor(w) and w.lower().rstrip(".") not in OFFICE_WORDS
        for w in words
    ):
        return None
    start = 0
    while start < len(words) - 1 and _place(words[start]):
        start += 1
    office = [TITLE_WORDS.get(w, w) for w in low[start:]]
    if office[-1] in ROLE_ABBREVIATIONS:
        *qualifiers, abbreviation = office
        expanded = ROLE_ABBREVIATIONS[abbreviation]
        if len(expanded) != 1:
            return None  # "FM": first or foreign minister (`abbreviation_holders`)
        office = [*qualifiers, *expanded[0].split()]
    return office, low[:start]


def _place(word: str) -> bool:
    """A word before an office that says where it is held ("Karnataka", "UK", "Bihar",
    "Kenyan"), not which office ("Home", "Foreign", "Health")."""
    bare = word.strip(".")
    if bare.isupper() and len(bare) > 1:
        return True
    if word.lower().rstrip(".") in OFFICE_WORDS:
        return False
    if not is_english_word(bare):
        return True
    return any(  # WordNet lists places too: the recogniser tells "Karnataka" from "Home"
        (start, end, label) == (0, len(bare), label) and label in ("GPE", "NORP", "LOC")
        for start, end, label in entities(bare)
    )


def office_holders(
    words: list[str], role_bearers: dict[str, list[str]], text: str = ""
) -> list[str] | None:
    """Who of an article holds the office a bare role phrase names.

    Args:
        words: the phrase as written ("Karnataka CM", "Home Secretary"), split on spaces.
        role_bearers: the article's normalised roles -> names holding them, in text order
            ("chief minister" -> ["Siddharaju Gowda"]).
        text: the article, which tells a place WordNet also lists ("Bihar") from a word of
            the office ("Home"): the article never writes the place in lower case.

    Returns:
        None when `words` are no bare office (:func:`office_words`); else the distinct
        holders whose role contains all the office's words in order ("home secretary" in
        "the home secretary"; "chief minister" for "CM"), possibly none or several (the
        caller then leaves the speaker unresolved). With none, leading office words that
        ``text`` never writes in lower case are taken for a place ("Bihar Chief Minister"
        for "Chief Minister Nitish Kumar"), the holder's role then having to start with
        what is left, of two words at least ("home affairs minister" is not the "Foreign
        Affairs Minister"; "Health Minister" is not any "Minister Ravi Das").
        Raises nothing.
    """
    found = office_words(words)
    if found is None:
        return None
    office = found[0]
    holders = _holders(office, role_bearers, anywhere=True)
    for cut in range(1, len(office) - 1) if not holders and text else ():
        word = office[cut - 1]
        if word in OFFICE_WORDS or written_in_lower_case(word, text):
            break  # "Chief", "home": a word of the office, not a place
        if holders := _holders(office[cut:], role_bearers, anywhere=False):
            break
    return holders


_ROLE_OPENING = r"^(?:(?:the|a|an|former|acting|interim|then|current|new)\s+)*"


def _holders(office: list[str], role_bearers: dict[str, list[str]], anywhere: bool) -> list[str]:
    """The distinct holders whose role holds the ``office`` words in order (``anywhere``),
    or opens with them (after a determiner or a tenure word)."""
    words = r"\s+".join(map(re.escape, office))
    pattern = re.compile((r"\b" if anywhere else _ROLE_OPENING) + words + r"\b")
    holders = [n for role, names in role_bearers.items() if pattern.search(role) for n in names]
    return list(dict.fromkeys(holders))
