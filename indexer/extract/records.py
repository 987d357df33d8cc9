"""Records: from chosen candidates to the attribution dicts `extract` returns.

Decides the speaker of each record (a continuation inherits it, a label's name or the
subject is resolved through the article's coreference index, an outlet subject is an
organization, "the statement said" goes back to the previous speaker), the relaying outlets
and medium, and the confidence: the candidate scorer's probability that the candidate is an
attribution (`scoring.probability`). Each record says how its speaker was found
(`speaker_resolution`: named, pronoun, description, quote_sequence, label, unresolved; an
unresolved speaker keeps its description as `speaker`, "a senior official", and linking
gives it no speaker page); a quote relayed by another speaker ("Fisk said Brant told her:
...") is the inner speaker's, with the relaying one in `relayed_by`; words reported within
another's report ("Calder said Whitaker told her the state was ...", "Reuters reported that
Whitaker said ...") keep their speaker and record who passes them on: a named person in
`relayed_by`, an outlet among the relaying outlets. A label whose name
resolves to nothing ("Iowa: ...") is a section label and gives no record. "told the
broadcaster" is relayed by the outlet a record before was relayed by.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from indexer.extract import cue_types, cues, ledes, negation, outlets, second_hand, sources
from indexer.extract.candidate import Candidate
from indexer.extract.contents import content_shape
from indexer.extract.coreference import (
    AMBIGUOUS_SURNAME_CERTAINTY,
    NAMED,
    PERSON_NOUNS,
    PRONOUN,
    TITLES,
    UNRESOLVED,
    Speaker,
    SpeakerIndex,
)
from indexer.extract.inner_quotes import INNER_QUOTATION
from indexer.extract.layout import Layout
from indexer.extract.layout_lines import WHOLE_TURN
from indexer.extract.nlp import doc_text
from indexer.extract.office_roles import stored_role
from indexer.extract.quotes import ANY_OPENING
from indexer.extract.spans import DATELINE
from indexer.extract.tokens import name_chain
from schemas.attribution import denies, points_back

QUOTE_SEQUENCE, LABEL = "quote_sequence", "label"
_SPEAKING_KINDS = ("person", "organization", "group")
DOCUMENT_NOUNS = frozenset(["report"])  # written by a body: `_someone_elses_document`
RELAY_VERBS = frozenset(["told", "tells", "said", "says"])  # "... told her: '...'"
_QUOTE_MARKS = frozenset(['"', "\u201c", "'", "\u2018", "``", ":"])


def records(found: list[Candidate], page: Layout, index: SpeakerIndex | None = None) -> list[dict]:
    """The records of `found` (in text order), resolving speakers in that order; `index` is
    the article's coreference index when already built (`speaker_index`), untaught."""
    text = page.text
    index = index or speaker_index(page)
    out = []
    previous: Candidate | None = None
    outlet: str | None = None  # the last outlet a record was relayed by
    for cand in found:
        rec = record(cand, text, index, previous)
        if cand.label is not None and rec["speaker_type"] == "unknown":
            continue  # "Iowa: ...", "The Latest: ...": a section label, not a speaker
        if cand.form == WHOLE_TURN and (
            cand.label is None  # not given to the interviewee (`interviewee_turns`)
            or index.interview is None
            or rec["speaker"] != index.interview.interviewee
        ):
            continue  # the two readings of the lead disagree: no answer in anyone's mouth
        if (
            not rec["via_outlets"]
            and outlet
            and cand.cue is not None
            and outlets.unnamed_outlet(cand.cue)
        ):
            rec["via_outlets"] = [outlet]  # "told the broadcaster": the BBC named before
        outlet = rec["via_outlets"][-1] if rec["via_outlets"] else outlet
        out.append(rec)
        previous = cand
    for cand in found:
        if cand.form == INNER_QUOTATION and cand.result:
            _relayed_from_outer(cand.result, out)
    for rec in out:
        _relay_passed_inward(rec, out)
    ledes.named_next(out, index, page.paras)
    return [
        rec for k, rec in enumerate(out) if not _relayed_twice(rec, out) and not
        _denies_nothing_before(rec, out[:k])
    ]


