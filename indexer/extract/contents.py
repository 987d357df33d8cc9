"""Contents: which tokens around a cue are what was said.

Decides what a content clause keeps and what it sheds: a trailing ", adding that ...", a
coordinated next statement ("and calls her ..."), a closing ", which ..." gloss and relay
phrases (", per Reuters", ", according to X") are not part of the content, nor is a second
report set off at its end (", though she noted ...", ", which he said were ..."); a second
"but that ..." clause is. Also recognises the clause shapes the constructions look for
(that-clauses, finite clauses, a that-clause hanging off an adjunct, a reporting tail).
"""

from __future__ import annotations

from spacy.tokens import Token

from indexer.extract.appraisals import appraised_object
from indexer.extract.candidate import Reliability
from indexer.extract.cues import STATEMENT_CUE, attested, cue_like, family
from indexer.extract.cues import reliability as cue_reliability
from indexer.extract.outlets import trailing_report
from indexer.extract.quotes import ANY_CLOSING, ANY_OPENING
from indexer.extract.tokens import reporters_conjunct
from indexer.lexicon import wordset
from schemas.attribution import denies, points_back, shape_of_content

TEMPORAL = wordset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    week weeks month months year years day days night morning evening time"""
)
# Verbs whose bare noun-phrase object stands for what was said ("denied the allegations",
# "announced a series of steps", "repeated his promise"). The object of any other verb
# ("endorsed Clinton", "approved a bill", "attacked Trump", "talk about immigration") is an
# action's or attitude's target, not a proposition (issue 11; bench/noise_audit_labels.tsv).
PROPOSITION_OBJECT_VERBS = wordset(
    """say said tell told write wrote tweet tweeted post posted announce announced confirm
    confirmed deny denied acknowledge acknowledged admit admitted repeat repeated reiterate
    reiterated predict predicted promise promised pledge pledged vow vowed propose proposed
    suggest suggested claim claimed cite cited note noted express
    expressed voice voiced declare declared reveal revealed disclose disclosed outline
    outlined describe described explain explained ask asked demand demanded
    urge urged recommend recommended question questioned dispute disputed warn warned
    report reported detail detailed insist insisted argue argued allege alleged concede
    conceded"""
)
PROPOSITION_OBJECT_FORMS = frozenset(["call for", "ask for"])  # "called for a ban on ..."
# Speech acts that express a feeling and state nothing ("thanked him for his service",
# "congratulated the team on the win", "apologized for the delay"): what they are for or
# about is no claim, only words they quote are.
EXPRESSIVE_ACTS = wordset(
    """thank thanked thanks thanking congratulate congratulated congratulates congratulating
    apologize apologized apologizes apologizing apologise apologised apologising greet
    greeted greets greeting welcome welcomed welcomes welcoming salute saluted salutes
    saluting"""
)
# Nouns that name a piece of discourse or an event without saying what it says: "outlined
# his plan", "cited the figure", "noted Bill Clinton's comments", "wrote a memoir", "denied
# the report", "rejected the allegations", "confirmed the deal", "citing health reasons"
# (issue 11).
DISCOURSE_NOUNS = wordset(
    """plan plans comment comments remark remarks figure figures number numbers statement
    statements memoir memoirs book books story stories letter letters speech speeches
    proposal proposals details detail position positions views idea ideas agenda report
    reports reporting allegation allegations claim claims accusation accusations charge
    charges rumour rumours rumor rumors article articles suggestion suggestions criticism
    criticisms deal deals agreement agreements news account accounts reason reasons grounds
    concern concerns"""
)

def under(tok: Token, ancestor: Token) -> bool:
    """`tok` is `ancestor` or in its subtree."""
    return tok.i == ancestor.i or ancestor.is_ancestor(tok)


# Words of an object that stands for unspecified words: "Derek says a lot of things",
# "she said something", "he has said many things", "said the same thing", "said so". An
# object made only of them says nothing that could be searched or checked (issue 11).
VAGUE_WORDS = wordset(
    """a an the lot lots of many several some few all any more much little plenty great deal
    number variety sorts sort kinds kind types type such same other different various similar
    those these this that it so thing things stuff something anything everything nothing
    somethings whatever"""
)


TOPIC_PREPS = wordset("about on regarding concerning over")
# Words of an object that stands for words said before: "has said that for ten years", "said
# so", "said as much in private", "said the same", "said this since 2010", "said it again".
BACK_REFERENCE_WORDS = wordset("that this these those so as much same the it")


def back_reference(obj: Token) -> bool:
    """Is `obj`, a cue's object, only a demonstrative that refers back to what was said
    before ("He has said that for ten years", "The senator has said as much in private")?
    Adverbials the parser hangs off it ("for ten years", "in private") say when and how, not
    what: the cue has no content of its own (issue 11)."""
    adjuncts = {
        t.i
        for c in obj.children
        if c.dep_ in ("prep", "npadvmod", "tmod", "advcl")
        for t in c.subtree
    }
    words = [t.lower_ for t in obj.subtree if t.i not in adjuncts and not t.is_punct]
    return bool(words) and all(w in BACK_REFERENCE_WORDS for w in words)


def vague_object(content: list[Token]) -> bool:
    """Is `content` (a cue's noun-phrase object) only `VAGUE_WORDS` ("a lot of things",
    "something", "the same thing"), but for the topic they were about ("many things about
    the plan": `TOPIC_PREPS`) and when ("last year")?"""
    topics = {  # and when: "said something similar last year"
        t.i
        for p in content
        if (p.dep_ == "prep" and p.lower_ in TOPIC_PREPS) or p.dep_ in ("npadvmod", "tmod")
        for t in p.subtree
    }
    words = [t.lower_ for t in content if not t.is_punct and t.i not in topics]
    return bool(words) and all(w in VAGUE_WORDS for w in words)


def elliptic(content: list[Token]) -> bool:
    """Does the content end in an infinitive marker whose verb is left out ("I didn't expect
    him to", "we will if we have to")? It says nothing of its own: what it stands for was
    said before (issue 11). A preposition left at the end ("the plan he objected to") is
    no infinitive marker, and an elliptic clause of its own ("they would fight if they had
    to") leaves the content's verb whole."""
    words = [t for t in content if not t.is_punct]
    if not words or words[-1].lower_ != "to" or words[-1].tag_ != "TO":
        return False
    inside = {t.i for t in words}
    roots = {t.i for t in words if t.head.i not in inside or t.head.i == t.i}
    return words[-1].head.i in roots or words[-1].head.i not in inside


def proposition(form: str, content: list[Token]) -> bool:
    """Is `content`, the object of `cue`, something said: a phrase with a verb of its own
    ("criticized Rubio for opposing ...", not only in a relative clause), words in quotation
    marks, or the object of a verb
    of saying (`form`, the cue with its preposition, in `PROPOSITION_OBJECT_VERBS`, any
    inflection) that is more than the name of a piece of discourse (`DISCOURSE_NOUNS`:
    "outlined his plan") or a vague stand-in for words (`vague_object`: "says a lot of
    things"), or the common noun phrase an appraising verb judges (`appraisals`: "criticized
    the decision"), or the earlier claim a denial points back at ("denied the report",
    `schemas.attribution.points_back`)? A bare noun phrase after any other verb is not."""
    inside = {t.i for t in content}
    if any(t.is_quote for t in content):
        return True
    if expressive(form) or vague_object(content):
        return False  # "thanked the crews for working ...", "says a lot of things": no claim
    if any(_clause_verb(t) and not _in_relative(t, inside) for t in content):
        return True
    if appraised_object(form, content):
        return True  # "criticized the decision", "dismissed the allegations": a position
    if denies(form) and points_back(" ".join(t.text for t in content)):
        return True  # "denied the report": the denial of a claim before it (link/denials.py)
    if any(
        t.lower_ in DISCOURSE_NOUNS and t.head.i not in inside and not _planned(t)
        for t in content
    ):
        return False  # "outlined his plan": names what was said, does not say it
    return family(form) in _PROPOSITION_FAMILIES


def _clause_verb(tok: Token) -> bool:
    """A verb or modal heading or helping a clause (by its tag: the pipeline runs no
    attribute ruler, so coarse parts of speech are unset), not a participle modifying a noun
    ("the proposed levy")."""
    return (tok.tag_.startswith("VB") or tok.tag_ == "MD") and tok.dep_ not in (
        "amod",
        "compound",
        "nmod",
    )


def _in_relative(tok: Token, inside: set[int]) -> bool:
    """`tok` hangs under a noun of the content ("policies she supported", "the first draft
    of what would become the plan", "a motion to unseal the records"): a verb there
    describes the noun phrase, it does not make it a proposition. A noun's "that"
    complement ("the report that he had resigned") or a reporting participle ("reports
    alleging that she ...") is no description: it says what the report says."""
    below = tok
    for t in tok.ancestors:
        if t.i not in inside:
            return False
        if t.tag_.startswith("NN") or t.tag_ in ("PRP", "CD", "DT"):
            return not _says_what(below)
        below = t
    return False


def _says_what(clause: Token) -> bool:
    """A clause on a noun that says what the noun says: a "that" complement ("the report
    that he had resigned") or a participle with a clause of its own ("reports alleging that
    ...", "a statement saying the plant would close")."""
    if clause.dep_ not in ("acl", "ccomp"):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    return clause.tag_ == "VBG" and any(c.dep_ == "ccomp" for c in clause.children)


# Nouns of an intention whose "to" infinitive says what is intended: "denies plan to close
# port" (there is no such plan), "confirmed plans to cut 300 jobs".
PLAN_NOUNS = wordset("plan plans proposal proposals")


def _planned(noun: Token) -> bool:
    """ "plan to close port": a `PLAN_NOUNS` noun with a "to" infinitive on it, which says
    what the plan is (the object then states something: a plan to close the port exists,
    or, denied, does not)."""
    return noun.lower_ in PLAN_NOUNS and any(
        c.dep_ == "acl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for c in noun.children
    )


_PROPOSITION_FAMILIES = frozenset(
    family(w) for w in PROPOSITION_OBJECT_VERBS | PROPOSITION_OBJECT_FORMS
)
_EXPRESSIVE_FAMILIES = frozenset(family(w) for w in EXPRESSIVE_ACTS)


def expressive(form: str) -> bool:
    """Is `form` (a cue, perhaps with its preposition: "thank for") an expressive speech act
    (`EXPRESSIVE_ACTS`: thanking, congratulating, apologizing, greeting)?"""
    return family(form.split()[0]) in _EXPRESSIVE_FAMILIES


def is_date(tok: Token) -> bool:
    """ "said Monday", "told reporters this week": a bare date word parsed as an object."""
    return tok.lower_ in TEMPORAL and tok.n_lefts == 0


def relay_phrase(tok: Token) -> bool:
    """Tokens of ", per Reuters", ", according to X", ", as first reported by X" or ", the
    Guardian reported" (`outlets.trailing_report`) hanging
    inside a content clause; "per" relays only after a comma or before a name ("7 per
    cent", "$5 per head" are units). The answer for the path above `tok` is kept per token
    in its doc's `user_data`: every clause around a token asks again."""
    return _relays(tok, None) or _relay_above(tok)


_RELAY_ABOVE = "quotetrail_relay_above"  # doc.user_data key: token index -> bool


def _relay_above(tok: Token) -> bool:
    """Whether an ancestor of `tok` relays the branch `tok` hangs in (`_relays`), kept."""
    known = tok.doc.user_data.setdefault(_RELAY_ABOVE, {})
    found = known.get(tok.i)
    if found is None:
        head = tok.head
        found = head.i != tok.i and (_relays(head, tok) or _relay_above(head))
        known[tok.i] = found
    return found


def _relays(anc: Token, below: Token | None) -> bool:
    """`relay_phrase` at one token `anc` of the path up, reached from its child `below`
    (None at the path's start)."""
    if anc.dep_ == "prep" and (anc.lower_ == "according" or _relaying_per(anc)):
        return True
    if anc.dep_ == "advcl" and anc.tag_ == "VBN" and _as_reported(anc):
        return True  # "..., as first reported by the Ledger"
    # "..., the Guardian reported": all but the clause it relays
    return (relayed := trailing_report(anc)) is not None and below != relayed


def _as_reported(clause: Token) -> bool:
    """ "as (first) reported by X", "as announced by the ministry": a passive "as" clause
    with its agent, naming who brought the news out."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children) and any(
        c.dep_ == "agent" for c in clause.children
    )


def _relaying_per(tok: Token) -> bool:
    """ "per" opening a relay (", per Reuters", "per The Post"), not a unit ("per cent")."""
    if tok.lower_ != "per":
        return False
    doc = tok.doc
    after_comma = tok.i == 0 or doc[tok.i - 1].is_punct
    return after_comma or (tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper())


def complement_clause(tok: Token) -> bool:
    """A "that"-clause or "to"-infinitive, as in "his insistence that ...", "a call to ..."."""
    return any(c.lower_ in ("that", "to") and c.dep_ in ("mark", "aux") for c in tok.lefts)


def finite_clause(head: Token) -> bool:
    """A clause with a tensed verb or modal of its own ("legalizing it could put ..."), or
    one opened by "that" with a tensed verb anywhere in it ("told the BBC that the union had
    strike funds", where the parser made the noun "strike" the head and "had" its aux)."""
    tensed = [t for t in head.subtree if t.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    if any(t.i > head.i for t in tensed):
        return True
    opener = head.left_edge
    return bool(tensed) and opener.lower_ == "that" and opener.dep_ == "mark"


def late_that_clause(tok: Token) -> Token | None:
    """ "said on Friday during a news conference that he may wait": the that-clause was
    attached to a noun of the adjuncts between the cue and it."""
    for child in tok.rights:
        if child.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        for t in child.subtree:
            if t.dep_ in ("acl", "relcl", "ccomp", "advcl") and any(
                c.dep_ == "mark" and c.lower_ == "that" and c.i == t.left_edge.i for c in t.children
            ):
                return t
    return None


def reporting_tail(tok: Token) -> bool:
    """ "X, he said." (or "X, he said, is Y.") parsed with "said" hanging off the content;
    also "X, his aide, Tad Devine, told The Post." parsed as a second conjunct."""
    if tok.dep_ == "parataxis":
        return True
    if (
        tok.dep_ == "conj"
        and tok.i > tok.head.i
        and any(c.dep_ == "nsubj" for c in tok.lefts)
        and not any(c.dep_ == "cc" for c in tok.head.children if c.i < tok.i)
        and tok.left_edge.i > 0
        and tok.doc[tok.left_edge.i - 1].text == ","
    ):
        return True
    if tok.i <= tok.head.i or tok.dep_ != "ccomp":
        return False
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text in (",", "\u201d", '"', "''")


def clause_tail(head: Token, reliability: Reliability) -> set[Token]:
    """Tokens at the end of the clause headed by `head` that are not its content: a trailing
    participle, a closing relative gloss, a coordinated next statement, a closing time or
    concession ("..., after a tough push from Washington")."""
    tail = _trailing_participle(head) | _trailing_relative(head) | _contrasting_source(head)
    tail |= _after_closing_quotation(head) | _trailing_characterisation(head)
    return tail | _trailing_statement(head, reliability) | _trailing_circumstance(head)


def _after_closing_quotation(head: Token) -> set[Token]:
    """ 'Reyes said "this one closes" and left.': a clause that opens with a quotation mark
    and whose verb is inside the quotation is the quotation, which ends at its closing mark;
    what is coordinated after it ("and left") is the speaker's next act. A second quotation
    after it ('"we will win" and "we will govern"') is still what was said: nothing cut."""
    doc = head.doc
    first, last = head.left_edge, head.right_edge
    if not first.is_quote or first.i >= head.i:
        return set()
    close = next((t for t in doc[first.i + 1 : last.i + 1] if t.is_quote), None)
    if close is None or close.i < head.i or close.i >= last.i:
        return set()
    rest = doc[close.i + 1 : last.i + 1]
    if rest[0].dep_ not in ("cc", "conj") or any(t.is_quote for t in rest):
        return set()
    return set(rest)


def coordinated_that(cue: Token, first: Token) -> list[Token]:
    """ "said X, but that Y": the second that-clause is part of the same statement."""
    out: list[Token] = []
    for conj in cue.children:
        if (
            conj.dep_ == "conj"
            and conj.i > first.i
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        ):
            out += [t for t in cue.doc[first.right_edge.i + 1 : conj.i] if t.dep_ == "cc"]
            out += list(conj.subtree)
    return out


def coordinated_infinitive(cue: Token, first: Token) -> list[Token]:
    """ "wants to triple the program, grow the Peace Corps and create a reserve", "declined to
    threaten Moscow or declare it responsible": verbs coordinated with the infinitive `first`
    that the parser hung on `cue` instead. A conjunct of the cue after the infinitive, with no
    subject of its own, in the bare form ("grow", VB/VBP) while the cue is inflected otherwise
    ("wants", VBZ) continues the infinitive; one in the cue's own form ("vowed ... and
    established") is the speaker's next act."""
    out: list[Token] = []
    for conj in cue.children:
        if (
            conj.dep_ == "conj"
            and conj.i > first.right_edge.i
            and conj.tag_ in ("VB", "VBP")
            and conj.tag_ != cue.tag_
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
        ):
            out += [t for t in cue.doc[first.right_edge.i + 1 : conj.left_edge.i] if t.dep_ == "cc"]
            out += list(conj.subtree)
    return out


# Subordinators that go on with the claim itself when the parser hangs their clause on the
# cue: "said that claim smacked of hypocrisy, because Democrats have ...", "pointed out that
# one shooting may have more than one victim, so thousands ..." (PolNeAR's content spans run
# on through them; bench/extract_misses.py, "cue, content").
CLAIM_LINKS = wordset("because so although though since unless while whereas")


def continued_claim(cue: Token, clause: Token) -> list[Token]:
    """Tokens after the content `clause` that the parser attached to `cue` but that go on
    with the claim: a ", because ..." / ", so ..." / ", although ..." clause ending the
    sentence. Empty when anything else (a date, ", adding that ...", "in a statement")
    follows the clause."""
    doc = cue.doc
    last = clause.right_edge.i
    sent_end = cue.sent.end
    later = [c for c in cue.children if c.i > last and not c.is_punct]
    if len(later) != 1 or later[0].dep_ != "advcl":
        return []
    link = later[0]
    first = link.left_edge
    if first.lower_ not in CLAIM_LINKS or first.i != last + 2 or doc[last + 1].text != ",":
        return []
    if link.right_edge.i < sent_end - 2 or any(relay_phrase(t) for t in link.subtree):
        return []
    return [doc[last + 1], *link.subtree]


# How a report of its own hangs at the end of a content: a relative clause (", which he said
# were ..."), an adverbial one (", though she noted ...") or a coordinated one.
REPORT_CLAUSES = ("relcl", "advcl", "conj")
# Subordinators that set a second report against the first ("..., though she noted ...");
# after "because" or "if" the clause gives the claim's own reason or condition.
CONCESSIVE_MARKS = wordset("though although while whereas")
_SET_OFF = frozenset([",", ";", "-", "--", "\u2013", "\u2014"])


def closing_report(content: list[Token], cue: Token) -> set[Token]:
    """Tokens of a second report closing `content` (the tokens a construction proposes for
    `cue`): a clause with a subject of its own and a verb of saying (`STATEMENT_CUE`, by the
    cue lexicon) with what it says, hanging in the content as a relative, adverbial or
    coordinated clause (`REPORT_CLAUSES`), set off by a comma or a dash or opened by a
    concessive subordinator (`CONCESSIVE_MARKS`), outside quotation marks, and running to
    the content's end: "... in private work, though she noted
    clients are beginning to demand ...", "his personal donations, which he said were
    accompanied by ...", "interference in the election -- meddling the congressman said is
    designed to ...". It is that other report (proposed for its own cue), not part of this
    content; PolNeAR annotates each token once. Empty when there is none."""
    inside = {t.i for t in content}
    if not inside:
        return set()
    first, last = min(inside), max(inside)
    doc = cue.doc
    for verb in content:
        if verb.i == cue.i or not verb.tag_.startswith("VB") or not _reports(verb):
            continue
        clause = verb
        while clause.dep_ not in REPORT_CLAUSES and clause.head.i in inside:
            if clause.head.i == clause.i:
                break
            clause = clause.head
        left = clause.left_edge.i
        if (
            clause.dep_ not in REPORT_CLAUSES
            or clause.head.i not in inside
            or clause.right_edge.i < last
            or left <= first + 1
        ):
            continue
        if any(t.is_quote for t in doc[left : last + 1]):
            continue  # '... because "no one can credibly state ..."': the speaker's own words
        opened = clause.dep_ == "advcl" and doc[left].lower_ in CONCESSIVE_MARKS
        if opened or doc[left - 1].text in _SET_OFF:
            return {t for t in content if t.i >= left}
    return set()


def _reports(verb: Token) -> bool:
    """`verb` opens a report of its own: a verb of saying (`STATEMENT_CUE`) with its own
    subject and either what it says after it (a clause, an infinitive, an object) or the
    relative clause it heads ("which he said were ...")."""
    if (cue_reliability(verb.lower_, "ccomp") or 0) < STATEMENT_CUE:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.dep_ == "relcl" or any(
        c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children
    )


def _trailing_relative(head: Token) -> set[Token]:
    """ ", which is spread by mosquitoes" closing a claim: the writer's gloss, not the claim."""
    doc = head.doc
    last = head.right_edge.i
    for tok in head.subtree:
        if (
            tok.dep_ == "relcl"
            and tok.right_edge.i == last
            and tok.left_edge.i > 0
            and doc[tok.left_edge.i - 1].text == ","
            and doc[tok.left_edge.i].lower_ in ("which", "who")
        ):
            return set(tok.subtree)
    return set()


def _trailing_statement(head: Token, reliability: Reliability) -> set[Token]:
    """ "said he respects Clinton and calls her ...": a coordinated speech verb ending the
    clause is the speaker's next statement (misattached by the parser), not this content; so
    is a cue verb in the speaker's tense and not the clause's ("acknowledged that the
    candidate has given paid speeches but declined to list them",
    `tokens.reporters_conjunct`). A
    conjunct with a "that" of its own ("witnesses saw a gun and that one was found nearby")
    is a second clause of the same content."""
    out: set[Token] = set()
    for conj in head.children:
        if (
            conj.dep_ == "conj"
            and conj.i > head.i
            and conj.tag_.startswith("VB")
            and (
                (reliability(conj.lower_, "ccomp") or 0) >= STATEMENT_CUE
                or (cue_like(conj.lower_) and reporters_conjunct(conj))
            )
            and not any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        ):
            out.update(conj.subtree)
            out.update(t for t in head.doc[head.i + 1 : conj.left_edge.i] if t.dep_ == "cc")
    return out


def _contrasting_source(head: Token) -> set[Token]:
    """ ", while police put the figure at 6,000": a contrast clause with its own subject and
    a verb that has introduced an attribution in training (`cues.attested`) is a second
    source's claim, not the first speaker's content."""
    out: set[Token] = set()
    for child in head.rights:
        if (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in child.lefts)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.lefts)
            and attested(child.lower_)
            and _after_comma(child.doc, child.left_edge.i)
        ):
            out.update(child.subtree)
    return out


def _trailing_participle(head: Token) -> set[Token]:
    """ ", adding that ..." / ", pointing to ...": a new statement hanging at the end of a
    content clause; it belongs to the speaker, not to the content. The participle must
    introduce statements (`STATEMENT_CUE`), or be a cue of the lexicon with a clause of its
    own (", explaining that ..."): ", bringing its total to ..." goes on with the claim."""
    out: set[Token] = set()
    for child in head.children:
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and _introduces_statement(child)
            and child.i > head.i
            and child.left_edge.i > 0
            and _after_comma(child.doc, child.left_edge.i)
        ):
            out.update(child.subtree)
    return out


