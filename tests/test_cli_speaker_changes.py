"""Speaker corrections made on the command line are corrections like the web's: refused
when they make no sense (a speaker merged into itself; a person merged with an
organization unless forced), written to the change log that /changes shows, and undone
from there or with ``quotetrail speakers undo``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from link_corpus import article, index, quote

from indexer.link import Linker
from quotetrail.cli import main
from store.sqlite import SqliteStore
from webapp import create_app

BODY = (
    '"The harbour will reopen in May," said Anna Lindqvist. "We welcome the decision," '
    'said Harbour Authority.'
)
# Another article's "A. Lindqvist": which Lindqvist, only an editor can say
FERRIES = '"Ferries will run daily," said A. Lindqvist.'


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SQLite store with two spellings of one person (in two articles) and an
    organization."""
    path = tmp_path / "quotetrail.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(path))
    monkeypatch.delenv("ES_URL", raising=False)
    store = SqliteStore(str(path))
    try:
        index(
            store,
            Linker(store),
            (
                article("Harbor Daily", "harbour", "2024-05-02", BODY),
                [
                    quote(BODY, "The harbour will reopen in May", "Anna Lindqvist"),
                    quote(BODY, "We welcome the decision", "Harbour Authority", "organization"),
                ],
            ),
        )
        index(
            store,
            Linker(store),
            (
                article("Harbor Daily", "ferries", "2024-05-03", FERRIES),
                [quote(FERRIES, "Ferries will run daily", "A. Lindqvist")],
            ),
        )
    finally:
        store.close()
    return path


def _ids(db: Path) -> dict[str, str]:
    store = SqliteStore(str(db))
    try:
        return {
            n: store.find_speakers(n)[0]["id"]
            for n in ("Anna Lindqvist", "Harbour Authority", "A. Lindqvist")
        }
    finally:
        store.close()


def _changes(db: Path) -> list[dict[str, Any]]:
    store = SqliteStore(str(db))
    try:
        return store.changes()
    finally:
        store.close()


def test_merging_a_speaker_into_itself_is_an_error(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anna = _ids(db)["Anna Lindqvist"]
    assert main(["speakers", "merge", anna, anna]) == 2
    assert "cannot merge" in capsys.readouterr().err and not _changes(db)


def test_a_person_and_an_organization_merge_only_when_forced(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(db)
    anna, authority = ids["Anna Lindqvist"], ids["Harbour Authority"]
    assert main(["speakers", "merge", anna, authority]) == 2
    err = capsys.readouterr().err
    assert "'Harbour Authority' is an organization and 'Anna Lindqvist' is a person" in err
    assert not _changes(db)
    assert main(["speakers", "merge", anna, authority, "--force"]) == 0
    assert "(1 attributions moved;" in capsys.readouterr().err


def test_two_persons_with_different_given_names_merge_only_when_forced(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anna and Erik Lindqvist share a surname, not a person: the merge is refused unless
    forced (an initial, "A. Lindqvist", is not a different given name: see below)."""
    store = SqliteStore(str(db))
    try:
        store.put_speakers([{"id": "erik-lindqvist", "name": "Erik Lindqvist", "type": "person"}])
    finally:
        store.close()
    anna = _ids(db)["Anna Lindqvist"]
    assert main(["speakers", "merge", anna, "erik-lindqvist"]) == 2
    err = capsys.readouterr().err
    assert "'Erik Lindqvist' and 'Anna Lindqvist' are persons with different given names" in err
    assert not _changes(db)
    assert main(["speakers", "merge", anna, "erik-lindqvist", "--force"]) == 0


def test_cli_merges_and_splits_are_on_the_change_log_and_can_be_undone(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(db)
    anna, short = ids["Anna Lindqvist"], ids["A. Lindqvist"]
    assert main(["speakers", "merge", anna, short]) == 0
    assert main(["speakers", "split", anna, "A. Lindqvist"]) == 0
    split, merge = _changes(db)  # newest first
    assert merge["kind"] == "merge" and merge["editor"] == "command line"
    assert split["kind"] == "split"

    store = SqliteStore(str(db))
    try:
        page = create_app(store, {"TESTING": True}).test_client().get("/changes")
        log = page.get_data(as_text=True)
    finally:
        store.close()
    assert "merged &#39;A. Lindqvist (in Ferries)&#39; into &#39;Anna Lindqvist&#39;" in log
    assert "command line" in log

    capsys.readouterr()
    assert main(["speakers", "undo", split["id"]]) == 0
    assert "undid: split 'A. Lindqvist'" in capsys.readouterr().err
    assert _changes(db)[0]["undoes"] == split["id"]


def test_an_api_merge_is_checked_and_logged_like_the_others(
    fresh_client: Any, fresh_newsroom: Any
) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    url = "/api/v1/speakers/national-medicines-agency/merge"
    refused = fresh_client.post(url, json={"into": "anna-lindqvist"}, headers=auth)
    assert refused.status_code == 400 and "is an organization" in refused.get_json()["message"]
    assert not fresh_newsroom.changes()
    forced = fresh_client.post(url, json={"into": "anna-lindqvist", "force": True}, headers=auth)
    assert forced.status_code == 200, forced.get_json()
    (change,) = fresh_newsroom.changes()
    assert change["kind"] == "merge" and change["editor"] == "API"
