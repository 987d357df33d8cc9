"""Person names as written in news: where a name starts, and what its first name tells.

"Republican Donald Trump", "City Attorney Brad Holm", "Rival Hillary Clinton": news prose
puts party labels, titles and descriptors in front of a name, capitalised like the name.
`descriptor_length` cuts them off (they are a role, not part of the name): the name starts at
its first name (gender-guesser's first-name statistics), nameparser's list of titles telling
which title words are not first names there ("Judge", "Bishop"), and party labels.
Hyphenated and multi-part names ("Anna-Lena Berg", "Park Min-jun", "Ana Ruiz-Teller") are
never cut inside.

`first_name_gender` gives "m" / "f" / None from those statistics: only gender-guesser's
"male" and "female"; "mostly_male" / "mostly_female" ("Terry", "Bernie", "Kelly"), "andy"
and "unknown" give None, since a pronoun must never be kept from a person of the other gender
by a first name that is also given to that gender (on PolNeAR dev, "9/11 widow Terry Strada.
She continued" went to another woman). `honorific_gender` gives the gender a title such as
"Mrs." tells, `surname_gender` the one all of an article's honorifics before a surname tell.

`party_tag` recognises the party-and-state tag news writes after a name ("Fielding, R-Ohio",
"Rep. Tom Hale (R-Texas)", "Keir Starmer (Lab)", "Ortega, a Democrat"): a role, never a name.
`name_after_role` finds where a holder's name starts after a long role ("Afghan Ambassador
to the United States Hamdullah Mohib"): a given name from the statistics, else the PERSON
entity spaCy's recogniser finds ending the phrase.
This module is the one definition of these, for extraction and linking.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nameparser.config import CONSTANTS

from indexer.extract.english_words import is_english_word
from indexer.lexicon import (
    ABBREVIATED_TITLES,
    EXTRACT_TITLES,
    HYPHENATED_TITLES,
    LINK_TITLES,
    OCCUPATION_ENDINGS,
    PARTY_OFFICES,
    ROLE_WORDS,
    TITLES,
    wordset,
)

# Party labels and epithets written before a name; never first names.
PARTY_LABELS = wordset(
    """republican republicans democrat democrats democratic gop conservative conservatives
    liberal liberals tory tories libertarian socialist ndp"""
)
# Words before a title telling when or how it is held ("Former", "Retired General").
TENURE_WORDS = wordset("former retired acting interim outgoing incoming then late")
_GENDER = {"male": "m", "female": "f"}
# Honorifics that tell a gender ("Mrs. Clinton": the woman among the Clintons).
HONORIFIC_GENDERS = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "dame": "f",
    # Indian honorifics (Hindi usage): Shri for a man, Shrimati / Smt. for a married woman,
    # Kumari for an unmarried one. Not "Sri": also an Indonesian given name (Sri Mulyani
    # Indrawati) and the first word of Sri Lanka.
    "shri": "m",
    "shrimati": "f",
    "smt": "f",
    "kumari": "f",
}


@lru_cache(maxsize=1)
def _detector():
    """gender-guesser's first-name table, loaded once per process (about 1 s)."""
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def warm() -> None:
    """Load the first-name table now (before forking workers, so they share it)."""
    _detector()


@lru_cache(maxsize=20000)
def first_name_gender(word: str) -> str | None:
    """ "Hillary" -> "f", "Donald" -> "m", "Kovac" / "Republican" / "Min-jun" -> None.

    A hyphenated first name ("Anna-Lena") goes by its first part."""
    word = word.strip(".").split("-")[0]
    if len(word) < 2 or not word[:1].isupper():
        return None
    return _GENDER.get(_gender(word))


def _gender(word: str) -> str:
    """gender-guesser's answer for `word`, asked again without accents when it does not
    know the accented spelling ("Siobhán" as "Siobhan"; its table spells many names bare)."""
    answer = _detector().get_gender(word)
    if answer == "unknown" and not word.isascii():
        bare = "".join(c for c in unicodedata.normalize("NFKD", word) if c.isascii())
        if len(bare) > 1:
            answer = _detector().get_gender(bare)
    return answer


