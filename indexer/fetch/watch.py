"""``quotetrail watch``: poll feeds (and the queue of submitted URLs), index what is new.

One poll is one indexing run (:class:`WatchRun`, the web indexer with the watch state in
place of the index checkpoint): each feed is fetched with a conditional request, its items
not seen before become inputs, and each item is recorded in the state once its article is
written, so a poll killed at any moment resumes without duplicates or gaps.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from indexer.fetch.client import Fetcher, FetchError
from indexer.fetch.sources import WebIndexer, WebSource, feed_sources, is_feed, web_source
from indexer.fetch.state import WatchState
from indexer.indexing import IndexOptions, Summary
from indexer.read import Reject
from indexer.read.detect import HEAD_BYTES, detect
from store.base import Store

JOURNAL_FILE = ".quotetrail-watch-journal.jsonl"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds from ``90``, ``30s``, ``15m``, ``2h`` or ``1d``; ValueError otherwise."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"not a positive duration: {text!r} (examples: 30s, 15m, 1h)")
    return float(match.group(1)) * _UNITS[match.group(2).lower()]


def read_feed_list(path: str) -> list[str]:
    """Feed URLs from a file: one a line; blank lines and ``#`` comments ignored."""
    with open(path, encoding="utf-8") as f:
        lines = (line.split("#", 1)[0].strip() for line in f)
        return [line for line in lines if line]


@dataclass
class FeedPoll:
    """One feed during one poll: what happened to it, for the status."""

    url: str
    status: str = "ok"
    new: int = 0
    errors: int = 0
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    complete: bool = True  # False: keep the old validators, so failed items come back

    def error(self, where: str, reason: str, *, transient: bool) -> None:
        self.errors += 1
        self.last_error = f"{where}: {reason}"
        self.complete = self.complete and not transient


class ItemLog:
    """Stands in for the index checkpoint during a poll: the watch state records each item
    once the writer has stored its batch (``commit`` is called by the writer thread after
    every batch, and once more at the end for inputs that ended without a batch)."""

    def __init__(self, run: WatchRun) -> None:
        self.run = run
        self.committed = 0  # commits of this poll (a poll's linker memory is not resumed)

    def get(self, source_key: str | None) -> None:
        return None  # items already done are never inputs of a poll

    def commit(self, progress: list[tuple[str | None, int, bool, list]]) -> bool:
        """Record the items a commit finished (``indexer.checkpoint.Checkpoint.commit``)."""
        for source_key, _, done, rejects in progress:
            if done and source_key:
                self.run.item_done(source_key, rejects)
        self.committed += 1
        return True

    def close(self) -> None:
        """Nothing to close: each item is recorded as its batch is committed."""

    def remove(self) -> None:
        """Nothing to remove: the state outlives the run."""


