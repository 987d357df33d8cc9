"""Quotations as attributions: growing contents to whole quotes, attaching unclaimed quotes.

Decides whether a content is direct (a quotation with at most three words outside it),
mixed or indirect (a name or scare quote, `quotes.is_naming`, counts as no quotation, unless
a speaker's tensed "called X “...”" makes it their words);
which cue an unclaimed quotation belongs to (the nearest cue verb with a subject within
QUOTE_WINDOW tokens in its paragraph, or a "... said:" closing the paragraph before it, or
else the verb whose object or predicate holds it: 'branded North Korea an "outlaw nation"');
when the quotation after `"A," he said.` (or a paraphrase, `A, he said.`) joins the same
statement (a title quoted in the cue's clause, `"A," he said on "Meet the Press." "B."`, is
no statement and does not stand between them), as the two parts of a sentence quoted around
its cue (`"A," he added, "b."`); and
when a paragraph
that is only a quotation continues the previous paragraph's speaker. Quotation marks
themselves are found by `quotes.py`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from indexer.extract import nlp
from indexer.extract.candidate import CONTINUED_QUOTATION, Candidate, Reliability
from indexer.extract.layout import Layout
from indexer.extract.quotes import (
    NAMING_WORDS,
    SPOKEN_NAMING_WORDS,
    Quote,
    in_another_script,
    is_naming,
)
from indexer.extract.sources import absolute_subject, subject
from indexer.extract.spans import OPEN_MARKS, chars, merge, token_spans
from indexer.lexicon import wordset

QUOTE_WINDOW = 16  # tokens between a quotation and its cue ("," said Sen. John Smith, R-Texas.)
CONTINUATION_SCORE = 0.5
# Single quotes mark short phrases in headlines and scare quotes far more often than whole
# statements; below this many words they join a content but claim no cue of their own,
# unless the cue comes right after them ("‘Our river is dying’, warn anglers").
SINGLE_MIN_WORDS = 5
COLON_DISCOUNT = 0.8  # a cue one paragraph away is less certain than one next to the quote
# `quoted_argument`: the dependencies a quotation's words climb to reach the verb whose object,
# predicate or prepositional phrase holds them; verbs on the way that are not the speaker's
# ("for being ...", "to vote ..."); the verb's dependents that make the content; the rule score
# (replaced by the learned scorer's probability once trained with "argument" candidates).
ARGUMENT_DEPS = wordset(
    """dobj oprd prep pobj attr acomp dative amod compound nmod appos conj cc det poss
    npadvmod advmod nummod quantmod punct"""
)
ARGUMENT_VERB_DEPS = frozenset(["pcomp", "xcomp", "aux", "auxpass"])
ARGUMENT_PREPS = wordset("as for to of against about with into like")  # "likened X to ..."
ARGUMENT_HEADS = frozenset(["dobj", "dative", "oprd", "prep", "xcomp", "attr", "acomp"])
ARGUMENT_SCORE = 0.5
# Verbs whose quoted object is a name or a title, not the subject's words ('the motto is "..."',
# 'a report titled "..."').
NOT_QUOTING_VERBS = wordset(
    """is was were are be been being am 's has have had having titled entitled named known
    nicknamed read reads"""
)

Parsed = list[tuple[nlp.Chunk, Doc]]


class QuoteLookup:
    """Quotations of one article, searchable by character position."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]

    def covers(self, pos: int) -> bool:
        """Character `pos` is strictly inside a quotation (not on its marks)."""
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
        """All parts of a multi-paragraph quotation, in text order."""
        if not hasattr(self, "_groups"):
            self._groups: dict[int, list[Quote]] = {}
            for q in self.quotes:
                self._groups.setdefault(q.group, []).append(q)
        return self._groups[gid]


@dataclass(frozen=True)
class CueHit:
    """A cue verb found for an unclaimed quotation: the token, its chunk's start in the
    article (characters), paragraph and sentence index, and the candidate's score."""

    cue: Token
    offset: int
    paragraph: int
    sentence: int
    score: float


def with_quotes(cand: Candidate, lookup: QuoteLookup, text: str) -> Candidate:
    """Grow a content to whole quotations it touches; decide direct / mixed / indirect."""
    spans = list(cand.content)
    touched = [q for s, e in spans for q in lookup.overlapping(s, e) if not _named(text, q, cand)]
    if not touched:
        return cand
    groups = sorted({q.group for q in touched})
    parts = [q for gid in groups for q in lookup.group(gid)]
    if cand.pattern == "label" and all(q.start < cand.content[0][0] for q in touched):
        # '"PENCE: Well, ...': a quoted transcript opens each turn with a quotation mark (as
        # one multi-paragraph quotation); the turn after its label is what was said, verbatim.
        cand.kind = "direct"
        return cand
    qspans = [(q.start, q.end) for q in parts]
    outside = chars(spans) - chars(qspans)
    words = sum(1 for i in outside if text[i].isalnum())
    if words <= 3:
        cand.content, cand.kind = merge(qspans), "direct"
    else:
        cand.content, cand.kind = merge(spans + qspans), "mixed"
    return cand


