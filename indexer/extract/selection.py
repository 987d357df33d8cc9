"""Selection: which candidates survive when they compete for the same characters.

Decides by the candidate scorer's probability, because PolNeAR-style annotation is univocal
(a token belongs to one attribution): the most probable candidate keeps its characters; a
later one loses those already taken and is dropped when less than half remains.

Some candidates are no attribution whatever their score and are dropped beforehand
(`admissible`): a complement clause whose cue has no subject (the writer's hedging), the
writer's generalisation ("Experience shows ..."), an infinitive after a verb of action or
intention ("sought to protect", "voted to charge", "plans to build": what someone did or
means to do, not what they said), a noun phrase after a negated cue ("did not address the
allegations": a topic not spoken about), a clause after a factive verb of knowing
("Trump knows there are ...", "Republicans learned that ...": the writer's assertion), a
quotation whose cue is no attested verb of saying ("The City Council passed: ..."), a
source that is no one ("Not that anyone is arguing ...", "No official said ...", "Not
everyone finds ..."), an utterance the writer imagines ("a reader would now ask ...", "you
might say ...": `hypothetical_speaker`), the writer's aside with an expletive "it" ("It is
worth noting that ...": `writers_aside`), an act or an aim named by a noun ("the decision
to leave": `action_noun`) and a
report of what was not said or is called false ("did not say whether ...", "refused to say
that ...", "denied that he said ...": `negation`). So
is an outlet's frame around another report ("X said ..., Radio Y reported", "According to
the AP, the office said ..."): the outlet relays the inner report (its `via`), it is not a
second speaker. A report held entirely inside another's content (a quote of a quote) is
kept beside it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from indexer.extract import cue_types, cues, negation, outlets
from indexer.extract.candidate import Candidate
from indexer.extract.cues import family
from indexer.extract.inner_quotes import INNER_QUOTATION
from indexer.extract.scoring import STORE_FLOOR
from indexer.extract.spans import chars, trimmed
from indexer.extract.viewpoints import ACTION_NOUNS
from indexer.lexicon import wordset

NESTED_PATTERNS = frozenset(["ccomp", "quote"])  # the reports a report may hold
# An interview answer (a layout turn) may report what "he" or "she" said: the interviewee
# relays someone else ("He said the harbour would never close"); "I think ..." is the turn.
THIRD_PERSON = wordset("he she they")
# Cues of a relayed statement: words said, told, written or promised to the outer speaker.
# Thoughts ("she believes"), findings ("the videos show") and pronoun sources nested in a
# report are mostly not annotated as attributions (PolNeAR dev: precision falls 2 points).
NESTED_CUES = wordset(
    """said says say told tells tell wrote writes write promised promises assured assures
    insisted warned announced declared"""
)

# Probabilities closer than this do not rank candidates (the calibration table's bucket
# width): within one step, the earlier candidate in the text goes first.
RANK_STEP = 0.1


# Verbs whose infinitive is what was said: a promise, a threat, a request or an order
# ("vowed to repeal", "urged voters to ...", "called on Congress to ..."). After any other
# verb the infinitive is an action or an intention ("agreed to lend", "refused to endorse",
# "sought to protect", "looks to shore up"; issue 11, bench/noise_audit_labels.tsv).
SPEECH_ACT_INFINITIVES = frozenset(
    family(w)
    for w in wordset(
        """promise vow pledge swear swore sworn threaten urge ask call tell told order
        instruct advise encourage invite warn demand claim propose offer plead beg implore
        press request appeal challenge dare exhort say said"""
    )
)
# Verbs of wanting and hoping: their infinitive is a wish, a thought the subject holds
# ("Clinton wants to make tuition free", "she hopes to offset the emissions"), stored with
# cue type thought (`cue_types.THOUGHT_VERBS`); PolNeAR train annotates about half of them.
# Plans, aims and attempts ("plans to release", "seeks to minimise") stay actions.
THOUGHT_INFINITIVES = frozenset(family(w) for w in wordset("want wants hope hopes wish wishes"))
# Factive verbs of knowing and finding out: the clause after them is the writer's own
# assertion ("Trump knows there are people ...", "Republicans learned that ...").
KNOWING = frozenset(family(w) for w in wordset("know knew known learn learnt realize realise"))
NOMINAL_CONTENT = ("dobj", "prep")
NOBODY = wordset("anyone anybody nobody none neither")
# The conditional of an imagined utterance ("a reader would ask", "you might say", "one could
# argue") and the generic subjects that say it; "will" and "can" report a real statement.
HYPOTHETICAL_MODALS = wordset("would might could may")
GENERIC_SPEAKERS = wordset("you one someone somebody")
# Quantifiers that stand alone for unnamed people ("Some will say ...", "Many would argue"):
# with a modal, also the future "will", they are the writer's imagined objectors.
GENERIC_PLURALS = wordset("some many others few most")
FUTURE_MODALS = HYPOTHETICAL_MODALS | wordset("will")


def admissible(cand: Candidate) -> bool:
    """Can `cand` be an attribution at all? False for the shapes listed in the module
    docstring, whatever their score."""
    return not (
        sourceless_clause(cand)
        or cue_types.writers_generalisation(cand.cue, cand.source)
        or action_infinitive(cand)
        or negated_topic(cand)
        or family(cand.form) in KNOWING
        or (cand.pattern == "quote" and not cues.attested(cand.form))
        or nobody_speaks(cand)
        or hypothetical_speaker(cand)
        or unsaid_report(cand)
        or writers_aside(cand)
        or action_noun(cand)
        or absolute_manner(cand)
    )


def absolute_manner(cand: Candidate) -> bool:
    """ "..., she told supporters, her voice breaking": a participle after a comma with a noun
    phrase of its own before it and no subject or auxiliary (an absolute phrase) tells how
    the words were said, not what; the parser may still hang it on the cue as its clause.
    "He told reporters, citing the report, that ..." (no noun of its own) is no such phrase."""
    cue = cand.cue
    if cue is None or cand.pattern != "ccomp":
        return False
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.tag_ != "VBG" or clause.left_edge.i == 0:
            continue
        if cand.offset + clause.left_edge.idx != cand.start:
            continue
        lefts = list(clause.lefts)
        return (
            clause.doc[clause.left_edge.i - 1].text == ","
            and bool(lefts)
            and all(c.dep_ in ("poss", "compound", "det", "amod") for c in lefts)
            and any(c.dep_ in ("poss", "compound") for c in lefts)
        )
    return False


def action_noun(cand: Candidate) -> bool:
    """ "Britain's decision to leave the European Union", "Archer's decision to play through
    the pain": a noun of an act or an aim (`viewpoints.ACTION_NOUNS`) with a "to" infinitive
    is what someone did or means to do, not what they said. "The court's decision that the
    law stands" (a "that" clause: a ruling) stays."""
    cue = cand.cue
    if cue is None or cand.pattern.split(":")[0] != "noun" or cue.lower_ not in ACTION_NOUNS:
        return False
    clauses = [c for c in cue.children if c.dep_ in ("acl", "ccomp")]
    return any(
        c.dep_ == "aux" and c.lower_ == "to" for clause in clauses for c in clause.children
    ) and not any(c.dep_ == "mark" and c.lower_ == "that" for k in clauses for c in k.children)


