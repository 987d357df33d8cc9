"""Web pages and feeds as inputs of the indexing run: fetch -> read -> extract -> ...

:class:`WebIndexer` is the file :class:`~indexer.indexing.Indexer` with two hooks replaced:
its inputs may be URLs (each fetched; a feed becomes one input per item, the item's own
page fetched when the feed carries only a summary), and reading a fetched input hands its
bytes to the same readers as a file's (:func:`indexer.read.read_source`). Each article
keeps its URL (the page's canonical link, else the address it was fetched from, normalised
by :func:`~schemas.links.article_url`), its outlet and date (the page's own metadata
first, then the feed's) so two URLs of one article make one article.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO
from urllib.parse import urljoin, urlsplit

from indexer.fetch.client import Fetched, Fetcher, FetchError
from indexer.indexing import Indexer, IndexOptions
from indexer.read import Article, ReadOptions, Reject, Source, expand, read_source
from indexer.read.detect import HEAD_BYTES, detect
from indexer.read.feeds import (
    entity_problem,
    entry_outlet,
    entry_published,
    feed_outlet,
    feed_problem,
    parse_feed,
    read_entry,
)
from indexer.read.model import too_large
from indexer.read.sources import ByteCounter, CountingReader
from schemas.links import article_url, is_web_url
from store.base import Store

# A feed entry whose content carries fewer characters than this is taken for a summary,
# and the item's page is fetched for the article.
FULL_TEXT_MIN_CHARS = 500
# A fetched page with fewer words of text than this is a section front, a login wall or an
# error page rather than an article (files keep no such floor: a short note is indexed).
MIN_PAGE_WORDS = 15


@dataclass(frozen=True)
class WebSource(Source):
    """One web input: a page to fetch (or already fetched), or a feed entry's full text.

    ``key`` is ``web:`` + the normalised item URL: what the checkpoint and the watch state
    remember. ``hints`` are the feed's title / outlet / published for the item, used where
    the page has none.
    """

    feed: str | None = None
    fetched: Fetched | None = None
    entry: Article | Reject | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    queue_id: int | None = None

    @property
    def item_url(self) -> str:
        return (self.key or "").removeprefix("web:")


@dataclass(frozen=True)
class FetchedBytes(Source):
    """A fetched body, read like a file of that content."""

    data: bytes = b""

    def open(self, counter: ByteCounter | None = None) -> io.BufferedReader:
        return io.BufferedReader(CountingReader(io.BytesIO(self.data), counter or ByteCounter()))


def web_source(url: str, **fields: Any) -> WebSource:
    """A page to fetch, keyed by its normalised URL."""
    return WebSource(url, None, None, "web:" + article_url(url), **fields)


def is_feed(fetched: Fetched) -> bool:
    """Whether a fetched body is an RSS/Atom document (by its content, as for files)."""
    return detect(fetched.data[:HEAD_BYTES], urlsplit(fetched.final_url).path) == "feed"


def _full_text(entry: Any) -> bool:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    return max(map(len, contents), default=0) >= FULL_TEXT_MIN_CHARS


def feed_sources(
    fetched: Fetched, options: ReadOptions, done: Callable[[str], bool] = lambda url: False
) -> Iterator[WebSource | Reject]:
    """One input per feed item not ``done`` (given its normalised URL), in feed order."""
    feed = fetched.url
    problem = entity_problem(fetched.data)
    if problem:
        yield Reject(feed, None, problem)
        return
    parsed = parse_feed(fetched.data)
    if not parsed.entries:
        yield feed_problem(parsed, feed)
        return
    outlet = feed_outlet(parsed)
    for index, entry in enumerate(parsed.entries, start=1):
        link = urljoin(fetched.final_url, entry["link"]) if entry.get("link") else None
        item = article_url(link) if link else f"{feed}#{entry.get('id') or index}"
        if done(item):
            continue
        hints = {
            "title": entry.get("title"),
            "outlet": entry_outlet(entry, outlet),
            "published": entry_published(entry),
        }
        if link and not _full_text(entry):
            yield WebSource(link, None, None, "web:" + item, feed=feed, hints=hints)
        else:
            article = read_entry(parsed, entry, index, feed, options, outlet)
            yield WebSource(feed, None, None, "web:" + item, feed=feed, entry=article, hints=hints)


class WebIndexer(Indexer):
    """The indexing run over URLs (pages and feeds) and files alike.

    ``failed(source, error)`` is called for every web input that gave no article, so a
    subclass can count faults per feed.
    """

    def __init__(
        self, store: Store, options: IndexOptions, fetcher: Fetcher, err: TextIO | None = None
    ) -> None:
        super().__init__(store, options, err)
        self.fetcher = fetcher
        self.failures: dict[str | None, FetchError] = {}
        self.failures_lock = threading.Lock()

    def sources(self) -> Iterator[Source | Reject]:
        """Files as ever; each URL fetched, a feed expanded into its items."""
        for path in self.options.paths:
            if not is_web_url(path):
                yield from expand([path])
                continue
            try:
                fetched = self.fetcher.fetch(path, max_bytes=self.read_options.max_container_bytes)
            except FetchError as error:
                yield Reject(path, None, error.reason)
                continue
            if is_feed(fetched):
                yield from feed_sources(fetched, self.read_options)
            elif len(fetched.data) > self.read_options.max_article_bytes:
                yield Reject(path, None, too_large(self.read_options.max_article_bytes))
            else:
                yield web_source(path, fetched=fetched)

    def read(self, source: Source) -> Iterator[Any]:
        if isinstance(source, WebSource):
            return self._read_web(source)
        return super().read(source)

    def _read_web(self, source: WebSource) -> Iterator[Article | Reject]:
        if source.entry is not None:
            if isinstance(source.entry, Reject):
                self._failed(source, FetchError(source.name, source.entry.reason))
                yield source.entry
            else:
                yield self._complete(dict(source.entry), source, source.entry.get("url"))
            return
        try:
            fetched = source.fetched or self.fetcher.fetch(source.name)
        except FetchError as error:
            self._failed(source, error)
            yield Reject(source.name, None, error.reason)
            return
        if fetched.not_modified:
            return
        body = FetchedBytes(source.name, None, len(fetched.data), source.key, data=fetched.data)
        for item in read_source(body, self.read_options, self.counter, self._repair):
            if isinstance(item, Reject):
                reason = item.reason
                if reason.startswith("binary data") or reason.startswith("no article text"):
                    reason = f"not an article page ({reason}; {fetched.content_type or '?'})"
                item = Reject(item.path, item.offset, reason)
                self._failed(source, FetchError(source.name, reason))
                yield item
            elif len(item["body"].split()) < MIN_PAGE_WORDS:
                reason = (
                    f"not an article page (only {len(item['body'].split())} words of text; "
                    f"{fetched.content_type or '?'})"
                )
                self._failed(source, FetchError(source.name, reason))
                yield Reject(source.name, None, reason)
            else:
                yield self._complete(item, source, fetched.final_url)

    def _failed(self, source: WebSource, error: FetchError) -> None:
        with self.failures_lock:
            self.failures[source.key] = error

    def _complete(self, article: Article, source: WebSource, fetched_url: str | None) -> Article:
        """URL normalised; outlet, title and date from the feed where the page has none."""
        url = article.get("url") or fetched_url or source.name
        article["url"] = article_url(urljoin(fetched_url or source.name, url))
        for name in ("title", "outlet", "published"):
            if not article.get(name) and source.hints.get(name):
                article[name] = source.hints[name]
        if not article.get("outlet"):
            article["outlet"] = urlsplit(article["url"]).hostname
        return article
