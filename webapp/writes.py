"""Indexing one article posted to the API within a time budget.

Extraction of a large article takes longer than a web worker may hold a request
(gunicorn kills a sync worker after 30 s, answering a bare 500). So the work runs on a
background thread of the web process: when it ends within the budget the request answers
with its outcome as before; when it does not, the request answers 202 Accepted with the
article's URL, which answers 404 until the article is stored and 200 from then on. Writes
are idempotent (stable ids, fingerprints): posting the same article again is harmless.

Linking and writing take the store's writer lease as every indexer does
(:func:`store.writer_lease.exclusive_write`): while ``quotetrail index`` writes, a posted
article waits up to ``EDIT_WAIT`` seconds. While its request still waits for it, it then
fails with :class:`~quotetrail.errors.StoreBusy` (the API answers 503 with Retry-After).
Once answered 202 it is not dropped: it tries again until ``ACCEPTED_RETRY_SECONDS`` have
passed, and when it finally fails (the store still busy, or any other error) its URL
answers with that failure (:meth:`Indexing.failure`) instead of 404.

At most ``MAX_PENDING`` articles wait or run per web process; past that the API answers
503 with Retry-After rather than queueing without bound. An accepted article whose web
process is stopped before it is written is lost: the client sees its URL still answer 404
and posts it again.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from quotetrail.errors import StoreBusy
from store.base import PutOutcome, Store
from store.writer_lease import exclusive_write

log = logging.getLogger(__name__)
DEFAULT_BUDGET_SECONDS = 20.0  # well inside gunicorn's default 30 s worker timeout
MAX_PENDING = 4
ACCEPTED_RETRY_SECONDS = 900.0  # how long an article answered 202 tries for a busy store
FAILURES_KEPT = 1000  # failed posted articles whose URL answers with the failure


class Busy(RuntimeError):
    """MAX_PENDING articles are already waiting or being indexed in this process."""


def index_article(
    store: Store, article: dict[str, Any], found: list[dict[str, Any]]
) -> PutOutcome:
    """Link and store one article cleaned by :func:`indexer.prepare.clean` with its
    attributions ``found`` (:func:`found_in`; the same steps as ``quotetrail index``:
    :func:`indexer.prepare.complete`), holding the store's writer lease while linking and
    writing. Raises :class:`~quotetrail.errors.StoreBusy` when an indexer held it for
    ``EDIT_WAIT`` s."""
    from indexer.link import Linker
    from indexer.prepare import complete, extractor_version

    with exclusive_write(store, "an article posted to the API"):
        record = complete(Linker(store), [(article, found)], extractor_version())
        outcome = store.put_articles(record)[0]
        store.release_statements(outcome.released)
        return outcome


def found_in(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The attributions extracted from ``article`` that are stored: those below the store
    floor are dropped as ``quotetrail index`` drops them
    (:func:`indexer.extract.scoring.stored`)."""
    from indexer.extract import extract
    from indexer.extract.scoring import stored

    found, _ = stored(extract(article["body"], article.get("title")))
    return found


class _Job:
    """One posted article: ``accepted`` once its request answered 202 (no one waits for
    its error any more), decided under ``lock`` against the job's own giving up."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.accepted = False


class Indexing:
    """One background thread per web process indexing posted articles in order."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quotetrail-post")
        self._pending = 0
        self._lock = threading.Lock()
        self._failures: OrderedDict[str, Exception] = OrderedDict()

    def submit(self, store: Store, article: dict[str, Any], budget: float) -> PutOutcome | None:
        """The outcome when indexing ends within ``budget`` seconds, else None (it goes on,
        answered 202; see the module).

        Raises :class:`Busy` when MAX_PENDING articles are already pending; re-raises what
        indexing raised when it failed within the budget (:class:`StoreBusy` included).
        """
        with self._lock:
            if self._pending >= MAX_PENDING:
                raise Busy(f"{MAX_PENDING} articles are already being indexed")
            self._pending += 1
            self._failures.pop(article["id"], None)
        job = _Job()
        future: Future[PutOutcome] = self._pool.submit(self._run, job, store, article)
        future.add_done_callback(lambda done: self._done(job, article["id"], done))
        try:
            return future.result(timeout=budget)
        except FutureTimeout:
            with job.lock:
                job.accepted = True
                if not future.done():
                    return None
            return future.result()  # it failed just as the budget ran out: say so now

    def failure(self, article_id: str) -> Exception | None:
        """Why the article posted with this id and answered 202 was finally not stored, or
        None (stored, still pending, never posted, or among the oldest forgotten past
        ``FAILURES_KEPT``)."""
        with self._lock:
            return self._failures.get(article_id)

    def _run(self, job: _Job, store: Store, article: dict[str, Any]) -> PutOutcome:
        """Index ``article``; while the store is busy, give the error to the waiting
        request, or once accepted try again for ``ACCEPTED_RETRY_SECONDS``."""
        found = found_in(article)
        started = time.monotonic()
        while True:
            try:
                return index_article(store, dict(article), copy.deepcopy(found))
            except StoreBusy:
                with job.lock:
                    if not job.accepted:
                        raise
                if time.monotonic() - started >= ACCEPTED_RETRY_SECONDS:
                    raise
                log.info("a posted article (%s) waits for the busy store", article["id"])

    def _done(self, job: _Job, article_id: str, future: Future[PutOutcome]) -> None:
        """Count the job out; keep its error for its URL when it was answered 202."""
        with self._lock:
            self._pending -= 1
        error = future.exception()
        with job.lock:
            if error is None or not job.accepted:
                return
        log.error("indexing a posted article (%s) failed: %s", article_id, error)
        with self._lock:
            self._failures[article_id] = error
            while len(self._failures) > FAILURES_KEPT:
                self._failures.popitem(last=False)
