"""Faults against the real Elasticsearch node: a killed indexer, a store that goes away.

Each story compares the store after the fault (and a plain re-run of the same command) with
the store an uninterrupted run produced: the same articles, attributions and counts.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from indexing import snapshot, write_many

from store.elastic import ElasticStore

pytestmark = pytest.mark.elasticsearch
REPO = Path(__file__).resolve().parent.parent
CHECKPOINT = ".quotetrail-checkpoint.jsonl"


class Proxy:
    """A TCP proxy on 127.0.0.1 that can be stopped and started while the node keeps running."""

    def __init__(self, target: str) -> None:
        parts = urlsplit(target)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 9200)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.listener: socket.socket | None = None
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """Refuse new connections and cut the open ones, as a dead node would."""
        if self.listener is not None:
            with contextlib.suppress(OSError):  # wakes the thread blocked in accept()
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.lock:
            for conn in self.connections:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
                conn.close()
            self.connections.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_many(tmp_path_factory.mktemp("faults") / "corpus", files=14, lines=8)


def new_prefix() -> str:
    return f"qt-test-faults-{uuid.uuid4().hex[:10]}"


def index(corpus: Path, url: str, prefix: str, state: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "ES_URL": url, "QUOTETRAIL_INDEX_PREFIX": prefix}
    env.pop("QUOTETRAIL_STATE_DIR", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quotetrail.cli",
            "index",
            str(corpus),
            "--state-dir",
            str(state),
            "--batch-size",
            "2",
            "--workers",
            "2",
            *extra,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def contents(es_url: str, prefix: str) -> dict:
    store = ElasticStore(es_url, prefix=prefix)
    try:
        return snapshot(store)
    finally:
        store.close()


def drop(es_url: str, prefix: str) -> None:
    store = ElasticStore(es_url, prefix=prefix)
    store.drop()
    store.close()


def wait_for_progress(state: Path, process: subprocess.Popen, batches: int) -> None:
    """Until the run has checkpointed ``batches`` written batches (it is then mid-run)."""
    deadline = time.monotonic() + 180
    path = state / CHECKPOINT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, err = process.communicate()
            raise AssertionError(f"the run ended before the fault could be injected: {err}")
        if path.exists() and len(path.read_text().splitlines()) > batches:
            return
        time.sleep(0.05)
    raise AssertionError("no progress within 180 s")


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.fixture(scope="module")
def reference(
    es_url: str, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict]:
    """The store after one uninterrupted run."""
    prefix = new_prefix()
    status, err = finish(index(corpus, es_url, prefix, tmp_path_factory.mktemp("ref")))
    assert status == 0, err
    try:
        yield contents(es_url, prefix)
    finally:
        drop(es_url, prefix)


@pytest.fixture
def prefix(es_url: str) -> Iterator[str]:
    name = new_prefix()
    yield name
    drop(es_url, name)


def test_the_reference_run_indexed_everything(reference: dict) -> None:
    assert reference["stats"]["articles"] == 22
    assert reference["stats"]["attributions"] >= 44


def test_sigkill_mid_run_then_rerun_gives_the_same_store(
    es_url: str, corpus: Path, reference: dict, prefix: str, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    for batches in (1, 4):  # killed twice, at different points
        process = index(corpus, es_url, prefix, state)
        wait_for_progress(state, process, batches)
        process.send_signal(signal.SIGKILL)
        assert finish(process)[0] == -signal.SIGKILL
    deadline = time.monotonic() + 10  # the extraction workers notice and exit
    while processes_mentioning(str(state)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_mentioning(str(state)) == []
    status, err = finish(index(corpus, es_url, prefix, state))
    assert status == 0, err
    assert "done before (resumed)" in err
    assert not (state / CHECKPOINT).exists()
    assert contents(es_url, prefix) == reference


def test_sigterm_stops_cleanly_and_the_rerun_completes(
    es_url: str, corpus: Path, reference: dict, prefix: str, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    process = index(corpus, es_url, prefix, state)
    wait_for_progress(state, process, 2)
    process.send_signal(signal.SIGTERM)
    status, err = finish(process)
    assert status == 128 + signal.SIGTERM
    assert "interrupted (SIGTERM); progress is saved" in err and "Traceback" not in err
    status, err = finish(index(corpus, es_url, prefix, state))
    assert status == 0, err
    assert contents(es_url, prefix) == reference


def test_a_short_outage_is_retried_and_the_run_completes(
    es_url: str, corpus: Path, reference: dict, prefix: str, tmp_path: Path
) -> None:
    proxy = Proxy(es_url)
    proxy.start()
    state = tmp_path / "state"
    try:
        process = index(corpus, proxy.url, prefix, state, "--retry-for", "60")
        wait_for_progress(state, process, 2)
        proxy.stop()
        time.sleep(3)
        proxy.start()
        status, err = finish(process)
    finally:
        proxy.stop()
    assert status == 0, err
    assert "store unavailable (Elasticsearch at " in err and "retrying in" in err
    assert "Traceback" not in err
    assert contents(es_url, prefix) == reference


def test_a_lasting_outage_stops_with_a_checkpoint_and_the_rerun_resumes(
    es_url: str, corpus: Path, reference: dict, prefix: str, tmp_path: Path
) -> None:
    proxy = Proxy(es_url)
    proxy.start()
    state = tmp_path / "state"
    try:
        process = index(corpus, proxy.url, prefix, state, "--retry-for", "2")
        wait_for_progress(state, process, 2)
        proxy.stop()
        status, err = finish(process)
        assert status == 2
        assert "Traceback" not in err
        last = err.strip().splitlines()[-1]
        assert last.startswith(f"quotetrail: error: Elasticsearch at {proxy.url} is unreachable")
        assert "run the same command again to resume" in last
        assert (state / CHECKPOINT).exists()

        status, err = finish(index(corpus, proxy.url, prefix, state))  # still down: fatal
        assert status == 2
        assert err.strip().splitlines() == [
            f"quotetrail: error: Elasticsearch at {proxy.url} is unreachable "
            "([Errno 111] Connection refused)"
        ]

        proxy.start()
        status, err = finish(index(corpus, proxy.url, prefix, state))
    finally:
        proxy.stop()
    assert status == 0, err
    assert "done before (resumed)" in err
    assert not (state / CHECKPOINT).exists()
    assert contents(es_url, prefix) == reference
