"""In-article speaker resolution: "he", "Yusov", "The ministry" -> the fullest name used.

Everything is article-local: proper-name runs give the canonical (fullest) names, appositions
give roles ("A spokesperson for ..., Andriy Yusov"), and pronouns or definite descriptions
take the most recent compatible subject mention. No world knowledge, no NER.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from indexer import lexicon
from indexer.extract.tokens import (
    DETERMINERS,
    NAME_LINKS,
    is_proper,
    name_chain,
    np_tokens,
    text_of,
)
from indexer.lexicon import ORG_NOUNS, wordset

# Titles as running text writes them: lowercase, abbreviations also with their period.
TITLES = (
    lexicon.TITLES
    | lexicon.EXTRACT_TITLES
    | frozenset(f"{title}." for title in lexicon.ABBREVIATED_TITLES)
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
    man woman father mother wife husband"""
)
ANONYMOUS = wordset(
    """source sources officials people experts analysts critics observers insiders aides
    residents witnesses voters supporters others someone many some"""
)
GROUP_NOUNS = frozenset(["group", "groups", "legion", "battalion", "militia", "coalition"])
THING_WORDS = wordset(
    """amendment act bill law plan program project report policy deal agreement treaty war
    day election street avenue road river county city state states island america
    americans"""
)
GENERAL_TITLES = frozenset(["attorney", "surgeon", "inspector", "solicitor", "postmaster"])
GENDERED_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
PLURAL = frozenset(["they", "them", "their"])
NEUTER = frozenset(["it", "its"])
PRONOUN_CERTAINTY = 0.9
DESCRIPTION_CERTAINTY = 0.85  # "the minister", "the group": a guess from the context
TITLE_REACH = 800  # characters: "the minister said" right after a quote by the minister
LOOKBACK = 60  # mentions searched backwards for a pronoun or definite description


@dataclass
class Mention:
    pos: int
    name: str
    kind: str
    subject: bool


@dataclass
class Speaker:
    name: str | None
    kind: str = "unknown"
    role: str | None = None
    certainty: float = 1.0  # below 1 when the name was inferred (pronoun, description)


