"""In-article speaker resolution: "he", "Yusov", "The ministry" -> the fullest name used.

Everything is article-local: proper-name runs give the canonical (fullest) names, appositions
give roles ("A spokesperson for ..., Andriy Yusov"), and pronouns or definite descriptions
take the most recent compatible subject mention. No world knowledge, no NER.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from indexer import lexicon
from indexer.extract import interviews
from indexer.extract.cue_types import EVIDENCE_SOURCES
from indexer.extract.english_words import is_english_word, written_as_demonym
from indexer.extract.headline_roles import office_holders
from indexer.extract.names import (
    HONORIFIC_GENDERS,
    PARTY_LABELS,
    TENURE_WORDS,
    descriptor_length,
    first_name_gender,
    is_descriptor,
    is_first_name,
    is_role_word,
    name_after_role,
    party_tag,
    surname_gender,
)
from indexer.extract.nlp import doc_text, entities, paragraphs
from indexer.extract.office_roles import (
    abbreviation_holders,
    introduced_after_possessive,
    introduced_as_kin,
)
from indexer.extract.spans import DATELINE, after_dateline, in_dateline
from indexer.extract.tokens import (
    DETERMINERS,
    NAME_LINKS,
    ends_name_run,
    is_date_word,
    is_proper,
    name_chain,
    narrated_before_colon,
    np_tokens,
    text_of,
)
from indexer.lexicon import (
    GENERIC_ORG_NOUNS,
    HYPHENATED_TITLES,
    MONTHS,
    NAME_PARTICLES,
    ORG_NOUNS,
    WEEKDAYS,
    is_post_nominal,
    wordset,
)
from schemas.outlet import initials_of

# Titles as running text writes them: lowercase, abbreviations also with their period.
TITLES = (
    lexicon.TITLES
    | lexicon.EXTRACT_TITLES
    | frozenset(f"{title}." for title in lexicon.ABBREVIATED_TITLES)
    | frozenset(["del."])  # "Del. Stacey Plaskett": a delegate (lower-case "del" is a particle)
)
ORG_WORDS = lexicon.ORG_WORDS | lexicon.EXTRACT_ORG_WORDS
GROUP_WORDS = wordset(
    """legion battalion corps brigade militia regiment movement front rebels coalition alliance
    group groups democrats republicans brotherhood"""
)
PERSON_NOUNS = wordset(
    """spokesperson spokesman spokeswoman president minister senator governor secretary
    director chairman chairwoman chair leader candidate nominee adviser advisor aide manager
    mayor lawyer attorney economist professor ceo executive founder commander general chief
    deputy ambassador representative congressman congresswoman judge researcher author writer
    reporter strategist pollster expert analyst official prosecutor investigator
    man woman father mother wife husband businessman businesswoman"""
)
# Kin and person nouns a described, unnamed person is subject by ("The woman disputes ..."):
# what a following "she" continues, rather than the last woman named.
KIN_GENDERS = {
    **dict.fromkeys(["man", "husband", "father", "boy", "son", "brother"], "m"),
    **dict.fromkeys(["woman", "wife", "mother", "girl", "daughter", "sister"], "f"),
}
# An unnamed person opening a sentence as its subject: "The woman disputes", "Her husband
# said" (a lower-case word, the verb, follows).
_DESCRIBED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?\u201d\"] ))(The|His|Her|Their)[ \t]+("
    + "|".join(KIN_GENDERS)
    + r")[ \t]+(?=[a-z])",
    re.M,
)
# Person nouns that tell the gender ("the New York businessman" is not a "she").
NOUN_GENDERS = {
    **dict.fromkeys(["man", "husband", "father", "businessman", "congressman", "chairman"], "m"),
    **dict.fromkeys(
        ["woman", "wife", "mother", "businesswoman", "congresswoman", "chairwoman"], "f"
    ),
}
# A line of underscores, asterisks, dashes or hashes between the items of a live blog
# ("The Latest: ... ___"): a pronoun or bare surname never reaches back across one.
SECTION_BREAK = re.compile(r"^[ \t]*(?:_{3,}|\*(?:[ \t]*\*){2,}|-{3,}|#{3,})[ \t.]*$", re.M)
EPITHET_REACH = 600  # characters: "the Vermont senator" continues the person just written of
# Who the writer leaves unnamed, including the quantifier pronouns that stand for one or
# some of a group just named ("Penrose's allies insist ... One told the Post"): never a name.
ANONYMOUS = wordset(
    """source sources officials people experts analysts critics observers insiders aides
    residents witnesses voters supporters others someone many some one another both
    neither either each several few"""
)
GROUP_NOUNS = frozenset(["group", "groups", "legion", "battalion", "militia", "coalition"])
THING_WORDS = wordset(
    """amendment act bill law plan program project report policy deal agreement treaty war
    day election street avenue road river county city state states island america
    americans"""
)
# A verb and up to three role words between a subject's name and its object's ("met union
# leader"), in unparsed text (`_object_after_subject`); words that show it is not that.
_VERB_TO_OBJECT = re.compile(r"\s+[a-z]+(?:\s+[a-z]+){0,3}\s+")
_NOT_VERBS = wordset("and or of for to with that by from in on at as said says told tells is was")
# Head nouns of an appositive that make the name it describes an organisation ("Marlin, the
# shipping line"; "Veltro, a robotics company").
ORG_APPOSITIVE_NOUNS = GENERIC_ORG_NOUNS | wordset(
    """operator line carrier airline maker manufacturer retailer developer provider supplier
    insurer lender utility startup chain brand publisher broadcaster producer conglomerate
    subsidiary owner"""
)
# Those of them a person holds as often as a body ("The shop owner, Martin Holt,"; "property
# developer Dev Patel"): they make an organisation only of a name not shaped like a person's
# (`_describes_body`).
PERSON_OR_BODY_NOUNS = wordset("owner developer producer publisher operator")
# "The company said", "the firm said": a business, which only a company's name shows.
COMPANY_NOUNS = wordset("company firm corporation business")
# Words that make a name a company's ("Halvern Pharmaceuticals", "Brightwater Inc.").
COMPANY_WORDS = wordset(
    """inc inc. corp corp. corporation company co. ltd ltd. plc llc pharmaceuticals
    industries holdings systems technologies airlines motors labs laboratories energy
    robotics therapeutics biosciences logistics"""
)
# "The city said", "the county said": a place's government, which only its name shows: a
# name with the place noun and a word of a governing body ("Riverton City Council", "Kent
# County Council", "Harlow Town Hall") or "City of Riverton" ("City University" is no
# city's government).
MUNICIPAL_NOUNS = wordset("city town county borough municipality village")
MUNICIPAL_BODY_WORDS = wordset("council hall government administration")
# Words of a public body's name, which "the group" does not stand for.
STATE_WORDS = wordset(
    """ministry department agency government administration office police army military
    court regulator authority commission"""
)
GENERAL_TITLES = frozenset(["attorney", "surgeon", "inspector", "solicitor", "postmaster"])
# "figures published by X", "a flyer circulated by Republicans": the publisher speaks
PUBLISHING_VERBS = wordset("published released issued compiled circulated distributed")
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
PLURAL = frozenset(["they", "them", "their"])
NEUTER = frozenset(["it", "its"])
PRONOUN_CERTAINTY = 0.9
DESCRIPTION_CERTAINTY = 0.85  # "the minister", "the group": a guess from the context
SPEAKER_REACH = 300  # characters: "The group said" right after the group's own statement
NEXT_SENTENCE_REACH = 150  # characters: a bare surname in the sentence after a full name
SURNAME_REACH = 400  # characters: a bare surname right after another bearer's full name
LOOKBACK = 60  # mentions searched backwards for a pronoun or definite description
NAMED, PRONOUN, DESCRIBED, UNRESOLVED = "named", "pronoun", "description", "unresolved"
# A sentence's end: ".", "!" or "?" (not after an initial or "Mr", "Dr", "Mrs") before a
# space, or a line break.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"'”’)]*\s|\n")
AMBIGUOUS_SURNAME_CERTAINTY = 0.5  # "Clinton" when the article has two and does not decide


@dataclass
class Mention:
    pos: int
    name: str
    kind: str
    subject: bool
    gender: str | None = None  # from a title written with this mention ("Mrs. Clinton")
    words: int = 0  # words as written ("Santorum" is 1 though its name is "Rick Santorum")
    outlet: bool = False  # a news outlet cited as the source ("according to Reuters")


@dataclass
class Speaker:
    name: str | None
    kind: str = "unknown"
    role: str | None = None
    certainty: float = 1.0  # below 1 when the name was inferred (pronoun, description)
    how: str = "named"  # schemas.attribution.SPEAKER_RESOLUTIONS: how the name was found
    outlet: bool = False  # a news outlet: never what "the ministry" or "the company" means


@dataclass
class SpeakerIndex:
    """Names, roles and mentions of one article, built from its parsed chunks."""

    names: dict[str, str] = field(default_factory=dict)  # lower full name -> best casing
    by_last: dict[str, dict[str, int]] = field(default_factory=dict)  # surname -> name -> pos
    roles: dict[str, str] = field(default_factory=dict)  # normalised role -> name
    role_bearers: dict[str, list[str]] = field(default_factory=dict)  # role -> every holder
    role_of: dict[str, str] = field(default_factory=dict)  # name -> role as written
    mentions: list[Mention] = field(default_factory=list)
    # offsets of names that are the object of their sentence's main verb ("Walsh sacked
    # manager Tony Briggs"): a rival to the subject for a "he" after it (`_rival_after`)
    main_objects: set[int] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)  # names seen with a personal title
    genders: dict[str, str] = field(default_factory=dict)  # lower name -> "m" / "f"
    counts: dict[str, int] = field(default_factory=dict)  # lower full name -> mentions
    positions: dict[str, list[int]] = field(default_factory=dict)  # lower name -> offsets
    given_only: set[str] = field(default_factory=set)  # people named by first name alone
    organizations: set[str] = field(default_factory=set)  # names an appositive calls a firm
    _initials: dict[str, set[str]] = field(default_factory=dict)
    _prefixed: set[str] = field(default_factory=set)  # names opening with a place's initials
    _first_words: dict[str, set[str]] = field(default_factory=dict)
    _short_forms_size: int = -1
    speakers: list[Mention] = field(default_factory=list)
    interview: interviews.Interview | None = None  # question/answer layout, if any
    text: str = ""  # the article
    _surname_genders: dict[str, str | None] = field(default_factory=dict)
    _by_first: dict[str, list[str]] = field(default_factory=dict)  # first word -> names
    _sorted: bool = False
    _starts: list[int] = field(default_factory=list)
    _breaks: list[int] | None = None  # ends of the article's section break lines
    _excluded: frozenset[str] = frozenset()  # people a pronoun being resolved is not
    _untyped_speakers: set[int] = field(default_factory=set)  # "McLenney said": named, untyped
    # `speakers` ordered by offset (offsets apart), for the speakers between two offsets
    _speaker_starts: list[int] = field(default_factory=list)
    _speakers_in_order: list[Mention] = field(default_factory=list)
    # paragraph start -> starts and ends of its quotations (`_quotations_in`), read once
    _newlines: list[int] | None = None
    _quotations: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # "The woman disputes ...": unnamed main-clause subjects of a known gender (offset,
    # gender, the phrase normalised), which a following "she" may continue
    described: list[tuple[int, str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, docs: list[tuple[int, Doc]], text: str = "") -> SpeakerIndex:
        """Index parsed chunks, plus capitalised names in the unparsed rest of `text`."""
        index = cls(text=text)
        # "BRENNA, Sept 3 (CPA) -" is a place, "Image: Lena Marsh" a photographer: neither
        # is ever a speaker or what a pronoun refers to
        datelines = _datelines(text) + _credits(text)
        unparsed = _gaps(text, [(o, o + len(doc_text(d))) for o, d in docs] + datelines)
        titled: list[tuple[int, str, list[str]]] = []  # unparsed names written with a role
        introduced: list[tuple[int, str, str]] = []  # "Kwame Osei, who runs the co-op,"
        for start, end in unparsed:
            for match in _CAPITALISED.finditer(text, start, end):
                words = match.group().split()
                title = None
                role: list[str] = []  # "Mayor", "Health Minister": what "Mayor:" labels
                if party_tag(" ".join(words)):
                    continue  # "Fielding, R-Ohio,": a party and state, no one's name
                while words and (
                    words[0].lower() in _NOT_NAMES
                    or (
                        words[0].lower() in TITLES | GENERAL_TITLES | HYPHENATED_TITLES
                        and len(words) > 1
                    )
                    or (words[0] == "General" and len(words) > 2)
                ):
                    written = words.pop(0)
                    title = written.lower().rstrip(".")
                    role = [] if title in _NOT_NAMES else [*role, _role_word(written.rstrip("."))]
                if _may_cut(words):
                    opens = not role and text[max(0, match.start() - 2) : match.start()].strip(
                        " \t\n\"'\u201c\u2018"
                    ) in ("", ".", "!", "?")  # "Striker Dele Ojo told": no demonym capital
                    cut = words[: descriptor_length(words)]
                    role += index._role_words(cut, opens_sentence=opens).split()
                    words = words[descriptor_length(words) :]
                end = match.end()
                if kept := _without_place(words):  # "Earl Ray Tomblin of West Virginia"
                    end -= len(" ".join(words[kept:])) + 1
                    words = words[:kept]
                while len(words) > 1 and words[-1].lower() in _NOT_NAMES:
                    end -= len(words.pop()) + 1  # "Hugh McGuire Sunday, May 28": a date
                if words and words[-1][-2:] in ("'s", "\u2019s"):  # "Obama's" names Obama
                    words[-1] = words[-1][:-2]
                    end -= 2
                if words and (len(words) > 1 or len(words[0]) > 3) and not _only_titles(words):
                    pos = end - len(" ".join(words))
                    index._add_name(pos, " ".join(words))
                    if title in TITLES or f"{title}." in TITLES:
                        index._titled_person(" ".join(words), title)
                    possessor = text[pos + len(" ".join(words)) :].startswith(("'s", "\u2019s"))
                    subject = (
                        not possessor and (pos == start or text[pos - 2 : pos].strip() in (".", ""))
                    ) or _appositive_to_opening(text, start, pos, end) or _role_opening(
                        text, start, pos
                    )
                    gender = HONORIFIC_GENDERS.get(title or "")
                    index.mentions.append(
                        Mention(pos, " ".join(words), "", subject, gender, len(words))
                    )
                    if _object_after_subject(text, index.mentions[:-1], pos, possessor):
                        index.main_objects.add(pos)
                    if role:
                        titled.append((pos, " ".join(words), role))
                    if (described := described_role(text, end)) is not None:
                        introduced.append((pos, " ".join(words), described))
        chains = [
            (offset, chain)
            for offset, doc in docs
            for chain in _chains(doc)
            if not any(s <= offset + chain[0].idx < e for s, e in datelines)
        ]
        chains = [
            (o, c)
            for o, c in chains
            if not _only_titles([t.text for t in c]) and not party_tag(text_of(c))
        ]
        bodies = []
        for offset, chain in chains:
            bare = _without_titles(chain)
            if bare:
                index._add_name(offset + bare[0].idx, text_of(bare))
                if _body_after_the(chain, bare):  # "the Treasury", "the United Nations"
                    bodies.append(text_of(bare).lower())
                if bare[0].i > chain[0].i:
                    title = bare[0].nbor(-1).lower_.rstrip(".")
                    index._titled_person(text_of(bare), title)
        for mention in index.mentions:
            mention.name = index.canonical(mention.name, mention.pos, mention.gender)
            mention.kind = index.kind_of_name(mention.name)
            if mention.gender and len(mention.name.split()) > 1 and mention.words == 1:
                # "Mr Patel" resolved to Ravi Patel: a later "Mrs Patel" is someone else
                index.genders.setdefault(mention.name.lower(), mention.gender)
        for offset, chain in chains:
            bare = _without_titles(chain)
            if bare:
                end = chain[-1]
                gender = _title_gender(chain, bare)
                name = index.canonical(text_of(bare), offset + end.idx, gender)
                if gender and len(bare) == 1 and len(name.split()) > 1:
                    index.genders.setdefault(name.lower(), gender)  # as for unparsed names
                subject = any(_main_subject(t) for t in chain)
                if any(_main_object(t) for t in chain):
                    index.main_objects.add(offset + end.idx)
                index.mentions.append(
                    Mention(
                        offset + end.idx, name, index.kind_of_name(name), subject, None, len(bare)
                    )
                )
            index._add_title_role(chain, offset)
            if bare and (described := described_role(text, offset + end.idx + len(end))):
                introduced.append((offset + bare[0].idx, text_of(bare), described))
        for pos, name, role in titled:
            index._add_unparsed_role(pos, name, role)
        for pos, name, described in introduced:
            index._add_described_role(pos, name, described)
        index.organizations.update(b for b in bodies if not index._not_a_body(b))
        index._given_names_alone(text)
        for offset, doc in docs:
            for tok in doc:
                if tok.lower_ in KIN_GENDERS and tok.tag_ == "NN" and _main_subject(tok):
                    role = _normal(_role_text(np_tokens(tok)))
                    index.described.append((offset + tok.idx, KIN_GENDERS[tok.lower_], role))
        for start, end in unparsed:  # "The woman disputes ...", opening a sentence
            for match in _DESCRIBED_SUBJECT.finditer(text, start, end):
                noun = match.group(2).lower()
                role = _normal(f"{match.group(1)} {noun}")
                index.described.append((match.start(2), KIN_GENDERS[noun], role))
        for offset, doc in docs:
            for tok in doc:
                if (name := index._untagged_surname(tok, offset)) is not None:
                    kind = index.kind_of_name(name)
                    index.mentions.append(
                        Mention(offset + tok.idx, name, kind, _main_subject(tok), None, 1)
                    )
        for offset, doc in docs:
            subjects: dict[int, list[Token]] = {}
            for tok in doc:
                if tok.dep_ == "appos":
                    index._add_role(tok.head, tok, offset)
                elif tok.dep_ == "nsubj":
                    subjects.setdefault(tok.head.i, []).append(tok)
            for pair in subjects.values():
                if len(pair) == 2 and not _across_quotation(*pair):
                    # ("'... Salary toh badhti nahi,' said auto driver Ramesh Kumar": the
                    # quotation's last words are no role of the speaker)
                    index._add_role(pair[0], pair[1], offset)
        for offset, chain in chains:
            index._add_post_nominal_role(chain, offset)
        index.interview = interviews.find(text, paragraphs(text))
        if index.interview is not None:
            announced = [
                m
                for m in index.mentions
                if index.interview.announces(m.pos)
                and m.kind == "person"
                and (index.is_known_person(m.name) or _named_by_surname(text, m.name))
                and not any(w in THING_WORDS for w in m.name.lower().split())  # "York City"
                and not interviews.asks(index.role_of.get(m.name))  # "reporter Jane Abbott"
            ]
            # written in full once ("Santorum cocktail" is not who is asked), then every
            # mention counts: "Noam Chomsky ... Professor Chomsky sat down with Michael Dranove"
            full = {m.name for m in announced if m.words > 1}
            index.interview.announced = full
            index.interview.interviewee = interviews.interviewee(
                [m.name for m in announced if m.name in full]
            )
        return index

    def _given_names_alone(self, text: str) -> None:
        """ "Melanie thought the whole thing was outrageous": a first name written alone as
        a main-clause subject, named at least twice, when no fuller name in the article ends
        with it and the article never writes it as a place ("in Charlotte", "Charlotte
        officials"), is a person named by first name only; its gender comes from the
        first-name statistics."""
        for mention in self.mentions:
            low = mention.name.lower()
            if (
                mention.kind == "unknown"
                and mention.subject
                and " " not in low
                and self.counts.get(low, 0) > 1
                and is_first_name(mention.name)
                and not self.bearers(low)
                and not re.search(_AS_PLACE.format(re.escape(mention.name)), text)
            ):
                self.persons.add(low)
                self.given_only.add(low)
        for mention in self.mentions:
            if mention.name.lower() in self.given_only:
                mention.kind = "person"

    def _untagged_surname(self, tok: Token, offset: int) -> str | None:
        """ "Trump has record low support": the fullest name of a capitalised subject the
        tagger took for a common noun (often first in a sentence), when the article names a
        person with that surname; None for any other token."""
        if (
            tok.tag_ in ("NNP", "NNPS")
            or tok.dep_ not in ("nsubj", "nsubjpass")
            or not tok.text[:1].isupper()
            or tok.lower_ not in self.by_last
            or any(c.dep_ == "compound" for c in tok.children)
        ):
            return None
        name = self.canonical(tok.text, offset + tok.idx)
        return name if len(name.split()) > 1 and self.kind_of_name(name) == "person" else None

    def _titled_person(self, name: str, title: str) -> None:
        """ "Mr. Smith", "Mayor Berg": titles are for people, some tell their gender."""
        self.persons.update([name.lower(), _surname(name)])
        if title in HONORIFIC_GENDERS:
            self.genders[name.lower()] = HONORIFIC_GENDERS[title]

    def _add_name(self, pos: int, name: str) -> None:
        low = name.lower()
        best = self.names.get(low)
        if best is None or _written_form(name) > _written_form(best):
            self.names[low] = name
        last = low.split()[-1]
        self.by_last.setdefault(last, {}).setdefault(name, pos)
        self.counts[low] = self.counts.get(low, 0) + 1
        if low not in self.positions and len(words := low.split()) > 1:
            self._by_first.setdefault(words[0], []).append(low)  # names of several words
        self.positions.setdefault(low, []).append(pos)

    def canonical(self, name: str, pos: int, gender: str | None = None) -> str:
        """Fullest form of `name` in the article. A surname shared by several people
        ("Clinton": Bill and Hillary) goes to the one its title's `gender` ("Mrs.") or
        first name allows, else to the article's main bearer of the name (most full-name
        mentions, then first introduced); to another bearer whose full name the sentence
        just before wrote (within `NEXT_SENTENCE_REACH`); where another bearer was named a
        little earlier (`SURNAME_REACH`) the text does not decide and the surname stays as
        written."""
        low = name.lower()
        name = self.names.get(low, name)
        words = low.split()
        if (
            len(words) == 1
            and self.kind_of_words(words) != "person"
            and (longer := self._organization_starting_with(low))
        ):  # but "Trump" is Donald Trump, not the Trump Foundation
            return longer
        if len(words) == 1 and not self.bearers(low) and is_first_name(name):
            given = self.given_name_bearers(low)  # "Adam said": the article's one Adam
            return given[0] if len(given) == 1 else name
        if len(words) > 2 or self.kind_of_words(words) != "person":
            return name
        everyone = people = [  # "Dr Osei ... Osei's brother, Kwame Osei": not the brother
            p
            for p in self.bearers(low)
            if min(self._mentions_of(p), default=0) < pos
            or not introduced_as_kin(self.text, p, name.split()[-1])
        ]
        inferred = False  # a gender the article's honorifics give the surname, not this mention
        if people and not gender:  # "Obama" where "Mr. Obama" is all it writes: not Michelle
            if words[-1] not in self._surname_genders:
                self._surname_genders[words[-1]] = surname_gender(self.text, name.split()[-1])
            gender, inferred = self._surname_genders[words[-1]], True
            if gender and self._just_named(people, pos) not in (None, gender):
                gender = None  # "Anne Kendall said ... Kendall added": she, whatever "Mr." says
            if (
                gender
                and len({self.gender_of(p) for p in self._named_before(people, pos)}) > 1
                and surname_gender(self.text[:pos], name.split()[-1]) != gender
            ):  # "John Smith and his wife, Mary Smith ... Smith said ... Mrs Smith added":
                gender = None  # an honorific the reader has not yet met decides nothing
        if gender:
            fitting = [p for p in people if self.gender_of(p) in (None, gender)]
            earlier = self._named_before(people, pos)
            if inferred and earlier and fitting and not self._named_before(fitting, pos):
                # "Dr. Ravi Sharma ... Dr. Sharma said ... Ms. Meena Sharma": the "Ms." of a
                # bearer the article names only later says nothing of this earlier mention
                fitting = people
            people = fitting
        # "McAllister's assistant, Kenny McAllister ... McAllister said": the bare surname
        # stays the other bearer's, unless only the one so introduced fits its he or she
        aside = [p for p in people if introduced_after_possessive(self.text, p, name.split()[-1])]
        if aside and len(aside) < len(people):
            people = [p for p in people if p not in aside]
        # "Laura Chen ... 'No plan,' Chen told Reuters ... Derek Chen said": a bearer the
        # article names only later is not yet the reader's, when an earlier one fits
        people = self._named_before(people, pos) or people
        if not people:
            return name
        if len(people) == 1:
            return people[0]
        return self._main_bearer(people, pos, everyone) or name

    def _named_before(self, people: list[str], pos: int) -> list[str]:
        """Those of ``people`` whose full name the text wrote before offset ``pos``."""
        return [p for p in people if any(q < pos for q in self._mentions_of(p))]

    def _just_named(self, people: list[str], pos: int) -> str | None:
        """The gender ("m" / "f", or None) of the bearer among ``people`` whose full name
        the text wrote last before ``pos``, within `NEXT_SENTENCE_REACH`; None when none
        was, or when the surname was written alone since ("Mr. Garvin"). A bare surname
        right after a full name continues it: that beats the gender an honorific elsewhere
        in the article gives the surname ("Mr. Kendall", one of her brothers)."""
        near = pos - NEXT_SENTENCE_REACH
        last = max(
            ((q, p) for p in people for q in self._mentions_of(p) if near < q < pos), default=None
        )
        alone = self.positions.get(_surname(last[1]), ()) if last else ()
        if last is None or any(last[0] < q < pos for q in alone):
            return None  # "Nadia Garvin ... Mr. Garvin ... Garvin said": not just after her
        return self.gender_of(last[1])

    def _mentions_of(self, person: str) -> list[int]:
        """Offsets of the full-name mentions of ``person`` (any fuller form, same first
        word and surname), in text order."""
        first = person.lower().split()[0]
        return sorted(
            p
            for low in self._by_first.get(first, [])
            if low.endswith(_surname(person))
            for p in self.positions[low]
        )

    def bearers(self, low: str) -> list[str]:
        """The distinct people whose fuller name ends with `low` ("clinton" -> "Bill
        Clinton", "Hillary Clinton"): fuller names with the same first word are one person,
        under its fullest form."""
        words = low.split()
        people: dict[str, str] = {}
        for written in self.by_last.get(words[-1], {}):
            full = self.names.get(written.lower(), written)
            if len(full.split()) <= len(words) or not full.lower().endswith(low):
                continue
            if not self.is_known_person(full):  # a headline run "Gold Star Mom Corners Obama"
                continue
            first = full.lower().split()[0]
            if len(full) > len(people.get(first, "")):
                people[first] = full
        return list(people.values())

    def given_name_bearers(self, low: str) -> list[str]:
        """The distinct people of the article whose given name is the one word `low`
        ("adam" -> "Adam Kowalski"; "helen" -> "Helen Kowalski-Reed"): full names of two or
        more words, known as people, starting with it; a bare given name means one of them
        only when there is exactly one (two Adams: unresolved)."""
        people: dict[str, str] = {}  # surname -> fullest name ("Adam J. Kowalski")
        for full in (self.names[written] for written in self._by_first.get(low, [])):
            if (
                self.is_known_person(full)
                and self.kind_of_name(full) == "person"
                and len(full) > len(people.get(_surname(full), ""))
            ):
                people[_surname(full)] = full
        return sorted(people.values())

    def _main_bearer(
        self, people: list[str], pos: int, everyone: list[str] | None = None
    ) -> str | None:
        """The person a bare shared surname at `pos` means, or None when undecided.

        ``people`` are the bearers that may be meant (of the mention's gender), ``everyone``
        all the article's bearers of the surname. The one named just before wins; so does
        the article's main bearer, unless another bearer ``people`` allows was named a
        little earlier (`SURNAME_REACH`) and the main one's last mention is not the latest
        of the surname ("Peter Kendall said ... Anne Kendall said ... Mr. Kendall": John or
        Peter, the text does not say)."""
        seen = {p: self._mentions_of(p) for p in {*people, *(everyone or ())}}
        start = self.section_start(pos)
        here = [p for p in people if any(start <= q <= pos for q in seen[p])]
        if start and len(here) == 1:
            return here[0]  # the one bearer named in this item of a live blog
        if start and not here and len(people) > 1:
            return None  # an item naming none of them: an earlier item's namesake is a guess
        established = self._established(people, pos, seen)
        main = established or max(people, key=lambda p: (len(seen[p]), -min(seen[p] or [pos])))
        recent = [
            (max(q for q in seen[p] if q <= pos), p)
            for p in people
            if any(q <= pos for q in seen[p])
        ]
        if recent:
            last_pos, last = max(recent)
            rivals = [
                p
                for p in people
                if p != last and any(self._same_sentence(q, last_pos) for q in seen[p])
            ]
            if pos - last_pos < SURNAME_REACH and rivals:
                # "Patricia Smith, mother of Sean Smith, rejected ...": the one the sentence is
                # about; "Ruth Alder and her daughter, Joan Alder, run ...": either of them
                leads = [p for p in (last, *rivals) if self._subject_near(p, last_pos)]
                return leads[0] if len(leads) == 1 else None
            if last != main and pos - last_pos < NEXT_SENTENCE_REACH:
                return last  # "Sen. Mark Benton voted no. Benton told AP ...": the one just named
            if last != main and pos - last_pos < SURNAME_REACH and not established:
                return None
            since = any(last_pos < q < pos for p in everyone or () if p != last for q in seen[p])
            near = any(pos - SURNAME_REACH < q < pos for p in people if p != last for q in seen[p])
            if since and near:
                return None
        return main

    def _established(self, people: list[str], pos: int, seen: dict[str, list[int]]) -> str | None:
        """The bearer among ``people`` the bare surname already meant before offset ``pos``:
        the only one of them the article had named in full when it first wrote the surname
        alone ("Mayor Victor Lindqvist ... Lindqvist told her ... deputy mayor Sofia
        Lindqvist said ... Lindqvist allegedly said": the mayor). None when the surname was
        not yet written alone, or when two bearers were named before it was."""
        alone = [q for q in self.positions.get(_surname(people[0]), ()) if q < pos]
        if not alone:
            return None
        named = [p for p in people if any(q < alone[0] for q in seen[p])]
        return named[0] if len(named) == 1 else None

    def _subject_near(self, person: str, pos: int) -> bool:
        """Whether ``person`` is the main-clause subject (see :func:`_main_subject`) of a
        mention in the sentence around offset ``pos``."""
        low = person.lower()
        return any(
            m.subject
            and m.name.lower() == low
            and self._same_sentence(min(m.pos, pos), max(m.pos, pos))
            for m in self.mentions
        )

    def _same_sentence(self, start: int, end: int) -> bool:
        """Whether offsets ``start`` <= ``end`` of the article lie in one sentence: no
        sentence end (".", "!" or "?" before a space, or a line break) between them."""
        return start <= end and not SENTENCE_END.search(self.text, start, end)

    def is_known_person(self, name: str) -> bool:
        """Not evidently something else: a name of several words needs a personal title
        ("Mayor"), a known first name or a gender learned from an earlier pronoun ("General
        Assembly", "Say Mexico" have none); a bare surname ("Trump") passes."""
        if len(name.split()) == 1 or name.lower() in self.persons:
            return True
        if self.gender_of(name) is not None or is_first_name(name.split()[0]):
            return True
        words = name.lower().split()
        return len(words) == 2 and any(  # "Rakeyia Scott", wife of "Keith Lamont Scott"
            full.lower() != name.lower() and is_first_name(full.split()[0])
            for full in self.by_last.get(words[-1], {})
            if len(full.split()) > 1
        )

    def gender_of(self, name: str) -> str | None:
        """ "m" / "f" from a gendered title, an earlier pronoun or the first name; else None."""
        low = name.lower()
        if low in self.genders:
            return self.genders[low]
        words = name.split()
        if len(words) > 1 or low in self.given_only:
            return first_name_gender(words[0])
        return None

    def _organization_starting_with(self, word: str) -> str | None:
        """ "Halvern" for "Halvern Pharmaceuticals": organisations go by their first word;
        "NMA" for "National Medicines Agency": or by their initials."""
        if self._short_forms_size != len(self.names):  # names only grow: rebuild when they did
            self._initials.clear()
            self._first_words.clear()
            for low, name in self.names.items():
                words = low.split()
                if len(words) > 1:
                    self._initials.setdefault(_initials(name), set()).add(name)
                    if (bare := _without_place_prefix(name)) != name:
                        self._initials.setdefault(_initials(bare), set()).add(name)
                        self._prefixed.add(name)
                    if self.kind_of_words(words) == "organization":
                        self._first_words.setdefault(words[0], set()).add(name)
            self._short_forms_size = len(self.names)
        spelled = set()
        if 2 <= len(word) <= 6:  # "RFS" for "NSW Rural Fire Service", "FDA", "The WN"
            spelled = self._initials.get(word.upper(), set()) | {
                n
                for n in self._prefixed | self._first_words.get("the", set())
                if initials_of(word, n) or initials_of(word, _without_place_prefix(n))
            }
        if len(spelled) == 1:
            return next(iter(spelled))
        found = self._first_words.get(word, set())
        spelt = {n.lower().rstrip("."): n for n in sorted(found, key=len)}  # "Acme Corp(.)"
        return next(iter(spelt.values())) if len(spelt) == 1 else None

    def kind_of_name(self, name: str) -> str:
        return self.kind_of_words(name.lower().split(), name)

    def kind_of_words(self, words: list[str], name: str | None = None) -> str:
        if " ".join(words) in self.persons:
            return "person"
        if " ".join(words) in self.organizations:
            return "organization"
        if any(w in GROUP_WORDS for w in words):
            return "group"
        if any(w in ORG_WORDS for w in words):
            return "organization"
        if name and len(words) == 1 and name.isupper() and len(name) > 1:
            return "organization"
        if name and len(words) > 1 and _organization_shaped(name):
            return "organization"
        if (
            2 <= len([w for w in words if w not in NAME_PARTICLES]) <= 4  # "bin", "van der"
            and not any(w in THING_WORDS for w in words)
            and all(
                w.replace(".", "").replace("-", "").replace("'", "").replace("\u2019", "").isalpha()
                for w in words
            )
        ):
            return "person"
        if len(words) == 1 and any(
            len(n.split()) > 1 and self.is_known_person(n) for n in self.by_last.get(words[0], {})
        ):  # "Eastman" is Cres Eastman's; "Australia" ends "Western Australia", no one's name
            return "person"
        return "unknown"

    def _add_role(self, head: Token, appos: Token, offset: int) -> None:
        if in_dateline(head) or in_dateline(appos):
            return  # "SELM, Nov 27 (CPA) - The Karsk central bank": a place, not its name
        if _appositive_tag(appos):
            if chain := _without_titles(name_chain(head)):  # "Fielding, R-Ohio": a person,
                self.persons.add(text_of(chain).lower())  # the tag is a role, never a name
            return
        for name_tok, role_tok in ((head, appos), (appos, head)):
            chain = name_chain(name_tok)
            role_tok, phrase = _hyphen_end(role_tok), _role_phrase(role_tok)
            if not is_proper(role_tok) and role_tok.lower_ in ORG_APPOSITIVE_NOUNS:
                # "NorthLink, the grid operator": an organisation, whatever its name's shape
                # (a capitalised name the tagger took for a noun too: "Corvane, the line")
                named = chain or ([name_tok] if name_tok.text[:1].isupper() else [])
                if (
                    (bare := _without_titles(named))
                    and text_of(bare).lower() not in self.persons
                    and _describes_body(role_tok.lower_, bare)
                ):
                    self.organizations.add(text_of(bare).lower())
            if chain and (
                (
                    not is_proper(role_tok)
                    and (role_tok.lower_ in PERSON_NOUNS or role_tok.tag_ == "NN")
                )
                or _capitalised_office(role_tok, chain)
            ):
                bare = _without_titles(chain)
                if not bare:
                    continue
                gender = _title_gender(chain, bare)  # "Mrs. Patel, his wife": not Mr. Patel
                name = self.canonical(text_of(bare), offset + name_tok.idx, gender)
                role = _role_text(phrase)
                self._note_role(_normal(role), name)
                self.role_of.setdefault(name, role)
                if self._described_person(name, role_tok.lower_, offset + name_tok.idx):
                    self.persons.add(name.lower())  # "Kwame Osei, a farmer": a person

    def _described_person(self, name: str, noun: str, pos: int) -> bool:
        """Whether an appositive headed by ``noun`` ("Kwame Osei, a farmer") shows that
        ``name`` (written at ``pos``) is a person's, so that a later bare "Osei" may be
        him: a person-shaped name, a noun for a person, and his introduction (`introduces`)."""
        return (
            _describes_person(noun)
            and self.kind_of_name(name) == "person"
            and self._introduces(name, pos)
        )

    def _introduces(self, name: str, pos: int) -> bool:
        """Whether the full ``name`` written at ``pos`` (its start, or its surname's) is the
        first time the article writes its surname, and not as a relative's ("Dr Osei ...
        she said. Her brother, Kwame Osei, a councillor,": the doctor is someone else)."""
        surname = name.split()[-1]
        first = self.text.find(surname)  # a surname written earlier, even inside a word,
        if 0 <= first < pos:  # is no introduction: the cheap test first
            return False
        return not introduced_as_kin(self.text, name, surname)

    def _add_title_role(self, chain: list[Token], offset: int) -> None:
        """ "Mayor Celia Marchetti", "Trump spokeswoman Hope Hicks": the title is a role that
        later definite descriptions ("the mayor") refer back to."""
        bare = _without_titles(chain)
        if bare and not bare[0].text[:1].isupper():
            return  # "Prime Minister of Lirvania": an office, "of Lirvania" is no one's name
        titles = chain[: bare[0].i - chain[0].i] if bare else []
        if bare and titles and (run := _with_role_before(chain))[0].i < chain[0].i:
            titles = run[: bare[0].i - run[0].i]  # "Afghan Ambassador to the United States"
        honorifics = HONORIFIC_GENDERS.keys() | {"dr"}  # "Local MP Sir Alan Fenwick": "local mp"
        while titles and titles[-1].lower_.rstrip(".") in honorifics:
            titles = titles[:-1]
        if titles and not (len(bare) == 1 and len(self.bearers(bare[0].lower_)) > 1):
            # ("Senator Hale" of a Margaret and a Daniel Hale says nothing of either)
            name = self.canonical(text_of(bare), offset + bare[0].idx)
            title = self._role_words(text_of(titles).split(), titles[0].is_sent_start)
            if (body := self._body_after(bare[-1])) is not None:
                title = f"{title} of {body}"  # "Chief Inspector Ann Holt of Thames Valley Police"
            self._note_role(_normal(title), name)
            self.role_of.setdefault(name, title)
        first = chain[0]
        start = max(0, first.i - 3)
        while start > 0 and "-" in (first.doc[start].text, first.doc[start - 1].text):
            start -= 1  # "co-op owner Kwame Osei": the parser's "co", "-", "op" are one word
        words = [  # "Deputy mayor Jurgen Kowalczyk": a capitalised title word belongs to it
            t
            for t in first.doc[start : first.i]
            if t.tag_ in ("NN", "JJ") or t.lower_ in TITLES
        ]
        while words and (words[0].dep_ in ("npadvmod", "advmod", "tmod") or is_date_word(words[0])):
            words = words[1:]  # "Yesterday port operator Maasgroep": not part of the role
        for k in range(len(words) - 1, 0, -1):  # "the process but satisfy": no one phrase
            gap = first.doc[words[k - 1].i + 1 : words[k].i]
            if any(t.text != "-" for t in gap):
                words = words[k:]
                break
        bare = _without_titles(chain)
        if (
            words
            and words[-1].i == first.i - 1
            and words[-1].lower_ in ORG_APPOSITIVE_NOUNS
            and _describes_body(words[-1].lower_, bare)
            and not (  # "co-op owner Kwame Osei": a given name the table may not know
                words[-1].lower_ in PERSON_OR_BODY_NOUNS
                and len(bare) > 1
                and self.kind_of_name(text_of(bare)) == "person"
            )
        ):
            # "Port operator Maasgroep", "Energy company Ardmore": an organisation described
            # before its name, as "Maasgroep, the port operator" is after it (`_add_role`)
            if bare and text_of(bare).lower() not in self.persons:
                self.organizations.add(text_of(bare).lower())
                name = self.canonical(text_of(bare), offset + first.idx)
                self.role_of.setdefault(name, _role_text(words))
        elif (
            words
            and words[-1].i == first.i - 1
            and (
                words[-1].lower_ in PERSON_NOUNS | PERSON_OR_BODY_NOUNS  # "shop owner Kwame Osei"
                or _occupation_before_name(words[-1], bare)  # "deckhand Tomas Lind"
                or _occupation_noun(words[-1])  # "auto driver Ramesh Kumar"
            )
        ) and bare:
            name = self.canonical(text_of(bare), offset + first.idx)
            if len(bare) > 1:
                self.persons.add(name.lower())  # "co-op owner Kwame Osei": a person
            role = _role_text(_with_owner(words))  # "Castell Steel's chief executive"
            if (body := self._body_before(words[0])) is not None:
                role = f"{role} {'at' if ' of ' in role else 'of'} {body}"
            self.role_of.setdefault(name, role)
            self._note_role(_normal(role), name)  # "the GOP nominee"

    def _role_words(self, words: list[str], opens_sentence: bool = False) -> str:
        """A role written before a name as roles are kept (:func:`_role_word`: lower case,
        acronyms in capitals), but for a demonym ("uber-white Vermonter": where the person
        is from, which a reader and `indexer.link.namesakes` must not take for an occupation,
        `english_words.written_as_demonym`). The capital of a word opening its sentence
        (``opens_sentence``: "Striker Dele Ojo told") says nothing of a demonym."""
        return " ".join(
            w
            if w.lower().rstrip(".") not in TITLES | PERSON_NOUNS  # "Majority Leader"
            and not is_role_word(w)
            and not (opens_sentence and i == 0)
            and written_as_demonym(w, self.text)
            else _role_word(w)
            for i, w in enumerate(words)
        )

    def _body_before(self, tok: Token) -> str | None:
        """ "Property Council NSW executive director Claire Whitfield": the organization whose
        name is written right before a lower-case role (`tok` its first word), or None."""
        if tok.i == 0 or not (chain := name_chain(tok.doc[tok.i - 1])):
            return None
        body = text_of(chain)
        if chain[-1].i != tok.i - 1 or self.kind_of_name(body) != "organization":
            return None
        return body if body.lower() not in self.persons else None

    def _body_after(self, last: Token) -> str | None:
        """ "Chief Inspector Ann Holt of Thames Valley Police", "Detective Sergeant Paul Rice,
        of the Metropolitan Police": the organization named after "of" right after a titled
        person's name (`last` its last word; a comma may stand between), as written ("the
        Metropolitan Police"), or None when none follows or it is no organization's name
        ("Sen. Bob Casey of Pennsylvania": a place)."""
        doc, k = last.doc, last.i + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ != "of":
            return None
        start = k + 2 if doc[k + 1].lower_ == "the" and k + 2 < len(doc) else k + 1
        chain = [t for t in name_chain(doc[start]) if t.i >= start]
        if not chain or chain[0].i != start or self.kind_of_name(text_of(chain)) != "organization":
            return None
        return text_of([*doc[k + 1 : start], *chain])

    def _add_unparsed_role(self, pos: int, name: str, role: list[str]) -> None:
        """ "Mayor Tom Reyes toured the damage": the lower-case title words (honorifics
        left out) written before a name in text the parser did not see are, as in parsed
        text (`_add_title_role`), the role a headline's "Mayor on flooding: ..." or a later
        "the mayor" refers back to."""
        while role and role[-1].rstrip(".") in HONORIFIC_GENDERS.keys() | {"dr"}:
            role = role[:-1]
        if role:
            name = self.canonical(name, pos)
            self._note_role(_normal(" ".join(role)), name)
            self.role_of.setdefault(name, " ".join(role))

    def _add_described_role(self, pos: int, name: str, role: str) -> None:
        """ "Kwame Osei, a farmer," / "Kwame Osei, who runs the co-op," in text the parser
        did not see (:func:`described_role`): the name is a person's, and the description
        is the role a later "Osei said" carries and "the farmer" refers back to."""
        name = self.canonical(name, pos)
        if self.kind_of_name(name) != "person" or name.lower() in self.organizations:
            return
        if self._introduces(name, pos):
            self.persons.add(name.lower())
        self._note_role(_normal(role), name)
        self.role_of.setdefault(name, role)

    def _add_post_nominal_role(self, chain: list[Token], offset: int) -> None:
        """ "David Ames KC", "Ruth Adeyemi MP": the letters after the name are the person's
        role when the article gives no other."""
        bare = _without_titles(chain)
        post = [t for t in chain if bare and t.i > bare[-1].i and is_post_nominal(t.text)]
        if post:
            name = self.canonical(text_of(bare), offset + bare[0].idx)
            self.role_of.setdefault(name, text_of(post))

    def _note_role(self, role: str, name: str) -> None:
        """`name` holds the normalised `role`: the first holder is what "the <role>" means
        by default (`roles`); every holder is kept (`role_bearers`), so that a role two
        people hold ("Mayor Ines Okoro ... Mayor Tom Brandt") is never given to one."""
        self.roles.setdefault(role, name)
        bearers = self.role_bearers.setdefault(role, [])
        if name not in bearers:
            bearers.append(name)

    def _titled(self, head: str, pos: int, ahead: bool = False) -> str | None:
        """ "the minister" -> the person introduced as "Defence Minister Andrii Vedmid".

        A description in the body refers back: only a holder named before ``pos`` counts
        ("The aide, ... said" is not the aide the article names a paragraph later). A
        headline's (``ahead``) refers forward to the one holder of an office (`TITLES`:
        "Senator says ..."), never to one holder of a common person noun ("Aide: ..." of a
        story with an unnamed aide and a named one)."""
        if ahead and head not in TITLES:
            return None
        names = [
            name
            for role, bearers in self.role_bearers.items()
            if role_head(role) == head and not _another_office(role)
            for name in bearers
            if ahead or self._first_named(name, pos) < pos
        ]
        names = list(dict.fromkeys(names))
        if len(names) == 1:
            return names[0]
        return None  # "the minister" of a Health and a Finance Minister: either, no guess

    def _only_organization(self, noun: str, pos: int) -> str | None:
        """ "the ministry" -> the one organization named before `pos` with "ministry" in its
        name ("Ministry of Defence"); "the group" -> the one group among the recent mentions;
        either -> the organization or group that spoke in the sentence just before, unless
        that was a news outlet (a ministry is never the Bloomberg News cited before it). None
        when there are none or several: an honest unresolved beats a guess."""
        last = next((m for m in reversed(self.speakers) if m.pos < pos), None)
        if (
            last
            and last.kind in ("organization", "group")
            and not last.outlet
            and pos - last.pos < SPEAKER_REACH
            and _may_be_called(last.name, noun)
        ):
            return last.name
        self.recent(pos, ())  # sorts the mentions
        k = bisect.bisect_left(self._starts, pos)
        before = self.mentions[:k] + [m for m in self.speakers if m.pos < pos]
        named = {
            m.name
            for m in before
            if m.kind in ("organization", "group") and noun in m.name.lower().split()
        }
        if not named and noun in GROUP_NOUNS:
            recent = self.mentions[max(0, k - LOOKBACK) : k]
            named = {m.name for m in recent if m.kind == "group"}
        if not named and noun in COMPANY_NOUNS:
            named = self._only_company(pos)
        return next(iter(named)) if len(named) == 1 else None

    def _only_municipality(self, noun: str, pos: int) -> set[str]:
        """ "the city" -> the one city government the article names ("Riverton City
        Council", "City of Riverton": `MUNICIPAL_BODY_WORDS`), named before ``pos``; one
        named anywhere else makes it ambiguous. Empty when there are none or several: a
        place alone ("in Riverton") is no government's name, and none is made up for it."""
        bodies: dict[str, int] = {}
        for m in [*self.mentions, *self.speakers]:
            words = m.name.lower().split()
            if m.kind == "person" or m.outlet or noun not in words:
                continue
            if MUNICIPAL_BODY_WORDS & set(words) or words[:2] == [noun, "of"]:
                bodies[m.name] = min(m.pos, bodies.get(m.name, m.pos))
        if len(bodies) == 1 and min(bodies.values()) < pos:
            return set(bodies)
        return set()

    def _only_company(self, pos: int) -> set[str]:
        """ "the company", "the firm" -> the company named before ``pos`` when the article
        names exactly one (a name with a company word: "Halvern Pharmaceuticals",
        "Brightwater Inc."); a company named after ``pos`` counts too, since a second one
        anywhere makes "the company" ambiguous. Empty when there are none or several, and
        never a news outlet."""
        companies = {
            m.name: m.pos
            for m in [*self.mentions, *self.speakers]
            if m.kind != "group"  # "Brightwater Shipping Ltd" may be typed a person's
            and not m.outlet
            and COMPANY_WORDS & set(m.name.lower().split())
        }
        if len(companies) == 1 and min(companies.values()) < pos:
            return set(companies)
        return set()

    def _epithet_person(self, phrase: list[Token], head: Token, pos: int) -> str | None:
        """ "the Vermont senator", "the New York businessman", "the GOP nominee": a person
        noun after a proper descriptor (place, party) is the person the text was just
        about, as news writing varies a name: the last main-clause subject person within
        EPITHET_REACH characters (of the noun's gender, if it has one), when that person is
        also the last person who spoke or the person the article names most. None
        otherwise (an honest unresolved): "the senator" alone, a possessive ("Pagliano's
        lawyer"), a subject who is neither, or one the article gave another person noun
        ("Judge Frank Nervo" is not "the GOP nominee")."""
        mods = [t for t in phrase if t.i < head.i and t.lower_ != "the"]
        if (
            head.tag_ != "NN"
            or head.lower_ not in PERSON_NOUNS
            or not any(t.text[:1].isupper() for t in mods)
            or any(t.tag_ in ("POS", "PRP$", "CD", "NNS") or t.lower_ == "'s" for t in mods)
        ):
            return None
        gender = NOUN_GENDERS.get(head.lower_)
        self.recent(pos, ())  # sorts the mentions
        k = bisect.bisect_left(self._starts, pos)
        near = [
            m
            for m in self.mentions[max(0, k - LOOKBACK) : k]
            if m.subject
            and m.kind in ("person", "")
            and pos - m.pos < EPITHET_REACH
            and m.pos >= self.section_start(pos)
            and self.is_known_person(m.name)
            and self.gender_of(m.name) in (None, gender or self.gender_of(m.name))
        ]
        if not near:
            return None
        name = self.canonical(near[-1].name, near[-1].pos)
        spoke = [m.name for m in self.speakers if m.pos < pos and m.kind == "person"]
        # as written: an abbreviated title ("Rep.") does not say which person noun fits
        known = role_head(self.role_of.get(name, "").lower())
        if known in PERSON_NOUNS | TITLES and known != head.lower_ and not known.endswith("."):
            return None  # "the GOP nominee" is not the person introduced as a justice
        named = Counter(m.name for m in self.mentions if m.kind == "person")
        main = named.most_common(1)[0][0] if named else None
        return name if (spoke and spoke[-1] == name) or name == main else None

    def remember(self, pos: int, speaker: Speaker, subject: bool = True) -> None:
        """A resolved speaker is a likely antecedent; a description ("Republican presidential
        nominee") only when no named subject is near, since pronouns mostly point to names."""
        if (
            self.interview
            and speaker.name is not None
            and speaker.name == self.interview.interviewee
            and self.interview.place(pos)
        ):
            return  # "I" in an answer: the interviewee is never "he" in their own answers
        if speaker.name:
            alone = " " not in speaker.name
            if speaker.kind == "unknown" and alone and is_first_name(speaker.name):
                speaker.kind = "person"  # "Melanie said": a first name alone is someone's
            named = speaker.kind != "person" or all(
                w[:1].isupper() or not w[:1].isalpha() or w in _LINKS for w in speaker.name.split()
            )
            mention = Mention(pos, speaker.name, speaker.kind, subject and named)
            mention.outlet = speaker.outlet
            self.speakers.append(mention)
            k = bisect.bisect_right(self._speaker_starts, pos)
            self._speaker_starts.insert(k, pos)
            self._speakers_in_order.insert(k, mention)
            if speaker.kind == "unknown" and speaker.how == NAMED:
                self._untyped_speakers.add(pos)

    def section_start(self, pos: int) -> int:
        """Where the section holding `pos` starts: after the last SECTION_BREAK line
        before it, else 0."""
        if self._breaks is None:
            self._breaks = [m.end() for m in SECTION_BREAK.finditer(self.text)]
        k = bisect.bisect_right(self._breaks, pos)
        return self._breaks[k - 1] if k else 0

    def recent(
        self,
        pos: int,
        kinds: tuple[str, ...],
        contains: str | None = None,
        gender: str | None = None,
    ) -> str | None:
        """Most recent subject mention (or speaker) before `pos` of one of `kinds`.

        Looks back a bounded number of mentions, so long articles stay linear."""
        if not self._sorted:
            self.mentions.sort(key=lambda m: m.pos)
            self._starts = [m.pos for m in self.mentions]
            self._sorted = True
        k = bisect.bisect_left(self._starts, pos)
        pool = self.mentions[max(0, k - LOOKBACK) : k]
        pool += [m for m in self.speakers[-LOOKBACK:] if m.pos < pos]
        start = self.section_start(pos)
        if gender and self._unknown_speaker_just_before(pos, pool):
            return None  # "McLenney said ... she said": the "she" is likely that speaker's
        quoted = self._quotations_before(pos) if gender else None
        pool = sorted(
            (
                m
                for m in pool
                if m.kind in kinds
                and m.pos >= start
                and m.name not in self._excluded
                and not (quoted and _inside(quoted, m.pos))
            ),
            key=lambda m: m.pos,
        )
        if contains:
            pool = [m for m in pool if contains in m.name.lower().split()]
        if gender:  # "she" never refers to someone known as "he" (title, pronoun, first name)
            pool = [m for m in pool if self.gender_of(m.name) in (None, gender)]
            # and only to someone known to be a person: "the United States" is not "he"
            pool = [m for m in pool if self.is_known_person(m.name)]

        subjects = [m for m in pool if m.subject]
        if gender and self._described_since(subjects[-1].pos if subjects else start, pos, gender):
            return None  # "The woman disputes it. ... she said": not the last named woman
        if subjects and pos - subjects[-1].pos < 1500:
            chosen = subjects[-1]
            since = bisect.bisect_right(self._speaker_starts, chosen.pos)
            until = bisect.bisect_left(self._speaker_starts, pos)
            if gender and any(
                m.name != chosen.name
                and m.kind == "person"
                and self.gender_of(m.name) in (None, gender)
                for m in self._speakers_in_order[since:until]
            ):
                return None  # another "she" spoke since: two close candidates, no guess
            if gender and self._rival_after(chosen, pool, pos, gender):
                return None  # "Walsh sacked Tony Briggs. '...,' he said": either man
            return chosen.name
        return pool[-1].name if pool else None

    def _quotations_before(self, pos: int) -> tuple[list[int], list[int]]:
        """Starts and ends of the quotations of the paragraph holding ``pos``: a mention
        inside one before ``pos`` (`_inside`) is not the "he" who says them ("'Obama had
        will.i.am,' he said"). Found once per paragraph (`_quotations_in`; paragraphs by
        the offsets of the article's newlines, read once), not once per pronoun, so a long
        single-line article stays linear."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        k = bisect.bisect_left(self._newlines, pos)
        start = self._newlines[k - 1] + 1 if k else 0
        found = self._quotations.get(start)
        if found is None:
            end = self._newlines[k] if k < len(self._newlines) else len(self.text)
            found = self._quotations[start] = _quotations_in(self.text, start, end)
        return found

    def _rival_after(self, chosen: Mention, pool: list[Mention], pos: int, gender: str) -> bool:
        """Whether a "he" or "she" at `pos` has a rival to the subject `chosen`: a person of
        that gender (known from a title, an earlier pronoun or the first name, not merely
        possible) named in `pool` (the mentions `recent` weighs) as the object of the main
        verb of the subject's sentence (`main_objects`), less than 2 * `NEXT_SENTENCE_REACH`
        characters before `pos` ("Club chairman Peter Walsh sacked manager Tony Briggs.
        '...,' he said": Walsh or Briggs, the text does not say). A name further down the
        sentence ("Earnest said that Obama has long called ...", "of Obama") is rarely meant:
        on PolNeAR dev the subject was, nearly every time."""
        return any(
            m.name != chosen.name
            and chosen.pos < m.pos < pos
            and m.pos in self.main_objects
            and self._same_sentence(chosen.pos, m.pos)
            and m.kind == "person"
            and self.gender_of(m.name) == gender
            and pos - m.pos < NEXT_SENTENCE_REACH * 2
            for m in pool
        )

    def _subject_body(self, head: Token, offset: int) -> str | None:
        """The organization "it" (the source `head`) continues when no organization spoke
        just before: the subject of an earlier clause of its sentence ("Although the IMF did
        not single out Trump, it referenced ..."), else the last main-clause subject of the
        sentence before ("... but the Coalition wants to stay neutral. Recently, however, it
        issued a paper"), when that subject is a named organization or group. None when
        that subject is anything else, or when a document is written of there ("The Senate
        passed the bill. It says ...": "it" may be the bill)."""
        sent = head.sent
        before = [t for t in sent if t.i < head.i and t.dep_ in ("nsubj", "nsubjpass")]
        span = list(sent[: head.i - sent.start])
        if not before and sent.start > 0:
            previous = head.doc[sent.start - 1].sent
            before = [t for t in previous if _main_subject(t)]
            span = list(previous) + span
        if not before or any(t.lower_ in _DOCUMENTS and t.tag_ in ("NN", "NNS") for t in span):
            return None
        subject = before[-1]
        chain = name_chain(subject)
        if not chain or subject.tag_ == "PRP":
            return None
        named = self.resolve(subject, offset, True)
        if named.how != NAMED or named.kind not in ("organization", "group") or not named.name:
            return None
        return named.name

    def _described_since(self, since: int, pos: int, gender: str) -> bool:
        """Whether an unnamed person of `gender` ("the woman", "her husband") was a
        main-clause subject after `since` and before `pos` (within the same section, 1500
        characters), described by words no named person holds as a role: a "he" or "she"
        after it most likely continues that person, whom the article does not name."""
        start = max(since, self.section_start(pos), pos - 1500)
        return any(
            start < at < pos and said == gender and role not in self.roles
            for at, said, role in self.described
        )

    def _unknown_speaker_just_before(self, pos: int, pool: list[Mention]) -> bool:
        """Whether the last subject before `pos`, within `SPEAKER_REACH` characters, is a
        speaker named by one capitalised word the article never types ("McLenney said",
        a misspelt "McClenney"): a "he" or "she" right after most likely continues it, so
        passing over it to an earlier person would put words in the wrong mouth."""
        subjects = [m for m in pool if m.subject and m.pos < pos]
        if not subjects:
            return False
        last = max(subjects, key=lambda m: m.pos)
        return (
            pos - last.pos < SPEAKER_REACH
            and last.pos in self._untyped_speakers
            and last.kind == "unknown"
            and " " not in last.name
            and last.name[:1].isupper()
            and not last.name.isupper()
            and last.name.lower() not in self.organizations
        )

    def resolve(self, head: Token, offset: int, single: bool = False) -> Speaker:
        """Resolve the source mention headed by `head` (a token of a chunk at `offset`)."""
        pos = offset + head.idx
        low = head.lower_
        if head.tag_ in ("WP", "WDT") and head.head.dep_ in ("relcl", "acl"):
            return self.resolve(head.head.head, offset, single)
        if head.tag_ in ("PRP", "PRP$"):
            speaker = self._pronoun(low, pos)
            if speaker.name is None and low == "it" and (org := self._subject_body(head, offset)):
                kind = self.kind_of_name(org)
                return Speaker(org, kind, self.role_of.get(org), PRONOUN_CERTAINTY, PRONOUN)
            return speaker
        if (after := after_dateline(head)) is not None:
            return self.resolve(after, offset, single)
        if not single:
            return self._coordinated(head, offset) or self.resolve(head, offset, True)
        return _with_party(self._single(head, offset, pos, low), head)

    def turn_taker(self, label: str) -> str | None:
        """The person a transcript's one-word turn label ("STRAND:") means when the article
        names several people of that surname: the one who takes turns under a full-name
        label too ("HELENA STRAND: ..."), else the one the introduction (the title and the
        lead, before the first turn label) names; never a namesake whom a turn only
        mentions ("Karin Strand said last week ..."). None when that leaves no one or more
        than one (the caller keeps the surname)."""
        people = self.bearers(label.lower()) if " " not in label.strip() else []
        if len(people) < 2:
            return None
        lead = self.text.find("\n")  # the title or first paragraph is no turn ("Transcript:")
        turns = [m for m in _TURN_LABEL.finditer(self.text) if m.start() > lead >= 0]
        if not turns:
            return None
        labelled = {m.group(1).lower() for m in turns}
        taking = [p for p in people if p.lower() in labelled]
        start = turns[0].start()
        taking = taking or [p for p in people if any(q < start for q in self._mentions_of(p))]
        return taking[0] if len(taking) == 1 else None

    def resolve_name(self, written: str, pos: int) -> Speaker:
        """A name known only as text ("FALLIN", "Sen. Kristen Gillibrand") -> fullest name.
        A bare role ("Mayor", "council leader", as headlines label quotes) is the one person
        the article gives that role, else an unresolved description."""
        words = written.split()
        if len(words) > 1 and words[0].lower() == "the" and _only_titles(words[1:]):
            words = words[1:]  # "The Minister on cuts: ..." ("The Guardian" stays whole)
        if words and (
            _only_titles(words)
            or all(w[:1].islower() for w in words)
            or self._person_noun_alone(words)  # "Aide: minister knew of leak"
        ):
            last = words[-1].lower()
            if last in TITLES | PERSON_NOUNS:
                shared = len(self.role_bearers.get(_normal(written), [])) > 1
                named = (None if shared else self.roles.get(_normal(written))) or self._titled(
                    last, pos, ahead=True
                )
                if named is None:
                    return Speaker(written, "person", how=UNRESOLVED)
                role = self.role_of.get(named, written)
                return Speaker(named, "person", role, DESCRIPTION_CERTAINTY, DESCRIBED)
        holders = office_holders(words, self.role_bearers, self.text) if len(words) > 1 else None
        if holders is not None:
            return self._office_holder(holders, written)  # "..., says Home Secretary"
        words = words[_title_end(words) :]
        name = " ".join(words)
        shouted = name.isupper() and len(name) > 2  # transcripts shout: FALLIN, TOM BEXLEY
        name = self.canonical(name.title() if shouted else name, pos)
        kind = self.kind_of_name(name)
        if shouted and name.isupper() and kind == "person":  # written no other way
            name = name.title()  # "TOM BEXLEY" -> "Tom Bexley" ("NASA" stays)
        return Speaker(name, kind, self.role_of.get(name))

    def _first_named(self, name: str, default: int) -> int:
        """Where the article first writes ``name`` in full (``default`` when never)."""
        return min(self._mentions_of(name) or self.positions.get(name.lower()) or [default])

    def _person_noun_alone(self, words: list[str]) -> bool:
        """ "Aide", "Witness": one capitalised person noun (`PERSON_NOUNS`, no office title)
        that the article writes as nobody's name: a headline's or label's description."""
        return (
            len(words) == 1
            and (low := words[0].lower().strip(".,:")) in PERSON_NOUNS - TITLES
            and not self.bearers(low)  # "Tom Aide" would make it a surname
        )

    def _coordinated(self, head: Token, offset: int) -> Speaker | None:
        """ "Clinton and Trump", "groups including A and B": several names, one group."""
        coordinated = [head] + [c for c in head.children if c.dep_ == "conj"]
        including = [
            o
            for p in head.children
            if p.dep_ == "prep" and p.lower_ in ("including", "like")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if including:
            coordinated = including + [c for o in including for c in o.children if c.dep_ == "conj"]
        if len(coordinated) > 1 and all(name_chain(t) for t in coordinated):
            if not including and (roles := _trailing_titles(head, coordinated[1:])):
                # "..., added Marcus Feld, President and CEO": one person and their role
                named = self.resolve(head, offset, True)
                return replace(named, role=_joined_role(named.role, roles))
            names = [self.resolve(t, offset, True).name for t in coordinated]
            names = [n for n in names if n]
            if len(names) == len(coordinated):
                return Speaker(" and ".join(dict.fromkeys(names)), "group")
        return None

    def _single(self, head: Token, offset: int, pos: int, low: str) -> Speaker:
        chain = name_chain(head)
        if named := _before_party_tag(chain):
            # "state Del. Marcia "Cia" Price (D-Newport News)": the tag is no one's name
            bare = [t for t in named if t.text[:1].isalnum()]
            while len(bare) > 1 and bare[0].lower_ in TITLES:
                bare.pop(0)
            named = self._named(self.canonical(" ".join(t.text for t in bare), pos))
            named.role = _joined_role(named.role, party_tag(text_of(chain)))
            return named
        if _names_a_role(chain) and (person := _appositive_person(head)) is not None:
            # "The local MP, Ruth Adeyemi, told ...", "The Health Secretary, Michael Barnes,":
            # a role written capitalised, the person's name in apposition
            named = self.resolve(person, offset, True)
            return Speaker(named.name, "person", _role_text(np_tokens(head)))
        if (holder := self._role_holder(head, pos)) is not None:
            return holder  # "Afghan Ambassador to the United States Hamdullah Mohib"
        holders = abbreviation_holders(head.text, self.role_bearers) if len(chain) == 1 else None
        if holders is not None:  # "'Taxes will rise', PM warns": the article's one PM, or
            return self._office_holder(holders, head.text)  # a description
        if chain and (
            holders := office_holders(text_of(chain).split(), self.role_bearers, self.text)
        ) is not None:  # "..., says Karnataka CM", "Premier says", "MP says": the body's one
            return self._office_holder(holders, text_of(chain))
        if chain and not _only_titles([t.text for t in chain]):
            bare = _without_titles(chain) or chain
            gender = _title_gender(chain, bare) or _reported_self_gender(head)
            name = self._surname_office_holder(chain, bare) or self.canonical(
                text_of(bare), pos, gender
            )
            if self._person_noun_alone(name.split()):  # "Aide says ...": a description
                return Speaker(name, "person", how=UNRESOLVED)
            named_by_phrase = any(  # "The Committee for a Responsible Federal Budget"
                c.dep_ == "prep" and any(is_proper(t) for t in c.subtree) for c in head.children
            )
            if name.lower() in GENERIC_ORG_NOUNS and not named_by_phrase:
                # "The Ministry said": a generic word, not a name; which ministry, the
                # article must say (else every ministry would share one speaker page)
                known = self._only_organization(name.lower(), pos)
                if known is None:
                    return Speaker(name, "organization", how=UNRESOLVED)
                kind = self.kind_of_name(known)
                return Speaker(known, kind, None, DESCRIPTION_CERTAINTY, DESCRIBED)
            named = self._named(name)
            if (
                named.kind in ("person", "unknown")
                and _body_after_the(chain, bare)
                and not self._not_a_body(name.lower())
            ):
                named.kind = "organization"  # "The United Nations said"
            return named
        for child in head.children:
            if child.dep_ == "appos" and not name_chain(child):
                # "Her husband, the property developer James Hargreaves,": the parse hangs
                # the name on the description in apposition; the name is the speaker's
                child = next((c for c in child.children if c.dep_ == "appos"), child)
            if child.dep_ == "appos" and name_chain(child) and not _appositive_tag(child):
                named = self.resolve(child, offset, True)
                if _hyphen_end(head).lower_ in PERSON_NOUNS:  # "The vice-president of the
                    return Speaker(named.name, "person", _role_text(_role_phrase(head)))  # club"
                return Speaker(named.name, named.kind, named.role)
        if not any(c.isalpha() for c in head.text):
            # "The co-op's owner, Kwame Osei,": the parser split "co-op" and made "-" the
            # subject, the role its appositive and the name the role's; no "-" ever speaks
            for role_tok in (c for c in head.children if c.dep_ == "appos"):
                for child in role_tok.children:
                    if child.dep_ == "appos" and name_chain(child) and _describes_person(
                        role_tok.lower_
                    ):
                        named = self.resolve(child, offset, True)
                        return Speaker(named.name, "person", named.role)
            return Speaker(None, "unknown", how=UNRESOLVED)
        if (
            not is_proper(head)
            and low not in PERSON_NOUNS | ANONYMOUS
            and (publisher := _publisher(head)) is not None
        ):  # "figures published by NHS England": the publisher
            named = self.resolve(publisher, offset, True)
            return Speaker(named.name, named.kind, named.role, DESCRIPTION_CERTAINTY, DESCRIBED)
        if (
            low in EVIDENCE_SOURCES
            and any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children)
            and (org := self._subject_body(head, offset))
        ):  # "The Institute for Fiscal Studies says otherwise: its analysis shows ..."
            kind = self.kind_of_name(org)
            return Speaker(org, kind, self.role_of.get(org), PRONOUN_CERTAINTY, PRONOUN)
        if low in PERSON_NOUNS and (person := _appended_person(head)) is not None:
            # "a spokesman for Brant, Ollie Stamp": the parse hangs the name on "Brant"
            named = self.resolve(person, offset, True)
            return Speaker(named.name, "person", _role_text(np_tokens(head)))
        if (
            head.text[:1].isupper()
            and head.lower_ in self.by_last
            and (head.i > head.sent.start or self.kind_of_words([low]) == "person")
            and not self._person_noun_alone([head.text])  # "Aide says ...": nobody's name
        ):  # "Hargreaves told the BBC that she would ...": the bearer her "she" fits
            return self._named(self.canonical(head.text, pos, _reported_self_gender(head)))
        phrase = np_tokens(head)
        role = _role_text(phrase)
        if (name := self.roles.get(_normal(role))) is not None:
            return Speaker(
                name, self.kind_of_name(name), self.role_of.get(name, role), how=DESCRIBED
            )
        det = phrase[0].lower_ if phrase else ""
        headline_role = len(phrase) == 1 and head.text[:1].isupper()  # "Senator says ..."
        if (
            ((det in ("the", "this") and len(phrase) <= 3) or headline_role)
            and not _kept_anonymous(self.text, offset + phrase[-1].idx + len(phrase[-1]))
            and (name := self._titled(low, pos, ahead=headline_role))
        ):
            role = self.role_of.get(name)
            return Speaker(name, self.kind_of_name(name), role, DESCRIPTION_CERTAINTY, DESCRIBED)
        if det == "the" and (name := self._epithet_person(phrase, head, pos)):
            role = self.role_of.get(name, role)
            return Speaker(name, "person", role, DESCRIPTION_CERTAINTY, DESCRIBED)
        if (
            det in ("the", "this")
            and len(phrase) <= 3
            and low in GENERIC_ORG_NOUNS | GROUP_NOUNS
            and (name := self._only_organization(low, pos))
        ):
            role = self.role_of.get(name)
            return Speaker(name, self.kind_of_name(name), role, DESCRIPTION_CERTAINTY, DESCRIBED)
        if det in ("the", "this") and len(phrase) <= 2 and low in MUNICIPAL_NOUNS:
            body = self._only_municipality(low, pos)  # "the city": its government
            if len(body) == 1:
                return Speaker(body.pop(), "organization", None, DESCRIPTION_CERTAINTY, DESCRIBED)
            return Speaker(_strip_det(phrase), "organization", how=UNRESOLVED)
        text = _strip_det(phrase)
        if not self._person_noun_alone(text.split()):  # "the aide" is no headline's "Aide"
            text = self.names.get(text.lower(), text)
        if text.lower() in self.names and not self._person_noun_alone(text.split()):
            return Speaker(text, self.kind_of_name(text), self.role_of.get(text))
        capitalised = (
            _all_capitalised(text)
            and low not in ANONYMOUS
            and not _only_titles(text.split())
            and not self._person_noun_alone(text.split())  # "Aide says ...": no one's name
        )
        if capitalised and (
            self.kind_of_name(text) != "unknown"
            or head.tag_ in ("NNP", "NNPS")
            or head.i > head.sent.start
        ):
            return Speaker(text, self.kind_of_name(text), role)  # a name the tagger missed
        if capitalised and self._lone_given_name(head, text):
            return Speaker(text, "person")  # "Dolores said", tagged a plural noun
        if low in ANONYMOUS or (head.tag_ == "NNS" and low not in GROUP_NOUNS | ORG_NOUNS):
            return Speaker(text, "unknown", how=UNRESOLVED)
        if low in PERSON_NOUNS:
            return Speaker(text, "person", role, how=UNRESOLVED)
        if low in ORG_NOUNS or any(t.lower_ in ORG_WORDS for t in phrase):
            # "the Trump campaign" names its organization; "the agency" does not
            named = any(is_proper(t) for t in phrase if t.i < head.i)
            return Speaker(text, "organization", how=NAMED if named else UNRESOLVED)
        if low in GROUP_NOUNS:
            return Speaker(text, "group", how=UNRESOLVED)
        return Speaker(text, "unknown", how=UNRESOLVED)

    def _lone_given_name(self, head: Token, text: str) -> bool:
        """ "Dolores said ...": one capitalised word, the subject, that the first-name table
        knows and the article never writes in lower case (not "hope" the noun), is a given
        name the tagger took for a common noun at the start of a sentence."""
        return (
            " " not in text
            and head.dep_ in ("nsubj", "nsubjpass")
            and is_first_name(text)
            and re.search(rf"\b{re.escape(text.lower())}\b", self.text) is None
        )

    def _surname_office_holder(self, chain: list[Token], bare: list[Token]) -> str | None:
        """ "Senator Hale says ..." where the body names Sen. Margaret Hale and her chief of
        staff Daniel Hale: an office written before a bare surname is the body's holder of
        that office among the people bearing the surname (the office words must appear, in
        order, in a role the article gives that person: :func:`office_holders`). None when
        the chain has no office before a one-word name, or when not exactly one bearer of
        the surname holds it (the surname rules of :meth:`canonical` decide then)."""
        if len(bare) != 1 or bare[0].i == chain[0].i:
            return None
        people = self.bearers(bare[0].lower_)
        if len(people) < 2:
            return None
        titles = [t.text for t in chain if t.i < bare[0].i]
        holders = office_holders(titles, self.role_bearers) or []
        holding = [p for p in people if p in holders]
        return holding[0] if len(holding) == 1 else None

    def _office_holder(self, holders: list[str], written: str) -> Speaker:
        """The one holder of an office named without a name ("PM", "Home Secretary"), or
        an unresolved description (never one page for every article's PM, nor an
        organization page "Karnataka CM") when the article has none or several."""
        if len(holders) != 1:
            return Speaker(written, "person", how=UNRESOLVED)
        role = self.role_of.get(holders[0])
        return Speaker(holders[0], "person", role, DESCRIPTION_CERTAINTY, DESCRIBED)

    def _role_holder(self, head: Token, pos: int) -> Speaker | None:
        """ "Afghan Ambassador to the United States Hamdullah Mohib said": a role word
        (`head`) whose prepositional phrase ends in its holder's name, the parse having
        made the role the subject and the name an object; the holder, the role as written
        before the name, or None when the phrase holds no such name (`name_after_role`)."""
        if not is_role_word(head.text) or not any(
            c.dep_ == "prep" and c.i > head.i for c in head.children
        ):
            return None
        phrase = []  # up to a comma or a parenthesis: "..., who ..." is no part of it
        for tok in head.doc[head.left_edge.i : head.right_edge.i + 1]:
            if tok.i > head.i and tok.is_punct and tok.text != ".":
                break
            phrase.append(tok)
        if phrase[0].lower_ in DETERMINERS:
            phrase = phrase[1:]
        if not phrase or not is_proper(phrase[-1]):
            return None
        words = text_of(phrase).split()
        cut = name_after_role(words)
        if not cut:
            return None
        name, role = self.canonical(" ".join(words[cut:]), pos), " ".join(words[:cut])
        self.persons.add(name.lower())
        self._note_role(_normal(role), name)  # what a later "the ambassador" means
        self.role_of.setdefault(name, role)
        return Speaker(name, "person", role)

    def _named(self, name: str) -> Speaker:
        """A speaker named in the text; a surname the article gives to several people and
        does not decide between keeps a low certainty."""
        shared = len(name.split()) == 1 and len(self.bearers(name.lower())) > 1
        certainty = AMBIGUOUS_SURNAME_CERTAINTY if shared else 1.0
        kind = self.kind_of_name(name)
        if kind == "person" and self._organization_by_entity(name):
            kind = "organization"
        return Speaker(name, kind, self.role_of.get(name), certainty)

    def _not_a_body(self, low: str) -> bool:
        """Whether a capitalised name after "the" is a person's after all: a surname the
        article gives a person (`_a_persons_name`), or one word the article also writes
        in lower case, an epithet ("The Poet" where "the first great American poet" is
        written; "the Treasury", "the Kremlin" never are)."""
        if self._a_persons_name(low):
            return True
        return (
            " " not in low
            and low in self.text  # the cheap test first
            and re.search(rf"\b{re.escape(low)}\b", self.text) is not None
        )

    def _a_persons_name(self, low: str) -> bool:
        """Whether the article gives the last word of `low` to a person it names in full
        ("the Trump of the primaries" is Donald Trump's), or `low` is a title's person."""
        return low in self.persons or any(
            len(n.split()) > 1 and self.is_known_person(n)
            for n in self.by_last.get(low.split()[-1], {})
        )

    def _organization_by_entity(self, name: str) -> bool:
        """Whether a speaker's name typed a person only by its shape (two to four words, no
        given name, title or gender known: "United Nations", "Castell Steel") is, to
        spaCy's recogniser, wholly an organization or a place (ORG, GPE, NORP, FAC); then
        the article's later mentions of it are too. Asked only for such names, so the
        recogniser runs on a few phrases per article, not on the text."""
        low = name.lower()
        if len(low.split()) < 2 or self.is_known_person(name) or self._a_persons_name(low):
            return False
        if any(w in _DOCUMENTS for w in low.split()):
            return False  # "Clean Power Plan": a document, not who speaks
        found = entities(name)
        if len(found) == 1 and found[0][:2] == (0, len(name)) and found[0][2] in _BODIES:
            self.organizations.add(name.lower())
            return True
        return False

    def _pronoun(self, low: str, pos: int) -> Speaker:
        if self.interview is not None and (name := self.interview.speaker_of(low, pos)):
            return Speaker(name, "person", self.role_of.get(name), PRONOUN_CERTAINTY, PRONOUN)
        if low in MALE | FEMALE:
            gender = "m" if low in MALE else "f"
            name = self.recent(pos, ("person",), gender=gender)
            if name and self.interview and self.interview.place(pos) and (
                name == self.interview.interviewee or name in self.interview.announced
            ):
                # in the questions and answers the interviewee is "I" / "you", and with two
                # interviewees "she" may be either, or someone the answer tells of
                name = None
            if name:
                self.genders.setdefault(name.lower(), gender)
            return Speaker(
                name, "person", self.role_of.get(name or ""), PRONOUN_CERTAINTY, _pronoun_how(name)
            )
        if low in PLURAL | NEUTER:
            kinds = ("group", "organization") if low in PLURAL else ("organization",)
            name = self._last_speaker(pos, kinds)
            kind = self.kind_of_name(name) if name else "group" if low in PLURAL else "unknown"
            return Speaker(name, kind, None, PRONOUN_CERTAINTY, _pronoun_how(name))
        return Speaker(None, "unknown", how=UNRESOLVED)

    def pronoun_outside(self, head: Token, offset: int, spans: list[tuple[int, int]]) -> Speaker:
        """The person the "he" or "she" `head` (in a chunk at `offset`) refers to as the
        speaker of what `spans` (character offsets) say, when what is said opens with a
        person's name and the pronoun and cue follow it as an aside (`Brody, he added, "was
        never serious."`): said about that person, so never by them; otherwise as `resolve`."""
        pos = offset + head.idx
        before = _NAME_BEFORE_ASIDE.search(self.text, max(0, pos - 80), pos)
        if before is None or not any(s <= before.start() < e for s, e in spans):
            return self._pronoun(head.lower_, pos)
        surname = before.group(1).lower()
        self._excluded = frozenset(
            m.name for m in self.mentions if m.name.lower().split()[-1:] == [surname]
        )
        try:
            return self._pronoun(head.lower_, pos)
        finally:
            self._excluded = frozenset()

    def _last_speaker(self, pos: int, kinds: tuple[str, ...]) -> str | None:
        """ "The agency said ... It added": "it" and "they" continue the organization or
        group that spoke just before (within `SPEAKER_REACH`), never just any organization
        mentioned; measured on PolNeAR dev and GUM, those were mostly someone else."""
        last = next((m for m in reversed(self.speakers) if m.pos < pos), None)
        if last and last.kind in kinds and pos - last.pos < SPEAKER_REACH:
            return last.name
        return None


# A turn label opening a paragraph: "HELENA STRAND: ...", "Lund: ..." (a name's words).
_TURN_LABEL = re.compile(
    r"^[ \t]*([A-Z][\w'\u2019.-]*(?:[ \t][A-Z][\w'\u2019.-]*){0,3}):[ \t]", re.M
)
# A name and a comma right before a pronoun: `Brody, he added, "..."`.
_NAME_BEFORE_ASIDE = re.compile(r"\b([A-Z][\w'\u2019-]+)[ \t]*,[ \t]*$")
_QUOTATION = re.compile(r"\u201c[^\u201c\u201d]*\u201d?|\"[^\"\n]*\"?")


_BODIES = frozenset(["ORG", "GPE", "NORP", "FAC"])  # entity labels of no person


# A description the article keeps anonymous on purpose ("The aide, who asked not to be named,
# said"; "a source who spoke on condition of anonymity") names nobody the article names.
KEPT_ANONYMOUS = re.compile(
    r"anonymity|not (?:be )?(?:named|identified)|not authori[sz]ed|withheld"
    r"|declined to be (?:named|identified)|asked that (?:his|her|their) name",
    re.I,
)
_ASIDE_AFTER = re.compile(r"[ \t]*,[ \t]*(?:who|whose)\b[^,.;\n]{0,80}")


def _kept_anonymous(text: str, end: int) -> bool:
    """Whether the description ending at ``end`` is followed by an aside keeping its person
    anonymous (`KEPT_ANONYMOUS`: ", who asked not to be named,")."""
    aside = _ASIDE_AFTER.match(text, end)
    return aside is not None and KEPT_ANONYMOUS.search(aside.group(0)) is not None


def _quotations_in(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the quotations (`_QUOTATION`) of ``text[start:end]``, in order.
    They are the same as those found up to any offset within it, each cut there: a match
    depends only on the characters before its end, so a quotation that ``text[start:pos]``
    holds starts where one of these does (and runs on to ``pos`` when this one runs past)."""
    spans = [m.span() for m in _QUOTATION.finditer(text, start, end)]
    return [s for s, _ in spans], [e for _, e in spans]


def _inside(spans: tuple[list[int], list[int]], at: int) -> bool:
    """Whether offset ``at`` lies in one of ``spans`` (starts and ends, in order, apart)."""
    starts, ends = spans
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and at < ends[k]


def _before_party_tag(chain: list[Token]) -> list[Token]:
    """ "Marcia "Cia" Price (D-Newport News)": when `chain` is a party-and-place tag in
    parentheses ("D-", "R-", "I-"), the capitalised words (and quotation marks) right before
    the parenthesis; else []."""
    if len(chain) < 3 or chain[0].text not in ("D", "R", "I") or chain[1].text != "-":
        return []
    doc, i = chain[0].doc, chain[0].i - 1
    if i < 1 or doc[i].text != "(":
        return []
    words: list[Token] = []
    for tok in reversed(doc[:i]):
        if not (tok.text[:1].isupper() or tok.text in ('"', "\u201c", "\u201d", "''", "``")):
            break
        words.insert(0, tok)
    return words if any(t.text[:1].isupper() for t in words) else []


# Honorifics and peerage titles a person is named by ("Lord Pemberton", "Dame Ann Lowe").
NAMING_HONORIFICS = HONORIFIC_GENDERS.keys() | wordset("dr prof lord lady baroness baron")


def _appositive_person(head: Token) -> Token | None:
    """A person's full name in apposition to `head` ("The local MP, Ruth Adeyemi,", "The
    Health Secretary, Lord Pemberton,"): at least two words, the first a known first name
    or an honorific or peerage title (`NAMING_HONORIFICS`)."""
    for appos in head.children:
        chain = name_chain(appos) if appos.dep_ == "appos" else []
        if len(chain) > 1 and (
            is_first_name(chain[0].text) or chain[0].lower_.rstrip(".") in NAMING_HONORIFICS
        ):
            return appos
    return None


def _organization_shaped(name: str) -> bool:
    """A name of several words written as no person's is: a possessive inside it ("Lloyd's
    List", "the King's Fund") or an acronym among its words ("NHS England", "BBC Scotland");
    post-nominal letters ("David Ames KC") and initials ("J.") are not acronyms."""
    words = name.split()
    return (
        any(w.endswith(("'s", "\u2019s")) for w in words[:-1])
        or not name.isupper()
        and any(
            len(w) > 1 and w.isalpha() and w.isupper() and not is_post_nominal(w) for w in words
        )
    )


# "Kwame Osei, a farmer," / "Osei, the co-op's owner,": an appositive right after a name,
# up to the comma or full stop that closes it.
_APPOSITIVE = re.compile(r",[ \t]+((?:a|an|the)[ \t]+[^,.;:()\"“”\n]{2,60}?)(?=,|\.(?:\s|$)|;)")
# "Kwame Osei, who runs the co-op,": a relative clause saying what the person does.
_DOING = re.compile(
    r",[ \t]+who[ \t]+(?:also[ \t]+|now[ \t]+)?((?:runs|owns|heads|leads|chairs|directs|manages"
    r"|founded|co-founded|coaches|oversees|edits|hosts|organi[sz]es|coordinates|teaches"
    r"|is[ \t]+(?:a|an|the))\b[^,.;:()\"“”\n]{1,60}?)(?=,|\.(?:\s|$)|;)"
)
# Heads of appositives that describe a person ("a nurse", "the co-op's owner"); besides
# `PERSON_NOUNS` and the agent endings of `_PERSON_ENDING`.
DESCRIBED_PERSONS = wordset(
    """nurse chef cook clerk pilot guide monk nun priest poet student volunteer resident
    veteran widow widower teen teenager mother father son daughter sister brother coach
    midwife grandmother grandfather grandparent parent owner neighbour neighbor colleague
    friend pensioner retiree""")
_PERSON_ENDING = re.compile(r"(?:er|or|ist|ian|man|woman|person)$")
_ROLE_STOPS = frozenset(["of", "at", "for", "in", "with", "from", "on", "to", "who", "and"])


def described_role(text: str, end: int) -> str | None:
    """The role that an appositive or a relative clause right after a name ending at
    ``end`` gives its person: "Kwame Osei, a farmer," -> "a farmer"; "Kwame Osei, the
    co-op's owner," -> "the co-op's owner"; "Kwame Osei, who runs the co-op," -> "runs the
    co-op"; "..., who is a nurse at the clinic," -> "a nurse at the clinic"; "Frank Delgado, a
    retired teacher who taught there," -> "a retired teacher". None for any
    other continuation ("Osei, who was arrested in May,"; "Brenna, a city of 40,000,";
    "Tilbury Freight, the haulage operator,"):
    the appositive's head noun (the word before any "of", "at" ...) must name a person, a
    relative clause must say what the person does."""
    if (doing := _DOING.match(text, end)) is not None:
        role = doing.group(1)
        return re.sub(r"^is[ \t]+", "", role)
    if (appos := _APPOSITIVE.match(text, end)) is None:
        return None
    words = appos.group(1).split()
    head = next((i for i, w in enumerate(words) if w in _ROLE_STOPS and i > 1), len(words))
    if not _describes_person(words[head - 1].lower()):
        return None
    # "a retired teacher who taught there for 30 years": the role ends at its relative clause
    return re.split(r"[ \t]+(?:who|whose|whom|which|that)\b", appos.group(1))[0]


def _describes_person(noun: str) -> bool:
    """Whether an appositive's head noun describes a person ("farmer", "nurse", "owner",
    "spokesman"), not a company ("operator", "maker") or a thing ("city")."""
    if not noun.isalpha() or noun in THING_WORDS | (ORG_APPOSITIVE_NOUNS - {"owner"}):
        return False  # "Tilbury Freight, the haulage operator,": a company
    return noun in PERSON_NOUNS | DESCRIBED_PERSONS or _PERSON_ENDING.search(noun) is not None


def _hyphen_end(tok: Token) -> Token:
    """The last part of a hyphenated word the parser split into parts ("vice", "-",
    "president" -> "president"), which names what the word is; `tok` itself otherwise."""
    doc, i = tok.doc, tok.i
    while (
        i + 2 < len(doc)
        and not doc[i].whitespace_
        and doc[i + 1].text == "-"
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
    ):
        i += 2
    return doc[i]


def _role_phrase(tok: Token) -> list[Token]:
    """The noun phrase of a role headed by `tok`, through the end of a hyphenated word the
    parser split ("The vice-president of the club": the parse hangs "president of the
    club" on "vice" as an apposition)."""
    first, end = np_tokens(tok), _hyphen_end(tok)
    if end.i == tok.i:
        return first
    last = max(first[-1].i, np_tokens(end)[-1].i)
    return list(tok.doc[first[0].i : last + 1])


def _occupation_before_name(noun: Token, bare: list[Token]) -> bool:
    """Whether a lower-case noun written right before a person's name, a given name and a
    surname ("deckhand Tomas Lind", "pharmacist Sofia Lindgren", "local resident Shaz
    Kearney"), is that person's occupation or standing: a singular common noun the parse
    makes part of the name's phrase, an English noun (`english_words`), describing a person
    (`_describes_person`) or, when the name opens with a given name (`names.is_first_name`),
    any such noun but a thing's or a body's ("ferry", "operator")."""
    if noun.tag_ != "NN" or noun.dep_ != "compound" or not noun.text[:1].islower():
        return False
    if len(bare) < 2 or not bare[-1].text[:1].isupper():
        return False
    low = noun.lower_
    if low in THING_WORDS | ORG_APPOSITIVE_NOUNS or not low.isalpha() or not is_english_word(low):
        return False  # "satisfy Bernie Sanders": a verb the tagger took for a noun
    return _describes_person(low) or is_first_name(bare[0].text)


def _may_be_called(name: str, noun: str) -> bool:
    """Whether "the <noun>" may stand for the organization ``name`` that spoke just
    before: not when one is a public body and the other a company or a group ("the firm"
    is not the "Maritime Safety Authority", "the ministry" not "Halvern Pharmaceuticals",
    "the group" not the "Interior Ministry"); "the union" may be the "Association of Flight
    Attendants" and "the agency" the "Congressional Budget Office"."""
    words = set(name.lower().split())
    if noun in words:
        return True
    if noun in COMPANY_NOUNS | GROUP_NOUNS:
        return not words & STATE_WORDS
    return not (noun in STATE_WORDS and words & COMPANY_WORDS)


def _publisher(head: Token) -> Token | None:
    """The named publisher of figures given as a source: "figures published by NHS
    England", "data released by the Office for National Statistics" (the head of the name
    after a publishing participle's "by"); else None. "A study by X", "research conducted by
    X" stay descriptions: on PolNeAR dev their annotated source is the document itself."""
    for child in head.children:
        if child.dep_ != "acl" or child.lower_ not in PUBLISHING_VERBS:
            continue
        for agent in child.children:
            if agent.dep_ != "agent" or agent.lower_ != "by":
                continue
            for obj in agent.children:
                if obj.dep_ == "pobj" and name_chain(obj):
                    return obj
    return None


def _names_a_role(chain: list[Token]) -> bool:
    """Whether a capitalised `chain` before an apposition is a role rather than a name:
    one word ("The local MP"), or words none of which is a given name ("The Health
    Secretary", "The Chief Constable"); "Adam Kowalski" is a name."""
    return len(chain) == 1 or (bool(chain) and not any(is_first_name(t.text) for t in chain))


def _capitalised_office(role: Token, chain: list[Token]) -> bool:
    """ "The Prime Minister of Lirvania, Tomas Vale": `role` heads an office written
    capitalised (a title or person noun, no given name in it) in apposition to the full
    name `chain` opening with a given name."""
    words = name_chain(role) or [role]
    return (
        role.lower_ in TITLES | PERSON_NOUNS
        and _names_a_role(words)
        and len(chain) > 1
        and is_first_name(chain[0].text)
    )


def _appended_person(head: Token) -> Token | None:
    """The person named after "a spokesman for Brant," whose name the parse attached to the
    object ("Brant") instead of to "spokesman": an apposition of the role's prepositional
    object that starts with a known first name and ends the phrase."""
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for appos in obj.children:
                chain = name_chain(appos) if appos.dep_ == "appos" else []
                if len(chain) > 1 and is_first_name(chain[0].text):
                    return appos
    return None


def _trailing_titles(head: Token, conjuncts: list[Token]) -> str | None:
    """ "Marcus Feld, President and CEO": the titles coordinated after a name, set off from it
    by a comma, as one role as written ("President and CEO"); None when any conjunct is a
    name ("Marcus Feld, Anna Lowe and Ian Roe")."""
    first = conjuncts[0]
    if first.i < 1 or first.doc[first.i - 1].text != "," or not name_chain(head):
        return None
    if not all(_only_titles(text_of(name_chain(c)).split()) for c in conjuncts):
        return None
    return _role_text(list(first.doc[first.i : conjuncts[-1].i + 1]))


def _only_titles(words: list[str]) -> bool:
    """ "Judge", "Retired General", "The Republican": titles without a name are a description.
    The last word must be a personal title or a party label ("United States" stays a name,
    though nameparser lists "united" and "states" as title words)."""
    last = words[-1].lower() if words else ""
    personal = last in TITLES | PERSON_NOUNS | PARTY_LABELS or last.rstrip(".") in ("del", "gen")
    return personal and all(is_descriptor(w) or w.lower() in TITLES for w in words)


def _main_subject(tok: Token) -> bool:
    """The subject of its sentence's main clause ("Earnest said that Obama ...": Earnest,
    not Obama): main-clause subjects are what a following "he" most often continues. A name
    in apposition to the subject is that subject ("Hart's brother, assistant coach Liam Hart,
    was more diplomatic"), and so is the subject of a narrating clause set before its
    sentence's reporting verb by a colon ("The group leader, Zoe Byrne, was less certain:
    she said ...")."""
    while tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ccomp" and narrated_before_colon(verb):
        return True
    return verb.dep_ == "ROOT"


def _object_after_subject(text: str, before: list[Mention], pos: int, possessor: bool) -> bool:
    """In text the parser did not see, whether the name at `pos` is the object of a verb
    whose subject is the name just before it (the last of `before`), with only a few
    lower-case words between ("Health Secretary Anne Porter met union leader Claire Dunn",
    `_VERB_TO_OBJECT`): what `_main_object` finds in parsed text. A possessor ("Dunn's
    union") is no object."""
    if possessor or not before or not before[-1].subject:
        return False
    last = before[-1]
    between = text[last.pos + len(last.name) : pos]
    words = between.split()
    return (
        _VERB_TO_OBJECT.fullmatch(between) is not None
        and words[0] not in _NOT_VERBS
        and not _NOT_VERBS & set(words[1:])
    )


def _main_object(tok: Token) -> bool:
    """The direct object of its sentence's main verb ("Walsh sacked manager Tony Briggs",
    "Porter met union leader Claire Dunn"), or a name in apposition to it."""
    while tok.dep_ in ("appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.dep_ == "ROOT"


def _all_capitalised(text: str) -> bool:
    return all(w[:1].isupper() or w in _LINKS for w in text.split())


def _pronoun_how(name: str | None) -> str:
    return PRONOUN if name else UNRESOLVED


# Capitalised runs; a word ending a sentence ("Schools.") ends the run.
_ABBREVIATED = r"(?:(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Jr|St))\.|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen))\.)?"
# Space inside a name: never a blank line ("Noam Chomsky\n\nSaturday, April 4" is a title
# and a date, not one name).
_NAME_SPACE = r"(?:[ \t\xa0]|\n(?![ \t\xa0]*\n))+"
_CAPITALISED = re.compile(
    r"\b[A-Z][\w\u2019'-]*(?:\.(?=\s+[a-z])|"
    + _ABBREVIATED[3:]
    + rf"(?:{_NAME_SPACE}(?:of{_NAME_SPACE})?[A-Z][\w\u2019'-]*"
    + _ABBREVIATED
    + ")*"
)
_NOT_NAMES = (
    wordset(
        """the a an in on at but and or he she it they we i you this that these those his
        her their its our my when while after before if as for with from by to of then
        there here what who why how mr. mrs. ms. dr."""
    )
    | WEEKDAYS
    | MONTHS
)


# A name written as a place: after a preposition of place or movement, or before a noun
# it modifies ("Charlotte officials", "Charlotte-Mecklenburg").
# An opening noun phrase and the describing words of an appositive: "Hart's brother, Ashby
# assistant coach " before the name that closes it.
_OPENING_APPOSITION = re.compile(r"[^,.;:!?\"\u201c\u201d]{2,60}, [^,.;:!?\"\u201c\u201d]{0,60}")


def _appositive_to_opening(text: str, start: int, pos: int, end: int) -> bool:
    """ "Hart's brother, Ashby assistant coach Liam Hart, was more diplomatic": the name at
    `pos` (ending at `end`) in unparsed text from `start` closes an appositive to the noun
    phrase opening its sentence, so it names the sentence's subject, the person a following
    "he" continues."""
    opening = max(start, text.rfind(". ", start, pos) + 2, text.rfind("\n", start, pos) + 1)
    return text[end : end + 1] == "," and bool(_OPENING_APPOSITION.fullmatch(text, opening, pos))


def _role_opening(text: str, start: int, pos: int) -> bool:
    """ "Company chairman Neil Roth disputed that account": the name at `pos` in unparsed
    text from `start` follows only the role words opening its sentence (capitalised words,
    then lower-case person nouns or titles: "Union leader", "Acme chief executive"), so it
    names the sentence's subject, the person a following "he said" continues."""
    opening = max(start, *(text.rfind(c, start, pos) + 1 for c in ".!?\n"))
    words = text[opening:pos].strip(" \t\"'\u201c\u201d\u2018\u2019").split()
    roles = PERSON_NOUNS | TITLES | TENURE_WORDS
    return (
        1 < len(words) <= 4
        and words[0][:1].isupper()
        and (words[-1].lower() in roles or words[-1].islower() and _describes_person(words[-1]))
        and all(w[:1].isupper() or w in roles for w in words[:-1])
    )


_AS_PLACE = (
    r"\b(?:in|at|from|to|near|across|outside|visit|visited|visiting)\s+{0}\b"
    r"|\b{0}(?:-[A-Z]|\s+(?:officials|police|residents|officers|city|area|county))"
)


# Words that make an office another one than its head noun says: "the minister" is never the
# prime minister, "the president" never the vice president, "the governor" never the deputy.
_OTHER_OFFICE_MODIFIERS = wordset("prime first vice deputy lieutenant")


def _another_office(role: str) -> bool:
    """ "prime minister", "the vice president": a normalised role whose head noun alone
    names another office (`_OTHER_OFFICE_MODIFIERS` right before the head)."""
    words = role.split()
    head = role_head(role)
    k = words.index(head) if head in words else 0
    return k > 0 and words[k - 1] in _OTHER_OFFICE_MODIFIERS


def role_head(role: str) -> str:
    """ "spokesperson for the interior ministry" -> "spokesperson": the noun before any
    prepositional phrase is what "the spokesperson" (not "the ministry") refers back to."""
    words = []
    for word in role.split():
        if word in _ROLE_PREPOSITIONS:
            break
        words.append(word)
    return words[-1] if words else ""


# Documents "it" may mean instead of the body that wrote them (`_subject_body`).
_DOCUMENTS = THING_WORDS | wordset(
    """report statement study survey poll article paper document letter memo ruling
    decision order proposal measure legislation"""
)
_LINKS = NAME_LINKS | {"the", "and"}  # "Ministry of the Interior" is a name
_ROLE_PREPOSITIONS = frozenset(["of", "for", "at", "to", "in", "with", "from", "on", "and"])


def _surname(name: str) -> str:
    return name.lower().split()[-1] if name.split() else ""


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _without_place_prefix(name: str) -> str:
    """ "NSW Rural Fire Service" -> "Rural Fire Service": an organization's name without
    the initials of the state or country it serves written before it ("US", "UK", "NSW":
    a word in capitals before a capitalised word), which its own initials ("RFS") leave
    out; `name` itself when it has no such prefix."""
    words = name.split()
    prefixed = len(words) > 2 and words[0].isupper() and words[0].isalpha()
    return " ".join(words[1:]) if prefixed and words[1].istitle() else name


def _chains(doc: Doc) -> list[list[Token]]:
    """Every maximal proper-name run of a parsed chunk, once."""
    out = []
    for tok in doc:
        if tok.tag_ in ("NNP", "NNPS", "CD") and ends_name_run(tok):
            chain = name_chain(tok)
            if chain and chain[-1].i == tok.i:
                out.append(chain)
    return out


def _datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines opening paragraphs ("BRENNA, Sept 3 (CPA) - ")."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        if dateline := DATELINE.match(line.group()):
            spans.append((line.start(), line.start() + dateline.end()))
    return spans


# A photo credit names the photographer, never a speaker: "Image: Mathias Krumbholz.",
# "Photo: Lena Marsh", "Getty Images Lena Marsh", "(AP Photo/Lena Marsh)"; a byline too.
_CREDIT = re.compile(  # within one line: "..., per Reuters" ending a headline is no credit
    r"\b(?:(?i:image|photo|photograph|picture|credit|photo credit|file photo)[^\S\n]*[:;]"
    r"|(?:Getty Images|AP Photo|(?:The )?Canadian Press|Reuters|AFP)[^\S\n]*/?)"
    r"[^\S\n]*[A-Z][\w.\u2019'-]*(?:[^\S\n]+[A-Z][\w.\u2019'-]*){0,3}"
    r"|^By\s+[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){1,3}\s*$",
    re.MULTILINE,
)


def _named_by_surname(text: str, name: str) -> bool:
    """Whether the article also writes the last word of ``name`` alone, as a person's
    surname is ("Wikinews interviews Marymegan Daly" ... "Daly explained"): neither after
    nor before another capitalised word in the same sentence ("Marymegan Daly", "Daly
    Road")."""
    surname = name.split()[-1]
    for match in re.finditer(rf"\b{re.escape(surname)}\b(?![\w'’-]| [A-Z])", text):
        before = text[max(0, match.start() - 40) : match.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1].endswith((".", ":")):
            return True
    return False


def _credits(text: str) -> list[tuple[int, int]]:
    """Character spans of photo credits and bylines ("Image: Mathias Krumbholz")."""
    return [m.span() for m in _CREDIT.finditer(text)]


def _gaps(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for start, end in sorted(covered):
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        gaps.append((pos, len(text)))
    return gaps


def _without_titles(chain: list[Token]) -> list[Token]:
    """ "Defence Minister Andrii Vedmid" -> "Andrii Vedmid"; "Secretary of State X" -> "X".

    Worked out once per chain of a doc (the index asks for each chain about ten times) and
    kept in the doc's `user_data`; the caller gets its own list."""
    if not chain:
        return _titles_cut(chain)
    known = chain[0].doc.user_data.setdefault(_BARE, {})
    key = tuple(t.i for t in chain)
    if key not in known:
        known[key] = _titles_cut(chain)
    return list(known[key])


_BARE = "quotetrail_without_titles"  # doc.user_data key: chain token indices -> bare name


def _titles_cut(chain: list[Token]) -> list[Token]:
    """`_without_titles`, worked out."""
    toks = _after_long_role(list(chain))
    last = -1
    for i, tok in enumerate(toks[:-1]):
        if _is_title(tok.text, toks[i + 1].text) or (
            tok.lower_ == "general" and i > 0 and toks[i - 1].lower_ in GENERAL_TITLES
        ):
            last = i
        elif 0 < i < len(toks) - 2 and tok.text == "-" and _hyphenated_title(toks[i - 1 : i + 2]):
            last = i + 1  # "Secretary-General António Guterres": one title
        elif tok.lower_ == "of" and i - 1 == last and i + 2 < len(toks):
            last = i + 1
    toks = toks[last + 1 :]
    if kept := _without_place([t.text for t in toks], titled=last >= 0):
        # "Elijah Cummings of Maryland", "Professor Hurst of Imperial College"
        toks = toks[:kept]
    while toks and toks[-1].lower_ in ("'s", "’s", "'", "’"):
        toks.pop()
    while len(toks) > 1 and is_post_nominal(toks[-1].text):  # "David Ames KC": the role's
        toks.pop()
    words = text_of(toks).split()  # "Park Geun-hye" is two words, whatever its tokens
    if _may_cut(words):  # "Republican Donald Trump": the label is a role
        starts = [t for t in toks if t.i == toks[0].i or t.nbor(-1).whitespace_]
        toks = [t for t in toks if t.i >= starts[descriptor_length(words)].i]
    return toks


def _is_title(word: str, following: str) -> bool:
    """Whether `word`, written before `following`, is a title: one of `TITLES` ("Mayor",
    "Sen."), or a capitalised abbreviation before a name (`lexicon.WRITTEN_TITLES`: "MP
    Allegra Spender", "Det Insp Sarah Khan"); not before an English word ("TD Bank", "PC
    World": a company) unless it is a given name ("MP Mark Field")."""
    return word.lower() in TITLES or (
        word in lexicon.WRITTEN_TITLES
        and following[:1].isupper()
        and (is_first_name(following) or not is_english_word(following))
    )


def _title_end(words: list[str]) -> int:
    """How many leading `words` of a written name are its titles and the capitalised words
    that qualify them ("Independent MP Allegra Spender" -> 2, "BJP MLA Munirathna" -> 2,
    "Sen. Kristen Gillibrand" -> 1, "Kristen Gillibrand" -> 0); the last word always stays."""
    end = 0
    for i, word in enumerate(words[:-1]):
        if not word[:1].isupper():
            break
        if _is_title(word, words[i + 1]):
            end = i + 1
    return end


def _hyphenated_title(toks: list[Token]) -> bool:
    """ "Secretary - General", "President - elect": three tokens that write one title."""
    first, _, second = (t.lower_ for t in toks)
    return f"{first}-{second}" in HYPHENATED_TITLES or (
        second in ("elect", "designate") and first.rstrip(".") in TITLES | PERSON_NOUNS
    )


def _after_long_role(toks: list[Token]) -> list[Token]:
    """The name closing a run that starts with a long role ("Minister of State for Trade
    Greg Hands" -> "Greg Hands", `names.name_after_role`), or that ends one begun before
    it ("United States Hamdullah Mohib" after "Afghan Ambassador to the"); the run itself
    otherwise."""
    if not toks:
        return toks
    run = _with_role_before(toks)
    words = text_of(run).split()
    if len(words) < 4 or not any(w.lower() in _ROLE_PREPOSITIONS for w in words):
        return toks
    cut = name_after_role(words)
    starts = [t for t in run if t.i == run[0].i or t.nbor(-1).whitespace_]
    if not cut or cut >= len(starts) or starts[cut].i < toks[0].i:
        return toks
    return [t for t in toks if t.i >= starts[cut].i]


def _with_role_before(toks: list[Token]) -> list[Token]:
    """`toks` with the capitalised role and link word written before it ("Afghan
    Ambassador to the" before "United States Hamdullah Mohib"), if any."""
    doc, j = toks[0].doc, toks[0].i - 1
    j -= j >= 0 and doc[j].lower_ == "the"
    role = name_chain(doc[j - 1]) if j >= 1 and doc[j].lower_ in _ROLE_PREPOSITIONS else []
    return [doc[k] for k in range(role[0].i, toks[0].i)] + toks if role else toks


def _body_after_the(chain: list[Token], bare: list[Token]) -> bool:
    """ "the Treasury", "The United Nations", "the White House": a proper name after "the",
    with no title, no given name and no plural ("the Clintons"), names an organization or
    a place, never a person."""
    if not bare or bare[0].i != chain[0].i or chain[0].i == 0:
        return False
    if chain[0].nbor(-1).lower_ != "the" or len(bare) == 1 and bare[0].tag_ == "NNPS":
        return False
    if any(t.lower_ in _DOCUMENTS for t in bare):
        return False  # "the Clean Power Plan": a document, which "it" may also mean
    return not any(
        (is_first_name(t.text) and not is_descriptor(t.text)) or t.lower_ in TITLES for t in bare
    )


def _with_party(speaker: Speaker, head: Token) -> Speaker:
    """`speaker` with the party tag written in apposition to `head` ("Fielding, R-Ohio,
    told": "R-Ohio") added to its role."""
    tags = [_appositive_tag(c) for c in head.children if c.dep_ == "appos"]
    for tag in [t for t in tags if t] or [_following_tag(head)]:
        if tag:
            speaker.role = _joined_role(speaker.role, tag)
            if speaker.kind == "unknown" and speaker.name:
                speaker.kind = "person"  # a party's member: "Grassley, R-Iowa"
    return speaker


_FOLLOWING_TAG = re.compile(r"[ \t]*(?:,[ \t]*)?(\([^()\n]{1,24}\)|[DRI]-[A-Z][\w. ]{0,20})")


def _following_tag(head: Token) -> str | None:
    """A party tag written right after the name `head` ends, however the parse hung it
    ("said Sen. Bernie Sanders, I-Vt."), else None."""
    end = head.idx + len(head.text)
    text = doc_text(head.doc)
    match = _FOLLOWING_TAG.match(text, end)
    if match is None:
        return None
    written = match.group(1)
    after = text[match.end(1) : match.end(1) + 1]
    for cut in range(len(written), 2, -1):  # the longest tag ending a phrase ("D-Day
        ends = (written + after)[cut : cut + 1] in ("", ",", ";", ".", ")", "\n")  # veteran")
        if ends and (tag := party_tag(written[:cut])) is not None:
            return tag
    return None


def _describes_body(noun: str, name: list[Token]) -> bool:
    """Whether an organisation noun (`ORG_APPOSITIVE_NOUNS`, lower case) describing the
    name `name` (its tokens, titles left out) makes it an organisation's: always, unless a
    person holds the noun as often as a body (`PERSON_OR_BODY_NOUNS`) and the name is a
    person's shape, a given name and a surname ("The shop owner, Martin Holt": a person;
    "Port operator Maasgroep": a body)."""
    if noun not in PERSON_OR_BODY_NOUNS:
        return True
    return not (len(name) >= 2 and is_first_name(name[0].text) and name[-1].text[:1].isupper())


def _appositive_tag(appos: Token) -> str | None:
    """The party tag an apposition is ("R-Ohio", "(Lab)", "a Democrat"), else None."""
    phrase = np_tokens(appos)
    doc = appos.doc
    first, last = phrase[0].i, phrase[-1].i
    if first > 0 and last + 1 < len(doc) and (doc[first - 1].text, doc[last + 1].text) == (
        "(",
        ")",
    ):
        return party_tag(f"({text_of(phrase)})")
    return party_tag(text_of(phrase))


def _joined_role(role: str | None, tag: str | None) -> str | None:
    """A role and a party tag as one role ("sen., R-Ohio"), either alone when the other is
    missing."""
    if not tag or (role and tag in role):
        return role
    return f"{role}, {tag}" if role else tag


def _may_cut(words: list[str]) -> bool:
    """Only a person's name loses leading descriptors ("Justice Department" stays whole):
    a run without organization words, or one whose descriptors end in a person's name of two
    or three words starting with a first name ("Senate Majority Leader Mitch McConnell",
    "White House Press Secretary Josh Earnest")."""
    low = [w.lower() for w in words]
    if len(words) < 2:
        return False
    if not any(w in ORG_WORDS or w in GROUP_WORDS for w in low):
        return True
    cut = descriptor_length(words)
    rest = low[cut:]
    return cut > 0 and 2 <= len(rest) <= 3 and not any(w in ORG_WORDS | GROUP_WORDS for w in rest)


def _without_place(words: list[str], titled: bool = False) -> int:
    """How many leading `words` are a person's name followed by "of"/"for" and a place or
    employer ("Elijah Cummings of Maryland", "Cameron Easley for Morning Consult" -> 2);
    0 when the run is not such a name ("Bank of America", "Duke of Edinburgh"). After a
    personal title (`titled`) a surname alone is such a name ("Professor Hurst of Imperial
    College" -> 1)."""
    for i, word in enumerate(words):
        if word.lower() in ("of", "for"):
            name = words[:i]
            if titled and len(name) == 1 and name[0][:1].isupper() and i + 1 < len(words):
                return 1 if words[i + 1][:1].isupper() else 0
            if (
                2 <= len(name) <= 4
                and is_first_name(name[0])
                and not any(w.lower() in ORG_WORDS | GROUP_WORDS for w in name)
                and not _only_titles(name)
            ):
                return i
            return 0
    return 0


def _title_gender(chain: list[Token], bare: list[Token]) -> str | None:
    """ "Mrs. Clinton" -> "f": the gender a title right before the bare name gives."""
    if not bare or bare[0].i == chain[0].i:
        return None
    return HONORIFIC_GENDERS.get(bare[0].nbor(-1).lower_.rstrip("."))


def _reported_self_gender(head: Token) -> str | None:
    """ "Brandt said he disagreed with his wife" -> "m": the gender of the he/she that is
    the subject of the clause reported by the verb `head` is the subject of. Writers use
    it for the speaker; it tells which of two bearers of a surname spoke (Tom Brandt, not
    Sheila Brandt). None when `head` is no verb's subject or the clause has no such
    pronoun."""
    if head.dep_ != "nsubj" or not head.head.tag_.startswith("VB"):
        return None
    for clause in head.head.children:
        if clause.dep_ != "ccomp":
            continue
        for subject in clause.children:
            if subject.dep_ == "nsubj" and subject.lower_ in ("he", "she"):
                return "m" if subject.lower_ == "he" else "f"
    return None


def _role_text(tokens: list[Token]) -> str:
    """A role as written, a determiner lower-cased; an organisation's possessive before
    the role written after it ("Castell Steel's chief executive" -> "chief executive of
    Castell Steel", as "the chief executive" later refers back to it)."""
    if (owned := _owned_role(tokens)) is not None:
        return owned
    while tokens and tokens[0].i > 1 and not tokens[0].doc[tokens[0].i - 2].whitespace_:
        before = tokens[0].doc[tokens[0].i - 2 : tokens[0].i]
        if before[1].text != "-" or before[1].whitespace_:
            break
        tokens = [*before, *tokens]  # "co-op's owner": the parser's "co", "-", "op" are one
    text = text_of(tokens)
    if tokens and tokens[0].lower_ in DETERMINERS:
        text = text[:1].lower() + text[1:]
    return text


def _with_owner(role: list[Token]) -> list[Token]:
    """`role` with the possessive proper name written right before it ("Castell Steel's"
    before "chief executive"), if any."""
    i = role[0].i
    if i < 2 or role[0].doc[i - 1].tag_ != "POS" or not (owner := name_chain(role[0].doc[i - 2])):
        return role
    return [*owner, role[0].doc[i - 1], *role]


def _owned_role(tokens: list[Token]) -> str | None:
    """ "Castell Steel's chief executive", "Halvern Pharmaceuticals' head of research" ->
    "chief executive of Castell Steel", ...: a proper name, its possessive mark, then a
    role in lower case; None for any other phrase ("the union's general secretary")."""
    mark = next((k for k, t in enumerate(tokens) if t.tag_ == "POS"), None)
    if mark is None or mark == 0 or mark + 1 >= len(tokens):
        return None
    owner, role = tokens[:mark], tokens[mark + 1 :]
    if owner[0].lower_ == "the":
        owner = owner[1:]
    if not owner or not all(is_proper(t) or t.lower_ in NAME_LINKS for t in owner):
        return None
    if not (role[0].text[:1].islower() or role[0].text.isupper()) or not any(
        t.tag_.startswith("NN") for t in role
    ):
        return None  # a role in lower case or an acronym ("Acme's CEO")
    link = "at" if any(t.lower_ == "of" for t in role) else "of"  # "head of research at X"
    return f"{text_of(role)} {link} {text_of(owner)}"


def _strip_det(tokens: list[Token]) -> str:
    if len(tokens) > 1 and tokens[0].lower_ in DETERMINERS:
        return text_of(tokens[1:])
    return text_of(tokens)


def _occupation_noun(tok: Token) -> bool:
    """A lower-case common noun with an occupation's ending ("driver", "pharmacist",
    `lexicon.OCCUPATION_ENDINGS`), as written before a person's name."""
    return (
        tok.tag_ == "NN"
        and tok.text.islower()
        and len(tok.text) > 4
        and tok.lower_.endswith(lexicon.OCCUPATION_ENDINGS)
    )


def _across_quotation(first: Token, second: Token) -> bool:
    """Whether a quotation mark stands between two tokens of one sentence."""
    return any(t.is_quote for t in first.doc[min(first.i, second.i) : max(first.i, second.i)])


def _role_word(word: str) -> str:
    """A capitalised word of a role as a role writes it: lower case, but an acronym keeps its
    capitals ("AAP MLA", "NSW premier"; "Minister" -> "minister")."""
    bare = word.rstrip(".")
    return word if len(bare) > 1 and bare.isupper() else word.lower()


def _normal(role: str) -> str:
    """A role as the article's roles are keyed: lower case, no determiner, abbreviated titles
    written out ("the Sen." and "Senator" -> "senator": `lexicon.TITLE_WORDS`)."""
    words = role.lower().replace("\u2019", "'").split()
    while words and words[0] in DETERMINERS:
        words.pop(0)
    return " ".join(lexicon.TITLE_WORDS.get(w.rstrip("."), w) for w in words)


def _written_form(name: str) -> tuple[int, bool]:
    """How well `name` is written, for choosing among its spellings: more capitalised words
    first ("Hillary Clinton" over "hillary Clinton"), then not in capitals ("Tom Bexley"
    over a transcript's "TOM BEXLEY")."""
    return sum(w[:1].isupper() for w in name.split()), not name.isupper()
