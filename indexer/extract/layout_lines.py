"""Attributions made by the page's layout rather than by a cue verb.

Decides, from paragraph shapes alone, four house styles of the press:

- interview transcripts: "Q: ..." / "A: ..." (or "Question:" / "Answer:") turns, where every
  answer is the interviewee's (the person the headline and introduction name most, before
  the first turn), and interviews written as question and answer paragraphs without labels,
  where each answer paragraph is the whole turn of the one person the lead announces
  (`interviews`);
- a label line before a quotation: "And from Commissioner Tobias Grell:" alone in its
  paragraph, the quotation in the next one;
- a cue line before a block quotation: "The governor added:" or "Caddell continued:" alone in
  its paragraph, what was said set as a block without quotation marks in the next one;
- a dash attribution closing a quotation: `"I start on Monday." — Dr. Ruth Anselm`;
- a headline that labels a quotation: `Union chief to council: "Not one more cut"`, or
  names its speaker after it: "‘Not one penny more’, say Ashby tenants".

Each candidate has a `label` (the characters naming the speaker) and no cue: the layout is
the cue. Transcript answers are verbatim, so direct.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc

from indexer.extract import cues, interviews
from indexer.extract.candidate import Candidate
from indexer.extract.nlp import Chunk
from indexer.extract.quotes import Quote
from indexer.extract.spans import trimmed
from indexer.lexicon import EXTRACT_ORG_WORDS, ORG_WORDS, TITLES, wordset

LAYOUT_SCORE = 0.55  # as reliable as a labelled line (constructions.LABEL_SCORE)
# An answer of a Q&A is the interviewee's whole turn: it wins over the cues inside it
# ("..., I promise you that").
ANSWER_SCORE = 0.9
# An unlabelled interview's answer paragraph (`interviews.whole_turns`): its layout is read
# from the shapes of the paragraphs around it, less surely than from an "A:" label.
TURN_SCORE = 0.8
WHOLE_TURN = "interview answer"  # the form of such a candidate: records check its speaker
# A headline's layout wins over the parse of it: headlines drop verbs and periods, and the
# parser reads "says council leader as bin strike deepens" as one noun phrase.
HEADLINE_SCORE = 0.9
_TURN = interviews.TURN_LABEL
_NAME = r"[A-Z][\w\u2019'.-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w\u2019'.-]*)*"
# A name never runs over a line break ("... Ines Duarte\n\nInes Duarte has spent ...").
_PERSON = re.compile(
    r"(?<![\w\u2019'])(?P<name>[A-Z][\w\u2019'-]+(?:[ \t\xa0]+[A-Z][\w\u2019'-]+)+)"
)
_LABEL_LINE = re.compile(
    rf"^(?:(?:And|and|Also|Now|Here is|Here's)\s+)?(?:[Ff]rom\s+)?(?:[a-z][\w-]*\s+){{0,3}}"
    rf"(?P<name>{_NAME}):$"
)
# The dash before the name: em, en, double hyphen, or the horizontal bar (U+2015) some outlets
# set instead of an em dash ("“...” ― Sonya Herridge").
_DASH = re.compile(rf"\s*(?:\u2014|\u2013|\u2015|--)\s*(?P<name>{_NAME})(?:,[^\n]{{0,80}})?\s*$")
# A headline's speaker is a noun phrase: what follows it ("to council", "on transit cuts",
# "as bin strike deepens", "after inflation data") is the story, not the speaker.
_HEADLINE_CLAUSE = r"(?:to|on|about|over|as|after|amid|in|at|while|following|despite|ahead of)"
_HEADLINE = re.compile(
    r"^(?P<who>[A-Z][\w\u2019'-]*(?:\s+[\w\u2019'-]+){0,4}?)"
    rf"(?:\s+{_HEADLINE_CLAUSE}\s+[^:]{{1,40}})?:\s*(?=[\"\u201c\u2018'])"
)
_AFTER_QUOTE = re.compile(
    r"\s*[,:\u2014\u2013-]?\s*(?P<cue>[a-z]+)\s+(?P<who>[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,5}?)"
    rf"(?:\s+{_HEADLINE_CLAUSE}\s+[^\n]*)?\s*$"
)
MAX_LABEL_WORDS = 8
# An answer of one of several guests opening with the guest's name: "A: Ruiz: ...",
# "A: (Ana Ruiz) ...", "A: [Ruiz] ...".
_GUEST_LABEL = re.compile(
    r"[ \t]*[(\[]?(?P<name>[A-Z][\w\u2019'-]+(?:[ \t]+[A-Z][\w\u2019'-]+){0,2})"
    r"(?:[)\]][ \t]*:?|[ \t]*:)[ \t]+(?=\S)"
)
# The interviewer in a transcript's lead: "Harbor Daily spoke with ...", "... told the
# Harbor Daily" (the guest speaks with or to the interviewer, is interviewed by them).
_INTERVIEWER_AFTER = re.compile(
    r"\s+(?:spoke|speaks|talked|talks|sat|chatted|chats|caught|interviewed|interviews|asked"
    r"|asks|put)\b"
)
_INTERVIEWER_BEFORE = re.compile(r"\b(?:told|tells|by)(?:\s+the)?\s+$")
# ... unless whom it spoke with is the press: "Nina Castell spoke to the Courier", "Mayor Tom
# Reyes sat down with Courier reporter Jane Abbott": then the subject answers.
_JOURNALIST = "|".join(sorted(interviews.INTERVIEWER_NOUNS))
_TO_THE_PRESS = re.compile(
    r"\s+(?:spoke|speaks|talked|talks|sat\s+down|chatted|chats|caught\s+up)\s+(?:with|to)\s+"
    rf"(?:(?:the|The)\s+[A-Z]|(?:(?:our|a|an|[A-Z][\w\u2019'-]*)\s+){{0,3}}(?i:{_JOURNALIST})\b)"
)
# A journalist's noun right before a name: "Courier reporter Jane Abbott", "host Ira Lee".
_JOURNALIST_BEFORE = re.compile(rf"\b(?i:{_JOURNALIST})\s+$")
JOURNALIST_REACH = 30  # characters before a name searched for a journalist's noun
# A capitalised run ending in an organization word ("Harbour Board chair Nina Castell") is
# the body a role belongs to, not a person.
_BODY_WORDS = ORG_WORDS | EXTRACT_ORG_WORDS
# "The governor added:", "Limbaugh continued:": a speaker and one cue verb, then the colon.
_CUE_LINE = re.compile(
    rf"^(?P<name>(?:The|the)(?:\s+[a-z][\w-]*){{1,2}}|{_NAME})\s+(?P<cue>[a-z]+):$"
)
PRONOUNS = wordset("he she they it we i you this that")
NOT_PEOPLE = wordset("q&a the and live watch update read related photo video interview about") | (
    interviews.QUESTION_LABELS | interviews.ANSWER_LABELS
)


def layout_candidates(
    text: str,
    paras: list[tuple[int, int]],
    quotes: list[Quote],
    sentence_starts: list[int],
    parsed: list[tuple[Chunk, Doc]],
) -> list[Candidate]:
    """Every candidate the page's layout offers, in text order; `parsed` (the layout's
    parsed chunks) gives a headline's cue verb its token."""
    by_para: dict[int, list[Quote]] = {}
    for q in quotes:
        by_para.setdefault(q.paragraph, []).append(q)

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, pos) - 1)

    out = _answers(text, paras, sentence_of) or _whole_turns(text, paras, sentence_of)
    for index, (start, end) in enumerate(paras):
        line = text[start:end]
        inside = by_para.get(index, [])
        following = by_para.get(index + 1, [])
        if index + 1 < len(paras) and (match := _LABEL_LINE.match(line)) and _person_like(match):
            nxt = paras[index + 1]
            if following and following[0].start == nxt[0] and _words(line) <= MAX_LABEL_WORDS:
                label = (start + match.start("name"), start + match.end("name"))
                spans = [(q.start, q.end) for q in following]
                out.append(_candidate(spans, label, index + 1, sentence_of(nxt[0])))
        if (
            index + 1 < len(paras)
            and (cue_line := _cue_line(line)) is not None
            and not (following and following[0].start == paras[index + 1][0])
        ):
            # a quotation opening the next paragraph is the cue verb's own (quotations.py)
            nxt = paras[index + 1]
            label = (start + cue_line.start("name"), start + cue_line.end("name"))
            out.append(
                Candidate(
                    "layout",
                    "",
                    LAYOUT_SCORE,
                    trimmed(text, set(range(*nxt))),
                    None,
                    None,
                    0,
                    index + 1,
                    sentence_of(nxt[0]),
                    kind="indirect",
                    label=label,
                )
            )
        if (
            inside
            and inside[0].start == start
            and (match := _DASH.match(line, inside[-1].end - start))
        ):
            label = (start + match.start("name"), start + match.end("name"))
            spans = [(q.start, q.end) for q in inside]
            out.append(_candidate(spans, label, index, sentence_of(start)))
        if (
            index == 0
            and inside
            and (match := _HEADLINE.match(line))
            and not cues.may_attribute(match.group("who"))
            and _quoted_rest(line, match.end(), inside, start)
        ):
            label = (start + match.start("who"), start + match.end("who"))
            spans = [(q.start, q.end) for q in inside]
            out.append(_candidate(spans, label, index, sentence_of(start)))
        if index == 0 and inside and inside[0].start == start:
            out += _inverted_headline(line, start, inside, sentence_of(start), parsed)
    return out


