"""Relaying outlets and media: "per Reuters", "told Ukraine's Channel 24", "in a video statement".

An outlet is recognised by a short list of well-known names, by words news brands are built
from (Post, Times, Channel 24, ...) or by the noun that introduces it ("media outlet TASS").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from indexer import lexicon
from indexer.extract.interviews import INTERVIEWER_NOUNS
from indexer.extract.names import is_first_name
from indexer.extract.tokens import adjuncts_before_quotation, name_chain, np_tokens, text_of
from indexer.lexicon import TITLE_CASE_SMALL, wordset

OUTLET_NAMES = lexicon.outlet_names_in_text()
BRAND_WORDS = wordset(
    """post times news journal telegraph guardian tribune herald gazette channel tv radio
    press wire daily magazine review insider chronicle observer express mirror inquirer
    broadcasting network television weekly dispatch independent courier ledger examiner
    sentinel bulletin advertiser argus mail register enquirer citizen globe courant echo
    star sun standard"""
)
OUTLET_NOUNS = wordset(
    """outlet outlets newspaper paper agency broadcaster channel network daily magazine
    station tabloid website site publication"""
)
MEDIUM_NOUNS = wordset(
    """statement interview video post tweet speech rally conference briefing address letter
    email op-ed column editorial memo release broadcast podcast appearance hearing
    testimony message remarks comments report blog debate town documentary note"""
)
# Words after a known outlet's name that name one of its editions: "Politico Europe".
EDITIONS = wordset(
    """europe uk us usa america americas international english arabic africa asia world
    online digital"""
)
# What an outlet broadcasts or prints, named by its possessor: "BBC Radio 4's Today
# programme", "CNN's State of the Union show".
PROGRAMME_NOUNS = wordset("programme program show podcast broadcast bulletin edition")
RELAY_PREPS = frozenset(["per", "via"])
SPEAKING_PARTICIPLES = wordset("speaking talking writing")
REPORTING_VERBS = wordset("reported reports reporting said says")
_CAPS = re.compile(r"^[A-Z][A-Z0-9&.-]+$")


def is_outlet(tok: Token) -> bool:
    """Is the noun phrase headed by `tok` a news outlet?"""
    name = outlet_name(tok)
    if name is None:
        return False
    low = name.lower()
    if low in OUTLET_NAMES or low.removeprefix("the ") in OUTLET_NAMES:
        return True
    if _titled_person(name.split()) or _party_tag(name_chain(tok)):
        return False
    if low in BRAND_WORDS and _after_the(tok):
        return True  # "told the Herald": the short form of a paper named before
    if reporting_agent(tok) and not is_first_name(name.removeprefix("The ").split()[0]):
        return True  # "as first reported by The Information": who reports news is an outlet
    words = low.split()
    if any(w in BRAND_WORDS for w in words[1:]) or (len(words) > 1 and words[0] in BRAND_WORDS):
        return True
    if _edition(words) or _broadcaster_initials(name) or _radio_call_sign(name):
        return True
    return any(t.lower_ in OUTLET_NOUNS for t in np_tokens(tok) if t.i < tok.i)


def _edition(words: list[str]) -> bool:
    """ "Politico Europe", "CNN International", "Al Jazeera English": a known outlet's name
    followed by the region or language of one of its editions."""
    for k in range(1, len(words)):
        if " ".join(words[:k]) in OUTLET_NAMES and all(w in EDITIONS for w in words[k:]):
            return True
    return False


def _broadcaster_initials(name: str) -> bool:
    """ "LBC", "ITV", "CBC", "RTE": the initials of a broadcaster, which end in B-C
    (Broadcasting Corporation/Company) or TV; the initials of agencies and bodies ("FBI",
    "NASA") do not."""
    return bool(_CAPS.match(name)) and 3 <= len(name) <= 5 and name.endswith(("BC", "TV"))


def _radio_call_sign(name: str) -> bool:
    """ "2GB", "3AW", "6PR": an Australian radio station's call sign, a state digit (2-8)
    then two or three capitals (Australian Communications and Media Authority call sign
    plan); no person or body is named so."""
    return re.fullmatch(r"[2-8][A-Z]{2,3}", name) is not None


# Nouns of a station that a call sign names: "KHBR radio", "WXYZ-TV" is written as one word.
STATION_NOUNS = wordset("radio television tv station")


def _station_call_sign(noun: Token) -> str | None:
    """ "KHBR radio", "2GB radio", "the WHO station": the call sign modifying a station noun
    (`STATION_NOUNS`): an Australian one (`_radio_call_sign`) or a US one, K or W then two
    or three capitals (FCC, 47 CFR 73.3550); None otherwise. Only before such a noun is
    "WHO" a station and not the World Health Organization."""
    if noun.lower_ not in STATION_NOUNS:
        return None
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and (
            re.fullmatch(r"[KW][A-Z]{2,3}", child.text) or _radio_call_sign(child.text)
        ):
            return child.text
    return None


def _titled_person(words: list[str]) -> bool:
    """ "White House Press Secretary Josh Earnest": a personal title, then a person's name
    of two or three words starting with a first name, is a person, whatever the title's
    words ("Press"); so is "Independent MP Allegra Spender" (a title written as a capitalised
    abbreviation, `lexicon.WRITTEN_TITLES`), not the newspaper The Independent."""
    for i, word in enumerate(words[:-2]):
        if (
            word.lower().rstrip(".") in lexicon.TITLES | lexicon.EXTRACT_TITLES
            or word in lexicon.WRITTEN_TITLES
        ):
            rest = words[i + 1 :]
            return 2 <= len(rest) <= 3 and is_first_name(rest[0])
    return False


def _party_tag(chain: list[Token]) -> bool:
    """ "(D-Newport News)": a party letter and a place in parentheses after a person's name."""
    first = chain[0] if chain else None
    return (
        first is not None
        and len(chain) > 2
        and first.text in ("D", "R", "I")
        and chain[1].text == "-"
        and first.i > 0
        and first.nbor(-1).text == "("
    )


