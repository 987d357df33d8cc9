"""The ``index`` run: read -> prepare (:mod:`indexer.prepare`) -> write, streamed in batches.

Memory stays bounded whatever the input size: readers stream, at most a few batches are
in flight, and extraction runs in a small pool of worker processes (one per core) while
the main process links and writes the previous batch.

A run killed at any moment and started again ends with the same store as an uninterrupted
run, record for record. Linking depends on what was linked before, so three things are
kept in step (``indexer.checkpoint``, ``indexer.journal``): every so often a commit saves
the linker's memory and how far each input got; before each batch is written, the journal
saves the stored versions of what it will change. A resumed run undoes the batches after
the last commit, restores the linker's memory of that commit and goes on from there.
"""

from __future__ import annotations

import glob
import json
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from indexer.checkpoint import Checkpoint, run_key
from indexer.extract.workers import ExtractionPool, OverBudget
from indexer.journal import FILE_NAME as JOURNAL_FILE
from indexer.journal import Journal
from indexer.link.linker import Changes
from indexer.prepare import clean_or_reject, complete, extractor_version
from indexer.progress import Progress
from indexer.read import ByteCounter, ReadOptions, Reject, Repair, Source, expand, read_source
from indexer.read.model import DEFAULT_EXTRACT_BUDGET, DEFAULT_MAX_ARTICLE_BYTES
from indexer.read.sources import skipped_in_folders
from quotetrail.errors import StoreDown
from store.base import ArticleRecord, PutOutcome, Store, StoreError

if TYPE_CHECKING:
    from store.writer_lease import FileClaim, WriterLease

T = TypeVar("T")
DEFAULT_BATCH = 32
DEFAULT_RETRY_SECONDS = 60.0
MEMORY_FILE = ".quotetrail-linker-{}.pickle"  # the linker's memory at commit {}
# A commit (saving the linker's memory) once the time since the last one is this many
# times what saving it cost: small memories commit every batch, large ones rarely.
COMMIT_COST_RATIO = 20.0
Extracted = tuple[dict[str, Any], list[dict[str, Any]]]  # an article, its attributions


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM: stop, keeping the checkpoint; ``status`` is 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.status = 128 + signum


@dataclass(frozen=True)
class IndexOptions:
    paths: list[str]
    field_map: dict[str, str] = field(default_factory=dict)
    rejects_path: str | None = None
    state_dir: str = "."
    batch_size: int = DEFAULT_BATCH
    workers: int = 2
    retry_seconds: float = DEFAULT_RETRY_SECONDS
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    store_location: str = ""
    extract_budget: float | None = DEFAULT_EXTRACT_BUDGET  # CPU seconds per article; None: no limit


@dataclass
class Summary:
    inputs: int = 0
    read: int = 0
    indexed: int = 0
    replaced: int = 0
    unchanged: int = 0
    resumed: int = 0  # articles skipped because a checkpointed earlier run wrote them
    # records of one article that a later record of the same batch replaced before anything
    # was written (one URL three times in a file: one article indexed, two superseded)
    superseded: int = 0
    rejected: int = 0
    repaired: int = 0  # records read after one or more repairs (each said on stderr)
    # files in the named folders left unread for their kind ("notes.md"), named in the line
    skipped: list[str] = field(default_factory=list)
    attributions: int = 0
    removed: int = 0  # attributions of changed articles their new version no longer has
    changed: int = 0  # attributions of changed articles now saying something else
    dropped: int = 0  # attributions below the store floor (indexer.extract.scoring)
    # editors' corrections (indexer.link.corrections) that re-indexed articles no longer
    # let re-apply (said on stderr, one line each)
    corrections_lost: int = 0
    # Articles written without these (the pages show them as untitled, undated, or from an
    # unknown outlet): a sign the input lacks metadata the reader could not find.
    missing: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("title", "date", "outlet"), 0)
    )
    elapsed: float = 0.0
    # A shard of a sharded run (indexer.sharding): it reads its own inputs, and the last to
    # finish links every shard's articles, so its outcomes are not its reads.
    sharded: bool = False
    # Seconds of work per stage: read (read + clean, main process), extract (summed over
    # the worker processes, which run in parallel with the rest), link, write.
    stages: dict[str, float] = field(
        default_factory=lambda: dict.fromkeys(("read", "extract", "link", "write"), 0.0)
    )

    def outcomes(self) -> int:
        """How many records ended in one of the outcomes: indexed, replaced, unchanged,
        rejected, done before (resumed), superseded by a later record of the same article.
        Each record read counts in exactly one, so this equals :attr:`read` once the run is
        over."""
        return (
            self.indexed
            + self.replaced
            + self.unchanged
            + self.rejected
            + self.resumed
            + self.superseded
        )

    def line(self) -> str:
        """The run in one line: every record read (an input not readable at all is one)
        in exactly one outcome, and the line says whether they add up."""
        rate = self.read / self.elapsed if self.elapsed else 0.0
        resumed = f", {self.resumed} done before (resumed)" if self.resumed else ""
        if self.sharded:  # other shards' articles are linked by one of them: no tally
            tally = "shards count their own"
        elif self.outcomes() == self.read:
            tally = "each in one outcome"
        else:
            tally = f"{self.read - self.outcomes()} without an outcome"
        return (
            f"quotetrail: read {self.read} articles from {self.inputs} "
            f"input{'' if self.inputs == 1 else 's'} in "
            f"{self.elapsed:.1f} s ({rate:.1f}/s): {self.indexed} indexed, "
            f"{self.replaced} replaced, {self.unchanged} unchanged"
            f"{_superseded(self.superseded)}, {self.rejected} rejected"
            f"{resumed} ({tally}){_repaired(self.repaired)}; "
            f"{self.attributions} attributions written, "
            f"{self.dropped} below the confidence floor dropped"
            f"{_removed(self.removed, self.changed)}"
            f"{_missing(self.missing)}{_lost(self.corrections_lost)}{_skipped(self.skipped)}"
        )