# Words opening the writer's circumstance of a claim, set off by a comma at its end: ", after
# a tough push from ...", ", despite ...", ", even though ...". On PolNeAR train a gold
# content stops before such a phrase 193 times and runs through it 35 times.
CIRCUMSTANCE_LEADS = ("after", "before", "despite", "during", "until", "even as", "even though")


def _trailing_circumstance(head: Token) -> set[Token]:
    """ "that Europe should increase military coordination, after a tough push from Obama":
    a phrase or clause of time or concession (`CIRCUMSTANCE_LEADS`) closing the content
    clause after a comma is the writer's context for the claim, not the claim."""
    doc = head.doc
    for child in head.rights:
        first = child.left_edge
        lead = doc[first.i : first.i + 2]
        words = lead.text.lower() if first.lower_ == "even" else first.lower_
        if (
            child.dep_ in ("prep", "advcl")
            and words in CIRCUMSTANCE_LEADS
            and first.i > head.i + 1
            and _after_comma(doc, first.i)
            and not any(not t.is_punct for t in doc[child.right_edge.i + 1 : head.right_edge.i + 1])
        ):
            return set(child.subtree)
    return set()


# Nouns by which a writer names the claim just reported, in an appositive that says who
# disputes, denies or shares it: ", a figure immediately challenged by ...", ", a charge
# the party denied". Shell nouns of saying (Schmid, "English Abstract Nouns as Conceptual
# Shells", 2000: the linguistic and mental classes).
CHARACTERISING_NOUNS = wordset(
    """figure claim charge assertion accusation allegation contention remark statement
    estimate prediction promise assessment characterization characterisation description
    suggestion argument view notion position"""
)


