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


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def read_feed(data: bytes, name: str, options: ReadOptions) -> Iterator[Article | Reject]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"broken feed XML: {problem}" if problem else "feed without entries"
        yield Reject(name, None, " ".join(reason.split())[:200])
        return
    outlet = parsed.feed.get("title") or None
    limit = options.max_article_bytes
    for index, entry in enumerate(parsed.entries, start=1):
        where = f"entry {index}"
        html = _entry_html(entry)
        if len(html.encode("utf-8", "replace")) > limit:
            yield Reject(name, where, too_large(limit))
            continue
        body = fragment_text(html) if "<" in html else " ".join(html.split())
        if not body:
            yield Reject(name, where, "entry without content")
            continue
        authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
        metadata = {"entry_id": entry["id"]} if entry.get("id") else {}
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            metadata["tags"] = tags
        yield new_article(
            f"{name}#{where}",
            body,
            url=entry.get("link"),
            title=entry.get("title"),
            outlet=outlet,
            authors=authors or as_authors(entry.get("author")),
            published=_published(entry),
            language=entry.get("language") or parsed.feed.get("language"),
            metadata=metadata,
        )