def _denies_nothing_before(rec: dict, before: list[dict]) -> bool:
    """ "The ministry denied the report.": a denial whose words only point back at a claim
    (`schemas.attribution.points_back`, kept by `contents.proposition` for the linker to
    tie to that claim) with no claim `before` it in the article denies nothing a reader
    could check: no record."""
    if not (denies(rec["cue"]) and rec["content_shape"] == "phrase"):
        return False
    if not points_back(rec["content"]):
        return False
    return not any(not denies(other["cue"]) for other in before)


def _relayed_from_outer(rec: dict, out: list[dict]) -> None:
    """ 'Fisk said: "Brant told me, \'...\'"': the inner quotation `rec` is relayed by the
    speaker of the record of `out` whose content holds it (`inner_quotes`)."""
    inside = {i for s, e in rec["content_spans"] for i in range(s, e)}
    for outer in out:
        if outer is rec or not outer["speaker"]:
            continue
        spans = {i for s, e in outer["content_spans"] for i in range(s, e)}
        if inside <= spans:  # the outer report may itself be given to the inner speaker
            same = outer["speaker"] == rec["speaker"]
            relay = outer["speaker"]
            if outer["speaker_resolution"] == UNRESOLVED:  # "Aide says ...": a description
                relay = described(outer["speaker_text"] or relay)
            rec["relayed_by"] = outer["relayed_by"] if same else relay
            return


def _relay_passed_inward(rec: dict, out: list[dict]) -> None:
    """ "Ex-aide says Reinholt told her 'the numbers don't matter'": `rec`, the outer report
    given to the inner speaker (`_relayed_speaker`), says who relays; the inner speaker's own
    record of words inside it, without a relay of its own, is relayed by the same one (and
    `_relayed_twice` then keeps that record alone)."""
    if rec["relayed_by"] is None:
        return
    inside = {i for s, e in rec["content_spans"] for i in range(s, e)}
    for other in out:
        if (
            other is not rec
            and other["relayed_by"] is None
            and other["speaker"] == rec["speaker"]
            and len(other["content"]) < len(rec["content"])
            and all(i in inside for s, e in other["content_spans"] for i in range(s, e))
        ):
            other["relayed_by"] = rec["relayed_by"]


# Characters between a relayed frame's content and the quotation it introduces: the ": "
# of 'Calder said Whitaker told her in July: "..."'.
FRAME_GAP = 2


def _relayed_twice(rec: dict, out: list[dict]) -> bool:
    """ "Fisk said Brant told her: '...'": `rec` is the outer report given to the inner
    speaker (`_relayed_speaker`), and another record of `out` is that speaker's own, with the
    same relay, for words inside `rec`'s content (the quotation after "told her") or right
    after it (the content cut before the quotation: "Whitaker told her in July" then ': "The
    target is dead."'): one statement, kept once, without the frame."""
    if rec["relayed_by"] is None:
        return False
    inside = {i for s, e in rec["content_spans"] for i in range(s, e)}
    end = max(e for _, e in rec["content_spans"])
    return any(
        other is not rec
        and (other["speaker"], other["relayed_by"]) == (rec["speaker"], rec["relayed_by"])
        and (
            (
                len(other["content"]) < len(rec["content"])
                and all(i in inside for s, e in other["content_spans"] for i in range(s, e))
            )
            or (
                0 <= min(s for s, _ in other["content_spans"]) - end <= FRAME_GAP
                and other["content"][:1] in ANY_OPENING
            )
        )
        for other in out
    )


