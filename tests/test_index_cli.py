"""Command-line stories: indexing folders again and again, changes, rejects, stats, help."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from indexing import snapshot, write_corpus

from indexer import indexing
from quotetrail.cli import main
from schemas.ids import article_id
from store.base import StoreError
from store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parent.parent
COMMANDS = [
    "index",
    "watch",
    "extract",
    "serve",
    "stats",
    "reindex",
    "reset",
    "speakers",
    "speakers merge",
    "speakers split",
    "speakers undo",
]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state" / "quotetrail.db"
    path.parent.mkdir()
    monkeypatch.setenv("QUOTETRAIL_DB", str(path))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    return path


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", *argv],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )


def contents(db: Path) -> dict:
    store = SqliteStore(str(db))
    try:
        return snapshot(store)
    finally:
        store.close()


def test_indexing_a_folder_three_times_leaves_an_identical_store(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    status, _, err = run("index", str(corpus), "--workers", "1", capsys=capsys)
    assert status == 0, err
    assert "6 indexed, 0 replaced, 0 unchanged, 0 rejected" in err
    first = contents(db)
    assert first["stats"]["articles"] == 6
    assert first["stats"]["attributions"] >= 5
    for _ in range(2):
        status, _, err = run("index", str(corpus), "--workers", "1", capsys=capsys)
        assert status == 0
        assert "0 indexed, 0 replaced, 6 unchanged, 0 rejected" in err
        assert contents(db) == first
    assert not (db.parent / ".quotetrail-checkpoint.jsonl").exists()


def test_two_extraction_workers_give_the_same_store_as_one(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    assert run("index", str(corpus), "--workers", "1", capsys=capsys)[0] == 0
    alone = contents(db)
    other = tmp_path / "other.db"
    done = cli(
        "index",
        str(corpus),
        "--workers",
        "2",
        "--batch-size",
        "2",
        env={"QUOTETRAIL_DB": str(other)},
    )
    assert done.returncode == 0, done.stderr
    assert contents(other) == alone


def test_a_changed_file_replaces_its_article_with_no_stale_attributions(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    assert run("index", str(corpus), "--workers", "1", capsys=capsys)[0] == 0
    story = corpus / "text" / "budget.txt"
    ident = article_id("https://harbordaily.example/budget", "")
    store = SqliteStore(str(db))
    before = {a["id"]: a["content"] for a in store.article_attributions(ident)}
    store.close()
    assert any("buses running" in c for c in before.values())

    story.write_text(
        story.read_text().replace(
            "“This budget keeps the buses running and the libraries open,” Marchetti said.",
            "Council members were divided.\n\n"
            "“We will not close a single branch library,” Marchetti told reporters.",
        )
    )
    status, _, err = run("index", str(corpus), "--workers", "1", capsys=capsys)
    assert status == 0
    assert "0 indexed, 1 replaced, 5 unchanged" in err
    store = SqliteStore(str(db))
    try:
        after = {a["id"]: a["content"] for a in store.article_attributions(ident)}
        assert any("single branch library" in c for c in after.values())
        assert not any("buses running" in c for c in after.values())
        for stale in set(before) - set(after):
            assert store.get_attribution(stale) is None
        assert "single branch library" in store.get_article(ident)["body"]
    finally:
        store.close()


def test_rejects_are_listed_and_set_the_exit_status(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "broken.json").write_text('{"title": "half')
    (corpus / "empty.txt").write_text("")
    (corpus / "lines.jsonl").write_text('{"body": "One good line, she said."}\n[oops\n')
    rejects = tmp_path / "rejects.jsonl"
    status, _, err = run(
        "index", str(corpus), "--rejects", str(rejects), "--workers", "1", capsys=capsys
    )
    assert status == 1
    listed = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(Path(r["path"]).name, r["offset"]) for r in listed] == [
        ("broken.json", None),
        ("empty.txt", None),
        ("lines.jsonl", "line 2"),
    ]
    assert all(r["reason"] for r in listed)
    shown = [line for line in err.splitlines() if line.startswith("quotetrail: rejected ")]
    assert len(shown) == 3 and "broken.json: broken JSON" in shown[0]
    assert "7 indexed" in err  # the six stories and the good JSON line
    assert f"3 rejects listed in {rejects}" in err

    for bad in ("broken.json", "empty.txt", "lines.jsonl"):
        (corpus / bad).unlink()
    status, _, err = run(
        "index", str(corpus), "--rejects", str(rejects), "--workers", "1", capsys=capsys
    )
    assert status == 0
    assert not rejects.exists()  # no stale list from the earlier run


def test_default_rejects_file_lives_next_to_the_database(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.json").write_text("[")
    status, _, err = run("index", str(tmp_path / "in"), "--workers", "1", capsys=capsys)
    assert status == 1
    assert (db.parent / "quotetrail-rejects.jsonl").exists()


def test_standard_input_and_field_mapping(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(
        {
            "story": '"It works," the mayor said.',
            "when": "2024-02-03",
            "site": {"name": "Metro Ledger"},
            "href": "https://metroledger.example/s",
        }
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrail.cli",
            "index",
            "-",
            "--workers",
            "1",
            "--map",
            "body=story,published=when",
            "--map",
            "outlet=site.name,url=href",
        ],
        input=line + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stderr
    store = SqliteStore(str(db))
    try:
        article = store.get_article(article_id("https://metroledger.example/s", ""))
        assert article["published"] == "2024-02-03"
        assert article["outlet"] == "Metro Ledger"
        assert article["source"] == "<stdin>#line 1"
    finally:
        store.close()
    status, _, err = run("index", "-", "--map", "bogus=x", capsys=capsys)
    assert status == 2
    assert err.strip().startswith("quotetrail: error: --map: unknown article field 'bogus'")


def test_an_interrupted_run_resumes_from_its_checkpoint(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    reference = tmp_path / "reference.db"
    done = cli("index", str(corpus), "--workers", "1", env={"QUOTETRAIL_DB": str(reference)})
    assert done.returncode == 0, done.stderr

    # every batch a commit: how often the linker's memory is saved otherwise depends on
    # how long saving it took (a clock), so a loaded machine checkpointed 2 articles, not 4
    monkeypatch.setattr(indexing, "COMMIT_COST_RATIO", 0.0)
    calls = {"n": 0}
    real_put = SqliteStore.put_articles

    def failing_put(self, records):  # the store goes away after the second batch
        calls["n"] += 1
        if calls["n"] > 2:
            raise StoreError(f"SQLite database {self.path}: disk I/O error")
        return real_put(self, records)

    monkeypatch.setattr(SqliteStore, "put_articles", failing_put)
    status, _, err = run(
        "index",
        str(corpus),
        "--workers",
        "1",
        "--batch-size",
        "2",
        "--retry-for",
        "1",
        capsys=capsys,
    )
    assert status == 2
    assert "retrying in" in err
    assert "Progress is saved: run the same command again to resume." in err
    assert "Traceback" not in err
    checkpoint = db.parent / ".quotetrail-checkpoint.jsonl"
    assert checkpoint.exists()

    monkeypatch.setattr(SqliteStore, "put_articles", real_put)
    status, _, err = run(
        "index",
        str(corpus),
        "--workers",
        "1",
        "--batch-size",
        "2",
        "--retry-for",
        "1",
        capsys=capsys,
    )
    assert status == 0, err
    assert "4 done before (resumed)" in err
    assert not checkpoint.exists()
    assert contents(db) == contents(reference)


def test_stats_in_text_and_json(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    assert run("index", str(corpus), "--workers", "1", capsys=capsys)[0] == 0
    status, out, _ = run("stats", "--json", capsys=capsys)
    counts = json.loads(out)
    assert status == 0
    assert set(counts) == {"articles", "attributions", "speakers", "outlets", "statements"}
    assert counts["articles"] == 6
    status, out, _ = run("stats", capsys=capsys)
    assert out.splitlines()[0].split() == ["articles", "6"]


def speakers_of(db: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for attribution in contents(db)["attributions"].values():
        counts[attribution["speaker"]] = counts.get(attribution["speaker"], 0) + 1
    return counts


def test_speakers_merge_and_split_through_the_cli(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    assert run("index", str(corpus), "--workers", "1", capsys=capsys)[0] == 0
    store = SqliteStore(str(db))
    marchetti = store.find_speakers("Celia Marchetti")[0]["id"]
    feld = store.find_speakers("Jurgen Feld")[0]["id"]
    store.close()
    before = speakers_of(db)
    assert before["Jurgen Feld"] == 2
    status, _, err = run("speakers", "merge", marchetti, feld, capsys=capsys)
    assert status == 2 and "different given names" in err  # two people unless forced
    status, _, err = run("speakers", "merge", marchetti, feld, "--force", capsys=capsys)
    assert status == 0, err
    assert "merged 'Jurgen Feld' into 'Celia Marchetti' (2 attributions moved;" in err
    after = speakers_of(db)
    assert "Jurgen Feld" not in after
    assert after["Celia Marchetti"] == before["Celia Marchetti"] + 2
    status, _, err = run("speakers", "split", marchetti, "Jurgen Feld", capsys=capsys)
    assert status == 0, err
    assert "(2 attributions moved;" in err
    assert speakers_of(db)["Jurgen Feld"] == 2
    status, _, err = run("speakers", "merge", marchetti, "nobody-at-all", capsys=capsys)
    assert status == 2
    assert err.count("\n") == 1 and "nobody-at-all" in err


def test_extract_prints_attributions_without_storing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = REPO / "fixtures" / "text" / "cpa-2024-03-14-drones-strike-osterhal.txt"
    status, out, _ = run("extract", str(story), "--format", "table", capsys=capsys)
    assert status == 0
    assert "Andrii Vedmid (person) told: “We will not allow our skies" in out
    status, out, _ = run("extract", str(story), "--format", "jsonl", capsys=capsys)
    assert json.loads(out.splitlines()[0])["doc_id"] == story.stem
    assert not db.exists() or contents(db)["stats"]["articles"] == 0


def test_reset_needs_yes_and_reindex_is_for_elasticsearch(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    assert run("index", str(corpus), "--workers", "1", capsys=capsys)[0] == 0
    status, _, err = run("reset", capsys=capsys)
    assert status == 2 and "--yes" in err
    assert run("reset", "--yes", capsys=capsys)[0] == 0
    assert contents(db)["stats"]["articles"] == 0
    status, _, err = run("reindex", capsys=capsys)
    assert status == 0 and "needs no reindex" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_explains_the_command_with_an_example(command: str) -> None:
    done = cli(*command.split(), "--help")
    assert done.returncode == 0
    assert "example:" in done.stdout
    example = done.stdout.split("example:", 1)[1].strip().splitlines()[0]
    assert "quotetrail " + command.split()[0] in example


def test_top_level_help_and_version() -> None:
    done = cli("--help")
    assert done.returncode == 0
    for command in ("index", "extract", "serve", "stats", "reindex", "reset", "speakers"):
        assert command in done.stdout
    done = cli("--version")
    assert done.returncode == 0 and done.stdout.startswith("quotetrail ")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("command", [["index", "fixtures/"], ["stats"]])
def test_unreachable_elasticsearch_is_a_one_line_error(tmp_path: Path, command: list[str]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    done = cli(*command, env={"ES_URL": url, "QUOTETRAIL_STATE_DIR": str(tmp_path)})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("quotetrail: error:") and url.split("//")[1] in lines[0]


def test_the_demo_corpus_indexes_with_zero_rejects_and_reindexes_unchanged(
    tmp_path: Path, db: Path
) -> None:
    rejects = tmp_path / "rejects.jsonl"
    first = cli("index", "fixtures/", "--rejects", str(rejects), env={"QUOTETRAIL_DB": str(db)})
    assert first.returncode == 0, first.stderr
    # the AMP copy of the NewsHub story is the same article: read, and found unchanged
    assert "44 indexed, 0 replaced, 1 unchanged, 0 rejected" in first.stderr
    assert not rejects.exists()
    again = cli("index", "fixtures/", env={"QUOTETRAIL_DB": str(db)})
    assert again.returncode == 0
    assert "0 indexed, 0 replaced, 45 unchanged, 0 rejected" in again.stderr
