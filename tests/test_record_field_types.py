"""A dump with a field of the wrong type says which: the file, the line, the field and the
type found, never a misleading "no body field". A record whose body is not text is
rejected; a record with another field of the wrong type is indexed without that field
(kept in its metadata); the other records of the file go through either way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from indexer.read import ReadOptions, Reject, expand, read_source
from quotetrail.cli import main

QUOTE = '"We will rebuild the harbour wall by {n}," Mayor Celia Marchetti said on Monday.'


def good(n: int, **fields: Any) -> dict[str, Any]:
    return {"title": f"Wall {n}", "outlet": "Metro Ledger", "body": QUOTE.format(n=n), **fields}


def read(path: Path) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    articles: list[dict[str, Any]] = []
    rejects: list[str] = []
    notes: list[str] = []
    for source in expand([str(path)]):
        for item in read_source(source, ReadOptions(), repairs=lambda r: notes.append(str(r))):
            if isinstance(item, Reject):
                rejects.append(str(item))
            else:
                articles.append(item)
    return articles, rejects, notes


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (42, "a number (42)"),
        (["a", "b"], "a list"),
        ({"text": "x"}, "an object"),
        (None, "null"),
        (True, "true (a boolean)"),
    ],
)
def test_a_body_that_is_not_text_is_named_with_its_line_and_type(
    tmp_path: Path, body: Any, found: str
) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [good(1), good(2, body=body), good(3)]
    dump.write_text("".join(json.dumps(r) + "\n" for r in lines))
    articles, rejects, _ = read(dump)
    assert [a["title"] for a in articles] == ["Wall 1", "Wall 3"]
    assert rejects == [f"{dump} [line 2]: field 'body' is {found}, expected text"]


def test_a_body_under_another_name_is_named_as_written(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"headline": "H", "content": 7}) + "\n")
    _, rejects, _ = read(dump)
    assert rejects == [f"{dump} [line 1]: field 'content' (the body) is a number (7), expected"
                       " text"]


def test_another_field_of_the_wrong_type_is_left_out_with_a_note(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [good(1, title=["W", "all"], url=12, published={"when": "soon"}), good(2)]
    dump.write_text("".join(json.dumps(r) + "\n" for r in lines))
    articles, rejects, notes = read(dump)
    assert rejects == [] and len(articles) == 2
    first = articles[0]
    assert first["title"] is None and first["url"] is None and first["published"] is None
    assert first["metadata"]["url"] == 12  # nothing the dump said is lost
    assert notes == [
        f"{dump} [line 1]: field 'title' is a list, expected text: left out (kept in metadata)",
        f"{dump} [line 1]: field 'published' is an object, expected a date (text or epoch"
        " number): left out (kept in metadata)",
        f"{dump} [line 1]: field 'url' is a number (12), expected text: left out (kept in"
        " metadata)",
    ]


def test_an_outlet_object_that_names_nothing_is_not_called_none(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps([good(1, outlet={"id": None, "url": "x"}), good(2)]))
    articles, _, notes = read(dump)
    assert [a["outlet"] for a in articles] == [None, "Metro Ledger"]
    assert notes == [f"{dump} [item 1]: field 'outlet' is an object, expected text: left out"
                     " (kept in metadata)"]


def test_the_index_command_names_each_bad_field_and_indexes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "q.db"))
    monkeypatch.setenv("QUOTETRAIL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("ES_URL", raising=False)
    dump = tmp_path / "dump.jsonl"
    lines = [good(1), good(2, body=3.5), good(3, title=5)]
    dump.write_text("".join(json.dumps(r) + "\n" for r in lines))
    assert main(["index", str(dump)]) == 1
    err = capsys.readouterr().err
    assert f"rejected {dump} [line 2]: field 'body' is a number (3.5), expected text" in err
    assert f"repaired {dump} [line 3]: field 'title' is a number (5), expected text" in err
    assert ": 2 indexed," in err and "1 rejected" in err
