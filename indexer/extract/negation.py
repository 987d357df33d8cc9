"""Negation: reports of what someone did NOT say, and reports the text says are false.

A fact-checker reading "Grant never claimed that waiting lists were falling" must not find
"waiting lists were falling" stored as Grant's claim (issue 11). Two shapes are no claim by
the cue's subject:

- an unsaid report (`unsaid`): a verb of saying negated ("did not say whether ...", "never
  claimed that ...", "would not say when ..."), or the infinitive of a refusal ("refused to
  say that ...", "declined to say how ...") or after "yet to" ("has yet to say what ...",
  "is yet to confirm that ..."). A negated verb of thought is kept: "does not
  believe the deal will pass" states a belief (that it will not), as English raises the
  negation onto the verb (`cue_types.THOUGHT_VERBS`);
- a disowned report (`disowned`): a report set inside a clause that another speaker denies
  or that is called false ("Grant denied that he said ...", "It is false that Grant said
  ...", "Critics have falsely claimed that Grant said ...", "never claimed that Grant said
  ..."), or that another source alleges ("A campaign flyer claimed that Calder said ..."):
  the outer report stands (the flyer's claim about Calder), the inner one is not the inner
  subject's claim.

A denial itself ("X denied that Y") is a statement and is kept (store/provenance.py marks
it denied). PolNeAR annotates negated cues as attributions (7 of 19,832 on train, such as
"did not say how the justices had voted"); a user searching what someone said reads them
as that person's claims, so they are not stored.
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.extract import cues
from indexer.extract.cue_types import THOUGHT_VERBS
from indexer.lexicon import wordset
from schemas.attribution import DENYING_CUES

# Verbs whose infinitive is withheld speech: "refused to say", "declined to confirm".
REFUSALS = wordset("refuse refuses refused refusing decline declines declined declining")
# Verbs by which a speaker says a clause is untrue: the one list the store marks denials by.
DENIALS = DENYING_CUES
# Verbs by which another source alleges what someone said ("A flyer claimed that Calder
# said ..."): the report is the alleging source's claim about that person, not a statement
# the text vouches for.
ALLEGATIONS = wordset(
    "claim claims claimed claiming allege alleges alleged alleging purport purports purported"
)
FALSE_WORDS = wordset("false untrue wrong incorrect inaccurate baseless unfounded")
FALSELY = wordset("falsely wrongly mistakenly erroneously incorrectly untruthfully")
# Words that turn a negation into its opposite: "not only said", "never failed to say",
# "could not resist pointing out".
NOT_NEGATING = wordset("only just merely")
DOUBLE_NEGATIVES = wordset(
    """hesitate hesitated hesitates fail failed fails resist resisted stop stopped cease
    ceased help"""
)
# Verbs that hold "yet to" + an infinitive: "has yet to say", "is yet to confirm".
YET_HOLDERS = wordset("has have had having is are was were be been remain remains remained")
VERB_GROUP = ("aux", "auxpass", "advmod", "neg")  # "did not [immediately] say"
# How a report hangs in the clause that holds it ("denied [that he said ...]"); a
# coordinated or adverbial verb ("denied it and said ...", "denied it, saying ...") is a
# statement of its own.
CLAUSE_LINKS = ("ccomp", "xcomp")


def negated(verb: Token) -> bool:
    """Does `verb` carry a negation of its own ("not", "n't", "never"), other than "not
    only"? The negation stands before the verb with nothing but auxiliaries and adverbs
    between ("did not immediately say", "isn't saying"); a "not" the parser hangs on the
    verb from elsewhere ('"Probably not," he said', "promising ..., probably not what ...")
    negates something else."""
    doc = verb.doc
    for neg in verb.children:
        if neg.dep_ != "neg" or neg.i > verb.i:
            continue
        if neg.i + 1 < len(doc) and doc[neg.i + 1].lower_ in NOT_NEGATING:
            continue
        if all(t.dep_ in VERB_GROUP for t in doc[neg.i + 1 : verb.i]):
            return True
    return False


def unsaid(cue: Token) -> bool:
    """Is `cue` a verb of saying (or writing, or showing) that is negated or refused: "did
    not say", "never claimed", "refused to say", "would not confirm"? A verb of thought
    (`THOUGHT_VERBS`) is never unsaid."""
    if not cue.tag_.startswith("VB") or cue.lower_ in THOUGHT_VERBS:
        return False
    if negated(cue):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and (
        head.lower_ in REFUSALS
        or (negated(head) and head.lower_ not in DOUBLE_NEGATIVES)
        or _yet_to(head, cue)
    )


def _yet_to(head: Token, cue: Token) -> bool:
    """ "has yet to say what ...", "is yet to confirm that ...", "remains yet to explain":
    "yet" on the verb holding the cue's infinitive says the speaking has not happened."""
    return head.lower_ in YET_HOLDERS and any(
        c.lower_ == "yet" and head.i < c.i < cue.i for c in head.children
    )


def disowned(cue: Token) -> bool:
    """Does `cue` report inside a clause that is denied, negated, called false or alleged:
    "denied that he said ...", "It is false that Grant said ...", "falsely claimed that
    Grant said ...", "never claimed that Grant said ...", "A flyer claimed that Calder said
    ..." (`ALLEGATIONS`)? Walks up the clauses holding the cue."""
    tok = cue
    while tok.dep_ in CLAUSE_LINKS and tok.head.i != tok.i:
        head = tok.head
        if (
            head.lower_ in DENIALS
            or _called_false(head)
            or _unsaid_report(head, tok)
            or (head.lower_ in ALLEGATIONS and tok.dep_ == "ccomp" and head.i < tok.i)
        ):
            return True
        tok = head
    return _denied_claim(tok)


def _denied_claim(clause: Token) -> bool:
    """ "dismissed suggestions [that Kerr had said ...]", "rejected claims [that he said
    ...]": `clause` states the content of a claim noun that a denial verb takes as object."""
    noun = clause.head
    return (
        clause.dep_ in ("acl", "relcl")  # the parser takes some "that" clauses for relatives
        and any(c.dep_ == "mark" for c in clause.children)
        and noun.i < clause.i
        and noun.tag_.startswith("NN")
        and noun.dep_ in ("dobj", "pobj")
        and noun.head.lower_ in DENIALS
    )


def _unsaid_report(verb: Token, clause: Token) -> bool:
    """ "never claimed [that Grant said ...]": `clause` is what an unsaid verb of saying
    before it (`cues.attested`) reports. A negated verb that is no cue ("pointed out that
    ..., so victims do not translate into ...", a misparse) reports nothing."""
    return (
        clause.dep_ == "ccomp" and verb.i < clause.i and cues.attested(verb.lower_) and unsaid(verb)
    )


def _called_false(verb: Token) -> bool:
    """ "falsely claimed", "It is false that ...", "It is not true that ...": the verb says
    its clause is untrue."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in FALSELY:
            return True
        if child.dep_ == "acomp" and (
            child.lower_ in FALSE_WORDS
            or (child.lower_ == "true" and any(c.dep_ == "neg" for c in verb.children))
        ):
            return True
    return False
