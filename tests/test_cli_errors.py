"""An operator who mistypes gets one line naming what is wrong, never a traceback, a
misleading message or a run that silently does something else: an impossible size, port or
delay is refused by the option itself; a store path that is a folder, a rejects file that
is a folder, and an ES_URL that is some other web server are named for what they are; a
named folder with nothing to read is listed with the rejects while the good inputs are
still indexed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quotetrail.cli import main
from store.sqlite import SqliteStore

STORY = '"We will rebuild the harbour wall," Mayor Celia Marchetti said on Monday.\n'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["index", "x.txt", "--max-article-mb", "-1"], "--max-article-mb: must be a number"),
        (["index", "x.txt", "--max-article-mb", "nan"], "--max-article-mb: must be a number above"),
        (["index", "x.txt", "--retry-for", "-5"], "--retry-for: must be 0 seconds or more"),
        (["serve", "--port", "99999"], "--port: must be a port number from 1 to 65535"),
        (["watch", "--once", "--delay", "inf", "https://a.example/feed"], "--delay: must be 0"),
    ],
)
def test_an_impossible_option_value_is_refused_before_anything_runs(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert named in capsys.readouterr().err
    assert not db.exists()


def test_a_store_path_that_is_a_folder_is_named_as_one(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path))
    status, err = run(capsys, "stats")
    assert status == 2
    assert f"quotetrail: error: SQLite database {tmp_path}: is a folder" in err
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "missing" / "q.db"))
    status, err = run(capsys, "stats")
    assert status == 2 and f"the folder {tmp_path / 'missing'} does not exist" in err


def test_a_rejects_file_that_is_a_folder_stops_the_run_before_it_starts(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    status, err = run(capsys, "index", str(story), "--rejects", str(tmp_path))
    assert status == 2
    assert f"quotetrail: error: --rejects {tmp_path}: is a folder (give a file name)" in err
    assert "read 1 articles" not in err  # not a whole run thrown away at the end


def test_a_named_folder_with_nothing_to_read_is_a_reject_and_the_rest_is_indexed(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    empty = tmp_path / "inbox"
    empty.mkdir()
    (empty / ".hidden").write_text(STORY)
    status, err = run(capsys, "index", str(story), str(empty))
    assert status == 1
    assert f"quotetrail: rejected {empty}: the folder holds no file to read" in err
    assert SqliteStore(str(db)).stats()["articles"] == 1
    status, err = run(capsys, "extract", str(empty), str(story))
    assert status == 1 and f"{empty}: the folder holds no file to read" in err


@pytest.fixture
def not_elasticsearch() -> Iterator[str]:
    """A web server that is not Elasticsearch (a plain site answering 501 to writes)."""

    class Site(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802
            self.do_HEAD()
            self.wfile.write(b"<html><body>Welcome</body></html>")

        def do_PUT(self) -> None:  # noqa: N802
            self.send_error(501, "Unsupported method")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_an_es_url_that_is_another_web_server_is_named_as_not_elasticsearch(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    not_elasticsearch: str,
) -> None:
    monkeypatch.setenv("ES_URL", not_elasticsearch)
    monkeypatch.setenv("QUOTETRAIL_STATE_DIR", str(tmp_path))
    status, err = run(capsys, "stats")
    assert status == 2
    assert f"Elasticsearch at {not_elasticsearch}: the server answered HTTP" in err
    assert "is ES_URL the address of an Elasticsearch node?" in err
    assert "<html" not in err.lower() and len(err.strip().splitlines()) == 1


def test_stats_on_a_store_never_indexed_names_the_file_and_creates_nothing(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "never-indexed.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(missing))
    status, err = run(capsys, "stats")
    assert status == 2 and not missing.exists()
    assert f"no store at {missing}" in err and "QUOTETRAIL_DB" in err


def test_stats_names_the_store_it_read(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    assert main(["index", str(story)]) == 0
    capsys.readouterr()
    status, err = run(capsys, "stats")
    assert status == 0 and f"quotetrail: reading sqlite {db}" in err
