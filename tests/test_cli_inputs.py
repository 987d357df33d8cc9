"""Command-line mistakes are told at once: a mistyped path to ``quotetrail index`` before
the extractor's libraries and model load (seconds)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from indexer.indexing import Indexer, IndexOptions

REPO = Path(__file__).resolve().parent.parent


def test_a_missing_path_is_refused_before_the_extractor_is_imported(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from quotetrail.cli import main\n"
        f"status = main(['index', {str(tmp_path / 'typo.txt')!r}, {str(tmp_path / '*.json')!r}])\n"
        "print(status, 'spacy' in sys.modules)\n"
    )
    env = {"QUOTETRAIL_DB": str(tmp_path / "q.db"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, env=env
    )
    assert done.stdout.split() == ["2", "False"], done.stderr
    assert "typo.txt: no such file or directory" in done.stderr
    assert "*.json: no file matches this pattern" in done.stderr


def test_a_run_whose_every_article_is_rejected_never_starts_the_extractor(
    tmp_path: Path, new_store: object
) -> None:
    class NoExtractor(Indexer):
        def _extraction(self):  # type: ignore[no-untyped-def]
            raise AssertionError("the extractor started for no article")

    (tmp_path / "empty.txt").write_text("")
    options = IndexOptions([str(tmp_path / "empty.txt")], state_dir=str(tmp_path), workers=1)
    summary = NoExtractor(new_store, options, io.StringIO()).run()  # type: ignore[arg-type]
    assert summary.rejected == 1 and summary.indexed == 0


def test_the_summary_counts_every_record_once_in_one_outcome(
    tmp_path: Path, new_store: object
) -> None:
    """"read 5 ... 4 indexed ... 2 rejected" added up to nothing: a record the reader
    rejects (broken JSON, an empty text) and a path that is not there are records read too,
    each in exactly one outcome, and the line says so."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Title: A\nURL: https://t.example/a\nOutlet: T\nDate: 2026-11-01\n\n"
        '"The port stays open," Mayor Dana Fisk said.\n'
    )
    record = (
        '{"title": "B", "url": "https://t.example/b", "outlet": "T", '
        '"text": "\\"We will win,\\" Tom Baird said."}'
    )
    empty = '{"title": "C", "url": "https://t.example/c", "outlet": "T", "text": ""}'
    (inputs / "b.jsonl").write_text(f"{record}\nnot json at all\n{empty}\n{record}\n")
    paths = [str(inputs), str(tmp_path / "gone.txt")]
    options = IndexOptions(paths, state_dir=str(tmp_path / "state"), workers=1)
    summary = Indexer(new_store, options, io.StringIO()).run()  # type: ignore[arg-type]
    assert (summary.read, summary.inputs, summary.rejected) == (6, 3, 3)
    # the repeated record is written again (an engine may call it unchanged, or indexed)
    assert summary.indexed + summary.unchanged == 3 and summary.outcomes() == 6
    assert "read 6 articles from 3 inputs" in summary.line()
    assert "3 rejected (each in one outcome)" in summary.line()


def test_files_a_folder_walk_leaves_unread_are_named_in_the_summary(
    tmp_path: Path, new_store: object
) -> None:
    """A folder holding `notes.md` beside its stories: the run says it left the notes
    unread (by name), rather than skipping them without a word; hidden files stay quiet,
    and a file named explicitly is read whatever its kind."""
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_text('"The port stays open," Mayor Dana Fisk said.\n')
    (inputs / "notes.md").write_text("# what to index next\n")
    (inputs / "sub" / "tool.py").write_text("print('hi')\n")
    (inputs / ".DS_Store").write_text("x")
    options = IndexOptions([str(inputs)], state_dir=str(tmp_path / "state"), workers=1)
    summary = Indexer(new_store, options, io.StringIO()).run()  # type: ignore[arg-type]
    assert summary.skipped == ["in/notes.md", "in/sub/tool.py"]
    assert "2 files skipped, not an article file (in/notes.md, in/sub/tool.py" in summary.line()
    named = IndexOptions([str(inputs / "notes.md")], state_dir=str(tmp_path / "s2"), workers=1)
    assert Indexer(new_store, named, io.StringIO()).run().skipped == []  # type: ignore[arg-type]