@dataclass
class SpeakerIndex:
    """Names, roles and mentions of one article, built from its parsed chunks."""

    names: dict[str, str] = field(default_factory=dict)  # lower full name -> best casing
    by_last: dict[str, dict[str, int]] = field(default_factory=dict)  # surname -> name -> pos
    roles: dict[str, str] = field(default_factory=dict)  # normalised role -> name
    role_of: dict[str, str] = field(default_factory=dict)  # name -> role as written
    mentions: list[Mention] = field(default_factory=list)
    persons: set[str] = field(default_factory=set)  # names seen with a personal title
    genders: dict[str, str] = field(default_factory=dict)  # surname -> "m" / "f"
    _initials: dict[str, set[str]] = field(default_factory=dict)
    _first_words: dict[str, set[str]] = field(default_factory=dict)
    _short_forms_size: int = -1
    speakers: list[Mention] = field(default_factory=list)
    _sorted: bool = False
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, docs: list[tuple[int, Doc]], text: str = "") -> SpeakerIndex:
        """Index parsed chunks, plus capitalised names in the unparsed rest of `text`."""
        index = cls()
        unparsed = _gaps(text, [(o, o + len(d.text)) for o, d in docs])
        for start, end in unparsed:
            for match in _CAPITALISED.finditer(text, start, end):
                words = match.group().split()
                title = None
                while words and (
                    words[0].lower() in _NOT_NAMES
                    or (words[0].lower() in TITLES | GENERAL_TITLES and len(words) > 1)
                    or (words[0] == "General" and len(words) > 2)
                ):
                    title = words.pop(0).lower().rstrip(".")
                end = match.end()
                if words and words[-1][-2:] in ("'s", "\u2019s"):  # "Obama's" names Obama
                    words[-1] = words[-1][:-2]
                    end -= 2
                if words and (len(words) > 1 or len(words[0]) > 3):
                    pos = end - len(" ".join(words))
                    index._add_name(pos, " ".join(words))
                    if title in TITLES or f"{title}." in TITLES:
                        index._titled_person(" ".join(words), title)
                    subject = pos == start or text[pos - 2 : pos].strip() in (".", "")
                    index.mentions.append(Mention(pos, " ".join(words), "", subject))
        chains = [(offset, chain) for offset, doc in docs for chain in _chains(doc)]
        for offset, chain in chains:
            bare = _without_titles(chain)
            if bare:
                index._add_name(offset + bare[0].idx, text_of(bare))
                if len(bare) < len(chain):
                    title = chain[len(chain) - len(bare) - 1].lower_.rstrip(".")
                    index._titled_person(text_of(bare), title)
        for mention in index.mentions:
            mention.name = index.canonical(mention.name, mention.pos)
            mention.kind = index.kind_of_name(mention.name)
        for offset, chain in chains:
            bare = _without_titles(chain)
            if bare:
                end = chain[-1]
                name = index.canonical(text_of(bare), offset + end.idx)
                subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in chain)
                index.mentions.append(
                    Mention(offset + end.idx, name, index.kind_of_name(name), subject)
                )
            index._add_title_role(chain, offset)
        for offset, doc in docs:
            subjects: dict[int, list[Token]] = {}
            for tok in doc:
                if tok.dep_ == "appos":
                    index._add_role(tok.head, tok, offset)
                elif tok.dep_ == "nsubj":
                    subjects.setdefault(tok.head.i, []).append(tok)
            for pair in subjects.values():
                if len(pair) == 2:
                    index._add_role(pair[0], pair[1], offset)
        return index

    def _titled_person(self, name: str, title: str) -> None:
        """ "Mr. Smith", "Mayor Berg": titles are for people, some tell their gender."""
        self.persons.update([name.lower(), _surname(name)])
        if title in GENDERED_TITLES:
            self.genders[_surname(name)] = GENDERED_TITLES[title]

    def _add_name(self, pos: int, name: str) -> None:
        low = name.lower()
        best = self.names.get(low)
        if best is None or sum(w[:1].isupper() for w in name.split()) > sum(
            w[:1].isupper() for w in best.split()
        ):
            self.names[low] = name
        last = low.split()[-1]
        self.by_last.setdefault(last, {}).setdefault(name, pos)

    def canonical(self, name: str, pos: int) -> str:
        """Fullest form of `name` in the article (nearest earlier one when several compete)."""
        low = name.lower()
        name = self.names.get(low, name)
        words = low.split()
        if (
            len(words) == 1
            and self.kind_of_words(words) != "person"
            and (longer := self._organization_starting_with(low))
        ):  # but "Trump" is Donald Trump, not the Trump Foundation
            return longer
        if len(words) > 2 or self.kind_of_words(words) != "person":
            return name
        fuller = [
            (p, n)
            for n, p in self.by_last.get(words[-1], {}).items()
            if len(n.split()) > len(words) and n.lower().endswith(low)
        ]
        if not fuller:
            return name
        before = [f for f in fuller if f[0] <= pos]
        chosen = (before[-1] if before else fuller[0])[1]
        return self.names.get(chosen.lower(), chosen)

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
                    if self.kind_of_words(words) == "organization":
                        self._first_words.setdefault(words[0], set()).add(name)
            self._short_forms_size = len(self.names)
        spelled = self._initials.get(word.upper(), set()) if 2 <= len(word) <= 6 else set()
        if len(spelled) == 1:
            return next(iter(spelled))
        found = self._first_words.get(word, set())
        return next(iter(found)) if len(found) == 1 else None

    def kind_of_name(self, name: str) -> str:
        return self.kind_of_words(name.lower().split(), name)

    def kind_of_words(self, words: list[str], name: str | None = None) -> str:
        if " ".join(words) in self.persons:
            return "person"
        if any(w in GROUP_WORDS for w in words):
            return "group"
        if any(w in ORG_WORDS for w in words):
            return "organization"
        if name and len(words) == 1 and name.isupper() and len(name) > 1:
            return "organization"
        if (
            2 <= len(words) <= 4
            and not any(w in THING_WORDS for w in words)
            and all(
                w.replace(".", "").replace("-", "").replace("'", "").replace("\u2019", "").isalpha()
                for w in words
            )
        ):
            return "person"
        if len(words) == 1 and any(len(n.split()) > 1 for n in self.by_last.get(words[0], {})):
            return "person"
        return "unknown"

    def _add_role(self, head: Token, appos: Token, offset: int) -> None:
        for name_tok, role_tok in ((head, appos), (appos, head)):
            chain = name_chain(name_tok)
            if (
                chain
                and not is_proper(role_tok)
                and (role_tok.lower_ in PERSON_NOUNS or role_tok.tag_ == "NN")
            ):
                bare = _without_titles(chain)
                if not bare:
                    continue
                name = self.canonical(text_of(bare), offset + name_tok.idx)
                role = _role_text(np_tokens(role_tok))
                self.roles.setdefault(_normal(role), name)
                self.role_of.setdefault(name, role)

    def _add_title_role(self, chain: list[Token], offset: int) -> None:
        """ "Mayor Celia Marchetti", "Trump spokeswoman Hope Hicks": the title is a role that
        later definite descriptions ("the mayor") refer back to."""
        bare = _without_titles(chain)
        titles = chain[: len(chain) - len(bare)] if bare else []
        if titles and titles[-1].lower_.rstrip(".") not in ("mr", "mrs", "ms", "dr"):
            name = self.canonical(text_of(bare), offset + bare[0].idx)
            title = text_of(titles).lower()
            self.roles.setdefault(_normal(title), name)
            self.role_of.setdefault(name, title)
        first = chain[0]
        words = [t for t in first.doc[max(0, first.i - 3) : first.i] if t.tag_ in ("NN", "JJ")]
        if words and words[-1].i == first.i - 1 and words[-1].lower_ in PERSON_NOUNS:
            bare = _without_titles(chain)
            if bare:
                name = self.canonical(text_of(bare), offset + first.idx)
                self.role_of.setdefault(name, text_of(words))

    def _titled(self, head: str, pos: int) -> str | None:
        """ "the minister" -> the person introduced as "Defence Minister Andrii Vedmid"."""
        names = [name for role, name in self.roles.items() if _role_head(role) == head]
        names = list(dict.fromkeys(names))
        if len(names) == 1:
            return names[0]
        if names:
            recent = self.recent(pos, ("person",))
            return recent if recent in names else None
        if head not in PERSON_NOUNS:
            return None
        # No one was introduced with that title: news style means the person just quoted.
        last = next((m for m in reversed(self.speakers) if m.pos < pos), None)
        if last is not None and last.kind == "person" and pos - last.pos < TITLE_REACH:
            return last.name
        return None

    def remember(self, pos: int, speaker: Speaker, subject: bool = True) -> None:
        """A resolved speaker is a likely antecedent; a description ("Republican presidential
        nominee") only when no named subject is near, since pronouns mostly point to names."""
        if speaker.name:
            named = speaker.kind != "person" or all(
                w[:1].isupper() or not w[:1].isalpha() or w in _LINKS for w in speaker.name.split()
            )
            self.speakers.append(Mention(pos, speaker.name, speaker.kind, subject and named))

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
        pool = sorted((m for m in pool if m.kind in kinds), key=lambda m: m.pos)
        if contains:
            pool = [m for m in pool if contains in m.name.lower().split()]
        if gender:  # "she" never refers to someone already known as "he"
            pool = [m for m in pool if self.genders.get(_surname(m.name), gender) == gender]
        subjects = [m for m in pool if m.subject]
        if subjects and pos - subjects[-1].pos < 1500:
            return subjects[-1].name
        return pool[-1].name if pool else None

    def resolve(self, head: Token, offset: int, single: bool = False) -> Speaker:
        """Resolve the source mention headed by `head` (a token of a chunk at `offset`)."""
        pos = offset + head.idx
        low = head.lower_
        if head.tag_ in ("WP", "WDT") and head.head.dep_ in ("relcl", "acl"):
            return self.resolve(head.head.head, offset, single)
        if head.tag_ in ("PRP", "PRP$"):
            return self._pronoun(low, pos)
        if not single:
            return self._coordinated(head, offset) or self.resolve(head, offset, True)
        return self._single(head, offset, pos, low)

    def resolve_name(self, written: str, pos: int) -> Speaker:
        """A name known only as text ("FALLIN", "Sen. Kristen Gillibrand") -> fullest name."""
        words = written.split()
        while len(words) > 1 and words[0].lower() in TITLES:
            words.pop(0)
        name = " ".join(words)
        if name.isupper() and len(name) > 2 and " " not in name:  # transcripts shout: FALLIN
            name = name.title()
        name = self.canonical(name, pos)
        return Speaker(name, self.kind_of_name(name), self.role_of.get(name))

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
            names = [self.resolve(t, offset, True).name for t in coordinated]
            names = [n for n in names if n]
            if len(names) == len(coordinated):
                return Speaker(" and ".join(dict.fromkeys(names)), "group")
        return None

    def _single(self, head: Token, offset: int, pos: int, low: str) -> Speaker:
        chain = name_chain(head)
        if chain:
            bare = _without_titles(chain) or chain
            name = self.canonical(text_of(bare), pos)
            return Speaker(name, self.kind_of_name(name), self.role_of.get(name))
        for child in head.children:
            if child.dep_ == "appos" and name_chain(child):
                named = self.resolve(child, offset, True)
                role = _role_text(np_tokens(head)) if low in PERSON_NOUNS else named.role
                return Speaker(named.name, named.kind, role)
        if (
            head.text[:1].isupper()
            and head.lower_ in self.by_last
            and (head.i > head.sent.start or self.kind_of_words([low]) == "person")
        ):
            name = self.canonical(head.text, pos)
            return Speaker(name, self.kind_of_name(name), self.role_of.get(name))
        phrase = np_tokens(head)
        role = _role_text(phrase)
        if (name := self.roles.get(_normal(role))) is not None:
            return Speaker(name, self.kind_of_name(name), self.role_of.get(name, role))
        det = phrase[0].lower_ if phrase else ""
        if det in ("the", "this") and len(phrase) <= 3 and (name := self._titled(low, pos)):
            role = self.role_of.get(name)
            return Speaker(name, self.kind_of_name(name), role, DESCRIPTION_CERTAINTY)
        if det in ("the", "this") and len(phrase) <= 3 and low in ORG_NOUNS | GROUP_NOUNS:
            name = self.recent(pos, ("organization", "group"), low) or (
                self.recent(pos, ("group",)) if low in GROUP_NOUNS else None
            )
            if name:
                role = self.role_of.get(name)
                return Speaker(name, self.kind_of_name(name), role, DESCRIPTION_CERTAINTY)
        text = _strip_det(phrase)
        text = self.names.get(text.lower(), text)
        if text.lower() in self.names:
            return Speaker(text, self.kind_of_name(text), self.role_of.get(text))
        if low in ANONYMOUS or (head.tag_ == "NNS" and low not in GROUP_NOUNS | ORG_NOUNS):
            return Speaker(text, "unknown")
        if low in PERSON_NOUNS:
            return Speaker(text, "person", role)
        if low in ORG_NOUNS or any(t.lower_ in ORG_WORDS for t in phrase):
            return Speaker(text, "organization")
        if low in GROUP_NOUNS:
            return Speaker(text, "group")
        return Speaker(text, "unknown")

    def _pronoun(self, low: str, pos: int) -> Speaker:
        if low in MALE | FEMALE:
            gender = "m" if low in MALE else "f"
            name = self.recent(pos, ("person",), gender=gender)
            if name:
                self.genders.setdefault(_surname(name), gender)
            return Speaker(name, "person", self.role_of.get(name or ""), PRONOUN_CERTAINTY)
        if low in PLURAL:
            name = self.recent(pos, ("group", "organization"))
            kind = self.kind_of_name(name) if name else "group"
            return Speaker(name, kind, None, PRONOUN_CERTAINTY)
        if low in NEUTER:
            name = self.recent(pos, ("organization",))
            return Speaker(name, "organization" if name else "unknown", None, PRONOUN_CERTAINTY)
        return Speaker(None, "unknown")