# The checkpoint's mark on a reject of a record that has its place among the input's
# articles (``Checkpoint`` counts those places): rejected after the reader read it.
NUMBERED = "numbered"
REMEMBERED_PLACES = 200_000  # articles whose input place a run keeps, to name repeats


def _place(pending: Pending) -> str:
    """Where an article was read, as warnings name it: ``path [line 3]`` (the input as given,
    and the record's place in it when the input holds several)."""
    stored = str(pending.article.get("source") or "")
    for mark in ("#", "@"):
        if mark in stored:
            return f"{pending.source_name} [{stored.rpartition(mark)[2]}]"
    return pending.source_name


def _removed(removed: int, changed: int) -> str:
    """", 2 removed from changed articles (named above)" (", 1 removed, 1 changed in changed
    articles" when stored attributions were edited) when any were."""
    said = ", ".join(
        f"{count} {what}" for count, what in ((removed, "removed"), (changed, "changed")) if count
    )
    where = "in" if changed else "from"
    return f", {said} {where} changed articles (named above)" if said else ""


def _lost(count: int) -> str:
    """ "; 1 editor's correction not re-applied (named above)" when any was not."""
    if not count:
        return ""
    return f"; {count} editor's correction{'s' if count > 1 else ''} not re-applied (named above)"


def _missing(missing: dict[str, int]) -> str:
    """ "; 3 without a title, 5 without a date" for the fields some written articles lack."""
    parts = [
        f"{n} without {'an' if what == 'outlet' else 'a'} {what}"
        for what, n in missing.items()
        if n
    ]
    return "; " + ", ".join(parts) if parts else ""


def _superseded_in(articles: list[Pending]) -> set[int]:
    """Positions in ``articles`` of records a later record of the same article (same id)
    with other content replaces. A later copy with the same content (only where it was read
    differs: an AMP page of the same story) supersedes nothing: the earlier is written and
    the copy counted unchanged (:func:`_copies_in`)."""
    out: set[int] = set()
    for k, pending in enumerate(articles):
        mine = _content(pending.article)
        if any(
            later.article["id"] == pending.article["id"] and _content(later.article) != mine
            for later in articles[k + 1 :]
        ):
            out.add(k)
    return out


def _copies_in(articles: list[Pending], superseded: set[int]) -> set[int]:
    """Positions in ``articles`` of records an earlier record of the batch that is written
    (not in ``superseded``, so every later record of its article has its content) already
    holds: not written again, counted unchanged, so both engines count an AMP copy read
    beside its story alike (one bulk request would otherwise index it twice)."""
    written: set[str] = set()
    out: set[int] = set()
    for k, pending in enumerate(articles):
        if k in superseded:
            continue
        if pending.article["id"] in written:
            out.add(k)
        written.add(pending.article["id"])
    return out