def quote_candidates(
    text: str,
    quotes: list[Quote],
    found: list[Candidate],
    parsed: Parsed,
    inside: QuoteLookup,
    reliability: Reliability,
) -> list[Candidate]:
    """Quotations no construction claimed: attach them to a cue next to them (a quotation
    whose cue already has a direct candidate in the same paragraph joins that one)."""
    used = set()
    for cand in found:
        used |= chars(cand.content)
    by_group: dict[int, list[Quote]] = {}
    for q in quotes:
        by_group.setdefault(q.group, []).append(q)
    by_cue = {(c.offset + c.cue.idx): c for c in found if c.cue is not None}
    out: list[Candidate] = []
    starts = [c.start for c, _ in parsed]
    for parts in by_group.values():
        if any(q.start in used for q in parts):
            continue
        if is_naming(text, parts[0]):
            continue  # 'the so-called "efficiency review"': a name, not speech
        first, last = parts[0], parts[-1]
        one_word = first.words(text) < 2
        if one_word and not (_closes_statement(text, first) or _after_colon(text, first)):
            continue  # one word in quotation marks is a term, unless it ends a statement
        hit = _cue_near(first, last, parsed, starts, inside, reliability)
        hit = hit or _colon_intro(text, first, parsed, starts, reliability)
        if hit is None and first.words(text) >= (SINGLE_MIN_WORDS if first.single else 2):
            argument = quoted_argument(first, parsed, starts, inside)
            if argument is not None and argument.offset + argument.cue.idx not in by_cue:
                by_cue[argument.offset + argument.cue.idx] = argument
                out.append(with_quotes(argument, inside, text))
            continue
        if hit is None or (
            one_word
            and not (_cue_follows(text, first, hit) or _answered_after_colon(text, first, hit))
        ):
            continue  # '"Fine," said Bob Smith.': the cue must come right after the word
        if (
            first.single
            and sum(q.words(text) for q in parts) < SINGLE_MIN_WORDS
            and not _cue_follows(text, last, hit)
        ):
            continue  # 'Personal Insult', ‘crazy system’: a headline's phrase, no statement
        spans = [(q.start, q.end) for q in parts]
        existing = by_cue.get(hit.offset + hit.cue.idx)
        if existing is not None:
            if existing.kind == "direct" and existing.paragraph == hit.paragraph:
                existing.content = merge(existing.content + spans)
            continue
        cand = Candidate(
            "quote",
            hit.cue.lower_,
            hit.score,
            spans,
            hit.cue,
            subject(hit.cue),
            hit.offset,
            hit.paragraph,
            hit.sentence,
            kind="direct",
        )
        by_cue[hit.offset + hit.cue.idx] = cand
        out.append(cand)
    return out


def quoted_argument(
    quote: Quote, parsed: Parsed, starts: list[int], inside: QuoteLookup
) -> Candidate | None:
    """'Japan branded North Korea an "outlaw nation"', 'Cruz exhorted Republicans to "vote your
    conscience"', 'he blasted the media for being "unbelievably dishonest"': a quotation inside
    the object, predicate or prepositional phrase of a verb with a subject is that subject's
    words, whatever the verb (the learned scorer weighs the verb). The content is the verb's
    arguments after it; None when the quotation hangs off no such verb in its sentence. The
    participle of an absolute "with NP V-ing" has its own subject ("..., with the secretary
    accusing unions of "holding the country to ransom"": `sources.absolute_subject`)."""
    k = bisect.bisect_right(starts, quote.start) - 1
    if k < 0 or parsed[k][0].end < quote.end:
        return None
    chunk, doc = parsed[k]
    words = [t for t in doc[_token_at(doc, quote.start - chunk.start) :] if t.is_alpha]
    if not words or chunk.start + words[0].idx >= quote.end:
        return None
    node = words[0]
    while not (
        node.tag_.startswith("VB")
        and (node.dep_ not in ARGUMENT_VERB_DEPS or absolute_subject(node) is not None)
        and chunk.start + node.idx < quote.start
    ):
        if node.dep_ not in ARGUMENT_DEPS | ARGUMENT_VERB_DEPS or node.head.i == node.i:
            return None
        if node.dep_ == "prep" and node.lower_ not in ARGUMENT_PREPS:
            return None  # 'sings ... in a preview clip of ‘The 411’': a setting, not the words
        node = node.head
    verb = node
    who = subject(verb)
    if (
        verb.lower_ in NOT_QUOTING_VERBS
        or verb.sent.start != words[0].sent.start
        or who is None
        or inside.covers(chunk.start + verb.idx)
        or inside.covers(chunk.start + who.idx)
    ):
        return None
    content = [t for c in verb.rights if c.dep_ in ARGUMENT_HEADS for t in c.subtree]
    spans = token_spans(content, chunk.start)
    if not spans:
        return None
    sentence = sum(1 for _ in doc[: verb.i + 1].sents)
    return Candidate(
        "argument",
        verb.lower_,
        ARGUMENT_SCORE,
        spans,
        verb,
        who,
        chunk.start,
        chunk.paragraph,
        sentence,
    )