def record(cand: Candidate, text: str, index: SpeakerIndex, previous: Candidate | None) -> dict:
    """The attribution record of one candidate (also kept as `cand.result`); `previous` is
    the last candidate that gave a record. Teaches `index` the speaker of the source."""
    speaker = Speaker(None, how=UNRESOLVED)
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
        speaker.how = QUOTE_SEQUENCE if base["speaker"] else UNRESOLVED
        via, medium = list(base["via_outlets"]), base["medium"]
    elif cand.label is not None:
        speaker = _labelled_speaker(text[slice(*cand.label)], cand.label[0], index)
        if speaker.how != UNRESOLVED:  # "Aide: ...": a description labels no one
            speaker.how = LABEL
        if cand.form != WHOLE_TURN:  # an answer names no one in its paragraph to refer back to
            index.remember(cand.label[0], speaker)
    elif cand.source is not None:
        src = cand.source
        if (
            src.lower_ in outlets.MEDIUM_NOUNS
            and outlets.earlier_medium(src)
            and previous is not None
            and previous.result
            and not _someone_elses_document(src, previous.result)
            and _owner_named_in(src) is None
        ):
            base = previous.result
            speaker = Speaker(base["speaker"], base["speaker_type"], base["speaker_role"])
            speaker.how = QUOTE_SEQUENCE if base["speaker"] else UNRESOLVED
            via = via or list(base["via_outlets"])
            medium = outlets.medium_text(src)
        elif src.lower_ in outlets.MEDIUM_NOUNS and (owner := _owner_named_in(src)) is not None:
            if outlets.is_outlet(owner):
                # "A Reuters report said", "according to a Reuters report": the outlet's,
                # as "Reuters reported" is, known before or not
                speaker, via = _outlet_speaking(owner, via)
            else:
                # "The Home Office letter reads": the body the compound names, else no one
                speaker = index.resolve(owner, cand.offset)
                kinds = ("organization", "group") if owner.dep_ == "compound" else _SPEAKING_KINDS
                if speaker.how != NAMED or speaker.kind not in kinds:
                    speaker = index.resolve(src, cand.offset)
            medium = src.lower_  # "letter", not "office letter"
        elif outlets.is_outlet(src):
            speaker, via = _outlet_speaking(src, via)
        else:
            speaker = index.resolve(src, cand.offset)
            if speaker.how == PRONOUN and src.lower_ in ("he", "she"):
                speaker = index.pronoun_outside(src, cand.offset, cand.content)
            via = _citing_outlet(cand) + via
        index.remember(cand.offset + src.idx, speaker)
    source = cand.source_span()
    relayed_by = None
    reporter: Token | None = None
    if (
        cand.cue is not None
        and cand.inherit is None
        and speaker.name
        and (relayed := _relayed_speaker(cand, index))
    ):
        relayed_by = speaker.name if speaker.how != UNRESOLVED else _description(text, source)
        speaker, source = relayed
    elif cand.cue is not None and cand.inherit is None and speaker.name:
        # "Calder said Whitaker told her ...", "Calder quoted Whitaker as saying ..."
        reporter = sources.reporter(cand.cue) or sources.quoter(cand.cue)
        if reporter is not None and _quoted(cand, cand.cue.head):
            reporter = None  # "'She looked at me and said, ...,' Whitfield said": his words
        publisher = None if reporter is None else outlets.publishing_outlet(reporter)
        if reporter is not None and (publisher or outlets.is_outlet(reporter)):
            # "Reuters reported that ...", "A Reuters report said ...": relayed by the outlet
            name = publisher or outlets.outlet_name(reporter)
            via = via + [name] if name and name not in via and name != speaker.name else via
        elif reporter is not None:
            relayed_by = _relaying_person(index.resolve(reporter, cand.offset), speaker)
            if relayed_by and speaker.kind == "unknown" and speaker.how == NAMED:
                speaker.kind = "person"  # "Calder said Whitaker told her: ...": someone's
        relayed_by = relayed_by or _second_hand(cand, index, speaker)
    dateline = DATELINE.match(text[source[0] : source[1]]) if source else None
    if source and dateline and source[0] + dateline.end() < source[1]:
        source = (source[0] + dateline.end(), source[1])
    if speaker.name and (dateline := DATELINE.match(speaker.name)):
        speaker.name = speaker.name[dateline.end() :]
    via = [outlets.full_name(name, text, cand.start) for name in via]
    if cand.inherit is not None:
        spoken = cand.inherit.result["cue_type"]
    else:
        spoken = cue_types.cue_type(cand.cue, cand.source, medium)
    cue = cand.cue_span()
    content = " ".join(text[s:e] for s, e in cand.content)
    shape = content_shape(cand.pattern, cand.kind, content, _content_tokens(cand))
    confidence = cand.score  # the scorer's probability (indexer/extract/scoring.py)
    if relayed_by is not None and reporter is not None:
        confidence = max(confidence, _relayed_confidence(cand.cue, reporter))
    cand.result = {
        "kind": cand.kind,
        "content": content,
        "content_spans": [[s, e] for s, e in cand.content],
        "content_shape": shape,
        "cue": text[cue[0] : cue[1]] if cue else None,
        "cue_span": list(cue) if cue else None,
        "speaker_text": text[source[0] : source[1]] if source else None,
        "speaker_span": list(source) if source else None,
        "speaker": _one_line(speaker.name),
        "speaker_type": speaker.kind if speaker.name or speaker.kind != "unknown" else "unknown",
        "speaker_role": _one_line(stored_role(speaker.role)),
        "speaker_resolution": speaker.how if speaker.name else UNRESOLVED,
        "relayed_by": relayed_by,
        "via_outlets": via,
        "medium": medium,
        "cue_type": spoken,
        "paragraph_index": cand.paragraph,
        "sentence_index": cand.sentence,
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
    }
    return cand.result