def _content(article: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in article.items() if k != "source"}


def _superseded(count: int) -> str:
    """", 2 superseded by a later record" when records of one article were replaced by a
    later one of the same batch before anything was written (each named in a warning)."""
    if not count:
        return ""
    return f", {count} superseded by a later record"


def _skipped(names: list[str]) -> str:
    """"; 1 file skipped, not an article file (notes.md)": files of the named folders a
    walk leaves unread (`indexer.read.sources.skipped_in_folders`), the first few named."""
    if not names:
        return ""
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    count = f"{len(names)} file{'' if len(names) == 1 else 's'}"
    return f"; {count} skipped, not an article file ({shown}; name a file to read it)"


def _repaired(count: int) -> str:
    if not count:
        return ""
    return (
        f", {count} repaired (invalid Unicode, bidirectional controls, HTML markup, a date "
        "left out or a field of the wrong type: see the warnings)"
    )


@dataclass
class Pending:
    """One article between reading and writing."""

    source_key: str | None
    ordinal: int  # position among the articles of its input
    source_name: str
    article: dict[str, Any]


@dataclass
class Batch:
    articles: list[Pending] = field(default_factory=list)
    ended: list[tuple[str | None, int]] = field(default_factory=list)  # inputs fully read
    future: Future | None = None


# --- the run ------------------------------------------------------------------------------
class Writer:
    """Writes one batch on a background thread while the main thread links the next.

    One long-lived thread (engines keep a connection per thread), at most one write in
    flight, so batches are written and checkpointed in order; a write's failure surfaces
    in the main thread at the next ``submit`` or ``wait``. The thread is a daemon: an
    interrupted run does not wait for it (writes are idempotent).
    """

    def __init__(self) -> None:
        self._tasks: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._idle = threading.Event()
        self._idle.set()
        self._failure: list[BaseException] = []
        self._thread: threading.Thread | None = None

    def submit(self, task: Callable[[], None]) -> None:
        self.wait()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="quotetrail-writer", daemon=True)
            self._thread.start()
        self._idle.clear()
        self._tasks.put(task)

    def wait(self) -> None:
        self._idle.wait()
        if self._failure:
            raise self._failure.pop()

    def _run(self) -> None:
        while True:
            task = self._tasks.get()
            try:
                task()
            except BaseException as error:  # noqa: BLE001 - handed to the main thread
                self._failure.append(error)
            finally:
                self._idle.set()