def outlet_name(tok: Token) -> str | None:
    """The proper name of an outlet mention: "state-owned media outlet TASS" -> "TASS"."""
    chain = name_chain(tok) or ([tok] if reporting_agent(tok) and tok.is_title else [])
    if not chain:
        return None
    first = chain[0]
    prev = first.nbor(-1) if first.i > 0 else None
    if prev is not None and prev.text == "Al" and prev.whitespace_:
        return "Al " + text_of(chain)  # "Al Jazeera": the article opens the name
    if prev is not None and not prev.whitespace_ and _radio_call_sign(prev.text + first.text):
        return prev.text + text_of(chain)  # "2GB", split by the tokenizer as 2 gigabytes
    # "The Telegraph" keeps its capitalised article, "the Kyiv Post" does not.
    if prev is not None and prev.text == "The" and not prev.is_sent_start:
        return "The " + text_of(chain)
    return text_of(chain)


def reporting_agent(tok: Token) -> bool:
    """ "as first reported by The Information", "reported by Axios": `tok` is the agent of a
    passive "reported", the one who brought the news out (an outlet, unless a person's
    name)."""
    agent = tok.head
    return (
        tok.dep_ == "pobj"
        and agent.dep_ == "agent"
        and agent.head.lower_ in REPORTING_VERBS
        and agent.head.tag_ == "VBN"
    )


