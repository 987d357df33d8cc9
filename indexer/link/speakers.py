"""Canonical speakers: one record per person or organization under every name it appears as.

People match on a transliteration-folded full name ("Andriy Yusov" = "Andrii Yusov"); a
bare surname joins the one person of that surname its own article names (whose gender, else
role, fits), else an authority-file person listing it as an alias, else a speaker of that
article alone ("Marsh (in <title>)"): never a page pooling every article's "Marsh", never
the only Marsh the corpus happens to know so far.
Organizations match on their folded words ("Russia's defense ministry" = "Russian Ministry
of Defence").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from indexer import lexicon
from indexer.extract.names import (
    describes,
    first_name_gender,
    honorific_gender,
    is_first_name,
    name_after_role,
    surname_gender,
    without_party_tag,
)
from indexer.extract.office_roles import introduced_as_kin
from indexer.lexicon import wordset
from indexer.link.names import PARTICLES, is_description, split_descriptors
from indexer.link.outlets import initials
from schemas.ids import slug
from schemas.scripts import fold_confusables, latin_ascii
from store.base import Store

MAX_ROLES = 10
# Heads of capitalised job titles besides the titles written before names ("Chief
# Executive", "Health Secretary", "Chief Constable").
TITLE_HEADS = wordset("executive constable correspondent editor leader manager spokesperson")


TITLES = lexicon.TITLES | lexicon.LINK_TITLES | lexicon.HYPHENATED_TITLES
_HONORIFIC_RE = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|rev)\.?$", re.I)
_WORD_RE = re.compile(r"[\w'’.-]+")
_POSSESSIVE = re.compile(r"['’]+s?$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")  # "M.K.", "P.R.": a given name's initials

# Demonyms so that "Russia's ministry" and "the Russian ministry" fold alike.
DEMONYMS = {
    "russia": "russian",
    "ukraine": "ukrainian",
    "china": "chinese",
    "israel": "israeli",
    "iran": "iranian",
    "america": "us",
    "american": "us",
    "u.s": "us",
    "usa": "us",
    "britain": "british",
    "uk": "british",
    "u.k": "british",
    "france": "french",
    "germany": "german",
    "japan": "japanese",
    "india": "indian",
    "poland": "polish",
    "turkey": "turkish",
    "belarus": "belarusian",
    "syria": "syrian",
    "iraq": "iraqi",
    "egypt": "egyptian",
    "italy": "italian",
    "spain": "spanish",
    "canada": "canadian",
}
SPELLING = {
    "defense": "defence",
    "organization": "organisation",
    "mod": "defence ministry",
    "dept": "department",
    "govt": "government",
}
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PRONOUNS = wordset("he she they it we i you him her them his hers its their our who")
# Words that open a group or a sentence, never a given name ("Several delegates", "Two").
GENERIC_WORDS = wordset(
    """several two three four five many some local both most few all others one residents
    officials analysts experts sources witnesses critics protesters delegates observers
    economists diplomats police authorities negotiators members people voters"""
)
ORG_WORDS = lexicon.ORG_WORDS | lexicon.LINK_ORG_WORDS
SENTENCE_WORDS = wordset(
    """the a an but and yesterday today on in at when while after before if as said says
    according meanwhile however also then so because although for with by from this that
    last next new"""
)
ORG_STOPWORDS = frozenset({"the", "of", "for", "and", "s", "on", "in"})


def fold(text: str) -> str:
    """Ascii, case-folded text for matching names; a mixed-script name is read in its
    dominant script first (``schemas.scripts.fold_confusables``) and a Latin letter without
    an accent-free base is spelled as usual ("Wałęsa" -> "walesa", "Øvergaard" ->
    "overgaard": ``schemas.scripts.latin_ascii``)."""
    text = latin_ascii(fold_confusables(text))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def translit(token: str) -> str:
    """Fold common romanization variants: Andriy/Andrii/Andrij, Oleksandr/Olexandr, ..."""
    t = fold(token).replace("'", "").replace("’", "")
    for a, b in (
        ("w", "v"),
        ("x", "ks"),
        ("ck", "k"),
        ("ph", "f"),
        ("kh", "h"),
        ("j", "y"),
        ("iu", "yu"),
        ("ia", "ya"),
        ("ie", "ye"),
    ):
        t = t.replace(a, b)
    t = re.sub(r"(?:iy|ii|yi|yy|y|i)$", "i", t)
    return re.sub(r"(.)\1+", r"\1", t)


def clean_person(name: str, body: str | None = None) -> tuple[str, str | None]:
    """(name, role) from "Defence Minister Andrii Vedmid" or "Yusov, spokesperson for X";
    a party tag ("Tom Hale (R-Texas)"), a hyphenated title ("Secretary-General") and a long
    role ("Afghan Ambassador to the United States Hamdullah Mohib") go to the role. A title
    that may be a given name ("Col Dwyer") is one only as :func:`written_as_title` says,
    ``body`` being the article the name is written in (None: the name alone decides)."""
    text, tag = without_party_tag(" ".join(name.split()))
    head, _, tail = text.partition(",")
    role = tail.strip() or tag
    toks = _after_owner(_WORD_RE.findall(head))
    toks = [_POSSESSIVE.sub("", t) for t in toks]
    ends = [
        i for i, t in enumerate(toks) if t.endswith(".") and len(t) > 3 and not _INITIALS.match(t)
    ]  # "M.K. Selvan": two initials, no sentence end
    if ends and ends[-1] < len(toks) - 1:  # "January. Halvern": a sentence ended there
        toks = toks[ends[-1] + 1 :]
    toks = [t for t in toks if t and not _HONORIFIC_RE.match(t)]
    post = []
    while len(toks) > 1 and lexicon.is_post_nominal(toks[-1]):  # "David Ames KC"
        post.insert(0, toks.pop())
    role = role or " ".join(post) or None
    if cut := name_after_role(toks):
        role = role or " ".join(toks[:cut])
        toks = toks[cut:]
    last_title = max((i for i in range(len(toks)) if written_as_title(toks, i, body)), default=-1)
    if 0 <= last_title < len(toks) - 1:
        title_words = " ".join(toks[: last_title + 1])
        role = role or title_words
        toks = toks[last_title + 1 :]
    if "of" in toks[2:-1] and all(t[:1].isupper() for t in toks[: toks.index("of", 2)]):
        cut = toks.index("of", 2)  # "Charles B. Rangel of New York": the place is the role's
        role = role or " ".join(toks[cut:])
        toks = toks[:cut]
    lower = [i for i, t in enumerate(toks) if t[:1].islower() and not _in_name(t)]
    if lower and lower[-1] < len(toks) - 1:  # "Clinton campaign manager Robby Mook"
        role = role or " ".join(toks[: lower[-1] + 1])
        toks = toks[lower[-1] + 1 :]
    names = [t for t in toks if t[:1].isupper() or not t[:1].isalpha() or _in_name(t)]
    return (" ".join(names or toks).strip(" .") or text), role


def written_as_title(toks: list[str], i: int, body: str | None = None) -> bool:
    """Whether ``toks[i]`` of a written name is a title (one of `TITLES`). A title that is
    also a given name or its short form (`lexicon.TITLES_ALSO_GIVEN_NAMES`: "Col" for Colin,
    "Major Garrett") is one only where the text writes it as one: with its period ("Col.
    Dwyer"), after another title ("Lt Col Dwyer"), before a given name and a surname ("Col
    Ray Dwyer", as news introduces a ranked person), or before a surname alone in an
    article (``body``) that writes it so elsewhere (:func:`title_in`). Otherwise, as
    nameparser keeps such words off its title list, it is the name's ("Bathurst grazier Col
    Dwyer": Col Dwyer)."""
    word = toks[i].casefold()
    bare = word.strip(".")
    if bare not in TITLES:
        return False
    if bare not in lexicon.TITLES_ALSO_GIVEN_NAMES or word.endswith("."):
        return True
    if i > 0 and toks[i - 1].casefold().strip(".") in TITLES:
        return True
    return len(toks) - i > 2 or title_in(body or "", toks[i])


def title_in(body: str, word: str) -> bool:
    """Whether the article ``body`` writes ``word`` (a title that may be a given name,
    "Col") as a title somewhere: with its period before a name ("Col. Dwyer"), spelled out
    before a name when it is an abbreviation ("Colonel Dwyer", "retired colonel Ray
    Dwyer"), or before a given name and a surname ("Col Ray Dwyer")."""
    bare = word.strip(".")
    spelled = lexicon.TITLE_WORDS.get(bare.casefold())
    name = r"[ \t\xa0]+[A-Z]"
    if re.search(rf"\b{re.escape(bare)}\.{name}", body) or (
        spelled and re.search(rf"\b(?i:{spelled}){name}", body)
    ):
        return True
    given = rf"\b{re.escape(bare)}[ \t\xa0]+([A-Z][\w'’-]*){name}"
    return any(is_first_name(m.group(1)) for m in re.finditer(given, body))


def _in_name(word: str) -> bool:
    """A lower-case word that belongs to a name: a particle ("van", "bin") or a surname
    written with one ("al-Khatib", "el-Sayed")."""
    return word.casefold() in PARTICLES or word.partition("-")[0].casefold() in PARTICLES


def _after_owner(toks: list[str]) -> list[str]:
    """The name after a possessive owner ("Thailand's Prayut Chanthawong", "Clinton's Robby
    Mook" -> the words after the owner): a country, party or person whose someone the
    named one is, never part of the name. `toks` unchanged without one (a possessive on
    the last word is the name's own: "Obama's")."""
    owners = [
        i
        for i, t in enumerate(toks[:-1])
        if t[:1].isupper() and t.endswith(("'s", "’s")) and toks[i + 1][:1].isupper()
    ]
    return toks[owners[-1] + 1 :] if owners else toks


_ENDINGS = ("iy", "ii", "yi", "ij", "y", "i")


def spellings(name: str, limit: int = 6) -> list[str]:
    """Other romanizations of a name, to ask the store for ("Andrii Yusov" -> "Andriy
    Yusov", "Andrij Yusov", ...): endings -iy/-ii/-y/-ij and yu/iu/ju."""
    options: list[list[str]] = []
    for token in name.split():
        forms = [token]
        stem = next((token[: -len(e)] for e in _ENDINGS if token.endswith(e)), None)
        if stem and len(stem) >= 3:
            forms += [stem + e for e in _ENDINGS if stem + e != token]
        for a, b in (("yu", "iu"), ("iu", "yu"), ("Yu", "Iu"), ("Iu", "Yu"), ("Ju", "Yu")):
            if a in token:
                forms.append(token.replace(a, b))
        options.append(list(dict.fromkeys(forms)))
    found: list[str] = []
    for index, forms in enumerate(options):
        for form in forms[1:]:
            found.append(" ".join(o[0] if i != index else form for i, o in enumerate(options)))
    return found[:limit]


def person_key(name: str) -> list[str]:
    return [translit(t) for t in name.replace("-", " ").split() if t.strip(".")]


# How alike two given names must be (rapidfuzz ratio, 0-100, after folding romanizations
# with :func:`person_key`) to be one name spelled two ways ("Mohammed" and "Muhammad" 75,
# "Jon" and "John" 86; "Laura" and "Derek" 20).
SAME_GIVEN_NAME = 75


def given_names_differ(a: str, b: str) -> bool:
    """Whether two person names both have a given name and a surname ("Mark Dunn", "Gemma
    Dunn"; titles and roles cut by :func:`clean_person`) and their given names are not one
    name: not an initial of the other ("L. Chen"), nor a spelling of it
    (:data:`SAME_GIVEN_NAME`). False when either is a surname alone."""
    keys = [person_key(clean_person(name)[0]) for name in (a, b)]
    if any(len(key) < 2 for key in keys):
        return False
    x, y = keys[0][0].strip("."), keys[1][0].strip(".")
    if min(len(x), len(y)) == 1:
        return x[0] != y[0]
    return fuzz.ratio(x, y) < SAME_GIVEN_NAME


def org_key(name: str) -> str:
    """Order-free folded words: "Ministry of Defence of Russia" = "Russia's defense ministry"."""
    words: list[str] = []
    for raw in _WORD_RE.findall(fold(name)):
        word = _POSSESSIVE.sub("", raw).strip(".-")
        word = DEMONYMS.get(word, word)
        words.extend(SPELLING.get(word, word).split())
    return " ".join(sorted({w for w in words if w and w not in ORG_STOPWORDS}))


def clean_org(name: str) -> str:
    text = " ".join(name.split()).strip(" ,.;:")
    return re.sub(r"^the\s+", "", text, flags=re.I)


def common_words(body: str) -> frozenset[str]:
    """The words an article writes in lower case, and English stop words (spaCy's list): a
    capitalised one of them opening a name ("What Obama", "Rival Hillary Clinton") is a
    sentence word or a descriptor."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", body)) | STOP_WORDS


def name_and_descriptor(name: str, common: frozenset[str]) -> tuple[str, str | None]:
    """The name without its leading descriptors, and the descriptors (for the role)."""
    descriptors, toks = split_descriptors(
        name.split(), lambda w: w in common or w in SENTENCE_WORDS | GENERIC_WORDS
    )
    return " ".join(toks), " ".join(descriptors) or None


def full_name_in(
    body: str, surname: str, common: frozenset[str] | None = None, gender: str | None = None
) -> str | None:
    """The one full name ending in ``surname`` that the article uses, as written ("Mayor
    Celia Marchetti", "Douglas Holtz-Eakin"), or None when there is none or more than one.
    Sentence words and descriptors before a name are not part of it ("What Obama"). With
    ``gender`` ("m" / "f"), only a full name whose first name may have that gender: of
    several, that one ("Mr. Obama" in an article naming Barack and Michelle Obama; "she" where it
    names Keith Lamont Scott and Rakeyia Scott, a name the first-name table lacks)."""
    found = full_names_in(body, surname, common)
    if gender:  # "Mr Evans" is never the article's one Sian Evans
        found = [n for n in found if _name_gender(n) in (None, gender)]
    return found[0] if len(found) == 1 else None


def _name_gender(written: str) -> str | None:
    toks = clean_person(written)[0].split()
    return first_name_gender(toks[0]) if len(toks) >= 2 else None


def full_names_in(body: str, surname: str, common: frozenset[str] | None = None) -> list[str]:
    """Every distinct full name ending in ``surname`` that the article uses, as first
    written (with its title, for the role), in order of first use. Half of a hyphenated
    double surname is no surname: "Evans" is neither Sian Pryce-Evans nor Ann Evans-Hale."""
    common = common_words(body) if common is None else common
    found: dict[str, str] = {}
    pattern = rf"((?:[A-Z][\w'’.-]*[ \t\xa0]+){{1,4}}){re.escape(surname)}(?!\w|-\w)"
    for match in re.finditer(pattern, body):
        name, _ = name_and_descriptor(clean_person(match.group(0), body)[0], common)
        toks = name.split()
        if len(toks) < 2 and "-" not in name:
            continue
        key = person_key(name)
        if key[-1] == translit(surname):
            found.setdefault(" ".join(key), match.group(0))  # with its title, for the role
    return list(found.values())


def pronoun_genders(attributions: list[dict[str, Any]]) -> dict[str, str]:
    """Folded speaker name -> "m" / "f": the gender of every "he" / "she" the extractor
    resolved to that name in one article's ``attributions``, when they all agree ("Obama
    said ... He added": the man among the Obamas). Names with no pronoun are absent."""
    told: dict[str, set[str]] = {}
    for att in attributions:
        gender = PRONOUN_GENDERS.get(fold(att.get("speaker_text") or ""))
        if att.get("speaker_resolution") == "pronoun" and gender and att.get("speaker"):
            told.setdefault(fold(att["speaker"]), set()).add(gender)
    return {name: next(iter(g)) for name, g in told.items() if len(g) == 1}


def only_a_title(name: str) -> bool:
    """Whether a capitalised mention is a title without a name: "The Health Secretary",
    "Prime Minister", "Minister for Health", "Chief of Staff" (the head word, before any
    "of"/"for", is a title, and no word is a given name). Every article's health secretary
    would share its page: it has none."""
    words = [w.strip(" ,.;:") for w in fold(name).split()]
    words = [w for w in words if w and w != "the"]
    if not words or any(is_first_name(w.title()) for w in words):
        return False
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))
    return cut > 0 and words[cut - 1] in TITLES | TITLE_HEADS


