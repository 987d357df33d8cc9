"""The right to link and write into one Elasticsearch store: one indexer at a time.

Linking depends on what was linked before (which statement a near-duplicate quote joins,
which person a surname names), so two indexers linking into one store at once would each
create the statements and speakers the other is creating. Every ``quotetrail index`` run
on Elasticsearch (plain, ``watch``, or the linking of a ``--shard`` run) therefore holds
the store's writer lease while it runs: one document, ``writer`` in ``{prefix}-lease``,
kept with Elasticsearch's own concurrency control, never a lock of ours:

- taking it is ``op_type=create`` (one creator wins, the others get 409 and wait);
- its holder renews it every ``ttl / 3`` seconds, conditionally (``if_seq_no`` and
  ``if_primary_term`` of its last write), so a renewal never overwrites a newer holder;
- a holder that stopped without giving the lease back (its process is gone from this
  machine, the document has not changed for ``ttl`` seconds by the waiter's own clock, or
  the wall-clock time of its last renewal, ``renewed_at`` in the document, is more than
  ``ttl + CLOCK_SKEW`` seconds old: machines' clocks are trusted to agree within
  ``CLOCK_SKEW``, so a writer that died long ago counts as stopped at once) left unfinished
  batches that only a rerun of
  the same command in the same state folder can put back (``indexer.journal``); that rerun
  takes the lease back, conditionally again, and every other indexer waits for it;
- a holder whose renewal is refused (409: taken back by its own rerun) stops before its
  next write with :class:`~quotetrail.errors.StoreBusy`.

The linker's decisions depend on what it has seen, not only on the store, so the holder
also leaves its linker's memory in the lease index when it finishes (``memory`` documents:
a pickle of plain data, checked to hold no class or function before it is read) and the
next holder starts from it, as a resumed run starts from its last commit.
Indexers given different inputs (each machine its own part of a corpus) thus link one
after the other, each seeing everything the earlier ones stored: the store ends as one
run over all the inputs in the order the runs took the lease.

Writes are fenced: before each batch (and before handing its memory on) the holder renews
the lease synchronously, conditionally on the version of its own last write
(:meth:`WriterLease.check`). A holder that was paused (SIGSTOP, swap, a lost network)
while its own rerun took the lease back finds its version gone: Elasticsearch refuses the
renewal with 409 and the holder stops with :class:`StoreBusy` before writing anything. A
write retried through an outage is fenced again (:meth:`WriterLease.recheck`). The fence
is not inside Elasticsearch's bulk write (a write is conditional only on the version of
the document it writes, not on the lease's), so a holder paused between its fence and its
bulk request can still write that batch after its rerun took over; it is never silent
about it: :meth:`WriterLease.confirm` after the batch renews again when the writes ended
``ttl / 2`` seconds or more after the last renewal that held, and stops the run saying
that the batch may have landed late.

Every other write that links or changes linked records goes through the same seam,
:func:`exclusive_write`: a web post of an article, a speaker merge, split, rename, retype
or undo (web and ``quotetrail speakers``), a verdict, a deletion, ``people import``,
``quotetrail reset`` and ``quotetrail reindex``. It
takes the same lease (SQLite: the same ``flock`` an indexer takes, see :class:`FileClaim`),
waits at most ``wait`` seconds for it, and otherwise raises :class:`StoreBusy` ("the store
is busy ... try again"): the web answers 503 with Retry-After, the command line prints the
message and exits 2. Such a write also removes the linker memory the last indexer left
(it may name a speaker just merged away), so the next indexer links from the store alone.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import os
import pickletools
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, TransportError

from quotetrail.errors import StoreBusy
from store.base import Store, StoreError
from store.elastic import LEASE, LEASE_ID, ElasticStore

DEFAULT_TTL = 30.0  # seconds without a renewal after which a waiter takes the lease over
POLL_SECONDS = 0.5  # how often a waiting indexer looks at the lease
EDIT_WAIT = 10.0  # seconds an edit or a posted article waits for the store before "busy"
CLOCK_SKEW = 30.0  # seconds two machines' clocks may differ by (see renewed_at)
INDEXER = "index"  # the kind of a holder that journals its batches (its rerun takes over)
EDIT = "edit"  # the kind of a short write: once stopped, any writer may take over
MEMORY_CHUNK = 4 * 1024 * 1024  # bytes of linker memory per document
# Pickle opcodes that fetch or call a class or function: a memory holding one is refused
_CODE_OPCODES = {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "REDUCE", "BUILD", "EXT1", "EXT2",
                 "EXT4", "NEWOBJ", "NEWOBJ_EX"}


def machine() -> str:
    """This machine (host name, boot id, process namespace): two processes with the same
    value see each other's process ids."""
    parts = [socket.gethostname()]
    with contextlib.suppress(OSError), open("/proc/sys/kernel/random/boot_id") as f:
        parts.append(f.read().strip())
    with contextlib.suppress(OSError):
        parts.append(os.readlink("/proc/self/ns/pid"))
    return " ".join(parts)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class WriterLease:
    """``WriterLease(store, run, resume).acquire(say)`` ... ``release()``: hold ``store``'s
    writer lease for the run described by ``run`` (shown to the indexers that wait for
    it); ``resume`` names what a rerun of the same command shares (run key, state folder).

    ``acquire`` waits as long as another indexer holds the lease, saying so with ``say``
    (again when what it waits for changes); it raises :class:`StoreError` when
    Elasticsearch refuses or cannot be reached (the caller retries). :meth:`check` raises
    :class:`StoreBusy` once the lease was taken back by a rerun. ``ttl``: seconds without a
    renewal after which a holder counts as stopped.
    """

    def __init__(
        self,
        store: ElasticStore,
        run: str,
        resume: str,
        ttl: float = DEFAULT_TTL,
        kind: str = INDEXER,
    ) -> None:
        self.store = store
        self.index = store.alias(LEASE)
        self.ttl = ttl
        self.token = uuid.uuid4().hex
        self.holder = {
            "token": self.token,
            "machine": machine(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "run": run,
            "resume": hashlib.sha1(f"{machine()} {resume}".encode()).hexdigest(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
            "renewals": 0,
            "kind": kind,
        }
        self.waited = False  # whether another indexer held the lease when this one came
        self._version: tuple[int, int] | None = None  # (seq_no, primary_term) of our write
        self._lost: str | None = None
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self._writing = threading.Lock()  # one conditional write of the lease at a time
        # monotonic time before sending the last lease write that held: no other writer
        # can take the lease over before ttl seconds after it (see :meth:`confirm`)
        self._held_at = 0.0

    # --- taking and giving back --------------------------------------------------------
    def acquire(self, say: Callable[[str], None], wait: float | None = None) -> None:
        """Take the lease, waiting while another writer holds it (see the module); with
        ``wait`` (seconds), raise :class:`StoreBusy` naming the holder once that long has
        passed without it."""
        with self.store._errors():
            self._ensure_index()
            seen: tuple[int, int] | None = None
            seen_at = came = time.monotonic()
            told = ""
            while True:
                sent = time.monotonic()
                if self._create():
                    self._held_at = sent
                    break
                current = self._read()
                if current is None:
                    continue  # given back meanwhile: try again at once
                version, holder = current
                if holder.get("token") == self.token:  # our create, retried by the client
                    self._version, self._held_at = version, sent
                    break
                if version != seen:
                    seen, seen_at = version, time.monotonic()
                silent = time.monotonic() - seen_at
                gone = holder.get("machine") == self.holder["machine"] and not _alive(
                    int(holder.get("pid", 0))
                )
                renewed = holder.get("renewed_at")
                stale = (
                    isinstance(renewed, int | float)
                    and time.time() - renewed >= self.ttl + CLOCK_SKEW
                )
                stopped = gone or silent >= self.ttl or stale
                ours = holder.get("resume") == self.holder["resume"]
                if stopped and (ours or holder.get("kind") == EDIT):
                    if self._write_over(version):
                        self._held_at = sent
                        say(f"quotetrail: taking the store back from {_who(holder)}, stopped")
                        break
                    continue
                self.waited = True
                if wait is not None and time.monotonic() - came >= wait:
                    raise StoreBusy(self._busy(holder, stopped))
                message = (
                    f"quotetrail: the store's last indexer, {_who(holder)}, stopped before "
                    "finishing; waiting for that command to be run again on its machine "
                    "(it puts back its unfinished batches and finishes). To give those "
                    f"batches up instead, delete the document {self.index}/_doc/{LEASE_ID}"
                    if stopped
                    else f"quotetrail: the store is busy: {_who(holder)} is indexing into it; "
                    "waiting for it to finish (indexers on one Elasticsearch store link "
                    "one after the other)"
                )
                if message != told:
                    say(message)
                    told = message
                time.sleep(POLL_SECONDS)
        self._renewer = threading.Thread(
            target=self._renew, name="quotetrail-lease", daemon=True
        )
        self._renewer.start()

    def _busy(self, holder: dict[str, Any], stopped: bool) -> str:
        """What a writer that waited its time for ``holder`` is told."""
        busy = f"the store {self.store.url} is busy: {_who(holder)}"
        document = f"{self.index}/_doc/{LEASE_ID}"
        if holder.get("kind") == EDIT:  # a web worker may have died in the middle of it
            return (
                f"{busy} {'stopped while writing' if stopped else 'is writing'} to it; try "
                f"again in a minute (an edit whose process ended is taken over once silent "
                f"for {self.ttl + CLOCK_SKEW:g} s), or, if that process is gone, free the "
                f"store now by deleting the document {document}"
            )
        if not stopped:
            return f"{busy} is writing to it; try again when it has finished"
        return (
            f"{busy} stopped before finishing; run that command again on its machine (it "
            "puts back its unfinished batches), or give those batches up by deleting the "
            f"document {document}"
        )

    def check(self) -> None:
        """The fence before a write: renew the lease now, conditionally on the version of
        this holder's last write. Raises :class:`StoreBusy` when it was taken over (this
        holder was silent for ``ttl`` seconds and its rerun took it back): writing on would
        mix two runs' linking. Raises :class:`StoreError` when Elasticsearch cannot be
        reached (the caller retries)."""
        if self._lost:
            raise StoreBusy(self._lost)
        with self.store._errors():
            self._renew_once()
        if self._lost:
            raise StoreBusy(self._lost)

    def recheck(self) -> None:
        """The fence before a write that follows :meth:`check` after a delay (a write
        retried through an outage): :meth:`check` again when the last lease write that held
        was sent ``ttl / 2`` seconds ago or more, else nothing (no other writer can have
        taken over yet). Raises as :meth:`check`."""
        if time.monotonic() - self._held_at >= self.ttl / 2:
            self.check()

    def confirm(self, what: str) -> None:
        """The fence after the writes of ``what`` (a batch: "inputs a.jsonl, b/"), which
        followed :meth:`check`. Writes that ended less than ``ttl / 2`` seconds after the
        last lease write that held was sent landed before any other writer could take
        over (a waiter needs ``ttl`` seconds of silence after seeing that write, by its own
        clock). Otherwise this renews now: held, no one took over before they landed;
        refused, they may have landed after another writer took over (this process was
        paused between its fence and its request), so this raises :class:`StoreBusy`
        saying so, naming ``what``; :class:`StoreError` when Elasticsearch fails."""
        if time.monotonic() - self._held_at < self.ttl / 2:
            return
        try:
            self.check()
        except StoreBusy:
            raise StoreBusy(
                f"the store {self.store.url} was taken over by another writer while this one "
                f"was silent for over {self.ttl:g} s, and this run's last writes ({what}) may "
                "have landed after that: the store may differ from one run in those records "
                "(index into an empty store to be sure); this run stops without writing more"
            ) from None

    def release(self) -> None:
        """Stop renewing and give the lease back (when Elasticsearch cannot be reached, it
        is taken over ``ttl`` seconds later)."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        with self._writing:
            if self._version is None or self._lost:
                return
            seq_no, term = self._version
            with contextlib.suppress(ApiError, TransportError):
                self.store.es.delete(
                    index=self.index, id=LEASE_ID, if_seq_no=seq_no, if_primary_term=term
                )
            self._version = None

    # --- the linker's memory ------------------------------------------------------------
    def memory(self) -> bytes | None:
        """The linker memory the last finished holder left (None when there is none, or
        when it is torn or holds anything but plain data: the run then links from the store
        alone). Raises :class:`StoreError` when Elasticsearch fails."""
        with self.store._errors():
            try:
                head = self.store.es.get(index=self.index, id="memory")["_source"]
            except ApiError as error:
                if error.meta.status == 404:
                    return None
                raise
            ids = [f"memory-{n}" for n in range(int(head["chunks"]))]
            docs = self.store.es.mget(index=self.index, ids=ids)["docs"] if ids else []
        if not all(doc.get("found") for doc in docs):
            return None
        memory = b"".join(base64.b64decode(doc["_source"]["data"]) for doc in docs)
        if hashlib.sha256(memory).hexdigest() != head["sha256"] or not _plain_data(memory):
            return None
        return memory

    def save_memory(self, memory: bytes) -> None:
        """Leave the linker's ``memory`` for the next holder (chunks first, then the head
        naming their checksum, so a torn save is never read). Raises :class:`StoreError`."""
        self.check()
        chunks = [memory[i : i + MEMORY_CHUNK] for i in range(0, len(memory), MEMORY_CHUNK)]
        with self.store._errors():
            for number, chunk in enumerate(chunks):
                self.store.es.index(
                    index=self.index,
                    id=f"memory-{number}",
                    document={"data": base64.b64encode(chunk).decode("ascii")},
                )
            head = {"chunks": len(chunks), "sha256": hashlib.sha256(memory).hexdigest()}
            self.store.es.index(index=self.index, id="memory", document=head)

    def forget_memory(self) -> None:
        """Remove the linker memory the last indexer left (after a write that may make it
        wrong: the next indexer then links from the store alone). Raises
        :class:`StoreBusy` when the lease was lost, :class:`StoreError` when
        Elasticsearch fails."""
        self.check()
        with self.store._errors():
            try:
                self.store.es.delete(index=self.index, id="memory")
            except ApiError as error:
                if error.meta.status != 404:
                    raise

    # --- Elasticsearch -----------------------------------------------------------------
    def _ensure_index(self) -> None:
        if self.store.es.indices.exists(index=self.index):
            return
        try:
            self.store.es.indices.create(
                index=self.index,
                settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
                mappings={"dynamic": False, "properties": {}},
            )
        except ApiError as error:  # another indexer created it first
            if "already_exists" not in str(error):
                raise

    def _create(self) -> bool:
        self.holder["renewed_at"] = time.time()
        try:
            answer = self.store.es.index(
                index=self.index, id=LEASE_ID, document=self.holder, op_type="create"
            )
        except ApiError as error:
            if error.meta.status == 409:
                return False
            raise
        self._version = (answer["_seq_no"], answer["_primary_term"])
        return True

    def _read(self) -> tuple[tuple[int, int], dict[str, Any]] | None:
        try:
            doc = self.store.es.get(index=self.index, id=LEASE_ID)
        except ApiError as error:
            if error.meta.status == 404:
                return None
            raise
        return (doc["_seq_no"], doc["_primary_term"]), doc["_source"]

    def _write_over(self, version: tuple[int, int]) -> bool:
        """Write our holder document over ``version``; False when it changed meanwhile."""
        self.holder["renewed_at"] = time.time()
        try:
            answer = self.store.es.index(
                index=self.index,
                id=LEASE_ID,
                document=self.holder,
                if_seq_no=version[0],
                if_primary_term=version[1],
            )
        except ApiError as error:
            if error.meta.status in (404, 409):
                return False
            raise
        self._version = (answer["_seq_no"], answer["_primary_term"])
        return True

    def _still_ours(self) -> bool:
        """Whether the lease document still holds this holder's token after a refused
        renewal: the client retries a write whose answer an outage lost, and the retry is
        refused by the very write it repeats. Adopts that document's version when it is
        ours; False when another writer holds it (or it is gone)."""
        current = self._read()
        if current is None or current[1].get("token") != self.token:
            return False
        self._version = current[0]
        return True

    def _renew(self) -> None:
        """Renew every ``ttl / 3`` s until released; a refused renewal loses the lease."""
        while not self._stop.wait(self.ttl / 3):
            try:
                self._renew_once()
            except (ApiError, TransportError, StoreError):
                continue  # Elasticsearch unreachable: the run's own writes fail and retry
            if self._lost:
                return

    def _renew_once(self) -> None:
        """Write the holder document over our last version; a refusal loses the lease."""
        with self._writing:
            if self._lost:
                return
            assert self._version is not None
            self.holder["renewals"] = int(self.holder["renewals"]) + 1
            sent = time.monotonic()
            if self._write_over(self._version) or self._still_ours():
                self._held_at = sent
            else:
                self._lost = (
                    f"the store {self.store.url} was taken over by another writer while this "
                    f"one was silent for over {self.ttl:g} s; this run stops without writing "
                    "more: run this command again when the other has finished (progress is "
                    "saved)"
                )


def _plain_data(memory: bytes) -> bool:
    """Whether the pickle ``memory`` builds only plain data (no class, no call)."""
    try:
        return not any(op.name in _CODE_OPCODES for op, _, _ in pickletools.genops(memory))
    except ValueError:
        return False


def _who(holder: dict[str, Any]) -> str:
    if holder.get("kind") == EDIT:
        return (
            f"another writer ({holder.get('run')}, pid {holder.get('pid')} on "
            f"{holder.get('host')}, since {holder.get('since')})"
        )
    return (
        f"another quotetrail index (pid {holder.get('pid')} on {holder.get('host')}, "
        f"since {holder.get('since')}, {holder.get('run')})"
    )


class FileClaim:
    """``FileClaim(database, who).take(wait)`` ... ``release()``: the right to write into
    the SQLite database file ``database``, the counterpart of :class:`WriterLease`.

    An ``flock`` on ``<database>.indexing.lock``, held through the open file (the kernel
    releases it when the process ends, however it ends); the holder writes ``who`` into
    the file ("another quotetrail index", "a speaker merge (command line)") so that a
    writer it turns away can say who holds the store.
    """

    def __init__(self, database: str, who: str) -> None:
        self.path = f"{database}.indexing.lock"
        self.database = database
        self.who = who
        self._file: Any = None

    def take(self, wait: float = 0.0, busy: str = "try again when it has finished") -> None:
        """Take the claim, waiting up to ``wait`` seconds for the holder to finish; raises
        :class:`StoreBusy` naming the database, the holder and ``busy`` (what to do) after
        that; ``OSError`` when the lock file cannot be opened."""
        lock_file = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    lock_file.seek(0)
                    holder = lock_file.read().strip() or "another quotetrail index"
                    lock_file.close()
                    raise StoreBusy(
                        f"the store {self.database} is busy: {holder} is writing to it; {busy}"
                    ) from None
                time.sleep(min(POLL_SECONDS / 5, max(deadline - time.monotonic(), 0.01)))
        lock_file.seek(0)
        lock_file.truncate()
        lock_file.write(self.who)
        lock_file.flush()
        self._file = lock_file

    def release(self) -> None:
        """Give the claim back (the next writer may write)."""
        if self._file is not None:
            self._file.close()
            self._file = None


@contextlib.contextmanager
def exclusive_write(
    store: Store, what: str, wait: float | None = None, *, relinks: bool = True
) -> Iterator[None]:
    """``with exclusive_write(store, "a speaker merge (web)"):`` write while no indexer and
    no other edit writes to ``store`` (see the module): the writer lease on Elasticsearch,
    the database's ``flock`` on SQLite, nothing for an in-memory database.

    ``what`` names this write to the writers it makes wait. Waits at most ``wait`` seconds
    (default ``EDIT_WAIT``), then raises :class:`StoreBusy` ("the store ... is busy:
    <holder> is writing to it; try again when it has finished"); raises
    :class:`StoreError` when Elasticsearch fails. On Elasticsearch the last indexer's
    linker memory is removed before the write, unless ``relinks`` is False (a write that
    leaves every linked record as it was, such as ``quotetrail reindex``'s copy).
    """
    wait = EDIT_WAIT if wait is None else wait
    if isinstance(store, ElasticStore):
        lease = WriterLease(store, what, uuid.uuid4().hex, kind=EDIT)
        lease.acquire(lambda _message: None, wait=wait)
        try:
            if relinks:
                lease.forget_memory()
            yield
        finally:
            lease.release()
        return
    database = getattr(store, "path", None)
    if store.engine != "sqlite" or not database or database == ":memory:":
        yield
        return
    claim = FileClaim(database, what)
    claim.take(wait)
    try:
        yield
    finally:
        claim.release()
