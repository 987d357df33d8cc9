"""An indexing run under the operator's control: a pathological article does not hold the
run hostage, and Ctrl-C (or ``kill -INT``) stops it cleanly, ready to resume.

- An article the extractor cannot finish within the per-article time budget
  (``--extract-budget``, CPU seconds) is skipped and listed with the rejects, naming the
  input; the other articles of the run are indexed.
- SIGINT stops a run even while extraction workers are busy, and even when the run was
  started in the background by a script (which starts it with SIGINT ignored); the rerun
  resumes and ends with the store of an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from indexing import everything, snapshot, write_linked_news

from store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parent.parent
CHECKPOINT = ".quotetrail-checkpoint.jsonl"
PARAGRAPH = (
    "“We will not accept any delay on the harbour works,” Mayor Lena Marsh said on Monday. "
    "The council's finance chair, Omar Quist, told reporters the budget was already spent."
)


def quotetrail(db: Path, *argv: str, ignore_sigint: bool = False) -> subprocess.Popen:
    """``quotetrail ARGV`` on the SQLite store ``db``; with ``ignore_sigint`` started as a
    shell starts ``quotetrail ... &`` in a script: SIGINT ignored."""
    env = {k: v for k, v in os.environ.items() if k not in ("ES_URL", "QUOTETRAIL_DB")}
    env["QUOTETRAIL_DB"] = str(db)
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignore_sigint else None
    return subprocess.Popen(
        [sys.executable, "-m", "quotetrail.cli", *argv],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ignore,  # noqa: PLW1509 - no threads in the test process at this point
    )


def test_an_article_over_the_time_budget_is_skipped_and_named_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-short.txt").write_text(f"Title: Harbour works\n\n{PARAGRAPH}\n")
    # about 600 KB of prose: many CPU seconds of extraction, far over a one-second budget
    (corpus / "b-endless.txt").write_text(
        "Title: Minutes of every meeting\n\n" + "\n\n".join([PARAGRAPH] * 3000) + "\n"
    )
    (corpus / "c-short.txt").write_text(
        f"Title: Harbour works, day two\n\n{PARAGRAPH.replace('Monday', 'Tuesday')}\n"
    )
    rejects = tmp_path / "rejects.jsonl"
    run = quotetrail(
        tmp_path / "q.db",
        *("index", str(corpus), "--extract-budget", "1", "--workers", "2"),
        *("--rejects", str(rejects), "--state-dir", str(tmp_path / "state")),
    )
    _, err = run.communicate(timeout=300)

    assert run.returncode == 1, err  # rejects listed: exit status 1, not a crash
    assert "Traceback" not in err
    listed = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(Path(r["path"]).name, r["reason"]) for r in listed] == [
        (
            "b-endless.txt",
            "skipped: extraction needed more than 1 s of CPU time "
            "(the per-article time budget, --extract-budget)",
        )
    ]
    assert f"rejected {listed[0]['path']}" in err
    store = SqliteStore(str(tmp_path / "q.db"))
    try:
        stored = snapshot(store)["articles"].values()
    finally:
        store.close()
    assert sorted(a["title"] for a in stored) == ["Harbour works", "Harbour works, day two"]


def test_sigint_stops_a_background_run_with_busy_workers_and_the_rerun_resumes_it(
    tmp_path: Path,
) -> None:
    corpus = write_linked_news(tmp_path / "corpus", articles=40)
    common = ("index", str(corpus), "--batch-size", "4", "--workers", "2")
    reference = quotetrail(tmp_path / "reference.db", *common, "--state-dir", str(tmp_path / "r"))
    _, err = reference.communicate(timeout=300)
    assert reference.returncode == 0, err

    state = tmp_path / "state"
    db = tmp_path / "q.db"
    run = quotetrail(db, *common, "--state-dir", str(state), ignore_sigint=True)
    checkpoint = state / CHECKPOINT
    deadline = time.monotonic() + 120
    while not (checkpoint.exists() and len(checkpoint.read_text().splitlines()) > 2):
        assert run.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "no progress within 120 s"
        time.sleep(0.02)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)  # a hang, not a measurement: promptly is seconds

    assert run.returncode == 130, err
    assert "interrupted (SIGINT); progress is saved" in err
    assert "Traceback" not in err
    rerun = quotetrail(db, *common, "--state-dir", str(state))
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert "done before (resumed)" in err
    assert not checkpoint.exists()

    def opener(path: Path) -> Any:
        return lambda: SqliteStore(str(path))

    assert everything(opener(db)) == everything(opener(tmp_path / "reference.db"))
