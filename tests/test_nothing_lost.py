"""Nothing lost silently: text that is not valid Unicode is repaired and named, and every
input that cannot be read (FIFOs, link loops, unlistable folders) is listed with its reason
and makes the exit status say so."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from indexer.read import ReadOptions, Reject, Repair, expand, read_source
from quotetrail.cli import main
from store.base import SearchQuery
from store.sqlite import SqliteStore

QUOTE = '"We will rebuild the harbour wall by {year}," Mayor Celia Marchetti said on Monday.'


def record(year: int, **fields: str) -> str:
    """One JSON Lines record; ``fields`` are pasted in raw so they can carry bad escapes."""
    parts = {
        "url": f'"https://ledger.example/{year}"',
        "title": f'"Wall {year}"',
        "outlet": '"Metro Ledger"',
        "body": json.dumps(QUOTE.format(year=year)),
        **fields,
    }
    return "{" + ", ".join(f'"{k}": {v}' for k, v in parts.items()) + "}\n"


def test_lone_surrogates_in_any_field_are_repaired_named_and_the_run_goes_on(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        record(2020)
        + record(2021, title='"T \\ud83d"')
        + record(2022, body=json.dumps(QUOTE.format(year=2022))[:-1] + ' \\ud83d"')
        + record(2023, outlet='"Ledger \\udc00"')
        + record(2024)
    )
    (corpus / "b.txt").write_text("Title: Later file\n\n" + QUOTE.format(year=2025) + "\n")
    status = main(["index", str(corpus), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "internal error" not in err
    assert "repaired " + str(corpus / "a.jsonl") + " [line 2]: lone surrogate in title" in err
    assert "[line 3]: lone surrogate in body" in err
    assert "[line 4]: lone surrogate in outlet" in err
    assert "3 repaired" in err
    store = SqliteStore(str(db))
    try:
        ids = {a["article_id"] for a in store.scan(SearchQuery(facets=False))}
        titles = {store.get_article(i)["title"] for i in ids}
        assert "T \ufffd" in titles and "Later file" in titles
        assert store.search(SearchQuery()).total == 6  # every record of both files
    finally:
        store.close()


def test_a_file_name_that_is_not_utf8_is_shown_repaired(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as latin1_name:
        latin1_name.write(QUOTE.format(year=1))
    [source] = expand([str(folder)])
    assert not isinstance(source, Reject)
    assert source.name.endswith("caf\ufffd.txt")
    [article] = read_source(source, ReadOptions())
    assert article["source"].endswith("caf\ufffd.txt")


def test_utf8_with_one_bad_byte_is_read_as_utf8_with_a_named_repair(tmp_path: Path) -> None:
    path = tmp_path / "koeln.txt"
    data = "Grüße aus Köln, sagte die Bürgermeisterin: „Wir bauen“.".encode() + b" \xff"
    path.write_bytes(data)
    repairs: list[Repair] = []
    [source] = expand([str(path)])
    [article] = read_source(source, ReadOptions(), repairs=repairs.append)
    assert "Grüße aus Köln" in article["body"]  # not mojibake ("GrÃ¼ÃŸe")
    assert [str(r) for r in repairs] == [
        f"{path}: 1 invalid UTF-8 byte sequence (the first at byte {len(data) - 1}) "
        "replaced with U+FFFD"
    ]


def test_latin1_text_is_still_read_as_latin1_without_a_repair(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Grüße aus Köln, sagte sie.".encode("latin-1"))
    repairs: list[Repair] = []
    [article] = read_source(next(iter(expand([str(path)]))), ReadOptions(), repairs=repairs.append)
    assert "Grüße aus Köln" in article["body"] and repairs == []


def test_fifos_link_loops_and_broken_links_in_a_folder_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(QUOTE.format(year=1))
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "sub" / "back").symlink_to(folder)
    found = list(expand([str(folder)]))
    reasons = {Path(r.path).name: r.reason for r in found if isinstance(r, Reject)}
    assert reasons == {
        "pipe.txt": "not a regular file (a FIFO)",
        "loop.txt": "symbolic link loop (too many levels of symbolic links)",
        "gone.txt": "broken symbolic link (its target does not exist)",
        "back": "symbolic link loop (leads back to a folder above it)",
    }
    assert [Path(s.name).name for s in found if not isinstance(s, Reject)] == ["good.txt"]


def test_a_named_looping_link_is_called_a_loop_not_missing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)
    [reject] = expand([str(loop)])
    assert isinstance(reject, Reject)
    assert reject.reason == "symbolic link loop (too many levels of symbolic links)"


def test_a_folder_that_cannot_be_listed_is_listed_as_a_reject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, who can list any folder: the refusal is the kernel's answer."""
    folder = tmp_path / "locked"
    folder.mkdir()
    listing = os.scandir

    def refuse(path: str) -> object:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse)
    [reject] = expand([str(folder)])
    assert isinstance(reject, Reject)
    assert reject.reason == "cannot read folder: permission denied"


def test_skipped_inputs_make_the_exit_status_1_and_are_in_the_rejects_list(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(QUOTE.format(year=1))
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    rejects = tmp_path / "rejects.jsonl"
    status = main(["index", str(folder), "--rejects", str(rejects), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 1, err
    listed = {
        Path(r["path"]).name: r["reason"] for r in map(json.loads, rejects.read_text().splitlines())
    }
    assert set(listed) == {"pipe.txt", "loop.txt"}
    assert " 2 rejected (each in one outcome);" in err
