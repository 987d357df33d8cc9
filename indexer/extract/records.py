"""Records: from chosen candidates to the attribution dicts `extract` returns.

Decides the speaker of each record (a continuation inherits it, a label's name or the
subject is resolved through the article's coreference index, an outlet subject is an
organization, "the statement said" goes back to the previous speaker), the relaying outlets
and medium, and the confidence: the candidate's reliability times the speaker's certainty
(0.8 without a speaker), times NO_SOURCE_DISCOUNT without a source span. A label whose name
resolves to nothing ("Iowa: ...") is a section label and gives no record.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from indexer.extract import cue_types, outlets
from indexer.extract.candidate import Candidate
from indexer.extract.coreference import Speaker, SpeakerIndex
from indexer.extract.layout import Layout
from indexer.extract.spans import DATELINE

NO_SOURCE_DISCOUNT = 0.6  # sourceless outputs match PolNeAR about 30% of the time


def records(found: list[Candidate], page: Layout) -> list[dict]:
    """The records of `found` (in text order), resolving speakers in that order."""
    text = page.text
    index = SpeakerIndex.build([(c.start, d) for c, d in page.parsed], text)
    out = []
    previous: Candidate | None = None
    for cand in found:
        rec = record(cand, text, index, previous)
        if cand.label is not None and rec["speaker_type"] == "unknown":
            continue  # "Iowa: ...", "The Latest: ...": a section label, not a speaker
        out.append(rec)
        previous = cand
    return out


def record(cand: Candidate, text: str, index: SpeakerIndex, previous: Candidate | None) -> dict:
    """The attribution record of one candidate (also kept as `cand.result`); `previous` is
    the last candidate that gave a record. Teaches `index` the speaker of the source."""
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
        "cue_type": spoken,
        "paragraph_index": cand.paragraph,
        "sentence_index": cand.sentence,
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
    }
    return cand.result