def _trailing_characterisation(head: Token) -> set[Token]:
    """ "that waiting lists had fallen by 18 percent, a figure immediately challenged by the
    opposition": an appositive closing the content clause after a comma, headed by a noun
    naming the claim (`CHARACTERISING_NOUNS`) with a clause or participle of its own, is the
    writer's comment on the claim, not the claim. Gold PolNeAR train contents stop before
    such a phrase about as often as they run through it (10 / 9), so the rule is for what a
    reader searches: the speaker's words."""
    doc = head.doc
    end = head.right_edge.i
    for tok in doc[head.i + 1 : end + 1]:
        det = tok.i - 1 if doc[tok.i - 1].tag_ == "DT" else tok.i - 2
        if (
            tok.lower_ in CHARACTERISING_NOUNS
            and det > head.i + 1
            and doc[det].lower_ in ("a", "an", "the", "one")
            and doc[det - 1].text == ","
            and any(c.dep_ in ("acl", "relcl") and c.i > tok.i for c in tok.children)
            and all(t.is_punct for t in doc[tok.right_edge.i + 1 : end + 1])
        ):
            return set(doc[det - 1 : end + 1])
    return set()


def _introduces_statement(verb: Token) -> bool:
    """Does `verb` open a statement of its own: a verb the lexicon finds reliably reporting
    (`STATEMENT_CUE`), or a cue of the lexicon with a clause after it ("explaining that
    ...", "calling it a mistake")?"""
    score = cue_reliability(verb.lower_, "ccomp")
    if score is None:
        return False
    return score >= STATEMENT_CUE or any(c.dep_ == "ccomp" for c in verb.children)


