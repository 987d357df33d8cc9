"""Small helpers over spaCy tokens shared by the speaker, outlet and cue logic."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from indexer.extract.names import is_first_name
from indexer.extract.nlp import doc_text
from indexer.lexicon import (
    DAY_WORDS,
    EXTRACT_ORG_WORDS,
    LINK_ORG_WORDS,
    MONTHS,
    NAME_PARTICLES,
    ORG_WORDS,
    TIME_LEADS,
    WEEKDAYS,
)

PROPER = frozenset(["NNP", "NNPS"])
ORGANISATION_WORDS = ORG_WORDS | EXTRACT_ORG_WORDS | LINK_ORG_WORDS
NAME_LINKS = frozenset(["of", "for", "de", "al", "von", "van"])
DETERMINERS = frozenset(["a", "an", "the", "this", "that", "these", "those"])
# Words a number continues as part of a name: "Channel 24", "Radio 4".
NUMBERED_NAME_WORDS = frozenset(["channel", "radio"])
COPULAS = frozenset(["is", "was", "are", "were", "seemed", "seems", "appeared", "remained"])


def is_proper(tok: Token) -> bool:
    """A proper-noun token: tagged NNP/NNPS and capitalised (or a number), or the lower-case
    second half of a hyphenated given name ("Ban Ki-moon", "Park Min-jun")."""
    if tok.tag_ not in PROPER:
        return False
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or _name_half(tok)


def _name_half(tok: Token) -> bool:
    """ "moon" in "Ki-moon": alphabetic, right after a hyphen that follows a capitalised
    proper noun, all written without spaces."""
    doc, i = tok.doc, tok.i
    return (
        tok.is_alpha
        and i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].tag_ in PROPER
        and doc[i - 2].text[:1].isupper()
    )


def name_chain(tok: Token) -> list[Token]:
    """The proper-name run around `tok` ("Freedom of Russia Legion", "Channel 24", "Radio 4",
    "Channel 9 News", "Northern Pharmacists' Association"), or []."""
    if not is_proper(tok):
        return []
    doc = tok.doc
    start = end = tok.i
    while _run_goes_on(doc, end):
        end += 1
    organisation = doc[end].lower_ in ORGANISATION_WORDS
    while start > 0 and (
        is_proper(doc[start - 1])
        or _numbered_name(doc, start - 1)
        or (doc[start - 1].lower_ in NAME_LINKS and start > 1 and is_proper(doc[start - 2]))
        or _particles_between(doc, start - 1, -1)
        or (start > 1 and _joins(doc[start - 2], doc[start - 1]))
        or (organisation and start > 1 and _plural_possessive(doc[start - 2], doc[start - 1]))
        or (
            start == end  # one word after it: "Lloyd's List", not "Ukraine's Channel 24"
            and start > 1
            and _possessive_in_name(doc[start - 2], doc[start - 1], doc[start])
        )
        or (organisation and _capitalised_modifier(doc[start - 1], start, end))
    ):
        start -= 1
    chain = [doc[i] for i in range(start, end + 1)]
    while chain and (chain[0].lower_ in NAME_LINKS or chain[0].text in NAME_PARTICLES):
        chain.pop(0)
    while chain and not chain[0].text[:1].isalnum():
        chain.pop(0)
    while len(chain) > 1 and is_date_word(chain[0]):
        chain.pop(0)  # "On Tuesday Delgado denied": a date, then the name
    return chain


def is_date_word(tok: Token) -> bool:
    """Whether `tok` writes a date rather than a name: a weekday or "Today" always, a month
    (also a given name: "June Carter") after a word putting it in time ("in March", "last
    May"). Word lists: `lexicon.WEEKDAYS`, `DAY_WORDS`, `MONTHS`, `TIME_LEADS`."""
    low = tok.lower_
    if low in WEEKDAYS or low in DAY_WORDS:
        return True
    return low in MONTHS and tok.i > 0 and tok.nbor(-1).lower_ in TIME_LEADS


def ends_name_run(tok: Token) -> bool:
    """Is `tok` the last token of its proper-name run (`name_chain` of any of the run's
    tokens ends at it), so that the run can be taken once, from its end?"""
    return is_proper(tok) and not _run_goes_on(tok.doc, tok.i)


def _numbered_name(doc: Doc, i: int) -> bool:
    """Whether token `i` is the number of a numbered channel or station ("9" in "Channel 9
    News", "4" in "Radio 4 Today"), so that a run reaching back from "News" keeps the whole
    name."""
    return i > 0 and doc[i].like_num and doc[i - 1].lower_ in NUMBERED_NAME_WORDS


def _run_goes_on(doc: Doc, end: int) -> bool:
    """Does the proper-name run reaching token `end` take the next token too?"""
    return end + 1 < len(doc) and (
        is_proper(doc[end + 1])
        or (doc[end + 1].like_num and doc[end].lower_ in NUMBERED_NAME_WORDS)
        or (doc[end + 1].lower_ in NAME_LINKS and end + 2 < len(doc) and is_proper(doc[end + 2]))
        or _particles_between(doc, end + 1, 1)
        or (end + 2 < len(doc) and _joins(doc[end], doc[end + 1]))
    )


def _particles_between(doc: Doc, i: int, step: int) -> bool:
    """Whether token `i` starts (step 1) or ends (step -1) a run of at most three lower-case
    name particles (`lexicon.NAME_PARTICLES`) with a proper noun on its far side: "van der"
    in "Jan van der Berg", "bin" in "Khalid bin Saeed", "da" in "João da Silva Pereira"."""
    for far in range(i, i + 3 * step, step):
        if not 0 <= far < len(doc) or doc[far].text not in NAME_PARTICLES:
            return False
        if 0 <= far + step < len(doc) and is_proper(doc[far + step]):
            return doc[far + step].text[:1].isupper()
        if step == 1 and far + 2 < len(doc) and _joins(doc[far], doc[far + 1]):
            return True  # "al-Khatib", "el-Sayed": the particle written onto the surname
    return False


def _plural_possessive(before: Token, mark: Token) -> bool:
    """ "Northern Pharmacists' Association": an apostrophe closing a plural proper noun
    inside an organisation's name (the caller checks that the name ends in an organisation
    word, so "the Democrats' candidate" stays two phrases)."""
    return (
        mark.text in ("'", "\u2019")
        and not before.whitespace_
        and is_proper(before)
        and before.text.endswith("s")
    )


def _possessive_in_name(before: Token, mark: Token, after: Token) -> bool:
    """ "Lloyd's List", "the King's Fund", "St Mary's Hospital": a possessive inside a
    name, between two capitalised proper nouns written as one name; "Clinton's Robby Mook"
    (a given name after it) is two names, and so is "Ukraine's Channel 24" (the caller joins
    only a one-word name after the possessive)."""
    return (
        mark.tag_ == "POS"
        and mark.text in ("'s", "\u2019s")
        and not before.whitespace_
        and bool(mark.whitespace_)
        and is_proper(before)
        and before.text[:1].isupper()
        and after.text[:1].isupper()
        and not is_first_name(after.text)
    )


def _capitalised_modifier(tok: Token, start: int, end: int) -> bool:
    """ "Northern" in "Northern Pharmacists' Association": a capitalised modifier of a word
    of the name (tokens `start`..`end`) that the tagger took for an adjective."""
    return (
        tok.text[:1].isupper() and tok.dep_ in ("amod", "compound") and start <= tok.head.i <= end
    )


def _joins(before: Token, hyphen: Token) -> bool:
    """A hyphen inside a double-barrelled name ("Ruiz-Teller"), between two proper nouns
    written without spaces, or between a name particle and a surname ("al-Khatib")."""
    after = hyphen.doc[hyphen.i + 1] if hyphen.i + 1 < len(hyphen.doc) else None
    return (
        hyphen.text == "-"
        and after is not None
        and not before.whitespace_
        and not hyphen.whitespace_
        and (is_proper(before) or before.text in NAME_PARTICLES)
        and is_proper(after)
    )


def text_of(tokens: list[Token]) -> str:
    """Surface text of a contiguous token run, as written."""
    if not tokens:
        return ""
    first, last = tokens[0], tokens[-1]
    return doc_text(first.doc)[first.idx : last.idx + len(last)]  # the span's `.text`


NP_CUT = frozenset(["relcl", "acl", "appos"])
CLAUSE_PUNCT = frozenset([",", ";", ":", "(", ")", "\u2014", "\u2013", "--"])


def np_tokens(head: Token, cut: frozenset[str] = NP_CUT) -> list[Token]:
    """The contiguous noun phrase around `head`, without relative clauses and appositions."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in cut or (child.i > head.i and child.text in CLAUSE_PUNCT):
                continue
            keep.add(child.i)
            stack.append(child)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks or [head]


def narrated_before_colon(clause: Token) -> bool:
    """ "The group leader was less certain: she said talks would begin": a copular clause
    (the writer describing someone) the parser hung as the complement of a later verb,
    though a colon closes it before that verb's own subject, is the writer's narration, not
    what the verb reports. Other clauses before a colon stay (PolNeAR dev annotates "The
    revelation ... set off partisan fireworks: Republicans said ..." as their claim)."""
    head = clause.head
    end = clause.right_edge.i
    return (
        clause.i < head.i
        and end + 1 < head.i
        and clause.doc[end + 1].text == ":"
        and clause.lower_ in COPULAS
        and any(c.dep_ in ("acomp", "attr") for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") and end + 1 < c.i < head.i for c in head.children)
    )


def closed_by_semicolon(clause: Token) -> bool:
    """ "It's an extremely unlikely scenario; Clinton's team says she'll continue ...": a
    clause the parser hung as the complement of a later verb, though a semicolon closes it
    before that verb's own subject, while the verb takes a complement clause of its own after
    it, is the writer's sentence; the verb reports its own complement (issue 11)."""
    head = clause.head
    end = clause.right_edge.i
    if not (clause.i < head.i and end + 1 < head.i and clause.doc[end + 1].text == ";"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and end + 1 < c.i < head.i for c in head.children
    ) and any(c.dep_ == "ccomp" and c.i > head.i for c in head.children)


def split_rest(clause: Token) -> Token | None:
    """ "The governor said Democrats and the media are to blame for focusing on 'he said
    this, he tweeted that.'": the parser cut one complement clause in two, hanging the rest
    (here a quotation the clause ends on) on the verb as a second complement that starts right
    where the first ends. Returns the head of such a rest of `clause` (the next complement
    clause of the same verb, adjacent to it), or None. A clause after a comma (its own or the
    first's) or a closing quotation mark ("Senator says tariff deal is 'close,' aides
    disagree") is one of its own, and so is one opening with a capitalised common word (a new
    sentence whose full stop the text lacks: "... the regional centers The S.E.C. said ...")."""
    head = clause.head
    if clause.dep_ != "ccomp" or clause.i < head.i:
        return None
    end = clause.right_edge.i
    rest = next((c for c in head.children if c.dep_ == "ccomp" and c.i > clause.i), None)
    if rest is None or rest.left_edge.i != end + 1 or clause.doc[end].is_punct:
        return None
    first = rest.left_edge
    if first.is_punct and not first.is_quote:
        return None
    if first.text[:1].isupper() and first.tag_ not in PROPER:
        return None
    return rest


def adjuncts_before_quotation(clause: Token) -> list[Token]:
    """ 'confirmed that in a statement: "We will rebuild ..."': the words of a reported
    clause before a colon that opens a quotation, when they are only a "that", adverbs and
    prepositional phrases (no subject, no verb): how the cue's subject spoke, not what was
    said. Returns those words and the colon, or [] for any other clause."""
    doc = clause.doc
    colon = next(
        (
            c
            for c in clause.lefts
            if c.text == ":" and c.i + 1 < len(doc) and doc[c.i + 1].tag_ == "``"
        ),
        None,
    )
    if colon is None:
        return []
    lead = [c for c in clause.lefts if c.i < colon.i]
    if not lead or any(
        c.dep_ not in ("mark", "prep", "advmod", "npadvmod", "punct") for c in lead
    ):
        return []
    return [t for c in lead for t in c.subtree] + [colon]


_SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass", "csubj", "expl"])


def finite_form(verb: Token) -> tuple[str, str]:
    """The finite part of a verb group, as (tag, word of a modal): its first auxiliary
    ("has said": ("VBZ", ""), "would rebound": ("MD", "would")), else the verb itself
    ("praised": ("VBD", ""))."""
    auxes = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
    first = auxes[0] if auxes else verb
    return first.tag_, first.lower_ if first.tag_ == "MD" else ""


def reporters_conjunct(verb: Token) -> bool:
    """ "Officials believe debt relief is possible and have been calling on Congress to act",
    "The campaign acknowledged that the candidate has given paid speeches but declined to
    list them": a verb with a clause of its own and no subject, coordinated by the parser
    with the verb of a clause reported by a verb before it, goes on with the reporter when
    its finite form (tense, person, modal: `finite_form`) is the reporter's and not the
    reported verb's. Where the forms do not tell ("Police said the suspect fled and refused
    to stop"), or the verb reports nothing ("said he has been impressed by her and liked the
    way she answered"), it stays in the reported clause."""
    if verb.dep_ != "conj" or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return False
    if not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False  # "... and liked the way she answered": no clause of its own to report
    reported = verb.head
    reporter = reported.head
    if reported.dep_ != "ccomp" or reported.i > verb.i or not reporter.tag_.startswith("VB"):
        return False
    if reporter.i > reported.i:
        return False
    form = finite_form(verb)
    return form == finite_form(reporter) and form != finite_form(reported)
