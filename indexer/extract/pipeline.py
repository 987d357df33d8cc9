"""From parsed chunks to attribution records: cues, contents, sources, quotes, continuations.

A candidate is a cue word with a content (complement clause, quotation, "according to"
clause, ...) and usually a source (its subject). Each construction's reliability comes from
the learned lexicon (`cues.py`); conflicting candidates are settled by reliability because
PolNeAR-style annotation is univocal (a token belongs to one attribution).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from indexer.extract import cues, nlp, outlets
from indexer.extract.quotes import Quote, find_quotes
from indexer.extract.speakers import Speaker, SpeakerIndex
from indexer.extract.tokens import wordset

CONTENT_PATTERNS = ("ccomp", "dobj", "xcomp")
NOMINAL = frozenset(["dobj", "prep", "noun"])
CLAUSAL = frozenset(["ccomp", "parataxis", "according"])
TEMPORAL = wordset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    week weeks month months year years day days night morning evening time"""
)
CONTENT_PREPS = frozenset(["for", "to", "about", "of", "on", "against", "with", "as"])
OPEN_MARKS = frozenset('"\u201c\u201e\u201f\u00ab') | {"''", "``"}
CLOSE_MARKS = frozenset('"\u201d\u00bb') | {"''"}
SUBJECTS = ("nsubj", "csubj", "expl")
QUOTE_WINDOW = 16  # tokens between a quotation and its cue ("," said Sen. John Smith, R-Texas.)
CONTINUATION_SCORE = 0.5
LABEL_SCORE = 0.55  # share of such lines that are attributions in PolNeAR train
STATEMENT_CUE = 0.6  # reliability of a verb that opens a new statement ("and said ...")
NO_SOURCE_DISCOUNT = 0.6  # sourceless outputs match PolNeAR about 30% of the time
COLON_DISCOUNT = 0.8  # a cue one paragraph away is less certain than one next to the quote

Spans = list[tuple[int, int]]


@dataclass
class Candidate:
    """One possible attribution, with absolute character spans into the article."""

    pattern: str
    form: str
    score: float
    content: Spans
    cue: Token | None
    source: Token | None
    offset: int
    paragraph: int
    sentence: int
    kind: str = "indirect"
    inherit: Candidate | None = None
    label: tuple[int, int] | None = None  # "Lynch: No outside influence ...": the name before ":"
    result: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    def cue_span(self) -> tuple[int, int] | None:
        if self.label is not None:
            colon = self.label[1]
            return (colon, colon + 1)
        if self.cue is None:
            return None
        toks = [self.cue]
        if self.form == "according to":
            toks.append(self.cue.nbor(1))
        toks += [c for c in self.cue.children if c.dep_ == "prt"]
        return (
            self.offset + min(t.idx for t in toks),
            self.offset + max(t.idx + len(t) for t in toks),
        )

    def source_span(self) -> tuple[int, int] | None:
        if self.label is not None:
            return self.label
        if self.inherit is not None:
            return self.inherit.source_span()
        if self.source is None:
            return None
        heads = [self.source] + [
            s
            for s in self.source.head.children
            if s.dep_ == "nsubj" and s.i < self.source.i and self.source.dep_ == "nsubj"
        ]
        content = _chars(self.content)
        toks = [t for h in heads for t in h.subtree if self.offset + t.idx not in content]
        if self.source not in toks:
            toks.append(self.source)
        toks = _contiguous(toks, self.source.i)
        return (self.offset + toks[0].idx, self.offset + toks[-1].idx + len(toks[-1]))


Reliability = Callable[[str, str], float | None]


@dataclass
class Layout:
    """What the article looks like before any attribution is chosen."""

    text: str
    paras: list[tuple[int, int]]
    quotes: list[Quote]
    parsed: list[tuple[nlp.Chunk, Doc]]


def layout(text: str, wanted: Callable[[str], bool] | None = cues.may_attribute) -> Layout:
    paras = nlp.paragraphs(text)
    parsed = list(nlp.parse(text, nlp.chunks(text, paras, wanted)))
    return Layout(text, paras, find_quotes(text, paras), parsed)