def _inverted_headline(
    line: str, start: int, inside: list[Quote], sentence: int, parsed: list[tuple[Chunk, Doc]]
) -> list[Candidate]:
    """ "‘Not one penny more’, say Ashby tenants": a headline quotation, then a cue verb and
    its speaker up to any clause after it ("as ...", "after ..."; headlines drop the final
    period, which misleads the parser). The cue verb keeps its parsed token when it has one."""
    match = _AFTER_QUOTE.match(line, inside[-1].end - start)
    if not match or cues.reliability(match.group("cue"), "quote") is None:
        return []
    label = (start + match.start("who"), start + match.end("who"))
    cand = _candidate([(q.start, q.end) for q in inside], label, 0, sentence)
    cand.score = HEADLINE_SCORE
    cue_at = start + match.start("cue")
    for chunk, doc in parsed:
        if chunk.start <= cue_at < chunk.end:
            token = doc.char_span(cue_at - chunk.start, cue_at - chunk.start + len(match["cue"]))
            if token is not None and len(token) == 1:
                cand.cue, cand.offset, cand.form = token[0], chunk.start, token[0].lemma_
    return [cand]


def _answers(
    text: str, paras: list[tuple[int, int]], sentence_of: Callable[[int], int]
) -> list[Candidate]:
    """ "A: ..." (or "Answer: ...") turns of a transcript with "Q: ..." ("Question: ...")
    turns, given to the interviewee."""
    turns = [(i, m) for i, (s, e) in enumerate(paras) if (m := _TURN.match(text, s, e))]
    if not any(m.group("q") for _, m in turns) or not any(m.group("a") for _, m in turns):
        return []
    first = paras[turns[0][0]][0]
    who = interviewee(text, first)
    guests = [] if who is not None else _lead_people(text, first)
    if who is None and len(set(guests)) < 2:
        return []
    out = []
    for index, match in turns:
        if not match.group("a"):
            continue
        label, at = who, match.end()
        named = None if who else _GUEST_LABEL.match(text, at, paras[index][1])
        if named and _one_guest(named.group("name"), guests):  # "A: Ruiz: ...", "A: (Tom) ..."
            label, at = named.span("name"), named.end()
        content = trimmed(text, set(range(at, paras[index][1])))
        if content:  # an answer of one of two guests it does not name: unresolved, kept
            cand = _candidate(content, label, index, sentence_of(at))
            cand.score = ANSWER_SCORE
            out.append(cand)
    return out


