"""Writing extraction results: the records as JSON Lines, bench prediction lines, a table.

They back `quotetrail extract FILE... --format jsonl|prediction|table`
(``quotetrail.cli.run_extract``): `jsonl` carries every field of each record under the name
the store gives it (`schemas.attribution`: the content text and its spans, the cue, the
speaker as written and as resolved, relays, cue type, confidence ...), `prediction` the
span format of the bench scorer (../shared/bench/score_attributions.py).
"""

from __future__ import annotations

import json


def record_line(doc_id: str, attributions: list[dict]) -> str:
    """One article as a JSON object: `doc_id` and its `attributions`, each the extractor's
    record with the stored record's field names and values."""
    return json.dumps({"doc_id": doc_id, "attributions": attributions}, ensure_ascii=False)


def prediction_line(doc_id: str, attributions: list[dict]) -> str:
    """One article in the bench prediction format (extra keys are ignored by the scorer)."""
    rows = []
    for att in attributions:
        row = {
            "content": att["content_spans"],
            "source": [att["speaker_span"]] if att["speaker_span"] else [],
            "cue": [att["cue_span"]] if att["cue_span"] else [],
        }
        if att["speaker"]:
            row["speaker"] = att["speaker"]
        row.update({k: att[k] for k in ("kind", "cue_type", "via_outlets", "medium", "confidence")})
        rows.append(row)
    return json.dumps({"doc_id": doc_id, "attributions": rows}, ensure_ascii=False)


def table(doc_id: str, attributions: list[dict], width: int = 70) -> str:
    """A human-readable summary: one line per attribution."""
    lines = [f"== {doc_id}: {len(attributions)} attribution(s)"]
    for att in attributions:
        content = att["content"].replace("\n", " ")
        if len(content) > width:
            content = content[: width - 1] + "\u2026"
        via = f" via {', '.join(att['via_outlets'])}" if att["via_outlets"] else ""
        medium = f" ({att['medium']})" if att["medium"] else ""
        lines.append(
            f"  [{att['kind']:<8}] {_speaker(att)} ({att['speaker_type']}) "
            f"{att['cue'] or '-'}{medium}{via}: {content}  [conf {att['confidence']:.2f}]"
        )
    return "\n".join(lines)


def _speaker(att: dict) -> str:
    """The speaker's name, else the unresolved words at the speaker span ("unresolved: I"),
    never a bare "?"."""
    if att["speaker"]:
        return att["speaker"]
    return f"unresolved: {att['speaker_text']}" if att.get("speaker_text") else "unresolved"