# Capitalised runs; a word ending a sentence ("Schools.") ends the run.
_ABBREVIATED = r"(?:(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Jr|St))\.|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen))\.)?"
_CAPITALISED = re.compile(
    r"\b[A-Z][\w\u2019'-]*(?:\.(?=\s+[a-z])|"
    + _ABBREVIATED[3:]
    + r"(?:\s+(?:of\s+)?[A-Z][\w\u2019'-]*"
    + _ABBREVIATED
    + ")*"
)
_NOT_NAMES = wordset(
    """the a an in on at but and or he she it they we i you this that these those his her
    their its our my when while after before if as for with from by to of then there here
    what who why how mr. mrs. ms. dr. monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november
    december"""
)


def _role_head(role: str) -> str:
    """ "spokesperson for the interior ministry" -> "spokesperson": the noun before any
    prepositional phrase is what "the spokesperson" (not "the ministry") refers back to."""
    words = []
    for word in role.split():
        if word in _ROLE_PREPOSITIONS:
            break
        words.append(word)
    return words[-1] if words else ""


_LINKS = NAME_LINKS | {"the", "and"}  # "Ministry of the Interior" is a name
_ROLE_PREPOSITIONS = frozenset(["of", "for", "at", "to", "in", "with", "from", "on", "and"])


