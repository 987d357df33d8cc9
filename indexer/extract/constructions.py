"""Constructions: the grammatical shapes that propose a candidate, one function each.

Decides which (cue, content, source) triples a parsed sentence offers: "according to X",
a noun with a complement clause ("his insistence that ..."), a verb's clausal or nominal
complement ("said that ...", "announced the plan"), an object with its charge or reason
("accused Clinton of lying"), a that-clause hanging off an adjunct, a reported clause
parsed as an adverbial one ("asked the governor if ...", "said after the convention he
would ..."),
a prepositional object ("warned against ..."), a reporting tail ("X, he said.") and a
labelled line ("Lynch: No outside influence ..."; in a transcript of two or more turns the
turn is verbatim, a name in capitals is a turn's speaker ("TOM BEXLEY:") and a turn that
is only a question is the interviewer's). Each candidate
is scored by the cue lexicon's reliability for its (form, construction); an unknown pair
proposes nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from indexer.extract import outlets
from indexer.extract.candidate import Candidate, Reliability
from indexer.extract.contents import (
    back_reference,
    clause_tail,
    closing_report,
    complement_clause,
    continued_claim,
    coordinated_infinitive,
    coordinated_that,
    elliptic,
    expressive,
    finite_clause,
    is_date,
    late_that_clause,
    proposition,
    relay_phrase,
    reporting_tail,
    under,
)
from indexer.extract.cue_types import EVIDENCE_SOURCES
from indexer.extract.cues import attested, family
from indexer.extract.interviews import ANSWER_LABELS, QUESTION_LABELS, TURN_LABEL
from indexer.extract.names import is_first_name, is_role_word
from indexer.extract.nlp import entities
from indexer.extract.sources import (
    interposed_participle,
    quoted_speaker,
    relayed_subject,
    source_kind,
    subject,
)
from indexer.extract.spans import token_spans, trimmed
from indexer.extract.tokens import (
    adjuncts_before_quotation,
    closed_by_semicolon,
    narrated_before_colon,
    split_rest,
)
from indexer.lexicon import wordset

CONTENT_PATTERNS = ("ccomp", "dobj", "xcomp")
NOMINAL = frozenset(["dobj", "prep", "noun"])  # scored per source shape: "dobj:name", ...
CLAUSAL = frozenset(["ccomp", "parataxis", "according"])
JUDGEMENT_PREPS = frozenset(["of", "for", "over"])  # "accused X of ...", "criticized X for ..."
CONTENT_PREPS = frozenset(["for", "to", "about", "of", "on", "against", "with", "as"])
# Prepositions whose gerund is a position taken ("called for cutting", "argued against
# raising"); after the others a gerund is a topic ("talked about running for office").
STANCE_PREPS = frozenset(["for", "against"])
PRONOUN_TAGS = ("PRP", "WP", "WDT")
VERB_ADJUNCTS = ("prep", "oprd", "advcl")  # a cue's children that may hold or lead to a content
LABEL_SCORE = 0.55  # share of such lines that are attributions in PolNeAR train
NOT_LABELS = wordset(
    """the so but and update updated note photo photos related read watch video breaking
    exclusive title url date author outlet source sources editor q a correction clarification
    disclosure warning spoiler transcript story more also see follow subscribe tags topics share"""
) | (QUESTION_LABELS | ANSWER_LABELS)
_NAME_WORD = r"[A-Z][\w.\u2019'-]*"
_TURN = TURN_LABEL  # "Q: ..." / "A. ..." / "QUESTION: ..." turns of an interview
# A transcript quoted inside an article opens each turn's paragraph with a quotation mark,
# as every paragraph of a multi-paragraph quotation ('"PENCE: Well, ...').
# A live blog's item opens with its clock time ("14:18 Opposition leader Sussan Reid: ...");
# a role noun in lower case may stand inside the label ("Opposition leader", `is_role_word`).
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?:\s?[ap]m)?(?:\s+[A-Z]{3,4})?\s+)?"
_LABEL = re.compile(
    rf"{_CLOCK}[\"\u201c]?((?:(?:{_NAME_WORD}|[a-z]+)\s){{0,3}}{_NAME_WORD}):[ \t]+(?=\S)"
)


@dataclass(frozen=True)
class Site:
    """Where a cue token sits: its chunk's start in the article (characters), paragraph and
    sentence index, and the reliability that scores what it proposes."""

    offset: int
    paragraph: int
    sentence: int
    reliability: Reliability

    def position(self) -> tuple[int, int, int]:
        """(offset, paragraph, sentence): where a candidate proposed here sits."""
        return self.offset, self.paragraph, self.sentence

    def scored_pattern(self, pattern: str, source: Token | None) -> str:
        """The pattern the lexicon scores: a nominal one per source shape ("dobj:name")."""
        return f"{pattern}:{source_kind(source)}" if pattern in NOMINAL else pattern

    def score(self, pattern: str, form: str, source: Token | None) -> float | None:
        """The reliability of `form` as a cue in `pattern` with `source`; None: no cue, so
        :meth:`propose` proposes nothing there, whatever the content."""
        return self.reliability(form, self.scored_pattern(pattern, source))

    def propose(
        self, pattern: str, form: str, cue: Token, content: list[Token], source: Token | None
    ) -> list[Candidate]:
        """The candidate for this construction, or none when the lexicon does not know the
        (form, pattern) pair, the content is empty or a clause is a single word."""
        if pattern in CLAUSAL and sum(t.is_alpha for t in content) < 2:
            return []  # a one-word "clause" ("He said that.") is a parse accident
        if elliptic(content):
            return []  # "I didn't expect him to": the verb, and what was said, came before
        if pattern in NOMINAL and pattern != "noun" and not proposition(form, content):
            return []  # "endorsed Clinton", "approved a bill": an action, not a claim
        closing = closing_report(content, cue)  # "..., though she noted ...": her own report
        content = [t for t in content if t not in closing]
        score = self.score(pattern, form, source)
        pattern = self.scored_pattern(pattern, source)
        spans = token_spans(content, self.offset)
        if score is None or not spans:
            return []
        return [
            Candidate(
                pattern, form, score, spans, cue, source, self.offset, self.paragraph, self.sentence
            )
        ]


def from_token(tok: Token, site: Site) -> list[Candidate]:
    """Every candidate whose cue is `tok`, in construction order."""
    lower, tag = tok.lower_, tok.tag_
    if lower == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        return _according_to(tok, site)
    if lower == "per" and tok.dep_ == "prep":
        return _per_outlet(tok, site)
    if tag in ("NN", "NNS"):
        return _noun_complements(tok, site)
    if tag != "JJ" and not tag.startswith("VB"):
        return []  # every other construction's cue is a verb or an adjective
    if (agent := _as_reported_by(tok)) is not None:
        return _as_reported(tok, agent, site)
    if tok.tag_ == "JJ" and tok.dep_ == "acomp":
        return _adjective_complements(tok, site)
    if not _reporting_verb(tok) or interposed_participle(tok):
        return []  # "Gonzalez, asked whether ..., said": she answers, she does not ask
    source = subject(tok)
    return [
        *_verb_complements(tok, source, site),
        *_predicative_objects(tok, source, site),
        *_small_clauses(tok, source, site),
        *_judgements(tok, source, site),
        *_late_that(tok, source, site),
        *_adverbial_reports(tok, source, site),
        *_prepositional_objects(tok, source, site),
        *_reporting_parataxis(tok, source, site),
    ]


def _reporting_verb(tok: Token) -> bool:
    """A verb with a complement or preposition to report, or itself hanging off a content."""
    if not tok.tag_.startswith("VB"):
        return False
    return any(c.dep_ in CONTENT_PATTERNS or c.dep_ in VERB_ADJUNCTS for c in tok.children) or (
        tok.dep_ in ("parataxis", "ccomp")
    )


def _according_to(tok: Token, site: Site) -> list[Candidate]:
    """ "According to X, ...": the rest of the sentence is X's content (with the clause's
    subject the parser hung on X: `sources.relayed_subject`)."""
    source = next((o for o in tok.nbor(1).children if o.dep_ == "pobj"), None)
    source = source or next((o for o in tok.children if o.dep_ == "pobj"), None)
    relayed = relayed_subject(tok)
    if (
        source is not None
        and source.lower_ in outlets.MEDIUM_NOUNS
        and any(verb.i < tok.i and _speaker_verb(verb) for verb in tok.ancestors)
    ):
        # "Reddy said ... buses would be inducted, according to a statement from his office":
        # the statement is the medium of Reddy's words, not a second report of the whole
        # sentence, "Reddy said" and all
        return []
    if source is not None and (speaker := _speaker_an_outlet_relays(tok, source)) is not None:
        verb = speaker.head  # "According to the BBC, Whitaker called the claims 'nonsense'"
        content = [
            t
            for t in verb.subtree
            if t.i > verb.i and not under(t, tok) and not (t.is_punct and t.i == t.sent.end - 1)
        ]
        return site.propose("according", "according to", verb, content, speaker)
    content = [
        t for t in tok.sent if not under(t, tok) or (relayed is not None and under(t, relayed))
    ]
    return site.propose("according", "according to", tok, content, source)


def _speaker_an_outlet_relays(tok: Token, source: Token) -> Token | None:
    """ "According to the BBC, Whitaker called the senator's claims 'nonsense'": when the
    source of "according to" is an outlet and the clause it opens is a named speaker's
    speech verb (one the cue lexicon has seen introduce words: `cues.attested`), the
    speaker (its subject) says the words and the outlet only relays them
    (`outlets.relays`). Returns the subject, or None."""
    verb = tok.head
    if verb.i < tok.i or not verb.tag_.startswith("VB") or not attested(verb.lower_):
        return None
    speaker = subject(verb)
    if speaker is None or speaker.tag_ not in ("NNP", "NNPS") or outlets.is_outlet(speaker):
        return None
    if not outlets.is_outlet(source) or any(c.dep_ == "ccomp" for c in verb.children):
        return None  # a reported clause is the verb's own candidate ("Whitaker said ...")
    return speaker


def _per_outlet(tok: Token, site: Site) -> list[Candidate]:
    """ "The plant will close in March, per Reuters.": with no speaker in the sentence, the
    outlet is the source, as in "according to Reuters" (with a speaker it only relays:
    `outlets.relays`)."""
    source = next((o for o in tok.children if o.dep_ == "pobj" and outlets.is_outlet(o)), None)
    if source is None or any(
        t.tag_.startswith("VB")
        and site.reliability(t.lower_, "ccomp")
        and subject(t) is not None
        and (reporting_tail(t) or any(c.dep_ == "ccomp" for c in t.children))
        for t in tok.sent
    ):  # a speaker's verb with the clause it reports; "is considering a sale, per X" has none
        return []
    verb = _governing_verb(tok)
    if verb is not None and _speaker_verb(verb):
        return []  # "Minister denies plan to raise fuel duty, per Reuters": Reuters relays
    content = [t for t in tok.sent if not under(t, tok)]
    score = site.reliability("according to", "according")
    spans = token_spans(content, site.offset)
    if score is None or not spans:
        return []
    return [
        Candidate(
            "according",
            "per",
            score,
            spans,
            tok,
            source,
            site.offset,
            site.paragraph,
            site.sentence,
        )
    ]


def _governing_verb(tok: Token) -> Token | None:
    """The verb `tok` hangs under, past an infinitive on a noun: in "denies plan to close
    port, per Reuters" the parser hangs "per" on "close", whose clause only says what the
    plan is, and "denies" governs it. None when no verb is above `tok`."""
    verb = next((a for a in tok.ancestors if a.tag_.startswith("VB")), None)
    while verb is not None and verb.dep_ == "acl" and verb.head.tag_.startswith("NN"):
        above = next((a for a in verb.head.ancestors if a.tag_.startswith("VB")), None)
        if above is None:
            break
        verb = above
    return verb


def _speaker_verb(verb: Token) -> bool:
    """ "Minister denies plan ..., per Reuters": `verb` (the verb ", per X" hangs under) is a speech
    verb the cue lexicon has seen introduce words (`cues.attested`) with a subject that is
    not an outlet, so the subject speaks and the outlet after "per" only relays it
    (`outlets.relays`); "The plant will close in March, per Reuters" has no such verb."""
    if not verb.tag_.startswith("VB") or not attested(verb.lower_):
        return False
    speaker = subject(verb)
    return speaker is not None and not outlets.is_outlet(speaker)


def _as_reported_by(tok: Token) -> Token | None:
    """The agent of "as (first) reported by X", "as announced by the ministry": a reporting
    verb in the passive, in an "as" clause on the sentence's main clause; None otherwise."""
    if tok.tag_ != "VBN" or tok.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None


