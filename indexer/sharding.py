"""Sharded ``index`` runs: N indexers on one Elasticsearch store end with one run's store.

``quotetrail index PATHS --shard K/N``, started on N machines (or N times on one) with the
same PATHS, splits the work of ``quotetrail index PATHS``:

1. every shard lists the inputs of PATHS in the order one run reads them and takes those
   whose name hashes to it (:meth:`Shard.owns`: SHA-1 of the input's stored name, modulo
   N, so every machine agrees without talking); it reads, cleans and extracts them (the
   costly part, done in parallel across the shards) and stages the results in the store
   (:class:`store.staging.ShardBoard`), numbered by input and article position;
2. the last shard to finish links every staged article in one run's order, through the
   ordinary resumable run (:class:`StagedLinking`, an :class:`~indexer.indexing.Indexer`
   fed from the staging area instead of the extractor), and removes the staging area.

Linking depends on what was linked before (which statement a near-duplicate quote joins,
which person a surname names), so linking once in one run's order is what makes the store
equal, record for record, to that of one run: ids, speakers, outlets, statements and the
first-seen copy of each story. Which shard links is settled by Elasticsearch's
``op_type=create`` (:meth:`ShardBoard.claim_linking`), not by a lock of ours. A shard
killed at any moment is rerun with the same command: it stages only what is missing, and
the linking shard resumes its linking from its state folder.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar

from indexer.checkpoint import run_key
from indexer.extract.workers import ExtractionPool
from indexer.indexing import (
    Batch,
    Indexer,
    IndexOptions,
    Pending,
    RejectLog,
    Summary,
    with_retries,
)
from indexer.prepare import clean_or_reject
from indexer.progress import Progress
from indexer.read import ByteCounter, ReadOptions, Reject, Repair, Source, expand, read_source
from store.base import Store
from store.staging import ShardBoard

T = TypeVar("T")
LINK_JOURNAL_FILE = ".quotetrail-link-journal.jsonl"


@dataclass(frozen=True)
class Shard:
    """Shard ``number`` of ``count`` (1 <= number <= count)."""

    number: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"K/N"`` -> Shard(K, N). Raises ValueError with a message naming the value."""
        number, slash, count = text.partition("/")
        if slash and number.strip().isdigit() and count.strip().isdigit():
            shard = cls(int(number), int(count))
            if 1 <= shard.number <= shard.count:
                return shard
        raise ValueError(f"--shard {text!r}: expected K/N with 1 <= K <= N, such as 2/4")

    def owns(self, name: str) -> bool:
        """Whether the input (or reject) called ``name`` is this shard's: SHA-1 of the name
        modulo the shard count, the same on every machine and in every Python."""
        digest = int.from_bytes(hashlib.sha1(name.encode("utf-8")).digest()[:8], "big")
        return digest % self.count == self.number - 1

    def __str__(self) -> str:
        return f"{self.number}/{self.count}"


def sharded_run_id(options: IndexOptions, inputs: list[Source | Reject], count: int) -> str:
    """The id every shard of one run computes alike (16 hex digits): from the names of the
    inputs as stored (relative to the folders named, so mount points may differ between
    machines), the shard count and the options that change what is read."""
    names = [s.stored_name if isinstance(s, Source) else s.path for s in inputs]
    identity = [names, count, sorted(options.field_map.items()), options.max_article_bytes]
    return hashlib.sha1(json.dumps(identity).encode("utf-8")).hexdigest()[:16]