# Heads of a writer's aside about the article's own claim: "It is worth noting that ...",
# "it is fair to say", "It goes without saying that ..." (an adjective or "without").
ASIDE_HEAD_TAGS = frozenset(["JJ", "IN"])


def writers_aside(cand: Candidate) -> bool:
    """ "It's worth noting that this is the first time ...", "It goes without saying that
    ...", "It is fair to say that ...": a cue in the gerund or bare infinitive under an
    adjective or "without" (`ASIDE_HEAD_TAGS`), whose source is the expletive "it", is the
    writer's own comment on the claim that follows, nobody's statement (issue 11). "It said
    ..., citing legal risks" (a company's report: the participle hangs on a verb) stays."""
    cue, source = cand.cue, cand.source
    return (
        cue is not None
        and source is not None
        and source.lower_ == "it"
        and cue.tag_ in ("VBG", "VB")
        and cue.head.tag_ in ASIDE_HEAD_TAGS
    )


def hypothetical_speaker(cand: Candidate) -> bool:
    """ "A reader would now ask whether ...", "You might say the plan is dead", "One could
    argue ...": a cue in the conditional (`HYPOTHETICAL_MODALS`) whose subject is anyone at
    all (`GENERIC_SPEAKERS`, or a noun with the indefinite article) is an utterance the writer
    imagines, nobody's statement. So is one whose subject is a bare quantifier or a plural
    noun without a determiner or with only a possessive pronoun ("Some will say the budget is
    tight", "Many would argue", "Critics may say", "Her defenders will say"), also in the
    future (`FUTURE_MODALS`). "A spokesman would say only that ..." (a real, curt answer),
    "The critics will say ..." and "Trump's lawyers will say ..." stay."""
    cue, source = cand.cue, cand.source
    if cue is None or source is None or cue.i + 1 >= len(cue.doc):
        return False
    modals = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    generic = source.lower_ in GENERIC_SPEAKERS or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in source.children
    )
    determiners = [c for c in source.children if c.dep_ in ("det", "poss", "nummod")]
    anyone = source.lower_ in GENERIC_PLURALS or (
        source.tag_ == "NNS"
        and all(c.tag_ == "PRP$" for c in determiners)  # "Her defenders will say ..."
    )
    imagined = (generic and modals & HYPOTHETICAL_MODALS) or (anyone and modals & FUTURE_MODALS)
    return bool(imagined) and cue.nbor(1).lower_ != "only"