def _as_reported(tok: Token, agent: Token, site: Site) -> list[Candidate]:
    """ "Zentrix is weighing a sale, as first reported by The Information.": the main clause
    is the agent's report, as in "according to The Information" (scored as that
    construction, under the cue's own form). A main clause that is itself someone's report
    ("X said ..., as first reported by Y") is X's: the agent only relays it."""
    clause = tok.head
    if any(c.dep_ in ("ccomp", "parataxis") for c in clause.children):
        return []
    content = [t for t in clause.subtree if not under(t, tok) and not relay_phrase(t)]
    return site.propose("according", "according to", tok, content, agent)


def _noun_complements(tok: Token, site: Site) -> list[Candidate]:
    """ "his insistence that ...", "a call to ...": the possessor is the source."""
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if site.score("noun", tok.lower_, source) is None:
        return []  # no cue: nothing to propose, whatever the clause
    out: list[Candidate] = []
    for child in tok.children:
        if child.dep_ in ("acl", "ccomp") and complement_clause(child):
            out += site.propose("noun", tok.lower_, tok, list(child.subtree), source)
    return out


def _adjective_complements(tok: Token, site: Site) -> list[Candidate]:
    """ "Officials are confident that the bridge will hold", "she remained adamant that ...":
    an adjective of certainty, hope or fear after a linking verb, with a "that" clause, is
    the subject's stance on that proposition (the lexicon's seed forms gate which
    adjectives: `cues.SEED_FORMS`). Without "that" ("happy the team won") it is no cue."""
    out: list[Candidate] = []
    for child in tok.children:
        if child.dep_ != "ccomp" or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            continue
        content = [t for t in child.subtree if not relay_phrase(t)]
        out += site.propose("ccomp", tok.lower_, tok, content, subject(tok.head))
    return out