def honorific_gender(written: str | None) -> str | None:
    """ "m" / "f" from an honorific among the first two words of a mention as written
    ("Mrs. Clinton" -> "f", "Sir Keir Starmer" -> "m"); None without one."""
    for word in (written or "").split()[:2]:
        if (gender := HONORIFIC_GENDERS.get(word.lower().strip(".,"))) is not None:
            return gender
    return None


_HONORIFIC = rf"\b({'|'.join(HONORIFIC_GENDERS)})\.?[ \t\xa0]+"
_HONORIFIC_THEN_WORD = re.compile(rf"{_HONORIFIC}(?=(\w*))", re.I)
_LEADING_WORD = re.compile(r"\w*")


def surname_gender(text: str, surname: str) -> str | None:
    """ "m" / "f" when every honorific ``text`` writes before ``surname`` tells that gender
    ("Mr. Obama" ... "Mr. Obama"), None when it writes none or they disagree ("Mr.
    Clinton" and "Mrs. Clinton": two people). Looks only where an honorific precedes a word
    like the surname's first word (:func:`_honorifics`), so many surnames of a long article
    cost time linear in its length."""
    pattern = re.compile(rf"{_HONORIFIC}{re.escape(surname)}\b", re.I)
    places = _honorifics(text)
    key = _word_key(_LEADING_WORD.match(surname).group())
    starts = places.get(key, []) + places.get(None, []) if key is not None else None
    if starts is None:
        starts = sorted(p for found in places.values() for p in found)
    elif places.get(None):
        starts.sort()
    genders, reached = set(), 0
    for start in starts:  # what re.findall would find: non-overlapping, left to right
        if start >= reached and (match := pattern.match(text, start)):
            genders.add(HONORIFIC_GENDERS[match.group(1).lower()])
            reached = match.end()
    return next(iter(genders)) if len(genders) == 1 else None


def _word_key(word: str) -> str | None:
    """The case-blind key of a word (None for non-ASCII words, whose case-blind matching
    the key would not follow: they are looked at for every surname)."""
    return word.lower() if word.isascii() else None


@lru_cache(maxsize=2)
def _honorifics(text: str) -> dict[str | None, list[int]]:
    """Where each honorific of ``text`` starts, by the key of the word that follows it, in
    text order."""
    places: dict[str | None, list[int]] = {}
    for match in _HONORIFIC_THEN_WORD.finditer(text):
        places.setdefault(_word_key(match.group(2)), []).append(match.start())
    return places


def is_first_name(word: str) -> bool:
    """A word the first-name table knows as a given name (of any or both genders)."""
    word = word.strip(".").split("-")[0]
    if len(word) < 2 or not word[:1].isupper() or word.lower() in PARTY_LABELS:
        return False
    return _gender(word) != "unknown"


def is_descriptor(word: str) -> bool:
    """A word that, before a name, is a title, an honorific (`HONORIFIC_GENDERS`, "Shri"),
    a party label or another role word ("Retired General": a description, not a name)."""
    low = word.lower().strip(".")
    if word.endswith(".") and low in ABBREVIATED_TITLES:
        return True  # "Vermont Sen. Bernie Sanders": "Sen." is no given name here
    return (
        low in PARTY_LABELS
        or low in CONSTANTS.titles
        or low in TENURE_WORDS
        or low in HONORIFIC_GENDERS  # "Minister Shri Venkatesh Iyer": no given name
    )


