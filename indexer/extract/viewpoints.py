"""Viewpoint frames: a clause framed as someone's report, view or poll finding, and the
claim or commitment a noun holds ("his claim that ...", "her vow to ...": `held_claim`).

Three shapes of the press that put a whole clause under a source without a verb taking it
as its complement:

- "As The Hill reported, Trump was accused of ...", "The numbers changed, as Sanders has
  acknowledged.": a reporting verb in an "as" clause with a subject; the clause it modifies
  is the subject's content (`as_reported`). "As expected" (no subject), "as he accepted the
  nomination" (an object: an action) and "as they discover that ..." (a complement of its
  own, proposed by the verb itself) are not;
- "In Ash's view, the change would ...", "In the view of the mayor, ...", "Her position was
  that the tax should go": a noun of opinion with its holder, framing a clause or equated
  with a "that" clause (`in_view`, `view_is_that`); without a holder ("The idea is that
  ...") it is the writer's, no attribution;
- "In the CBS poll, Trump's lead remained in double digits", "Trump is leading in the
  polls": a poll or survey as the frame of the clause is its finding (`in_poll`; cue type
  evidence, `cue_types.EVIDENCE_SOURCES`).

Scores: the "as" clause borrows the verb's reliability as a reporting tail ("..., he
noted": the same report, `cues.reliability` with "parataxis"); the two frames carry the
share of their candidates that are PolNeAR train attributions (`VIEW_SCORE`, `POLL_SCORE`).
The scorer leaves the scores of constructions it was not trained on as they are
(`scoring.rescore`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from indexer.extract.candidate import Candidate
from indexer.extract.contents import relay_phrase, under
from indexer.extract.cues import family
from indexer.extract.sources import subject
from indexer.extract.spans import token_spans
from indexer.lexicon import wordset

if TYPE_CHECKING:
    from indexer.extract.constructions import Site

# Nouns of a claim, a view or a stance whose holder states a "that" clause: "his claim that
# ...", "Santilli's continued insistence that ...", "her position was that ...".
VIEW_NOUNS = wordset(
    """view views opinion estimation judgment judgement position argument arguments
    contention assertion assertions claim claims belief beliefs conviction assessment
    insistence warning warnings statement statements promise promises pledge pledges vow
    suggestion suggestions allegation allegations complaint complaints fear fears hope hopes
    concern concerns criticism acknowledgment acknowledgement admission assurance assurances
    recommendation prediction predictions point message response case conclusion contention
    demand demands threat insinuation accusation accusations charge denial"""
)
# Nouns of a commitment or a call whose "to" infinitive is what was promised or asked for:
# "his pledge to repeal the law", "the union's call to strike", "Trump's vow to build a wall".
# A plan, a decision or an effort ("her plan to ...", "the decision to ...") is what someone
# does or means to do, not words (PolNeAR train: plan 5 of 26, decision 12 of 39, effort(s)
# 2 of 38 such candidates right; these nouns 5 of 12).
COMMITMENT_NOUNS = wordset(
    """promise promises pledge pledges vow vows threat threats call calls demand demands plea
    pleas appeal appeals"""
)
# Nouns of an act or an aim whose "to" infinitive is what was done or meant to be done, not
# words: "Britain's decision to leave the EU", "her plan to ...", "his effort to ...", "their
# refusal to ..." (PolNeAR train, above; issue 11, noise audit seed 131). With a "that"
# clause ("the court's decision that the law stands") a decision is a ruling: it stays.
ACTION_NOUNS = wordset(
    """decision decisions plan plans effort efforts attempt attempts refusal bid bids"""
)
# Verbs by which their subject voices the claim or commitment their object names: "the
# senator repeated the accusation that ...", "she renewed the pledge to ...", "made a promise
# to ...". Other verbs judge a holderless claim ("rejected the claim that ..."): no source.
VOICING = frozenset(
    family(w) for w in wordset("make made repeat reiterate renew reaffirm restate issue voice echo")
)
# Of those, the ones "in X's ..." frames a clause with ("in his position" does not).
IN_VIEW_NOUNS = wordset("view opinion estimation judgment judgement assessment")
POLL_NOUNS = wordset("poll polls polling survey surveys")
VIEW_SCORE = 0.65  # share of "in X's view" / "X's view is that" candidates right on PolNeAR train
CLAIM_SCORE = 0.55  # share of "his claim that ..." candidates right on PolNeAR train (39/74)
POLL_SCORE = 0.7  # share of "In the CBS poll, ..." candidates right on PolNeAR train
_TELLING = frozenset(family(w) for w in wordset("tell told remind reminded inform informed"))
_OCCASION_PREPS = wordset("in on at during to")
# Verbs whose "as" clause says when or how, not who reported: "as he spoke", "as is the
# custom", "news as we know it".
_NOT_REPORTS = wordset(
    """speak spoke spoken speaking answer answered answering talk talked be is are was were
    been know knew known"""
)


def from_token(tok: Token, site: Site) -> list[Candidate]:
    """Every viewpoint candidate whose cue is `tok` (an "as" clause's verb, the "in" of a
    view or poll, a noun of opinion equated with a clause)."""
    if tok.tag_.startswith("VB"):
        return as_reported(tok, site) + view_is_that(tok, site)
    if tok.lower_ == "in" and tok.dep_ == "prep":
        return in_view(tok, site) + in_poll(tok, site)
    if tok.tag_ in ("NN", "NNS"):
        return held_claim(tok, site)
    return []


def as_reported(tok: Token, site: Site) -> list[Candidate]:
    """ "As The Hill reported, <clause>" / "<clause>, as Sanders acknowledged.": the clause
    the "as" clause modifies, without the "as" clause, is the subject's content."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children
    ):
        return []
    if tok.lower_ in _NOT_REPORTS or any(not _frame_adjunct(tok, c) for c in tok.children):
        return []  # "as he accepted the nomination", "as they discover that ...": no frame
    source = subject(tok)
    score = site.reliability(tok.lower_, "parataxis")
    if source is None or score is None or site.reliability(tok.lower_, "ccomp") is None:
        return []  # "as the crowd laughed": a verb that never reports a clause
    clause = tok.head
    if not clause.tag_.startswith(("VB", "MD")) or any(c.dep_ == "ccomp" for c in clause.children):
        return []  # '"...," Cruz said as the heckler yelled': the clause reports its own words
    later = {c.i for c in clause.children if c.dep_ in ("conj", "cc") and c.i > tok.i}
    content = [
        t
        for t in clause.subtree
        if not under(t, tok)
        and not relay_phrase(t)
        and not any(under(t, t.doc[i]) for i in later)
    ]
    return _candidate("as-clause", tok.lower_, score, tok, content, source, site)