def _after_comma(doc, i: int) -> bool:
    """Token `i` follows a comma, or a closing quotation mark right after one ("... party,”
    claiming that ...")."""
    before = doc[i - 1]
    if before.text == ",":
        return True
    return before.is_quote and i >= 2 and doc[i - 2].text.endswith(",")




def content_shape(pattern: str, kind: str, content: str, tokens: list[Token]) -> str:
    """The shape of a content (`schemas.attribution.CONTENT_SHAPES`, by the rule
    `schemas.attribution.shape_of_content`) from the construction that proposed it
    (`pattern`), its `kind`, its text and its tokens: its clause verbs are those outside a
    relative clause; a verb's or preposition's object ("dobj", "prep", "noun") is a noun
    object ("the allegations"); an "xcomp" or a content opening with the infinitive "to" an
    infinitive ("both sides to return to talks")."""
    inside = {t.i for t in tokens}
    text = content.strip()
    return shape_of_content(
        kind,
        enclosed=len(text) > 1 and text[0] in ANY_OPENING and text[-1] in ANY_CLOSING,
        verbs=any(_clause_verb(t) and not _in_relative(t, inside) for t in tokens),
        noun_object=pattern.split(":")[0] in ("dobj", "prep", "noun"),
        infinitive=pattern == "xcomp"
        or bool(tokens and tokens[0].lower_ == "to" and tokens[0].tag_ == "TO"),
    )