def _verb_complements(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "said that ...", "announced the plan", "urged to ...": the verb's complement, without
    pronoun or date objects and without the clause's tail."""
    out: list[Candidate] = []
    for child in tok.children:
        if child.dep_ not in CONTENT_PATTERNS or child.i == tok.i:
            continue
        if child.dep_ == "dobj" and (
            child.tag_ in PRONOUN_TAGS
            or (child.tag_ == "DT" and not child.n_lefts and not child.n_rights)
            or back_reference(child)
        ):
            continue  # "said it", "has said that for years": what was said came before
        pattern = child.dep_
        if child.dep_ == "xcomp" and not any(c.lower_ == "to" for c in child.lefts):
            if child.i < tok.i or not finite_clause(child):
                continue
            pattern = "ccomp"  # "He said legalizing it could put ...": a clause misparsed
        if child.dep_ == "dobj" and quoted_speaker(tok) == child:
            continue  # "quoted Whitaker as saying ...": Whitaker speaks, "saying" is the cue
        if child.dep_ == "dobj" and is_date(child):
            continue  # "said Monday": a date parsed as an object
        if child.dep_ == "dobj" and _title_case_verb(tok) and _only_a_name(child):
            continue  # "Announces Series C Funding": a headline's name object says nothing
        if child.dep_ == "dobj" and _predicate(tok, child) is not None:
            continue  # "derided the deal as toothless": the small clause is the content
        if child.dep_ == "ccomp" and narrated_before_colon(child):
            continue  # "X was less certain: she said ...": narration, not what she said
        if child.dep_ == "ccomp" and closed_by_semicolon(child):
            continue  # "It's unlikely; the team says she'll ...": the writer's sentence
        if child.dep_ == "ccomp" and any(split_rest(c) is child for c in tok.children):
            continue  # the rest of a clause the parser split: part of the one before
        if child.i < tok.i and interposed_participle(child):
            continue  # "Okafor, asked if he would resign, said ...": the question, not his words
        if site.score(pattern, tok.lower_, source) is None:
            continue  # no cue in this construction: the content need not be cut out
        tail = set(clause_tail(child, site.reliability))
        told = outlets.swallowed_outlet(tok) if child.dep_ == "ccomp" else []
        told += adjuncts_before_quotation(child) if child.dep_ == "ccomp" else []
        tail |= _answering_clauses(tok, child) | set(told)
        content = [t for t in child.subtree if not relay_phrase(t) and t not in tail]
        if child.dep_ == "ccomp":
            content += coordinated_that(tok, child) + continued_claim(tok, child)
            if (rest := split_rest(child)) is not None:
                content += list(rest.subtree)
        elif child.dep_ == "xcomp":
            content = _infinitive_subject(tok, child) + content
            content += coordinated_infinitive(tok, child)
        elif child.dep_ == "dobj":
            content += _quoted_predicate(tok, child)
        out += site.propose(pattern, tok.lower_, tok, content, source)
    return out


def _infinitive_subject(cue: Token, infinitive: Token) -> list[Token]:
    """ "urged both sides to return to talks", "asked voters to stay home": the cue's object
    between it and its infinitive is who is to act, part of what was said (without it the
    claim reads "to return to talks"). [] when the cue has no such object or the infinitive
    has no "to" (a misparsed clause)."""
    if not any(c.lower_ == "to" for c in infinitive.lefts):
        return []
    obj = next(
        (c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < infinitive.i), None
    )
    return list(obj.subtree) if obj is not None else []


# Verbs of disagreeing: a clause of them after a comma answers the statement before it.
DISSENTING = wordset(
    """disagree disagrees disagreed dissent dissents dissented object objects objected differ
    differs differed demur demurs demurred scoff scoffs scoffed"""
)


def _answering_clauses(cue: Token, clause: Token) -> set[Token]:
    """ "Senator says tariff deal is 'close,' aides disagree": the tokens of a clause inside
    the cue's complement, after a comma or a closing quotation mark, whose own subject
    disagrees (`DISSENTING`): that subject's reaction, not part of what the cue's subject
    said. The complement itself is one only when the cue has another before it."""
    out: set[Token] = set()
    for verb in clause.subtree:
        if verb.lower_ not in DISSENTING or not any(c.dep_ == "nsubj" for c in verb.children):
            continue
        if verb is clause and not any(
            c.dep_ == "ccomp" and c.i < clause.i for c in cue.children
        ):
            continue
        first = next(t for t in verb.subtree if not t.is_punct)
        if first.i > 0 and first.nbor(-1).text in (",", ";", "'", "\u2019", '"', "\u201d"):
            out |= set(verb.subtree)
    return out


def _quoted_predicate(cue: Token, obj: Token) -> list[Token]:
    """ "Foreign minister says ceasefire 'within reach'": a quotation right after the
    object that the parser hung on the cue (a preposition, adverb or adjective) says
    what the object is, as a headline drops the verb "is"; its tokens, marks included,
    belong to the content. [] when no quotation follows the object."""
    doc = obj.doc
    start = obj.right_edge.i + 1
    if start + 1 >= len(doc) or not doc[start].is_quote:
        return []
    pred = next(
        (
            c
            for c in cue.children
            if c.left_edge.i in (start, start + 1)
            and c.dep_ in ("prep", "advmod", "acomp", "oprd", "npadvmod", "advcl")
        ),
        None,
    )
    if pred is None:
        return []
    end = pred.right_edge.i
    if end + 1 < len(doc) and doc[end + 1].is_quote and not doc[end].is_quote:
        end += 1
    return list(doc[start : end + 1]) if doc[end].is_quote else []


def _title_case_verb(tok: Token) -> bool:
    """ "Kestrel Drones Announces ...": a capitalised verb inside its sentence, as a headline
    in title case writes it (running text's "endorsed Donald Trump" is kept: PolNeAR dev
    annotates such objects)."""
    return tok.text[:1].isupper() and not tok.is_sent_start


def _only_a_name(obj: Token) -> bool:
    """An object that is a capitalised name and nothing else ("Series C Funding", "the Green
    Deal"): a thing announced or named, no proposition anyone states."""
    words = [t for t in obj.subtree if not t.is_punct and t.lower_ not in ("the", "a", "an")]
    return all(t.text[:1].isupper() or t.like_num for t in words) and any(
        t.tag_ in ("NNP", "NNPS") for t in words
    )


def _predicative_objects(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "called Trump a fascist", "condemned the attack as an act of terror": an object with
    its predicate is a small clause (Trump is a fascist), the speaker's claim; proposed as a
    clause of the verb when the lexicon knows it as a clausal or object cue."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is not None and quoted_speaker(tok) == obj:
        return []  # "quoted Whitaker as saying ...": Whitaker speaks, "saying" is the cue
    pred = _predicate(tok, obj)
    if pred is None and obj is not None:
        pred = _quoted_apposition(obj)  # 'called the bill "a blank check."' parsed as appos
    if pred is None or (obj is None and (pred.dep_ != "oprd" or pred.left_edge.i == pred.i)):
        return []  # no object; or one the parser hung inside the predicate ("the ban 'cruel'")
    obj = obj or pred
    scores = [site.reliability(tok.lower_, p) for p in ("ccomp", f"dobj:{source_kind(source)}")]
    known = [score for score in scores if score is not None]
    if not known:
        return []
    span = tok.doc[obj.left_edge.i : pred.right_edge.i + 1]
    spans = token_spans([t for t in span if under(t, obj) or under(t, pred)], site.offset)
    if not spans:
        return []
    return [Candidate("ccomp", tok.lower_, max(known), spans, tok, source, *site.position())]


def _predicate(verb: Token, obj: Token | None) -> Token | None:
    """The predicate `verb` gives its object `obj` (or, without one, itself) in a small
    clause: an object predicate ("called Trump a fascist") or an "as" phrase ("derided the
    deal as toothless"); None when there is none."""
    return next(
        (
            c
            for c in verb.children
            if c.i > (obj or verb).i
            and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and c.n_rights))
        ),
        None,
    )