def candidates(page: Layout, reliability: Reliability = cues.reliability) -> list[Candidate]:
    """Every attribution candidate the constructions allow in a parsed article."""
    text, paras, quotes, parsed = page.text, page.paras, page.quotes, page.parsed
    found: list[Candidate] = []
    sentence = 0
    inside = _QuoteLookup(quotes)
    sentence_starts: list[int] = []
    for chunk, doc in parsed:
        for sent in doc.sents:
            sentence_starts.append(chunk.start + sent.start_char)
            for tok in sent:
                if inside.covers(chunk.start + tok.idx):
                    continue
                found += _from_token(tok, chunk.start, chunk.paragraph, sentence, reliability)
            sentence += 1
    found += _labelled_lines(text, paras, sentence_starts)
    found = [_with_quotes(c, inside, text) for c in found]
    found += _quote_candidates(text, quotes, found, parsed, inside, reliability)
    _join_split_quotes(text, found, quotes, paras)
    return found


def analyse(text: str) -> list[dict]:
    """The attributions of one article body, in text order."""
    if not text or not text.strip():
        return []
    page = layout(text)
    found = select([c for c in candidates(page) if not _sourceless_clause(c)], text)
    if not found:
        return []
    found += _continuations(page, found)
    found.sort(key=lambda c: c.start)
    index = SpeakerIndex.build([(c.start, d) for c, d in page.parsed], text)
    records = []
    previous: Candidate | None = None
    for cand in found:
        record = _record(cand, text, index, previous)
        if cand.label is not None and record["speaker_type"] == "unknown":
            continue  # "Iowa: ...", "The Latest: ...": a section label, not a speaker
        records.append(record)
        previous = cand
    return records


def _sourceless_clause(cand: Candidate) -> bool:
    """ "Repairs are expected to ...", "It is believed that ...": a complement clause whose cue
    has no subject is the writer's hedging far more often than an attribution (about one in
    ten on PolNeAR train and dev)."""
    return cand.pattern == "ccomp" and cand.source is None and cand.label is None


