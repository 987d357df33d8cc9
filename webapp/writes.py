"""Indexing one article posted to the API within a time budget.

Extraction of a large article takes longer than a web worker may hold a request
(gunicorn kills a sync worker after 30 s, answering a bare 500). So the work runs on a
background thread of the web process: when it ends within the budget the request answers
with its outcome as before; when it does not, the request answers 202 Accepted with the
article's URL, which answers 404 until the article is stored and 200 from then on. Writes
are idempotent (stable ids, fingerprints): posting the same article again is harmless.

Linking and writing take the store's writer lease as every indexer does
(:func:`store.writer_lease.exclusive_write`): while ``quotetrail index`` writes, a posted
article waits up to ``EDIT_WAIT`` seconds, then fails with
:class:`~quotetrail.errors.StoreBusy` (the API answers 503 with Retry-After).

At most ``MAX_PENDING`` articles wait or run per web process; past that the API answers
503 with Retry-After rather than queueing without bound. An accepted article whose web
process is stopped before it is written is lost: the client sees its URL still answer 404
and posts it again.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from store.base import PutOutcome, Store
from store.writer_lease import exclusive_write

log = logging.getLogger(__name__)
DEFAULT_BUDGET_SECONDS = 20.0  # well inside gunicorn's default 30 s worker timeout
MAX_PENDING = 4


class Busy(RuntimeError):
    """MAX_PENDING articles are already waiting or being indexed in this process."""


def index_article(store: Store, article: dict[str, Any]) -> PutOutcome:
    """Extract, link and store one article cleaned by :func:`indexer.prepare.clean` (the
    same steps as ``quotetrail index``: :func:`indexer.prepare.complete`), holding the
    store's writer lease while linking and writing. Attributions below the store floor
    are dropped as ``quotetrail index`` drops them (:func:`indexer.extract.scoring.stored`).
    Raises :class:`~quotetrail.errors.StoreBusy` when an indexer held it for ``EDIT_WAIT`` s."""
    from indexer.extract import extract
    from indexer.extract.scoring import stored
    from indexer.link import Linker
    from indexer.prepare import complete, extractor_version

    found, _ = stored(extract(article["body"], article.get("title")))
    with exclusive_write(store, "an article posted to the API"):
        record = complete(Linker(store), [(article, found)], extractor_version())
        return store.put_articles(record)[0]


class Indexing:
    """One background thread per web process indexing posted articles in order."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quotetrail-post")
        self._pending = 0
        self._lock = threading.Lock()

    def submit(self, store: Store, article: dict[str, Any], budget: float) -> PutOutcome | None:
        """The outcome when indexing ends within ``budget`` seconds, else None (it goes on).

        Raises :class:`Busy` when MAX_PENDING articles are already pending; re-raises what
        indexing raised when it failed within the budget.
        """
        with self._lock:
            if self._pending >= MAX_PENDING:
                raise Busy(f"{MAX_PENDING} articles are already being indexed")
            self._pending += 1
        future: Future[PutOutcome] = self._pool.submit(index_article, store, article)
        future.add_done_callback(self._done)
        try:
            return future.result(timeout=budget)
        except FutureTimeout:
            return None

    def _done(self, future: Future[PutOutcome]) -> None:
        with self._lock:
            self._pending -= 1
        error = future.exception()
        if error is not None:
            log.error("indexing a posted article failed: %s", error)