def unsaid_report(cand: Candidate) -> bool:
    """ "Grant did not say whether ...", "refused to say that ...", "denied that he said
    ...": what the cue reports was not said (`negation`). A quotation in another sentence
    than a negated cue ("He didn't suggest retaliation. 'Our goal is ...'") was said."""
    if cand.cue is None:
        return False
    sent = cand.cue.sent
    beside = cand.pattern == "quote" and not (
        cand.offset + sent.start_char <= cand.start < cand.offset + sent.end_char
    )
    return (negation.unsaid(cand.cue) and not beside) or negation.disowned(cand.cue)


def nobody_speaks(cand: Candidate) -> bool:
    """ "Not that anyone in the industry is arguing ...", "Nobody in the cabinet said ...",
    "Not everyone finds that pitch compelling": a source that is no one (`NOBODY`, a noun with
    "no" or one negated by "not") makes no statement; the clause is the writer's."""
    source = cand.source
    if source is None:
        return False
    return source.lower_ in NOBODY or any(
        (c.dep_ == "det" and c.lower_ == "no") or c.lower_ == "not" for c in source.children
    )


def action_infinitive(cand: Candidate) -> bool:
    """ "The council voted to charge a levy", "he has sought to protect breaks": an
    infinitive after a verb outside `SPEECH_ACT_INFINITIVES` and `THOUGHT_INFINITIVES`
    reports an action or an intention, not words or a wish."""
    return cand.pattern == "xcomp" and family(cand.form) not in (
        SPEECH_ACT_INFINITIVES | THOUGHT_INFINITIVES
    )


def negated_topic(cand: Candidate) -> bool:
    """ "He hasn't said much about the plan", "did not address the allegations": a noun
    phrase after a negated cue is what was not spoken about, no proposition."""
    return (
        cand.cue is not None
        and cand.pattern.split(":")[0] in NOMINAL_CONTENT
        and any(c.dep_ == "neg" for c in cand.cue.children)
    )


def sourceless_clause(cand: Candidate) -> bool:
    """ "Repairs are expected to ...", "It is believed that ...": a complement clause whose cue
    has no subject is the writer's hedging far more often than an attribution (about one in
    ten clauses, one in four infinitives on PolNeAR train)."""
    return cand.pattern in ("ccomp", "xcomp") and cand.source is None and cand.label is None


def select(found: list[Candidate], text: str) -> list[Candidate]:
    """Most probable candidates first (by steps of RANK_STEP, then text order); later ones
    lose the characters already taken and are dropped when less than half remains. Returns
    the kept candidates in text order (their contents trimmed in place)."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    nested: list[Candidate] = []
    found = [c for c in found if not _outlet_frame(c, found)]
    ranks = _ranks(found)
    for cand in sorted(found, key=lambda c: (-ranks[id(c)], c.start)):
        covered = chars(cand.content)
        left = covered - taken
        if not covered or len(left) * 2 < len(covered):
            if covered and _reported_within(cand, kept):
                nested.append(cand)
            continue
        if len(left) < len(covered):
            cand.content = trimmed(text, left)
            if not cand.content:
                continue
        kept.append(cand)
        taken |= chars(cand.content)
        for span in (cand.cue_span(), cand.source_span()):
            if span:
                taken |= set(range(*span))
    kept += nested
    kept.sort(key=lambda c: c.start)
    return kept


def _outlet_frame(cand: Candidate, found: list[Candidate]) -> bool:
    """An outlet as the source of a content that holds another candidate's cue and source:
    the outlet relays that report (see :func:`outlets.relays`), it did not make it. So does
    an outlet's publication ("According to a report in the Financial Times, Hale said ...":
    `outlets.publishing_outlet`): Hale's words, relayed by the newspaper."""
    if cand.source is None or cand.label is not None:
        return False
    if not outlets.is_outlet(cand.source) and outlets.publishing_outlet(cand.source) is None:
        return False
    content = chars(cand.content)
    for other in found:
        if other is cand or other.cue is None or other.source is None:
            continue
        cue, source = other.cue_span(), other.source_span()
        if cue and source and cue[0] in content and source[0] in content:
            return True
    return False


