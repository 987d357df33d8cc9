"""Extraction worker processes: the one process pool behind ``extract_many``, the ``index``
run and ``quotetrail extract``.

The spaCy model is loaded once, then ``workers`` processes are forked and share it. Workers
ignore SIGINT (the main process decides what to stop) and exit by themselves when the main
process dies, even by SIGKILL, so an interrupted run never leaves extraction processes behind.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from indexer.extract import names, nlp
from indexer.extract.article import extract_article

Attributions = list[dict]
Titled = tuple[str | None, str]  # an article's title (or None) and body


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)  # the main process was killed (even with SIGKILL): do not linger


def _worker_init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def analyse_batch(articles: list[Titled]) -> tuple[list[Attributions], float]:
    """Attributions per (title, body), headline included (:func:`extract_article`), in
    order, and the seconds it took (for stage shares)."""
    started = time.perf_counter()
    found = [extract_article(title, body) for title, body in articles]
    return found, time.perf_counter() - started


class ExtractionPool:
    """Batches of (title, body) pairs analysed in ``workers`` forked processes, or in this
    process when ``workers`` is 1. ``submit`` returns a future of ``(attributions per
    article, seconds)``.
    Use as a context manager, or call :meth:`close` (``abort=True`` stops running work)."""

    def __init__(self, workers: int) -> None:
        nlp.load()  # before the fork: the workers share the loaded model
        names.warm()  # and the first-name statistics
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )

    def submit(self, articles: list[Titled]) -> Future[tuple[list[Attributions], float]]:
        if self.pool is not None:
            return self.pool.submit(analyse_batch, articles)
        future: Future[tuple[list[Attributions], float]] = Future()
        future.set_result(analyse_batch(articles))
        return future

    def close(self, *, abort: bool = False) -> None:
        if self.pool is None:
            return
        if abort:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(wait=not abort, cancel_futures=True)
        self.pool = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(abort=kind is not None)