def _surname(name: str) -> str:
    return name.lower().split()[-1] if name.split() else ""


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _chains(doc: Doc) -> list[list[Token]]:
    """Every maximal proper-name run of a parsed chunk, once."""
    out = []
    for tok in doc:
        if tok.tag_ in ("NNP", "NNPS", "CD"):
            chain = name_chain(tok)
            if chain and chain[-1].i == tok.i:
                out.append(chain)
    return out


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
    """ "Defence Minister Andrii Vedmid" -> "Andrii Vedmid"; "Secretary of State X" -> "X"."""
    toks = list(chain)
    last = -1
    for i, tok in enumerate(toks[:-1]):
        if tok.lower_ in TITLES or (
            tok.lower_ == "general" and i > 0 and toks[i - 1].lower_ in GENERAL_TITLES
        ):
            last = i
        elif tok.lower_ == "of" and i - 1 == last and i + 2 < len(toks):
            last = i + 1
    toks = toks[last + 1 :]
    while toks and toks[-1].lower_ in ("'s", "’s", "'", "’"):
        toks.pop()
    return toks


def _role_text(tokens: list[Token]) -> str:
    text = text_of(tokens)
    if tokens and tokens[0].lower_ in DETERMINERS:
        text = text[:1].lower() + text[1:]
    return text


def _strip_det(tokens: list[Token]) -> str:
    if len(tokens) > 1 and tokens[0].lower_ in DETERMINERS:
        return text_of(tokens[1:])
    return text_of(tokens)


def _normal(role: str) -> str:
    words = role.lower().replace("\u2019", "'").split()
    while words and words[0] in DETERMINERS:
        words.pop(0)
    return " ".join(words)
