"""What ``quotetrail watch`` remembers between runs, in one SQLite file in the state directory.

* ``items``: every feed item (by its normalised URL) that was indexed, or given up on, so a
  restart fetches nothing twice; transient failures are tried again in later polls, up to
  :data:`MAX_ATTEMPTS` times.
* ``feeds``: per feed, the ETag / Last-Modified of the last complete poll (for conditional
  requests) and its status: last fetch, new articles, errors, the last error.
* ``urls``: the queue of single URLs submitted through ``POST /api/v1/urls``, processed by
  the next ``quotetrail watch`` poll.

An item is recorded only after its article was written to the store (or rejected for good),
and a feed's validators only after all its new items were, so a run killed at any moment
loses nothing: the next one fetches the feed in full again and skips the recorded items.
SQLite makes each record atomic and lets the web app queue URLs while ``watch`` runs.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Any

FILE_NAME = "quotetrail-watch.sqlite"
MAX_ATTEMPTS = 3  # polls that may fail transiently on one item before it is given up

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    url TEXT PRIMARY KEY, feed TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    reason TEXT, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_fetch REAL, last_status TEXT,
    new_articles INTEGER NOT NULL DEFAULT 0, total_articles INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0, total_errors INTEGER NOT NULL DEFAULT 0,
    last_error TEXT);
CREATE TABLE IF NOT EXISTS urls (
    id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL, status TEXT NOT NULL,
    submitted REAL NOT NULL, finished REAL, reason TEXT, article_url TEXT);
"""


@dataclass(frozen=True)
class FeedStatus:
    """One watched feed as the status shows it. Times are Unix seconds (UTC)."""

    url: str
    last_fetch: float | None
    last_status: str | None  # "ok", "not modified", or "error"
    new_articles: int  # in the last poll
    total_articles: int
    errors: int  # in the last poll
    total_errors: int
    last_error: str | None


def state_path(state_dir: str) -> str:
    return os.path.join(state_dir, FILE_NAME)


class WatchState:
    """The watch database; one connection shared by the threads of a run, under a lock."""

    def __init__(self, state_dir: str) -> None:
        os.makedirs(state_dir, exist_ok=True)
        self.path = state_path(state_dir)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self._db:
            return self._db.execute(sql, args).fetchall()

    # --- items -------------------------------------------------------------------------
    def done(self, url: str) -> bool:
        """Whether an item needs no more fetching (indexed, or failed for good)."""
        rows = self._run("SELECT status FROM items WHERE url = ?", (url,))
        return bool(rows) and rows[0][0] != "retry"

    def item_finished(
        self, url: str, feed: str | None, reason: str | None, transient: bool
    ) -> None:
        """Record an item after its write (``reason`` None) or its failure."""
        now = time.time()
        if reason is None:
            self._run(
                "INSERT OR REPLACE INTO items VALUES (?, ?, 'indexed', "
                "COALESCE((SELECT attempts FROM items WHERE url = ?), 0) + 1, NULL, ?)",
                (url, feed, url, now),
            )
            return
        rows = self._run("SELECT attempts FROM items WHERE url = ?", (url,))
        attempts = (rows[0][0] if rows else 0) + 1
        status = "retry" if transient and attempts < MAX_ATTEMPTS else "failed"
        self._run(
            "INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?, ?, ?)",
            (url, feed, status, attempts, reason, now),
        )

    def item_count(self, status: str = "indexed") -> int:
        return int(self._run("SELECT COUNT(*) FROM items WHERE status = ?", (status,))[0][0])

    # --- feeds -------------------------------------------------------------------------
    def validators(self, feed: str) -> tuple[str | None, str | None]:
        """ETag and Last-Modified of the feed's last complete poll."""
        rows = self._run("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed,))
        return rows[0] if rows else (None, None)

    def feed_polled(
        self,
        feed: str,
        *,
        status: str,
        new: int,
        errors: int,
        last_error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        keep_validators: bool = True,
    ) -> None:
        """Record one poll of a feed; new validators replace the old unless kept."""
        self._run("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (feed,))
        self._run(
            "UPDATE feeds SET last_fetch = ?, last_status = ?, new_articles = ?, "
            "total_articles = total_articles + ?, errors = ?, total_errors = total_errors + ?, "
            "last_error = COALESCE(?, last_error) WHERE url = ?",
            (time.time(), status, new, new, errors, errors, last_error, feed),
        )
        if not keep_validators:
            self._run(
                "UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?",
                (etag, last_modified, feed),
            )

    def feeds(self) -> list[FeedStatus]:
        rows = self._run(
            "SELECT url, last_fetch, last_status, new_articles, total_articles, errors, "
            "total_errors, last_error FROM feeds ORDER BY url"
        )
        return [FeedStatus(*row) for row in rows]

    # --- the URL queue -------------------------------------------------------------------
    def enqueue(self, url: str) -> dict[str, Any]:
        """Queue a URL for the next poll; the new entry (see :meth:`queued`)."""
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO urls (url, status, submitted) VALUES (?, 'queued', ?)",
                (url, time.time()),
            )
            new_id = cursor.lastrowid
        entry = self.queued(int(new_id or 0))
        assert entry is not None
        return entry

    def queued(self, entry_id: int) -> dict[str, Any] | None:
        """One queue entry: id, url, status (queued, indexed, failed), submitted/finished
        (Unix seconds), reason (when failed), article_url (the normalised URL indexed)."""
        rows = self._run(
            "SELECT id, url, status, submitted, finished, reason, article_url FROM urls "
            "WHERE id = ?",
            (entry_id,),
        )
        keys = ("id", "url", "status", "submitted", "finished", "reason", "article_url")
        return dict(zip(keys, rows[0], strict=True)) if rows else None

    def waiting(self) -> list[tuple[int, str]]:
        """Queued URLs, oldest first."""
        rows = self._run("SELECT id, url FROM urls WHERE status = 'queued' ORDER BY id")
        return [(int(i), str(u)) for i, u in rows]

    def url_finished(self, entry_id: int, reason: str | None, article_url: str | None) -> None:
        self._run(
            "UPDATE urls SET status = ?, finished = ?, reason = ?, article_url = ? WHERE id = ?",
            ("failed" if reason else "indexed", time.time(), reason, article_url, entry_id),
        )
