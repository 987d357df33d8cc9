"""Writing extraction results: bench prediction JSON Lines or a readable table.

`run_extract` backs `quotetrail extract FILE... --format jsonl|table`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from indexer.extract import extract_many
from indexer.read.plaintext import header_as_text

FORMATS = ("jsonl", "table")


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
            f"  [{att['kind']:<8}] {att['speaker'] or '?'} ({att['speaker_type']}) "
            f"{att['cue'] or '-'}{medium}{via}: {content}  [conf {att['confidence']:.2f}]"
        )
    return "\n".join(lines)


def _read(paths: Iterable[str]) -> tuple[list[tuple[str, str]], int]:
    docs, failed = [], 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                docs.append((Path(path).stem, handle.read()))
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not valid UTF-8"
            print(f"quotetrail extract: {path}: {reason or error}", file=sys.stderr)
            failed += 1
    return docs, failed


def run_extract(paths: list[str], fmt: str, out: TextIO) -> int:
    """Extract attributions from text files and write them; 1 if any file failed. A file's
    Title:/Outlet:/Date: header is read as the indexer reads it (the title is article text,
    the other lines are not); offsets stay offsets into the file."""
    if fmt not in FORMATS:
        print(
            f"quotetrail extract: unknown format {fmt!r} (use {'/'.join(FORMATS)})", file=sys.stderr
        )
        return 2
    docs, failed = _read(paths)
    n_process = 2 if len(docs) > 1 else 1
    results = extract_many((header_as_text(text) for _, text in docs), n_process=n_process)
    for (doc_id, _), attributions in zip(docs, results, strict=True):
        if fmt == "jsonl":
            out.write(prediction_line(doc_id, attributions) + "\n")
        else:
            out.write(table(doc_id, attributions) + "\n")
    return 1 if failed else 0