class WatchRun(WebIndexer):
    """One poll of ``feeds`` and of the URL queue, as an indexing run.

    Every batch is a commit that records its items in the watch state; a poll starts with
    a fresh linker, so no linker memory is saved. Its journal (its own file, apart from an
    ``index`` run's) is emptied before the items are recorded: a poll killed in between
    fetches those items again and writes the same records again (stable ids), while a
    batch killed half-written is undone by the next poll of the same feeds.
    """

    commits_memory = False
    journal_file = JOURNAL_FILE

    def __init__(
        self,
        store: Store,
        options: IndexOptions,
        fetcher: Fetcher,
        state: WatchState,
        feeds: list[str],
        err: TextIO | None = None,
    ) -> None:
        super().__init__(store, options, fetcher, err)
        self.state = state
        self.feeds = feeds
        self.polls: dict[str, FeedPoll] = {}
        self.pending: dict[str, WebSource] = {}
        self.lock_items = threading.Lock()
        self.checkpoint = ItemLog(self)  # type: ignore[assignment]

    def sources(self) -> Iterator[WebSource | Reject]:
        """Each feed's new items, then the queued URLs."""
        for feed in self.feeds:
            yield from self._feed(feed)
        for entry_id, url in self.state.waiting():
            yield self._track(web_source(url, queue_id=entry_id))

    def _track(self, source: WebSource) -> WebSource:
        with self.lock_items:
            self.pending[source.key or ""] = source
        return source

    def _feed(self, feed: str) -> Iterator[WebSource | Reject]:
        poll = self.polls[feed] = FeedPoll(feed)
        etag, last_modified = self.state.validators(feed)
        try:
            fetched = self.fetcher.fetch(
                feed,
                max_bytes=self.read_options.max_container_bytes,
                etag=etag,
                last_modified=last_modified,
            )
        except FetchError as error:
            poll.status = "error"
            poll.error(feed, error.reason, transient=error.transient)
            yield Reject(feed, None, error.reason)
            return
        if fetched.not_modified:
            poll.status = "not modified"
            return
        if not is_feed(fetched):
            kind = detect(fetched.data[:HEAD_BYTES], feed)
            reason = (
                f"not a feed: the server sent {'an' if kind == 'html' else 'a'} {kind} "
                f"document ({fetched.content_type or 'no Content-Type'}), "
                "perhaps an error page"
            )
            poll.status = "error"
            poll.error(feed, reason, transient=True)
            yield Reject(feed, None, reason)
            return
        poll.etag, poll.last_modified = fetched.etag, fetched.last_modified
        for item in feed_sources(fetched, self.read_options, self.state.done):
            if isinstance(item, Reject):
                poll.status = "error"
                poll.error(feed, item.reason, transient=False)
                yield item
            else:
                yield self._track(item)

    def _reload_progress(self) -> None:
        """Nothing to read again after waiting for the store: the items done are asked of
        the watch state (``ItemLog``) as they come."""

    def _commit(self, commit: int, memory: bytes | None) -> None:
        self.journal.clear()  # the commit number restarts each poll: nothing may be undone
        super()._commit(commit, memory)

    def item_done(self, key: str, rejects: list[dict[str, Any]]) -> None:
        """An item's article was written (or it was rejected): remember it, count it."""
        with self.lock_items:
            source = self.pending.pop(key, None)
        if source is None:
            return
        with self.failures_lock:
            failure = self.failures.pop(key, None)
        reason = rejects[0]["reason"] if rejects else None
        transient = bool(failure and failure.transient)
        if source.queue_id is not None:
            self.state.url_finished(source.queue_id, reason, None if reason else source.item_url)
            return
        self.state.item_finished(source.item_url, source.feed, reason, transient)
        poll = self.polls.get(source.feed or "")
        if poll is None:
            return
        with self.lock_items:
            if reason:
                poll.error(source.name, reason, transient=transient)
            else:
                poll.new += 1

    def save_polls(self) -> None:
        """Per-feed status; new validators only for feeds whose every item went through."""
        for poll in self.polls.values():
            self.state.feed_polled(
                poll.url,
                status=poll.status,
                new=poll.new,
                errors=poll.errors,
                last_error=poll.last_error,
                etag=poll.etag,
                last_modified=poll.last_modified,
                keep_validators=not (poll.complete and poll.status == "ok"),
            )


def poll(
    store: Store,
    options: IndexOptions,
    fetcher: Fetcher,
    state: WatchState,
    feeds: list[str],
    err: TextIO,
) -> tuple[Summary, list[FeedPoll]]:
    """One poll of every feed and of the URL queue."""
    run = WatchRun(store, options, fetcher, state, feeds, err)
    summary = run.run()
    run.save_polls()
    for feed_poll in run.polls.values():
        line = f"quotetrail: feed {feed_poll.url}: {feed_poll.status}, {feed_poll.new} new"
        if feed_poll.errors:
            line += f", {feed_poll.errors} errors (last: {feed_poll.last_error})"
        print(line, file=err)
    return summary, list(run.polls.values())


def watch(
    store: Store,
    options: IndexOptions,
    fetcher: Fetcher,
    state: WatchState,
    feeds: list[str],
    *,
    every: float,
    once: bool,
    err: TextIO,
) -> int:
    """Poll until stopped (or once). Exit status: 0, or 1 when the last poll had errors."""
    while True:
        started = time.monotonic()
        summary, polls = poll(store, options, fetcher, state, feeds, err)
        print(summary.line(), file=err)
        failed = summary.rejected or any(p.errors for p in polls)
        if once:
            return 1 if failed else 0
        time.sleep(max(0.0, every - (time.monotonic() - started)))


def _when(seconds: float | None) -> str:
    if seconds is None:
        return "never"
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def print_status(state: WatchState, out: TextIO) -> None:
    """The watched feeds as a table: last fetch, new articles, errors, the last error."""
    rows = state.feeds()
    if not rows:
        print("quotetrail: no feed has been polled yet (quotetrail watch FEED_URL ...)", file=out)
        return
    print(
        f"{'feed':<50} {'last fetch':<20} {'status':<12} {'new':>4} {'total':>6} "
        f"{'errors':>6}  last error",
        file=out,
    )
    for row in rows:
        print(
            f"{row.url:<50} {_when(row.last_fetch):<20} {row.last_status or '-':<12} "
            f"{row.new_articles:>4} {row.total_articles:>6} {row.errors:>6}  "
            f"{row.last_error or ''}",
            file=out,
        )
    print(
        f"\n{state.item_count('indexed')} items indexed, {state.item_count('failed')} given up, "
        f"{state.item_count('retry')} to retry; {len(state.waiting())} URLs queued",
        file=out,
    )