def join_split_quotes(
    text: str,
    found: list[Candidate],
    quotes: list[Quote],
    paras: list[tuple[int, int]],
    parsed: Parsed,
) -> None:
    """`"A," he said. "B."`: the quotation right after the cue clause goes on with the same
    statement, so it joins the content (PolNeAR: one attribution, two content spans). So it
    does after a content that only partly quotes or paraphrases (`The plan is "dead," he
    said. "B."`, `The plan is dead, he said. "B."`), which then becomes mixed. Only the
    rest of the cue's clause may stand between them, no sentence of narration with a verb of
    its own. Changes the candidates in `found` in place."""
    used: set[int] = set()
    for cand in found:
        used |= chars(cand.content)
    starts = [q.start for q in quotes]
    verbs = [chunk.start + i for chunk, doc in parsed for i in _verb_starts(doc)]
    chunks = sorted((chunk.start, chunk.end) for chunk, _ in parsed)
    for cand in sorted(found, key=lambda c: c.start):
        if cand.cue is None:
            continue
        cue_end = cand.offset + cand.cue.idx + len(cand.cue)
        if max(e for _, e in cand.content) > cand.offset + cand.cue.idx:
            continue
        para_end = paras[cand.paragraph][1] if cand.paragraph < len(paras) else len(text)
        sent_end = cand.offset + cand.cue.sent.end_char  # after it: 'He gave no date.'
        pos = cue_end
        named: list[Quote] = []  # 'said on NBC's "Meet the Press."': in the cue's clause
        for q in quotes[bisect.bisect_left(starts, cue_end) :]:
            if q.start >= para_end:
                break
            if pos == cue_end and _named_in_clause(text, q, cue_end, sent_end):
                named.append(q)
                continue
            gap = _without_marks(text, pos, q.start, named if pos == cue_end else [])
            if (
                q.start in used
                or (pos == cue_end and not _clause_tail(gap))
                or _narration(text, verbs, chunks, sent_end, q.start)
                or (pos != cue_end and gap.strip())
            ):
                break  # 'X, he said. The mayor disagreed. "B."': B is not his
            cand.content = merge(cand.content + [(q.start, q.end)])
            cand.kind = "direct" if cand.kind == "direct" else "mixed"
            used |= set(range(q.start, q.end))
            pos = q.end


def join_around_cue(text: str, found: list[Candidate], quotes: list[Quote]) -> list[Candidate]:
    """ "'We have not seen the soil reports,' he said, 'so any date is a guess.'": a sentence
    quoted in two parts around its cue clause is one statement. The parser may make each part
    a content of the cue (two candidates with one cue: they become one), or give the cue only
    the part after it (the part right before the cue and its speaker, with nothing but a
    comma or dash between, joins it when no candidate has it). Returns `found` without the
    candidates merged into another; the others are changed in place."""
    used: set[int] = set()
    for cand in found:
        used |= chars(cand.content)
    ends = sorted((q.end, k) for k, q in enumerate(quotes))
    by_cue: dict[int, Candidate] = {}
    merged: set[int] = set()
    for cand in sorted(found, key=lambda c: c.start):
        if cand.cue is None or cand.kind != "direct":
            continue
        cue = cand.cue_span()
        assert cue is not None
        first = by_cue.get(cue[0])
        if first is None:
            by_cue[cue[0]] = cand
        elif (
            first.paragraph == cand.paragraph
            and max(e for _, e in first.content) <= cue[0]
            and cand.start >= cue[1]
            and _resumes_after_cue(text, cand, cue)
        ):
            first.content = merge(first.content + cand.content)
            merged.add(id(cand))
            continue
        if cand.start < cue[1]:
            continue
        source = cand.source_span()
        lead = min(cue[0], source[0]) if source is not None else cue[0]
        k = bisect.bisect_right(ends, (lead, len(quotes))) - 1
        if k < 0:
            continue
        quote = quotes[ends[k][1]]
        if (
            quote.start not in used
            and quote.paragraph == cand.paragraph
            and not text[quote.end : lead].strip(" ,\u2014\u2013-")
        ):
            cand.content = merge(cand.content + [(quote.start, quote.end)])
            used |= set(range(quote.start, quote.end))
    return [c for c in found if id(c) not in merged]


