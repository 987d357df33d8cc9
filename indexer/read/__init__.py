"""Reading inputs: detect each file's format from its content and stream articles out.

``read_source`` yields :class:`Article` dicts or :class:`Reject`s for one input file; it
never raises for bad input, and holds at most one article (or one bounded container such
as a feed) in memory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from indexer.read.archive import read_warc
from indexer.read.decode import Undecodable, binary_kind, decode
from indexer.read.detect import HEAD_BYTES, detect
from indexer.read.feeds import read_feed
from indexer.read.model import (
    Article,
    ReadOptions,
    Reject,
    human_size,
    too_large,
)
from indexer.read.plaintext import read_text
from indexer.read.records import read_json, read_jsonl
from indexer.read.sources import ByteCounter, Source, decompressed, expand, read_fully
from indexer.read.webpage import html_charset, read_html

__all__ = [
    "Article",
    "ByteCounter",
    "ReadOptions",
    "Reject",
    "Source",
    "expand",
    "read_source",
]

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def read_source(
    source: Source, options: ReadOptions, counter: ByteCounter | None = None
) -> Iterator[Article | Reject]:
    """Every article of one input, or rejects saying why not."""
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
) -> Iterator[Article | Reject]:
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
) -> Iterator[Article | Reject]:
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
        if fmt == "html":
            yield read_html(decode(data, html_charset(data)), name)
        else:
            yield read_text(decode(data), name)
    except (Undecodable, ValueError) as error:
        yield Reject(name, None, str(error))