def _outlet_speaking(tok: Token, via: list[str]) -> tuple[Speaker, list[str]]:
    """The outlet named by ``tok`` as the speaker (an organization with its page), and the
    relaying outlets ``via`` without it: an outlet is no relay of its own words."""
    name = outlets.outlet_name(tok) or tok.text
    return Speaker(name, "organization", outlet=True), [v for v in via if v != name]


def _owner_named_in(src: Token) -> Token | None:
    """Whose a medium noun is, when the phrase names it: the last word of a proper name
    compounded before it ("The Home Office letter", "the White House statement"), a proper
    possessor ("Clinton's speech") or the proper subject of a relative clause on it ("a
    speech Mrs. Clinton delivered in July"); None without one."""
    owners = [
        c
        for c in src.children
        if c.dep_ in ("compound", "poss") and c.tag_ in ("NNP", "NNPS")
    ] + [
        s
        for c in src.children
        if c.dep_ == "relcl"
        and (s := sources.subject(c)) is not None
        and s.tag_ in ("NNP", "NNPS")
        and s.i > src.i
    ]
    return owners[-1] if owners else None


def _someone_elses_document(src: Token, previous: dict) -> bool:
    """ "The report says ..." after a person's quote: a report (unlike a statement or a
    tweet) is a body's document, not the last person's words, unless a possessive says
    whose ("his report")."""
    return (
        src.lower_ in DOCUMENT_NOUNS
        and previous["speaker_type"] == "person"
        and not any(c.dep_ == "poss" for c in src.children)
    )


def _content_tokens(cand: Candidate) -> list[Token]:
    """The parsed tokens inside the candidate's content spans, in order ([] when it has no
    cue in a parse: a label line; none for a span outside the cue's chunk)."""
    if cand.cue is None:
        return []
    doc = cand.cue.doc
    out: list[Token] = []
    for s, e in cand.content:
        if s < cand.offset or e - cand.offset > len(doc_text(doc)):
            continue  # a quotation outside the cue's parsed chunk
        span = doc.char_span(s - cand.offset, e - cand.offset, alignment_mode="expand")
        out += list(span) if span is not None else []
    return out


def speaker_index(page: Layout) -> SpeakerIndex:
    """The coreference index of a parsed article."""
    return SpeakerIndex.build([(c.start, d) for c, d in page.parsed], page.text)


def interviewee_turns(
    found: list[Candidate], page: Layout
) -> tuple[list[Candidate], SpeakerIndex | None]:
    """`found` less the unlabelled interview answers (`layout_lines.WHOLE_TURN`) that cannot
    be given to one interviewee, the others labelled (`interviewee_label`), and the
    article's coreference index when it had to be built for that (None when `found` holds
    no such answer). Run before selection, so that the cues inside a dropped answer keep
    their own attributions."""
    if not any(c.form == WHOLE_TURN for c in found):
        return found, None
    index = speaker_index(page)
    return [c for c in found if c.form != WHOLE_TURN or interviewee_label(c, index)], index


def interviewee_label(cand: Candidate, index: SpeakerIndex) -> bool:
    """Label an unlabelled interview's answer (`layout_lines.WHOLE_TURN`) with the lead's
    first mention of the interviewee's full name (`interviews.interviewee`, settled by the
    article's coreference index); False, leaving it unlabelled, when the article has no
    interviewee, the candidate is not in an answer, names the interviewee (a caption, a
    remark about them) or the lead never writes the name whole."""
    interview = index.interview
    if interview is None or interview.interviewee is None:
        return False
    name = interview.interviewee
    if interview.place(cand.start) != "answer" or re.search(
        rf"\b{re.escape(name.split()[-1])}\b", index.text[cand.start : cand.content[-1][1]]
    ):
        return False  # "Hugh McGuire with some books ...": a caption, not his answer
    for start, end in interview.announcements:
        if (at := index.text.find(name, start, end)) >= 0:
            cand.label = (at, at + len(name))
            return True
    return False