class ShardedRun:
    """``ShardedRun(store, options, shard).run() -> Summary``: stage this shard's inputs,
    then link the whole run when this shard is the last to finish (see the module).

    Raises ValueError when the store is not Elasticsearch or the paths include standard
    input; store faults are retried like a plain run's and end in ``StoreDown``.
    """

    def __init__(
        self, store: Store, options: IndexOptions, shard: Shard, err: TextIO | None = None
    ) -> None:
        from store.elastic import ElasticStore

        if not isinstance(store, ElasticStore):
            raise ValueError(
                "--shard needs an Elasticsearch store (set ES_URL): several indexers on one "
                "SQLite database are not supported, it is busy while one writes"
            )
        if "-" in options.paths:
            raise ValueError("--shard reads files and folders: standard input (-) cannot be split")
        self.store = store
        self.options = options
        self.shard = shard
        self.err = err or sys.stderr
        self.read_options = ReadOptions(options.max_article_bytes, options.field_map)
        self.summary = Summary(sharded=True)
        self.counter = ByteCounter()

    def run(self) -> Summary:
        started = time.monotonic()
        retry = self._with_retries
        inputs = list(expand(self.options.paths))
        self.run_id = sharded_run_id(self.options, inputs, self.shard.count)
        total = sum(
            s.size or 0
            for s in inputs
            if isinstance(s, Source) and self.shard.owns(s.stored_name)
        )
        self.progress = Progress(total, self.err)
        self.rejects = RejectLog(self.options.rejects_path, self.progress.write)
        board = retry(lambda: ShardBoard(self.store, self.run_id))  # type: ignore[arg-type]
        try:
            self._stage(board, inputs)
        finally:
            self.progress.close()
        finished = retry(lambda: board.finish(self.shard.number))
        linker = None
        if finished is not None and finished >= self.shard.count:
            linker = retry(lambda: board.claim_linking(self.shard.number))
        if finished is None or (finished >= self.shard.count and linker is None):
            self._say("the run is linked already (its staging area is removed)")
        elif linker is None:
            self._say(
                f"staged; {self.shard.count - finished} more shard(s) of run {self.run_id} "
                "to finish, the last links"
            )
        elif linker != self.shard.number:
            self._say(f"shard {linker}/{self.shard.count} links the run")
        else:
            self._say("the last to finish: linking every shard's articles in input order")
            linking = StagedLinking(self.store, self.options, board, self.rejects, self.err)
            linked = linking.run()
            retry(board.remove)
            for name in ("indexed", "replaced", "unchanged", "attributions", "removed", "dropped"):
                setattr(self.summary, name, getattr(linked, name))
            self.summary.missing = linked.missing
            for stage in ("link", "write"):
                self.summary.stages[stage] = linked.stages[stage]
        self.rejects.close()
        self.summary.rejected = self.rejects.count
        self.summary.elapsed = time.monotonic() - started
        return self.summary

    def _with_retries(self, action: Callable[[], T]) -> T:
        return with_retries(action, self.options.retry_seconds, self.progress.write)

    def _say(self, text: str) -> None:
        print(f"quotetrail: shard {self.shard}: {text}", file=self.err)

    def _stage(self, board: ShardBoard, inputs: list[Source | Reject]) -> None:
        """Read, clean and extract this shard's inputs; stage what is not staged yet."""
        done = self._with_retries(lambda: board.staged_positions(self.shard.number))
        window: deque[tuple[list[dict[str, Any]], Future]] = deque()
        workers = self.options.workers
        with ExtractionPool(workers) as pool:
            for batch in self._batches(inputs, done):
                articles = [(s["article"].get("title"), s["article"]["body"]) for s in batch]
                window.append((batch, pool.submit(articles)))
                while len(window) > workers:
                    self._put(board, *window.popleft())
            while window:
                self._put(board, *window.popleft())

    def _put(self, board: ShardBoard, batch: list[dict[str, Any]], future: Future) -> None:
        found, seconds = future.result()
        self.summary.stages["extract"] += seconds
        for staged, attributions in zip(batch, found, strict=True):
            staged["attributions"] = attributions
        self._with_retries(lambda: board.stage(self.shard.number, batch))
        self.progress.update(self.counter.total, self.summary.read)

    def _batches(
        self, inputs: list[Source | Reject], done: set[tuple[int, int]]
    ) -> Iterator[list[dict[str, Any]]]:
        batch: list[dict[str, Any]] = []
        for position, source in enumerate(inputs):
            if isinstance(source, Reject):
                if self.shard.owns(source.path):  # one record, rejected
                    self.summary.inputs += 1
                    self.summary.read += 1
                    self.rejects.add(source)
                continue
            if not self.shard.owns(source.stored_name):
                continue
            self.summary.inputs += 1
            ordinal = 0
            for item in read_source(source, self.read_options, self.counter, self._repair):
                self.summary.read += 1  # every record, read or rejected by the reader
                if isinstance(item, Reject):
                    self.rejects.add(item)
                    continue
                ordinal += 1
                prepared = clean_or_reject(item, source, self.read_options)
                if isinstance(prepared, Reject):
                    self.rejects.add(prepared)
                    continue
                if (position, ordinal) in done:
                    self.summary.resumed += 1
                    continue
                batch.append(
                    {
                        "source_index": position,
                        "ordinal": ordinal,
                        "source_name": source.name,
                        "article": prepared,
                    }
                )
                if len(batch) >= self.options.batch_size:
                    yield batch
                    batch = []
        if batch:
            yield batch

    def _repair(self, repair: Repair) -> None:
        self.summary.repaired += 1
        self.progress.write(f"quotetrail: repaired {repair}")


class StagedExtractions:
    """Stands for the extraction pool when linking a sharded run: the attributions were
    extracted by the shards; ``submit`` hands back the next ones, in the order queued."""

    def __init__(self) -> None:
        self.queued: deque[list[dict[str, Any]]] = deque()

    def submit(self, articles: list[tuple[Any, str]]) -> Future:
        future: Future = Future()
        future.set_result(([self.queued.popleft() for _ in articles], 0.0))
        return future

    def close(self, *, abort: bool = False) -> None:
        """Nothing runs in the background."""


class StagedLinking(Indexer):
    """The linking of a sharded run: one :class:`Indexer` run whose articles, already read,
    cleaned and extracted, come from the staging area in one run's order, in batches of
    the same size; checkpointed and journalled like any run (its own checkpoint key and
    journal file), so that a killed linking resumes where it was."""

    journal_file = LINK_JOURNAL_FILE

    def __init__(
        self,
        store: Store,
        options: IndexOptions,
        board: ShardBoard,
        rejects: RejectLog,
        err: TextIO | None = None,
    ) -> None:
        self.board = board
        self.key = f"staged:{board.run}"
        super().__init__(store, options, err)
        self.shared_rejects = rejects
        self.staged_extractions = StagedExtractions()

    def _run_key(self) -> str:
        options = self.options
        return run_key([self.key], {"map": options.field_map}, options.store_location)

    def _reject_log(self) -> RejectLog:
        self.shared_rejects.say = self.progress.write
        return self.shared_rejects

    def _extraction(self) -> StagedExtractions:  # type: ignore[override]
        return self.staged_extractions

    def _batches(self) -> Iterator[Batch]:
        """The staged articles in batches, skipping those a checkpointed attempt linked."""
        state = self.checkpoint.get(self.key)
        skip = state.articles if state is not None else 0
        batch = Batch()
        ordinal = 0
        for staged in self.board.staged():
            ordinal += 1
            self.summary.read += 1
            if ordinal <= skip:
                self.summary.resumed += 1
                continue
            self.staged_extractions.queued.append(staged["attributions"])
            batch.articles.append(
                Pending(self.key, ordinal, staged["source_name"], staged["article"])
            )
            if len(batch.articles) >= self.options.batch_size:
                yield batch
                batch = Batch()
        batch.ended.append((self.key, ordinal))
        yield batch
