"""WARC and ARC crawls via warcio: every HTML response record becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from indexer.read.decode import Undecodable, binary_kind, decode
from indexer.read.model import Article, ReadOptions, Reject, Repair, too_large
from indexer.read.webpage import html_charset, read_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARTICLE_RECORDS = ("response", "resource")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def _drained_short(record) -> bool:  # type: ignore[no-untyped-def]
    """Read what is left of the record; True when it ended before its Content-Length."""
    from warcio.limitreader import LimitReader

    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return isinstance(raw, LimitReader) and raw.limit > 0


def _article(  # type: ignore[no-untyped-def]
    record, name: str, where: str, options: ReadOptions
) -> list[Article | Reject | Repair]:
    """The record's article (after the repair it needed, if any), a reject, or nothing when
    the record is not an HTML page."""
    if record.rec_type not in ARTICLE_RECORDS:
        return []
    headers = record.http_headers
    content_type = (
        (headers.get_header("Content-Type") if headers else None)
        or record.rec_headers.get_header("Content-Type")
        or ""
    )
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return []  # robots.txt, images, scripts: not articles
    status = headers.get_statuscode() if headers else "200"
    if status and not status.startswith("2"):
        return []  # redirects and error pages carry no article
    limit = options.max_article_bytes
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return [Reject(name, where, too_large(limit))]
    kind = binary_kind(payload[:4096])
    if kind:
        return [Reject(name, where, f"binary data ({kind}) in an HTML record")]
    offset = where.rsplit(" ", 1)[-1]
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        html = decode(payload, _charset(content_type) or html_charset(payload))
        article = read_html(html.text, f"{name}@{offset}", url=url)
    except (Undecodable, ValueError) as error:
        return [Reject(name, where, str(error))]
    article["url"] = url or article["url"]
    article["metadata"]["warc_record_offset"] = int(offset)
    return [Repair(name, where, html.repair), article] if html.repair else [article]


def read_warc(
    stream: BinaryIO, name: str, options: ReadOptions, size: int | None = None
) -> Iterator[Article | Reject]:
    """Articles from the HTML records; a broken record ends the file with a reject.

    Records before the broken one have been yielded already, so they are still indexed.
    ``size`` (the file's, when known) reveals a last record too short to be parsed at all.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(stream, arc2warc=True)
    offset = 0
    seen = 0
    try:
        for record in records:
            seen += 1
            offset = records.offset  # start of this record (get_record_offset reads it all)
            where = f"record at offset {offset}"
            if record.rec_type is None:
                yield Reject(name, where, "broken WARC record header (no WARC-Type)")
                return
            length = record.rec_headers.get_header("Content-Length")
            if length is not None and not length.strip().isdigit():
                yield Reject(name, where, f"broken WARC record header (Content-Length {length!r})")
                return
            items = _article(record, name, where, options)
            if _drained_short(record):
                yield Reject(name, where, "truncated WARC record (ends before its length)")
                return
            yield from items
    except Exception as error:  # warcio raises many kinds on truncated or corrupt input
        reason = type(error).__name__
        if isinstance(error, ArchiveLoadFailed | EOFError | OSError):
            reason = " ".join(str(error).split())[:200] or reason
        yield Reject(name, f"after offset {offset}", f"truncated or broken WARC record: {reason}")
        return
    if not seen:
        yield Reject(name, None, "no WARC record found (broken or truncated WARC)")
    elif size is not None and records.offset < size:
        yield Reject(name, f"record at offset {records.offset}", "truncated WARC record")