def _frame_adjunct(verb: Token, child: Token) -> bool:
    """May `child` stand on the verb of a reporting "as" clause? Its subject, marker and
    adverbs; the hearer of a verb of telling ("as she told reporters") and the occasion or
    medium ("as he said in a speech", "as she wrote on Twitter"). A complement or another
    object makes the clause an event of its own ("as he accepted the nomination")."""
    if child.dep_ in ("dobj", "dative"):
        return family(verb.lower_) in _TELLING
    if child.dep_ == "prep":
        return child.lower_ in _OCCASION_PREPS
    return child.dep_ not in ("ccomp", "xcomp", "attr", "acomp", "oprd")


def in_view(tok: Token, site: Site) -> list[Candidate]:
    """ "In Ash's view, <clause>", "In the view of the mayor, <clause>": the holder of the
    view is the source, the clause the "in" phrase modifies its content."""
    noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in IN_VIEW_NOUNS:
        return []
    holder = _holder(noun)
    if holder is None:
        return []
    return _framed(tok, noun, holder, "viewpoint", VIEW_SCORE, site)


def in_poll(tok: Token, site: Site) -> list[Candidate]:
    """ "In the CBS poll, <clause>": the poll opening the clause is its source (evidence),
    the clause its finding. After the verb ("Trump is leading in the polls", "rose in the
    polls") it is mostly a candidate's standing, which PolNeAR marks one time in four."""
    poll = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lower_ not in POLL_NOUNS:
        return []
    agent = subject(tok.head)
    if agent is None or tok.i > agent.i:
        return []
    return _framed(tok, poll, poll, "poll", POLL_SCORE, site)