def select(found: list[Candidate], text: str) -> list[Candidate]:
    """Most reliable candidates first; later ones lose the characters already taken and are
    dropped when less than half remains (PolNeAR-style annotation is univocal)."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(found, key=lambda c: (-c.score, c.start)):
        chars = _chars(cand.content)
        left = chars - taken
        if not chars or len(left) * 2 < len(chars):
            continue
        if len(left) < len(chars):
            cand.content = _trimmed(text, left)
            if not cand.content:
                continue
        kept.append(cand)
        taken |= _chars(cand.content)
        for span in (cand.cue_span(), cand.source_span()):
            if span:
                taken |= set(range(*span))
    kept.sort(key=lambda c: c.start)
    return kept


def _trimmed(text: str, chars: set[int]) -> Spans:
    """Character set back to spans, without edge whitespace and punctuation."""
    spans: Spans = []
    for i in sorted(chars):
        if spans and i == spans[-1][1]:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    out: Spans = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] in ",;:.-\u2014"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:-\u2014"):
            e -= 1
        if any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out


# --- constructions -------------------------------------------------------------------------


def _from_token(
    tok: Token, offset: int, paragraph: int, sentence: int, reliability: Reliability
) -> list[Candidate]:
    out: list[Candidate] = []

    def add(pattern: str, form: str, content: list[Token], source: Token | None) -> None:
        if pattern in CLAUSAL and sum(t.is_alpha for t in content) < 2:
            return  # a one-word "clause" ("He said that.") is a parse accident
        if pattern in NOMINAL:
            pattern = f"{pattern}:{_source_kind(source)}"
        score = reliability(form, pattern)
        spans = _token_spans(content, offset)
        if score is not None and spans:
            out.append(
                Candidate(pattern, form, score, spans, tok, source, offset, paragraph, sentence)
            )

    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        source = next((o for o in tok.nbor(1).children if o.dep_ == "pobj"), None)
        source = source or next((o for o in tok.children if o.dep_ == "pobj"), None)
        content = [t for t in tok.sent if not _under(t, tok)]
        add("according", "according to", content, source)
        return out
    if tok.tag_ in ("NN", "NNS"):
        for child in tok.children:
            if child.dep_ in ("acl", "ccomp") and _complement_clause(child):
                source = next((c for c in tok.children if c.dep_ == "poss"), None)
                add("noun", tok.lower_, list(child.subtree), source)
        return out
    if not tok.tag_.startswith("VB"):
        return out
    form = tok.lower_
    children = list(tok.children)
    if not any(c.dep_ in CONTENT_PATTERNS or c.dep_ == "prep" for c in children) and (
        tok.dep_ not in ("parataxis", "ccomp")
    ):
        return out
    source = _subject(tok)
    for child in children:
        if child.dep_ in CONTENT_PATTERNS and child.i != tok.i:
            if child.dep_ == "dobj" and (
                child.tag_ in ("PRP", "WP", "WDT")
                or (child.tag_ == "DT" and not child.n_lefts and not child.n_rights)
            ):
                continue
            pattern = child.dep_
            if child.dep_ == "xcomp" and not any(c.lower_ == "to" for c in child.lefts):
                if child.i < tok.i or not _finite_clause(child):
                    continue
                pattern = "ccomp"  # "He said legalizing it could put ...": a clause misparsed
            if child.dep_ == "dobj" and child.lower_ in TEMPORAL and child.n_lefts == 0:
                continue  # "said Monday": a date parsed as an object
            tail = _trailing_participle(child) | _trailing_relative(child)
            tail |= _trailing_statement(child, reliability)
            content = [t for t in child.subtree if not _relay_phrase(t) and t not in tail]
            if child.dep_ == "ccomp":
                content += _coordinated_that(tok, child)
            add(pattern, form, content, source)
    if not any(c.dep_ == "ccomp" for c in children) and (late := _late_that_clause(tok)):
        add("ccomp", form, [t for t in late.subtree if not _relay_phrase(t)], source)
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            for obj in child.children:
                if (
                    obj.dep_ == "pobj"
                    and obj.tag_ not in ("PRP", "WP", "WDT")
                    and not (obj.lower_ in TEMPORAL and obj.n_lefts == 0)
                ):
                    content = [t for t in obj.subtree if not _relay_phrase(t)]
                    add("prep", f"{form} {child.lower_}", content, source)
    if (
        _reporting_tail(tok)
        and source is not None
        and not any(c.dep_ == "ccomp" for c in tok.children)
    ):
        head = tok.head
        content = [t for t in head.subtree if not _under(t, tok) and not _relay_phrase(t)]
        add("parataxis", form, content, source)
    return out


def _source_kind(source: Token | None) -> str:
    """Coarse source shape; object contents are reliable for named or pronoun sources only."""
    if source is None:
        return "none"
    if source.tag_ in ("PRP", "WP", "WDT"):
        return "pronoun"
    named = [source] + [c for c in source.children if c.dep_ in ("compound", "nmod", "poss")]
    return "name" if any(t.tag_ in ("NNP", "NNPS") for t in named) else "common"


def _complement_clause(tok: Token) -> bool:
    """A "that"-clause or "to"-infinitive, as in "his insistence that ...", "a call to ..."."""
    return any(c.lower_ in ("that", "to") and c.dep_ in ("mark", "aux") for c in tok.lefts)


def _finite_clause(head: Token) -> bool:
    """A clause with a tensed verb or modal of its own ("legalizing it could put ...")."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in head.subtree if t.i > head.i)


def _late_that_clause(tok: Token) -> Token | None:
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


def _reporting_tail(tok: Token) -> bool:
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
    clause is the speaker's next statement (misattached by the parser), not this content."""
    out: set[Token] = set()
    for conj in head.children:
        if (
            conj.dep_ == "conj"
            and conj.i > head.i
            and conj.tag_.startswith("VB")
            and (reliability(conj.lower_, "ccomp") or 0) >= STATEMENT_CUE
        ):
            out.update(conj.subtree)
            out.update(t for t in head.doc[head.i + 1 : conj.left_edge.i] if t.dep_ == "cc")
    return out


