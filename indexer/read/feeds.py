"""RSS and Atom feeds via feedparser: each entry with its full content is an article."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

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


def parse_feed(data: bytes) -> Any:
    """feedparser's view of a feed document (never raises; ``bozo_exception`` tells faults)."""
    import feedparser

    return feedparser.parse(data)


def read_feed(data: bytes, name: str, options: ReadOptions) -> Iterator[Article | Reject]:
    parsed = parse_feed(data)
    if not parsed.entries:
        yield feed_problem(parsed, name)
        return
    for index, entry in enumerate(parsed.entries, start=1):
        yield read_entry(parsed, entry, index, name, options)


def feed_problem(parsed: Any, name: str) -> Reject:
    """Why a parsed feed has no entries: broken XML, or simply none."""
    problem = parsed.get("bozo_exception")
    reason = f"broken feed XML: {problem}" if problem else "feed without entries"
    return Reject(name, None, " ".join(reason.split())[:200])


def read_entry(
    parsed: Any, entry: Any, index: int, name: str, options: ReadOptions
) -> Article | Reject:
    """Entry ``index`` (1-based) of a parsed feed as an article, or why not."""
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
        outlet=parsed.feed.get("title") or None,
        authors=authors or as_authors(entry.get("author")),
        published=entry_published(entry),
        language=entry.get("language") or parsed.feed.get("language"),
        metadata=metadata,
    )