def _whole_turns(
    text: str, paras: list[tuple[int, int]], sentence_of: Callable[[int], int]
) -> list[Candidate]:
    """The answers of an interview written as question and answer paragraphs without labels
    (`interviews.find`, `interviews.whole_turns`), each the whole turn of the interviewee:
    candidates of the form `WHOLE_TURN` without a label, which `records` gives to the one
    person the lead announces, or drops; [] when the article is no such interview."""
    interview = interviews.find(text, paras)
    if interview is None:
        return []
    out = []
    index_of = {span: k for k, span in enumerate(paras)}
    for start, end in interviews.whole_turns(text, interview):
        content = trimmed(text, set(range(start, end)))
        if content:
            cand = _candidate(content, None, index_of[(start, end)], sentence_of(start))
            cand.score, cand.form = TURN_SCORE, WHOLE_TURN
            out.append(cand)
    return out


def interviewee(text: str, before: int) -> tuple[int, int] | None:
    """The span of the person (two or more capitalised words) named before the first turn
    most often, by the margin `interviews.interviewee` asks; not the interviewer ("Harbor
    Daily spoke with ...", "... told the Courier"). None when the lead names two guests as
    often ("ferry captain Ines Okoro and deckhand Tomas Lind"): whose answer an "A:" is,
    the transcript does not say (`_answers` then reads a name opening the answer, or keeps
    the answer with its speaker unresolved)."""
    found = _lead_matches(text, before)
    names = [_bare(m.group("name")) for m in found]
    best = interviews.interviewee(names)
    if best is None:
        return None
    match = found[names.index(best)]
    words = list(re.finditer(r"\S+", match.group("name")))
    start = match.start("name") + words[-len(best.split())].start()
    return (start, match.end("name"))