def _ranks(found: list[Candidate]) -> dict[int, int]:
    """id(candidate) -> its probability step, no higher than that of another candidate whose
    content holds its source ("He said [his attacks ...] and said that ...": a misparse makes
    "his attacks" the second verb's subject) unless that other is too improbable to be
    stored (`STORE_FLOOR`: "As another study noted, the average age was 18" is no report by
    "was" whose content holds "another study")."""
    ranks = {id(c): int(c.score / RANK_STEP) for c in found}
    sources: dict[int, list[Candidate]] = {}
    for cand in found:
        if (span := cand.source_span()) is not None:
            sources.setdefault(span[0], []).append(cand)
    starts = sorted(sources)
    for other in found:
        if other.score < STORE_FLOOR:
            continue
        step = ranks[id(other)]
        for s, e in other.content:
            for pos in starts[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]:
                for cand in sources[pos]:
                    if cand is not other:
                        ranks[id(cand)] = min(ranks[id(cand)], step)
    return ranks


def _reported_within(cand: Candidate, kept: list[Candidate]) -> bool:
    """ "Fisk said Brant had told her that the money was guaranteed": a report whose cue,
    source and content all lie inside another's content is the inner speaker's statement,
    relayed by the outer one; it is kept beside the outer report (quotes of quotes). Inside
    an interview answer (a layout turn: the interviewee relays others at length, "Bush and
    Baker agreed that NATO would not expand", "according to Quantcast") any construction
    and cue counts, and a third-person pronoun source too (`THIRD_PERSON`); within what a
    named source says "according to" it, an order or request a named speaker gave
    ("told staff to ...", `SPEECH_ACT_INFINITIVES`) counts too."""
    if cand.form == INNER_QUOTATION:  # 'Fisk said: "Brant told me, \'...\'"'
        return any(chars(cand.content) <= chars(outer.content) for outer in kept)
    if cand.source is None or cand.cue is None:
        return False
    pronoun = cand.source.tag_ in ("PRP", "WP", "WDT", "EX")
    if pronoun and cand.source.lower_ not in THIRD_PERSON:
        return False
    usual = cand.pattern in NESTED_PATTERNS and cand.cue.lower_ in NESTED_CUES and not pronoun
    # "According to Weiss, the founder, Viktor Aalto, told staff to clear the archive": an
    # order or request a named speaker gave, within what a named source says of it
    ordered = (
        cand.pattern == "xcomp"
        and family(cand.cue.lower_) in SPEECH_ACT_INFINITIVES
        and _named(cand.source)
    )
    inner = chars(cand.content) | set(range(*cand.cue_span()))  # type: ignore[misc]
    source = cand.source_span()
    if source:
        inner |= set(range(*source))
    return any(
        inner <= chars(outer.content)
        and (
            usual
            or outer.pattern == "layout"
            or (ordered and outer.pattern == "according" and _named_source(outer))
        )
        for outer in kept
    )


def _named_source(cand: Candidate) -> bool:
    """Whether `cand`'s source is named ("according to Weiss"), not a pronoun or a bare
    description ("according to the complaint")."""
    return cand.source is not None and _named(cand.source)


def _named(source: Token) -> bool:
    """A source token that is a proper name, or a description with a name in apposition
    ("the company's founder, Viktor Aalto")."""
    names = ("NNP", "NNPS")
    return source.tag_ in names or any(
        c.dep_ == "appos" and c.tag_ in names for c in source.children
    )