def relays(cue: Token, sent_tokens: list[Token]) -> list[str]:
    """Outlets that relayed the statement whose cue is `cue`."""
    found: list[str] = []
    for tok in sent_tokens:
        if tok.lower_ in RELAY_PREPS and tok.dep_ == "prep":
            for obj in tok.children:
                if obj.dep_ == "pobj" and (name := outlet_name(obj)):
                    found.append(name)
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            # "..., according to Reuters.": an outlet relays the sentence's statement
            objs = [o for t in (tok, tok.nbor(1)) for o in t.children if o.dep_ == "pobj"]
            found += [_outlet_of(o) for o in objs if is_outlet(o)]
            found += [name for o in objs if (name := publishing_outlet(o))]
        if reporting_agent(tok) and tok.head.head.dep_ == "advcl" and is_outlet(tok):
            found.append(_outlet_of(tok))  # "..., as first reported by the Ledger."
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    found += [name for s in subjects if (name := publishing_outlet(s))]
    found += _reporting_outlets(cue) + _spoken_to(cue)
    if told := swallowed_outlet(cue):
        found.append(_outlet_of(told[-1]))
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and (name := _addressed_outlet(child)):
            found.append(name)  # "told Reuters", "told Dutch broadcaster NOS"
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "to"):
            for obj in child.children:
                for sub in obj.children:
                    if sub.dep_ == "prep" and sub.lower_ in ("with", "to"):
                        found += [
                            name
                            for o in sub.children
                            if o.dep_ == "pobj" and (name := _introduced_outlet(o))
                        ]
                if obj.dep_ == "pobj" and (name := _introduced_outlet(obj)):
                    found.append(name)
    unique: list[str] = []
    for name in found:
        if name and name not in unique:
            unique.append(name)
    return unique


PUBLISHING_PREPS = wordset("in by from on")
ANAPHORIC_DETERMINERS = wordset("the this that these those his her its their")


def publishing_outlet(medium_noun: Token) -> str | None:
    """ "a report in the Financial Times", "an article by Reuters", "an interview on LBC",
    "a Reuters report", "the Ledger's story": the outlet that published the medium
    `medium_noun` names, or None."""
    if medium_noun.lower_ not in MEDIUM_NOUNS | {"article", "story", "piece", "reports"}:
        return None
    for child in medium_noun.children:  # "a Reuters report", "Reuters' report"
        if child.dep_ in ("compound", "poss") and child.i < medium_noun.i and is_outlet(child):
            return outlet_name(child)
    for prep in medium_noun.children:
        if prep.dep_ == "prep" and prep.lower_ in PUBLISHING_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and is_outlet(obj):
                    return _outlet_of(obj)
    return None


def earlier_medium(medium_noun: Token) -> bool:
    """ "The statement said ...", "his letter said ...": a medium named as one already
    mentioned (a definite or possessive determiner, no publisher of its own), whose words
    are the previous speaker's. "A report in the Financial Times" is a new source."""
    determiners = [c for c in medium_noun.children if c.dep_ in ("det", "poss")]
    if determiners and determiners[0].lower_ not in ANAPHORIC_DETERMINERS:
        return False
    return publishing_outlet(medium_noun) is None and not any(
        c.dep_ == "prep" and c.lower_ in PUBLISHING_PREPS for c in medium_noun.children
    )


TELLING = wordset("told tell tells telling")


def swallowed_outlet(cue: Token) -> list[Token]:
    """ "told the BBC crews would work through the night": the tokens ("the BBC") of an
    outlet the parser made a modifier of the subject of the clause a telling `cue` reports,
    though it is who was told; [] when there is none."""
    if cue.lower_ not in TELLING:
        return []
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.i < cue.i:
            continue
        for subj in clause.children:
            if subj.dep_ != "nsubj" or subj.left_edge.i != cue.i + 1 or not subj.is_lower:
                continue
            first = next((t for t in subj.lefts if t.dep_ == "compound"), None)
            chain = name_chain(first) if first is not None else []
            if chain and chain[-1].i < subj.i and is_outlet(chain[-1]):
                return list(cue.doc[cue.i + 1 : chain[-1].i + 1])
    return []