def _labelled_speaker(written: str, pos: int, index: SpeakerIndex) -> Speaker:
    """The speaker a label names ("Council leader Amira Shah: 'We will not cut bus routes'"):
    a role before the name (words ending in a personal title or a person noun, then a
    capitalised name) is the speaker's role, as in body text, and the name alone is
    resolved; any other label is resolved as written. `pos` is the label's offset."""
    words = written.split()
    for k in range(len(words) - 1, 0, -1):
        role, name = words[:k], words[k:]
        if role[-1].lower().rstrip(".") in TITLES | PERSON_NOUNS and all(
            w[:1].isupper() and w.lower().rstrip(".") not in TITLES | PERSON_NOUNS for w in name
        ):
            speaker = index.resolve_name(" ".join(name), pos)
            if speaker.name:
                speaker.kind = "person"
                if speaker.name.isupper():  # "SEN. WARREN:", the article naming no Warren
                    speaker.name = speaker.name.title()
                written_role = " ".join(role)  # "SEN.": a shouted label's role, as a role
                speaker.role = speaker.role or (
                    written_role.lower() if written_role.isupper() else written_role
                )
            return speaker
    if (taker := index.turn_taker(written)) is not None:  # "STRAND:", of Helena and Karin
        return Speaker(taker, "person", index.role_of.get(taker))
    speaker = index.resolve_name(written, pos)
    if written.isupper() and speaker.kind == "organization" and index.bearers(written.lower()):
        # "STRAND:" where the article names people called Strand: a person, never a body
        speaker = Speaker(written.title(), "person", certainty=AMBIGUOUS_SURNAME_CERTAINTY)
    return speaker


def _citing_outlet(cand: Candidate) -> list[str]:
    """ "Reuters reported, citing sources, that ...": the cue's subject, when it is an outlet
    and not the candidate's source (`citations`), relays the claim; [] otherwise."""
    subject = None
    if cand.cue is not None:  # "The Financial Times quoted X as saying": the paper relays
        subject = sources.quoter(cand.cue) or sources.subject(cand.cue)
    if subject is None or cand.source is None or subject.i == cand.source.i:
        return []
    if outlets.is_outlet(subject):
        return [outlets.outlet_name(subject) or subject.text]
    return []


def _one_line(label: str | None) -> str | None:
    """A speaker's name or role as one clean label: no leading or trailing space, every run
    of spaces or line breaks one plain space ("Shah\xa0" -> "Shah"); None stays None."""
    if label is None:
        return None
    return " ".join(label.split()) or None


def _quoted(cand: Candidate, token: Token) -> bool:
    """Whether ``token`` lies within the words ``cand`` reports (its content spans): a
    verb of the quotation itself, never one reporting it."""
    at = cand.offset + token.idx
    return any(start <= at < end for start, end in cand.content)


def _relaying_person(reporter: Speaker, speaker: Speaker) -> str | None:
    """The name of a relaying speaker (`sources.reporter`) when the article names it, directly or by
    a pronoun, and it is not the speaker itself ("Calder said she told him ..."); None when
    who relays is unresolved: a wrong name is worse than none."""
    if reporter.name is None or reporter.how not in (NAMED, PRONOUN):
        return None
    if reporter.certainty <= AMBIGUOUS_SURNAME_CERTAINTY:  # "Clinton": which one, undecided
        return None
    if reporter.name == speaker.name:
        return None
    if reporter.kind not in _SPEAKING_KINDS and not (
        reporter.kind == "unknown" and reporter.how == NAMED  # "Calder said ...": untyped
    ):
        return None
    return reporter.name


def _description(text: str, span: tuple[int, int] | None) -> str | None:
    """An unresolved relaying speaker as the text describes them, for `relayed_by`: the
    words of ``span`` without an article, a headline's capital dropped ("Ex-aide" ->
    "ex-aide", "A former aide" -> "former aide"); None without a span."""
    return None if span is None else described(text[span[0] : span[1]])


