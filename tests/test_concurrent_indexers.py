"""Two indexers on one SQLite store: the second says the store is busy instead of writing.

Linking assumes it sees every record written since its run started; two runs writing to one
database at once would each create the statements the other was creating (44 instead of 36
on disjoint halves of a corpus). The second run stops at once, naming the store, and the
store ends as one run leaves it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from indexing import write_linked_news

REPO = Path(__file__).resolve().parent.parent


def index(paths: list[Path], db: Path, state: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "ES_URL"}
    env["QUOTETRAIL_DB"] = str(db)
    return subprocess.Popen(
        [sys.executable, "-m", "quotetrail.cli", "index", *map(str, paths)]
        + ["--state-dir", str(state), "--batch-size", "2", "--workers", "1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_indexer_on_a_busy_sqlite_store_stops_and_says_so(tmp_path: Path) -> None:
    corpus = write_linked_news(tmp_path / "corpus", articles=30)
    stories = sorted(corpus.iterdir())
    db = tmp_path / "quotetrail.db"
    first = index(stories[:15], db, tmp_path / "first")
    checkpoint = tmp_path / "first" / ".quotetrail-checkpoint.jsonl"
    deadline = time.monotonic() + 120
    while not checkpoint.exists():  # the first run is writing
        assert first.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    first.send_signal(signal.SIGSTOP)  # held mid-run, as a slow run would be
    second = index(stories[15:], db, tmp_path / "second")
    _, err = second.communicate(timeout=120)
    first.send_signal(signal.SIGCONT)
    assert second.returncode == 2
    assert err.strip() == (
        f"quotetrail: error: the store {db} is busy: another quotetrail index is writing "
        "to it; run this one when it has finished"
    )
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    after = index(stories[15:], db, tmp_path / "second")  # now it may
    _, err = after.communicate(timeout=300)
    assert after.returncode == 0, err