def _quoted_apposition(obj: Token) -> Token | None:
    """The words in quotation marks the parser hung on an object as its apposition ('called
    the bill "a blank check"': the predicate of a small clause, the bill is a blank check);
    None when the object has no such apposition."""
    for child in obj.rights:
        opening = child.left_edge.i - 1
        if child.dep_ == "appos" and opening > obj.i and obj.doc[opening].tag_ == "``":
            return child
    return None


# Verbs of showing and finding whose object with a participle or a "with" phrase is a small
# clause: "a poll shows Clinton with a lead", "the analysis found Democrats outpacing
# Republicans" (Clinton has a lead; Democrats are outpacing Republicans).
SHOWING = frozenset(family(w) for w in wordset("show shows showed shown find finds found"))


def _small_clauses(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "Polling averages show Clinton with a lead", "a study found voters souring on the
    plan": the object with its participle (or, for a name or a pronoun, its "with" phrase)
    states what the evidence shows, a clause without a verb of its own. A "find" needs
    evidence as its source (`cue_types.EVIDENCE_SOURCES`: police who "found a man lying in
    the street" report no finding). Proposed as the verb's clause, so the lexicon's clausal
    evidence for the cue gates it."""
    if family(tok.lower_) not in SHOWING or source is None:
        return []
    if not tok.lower_.startswith("show") and source.lower_ not in EVIDENCE_SOURCES:
        return []
    if site.score("ccomp", tok.lower_, source) is None:
        return []
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.tag_ in PRONOUN_TAGS[1:] or is_date(obj):
        return []
    named = obj.tag_ in ("NNP", "NNPS", "PRP")
    # The parser hangs "with" on the object or on the verb right after it.
    after = [c for c in tok.rights if c.i == obj.right_edge.i + 1]
    predicate = next(
        (
            c
            for c in [*obj.rights, *after]
            if (c.dep_ == "acl" and c.tag_ == "VBG")
            or (named and c.dep_ == "prep" and c.lower_ == "with")
        ),
        None,
    )
    if predicate is None:
        return []
    words = [*obj.subtree, *([] if under(predicate, obj) else predicate.subtree)]
    content = [t for t in words if not relay_phrase(t)]
    return site.propose("ccomp", tok.lower_, tok, content, source)


def _judgements(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "accused Clinton of lying", "criticized the board for its silence", "blamed the media
    over the loss": an object with the charge or the reason for it is the speaker's claim about
    the object (Clinton lied); the cue lexicon's object evidence for the verb gates it (pattern
    `judgement`, see `cues.estimate`). An object without a reason stays an action, and so does
    one with a one-word purpose ("endorsed Clinton for president")."""
    if source is None or (tok.is_title and tok.i != tok.sent.start) or expressive(tok.lower_):
        return []  # "Christie Calls Off ...": a headline in title case parses badly
    if site.score("judgement", tok.lower_, source) is None:
        return []
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.tag_ in PRONOUN_TAGS[1:] or is_date(obj) or back_reference(obj):
        return []  # "has said that for ten years": no one judged, words said before
    reason = next(
        (
            c
            for c in tok.children
            if c.i > obj.i
            and c.dep_ == "prep"
            and c.lower_ in JUDGEMENT_PREPS
            and any(_reason(o) for o in c.children)
        ),
        None,
    )
    if reason is None:
        return []
    content = [t for t in [*obj.subtree, *reason.subtree] if not relay_phrase(t)]
    return site.propose("judgement", tok.lower_, tok, content, source)


def _reason(obj: Token) -> bool:
    """The object of "of"/"for" states a reason: a gerund ("of lying") or a phrase of two words
    or more ("for her ties to Wall Street"), not a bare noun ("for president")."""
    return obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and obj.left_edge.i < obj.right_edge.i)


def _late_that(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "said on Friday during a news conference that ...", when the verb has no ccomp."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return []
    if site.score("ccomp", tok.lower_, source) is None:
        return []  # no cue: nothing to propose
    if not (late := late_that_clause(tok)):
        return []
    content = [t for t in late.subtree if not relay_phrase(t)]
    return site.propose("ccomp", tok.lower_, tok, content, source)


# Verbs whose "if" clause is a question, not a condition ("asked the governor if ...").
QUESTIONING = frozenset(
    family(w) for w in wordset("ask wonder inquire enquire question query know")
)


def _adverbial_reports(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """A reported clause the parser hung on the cue as an adverbial clause: a yes/no question
    marked "whether", or "if" after a verb of asking (`QUESTIONING`: "asked the governor if
    she would sign"; "announced the schedule if you want to know" is a condition), and a
    clause with no subordinator, a subject and a tense of its own after an adjunct ("said
    after the convention he would not accept ..."). Proposed as the verb's clause, so the
    lexicon's clausal evidence for the cue gates it."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return []
    if site.score("ccomp", tok.lower_, source) is None:
        return []  # no cue: nothing to propose
    out: list[Candidate] = []
    for child in tok.rights:
        if child.dep_ != "advcl":
            continue
        if _question(tok, child):
            first = child.left_edge.i
        elif (subj := _bare_clause(child)) is not None:
            first = subj.left_edge.i  # "after the convention" before it is the cue's adjunct
        else:
            continue
        content = [t for t in child.subtree if t.i >= first and not relay_phrase(t)]
        out += site.propose("ccomp", tok.lower_, tok, content, source)
    return out


def _question(cue: Token, clause: Token) -> bool:
    """ "whether ..." after any cue, "if ..." after a verb of asking."""
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    if mark is None or mark.i != clause.left_edge.i:
        return False
    return mark.lower_ == "whether" or (mark.lower_ == "if" and family(cue.lower_) in QUESTIONING)


def _bare_clause(clause: Token) -> Token | None:
    """The subject of a clause with no subordinator ("he would not accept ..."), a tense of
    its own (a finite verb or a modal) and nothing but adjuncts ("after the convention")
    before its subject; None for any other clause."""
    lefts = [c for c in clause.lefts if not c.is_punct]
    subj = next((c for c in lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ not in ("prep", "npadvmod") for c in lefts[: lefts.index(subj)]):
        return None
    if any(c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") for c in clause.children):
        return None
    finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in clause.lefts
    )
    return subj if finite else None


def _prepositional_objects(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "warned against ...", "talked about ...": the object of a content preposition, a noun
    phrase or a gerund clause ("called for reducing the tax rate", "warned against raising
    fees")."""
    out: list[Candidate] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            for obj in child.children:
                if obj.dep_ == "pcomp" and (obj.tag_ != "VBG" or child.lower_ not in STANCE_PREPS):
                    continue  # "talked about running": a topic; "for as long as": no gerund
                if (
                    obj.dep_ in ("pobj", "pcomp")
                    and obj.tag_ not in PRONOUN_TAGS
                    and not is_date(obj)
                ):
                    form = f"{tok.lower_} {child.lower_}"
                    if site.score("prep", form, source) is None:
                        continue  # no cue: the content need not be cut out
                    content = [t for t in obj.subtree if not relay_phrase(t)]
                    out += site.propose("prep", form, tok, content, source)
    return out


def _reporting_parataxis(tok: Token, source: Token | None, site: Site) -> list[Candidate]:
    """ "X, he said.": the clause the cue hangs off is the content. A cue set inside the
    clause's subject ("The difference now, he told me, is that ...") hangs off a noun; the
    content is then the whole clause that noun is the subject of."""
    if not reporting_tail(tok) or source is None or any(c.dep_ == "ccomp" for c in tok.children):
        return []
    if site.score("parataxis", tok.lower_, source) is None:
        return []
    clause = tok.head
    if interposed_participle(clause):
        return []  # "Gonzalez, asked whether ..., said: ...": the question is not her words
    if clause.dep_ in ("nsubj", "nsubjpass") and clause.head.tag_.startswith("VB"):
        clause = clause.head
    content = [t for t in clause.subtree if not under(t, tok) and not relay_phrase(t)]
    return site.propose("parataxis", tok.lower_, tok, content, source)


def labelled_lines(
    text: str, paras: list[tuple[int, int]], sentence_starts: list[int]
) -> list[Candidate]:
    """Headlines and transcripts: "Lynch: No outside influence on FBI probe", "FALLIN: Well, I
    think ...", a live blog's item "14:18 Opposition leader Sussan Reid: "It's a con."". The
    name before the colon is the source, the rest of the line the content."""
    out = []
    lines = [(i, m) for i, (s, e) in enumerate(paras) if (m := _LABEL.match(text, s, e))]
    transcript = len(lines) + sum(bool(_TURN.match(text, s, e)) for s, e in paras) >= 2
    for index, match in lines:
        start, end = paras[index]
        words = match.group(1).split()
        if words[0].lower().rstrip(".") in NOT_LABELS or not words[0][:1].isupper():
            continue
        if any(w.islower() and not is_role_word(w) for w in words):
            continue  # "Voters in Harlow said:": a clause, no label
        if transcript and _only_a_question(text[match.end() : end]):
            continue  # the interviewer's turn
        if not transcript and index <= 1 and _place_dateline(match.group(1)):
            continue  # "BENGALURU: Chief Minister ... pulled up": where the story was filed
        if (
            match.group(1).isupper()
            and " " in match.group(1)
            and not (transcript and _shouted_name(match.group(1), text))
        ):
            continue  # "FIX IS IN:" is a headline kicker, not a turn

        content = trimmed(text, set(range(match.end(), end)))
        if not content or sum(c.isalpha() for c in text[match.end() : end]) < 12:
            continue
        label = (match.start(1), match.end(1))
        sentence = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        kind = "direct" if transcript else "indirect"  # a transcript is verbatim
        out.append(
            Candidate(
                "label",
                ":",
                LABEL_SCORE,
                content,
                None,
                None,
                0,
                index,
                sentence,
                kind,
                label=label,
            )
        )
    return out


def _shouted_name(label: str, text: str) -> bool:
    """ "HANNAH COLE:" in a transcript: a name in capitals whose first word is a given name
    (`names.is_first_name`) or which the article writes in Title Case elsewhere ("Hannah
    Cole"); "FIX IS IN" and "CURRENCIES" are neither."""
    name = label.title()
    return is_first_name(name.split()[0]) or name in text


def _place_dateline(label: str) -> bool:
    """ "BENGALURU:", "NEW DELHI:" opening a story (Indian and Pakistani style): a place in
    capitals, which the recogniser reads as a place in Title Case, and no given name. Asked
    of the opening paragraphs (headline, lead) of an article that is no transcript only."""
    name = label.title()
    if not label.isupper() or is_first_name(name.split()[0]):
        return False
    return any(
        (start, end) == (0, len(name)) and kind in ("GPE", "LOC")
        for start, end, kind in entities(name)
    )


def _only_a_question(line: str) -> bool:
    """One sentence ending in a question mark: an interviewer's turn, not a claim."""
    body = line.strip()
    return body.endswith("?") and not re.search(r"[.!?]\s", body)