def _resumes_after_cue(text: str, cand: Candidate, cue: tuple[int, int]) -> bool:
    """Does `cand`'s quotation resume right after its cue clause: nothing but the speaker and
    a few words ending in a comma or colon between them ("he said, 'B'", "Pell told the
    Gazette, 'B'"; not "he said introducing Clinton as a 'B'", a quotation of its own)?"""
    source = cand.source_span()
    end = max(cue[1], source[1]) if source is not None else cue[1]
    gap = text[end : cand.start].strip()
    return not gap or (gap[-1] in ",:" and len(gap.split()) <= 6)


def _named_in_clause(text: str, quote: Quote, cue_end: int, sent_end: int) -> bool:
    """ 'Cuban said in an interview on NBC's "Meet the Press." "You don't ..."': a name or
    title in quotation marks (`quotes.is_naming`) inside the rest of the cue's sentence,
    after words of that clause and not after the comma or colon that introduce what was
    said, is part of the clause, not a statement."""
    before = text[cue_end : quote.start].rstrip()
    return (
        quote.end <= sent_end
        and any(c.isalpha() for c in before)
        and before[-1] not in ",:"
        and is_naming(text, quote)
    )


def _without_marks(text: str, start: int, end: int, named: list[Quote]) -> str:
    """text[start:end] with the quotation marks of the `named` quotations in it left out:
    the gap between a cue and a quotation, read as the rest of the cue's clause."""
    gap = text[start:end]
    for quote in named:
        inner = text[quote.start : quote.end]
        gap = gap.replace(inner, "".join(c for c in inner if c not in _MARKS))
    return gap


_MARKS = frozenset('"\u201c\u201d\u2018\u2019\u00ab\u00bb`\'')


def _verb_starts(doc: Doc) -> list[int]:
    """Where the verbs of a parsed chunk start (characters into it, ascending); worked out
    once per chunk, as `join_split_quotes` runs twice per article."""
    starts = doc.user_data.get("quotetrail_verb_starts")
    if starts is None:
        starts = [t.idx for t in doc if t.tag_.startswith("VB")]
        doc.user_data["quotetrail_verb_starts"] = starts
    return starts


def _narration(
    text: str, verbs: list[int], chunks: list[tuple[int, int]], start: int, end: int
) -> bool:
    """A sentence of its own stands in [start, end), between a cue's sentence and a
    quotation: a verb (of the sorted positions `verbs`) or words outside the parsed `chunks`
    (sorted (start, end); sentences without a cue word are not parsed). A name the sentence
    splitter cut off ("Rep. G.K. | Butterfield, head of the caucus.") is none."""
    k = bisect.bisect_left(verbs, start)
    if k < len(verbs) and verbs[k] < end:
        return True
    pos = start
    for chunk_start, chunk_end in chunks[max(0, bisect.bisect_left(chunks, (start, start)) - 1) :]:
        if chunk_start >= end:
            break
        if chunk_end <= pos:
            continue
        if text[pos:chunk_start].strip():
            return True
        pos = max(pos, chunk_end)
    return bool(text[pos:end].strip())


