"""RSS and Atom feeds via feedparser: each entry with its full content is an article."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit
from xml.parsers import expat

from indexer.read.fields import as_authors
from indexer.read.model import Article, ReadOptions, Reject, new_article, too_large
from indexer.read.webpage import fragment_text


def _entry_html(entry: Any) -> str:
    """The fullest text the entry carries: ``content`` (content:encoded), else the summary."""
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best or entry.get("summary", "") or ""


def entry_published(entry: Any) -> str | None:
    """The entry's date (published, else updated, else created) as YYYY-MM-DD."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


# Entity values longer than this are refused: referenced many times, one long value grows
# the document quadratically (the "quadratic blowup" variant of billion laughs).
MAX_ENTITY_CHARS = 1024
_ENTITY_REFERENCE = re.compile(r"&[A-Za-z_:]")


class _Refused(Exception):
    """An entity declaration that a feed reader must never expand."""


class _PrologRead(Exception):
    """The root element started: every declaration of the internal subset has been seen."""


def entity_problem(data: bytes) -> str | None:
    """Why the feed's DOCTYPE internal subset is unsafe to expand, or None when it is safe.

    Internal entities with plain values (``<!ENTITY nbsp "&#160;">``, common in feeds
    made from HTML) are fine. Refused: external entities (XXE: ``SYSTEM "file:///..."``
    would read local files or URLs), parameter entities, entities that refer to other
    entities (billion laughs: ten levels of ten references make 10^10 copies) and values
    over MAX_ENTITY_CHARS. Only the prolog is parsed (by the standard library's expat);
    malformed XML is left to feedparser, which reads what it can. defusedxml has the same
    refusals but only as all-or-nothing for entity declarations, which would refuse the
    harmless ones too.
    """
    if b"<!ENTITY" not in data:
        return None

    def declared(  # noqa: PLR0913 - expat's handler signature
        entity: str,
        is_parameter: bool,
        value: str | None,
        base: str | None,
        system_id: str | None,
        public_id: str | None,
        notation: str | None,
    ) -> None:
        if system_id or public_id:
            raise _Refused(f"it declares an external entity '{entity}' (XXE), never read")
        if is_parameter:
            raise _Refused(f"it declares a parameter entity '{entity}'")
        if value and _ENTITY_REFERENCE.search(value):
            raise _Refused(f"entity '{entity}' refers to other entities (an entity expansion bomb)")
        if value and len(value) > MAX_ENTITY_CHARS:
            raise _Refused(f"entity '{entity}' is {len(value)} characters long")

    def started(*_: Any) -> None:
        raise _PrologRead

    parser = expat.ParserCreate()
    parser.EntityDeclHandler = declared
    parser.StartElementHandler = started
    try:
        parser.Parse(data, True)
    except _Refused as refusal:
        return f"unsafe feed: {refusal}"
    except (_PrologRead, expat.ExpatError):
        pass
    return None


def parse_feed(data: bytes) -> Any:
    """feedparser's view of a feed document (never raises; ``bozo_exception`` tells faults).
    Callers check :func:`entity_problem` first."""
    import feedparser

    return feedparser.parse(data)


def feed_outlet(parsed: Any) -> str | None:
    """The outlet a feed's title names for its entries: the title when every item links to
    one host (a publisher's own feed), None when the items are on several hosts (an
    aggregator's "Top Stories" names no outlet of the articles it carries)."""
    hosts = {urlsplit(e["link"]).hostname for e in parsed.entries if e.get("link")}
    title = " ".join((parsed.feed.get("title") or "").split())
    return title if title and len(hosts) <= 1 else None


def entry_outlet(entry: Any, feed_title_outlet: str | None) -> str | None:
    """The outlet an entry states (RSS ``<source>``, Atom ``source`` title), else the one
    its feed's title names (:func:`feed_outlet`), else None."""
    source = entry.get("source")
    stated = source.get("title") if isinstance(source, dict) else None
    return " ".join(stated.split()) if stated and stated.strip() else feed_title_outlet


def read_feed(data: bytes, name: str, options: ReadOptions) -> Iterator[Article | Reject]:
    """The entries of an RSS or Atom feed; the whole feed is rejected when its DOCTYPE
    declares entities that are unsafe to expand (see :func:`entity_problem`)."""
    problem = entity_problem(data)
    if problem:
        yield Reject(name, None, problem)
        return
    parsed = parse_feed(data)
    if not parsed.entries:
        yield feed_problem(parsed, name)
        return
    outlet = feed_outlet(parsed)
    for index, entry in enumerate(parsed.entries, start=1):
        yield read_entry(parsed, entry, index, name, options, outlet)


def feed_problem(parsed: Any, name: str) -> Reject:
    """Why a parsed feed has no entries: broken XML, or simply none."""
    problem = parsed.get("bozo_exception")
    reason = f"broken feed XML: {problem}" if problem else "feed without entries"
    return Reject(name, None, " ".join(reason.split())[:200])


def read_entry(
    parsed: Any,
    entry: Any,
    index: int,
    name: str,
    options: ReadOptions,
    feed_title_outlet: str | None,
) -> Article | Reject:
    """Entry ``index`` (1-based) of a parsed feed as an article, or why not; its outlet is
    :func:`entry_outlet` (``feed_title_outlet`` is :func:`feed_outlet` of the feed)."""
    where = f"entry {index}"
    html = _entry_html(entry)
    limit = options.max_article_bytes
    if len(html.encode("utf-8", "replace")) > limit:
        return Reject(name, where, too_large(limit))
    body = fragment_text(html) if "<" in html else " ".join(html.split())
    if not body:
        return Reject(name, where, "entry without content")
    authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    metadata = {"entry_id": entry["id"]} if entry.get("id") else {}
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        metadata["tags"] = tags
    return new_article(
        f"{name}#{where}",
        body,
        url=entry.get("link"),
        title=entry.get("title"),
        outlet=entry_outlet(entry, feed_title_outlet),
        authors=authors or as_authors(entry.get("author")),
        published=entry_published(entry),
        language=entry.get("language") or parsed.feed.get("language"),
        metadata=metadata,
    )