def _lead_matches(text: str, before: int) -> list[re.Match[str]]:
    """The people (two or more capitalised words) named before offset `before`, leaving
    out the interviewer ("Harbor Daily spoke with ...", "... told the Courier", "Courier
    reporter Jane Abbott"; but "Nina Castell spoke to the Courier" answers) and a body a
    role belongs to ("Harbour Board chair ...")."""
    return [
        m
        for m in _PERSON.finditer(text, 0, before)
        if m.group("name").split()[0].lower() not in NOT_PEOPLE
        and m.group("name").split()[-1].lower() not in _BODY_WORDS
        and not (_INTERVIEWER_AFTER.match(text, m.end()) and not _TO_THE_PRESS.match(text, m.end()))
        and not _INTERVIEWER_BEFORE.search(text, max(0, m.start() - 12), m.start())
        and not _JOURNALIST_BEFORE.search(text, max(0, m.start() - JOURNALIST_REACH), m.start())
    ]


def _lead_people(text: str, before: int) -> list[str]:
    """The names of `_lead_matches`, titles left out, one per mention."""
    return [_bare(m.group("name")) for m in _lead_matches(text, before)]


def _one_guest(written: str, guests: list[str]) -> bool:
    """Whether the name opening an answer (full name, surname or given name) is one of the
    lead's `guests` and no other's."""
    words = written.split()
    matching = {
        g
        for g in guests
        if g == written or (len(words) == 1 and words[0] in (g.split()[0], g.split()[-1]))
    }
    return len(matching) == 1


def _bare(name: str) -> str:
    """A name without the titles before it ("Harbour master Ilse Marr" keeps "Ilse Marr" only
    when it is a known title; capitalised job words stay)."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
        words.pop(0)
    return " ".join(words)


def _quoted_rest(line: str, at: int, inside: list[Quote], offset: int) -> bool:
    """The rest of the line after the colon is one quotation (punctuation aside)."""
    last = inside[-1]
    return inside[0].start - offset == at and not line[last.end - offset :].strip(" .!?")


def _cue_line(line: str) -> re.Match[str] | None:
    """ "The governor added:" alone in its paragraph: a named or described speaker (not a
    pronoun, which a label cannot resolve) and a verb the lexicon knows as a reliable quote cue
    (at least `cues.STATEMENT_CUE`: "added", "continued", not "included", "follows")."""
    match = _CUE_LINE.match(line.strip())
    if match is None or (cues.reliability(match.group("cue"), "quote") or 0) < cues.STATEMENT_CUE:
        return None
    first = match.group("name").split()[0].lower()
    if first in PRONOUNS or first in NOT_PEOPLE - {"the"}:
        return None
    return match


def _person_like(match: re.Match[str]) -> bool:
    """A label naming someone, not a section ("Related:", "Key points:")."""
    return match.group("name").split()[0].lower() not in NOT_PEOPLE


def _words(line: str) -> int:
    return len(line.split())


def _candidate(
    spans: list[tuple[int, int]], label: tuple[int, int] | None, paragraph: int, sentence: int
) -> Candidate:
    return Candidate(
        "layout",
        "",
        LAYOUT_SCORE,
        spans,
        None,
        None,
        0,
        paragraph,
        sentence,
        kind="direct",
        label=label,
    )