class RejectLog:
    """Rejects on stderr, one line each, and in a JSON Lines file (created when needed)."""

    def __init__(self, path: str | None, say: Callable[[str], None]) -> None:
        self.say = say
        self.path = path
        self.count = 0
        self.file: TextIO | None = None
        if path and os.path.isfile(path):
            os.remove(path)  # a list from an earlier run would mislead

    def add(self, reject: Reject | dict[str, Any]) -> None:
        if isinstance(reject, dict):
            reject = Reject(reject["path"], reject.get("offset"), reject["reason"])
        self.count += 1
        self.say(f"quotetrail: rejected {reject}")
        if self.path is None:
            return
        if self.file is None:
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
            self.file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115
        self.file.write(json.dumps(reject.as_dict(), ensure_ascii=False) + "\n")
        self.file.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class Indexer:
    """One indexing run: ``Indexer(store, options).run() -> Summary``.

    ``commits_memory``: commits save the linker's memory, so that a resumed run links the
    rest as an uninterrupted one would (commits then come as often as saving it costs under
    1/``COMMIT_COST_RATIO`` of the time). Without it every batch is a commit.
    ``journal_file``: the journal's name in the state folder (``indexer.journal``).
    """

    commits_memory = True
    journal_file = JOURNAL_FILE

    def __init__(self, store: Store, options: IndexOptions, err: TextIO | None = None) -> None:
        self.store = store
        self.options = options
        self.err = err or sys.stderr
        # article id -> where this run read it, the latest REMEMBERED_PLACES articles
        self._sources: dict[str, str] = {}
        self.read_options = ReadOptions(options.max_article_bytes, options.field_map)
        self.summary = Summary()
        self.counter = ByteCounter()
        key = self._run_key()
        self.checkpoint = Checkpoint.load(options.state_dir, key)
        self.journal = Journal(options.state_dir, key, self.journal_file)
        # per input since the last commit: (articles written, done, rejects)
        self.uncommitted: dict[str | None, tuple[int, bool, list[dict[str, Any]]]] = {}
        # statements replaced articles let go of, released when every batch is written
        self.released: set[str] = set()
        self.memory_cost = 0.0
        self.memory_saved_at = time.monotonic()
        self.source_rejects: dict[str | None, list[dict[str, Any]]] = {}
        self.version = extractor_version()
        self.lock = threading.Lock()
        self.writer = Writer()
        self.lease: WriterLease | None = None  # Elasticsearch: held while running
        # (input, record) of the last repair: a record's repairs come together, counted once
        self._last_repaired: tuple[str, str | None] | None = None

    # The pipeline: reading feeds batches; batches are extracted in the pool while the
    # previous ones are linked and written, in input order.
    def run(self) -> Summary:
        from indexer.link import Linker

        started = time.monotonic()
        total = sum(s.size or 0 for s in expand(self.options.paths) if isinstance(s, Source))
        self.summary.skipped = skipped_in_folders(self.options.paths)
        self.progress = Progress(total, self.err)
        self.rejects = self._reject_log()
        store_claim = self._only_writer()
        try:
            self.linker = Linker(self.store, autoflush=False)  # the writer writes its changes
            return self._run_pipeline(started)
        finally:
            if self.lease is not None:
                self.lease.release()  # the next indexer may write
            if store_claim is not None:
                store_claim.release()  # the next run may write

    def _run_pipeline(self, started: float) -> Summary:
        self._resume()
        self.extractor: ExtractionPool | None = None
        window: deque[Batch] = deque()
        aborted = True
        try:
            for batch in self._batches():
                batch.future = self._extract(batch)
                window.append(batch)
                while len(window) > self.options.workers:
                    self._write(window.popleft())
            while window:
                self._write(window.popleft())
            self.writer.wait()
            self._release_statements()
            if self.lease is not None:  # for the next indexer on this store
                memory = self.linker.memory()
                self._with_retries(lambda: self.lease.save_memory(memory))  # type: ignore[union-attr]
            aborted = False
        finally:
            if self.extractor is not None:
                self.extractor.close(abort=aborted)
            self.progress.close()
            self.rejects.close()
            self.summary.elapsed = time.monotonic() - started
            self.summary.rejected = self.rejects.count
            if aborted:
                self.checkpoint.close()
            else:
                if self.uncommitted:  # a last commit, for a checkpoint that outlives runs
                    self.checkpoint.commit([(k, *state) for k, state in self.uncommitted.items()])
                self.checkpoint.remove()
                self.journal.remove()
                self._remove_memory(keep=None)
        return self.summary

    def _release_statements(self) -> None:
        """Once every batch is written: delete the statements replaced articles let go of
        that nothing stored carries any more (``Store.release_statements``), and make the
        linker forget them. Not before: a batch linked meanwhile may have joined one of
        them, from the store or the linker's memory, without writing it again."""
        if self.released:
            released = sorted(self.released)
            gone = self._with_retries(lambda: self.store.release_statements(released))
            self.linker.let_go(gone)
            self.released.clear()

    def _extract(self, batch: Batch) -> Future:
        """The extraction of a batch's articles. The extractor (and its model, seconds to
        load) starts with the first article: a run whose inputs are all missing or
        rejected ends at once."""
        if not batch.articles:
            nothing: Future = Future()
            nothing.set_result(([], 0.0))
            return nothing
        if self.extractor is None:
            self.extractor = self._extraction()
        return self.extractor.submit(
            [(p.article.get("title"), p.article["body"]) for p in batch.articles]
        )

    def _run_key(self) -> str:
        """What names this run in its checkpoint and journal (a rerun resumes the same)."""
        options = self.options
        return run_key(options.paths, {"map": options.field_map}, options.store_location)

    def _reject_log(self) -> RejectLog:
        """Where this run lists its rejects (a new list, replacing an earlier run's)."""
        return RejectLog(self.options.rejects_path, self.progress.write)

    def _extraction(self) -> ExtractionPool:
        """What extracts the batches: ``submit([(title, body), ...])`` gives a future of
        (attributions per article, seconds of work); ``close(abort=...)`` ends it."""
        return ExtractionPool(self.options.workers, self.options.extract_budget)

    def _only_writer(self) -> FileClaim | None:
        """Make this run the store's only writer while it runs.

        Linking assumes it sees every record written since the run started (two indexers
        on one store would each create the statements the other is creating). On SQLite,
        refuse to start while another run (or an edit) writes to the same database file:
        the :class:`~store.writer_lease.FileClaim` returned (releasing it ends the run's
        claim; the kernel releases it when the process ends, however it ends); raises
        :class:`StoreBusy` naming the file. On Elasticsearch, wait for the
        store's writer lease (:mod:`store.writer_lease`), kept in ``self.lease``; when
        another run held it, read the state folder again (that run may have been this same
        command). None on Elasticsearch or an in-memory database.
        """
        if self.store.engine == "elasticsearch":
            from store.elastic import ElasticStore
            from store.writer_lease import WriterLease as Lease

            assert isinstance(self.store, ElasticStore)
            lease = Lease(
                self.store,
                f"inputs {', '.join(self.options.paths)}"[:200],
                f"{self._run_key()} {os.path.abspath(self.options.state_dir)}",
            )
            self._with_retries(lambda: lease.acquire(self.progress.write))
            self.lease = lease
            if lease.waited:
                self._reload_progress()
            return None
        path = getattr(self.store, "path", None)
        if self.store.engine != "sqlite" or not path:
            return None
        from store.writer_lease import FileClaim

        claim = FileClaim(path, "another quotetrail index")
        claim.take(busy="run this one when it has finished")
        return claim

    def _reload_progress(self) -> None:
        """Read the checkpoint and journal of this run again from the state folder."""
        key = self._run_key()
        self.checkpoint = Checkpoint.load(self.options.state_dir, key)
        self.journal = Journal(self.options.state_dir, key, self.journal_file)

    def _resume(self) -> None:
        """Undo the batches written after the last commit; take back that commit's memory
        (with none, on Elasticsearch, the memory the store's last indexer left)."""
        undone = self._with_retries(
            lambda: self.journal.undo(self.store, self.checkpoint.committed)
        )
        if undone:
            self.progress.write(
                f"quotetrail: undid {undone} batch{'es' if undone != 1 else ''} written after "
                "the last checkpoint"
            )
        committed = self.checkpoint.committed
        if not committed and self.lease is not None:  # where the last indexer left off
            handed = self._with_retries(self.lease.memory)
            if handed is not None:
                self.linker.restore(handed)
        try:
            if committed:
                with open(self._memory_path(committed), "rb") as f:
                    self.linker.restore(f.read())
        except OSError as error:
            self.progress.write(
                f"quotetrail: the linker's saved memory is missing ({error.strerror}: "
                f"{error.filename}); resuming without it, the rest may link differently"
            )
        self._remove_memory(keep=committed or None)

    def _memory_path(self, commit: int) -> str:
        return os.path.join(self.options.state_dir, MEMORY_FILE.format(commit))

    def _remove_memory(self, keep: int | None) -> None:
        """Remove the saved linker memories, but that of commit ``keep``."""
        pattern = os.path.join(glob.escape(self.options.state_dir), MEMORY_FILE.format("*"))
        for path in glob.glob(pattern):
            if keep is None or path != self._memory_path(keep):
                os.remove(path)

    def _batches(self) -> Iterator[Batch]:
        batch = Batch()
        for source in self.sources():
            if isinstance(source, Reject):  # an input not read at all: one record, rejected
                self.summary.inputs += 1
                self.summary.read += 1
                self.rejects.add(source)
                continue
            self.summary.inputs += 1
            state = self.checkpoint.get(source.key)
            if state is not None and state.done:
                # its records: those written before (resumed) and those rejected, once each
                numbered = sum(1 for reject in state.rejects if reject.get(NUMBERED))
                self.summary.read += state.articles + len(state.rejects) - numbered
                self.summary.resumed += state.articles - numbered
                self.counter.total += source.size or 0
                for reject in state.rejects:
                    self.rejects.add(reject)
                continue
            skip = state.articles if state is not None else 0
            ordinal = 0
            for item in self._timed(self.read(source)):
                self.summary.read += 1  # every record, read or rejected by the reader
                if isinstance(item, Reject):
                    self._reject(source.key, item, numbered=False)
                    continue
                ordinal += 1
                done_before = ordinal <= skip
                started = time.perf_counter()
                prepared = clean_or_reject(item, source, self.read_options, self._repair)
                self.summary.stages["read"] += time.perf_counter() - started
                if isinstance(prepared, Reject):
                    self._reject(source.key, prepared)  # again when resuming: a full list
                    continue
                if done_before:
                    self.summary.resumed += 1
                    continue
                batch.articles.append(Pending(source.key, ordinal, source.name, prepared))
                if len(batch.articles) >= self.options.batch_size:
                    yield batch
                    batch = Batch()
            batch.ended.append((source.key, ordinal))
        yield batch

    def sources(self) -> Iterator[Source | Reject]:
        """The inputs of this run: the files named by the options' paths (a hook for other
        kinds of input, such as fetched web pages)."""
        return expand(self.options.paths)

    def read(self, source: Source) -> Iterator[Any]:
        """The articles (and rejects) of one input, as the readers find them."""
        return read_source(source, self.read_options, self.counter, self._repair)

    def _timed(self, items: Iterator[Any]) -> Iterator[Any]:
        """The items, with the time spent producing them (and preparing them) counted."""
        stages = self.summary.stages
        started = time.perf_counter()
        for item in items:
            stages["read"] += time.perf_counter() - started
            yield item
            started = time.perf_counter()
        stages["read"] += time.perf_counter() - started

    def _reject(self, source_key: str | None, reject: Reject, numbered: bool = True) -> None:
        """List ``reject`` and keep it for the checkpoint of its input; ``numbered``: the
        record had its place among the input's articles (rejected after the reader read
        it), which a resumed run must not count as written before too."""
        with self.lock:  # the writer thread reports what the store refused
            self.rejects.add(reject)
            self.source_rejects.setdefault(source_key, []).append(
                {**reject.as_dict(), NUMBERED: True} if numbered else reject.as_dict()
            )

    def _repair(self, repair: Repair) -> None:
        """Text read after a repair, or a date dropped: said on stderr, not rejected; each
        record repaired is counted once however many repairs it needed (a record's repairs
        are handed on together, before it)."""
        record = (repair.path, repair.offset)
        if record != self._last_repaired:
            self.summary.repaired += 1
            self._last_repaired = record
        self.progress.write(f"quotetrail: repaired {repair}")

    def _write(self, batch: Batch) -> None:
        """Link in this thread, then hand the write to the writer (which checkpoints it)."""
        assert batch.future is not None
        extracted, seconds = batch.future.result()
        self.summary.stages["extract"] += seconds
        items = self._within_budget(batch, extracted)
        if self.linker.memory_full():
            self.writer.wait()  # what the linker forgets must be in the store
            self.linker.forget()
        records = self._with_retries(lambda: self._link(items))
        changes = self.linker.changes()
        memory = self._memory_if_due() if self.commits_memory else None
        due = memory is not None or not self.commits_memory
        self.writer.submit(lambda: self._store(batch, records, changes, due, memory))

    def _memory_if_due(self) -> bytes | None:
        """The linker's memory to commit with this batch, when a commit is due."""
        if time.monotonic() - self.memory_saved_at < COMMIT_COST_RATIO * self.memory_cost:
            return None
        started = time.monotonic()
        memory = self.linker.memory()
        self.memory_saved_at = time.monotonic()
        self.memory_cost = self.memory_saved_at - started
        return memory

    def _within_budget(
        self, batch: Batch, extracted: list[list[dict[str, Any]] | OverBudget]
    ) -> list[Extracted]:
        """(article, attributions worth storing) for each article of the batch extracted
        within the time budget; those over it are rejected (named, with the reason) and
        counted as done, those below the store floor counted. A record that a later,
        different record of the same article in the batch replaces ("the later record
        replaces the earlier", `_superseded_in`) is superseded: never linked nor written,
        so the article is indexed once, as new or as a replacement of its stored version,
        and no statement of the superseded words is left behind."""
        from indexer.extract.scoring import stored

        superseded = _superseded_in(batch.articles)
        copies = _copies_in(batch.articles, superseded)
        kept = []
        for k, (pending, attributions) in enumerate(zip(batch.articles, extracted, strict=True)):
            if k in superseded:
                self.summary.superseded += 1
                continue
            if k in copies:
                self.summary.unchanged += 1
                continue
            if isinstance(attributions, OverBudget):
                where = pending.article["source"].removeprefix(pending.source_name)
                where = where.lstrip("#@") or None
                self._reject(
                    pending.source_key, Reject(pending.source_name, where, attributions.reason)
                )
                continue
            above, dropped = stored(attributions)
            kept.append((pending.article, above))
            self.summary.dropped += dropped
        return kept

    def _link(self, items: list[Extracted]) -> list[ArticleRecord]:
        started = time.perf_counter()
        try:
            records = complete(self.linker, items, self.version, write=False)
        finally:
            self.summary.stages["link"] += time.perf_counter() - started
        for line in self.linker.corrections.lost:
            self.summary.corrections_lost += 1
            self.progress.write(f"quotetrail: {line}")
        self.linker.corrections.lost.clear()
        return records

    def _store(
        self,
        batch: Batch,
        records: list[ArticleRecord],
        changes: Changes,
        commit_due: bool,
        memory: bytes | None,
    ) -> None:
        """Journal, then write a batch (with retries); count the outcomes; commit the
        progress when ``commit_due``, with the linker's memory when one is given."""
        started = time.perf_counter()
        ids = [r.article["id"] for r in records]
        commit = self.checkpoint.committed + 1
        lease = self.lease
        try:
            if lease is not None:  # the fence: refused once another took over
                self._with_retries(lease.check)
            self._with_retries(lambda: self.journal.before(self.store, changes, ids, commit))
            self._fenced_write(lambda: changes.write(self.store))
            outcomes = self._fenced_write(
                lambda: self.store.put_articles(records) if records else []
            )
            if lease is not None:  # and after: never silent about a write that came late
                self._with_retries(lambda: lease.confirm(_inputs_of(batch)))
        finally:
            self.summary.stages["write"] += time.perf_counter() - started
        self.linker.let_go(i for o in outcomes for i in o.released)
        self.released.update(i for o in outcomes for i in o.released)
        self._count(batch, outcomes)
        written: dict[str | None, int] = {}
        for pending in batch.articles:
            written[pending.source_key] = pending.ordinal
        ended = dict(batch.ended)
        for key in dict.fromkeys([*written, *ended]):
            done = key in ended
            with self.lock:
                rejects = self.source_rejects.pop(key, []) if done else []
            before = self.uncommitted.get(key, (0, False, []))
            position = max(before[0], written.get(key, 0), ended.get(key, 0))
            self.uncommitted[key] = (position, before[1] or done, before[2] + rejects)
        if commit_due:
            self._commit(commit, memory)
        self.progress.update(self.counter.total, self._written())

    def _commit(self, commit: int, memory: bytes | None) -> None:
        """Save the linker's memory (when given), then the checkpoint line that makes it
        count; the journal's batches are then final."""
        if memory is not None:
            path = self._memory_path(commit)
            os.makedirs(self.options.state_dir, exist_ok=True)
            with open(path + ".tmp", "wb") as f:
                f.write(memory)
            os.replace(path + ".tmp", path)
        progress = [(key, *state) for key, state in self.uncommitted.items()]
        if self.checkpoint.commit(progress):
            self.uncommitted.clear()
            self.journal.clear()
            self._remove_memory(keep=commit)

    def _written(self) -> int:
        s = self.summary
        return s.indexed + s.replaced + s.unchanged

    def _count(self, batch: Batch, outcomes: list[PutOutcome]) -> None:
        unchanged = {o.id for o in outcomes if o.status == "unchanged"}
        in_batch: dict[str, dict[str, Any]] = {}  # id -> content of its latest record
        for pending in batch.articles:
            ident, content = pending.article["id"], _content(pending.article)
            earlier = in_batch.get(ident)
            # kept: the same content as what is stored (an earlier batch) or as the earlier
            # record of this batch (an AMP copy: `_superseded_in` supersedes nothing then)
            kept = earlier == content if earlier is not None else ident in unchanged
            self._one_source(pending, kept=kept)
            in_batch[ident] = content
        by_id = {p.article["id"]: p for p in batch.articles}
        for outcome in outcomes:
            if outcome.status == "rejected":
                pending = by_id.get(outcome.id)
                name = pending.source_name if pending else outcome.id
                where = (
                    pending.article["source"].removeprefix(name).lstrip("#@") if pending else None
                )
                self._reject(
                    pending.source_key if pending else None,
                    Reject(name, where or None, f"refused by the store: {outcome.error}"),
                )
                continue
            setattr(self.summary, outcome.status, getattr(self.summary, outcome.status) + 1)
            if outcome.removed or outcome.changed:
                self._changed(outcome, by_id.get(outcome.id))
            if outcome.status != "unchanged":
                self.summary.attributions += outcome.attributions
            article = by_id[outcome.id].article if outcome.id in by_id else {}
            for what, key in (("title", "title"), ("date", "published"), ("outlet", "outlet")):
                if not article.get(key):
                    self.summary.missing[what] += 1

    def _changed(self, outcome: PutOutcome, pending: Pending | None) -> None:
        """Say that a re-indexed article lost or changed stored attributions: ``FILE [line 1]
        (URL): changed since it was indexed: 1 stored attribution removed, 1 changed, 2 now``
        (an edited quote at the same place is changed, one taken out removed)."""
        self.summary.removed += outcome.removed
        self.summary.changed += outcome.changed
        named = _place(pending) if pending else None
        url = pending.article.get("url") if pending else None
        counts = [
            (n, verb)
            for n, verb in ((outcome.removed, "removed"), (outcome.changed, "changed"))
            if n
        ]
        noun = "attribution" if counts[0][0] == 1 else "attributions"
        said = [
            f"{n} stored {noun} {verb}" if i == 0 else f"{n} {verb}"
            for i, (n, verb) in enumerate(counts)
        ]
        self.progress.write(
            f"quotetrail: {named or outcome.id}"
            + (f" ({url})" if url else "")
            + f": changed since it was indexed: {', '.join(said)}, {outcome.attributions} now"
        )

    def _one_source(self, pending: Pending, kept: bool) -> None:
        """Warn when an article read earlier in this run comes again (one URL twice in a
        file, or in two files), naming both places and what happened: the later record
        replaces the earlier (in one batch, or changed), or, ``kept``, the earlier record
        stored in an earlier batch stays, the later one being the same article (the same
        ``input_hash``: where it was read does not count). Only the latest
        :data:`REMEMBERED_PLACES` articles are remembered (bounded memory)."""
        article = pending.article
        source = _place(pending)
        earlier = self._sources.pop(article["id"], source)
        self._sources[article["id"]] = source
        if len(self._sources) > REMEMBERED_PLACES:
            del self._sources[next(iter(self._sources))]
        if earlier != source:
            url = article.get("url")
            self.progress.write(
                f"quotetrail: {source}: the same article as {earlier}"
                + (f" (URL {url})" if url else " (the same text)")
                + (
                    ": the same content, so the earlier record is kept"
                    if kept
                    else ": the later record replaces the earlier"
                )
            )

    def _with_retries(self, action: Callable[[], T]) -> T:
        return with_retries(action, self.options.retry_seconds, self.progress.write)

    def _fenced_write(self, write: Callable[[], T]) -> T:
        """``write()`` with retries; on Elasticsearch each attempt is fenced again when the
        lease was last renewed half its time ago or more (a retry through an outage:
        :meth:`~store.writer_lease.WriterLease.recheck`)."""
        lease = self.lease

        def attempt() -> T:
            if lease is not None:
                lease.recheck()
            return write()

        return self._with_retries(attempt)


def _inputs_of(batch: Batch) -> str:
    """The inputs a batch was read from, for a message: "inputs a.jsonl, b/c.txt"."""
    names = list(dict.fromkeys(p.source_name for p in batch.articles))
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"inputs {shown}" if names else "no article"


def with_retries(action: Callable[[], T], seconds: float, say: Callable[[str], None]) -> T:
    """``action()``, retrying store faults (:class:`StoreError`) with exponential backoff
    for up to ``seconds``, each retry said with ``say``; then raises :class:`StoreDown`."""
    delay, waited = 0.5, 0.0
    while True:
        try:
            return action()
        except StoreError as error:
            if waited >= seconds:
                raise StoreDown(str(error)) from None
            pause = min(delay, seconds - waited, 10.0)
            say(f"quotetrail: store unavailable ({_first_line(error)}); retrying in {pause:.1f} s")
            time.sleep(pause)
            waited += pause
            delay *= 2


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def install_signal_handlers() -> None:
    """SIGINT (Ctrl-C) and SIGTERM stop the run: the checkpoint is kept for a resume.

    SIGINT is handled even when the run was started ignoring it (``quotetrail index ... &``
    in a script starts it so): ``kill -INT`` stops a background run too."""

    def stop(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