def _spoken_to(cue: Token) -> list[str]:
    """ "Speaking to the Financial Times, he added ...", "Speaking on ABC Radio National,
    she said", "..., telling 2GB's Ben Fordham: '...'": the outlet a participle of speaking
    or telling hanging off the cue was addressing or speaking on."""
    found = []
    participles = [c for c in cue.children if c.dep_ == "advcl"] + [
        p for s in cue.children if s.dep_ == "nsubj" for p in s.children if p.dep_ == "acl"
    ]  # "Vance, speaking to CNN later, said": the parse hangs it on the subject
    for verb in participles:
        if verb.lower_ in SPEAKING_PARTICIPLES:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with", "on"):
                    found += [
                        name
                        for o in prep.children
                        if o.dep_ == "pobj" and (name := _addressed_outlet(o))
                    ]
        elif verb.lower_ in TELLING:
            found += [
                name
                for o in verb.children
                if o.dep_ in ("dobj", "dative") and (name := _addressed_outlet(o))
            ]
    return found


def _addressed_outlet(obj: Token) -> str | None:
    """The outlet an object of "speaking to" or "told" names: "the Financial Times", "Dutch
    broadcaster NOS" (`_introduced_outlet`), or the possessor of a programme ("BBC Radio 4's
    Today programme" -> "BBC Radio 4"); None for anyone else."""
    if name := _introduced_outlet(obj):
        return name
    if obj.lower_ in PROGRAMME_NOUNS:
        for owner in obj.children:
            if owner.dep_ == "poss" and is_outlet(owner):
                return outlet_name(owner)
    return None


def framed_by_outlet(cue: Token) -> bool:
    """ "Maria Lopez said the deal was not done, Bloomberg reported.": `cue`'s clause is what
    an outlet's reporting verb after it relays, so the cue is its sentence's own statement
    though the parser makes it the outlet verb's complement."""
    head = cue.head
    return (
        cue.dep_ in ("ccomp", "parataxis")
        and head.i > cue.i
        and head.lower_ in REPORTING_VERBS
        and any(s.dep_ == "nsubj" and is_outlet(s) for s in head.children)
    )


def unnamed_outlet(cue: Token) -> bool:
    """ "Brandt told the broadcaster": the one told is an outlet by a common noun with "the"
    (`OUTLET_NOUNS`), the outlet the article named before."""
    return cue.lower_ in TELLING and any(
        c.dep_ in ("dobj", "dative")
        and c.lower_ in OUTLET_NOUNS
        and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        for c in cue.children
    )


def trailing_report(verb: Token) -> Token | None:
    """ "X said the NHS would need more nurses, the Guardian reported.", parsed with
    "reported" as the complement of "said" and the reported clause hanging off "reported"
    (or off "said" beside it):
    `verb` is an outlet's reporting verb closing the sentence after a comma, and the result
    is the clause it relays (before its subject); None for anything else ("X said the
    Guardian reported that ..." embeds the outlet's report: no comma before it)."""
    if verb.lower_ not in REPORTING_VERBS or verb.dep_ not in ("ccomp", "parataxis"):
        return None
    if verb.head.i > verb.i:
        return None
    for subj in verb.children:
        if subj.dep_ != "nsubj" or subj.left_edge.i == 0 or not is_outlet(subj):
            continue
        if subj.doc[subj.left_edge.i - 1].text != ",":
            continue
        # the relayed clause hangs off `verb`, or off the cue beside it ("X said [the NHS
        # would need ...], Bloomberg reported on Tuesday" with both verbs the cue's ccomp)
        for clause in [*verb.children, *verb.head.children]:
            if clause.dep_ in ("ccomp", "parataxis") and clause.i < subj.left_edge.i:
                return clause
    return None


def _reporting_outlets(cue: Token) -> list[str]:
    """ "X said ..., Lakeshore Radio reported.": an outlet reporting the cue's whole clause
    (the cue hangs off its verb, the verb closes the cue's sentence as parataxis, or the
    verb is parsed as the cue's complement with the clause hanging off it: `trailing_report`)."""
    verbs = [cue.head] if cue.dep_ in ("ccomp", "parataxis") and cue.head.i > cue.i else []
    verbs += [c for c in cue.children if c.dep_ == "parataxis" and c.i > cue.i]
    verbs += [c for c in cue.children if c.dep_ == "ccomp" and trailing_report(c) is not None]
    found = []
    for verb in verbs:
        if verb.lower_ in REPORTING_VERBS:
            found += [_outlet_of(s) for s in verb.children if s.dep_ == "nsubj" and is_outlet(s)]
    return found