def described(written: str | None) -> str | None:
    """A description as `relayed_by` keeps it (`_description`); None for nothing."""
    words = (written or "").split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    written = " ".join(words)
    if written[1:2].islower():
        written = written[:1].lower() + written[1:]
    return written or None


def _relayed_confidence(cue: Token, reporter: Token) -> float:
    """The confidence of words a named person relays ("Calder said Whitaker told her the
    plan was dead"; `sources.reporter`, the cue one of `RELAY_VERBS`): that both verbs
    report speech, the product of their cue-lexicon estimates (`cues.estimate`). The
    scorer cannot judge them: PolNeAR credits the whole report to the one relaying it, so
    on its data such words look wrong (dev: 2 of 14 such candidates match), and a
    relayed quotation would never be stored. 0.0 for any other cue ("Obama hopes that
    ...", "described ... as"), which keeps the scorer's probability."""
    if cue.lower_ not in RELAY_VERBS:
        return 0.0
    inner = cues.estimate(cue.lower_, "ccomp") or 0.0
    outer = cues.estimate(reporter.head.lower_, "ccomp") or 0.0
    return inner * outer


def _second_hand(cand: Candidate, index: SpeakerIndex, speaker: Speaker) -> str | None:
    """Who relays words reported at one remove (`second_hand`): the person or body an
    "according to" phrase on the cue names ("According to Calder, Whitaker said ...",
    resolved like any relaying speaker, `_relaying_person`; an outlet there is a relaying
    outlet, not this), else the unnamed source of a hedge ("Whitaker allegedly said ...":
    "allegations"), named by the phrase as written when there is one ("Marchetti allegedly
    told ..., according to two people familiar with the conversation": they, not the
    hedge's default); None for first-hand words."""
    assert cand.cue is not None
    relay = second_hand.according_to(cand.cue, lambda token: _quoted(cand, token))
    if (
        relay is not None
        and not outlets.is_outlet(relay)
        and (named := _relaying_person(index.resolve(relay, cand.offset), speaker)) is not None
    ):
        return named
    hedge = second_hand.hedge(cand.cue)
    if (
        hedge is not None
        and relay is not None
        and not outlets.is_outlet(relay)
        and relay.tag_ not in ("PRP", "WP", "WDT")
    ):
        return relay.doc[relay.left_edge.i : relay.right_edge.i + 1].text
    return hedge


def _relayed_speaker(
    cand: Candidate, index: SpeakerIndex
) -> tuple[Speaker, tuple[int, int]] | None:
    """ "Mayor Dana Fisk said Governor Lyle Brant told her: '...'": when the cue's clause is
    itself "told"/"said" with a named subject and the quotation right after it, the words are
    that subject's, relayed by the cue's subject (unless the cue disowns them: "falsely
claimed that Brant said '...'", `negation.disowned`). Returns the inner speaker and its source
    span, or None."""
    for verb in cand.cue.children:
        if verb.dep_ not in ("ccomp", "parataxis") or verb.lower_ not in RELAY_VERBS:
            continue
        if verb.i < cand.cue.i:
            continue  # '"Smith told me \'...\'," Jones said': Jones's quotation (`inner_quotes`)
        if negation.disowned(verb):
            continue  # "Critics falsely claimed that Grant said '...'": not Grant's words
        if any(t.is_quote for t in verb.doc[cand.cue.i + 1 : verb.i]):
            continue  # 'Fisk said: "Brant told me, ..."': Fisk's quotation (`inner_quotes`)
        after = verb.doc[verb.i + 1 : verb.i + 5]
        if not any(t.text in _QUOTE_MARKS for t in after):
            continue  # "Merrill says Machado promised to ...": Merrill's claim, not a relay
        inner = sources.subject(verb)
        if inner is None or inner.tag_ not in ("NNP", "NNPS"):
            continue
        speaker = index.resolve(inner, cand.offset)
        if speaker.name and speaker.how == NAMED and speaker.kind == "unknown":
            speaker.kind = "person"  # "Whitaker told her": one who tells someone is a person
        if speaker.name and speaker.how == NAMED and speaker.kind == "person":
            chain = name_chain(inner) or [inner]
            start = cand.offset + chain[0].idx
            return speaker, (start, cand.offset + chain[-1].idx + len(chain[-1]))
    return None