def surname_in(body: str | None, word: str) -> bool:
    """Whether the article writes ``word`` as a surname, after a capitalised word ("Keith
    Lamont Scott", "Rakeyia Scott"): then a bare "Scott" is a surname, not a given name."""
    return bool(re.search(rf"\b[A-Z][\w'’.-]*[ \t\xa0]+{re.escape(word)}\b", body or ""))


def full_name_from_given_name(body: str, given: str, common: frozenset[str]) -> str | None:
    """The one full name starting with the given name ``given`` that the article uses
    ("Adam" -> "Adam Kowalski"), or None when there is none or more than one (two Adams)."""
    found: dict[str, str] = {}
    pattern = rf"\b{re.escape(given)}(?:[ \t\xa0]+[A-Z][\w'’.-]*){{1,3}}"
    for match in re.finditer(pattern, body):
        words = [_POSSESSIVE.sub("", w).strip(".,") for w in match.group(0).split()]
        while len(words) > 1 and words[-1].casefold() in common:
            words.pop()  # "Adam Said" opening a sentence: not a surname
        if len(words) > 1:
            name = " ".join(words)
            found.setdefault(person_key(name)[-1], name)  # one person per surname
    return next(iter(found.values())) if len(found) == 1 else None


SCOPE_TITLE_CHARS = 60  # an article title in a scoped label is cut at a word near this