def continuations(page: Layout, kept: list[Candidate]) -> list[Candidate]:
    """A paragraph that is only a quotation continues the previous paragraph's direct quote,
    when it is written in the same script (`quotes.in_another_script`)."""
    text, paras, quotes = page.text, page.paras, page.quotes
    taken = set()
    for cand in kept:
        taken |= chars(cand.content)
    last_in: dict[int, Candidate] = {}
    for cand in kept:
        last_in[cand.paragraph] = cand
    out = []
    for q in quotes:
        start, end = paras[q.paragraph]
        if q.start != start or q.start in taken or q.words(text) < 4:
            continue
        prev = last_in.get(q.paragraph - 1)
        if prev is None or prev.source is None:
            continue
        if q.end < end - 2 and not q.open_end:
            continue
        said = " ".join(text[s:e] for s, e in prev.content)
        if in_another_script(said, text[q.start : q.end]):
            continue  # an Arabic quotation after an English speaker's: not theirs
        continued = _continued_quotation(q, quotes, prev)
        cand = Candidate(
            "continuation",
            CONTINUED_QUOTATION if continued else "",
            prev.score if continued else CONTINUATION_SCORE,
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


def _continued_quotation(quote: Quote, quotes: list[Quote], prev: Candidate) -> bool:
    """ "...said Sean Brody. "The company walked away. // "Now we have no choice.": `quote`
    goes on with a quotation of `prev`'s that the paragraph before left open (the news
    convention: no closing mark at the paragraph's end, an opening mark on the next one), so
    it is the same speaker's quotation, as sure as `prev` is."""
    return any(
        o.open_end
        and o.group == quote.group
        and o.paragraph == quote.paragraph - 1
        and any(s <= o.start < e for s, e in prev.content)
        for o in quotes
    )


def _named(text: str, quote: Quote, cand: Candidate) -> bool:
    """Is `quote` a name, title or scare quote in `cand`'s content: after a naming word
    (`is_naming`), or after the candidate's own naming cue ("locals call the old ferry
    “the floating bathtub”"), unless the cue is a speaker's characterisation
    (`_speaker_names`)?"""
    if _speaker_names(cand):
        return False
    cue = cand.cue
    naming_cue = cue is not None and cue.lower_ in NAMING_WORDS | SPOKEN_NAMING_WORDS
    return is_naming(text, quote) or (naming_cue and quote.start > cand.offset + cue.idx)


def _speaker_names(cand: Candidate) -> bool:
    """ "She called the delay “a national embarrassment”": a naming verb (`NAMING_WORDS`) with
    a subject of its own, in a tensed clause (not the habitual "locals call it ..."), is
    someone's characterisation, so the quoted
    predicate is their words; "residents have started calling it ‘the lottery’" (a habit) and
    "a report titled ..." (no subject) stay names."""
    cue = cand.cue
    return (
        cue is not None
        and cand.source is not None
        and cue.lower_ in SPOKEN_NAMING_WORDS
        and cue.dep_ != "xcomp"
        and (cue.tag_ in ("VBD", "VBZ") or any(c.dep_ == "aux" for c in cue.children))
    )


def _closes_statement(text: str, quote: Quote) -> bool:
    """'"Fine," said Bob Smith.': a quotation closed by its own comma, question or exclamation
    mark ends a (short) statement; a one-word term in quotation marks does not."""
    inner = text[quote.start : quote.end].rstrip("\"'\u201d\u2019\u00bb")
    return inner[-1:] in (",", "!", "?")


def _after_colon(text: str, quote: Quote) -> bool:
    """ 'Ms Okoro said: "No."': a quotation right after a colon is what the clause before
    the colon introduces, a statement however short, never a term in quotation marks."""
    return text[: quote.start].rstrip().endswith(":")


def _answered_after_colon(text: str, quote: Quote, hit: CueHit) -> bool:
    """ 'Asked whether she would resign, Ms Okoro said: "No."': the cue comes right before
    the quotation, with only a colon between them."""
    return text[hit.offset + hit.cue.idx + len(hit.cue) : quote.start].strip() == ":"


def _cue_follows(text: str, quote: Quote, hit: CueHit) -> bool:
    """ "‘Our river is dying’, warn anglers": the cue comes right after the quotation."""
    return not text[quote.end : hit.offset + hit.cue.idx].strip(" ,:;\u2014\u2013-")


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


def _colon_intro(
    text: str, first: Quote, parsed: Parsed, starts: list[int], reliability: Reliability
) -> CueHit | None:
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
        if tok.tag_.startswith("VB") and subject(tok) is not None:
            score = reliability(tok.lower_, "quote") or reliability(tok.lower_, "ccomp")
            if score is None:
                return None
            sentence = sum(1 for _ in doc[: tok.i + 1].sents)
            return CueHit(tok, chunk.start, chunk.paragraph, sentence, score * COLON_DISCOUNT)
    return None


def _cue_near(
    first: Quote,
    last: Quote,
    parsed: Parsed,
    starts: list[int],
    inside: QuoteLookup,
    reliability: Reliability,
) -> CueHit | None:
    """The nearest cue verb with a subject just after or just before the quotation."""
    best: tuple[int, CueHit] | None = None
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
            who = subject(tok)
            if score is not None and who is not None and not inside.covers(chunk.start + who.idx):
                if best is None or dist < best[0]:
                    sentence = sum(1 for _ in doc[: tok.i + 1].sents)
                    best = (dist, CueHit(tok, chunk.start, chunk.paragraph, sentence, score))
                break
    return None if best is None else best[1]