def _coordinated_that(cue: Token, first: Token) -> list[Token]:
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


def _trailing_participle(head: Token) -> set[Token]:
    """ ", adding that ..." / ", pointing to ...": a new statement hanging at the end of a
    content clause; it belongs to the speaker, not to the content."""
    out: set[Token] = set()
    for child in head.children:
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and child.i > head.i
            and child.left_edge.i > 0
            and child.doc[child.left_edge.i - 1].text == ","
        ):
            out.update(child.subtree)
    return out


def _subject(verb: Token) -> Token | None:
    """The subject of a cue verb, looking through "and added", "saying", "went on to say"."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:  # "A spokesperson, Andriy Yusov told": an apposition misparsed
            named = [c for c in subjects if c.tag_ in ("NNP", "NNPS")]
            return (named or subjects)[-1]
        for child in tok.children:
            if child.dep_ in SUBJECTS:
                return None if child.dep_ == "expl" else child
            if child.dep_ == "nsubjpass":
                return None
            if child.dep_ == "agent":
                return next((o for o in child.children if o.dep_ == "pobj"), None)
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.tag_.startswith("VB"):
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.head.tag_.startswith("VB"):
            tok = tok.head.head  # "responded by saying that ..."
        elif tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj"):
            # "issued a statement saying ...": the issuer speaks
            tok = next((a for a in tok.head.ancestors if a.tag_.startswith("VB")), None)
            if tok is None:
                return None
        else:
            return None
    return None


def _under(tok: Token, ancestor: Token) -> bool:
    return tok.i == ancestor.i or ancestor.is_ancestor(tok)


def _relay_phrase(tok: Token) -> bool:
    """Tokens of ", per Reuters" or ", according to X" hanging inside a content clause."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "prep" and anc.lower_ in ("per", "according"):
            return True
    return False


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40},?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?(?:\([A-Za-z .]+\)\s*)?"
    r"[-\u2013\u2014]+\s+"
)


