"""Reading inputs: detect each file's format from its content and stream articles out.

``read_source`` yields :class:`Article` dicts or :class:`Reject`s for one input file; it
never raises for bad input, and holds at most one article (or one bounded container such
as a feed) in memory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from indexer.read.archive import read_warc
from indexer.read.decode import Undecodable, binary_kind, decode
from indexer.read.detect import HEAD_BYTES, detect
from indexer.read.feeds import read_feed
from indexer.read.fields import drop_formula_names
from indexer.read.markup import markup_note, strip_markup
from indexer.read.model import (
    Article,
    ReadOptions,
    Reject,
    Repair,
    human_size,
    too_large,
)
from indexer.read.plaintext import read_text
from indexer.read.records import read_json, read_jsonl
from indexer.read.sources import ByteCounter, Source, decompressed, expand, read_fully
from indexer.read.webpage import html_charset, read_html
from schemas.dates import read_date
from schemas.text import bidi_fields, invalid_fields, normalized, repaired, valid_text

__all__ = [
    "Article",
    "ByteCounter",
    "ReadOptions",
    "Reject",
    "Repair",
    "Source",
    "expand",
    "read_source",
]

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def read_source(
    source: Source,
    options: ReadOptions,
    counter: ByteCounter | None = None,
    repairs: Callable[[Repair], None] | None = None,
) -> Iterator[Article | Reject]:
    """Every article of one input, or rejects saying why not.

    Every string yielded is valid Unicode (``schemas.text``): lone surrogates become
    U+FFFD, and so do invalid bytes in otherwise UTF-8 text. Every string is normalized
    (``schemas.text.normalized_text``: NFC, no invisible characters inside a word, no
    bidirectional controls). HTML markup in a plain-text field (a JSON record's
    ``"Robert <b>Bobby</b> Tables"``) is read as text (:mod:`indexer.read.markup`). Each
    repair of invalid text, each removal of bidirectional controls or of markup, and each
    outlet or author name left out for being a spreadsheet formula, is handed
    to ``repairs`` (when given) before the article it concerns, naming the input, the
    record and the fields; so is a date left out (``schemas.dates``: no one day, or an
    ambiguous day and month), with the value and the reason.
    """
    for item in _read_source(source, options, counter):
        if isinstance(item, Repair):
            if repairs is not None:
                repairs(item)
        elif isinstance(item, Reject):
            yield Reject(
                valid_text(item.path),
                item.offset and valid_text(item.offset),
                valid_text(item.reason),
            )
        else:
            given = str(item.get("source") or "")
            if given.startswith(source.name):  # the stored name, never the server's path
                item["source"] = source.stored_name + given[len(source.name):]
            where = given.removeprefix(source.name).lstrip("#@") or None
            fields = invalid_fields(item)
            if fields and repairs is not None:
                note = f"lone surrogate in {_listed(fields)} replaced with U+FFFD"
                repairs(Repair(source.name, where, note))
            item = repaired(item) if fields else item
            controls = bidi_fields(item)
            if controls and repairs is not None:
                note = (
                    f"bidirectional control characters in {_listed(controls)} removed "
                    "(they make text display other than it reads)"
                )
                repairs(Repair(source.name, where, note))
            marked = strip_markup(item)
            if marked and repairs is not None:
                repairs(Repair(source.name, where, markup_note(marked)))
            formulas = drop_formula_names(item)
            if formulas and repairs is not None:
                note = f"a spreadsheet formula as {_listed(formulas)} left out (not a name)"
                repairs(Repair(source.name, where, note))
            raw = (item.get("metadata") or {}).get("published_raw")
            if raw is not None and repairs is not None:
                problem = read_date(raw).problem or "not a date"
                note = f"date {str(raw)[:80]!r} left out, stored undated: {problem}"
                repairs(Repair(source.name, where, note))
            yield normalized(item)


def _listed(fields: list[str]) -> str:
    return ", ".join(fields[:5]) + (" ..." if len(fields) > 5 else "")


def _read_source(
    source: Source, options: ReadOptions, counter: ByteCounter | None
) -> Iterator[Article | Reject | Repair]:
    try:
        stream = source.open(counter)
    except OSError as error:
        yield Reject(source.name, None, f"cannot open: {error.strerror or error}")
        return
    try:
        yield from _read_stream(stream, source, options, counter)
    except _GZIP_ERRORS as error:
        yield Reject(source.name, None, f"broken gzip data: {error or type(error).__name__}")
    except OSError as error:
        yield Reject(source.name, None, f"read error: {error.strerror or error}")
    finally:
        stream.close()


def _read_stream(
    stream: BinaryIO, source: Source, options: ReadOptions, counter: ByteCounter | None
) -> Iterator[Article | Reject | Repair]:
    name = source.name
    head, body, gunzipped = decompressed(stream, HEAD_BYTES)
    if gunzipped and not head:
        body.read(1)  # raises the gzip error when the data was broken, not empty
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        yield Reject(name, None, "empty file")
        return
    kind = binary_kind(head)
    if kind:
        yield Reject(name, None, f"binary data ({kind})")
        return
    fmt = detect(head, name)
    if fmt in ("warc", "arc"):
        if gunzipped and source.path is not None:
            # warcio reads gzip members itself, so offsets are those of the file on disk
            stream.raw.uncount()  # type: ignore[attr-defined]
            with source.open(counter) as raw:
                yield from read_warc(raw, name, options, source.size)
        else:
            yield from read_warc(body, name, options, None if gunzipped else source.size)
    elif fmt == "jsonl":
        yield from read_jsonl(body, name, options)
    elif fmt == "json":
        yield from read_json(body, name, options)
    elif fmt == "feed":
        data = read_fully(body, options.max_container_bytes + 1)
        if len(data) > options.max_container_bytes:
            yield Reject(name, None, f"feed larger than {human_size(options.max_container_bytes)}")
            return
        yield from read_feed(data, name, options)
    else:
        yield from _read_single(body, name, fmt, options)


def _read_single(
    stream: BinaryIO, name: str, fmt: str, options: ReadOptions
) -> Iterator[Article | Reject | Repair]:
    """A file that is one article (text or HTML): read up to the limit and never further."""
    limit = options.max_article_bytes
    data = read_fully(stream, limit + 1)
    if len(data) > limit:
        yield Reject(name, None, too_large(limit))
        return
    kind = binary_kind(data)
    if kind:
        yield Reject(name, None, f"binary data ({kind})")
        return
    try:
        text, repair = decode(data, html_charset(data) if fmt == "html" else None)
        article = read_html(text, name) if fmt == "html" else read_text(text, name)
    except (Undecodable, ValueError) as error:
        yield Reject(name, None, str(error))
        return
    if repair:
        yield Repair(name, None, repair)
    yield article