def descriptor_length(words: list[str]) -> int:
    """How many leading `words` of a capitalised run are a role rather than the name.

    "Republican Donald Trump" -> 1, "Senate Minority Leader Harry Reid" -> 3,
    "City Attorney Brad Holm" -> 2, "Democrat Clinton" -> 1, "Donald Trump" / "Park Min-jun"
    / "Anna-Lena Berg" / "United States" -> 0. The name starts at its first name (followed
    by a surname) when no word before it is a first name, titles such as "Judge" or "Bishop"
    that are also given names not counting as first names there; else only party labels are
    cut (title words alone are too broad: nameparser also lists "united", "national").
    An occupation noun capitalised before a name the first-name table does not know (as a
    sentence's first word is: "Striker Dele Ojo" -> 1) is cut too: the name is then two or
    three words none of which is an English word ("Park Ji-sung" keeps "Park": no occupation)."""
    if len(words) < 2:
        return 0
    if _occupation_before_name(words):
        return 1
    for i in range(1, len(words) - 1):
        if is_first_name(words[i]) and not is_descriptor(words[i]):
            prefix = words[:i]
            if (
                all(w[:1].isupper() and len(w.strip(".")) > 1 for w in prefix)
                and not any(is_first_name(w) and not is_descriptor(w) for w in prefix)
                and describes(prefix[-1])  # "PolitiFact Executive Director Aaron"
            ):
                return i
            break
    cut = 0
    while cut < len(words) - 1 and words[cut].lower() in PARTY_LABELS:
        cut += 1
    return cut


def _occupation_before_name(words: list[str]) -> bool:
    """ "Striker Dele Ojo", "Plumber Tunde Bakare": an occupation noun (an English word with
    an occupation's ending, `lexicon.OCCUPATION_ENDINGS`) before two or three capitalised
    words that are no English words, the first of which no descriptor."""
    head, name = words[0], words[1:]
    low = head.lower()
    return (
        2 <= len(name) <= 3
        and len(low) > 4
        and low.endswith(OCCUPATION_ENDINGS)
        and is_english_word(head)
        and not is_first_name(head)
        and all(w[:1].isupper() and not is_english_word(w) for w in name)
        and not is_descriptor(name[0])
    )


def describes(word: str) -> bool:
    """Whether a capitalised word before a given name may describe its bearer: a title, a
    party label, an abbreviation ("Sen."), an acronym ("FBI", "UC"), or an English noun or
    adjective (`english_words`: "Rival", "Actress", "Dutch", "Orange County"). Any other
    word is a name of the person's own ("Nguyễn Văn Thành", "Narendra Kumar Yadav",
    "Mahamat Saleh Oumar": a family name written first, or a given name the first-name
    table does not know)."""
    bare = word.strip(".,")
    return (
        is_descriptor(word)
        or word.endswith(".")
        or (bare.isupper() and len(bare) > 1)
        or is_english_word(bare)
    )


# "R-Ohio", "D-Calif.", "(R-Texas)", "D-N.Y.", "I-Vt.", "D-Newport News", "(D)"; British labels in
# parentheses ("(Lab)", "(Con)", "(Lib Dem)"); "a Democrat" in apposition.
_US_TAG = r"[DRI]-[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)*"
_UK_TAG = r"Lab|Con|LD|Lib[ \t]Dem|SNP|Plaid|Green|Ind|DUP|SDLP|Reform|Alliance|SF"
_PARTY_NOUN = r"(?:an?[ \t]+)(?:Democrat|Republican|Independent|Conservative|Liberal[ \t]Democrat)"
_PARTY_TAG = re.compile(rf"\((?:{_US_TAG}|[DRI]|{_UK_TAG})\)|{_US_TAG}|{_PARTY_NOUN}")


def party_tag(text: str) -> str | None:
    """The party tag `text` is, as a role writes it ("R-Ohio", "Lab", "a Democrat"), when
    the whole of `text` (commas and spaces around it aside) is one; else None ("Ohio",
    "Robert Fielding", "Labour Party")."""
    bare = text.strip(" ,;\t\n")
    if not _PARTY_TAG.fullmatch(bare):
        return None
    return bare.strip("()")


_TRAILING_PARTY_TAG = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+)({_PARTY_TAG.pattern})[ \t,]*$")


def without_party_tag(name: str) -> tuple[str, str | None]:
    """(name, tag) of a name written with its party tag after it ("Tom Hale (R-Texas)" ->
    ("Tom Hale", "R-Texas"), "Fielding, R-Ohio" -> ("Fielding", "R-Ohio")); (name, None)
    without one. A tag alone is no name: ("", tag)."""
    if (tag := party_tag(name)) is not None:
        return "", tag
    if (match := _TRAILING_PARTY_TAG.search(name)) is None:
        return name, None
    return name[: match.start()].rstrip(" ,"), match.group(1).strip("()")