# Capitalised words that open a sentence before an outlet's name and are no part of it.
NOT_IN_NAMES = wordset("according per told speaking talking in during after before as said")


def _introduced_outlet(tok: Token) -> str | None:
    """The outlet `tok` names: an outlet itself ("the Financial Times"), the outlet a
    presenter or reporter belongs to, by name or as a journalist ("CNN's Jake Tapper",
    "2GB's Ben Fordham" -> "2GB"; "the BBC's lawyers" are no outlet),
    a station by its call sign ("KHBR radio", `_station_call_sign`), or an outlet noun with
    the outlet's name in apposition ("Dutch broadcaster NOS", "the newspaper De
    Telegraaf"); None for anything else."""
    if is_outlet(tok):
        return _outlet_of(tok)
    if name_chain(tok) or tok.lower_ in INTERVIEWER_NOUNS:  # not "the BBC's lawyers"
        for owner in tok.children:
            if owner.dep_ == "poss" and is_outlet(owner):
                return outlet_name(owner)
    if sign := _station_call_sign(tok):
        return sign
    if tok.lower_ in OUTLET_NOUNS:
        for appos in tok.children:
            if appos.dep_ == "appos" and name_chain(appos):
                return outlet_name(appos)
    return None


def full_name(name: str, text: str, before: int) -> str:
    """The full name of a short-form outlet ("Herald" -> "Northgate Herald") from its last
    mention in `text` before character `before`, on one line and without the sentence's own
    words before it ("Per Reuters" is Reuters); a known outlet's name, or a name with no
    longer mention, is the name itself."""
    if " " in name or name.lower() in OUTLET_NAMES:
        return name
    pattern = re.compile(rf"((?:[A-Z][\w&'\u2019-]*[ \t]+){{1,3}}){re.escape(name)}\b")
    for mention in reversed([m.group(0).split() for m in pattern.finditer(text, 0, before)]):
        while len(mention) > 1 and mention[0].lower() in TITLE_CASE_SMALL | NOT_IN_NAMES:
            mention.pop(0)  # "Per Reuters", "According To": the sentence's words, no name's
        if len(mention) > 1:
            return " ".join(mention).removeprefix("The ")
    return name


def _after_the(tok: Token) -> bool:
    first = name_chain(tok)[0]
    return first.i > 0 and first.nbor(-1).lower_ == "the"


def _outlet_of(tok: Token) -> str:
    """ "CNN's Jake Tapper" -> "CNN"; otherwise the outlet's own name."""
    for child in tok.children:
        if child.dep_ == "poss" and is_outlet(child):
            return outlet_name(child) or ""
    return outlet_name(tok) or ""


def medium(cue: Token) -> str | None:
    """How it was said: "in a video statement" -> "video statement", "tweeted" -> "post on X"."""
    if cue.lower_.startswith("tweet"):
        return "post on X"
    adjuncts = [
        t for c in cue.children if c.dep_ == "ccomp" for t in adjuncts_before_quotation(c)
    ]  # 'confirmed that in a statement: "..."'
    for child in [*cue.children, *adjuncts]:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "at", "on", "via", "through"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lower_ in MEDIUM_NOUNS | {"twitter", "x"}:
                    return medium_text(obj)
    for child in cue.children:
        if child.dep_ in ("nsubj",) and child.lower_ in MEDIUM_NOUNS:
            return medium_text(child)
    return None


def medium_text(head: Token) -> str:
    if head.lower_ in ("twitter", "x"):
        return "post on X"
    words = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i == head.i - 1]
    text = " ".join([t.lower_ for t in words] + [head.lower_])
    if head.lower_ in ("post", "message"):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                obj = [o for o in prep.children if o.dep_ == "pobj"]
                if obj:
                    platform = obj[0].text
                    return f"post on {'X' if platform.lower() == 'twitter' else platform}"
    return text
