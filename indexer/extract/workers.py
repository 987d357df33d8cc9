"""Extraction worker processes: the one process pool behind ``extract_many``, the ``index``
run and ``quotetrail extract``.

The spaCy model is loaded once, then ``workers`` processes are forked and share it. Workers
ignore SIGINT (the main process decides what to stop) and exit by themselves when the main
process dies, even by SIGKILL, so an interrupted run never leaves extraction processes behind.

A pool made with a ``budget`` gives each article that many CPU seconds (``ITIMER_PROF``:
what the article costs, whatever the neighbours on the machine do); an article that needs
more is given up and comes back as :class:`OverBudget` instead of its attributions.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from indexer.extract import english_words, names, nlp
from indexer.extract.article import ArticleText, extract_article
from indexer.extract.layout import Plan, planned_ahead

Attributions = list[dict]
Titled = tuple[str | None, str]  # an article's title (or None) and body


@dataclass(frozen=True)
class OverBudget:
    """An article given up after ``seconds`` of CPU time in the extractor."""

    seconds: float

    @property
    def reason(self) -> str:
        """Why the article is skipped, for reject lists and messages."""
        return (
            f"skipped: extraction needed more than {self.seconds:g} s of CPU time "
            "(the per-article time budget, --extract-budget)"
        )


AHEAD_CHARACTERS = 50_000  # articles parsed together with the rest of their batch
Analysed = tuple[list[Attributions | OverBudget], float]  # per article, and the seconds


class _OutOfTime(BaseException):
    """Raised by the SIGPROF handler inside the extractor (a BaseException, so that no
    ``except Exception`` on the way swallows it)."""


_armed = False  # True only while an article runs under a budget


def _out_of_time(signum: int, frame: object) -> None:
    if _armed:
        raise _OutOfTime


def within_budget(title: str | None, body: str, budget: float | None) -> Attributions | OverBudget:
    """:func:`extract_article` of one article, or :class:`OverBudget` once it has used
    ``budget`` CPU seconds. Without a budget (None), or outside the main thread (where no
    signal handler can run), the article takes the time it takes."""
    global _armed
    if budget is None or threading.current_thread() is not threading.main_thread():
        return extract_article(title, body)
    previous = signal.signal(signal.SIGPROF, _out_of_time)
    try:
        try:
            _armed = True
            signal.setitimer(signal.ITIMER_PROF, budget)
            return extract_article(title, body)
        finally:
            _armed = False
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _OutOfTime:
        return OverBudget(budget)
    finally:
        signal.signal(signal.SIGPROF, previous)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)  # the main process was killed (even with SIGKILL): do not linger


def _worker_init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def analyse_batch(
    articles: list[Titled], budget: float | None = None
) -> tuple[list[Attributions | OverBudget], float]:
    """Attributions per (title, body), headline included (:func:`extract_article`), in
    order, :class:`OverBudget` for an article over the CPU ``budget`` (seconds, None for
    none), and the seconds the batch took (for stage shares)."""
    started = time.perf_counter()
    ahead = [text for text in (ArticleText(t or "", b).text for t, b in articles) if _ahead(text)]
    with planned_ahead(ahead) as plans, nlp.parsed_ahead(_chunk_texts(plans)):
        found = [within_budget(title, body, budget) for title, body in articles]
    return found, time.perf_counter() - started


def _ahead(text: str) -> bool:
    """Is an article's text (title included) parsed together with the rest of its batch?
    Those up to AHEAD_CHARACTERS long are (longer ones are parsed within their own time
    budget)."""
    return bool(text.strip()) and len(text) <= AHEAD_CHARACTERS


def _chunk_texts(plans: list[Plan]) -> list[str]:
    """The chunk texts the extractor will parse, plan by plan (`layout.parse_plan`)."""
    return [page[c.start : c.end] for page, _, pieces in plans for c in pieces]


# A short made-up article that takes the extractor down its main paths (a quotation, a
# reported clause, an outlet, a title and a pronoun).
WARM_ARTICLE = (
    'Senator Ana Ruiz said on Monday that the bill would pass. "We have the votes," she '
    "told Reuters. According to the ministry, prices rose 3 percent."
)


def warm_tables() -> None:
    """Extract :data:`WARM_ARTICLE` once, so that the cue lexicon, the scorer and the other
    tables the extractor loads on first use (about 60 ms of CPU) are loaded before the
    workers are forked: once per run instead of once per worker, with the English word
    list the article does not reach (`english_words.warm`). Output is unaffected."""
    extract_article(None, WARM_ARTICLE)
    english_words.warm()


class ExtractionPool:
    """Batches of (title, body) pairs analysed in ``workers`` forked processes, or in this
    process when ``workers`` is 1. ``submit`` returns a future of ``(attributions per
    article, seconds)``, an article over the CPU ``budget`` (seconds; None: no budget) being
    :class:`OverBudget`.
    Use as a context manager, or call :meth:`close` (``abort=True`` stops running work)."""

    def __init__(self, workers: int, budget: float | None = None) -> None:
        self.budget = budget
        nlp.load()  # before the fork: the workers share the loaded model
        names.warm()  # and the first-name statistics
        if workers > 1:
            warm_tables()  # and every table the extractor loads on first use, once
            # the model and tables live as long as the workers: the collector need never
            # walk them again (nor write to their pages, which the workers then share)
            gc.freeze()
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )

    def submit(self, articles: list[Titled]) -> Future[Analysed]:
        if self.pool is not None:
            return self.pool.submit(analyse_batch, articles, self.budget)
        future: Future[Analysed] = Future()
        future.set_result(analyse_batch(articles, self.budget))
        return future

    def close(self, *, abort: bool = False) -> None:
        if self.pool is None:
            return
        if abort:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(wait=not abort, cancel_futures=True)
        self.pool = None
        gc.unfreeze()  # what was frozen for the workers may be collected again

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(abort=kind is not None)