def is_role_word(word: str) -> bool:
    """A word that heads a role written before a holder's name: a title ("Minister",
    "Sen."), a hyphenated one ("Secretary-General") or another role noun ("Envoy")."""
    low = word.lower().strip(",")
    return (
        low.rstrip(".") in TITLES | EXTRACT_TITLES | LINK_TITLES | ROLE_WORDS
        or low in HYPHENATED_TITLES
    )


_ROLE_LINKS = frozenset(["to", "of", "for", "on", "at"])


def name_after_role(words: list[str]) -> int:
    """How many leading `words` of "ROLE to/of/for [the] PLACE-OR-BODY NAME" are the role,
    0 when the run is not one (no link word, no role word before it, no name after it).

    "Afghan Ambassador to the United States Hamdullah Mohib" -> 6, "Minister of State for
    Trade Greg Hands" -> 5, "Special Envoy for Climate Change Laura Kent" -> 5,
    "Professor Alan Hurst of Imperial College" / "Bank of America" / "Spokeswoman for
    Hillary Clinton" (whom the role serves, not its holder) -> 0. After the last link word
    and at least one word of a place or body, the name starts at the last given name
    (gender-guesser) followed by one or two words; without one, spaCy's recogniser decides
    (a PERSON entity ending the phrase, :func:`indexer.extract.nlp.entities`); with
    neither, 0 (the caller keeps the run)."""
    links = [i for i, w in enumerate(words) if w.lower() in _ROLE_LINKS]
    if not links or len(words) - links[-1] < 3:
        return 0
    link = links[-1]
    if not any(is_role_word(w) for w in words[:link]):
        return 0
    tail = words[link + 1 :]
    if not all(w[:1].isupper() for w in tail if w.lower() != "the") or any(
        w[-1:] in ",;:()" for w in tail
    ):
        return 0  # "a spokesman for Brant, Ollie Stamp": an apposition, `coreference`'s
    first = link + 1 + (words[link + 1].lower() == "the")
    for j in range(len(words) - 2, first, -1):  # a place or body first: never "for Ann Lee"
        if len(words) - j <= 3 and is_first_name(words[j]) and not is_descriptor(words[j]):
            if _only_a_persons_title(words[first:j]):
                return 0
            if j - 1 > first and is_first_name(words[j - 1]) and is_descriptor(words[j - 2]):
                return j - 1  # "... Urban Affairs Dr. Ravi Shankar Sharma": the title bounds it
            return j
    from indexer.extract.nlp import entities  # the recogniser: only for these phrases

    phrase = " ".join(words)
    starts = [len(" ".join(words[:k])) + (k > 0) for k in range(len(words))]
    for start, end, label in entities(phrase):
        if label == "PERSON" and end == len(phrase) and start in starts[first + 1 : -1]:
            cut = starts.index(start)
            return 0 if _only_a_persons_title(words[first:cut]) else cut
    if words[link + 1].lower() == "the" and is_english_word(words[first]):
        # "Leader of the Opposition Mallikarjun Patil": after "the" a body's English words,
        # then two or three words no dictionary knows (a name neither list nor recogniser has)
        english = [j for j in range(first, len(words)) if is_english_word(words[j])]
        cut = english[-1] + 1
        if english == list(range(first, cut)) and 2 <= len(words) - cut <= 3:
            return cut
    return 0


def _only_a_persons_title(words: list[str]) -> bool:
    """Whether the words between a role's link word and a name are only that person's
    title ("spokesperson for Prime Minister Alan Reed", "aide to Sen. Ann Lee", "spokesman
    for Emergency Services Minister Dom Varga", "spokeswoman for Opposition Leader Sussan
    Leigh"): the role then serves the titled person named, who does not hold it. A place or
    body ("United States", "Trade") is no title: its last word must be a personal title
    ("Gov.") or an office (`PARTY_OFFICES`), the words before it capitalised (a portfolio)."""
    last = words[-1].lower() if words else ""
    if last.strip(".") not in TITLES | PARTY_OFFICES and not (
        last.endswith(".") and last.strip(".") in ABBREVIATED_TITLES
    ):
        return False
    return all(w[:1].isupper() for w in words)
