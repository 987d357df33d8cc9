"""New linking rules link unchanged input again; the same rules leave it as stored.

An article read again from the same input keeps the record it was given when first read
(its ``input_hash`` matches: nothing is extracted or linked again). That hash holds the
extractor's version and the linker's (``indexer.link.VERSION``), so a quotetrail with new
linking rules (here: an outlet it did not know, named from the articles' web host) links
the same files again and rewrites their records, while a rerun under unchanged rules
finds every article unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer import link
from indexer.link import outlets
from quotetrail.cli import main
from store.base import SearchQuery
from store.sqlite import SqliteStore

STORY = (
    "Title: Ferries return {n}\nURL: https://www.harbourgazette.example/ferries-{n}\n"
    "Date: 2024-05-0{n}\n\n"
    '"Ferries will run daily from May," said Anna Lindqvist, the harbour master.\n'
)


def index(corpus: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``quotetrail index corpus`` in this process; what it printed."""
    status = main(["index", str(corpus), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 0, err
    return err


def stored_outlets(db: Path) -> set[str | None]:
    """The outlets of the stored articles that carry an attribution."""
    store = SqliteStore(str(db))
    try:
        found = store.scan(SearchQuery())
        return {store.get_article(a["article_id"])["outlet"] for a in found}  # type: ignore[index]
    finally:
        store.close()


def test_new_linking_rules_link_unchanged_input_again_and_the_same_rules_skip_it(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in (1, 2):
        (corpus / f"ferries-{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")

    assert "2 indexed, 0 replaced, 0 unchanged" in index(corpus, capsys)
    before = stored_outlets(db)
    assert "Harbour Gazette" not in before
    assert "0 indexed, 0 replaced, 2 unchanged" in index(corpus, capsys)

    known = {**outlets.KNOWN_OUTLETS, "Harbour Gazette": ((), ("harbourgazette.example",))}
    monkeypatch.setattr(outlets, "KNOWN_OUTLETS", known)  # a new linking rule ...
    assert "0 indexed, 0 replaced, 2 unchanged" in index(corpus, capsys)
    assert stored_outlets(db) == before  # ... under the same version: the input is skipped

    monkeypatch.setattr(link, "VERSION", f"{link.VERSION}.next")  # ... released as new rules
    assert "0 indexed, 2 replaced, 0 unchanged" in index(corpus, capsys)
    assert stored_outlets(db) == {"Harbour Gazette"}
    assert "0 indexed, 0 replaced, 2 unchanged" in index(corpus, capsys)
