"""Streamed exports of a whole search result (CSV, JSON Lines) via ``store.scan``.

Rows are written as they are read, so an export of a million attributions never holds
them in memory and starts downloading at once.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any

from flask import Response

from schemas.catalog import CSV_COLUMNS
from store.base import SearchQuery, Store

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# After the schema's columns (schemas.catalog.CSV_COLUMNS): the attribution's provenance page.
PROVENANCE_COLUMN = "provenance_url"


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: lists joined, formula starts defused."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _started(store: Store, query: SearchQuery) -> Iterator[dict[str, Any]]:
    """The scan with its first record already read, so an engine failure is an error
    response (503) rather than a download cut short after a 200."""
    records = store.scan(query)
    first = next(records, None)
    return records if first is None else chain([first], records)


def _csv_rows(
    records: Iterator[dict[str, Any]], provenance: Callable[[str], str]
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        out = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return out

    writer.writerow((*CSV_COLUMNS, PROVENANCE_COLUMN))
    yield flush()
    for n, record in enumerate(records, 1):
        row = [csv_cell(record.get(c)) for c in CSV_COLUMNS]
        writer.writerow((*row, csv_cell(provenance(record["id"]))))
        if n % 200 == 0:
            yield flush()
    yield flush()


def _jsonl_rows(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    lines: list[str] = []
    for record in records:
        lines.append(json.dumps(record, ensure_ascii=False, default=str))
        if len(lines) == 200:
            yield "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield "\n".join(lines) + "\n"


def _download(body: Iterator[str], mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def stream_csv(store: Store, query: SearchQuery, provenance: Callable[[str], str]) -> Response:
    """The CSV export: the schema's columns, then each attribution's provenance page URL
    (``provenance(attribution_id)``)."""
    rows = _csv_rows(_started(store, query), provenance)
    return _download(rows, "text/csv", "quotetrail-search.csv")


def stream_jsonl(store: Store, query: SearchQuery) -> Response:
    rows = _jsonl_rows(_started(store, query))
    return _download(rows, "application/x-ndjson", "quotetrail-search.jsonl")