def _token_spans(tokens: list[Token], offset: int) -> Spans:
    """Contiguous runs of tokens as character spans, trimmed of edge punctuation."""
    if not tokens:
        return []
    doc = tokens[0].doc
    indices = sorted({t.i for t in tokens})
    runs: list[list[int]] = [[indices[0]]]
    for i in indices[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans: Spans = []
    for run in runs:
        toks = [doc[i] for i in run]
        while toks and toks[0].is_punct and toks[0].text not in OPEN_MARKS:
            toks.pop(0)
        while toks and (
            (toks[-1].is_punct and toks[-1].text not in CLOSE_MARKS) or toks[-1].dep_ == "cc"
        ):
            toks.pop()  # "he was staying in the race and [added ...]": no dangling "and"
        if not any(t.is_alpha or t.like_num for t in toks):
            continue
        start = toks[0].idx
        if toks[0].i == 0 and (dateline := _DATELINE.match(doc.text)):
            start = dateline.end()  # "BRENNA, Sept 3 (CPA) - " opens the story, not the claim
        spans.append((offset + start, offset + toks[-1].idx + len(toks[-1])))
    return spans


def _contiguous(toks: list[Token], anchor: int) -> list[Token]:
    toks = sorted(toks, key=lambda t: t.i)
    pos = next(k for k, t in enumerate(toks) if t.i == anchor)
    lo = hi = pos
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    run = toks[lo : hi + 1]
    while len(run) > 1 and not run[-1].text[:1].isalnum():
        run.pop()
    while len(run) > 1 and not run[0].text[:1].isalnum():
        run.pop(0)
    return run


# --- quotations ------------------------------------------------------------------------------


class _QuoteLookup:
    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]

    def covers(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.quotes[k].start < pos < self.quotes[k].end - 1

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """Quotations sharing characters with [start, end) (quotations never overlap)."""
        k = bisect.bisect_left(self.starts, end) - 1
        out = []
        while k >= 0 and self.quotes[k].end > start:
            out.append(self.quotes[k])
            k -= 1
        return out

    def group(self, gid: int) -> list[Quote]:
        if not hasattr(self, "_groups"):
            self._groups: dict[int, list[Quote]] = {}
            for q in self.quotes:
                self._groups.setdefault(q.group, []).append(q)
        return self._groups[gid]


def _with_quotes(cand: Candidate, lookup: _QuoteLookup, text: str) -> Candidate:
    """Grow a content to whole quotations it touches; decide direct / mixed / indirect."""
    spans = list(cand.content)
    touched = [q for s, e in spans for q in lookup.overlapping(s, e)]
    if not touched:
        return cand
    groups = sorted({q.group for q in touched})
    parts = [q for gid in groups for q in lookup.group(gid)]
    qspans = [(q.start, q.end) for q in parts]
    outside = _chars(spans) - _chars(qspans)
    words = sum(1 for i in outside if text[i].isalnum())
    if words <= 3:
        cand.content, cand.kind = _merge(qspans), "direct"
    else:
        cand.content, cand.kind = _merge(spans + qspans), "mixed"
    return cand


def _quote_candidates(
    text: str,
    quotes: list[Quote],
    found: list[Candidate],
    parsed: list[tuple[nlp.Chunk, Doc]],
    inside: _QuoteLookup,
    reliability: Reliability,
) -> list[Candidate]:
    """Quotations no construction claimed: attach them to a cue next to them."""
    used = set()
    for cand in found:
        used |= _chars(cand.content)
    by_group: dict[int, list[Quote]] = {}
    for q in quotes:
        by_group.setdefault(q.group, []).append(q)
    by_cue = {(c.offset + c.cue.idx): c for c in found if c.cue is not None}
    out: list[Candidate] = []
    starts = [c.start for c, _ in parsed]
    for parts in by_group.values():
        if any(q.start in used for q in parts) or parts[0].words(text) < 2:
            continue
        first, last = parts[0], parts[-1]
        hit = _cue_near(first, last, parsed, starts, inside, reliability)
        hit = hit or _colon_intro(text, first, parsed, starts, reliability)
        if hit is None:
            continue
        tok, offset, paragraph, sentence, score = hit
        spans = [(q.start, q.end) for q in parts]
        existing = by_cue.get(offset + tok.idx)
        if existing is not None:
            if existing.kind == "direct" and existing.paragraph == paragraph:
                existing.content = _merge(existing.content + spans)
            continue
        cand = Candidate(
            "quote",
            tok.lower_,
            score,
            spans,
            tok,
            _subject(tok),
            offset,
            paragraph,
            sentence,
            kind="direct",
        )
        by_cue[offset + tok.idx] = cand
        out.append(cand)
    return out


_NAME_WORD = r"[A-Z][\w.\u2019'-]*"
_LABEL = re.compile(rf"((?:{_NAME_WORD}\s){{0,3}}{_NAME_WORD}):[ \t]+(?=\S)")
NOT_LABELS = wordset(
    """the so but and update updated note photo photos related read watch video breaking
    exclusive title url date author outlet source sources editor q a correction clarification
    disclosure warning spoiler transcript story more also see follow subscribe tags topics share"""
)


def _labelled_lines(
    text: str, paras: list[tuple[int, int]], sentence_starts: list[int]
) -> list[Candidate]:
    """Headlines and transcripts: "Lynch: No outside influence on FBI probe", "FALLIN: Well, I
    think ...". The name before the colon is the source, the rest of the line the content."""
    out = []
    for index, (start, end) in enumerate(paras):
        match = _LABEL.match(text, start, end)
        if not match or match.group(1).split()[0].lower().rstrip(".") in NOT_LABELS:
            continue
        if match.group(1).isupper() and " " in match.group(1):
            continue  # "FIX IS IN:" is a headline kicker; transcripts shout one name

        content = _trimmed(text, set(range(match.end(), end)))
        if not content or sum(c.isalpha() for c in text[match.end() : end]) < 12:
            continue
        label = (match.start(1), match.end(1))
        sentence = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        out.append(
            Candidate(
                "label", ":", LABEL_SCORE, content, None, None, 0, index, sentence, label=label
            )
        )
    return out


def _join_split_quotes(
    text: str, found: list[Candidate], quotes: list[Quote], paras: list[tuple[int, int]]
) -> None:
    """`"A," he said. "B."`: the quotation right after the cue clause goes on with the same
    statement, so it joins the content (PolNeAR: one attribution, two content spans)."""
    used: set[int] = set()
    for cand in found:
        used |= _chars(cand.content)
    starts = [q.start for q in quotes]
    for cand in sorted(found, key=lambda c: c.start):
        if cand.kind != "direct" or cand.cue is None:
            continue
        cue_end = cand.offset + cand.cue.idx + len(cand.cue)
        if max(e for _, e in cand.content) > cand.offset + cand.cue.idx:
            continue
        para_end = paras[cand.paragraph][1] if cand.paragraph < len(paras) else len(text)
        pos = cue_end
        for q in quotes[bisect.bisect_left(starts, cue_end) :]:
            if q.start >= para_end:
                break
            gap = text[pos : q.start]
            if (
                q.start in used
                or (pos == cue_end and not _clause_tail(gap))
                or (pos != cue_end and gap.strip())
            ):
                break
            cand.content = _merge(cand.content + [(q.start, q.end)])
            used |= set(range(q.start, q.end))
            pos = q.end


def _clause_tail(gap: str) -> bool:
    """The rest of a cue clause: ' Smith, a senior fellow at X.' or ', adding:' (no new clause)."""
    stripped = gap.rstrip()
    return (
        len(gap.split()) <= 25
        and (not stripped or stripped[-1] in ".,:;")
        and not any(c in gap for c in '"\u201c\u201d')
    )


def _token_at(doc: Doc, rel: int) -> int:
    """Index of the token covering (or following) character offset `rel` of a chunk."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx + len(doc[mid]) <= rel:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, max(0, len(doc) - 1))


def _colon_intro(text, first, parsed, starts, reliability):
    """'Trump issued the following statement:' closing the paragraph before a quotation."""
    k = bisect.bisect_right(starts, first.start) - 1
    while k >= 0 and parsed[k][0].end > first.start:
        k -= 1
    if k < 0:
        return None
    chunk, doc = parsed[k]
    if chunk.paragraph != first.paragraph - 1 or not text[chunk.start : chunk.end].endswith(":"):
        return None
    if text[chunk.end : first.start].strip():
        return None
    sent = doc[-1].sent
    for tok in reversed(list(sent)):
        if tok.tag_.startswith("VB") and _subject(tok) is not None:
            score = reliability(tok.lower_, "quote") or reliability(tok.lower_, "ccomp")
            if score is None:
                return None
            sentence = sum(1 for _ in doc[: tok.i + 1].sents)
            return tok, chunk.start, chunk.paragraph, sentence, score * COLON_DISCOUNT
    return None


def _cue_near(first, last, parsed, starts, inside, reliability):
    """The nearest cue verb with a subject just after or just before the quotation."""
    best = None
    for q, after in ((last, True), (first, False)):
        pos = q.end if after else q.start
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        if after and k + 1 < len(parsed) and parsed[k][0].end <= pos:
            k += 1
        chunk, doc = parsed[k]
        if chunk.paragraph != q.paragraph:
            continue
        rel = pos - chunk.start
        at = _token_at(doc, rel)
        if after:
            toks = [t for t in doc[at : at + QUOTE_WINDOW + 1] if t.idx >= rel][:QUOTE_WINDOW]
        else:
            window = doc[max(0, at - QUOTE_WINDOW - 1) : at + 1]
            toks = [t for t in window if t.idx + len(t) <= rel][-QUOTE_WINDOW:][::-1]
        for dist, tok in enumerate(toks):
            if inside.covers(chunk.start + tok.idx) or tok.text in OPEN_MARKS:
                break
            if not after and tok.is_sent_end and dist:
                break
            if not tok.tag_.startswith("VB"):
                continue
            score = reliability(tok.lower_, "quote")
            if score is not None and _subject(tok) is not None:
                if best is None or dist < best[0]:
                    sentence = sum(1 for _ in doc[: tok.i + 1].sents)
                    best = (dist, (tok, chunk.start, chunk.paragraph, sentence, score))
                break
    return None if best is None else best[1]


def _continuations(page: Layout, kept: list[Candidate]) -> list[Candidate]:
    """A paragraph that is only a quotation continues the previous paragraph's direct quote."""
    text, paras, quotes = page.text, page.paras, page.quotes
    taken = set()
    for cand in kept:
        taken |= _chars(cand.content)
    last_in: dict[int, Candidate] = {}
    for cand in kept:
        last_in[cand.paragraph] = cand
    out = []
    for q in quotes:
        start, end = paras[q.paragraph]
        if q.start != start or q.start in taken or q.words(text) < 4:
            continue
        prev = last_in.get(q.paragraph - 1)
        if prev is None or prev.kind == "indirect" or prev.source is None:
            continue
        if q.end < end - 2 and not q.open_end:
            continue
        cand = Candidate(
            "continuation",
            "",
            CONTINUATION_SCORE,
            [(q.start, q.end)],
            None,
            None,
            prev.offset,
            q.paragraph,
            prev.sentence,
            kind="direct",
            inherit=prev,
        )
        last_in[q.paragraph] = cand
        out.append(cand)
    return out


# --- records ---------------------------------------------------------------------------------


def _record(cand: Candidate, text: str, index: SpeakerIndex, previous: Candidate | None) -> dict:
    speaker = Speaker(None)
    via: list[str] = []
    medium = None
    sentence_tokens: list[Token] = []
    if cand.cue is not None:
        sent: Span = cand.cue.sent
        sentence_tokens = list(sent)
        via = outlets.relays(cand.cue, sentence_tokens)
        medium = outlets.medium(cand.cue)
    if cand.inherit is not None:
        base = cand.inherit.result
        speaker = Speaker(base["speaker"], base["speaker_type"], base["speaker_role"])
        via, medium = list(base["via_outlets"]), base["medium"]
    elif cand.label is not None:
        speaker = index.resolve_name(text[slice(*cand.label)], cand.label[0])
        index.remember(cand.label[0], speaker)
    elif cand.source is not None:
        src = cand.source
        if src.lower_ in outlets.MEDIUM_NOUNS and previous is not None and previous.result:
            base = previous.result
            speaker = Speaker(base["speaker"], base["speaker_type"], base["speaker_role"])
            via = via or list(base["via_outlets"])
            medium = outlets.medium_text(src)
        elif outlets.is_outlet(src):
            name = outlets.outlet_name(src) or src.text
            speaker = Speaker(name, "organization")
            via = [v for v in via if v != name]
        else:
            speaker = index.resolve(src, cand.offset)
        index.remember(cand.offset + src.idx, speaker)
    source = cand.source_span()
    dateline = _DATELINE.match(text[source[0] : source[1]]) if source else None
    if source and dateline and source[0] + dateline.end() < source[1]:
        source = (source[0] + dateline.end(), source[1])
    if speaker.name and (dateline := _DATELINE.match(speaker.name)):
        speaker.name = speaker.name[dateline.end() :]
    cue = cand.cue_span()
    content = " ".join(text[s:e] for s, e in cand.content)
    confidence = cand.score * (speaker.certainty if speaker.name else 0.8)
    if source is None:
        confidence *= NO_SOURCE_DISCOUNT
    cand.result = {
        "kind": cand.kind,
        "content": content,
        "content_spans": [[s, e] for s, e in cand.content],
        "cue": text[cue[0] : cue[1]] if cue else None,
        "cue_span": list(cue) if cue else None,
        "speaker_text": text[source[0] : source[1]] if source else None,
        "speaker_span": list(source) if source else None,
        "speaker": speaker.name,
        "speaker_type": speaker.kind if speaker.name or speaker.kind != "unknown" else "unknown",
        "speaker_role": speaker.role,
        "via_outlets": via,
        "medium": medium,
        "paragraph_index": cand.paragraph,
        "sentence_index": cand.sentence,
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
    }
    return cand.result


def _chars(spans: Spans) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def _merge(spans: Spans) -> Spans:
    merged: Spans = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