def article_scoped_name(given: str, title: str | None) -> str:
    """The label of a person an article names only by a given name or a surname: "Melanie
    (in <the article's title, cut near 60 characters>)", or "Marsh (in an untitled
    article)"."""
    title = " ".join((title or "").split())
    if len(title) > SCOPE_TITLE_CHARS:
        title = title[:SCOPE_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,.;:-–—") + "…"
    return f"{given} (in {title or 'an untitled article'})"


def titled_in(body: str, name: str) -> bool:
    """Whether the article writes ``name`` right after a title ("Secretary Jeh Johnson",
    "Sen. Tim Kaine") or a long role ending in its place ("Afghan Ambassador to the United
    States Hamdullah Mohib", `names.name_after_role`): then it is someone's name as an
    introduction gives it."""
    for match in re.finditer(rf"\b([A-Za-z]+)\.?[ \t\xa0]+{re.escape(name)}\b", body):
        if match.group(1).casefold() in TITLES:
            return True
        before = body[max(0, match.start() - 80) : match.start()].split()[-8:]
        words = [*before, match.group(1), *name.split()]
        if len(words) > 3 and name_after_role(words) == len(words) - len(name.split()):
            return True
    return False


def looks_like_person(name: str) -> bool:
    toks = name.split()
    return 1 <= len(toks) <= 4 and all(t[:1].isupper() for t in toks)


class SpeakerBook:
    """Resolves attribution speakers to canonical records, creating them on first sight.

    It keeps what this process has seen (folded full names, surnames, organization keys)
    and asks the store for exact names and aliases; changed records gather in ``dirty``.
    """

    def __init__(self, store: Store, is_outlet: Callable[[str], bool] = lambda name: False) -> None:
        self.store = store
        self.is_outlet = is_outlet  # "Northern Courier said": the outlet, not a person
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_key: dict[str, str] = {}  # "p:andri yusov", "o:defence ministry russian"
        self.by_surname: dict[str, set[str]] = {}  # folded surname -> ids of full-name people
        self.dirty: dict[str, dict[str, Any]] = {}
        self._common_for: tuple[str | None, frozenset[str]] = (None, frozenset())

    def resolve(
        self,
        name: str | None,
        speaker_type: str | None,
        role: str | None = None,
        article_people: dict[str, set[str]] | None = None,
        body: str | None = None,
        written: str | None = None,
        pronoun_genders: dict[str, str] | None = None,
        article: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """The canonical speaker for an attribution, or None when it has no (named) speaker.

        ``article_people`` maps folded surnames to ids resolved earlier in the same article
        (the caller keeps it per article) and ``body`` is the article text: a bare surname
        joins the full name the same article uses. ``written`` is the mention as the text
        has it ("Mrs. Clinton"): its honorific tells apart two people of one surname, as
        does ``pronoun_genders`` (see :func:`pronoun_genders`) when it has none. A
        description ("the New York judge", "spokeswoman for Hillary Clinton") has no
        canonical speaker: None. ``article`` (its ``id`` and ``title``) scopes a person the
        article names only by a given name ("Melanie said") or a surname it does not decide
        ("Marsh said" with no full name; "Mr. Kendall" of two brothers) to a speaker of that
        article alone (:func:`article_scoped_name`); without it such a person has none.
        """
        display = " ".join((name or "").split()).strip(" ,.;:")
        display, tag = without_party_tag(display)  # "R-Ohio": a party and state, no name
        if not display or fold(display) in PRONOUNS:
            return None
        role = role or tag
        if all(
            fold(n or "").strip(" ,.;:").removeprefix("the ") in lexicon.GENERIC_ORG_NOUNS
            for n in (display, written)
        ):  # "The Ministry said": which one, only its article can say; no shared page
            return None
        kind = speaker_type or "unknown"
        if kind in ("person", "unknown") and only_a_title(display):
            return None  # "The Health Secretary": which one, only its article can say
        head, _, tail = display.partition(",")
        group = GENERIC_WORDS & set(head.casefold().split())
        if kind in ("person", "unknown") and not group and is_description(head):
            if not (tail.strip() and looks_like_person(tail.strip())):
                return None  # "the New York judge", "Clinton's team": unresolved, not a name
            display, role = tail.strip(), role or head  # "a spokesman for Brant, Ollie Stamp"
        cleaned = clean_person(display, body)[0]
        titled = (  # "Prosecutor Dan Hughes's office": his office speaks, not he
            kind == "organization" and not is_description(display) and self._titled_person(cleaned)
        )
        if titled:
            kind = "person"  # "Senate Minority Leader Harry Reid", "Washington Post Trump"
        if kind in ("person", "unknown") and self.is_outlet(cleaned):
            kind = "organization"
        elif kind in ("person", "unknown") and GENERIC_WORDS & set(cleaned.casefold().split()):
            kind = "group"
        elif (
            kind in ("person", "unknown")
            and not titled
            and (ORG_WORDS & set(org_key(cleaned).split()) or fold(cleaned).startswith("the "))
        ):  # "Ministry", "Halvern Pharmaceuticals"; "The Harbour Board": no person's name
            kind = "organization"
        elif kind == "person" and not any(t[:1].isupper() for t in cleaned.split()):
            kind = "unknown"  # "the minister": a description, not a name
        elif kind == "unknown" and looks_like_person(cleaned):
            kind = "person"
        if kind == "person":
            people = article_people if article_people is not None else {}
            gender = honorific_gender(written) or (pronoun_genders or {}).get(fold(display))
            return self._person(display, role, people, body, gender, article)
        if kind == "organization":
            return self._other(clean_org(display), "o:" + org_key(display), kind, role)
        return self._other(display, "g:" + fold(display), kind, role)

    # --- people --------------------------------------------------------------------------
    def _person(
        self,
        raw: str,
        role: str | None,
        article_people: dict[str, set[str]],
        body: str | None = None,
        gender: str | None = None,
        article: dict[str, Any] | None = None,
        expanded: bool = False,
    ) -> dict[str, Any] | None:
        # `expanded`: `raw` is already the full name the article gives for a surname, which
        # must not be looked up again ("Reporter Jomana Karadsheh" read down to "Karadsheh"
        # would find itself forever)
        name, found_role = clean_person(raw, body)
        common = self._common(body or "")
        descriptors, toks = split_descriptors(
            name.split(),
            lambda w: w in common or w in SENTENCE_WORDS | GENERIC_WORDS,
            lambda words: self.is_outlet(words) or self._names_other(words, name, article_people),
        )
        if len(toks) == 2 and self._known_by_other_name(toks, body or "", common):
            descriptors, toks = [*descriptors, toks[0]], toks[1:]  # "Demogorgon Trump"
        name = " ".join(toks)
        role = role or found_role or (" ".join(descriptors) or None)
        key = person_key(name)
        if not key:
            return self._other(name, "g:" + fold(name), "person", role)
        surname = key[-1]
        record: dict[str, Any] | None = None
        if len(key) >= 2 and all(len(k.strip(".")) == 1 for k in key[:-1]):
            return self._initialled(name, role, article_people, body, article)
        if len(key) >= 2:
            record = self._by_key("p:" + " ".join(key)) or self._from_store(name, "person")
            for variant in spellings(name) if record is None else ():
                found = self._from_store(variant, "person")  # known to an earlier run
                if found is not None and person_key(variant) == key:
                    record = found
                    break
            if record is None:
                same = [
                    i
                    for i in sorted(self.by_surname.get(surname, ()))
                    if self._first_names_agree(key, self.by_id[i])
                ]
                record = self.by_id[same[0]] if len(same) == 1 else None
        else:
            gender = gender or surname_gender(body or "", name)
            fits = [i for i in article_people.get(surname, ()) if self._gender_fits(i, gender)]
            full = None if fits or expanded else full_name_in(body or "", name, common, gender)
            if full is not None and introduced_as_kin(body or "", full, name):
                full = None  # "Dr Osei ... Osei's brother, Kwame Osei": not the brother
            if full is not None:  # (no gender: "Rakeyia Scott" may come back as "Scott")
                return self._person(
                    full, role, article_people, body, article=article, expanded=True
                )
            if surname not in article_people and is_first_name(name) and not surname_in(body, name):
                # "Adam said": the article's one Adam, else a page of this article alone
                given = full_name_from_given_name(body or "", name, common)
                if given is not None:
                    return self._person(given, role, article_people, body, article=article)
                return None if article is None else self._in_article(name, role, article)
            record = self._surname_only(name, surname, role, article_people, gender)
            if record is None:  # its article does not say which one: no page shared
                return None if article is None else self._in_article(name, role, article)
        if record is None:
            record = self._create(name, "person")
        if len(key) >= 2:
            self.by_surname.setdefault(surname, set()).add(record["id"])
            self.by_key.setdefault("p:" + " ".join(key), record["id"])
        article_people.setdefault(surname, set()).add(record["id"])
        self._learn(record, name, role)
        return record

    def _in_article(self, given: str, role: str | None, article: dict[str, Any]) -> dict[str, Any]:
        """The speaker of one article known there by a given name or surname alone
        ("Melanie", "Marsh"): its own record, labelled with the article (see
        :func:`article_scoped_name`), found again only through that article, never merged
        with another article's Melanie or Marsh."""
        speaker_id = slug(f"{given} in {article['id']}")
        record = self.by_id.get(speaker_id)
        if record is None and (record := self.store.get_speaker(speaker_id)) is not None:
            record = self._merger(record) or record  # an editor merged it: that speaker
        if record is None:
            record = {
                "id": speaker_id,
                "name": article_scoped_name(given, article.get("title")),
                "aliases": [],
                "type": "person",
                "roles": [],
                "merged_from": [],
                "article_id": article["id"],
            }
            self.dirty[speaker_id] = record
        self.by_id.setdefault(speaker_id, record)
        self._learn(record, given, role)
        return record

    def _initialled(
        self,
        name: str,
        role: str | None,
        article_people: dict[str, set[str]],
        body: str | None,
        article: dict[str, Any] | None,
    ) -> dict[str, Any] | None:
        """The person "T. Marsh" (initials and a surname) means: the one full name of its
        own article whose given name starts with that initial ("Tom Marsh ... T. Marsh
        said"; never "Lena Marsh"), else the one authority-file person listing the
        initialled name as an alias, else a speaker of that article alone. Never the
        corpus's only Tom Marsh so far, nor a page pooling every article's "T. Marsh": what
        the corpus happens to know depends on the order articles arrive in (issue #10,
        "Across the corpus"), and Tom and Tina Marsh share the initial."""
        toks = name.split()
        initial = fold(toks[0])[:1]
        fulls = []
        for written in full_names_in(body or "", toks[-1], self._common(body or "")):
            given = clean_person(written, body)[0].split()[0]
            if len(given.strip(".")) > 1 and fold(given)[:1] == initial:
                fulls.append(written)
        if len(fulls) == 1:
            return self._person(fulls[0], role, article_people, body, article=article)
        record = self._authority_alias(name, None)
        if record is not None:
            self._learn(record, name, role)
            return record
        return None if article is None else self._in_article(name, role, article)

    def _first_names_agree(self, key: list[str], record: dict[str, Any]) -> bool:
        """Whether a full name's given name is the known person's, written out in both:
        "Tom Marsh" never joins a page of "T. Marsh" (Tina shares the initial)."""
        other = person_key(record["name"])
        return len(other) >= 2 and key[0] == other[0]

    def _known_by_other_name(self, toks: list[str], body: str, common: frozenset[str]) -> bool:
        """ "Demogorgon Trump": a first word that is no given name, before the surname of a
        person this article or the corpus knows under a given name, is a nickname or label;
        not when the article writes the two words after a title ("Homeland Security
        Secretary Jeh Johnson": a given name the first-name table lacks), nor when the first
        word cannot describe anyone (`names.describes`: no English word, title or acronym,
        "Shaz Kearney" beside "Rob Kearney": a given name the table lacks)."""
        first, surname = toks
        if (
            is_first_name(first)
            or len(first.strip(".")) <= 1
            or not describes(first)
            or titled_in(body, " ".join(toks))
        ):
            return False
        full = full_name_in(body, surname, common)
        if full is not None:
            return person_key(clean_person(full, body)[0]) != person_key(" ".join(toks))
        known = self.by_surname.get(translit(surname), set())
        return any(is_first_name(self.by_id[i]["name"].split()[0]) for i in known)

    def _titled_person(self, name: str) -> bool:
        """An organization's name that is a person's after its descriptors: a given name and
        a surname after other words, or a name after an outlet's."""
        descriptors, toks = split_descriptors(name.split(), lambda w: False, self.is_outlet)
        if not descriptors or ORG_WORDS & set(org_key(" ".join(toks)).split()):
            return False
        if self.is_outlet(" ".join(descriptors)):
            return looks_like_person(" ".join(toks))
        return len(toks) == 2 and is_first_name(toks[0]) and toks[1][:1].isupper()

    def _names_other(self, words: str, name: str, article_people: dict[str, set[str]]) -> bool:
        """ "Clinton Robby Mook": a leading word that is the surname of a person of this
        article, before a given name and a surname, names that person, not this one."""
        toks = name.split()
        return (
            " " not in words
            and len(toks) >= 3
            and translit(words) in article_people
            and translit(words) != translit(toks[-1])
        )

    def _common(self, body: str) -> frozenset[str]:
        """The article's lower-case words, computed once per article."""
        if self._common_for[0] is not body:
            self._common_for = (body, common_words(body))
        return self._common_for[1]

    def _surname_only(
        self,
        name: str,
        surname: str,
        role: str | None,
        article_people: dict[str, set[str]],
        gender: str | None = None,
    ) -> dict[str, Any] | None:
        """The person a bare surname means, or None when its own article does not decide.

        A partial name joins only the full name its own article gives (issue #10, "Across
        the corpus"): the one person of that surname the article named before whose
        gender fits ("Mr. Obama" is not the Michelle Obama his article named), else the one
        of them whose role matches; failing that, a person of the newsroom's authority file
        that lists the bare name among its aliases. Never the only person of that surname
        the corpus happens to know so far (another article's Marsh), nor a page shared by
        every article's bare "Marsh"."""
        in_article = sorted(
            i for i in article_people.get(surname, set()) if self._gender_fits(i, gender)
        )
        if len(in_article) > 1 and role:
            in_article = [
                i
                for i in in_article
                if any(fuzz.token_set_ratio(role, r) >= 80 for r in self.by_id[i].get("roles", []))
            ]
        if len(in_article) == 1:
            return self.by_id[in_article[0]]
        if in_article:
            return None  # two Kendalls of this article: which one, it does not say
        return self._authority_alias(name, gender)

    def _authority_alias(self, name: str, gender: str | None) -> dict[str, Any] | None:
        """The one authority-file person (see `indexer.link.authority`) that lists ``name``
        as its name or an alias and whose gender may be ``gender``; None otherwise."""
        found = [
            s
            for s in self.store.find_speakers(name, limit=10)
            if s.get("authority") and s.get("type", "person") == "person"
        ]
        found = [s for s in found if gender is None or self._gender(s) in (None, gender)]
        return self._remember(found[0]) if len(found) == 1 else None

    def _gender_fits(self, speaker_id: str, gender: str | None) -> bool:
        """Whether the speaker may be of ``gender``: not a person whose first name tells
        the other one."""
        known = self._gender(self.by_id[speaker_id])
        return gender is None or known is None or known == gender

    @staticmethod
    def _gender(record: dict[str, Any]) -> str | None:
        toks = record["name"].split()
        return first_name_gender(toks[0]) if len(toks) >= 2 else None

    # --- organizations and groups ------------------------------------------------------------
    def _other(self, name: str, key: str, kind: str, role: str | None) -> dict[str, Any]:
        record = (
            self._by_key(key)
            or self._from_store(name, kind)
            or (self._acronym(name) if kind == "organization" else None)
            or self._create(name, kind)
        )
        self.by_key.setdefault(key, record["id"])
        self._learn(record, name, role)
        return record

    def _acronym(self, name: str) -> dict[str, Any] | None:
        """ "NMA": the one organization seen in this process with those initials."""
        if not (name.isupper() and 2 <= len(name) <= 6 and name.isalpha()):
            return None
        found = [
            r
            for _, r in sorted(self.by_id.items())
            if r.get("type") == "organization" and initials(r["name"]) == name
        ]
        return found[0] if len(found) == 1 else None

    # --- records ---------------------------------------------------------------------------
    def _by_key(self, key: str) -> dict[str, Any] | None:
        found = self.by_key.get(key)
        return self.by_id[found] if found else None

    def _from_store(self, name: str, kind: str) -> dict[str, Any] | None:
        """An exact name or alias match in the store; a user merge wins over the merged,
        whatever the types (an editor merged the organization "Karnataka CM" into the person
        Siddharaju Gowda: the article read again files "Karnataka CM" under him)."""
        every = [s for s in self.store.find_speakers(name, limit=10) if not s.get("article_id")]
        # a speaker known in one article only is found through that article alone
        found = [s for s in every if s.get("type", "unknown") in (kind, "unknown")]
        if not found:
            return None
        merged = {m for s in every for m in s.get("merged_from", [])}
        kept = [s for s in found if s["id"] not in merged]
        if not kept:
            ids = {f["id"] for f in found}
            kept = [s for s in every if ids & set(s.get("merged_from", []))] or found
        kept.sort(key=lambda s: not s.get("authority"))  # the newsroom's own record first
        return self._remember(kept[0])

    def _merger(self, record: dict[str, Any]) -> dict[str, Any] | None:
        """The stored speaker an editor merged ``record`` (a stored speaker) into, if any:
        the one listing its id in ``merged_from`` (found by ``record``'s name, which the
        merge made its alias)."""
        for candidate in self.store.find_speakers(record["name"], limit=10):
            if candidate["id"] != record["id"] and record["id"] in candidate.get("merged_from", []):
                return self._remember(candidate)
        return None

    def _create(self, name: str, kind: str, key: str | None = None) -> dict[str, Any]:
        """Get or create the speaker whose id is the slug of ``name``."""
        speaker_id = slug(name)
        record = self.by_id.get(speaker_id) or self.store.get_speaker(speaker_id)
        if record is None:
            record = {
                "id": speaker_id,
                "name": name,
                "aliases": [],
                "type": kind,
                "roles": [],
                "merged_from": [],
            }
            self.dirty[speaker_id] = record
        if key:
            self.by_key.setdefault(key, speaker_id)
        return self._remember(record)

    def _remember(self, record: dict[str, Any]) -> dict[str, Any]:
        record = self.by_id.setdefault(record["id"], record)
        if record.get("type") == "person":
            key = person_key(record["name"])
            if len(key) >= 2:
                self.by_key.setdefault("p:" + " ".join(key), record["id"])
                self.by_surname.setdefault(key[-1], set()).add(record["id"])
        elif record.get("type") == "organization":
            self.by_key.setdefault("o:" + org_key(record["name"]), record["id"])
        return record

    def _learn(self, record: dict[str, Any], name: str, role: str | None) -> None:
        changed = False
        names = {fold(n) for n in (record["name"], *record.get("aliases", []))}
        if fold(name) not in names:
            record.setdefault("aliases", []).append(name)
            changed = True
        roles = record.setdefault("roles", [])
        if role and len(roles) < MAX_ROLES and fold(role) not in {fold(r) for r in roles}:
            roles.append(role)
            changed = True
        if changed:
            self.dirty[record["id"]] = record
