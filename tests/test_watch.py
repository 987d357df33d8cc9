"""A researcher indexes links and follows outlets' feeds; the database keeps up by itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from web_servers import Answer, Site, page, rss, serving

from indexer.fetch.state import WatchState
from quotetrail.cli import main
from schemas.ids import article_id
from store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parent.parent
QUOTE = '"We will not allow our ports to become a bargaining chip," Defence Minister {} said.'


def story(n: int) -> str:
    return (
        f"BRENNA — Port workers met the minister for the {n}th time on Monday.\n\n"
        + QUOTE.format(f"Andrii Vedmid{'' if n % 2 else ' Jr'}")
    )


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "state" / "quotetrail.db"
    path.parent.mkdir()
    monkeypatch.setenv("QUOTETRAIL_DB", str(path))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    monkeypatch.setenv("QUOTETRAIL_FETCH_PRIVATE", "1")  # the test sites are on 127.0.0.1
    return path


def articles(db: Path) -> dict[str, dict]:
    store = SqliteStore(str(db))
    try:
        found = {}
        for n in range(200):
            for url in (f"https://herald.example/story-{n}",):
                record = store.get_article(article_id(url, ""))
                if record:
                    found[url] = record
        return found
    finally:
        store.close()


def test_index_fetches_a_page_and_a_summary_feed_keeping_url_outlet_and_date(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = Site()
    site.routes["/story-1?utm_source=share"] = Answer(
        page(
            "Ports",
            story(1),
            outlet="Herald",
            date="2024-05-21",
            canonical="https://herald.example/story-1",
        )
    )
    site.routes["/feed.xml"] = Answer(
        rss("Herald feed", [("Story 2", "/story-2?utm_medium=rss", "Workers met.")]),
        headers={"Content-Type": "application/rss+xml"},
    )
    site.routes["/story-2?utm_medium=rss"] = Answer(page("Story 2", story(2)))
    with serving(site):
        status = main(
            ["index", site("/story-1?utm_source=share"), site("/feed.xml"), "--workers", "1"]
        )
    err = capsys.readouterr().err
    assert status == 0, err
    assert "2 indexed" in err
    first = articles(db)["https://herald.example/story-1"]
    assert (first["outlet"], first["published"][:10]) == ("Herald", "2024-05-21")
    store = SqliteStore(str(db))
    second = store.get_article(article_id(site("/story-2"), ""))
    store.close()
    assert second is not None, "the item's page was fetched, its URL without the tracker"
    assert second["outlet"] == "Herald feed"  # the page names none: the feed's title
    assert second["published"][:10] == "2024-05-21"
    assert site.hits["/story-2?utm_medium=rss"] == 1


def test_watch_reports_each_fault_per_feed_and_indexes_the_rest(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = Site()
    site.routes["/news.xml"] = Answer(
        rss(
            "News",
            [
                ("Good", "/good", "s"),
                ("Gone", "/gone", "s"),
                ("Broken", "/broken", "s"),
                ("Picture", "/picture", "s"),
                ("Empty", "/empty", "s"),
            ],
        ),
        headers={"Content-Type": "application/rss+xml"},
        etag='"n1"',
    )
    site.routes["/good"] = Answer(page("Good", story(3), outlet="News Daily"))
    site.routes["/gone"] = Answer(b"gone", 410)
    site.routes["/broken"] = Answer(b"fail", 500)
    site.routes["/picture"] = Answer(
        b"\x89PNG\r\n\x1a\n" + b"\0" * 200, headers={"Content-Type": "image/png"}
    )
    site.routes["/empty"] = Answer(b"<html><body><nav>Home</nav></body></html>")
    site.routes["/error-page.xml"] = Answer(
        b"<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>"
    )
    with serving(site):
        feeds = [site("/news.xml"), site("/error-page.xml"), "http://127.0.0.1:9/feed.xml"]
        status = main(["watch", *feeds, "--once", "--delay", "0", "--workers", "1"])
        err = capsys.readouterr().err
        assert status == 1
        for path, reason in [
            ("/gone", "HTTP 410"),
            ("/broken", "HTTP 500"),
            ("/picture", "not an article page"),
            ("/empty", "not an article page"),
            ("/error-page.xml", "not a feed"),
            (":9/feed.xml", "cannot connect"),
        ]:
            assert any(path in line and reason in line for line in err.splitlines()), (path, err)
        state = WatchState(str(db.parent))
        by_feed = {f.url: f for f in state.feeds()}
        news = by_feed[site("/news.xml")]
        assert (news.new_articles, news.errors) == (1, 4)
        assert by_feed[site("/error-page.xml")].errors == 1
        assert by_feed["http://127.0.0.1:9/feed.xml"].last_status == "error"

        # The next poll asks again for the transient failure (a 500), nothing else.
        site.routes["/broken"] = Answer(page("Fixed", story(5), outlet="News Daily"))
        main(["watch", *feeds[:1], "--once", "--delay", "0", "--workers", "1"])
        capsys.readouterr()
        assert site.hits["/good"] == 1 and site.hits["/gone"] == 1
        assert site.hits["/broken"] == 1 + 3 + 1  # first try + 3 retries, then the new poll
        # Everything through: the feed is now asked conditionally and answers 304.
        main(["watch", *feeds[:1], "--once", "--delay", "0", "--workers", "1"])
        assert site.requests[-1][1].get("If-None-Match") == '"n1"'
        state = WatchState(str(db.parent))
        assert {f.url: f for f in state.feeds()}[site("/news.xml")].last_status == "not modified"
        assert state.item_count("indexed") == 2
        # A finished poll leaves no run state behind (journal, linker memory, checkpoint).
        assert sorted(p.name for p in db.parent.glob(".quotetrail-*")) == []
    status = main(["watch", "--status"])
    out = capsys.readouterr().out
    assert status == 0 and site("/news.xml") in out and "not modified" in out


def test_a_killed_watch_resumes_without_duplicates_or_gaps(tmp_path: Path) -> None:
    items = 24
    site = Site()
    site.routes["/feed.xml"] = Answer(
        rss("Herald", [(f"Story {n}", f"/story-{n}", "s") for n in range(items)]),
        headers={"Content-Type": "application/rss+xml"},
    )
    for n in range(items):
        site.routes[f"/story-{n}"] = Answer(
            page(f"Story {n}", story(n), outlet="Herald"), delay=0.15
        )
    db = tmp_path / "quotetrail.db"
    env = {**os.environ, "QUOTETRAIL_DB": str(db), "QUOTETRAIL_FETCH_PRIVATE": "1"}
    env.pop("ES_URL", None)
    command = [
        sys.executable,
        "-m",
        "quotetrail.cli",
        "watch",
        "--once",
        "--delay",
        "0",
        "--workers",
        "1",
        "--batch-size",
        "4",
    ]
    with serving(site):
        process = subprocess.Popen(
            [*command, site("/feed.xml")],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        state = WatchState(str(tmp_path))
        deadline = time.monotonic() + 120
        while state.item_count() < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        done_before = {path for path, _ in site.requests if path.startswith("/story-")}
        recorded = state.item_count()
        assert 4 <= recorded < items, "killed mid-run"
        fetched_before = dict(site.hits)
        finished = subprocess.run(
            [*command, site("/feed.xml")],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert finished.returncode == 0, finished.stderr
    assert WatchState(str(tmp_path)).item_count() == items
    store = SqliteStore(str(db))
    stored = [store.get_article(article_id(site(f"/story-{n}"), "")) for n in range(items)]
    total = store.stats()["articles"]
    store.close()
    assert all(stored) and total == items  # no gap, no duplicate
    assert sorted(p.name for p in tmp_path.glob(".quotetrail-*")) == []
    refetched = [n for n in range(items) if site.hits[f"/story-{n}"] > 1]
    # Only the items fetched but not yet written at the kill may be fetched again.
    assert len(refetched) <= len(done_before) - recorded
    assert all(fetched_before.get(f"/story-{n}", 0) >= 1 for n in refetched)