def view_is_that(tok: Token, site: Site) -> list[Candidate]:
    """ "Her position was that the tax should go", "The senator's argument is that ...": a
    noun of opinion with its holder, equated by "be" with a "that" clause."""
    if tok.lower_ not in ("is", "was", "'s", "\u2019s", "remains", "remained"):
        return []
    noun = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "attr") and c.i > tok.i and _that_clause(c)
        ),
        None,
    )
    if noun is None or clause is None or noun.lower_ not in VIEW_NOUNS:
        return []
    holder = _holder(noun)
    if holder is None:
        return []
    content = [t for t in clause.subtree if not relay_phrase(t)]
    return _candidate("viewpoint", noun.lower_, VIEW_SCORE, noun, content, holder, site)


def held_claim(tok: Token, site: Site) -> list[Candidate]:
    """ "his claim that ...", "budget hawks' warnings that ...", "complaints from his
    counterpart that ...", "Trump's vow to build a wall": a noun of claim or stance with its
    holder and a "that" clause, or a noun of commitment (`COMMITMENT_NOUNS`) with its "to"
    infinitive; the holder is the source. A holder restating it ("Sanders reiterated his
    belief that ...") or a subject voicing a holderless one (`VOICING`: "the senator repeated
    the accusation that ...") is the source instead. Without a holder ("the idea that",
    "concerns that") it is nobody's in particular, no attribution. A noun the cue lexicon
    scores itself is left to `constructions` ("noun" construction)."""
    lower = tok.lower_
    if lower not in VIEW_NOUNS and lower not in COMMITMENT_NOUNS:
        return []
    clause = next(
        (
            c
            for c in tok.children
            if c.i > tok.i
            and (
                (lower in VIEW_NOUNS and c.dep_ in ("acl", "ccomp", "relcl") and _that_clause(c))
                or (lower in COMMITMENT_NOUNS and _infinitive(c))
            )
        ),
        None,
    )
    holder = _holder(tok, ("of", "by", "from"))
    if clause is None or site.score("noun", lower, holder) is not None:
        return []
    if tok.dep_ == "dobj" and (holder is None or holder.tag_ == "PRP$"):
        voiced = holder is not None or family(tok.head.lower_) in VOICING
        agent = subject(tok.head) if voiced else None
        holder = agent or holder  # "Sanders reiterated his belief that ...": Sanders restates
    if holder is None:
        return []
    content = [t for t in clause.subtree if not relay_phrase(t)]
    return _candidate("claim-noun", lower, CLAIM_SCORE, tok, content, holder, site)


def _infinitive(verb: Token) -> bool:
    """Is `verb` a "to" infinitive on a noun ("a vow to build a wall"), not a purpose or a
    relative clause with a subject of its own?"""
    return (
        verb.dep_ in ("acl", "relcl", "xcomp")
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _that_clause(verb: Token) -> bool:
    """Does `verb` open with the complementiser "that" (a mark, or the object the parser
    sometimes makes of it: "warnings that they would skyrocket")? A relative "that" is the
    clause's subject or object before a verb that lacks one, and is told apart by its tag."""
    return any(
        c.lower_ == "that" and c.tag_ == "IN" and c.i < verb.i and c.dep_ in ("mark", "dobj")
        for c in verb.children
    )


def _holder(noun: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    """Whose view: the possessor ("Ash's view", "her view") or the object of one of
    `preps` ("the view of the mayor", "complaints from X"); None when it has no holder."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _framed(
    prep: Token, noun: Token, source: Token, pattern: str, score: float, site: Site
) -> list[Candidate]:
    """The clause the frame `prep` modifies, without the frame, as `source`'s content."""
    clause = prep.head
    if not clause.tag_.startswith(("VB", "MD")) or subject(clause) is None:
        return []
    content = [t for t in clause.subtree if not under(t, prep) and not relay_phrase(t)]
    return _candidate(pattern, noun.lower_, score, prep, content, source, site)


def _candidate(
    pattern: str,
    form: str,
    score: float,
    cue: Token,
    content: list[Token],
    source: Token,
    site: Site,
) -> list[Candidate]:
    """One candidate, or none when the content is shorter than two words."""
    if sum(t.is_alpha for t in content) < 2:
        return []
    spans = token_spans(content, site.offset)
    if not spans:
        return []
    return [
        Candidate(pattern, form, score, spans, cue, source, *site.position())
    ]
