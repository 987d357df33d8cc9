"""What an article's metadata may say, whichever way it arrives (``quotetrail index`` or
``POST /api/v1/articles``): one article reached by several URLs (tracking parameters, a
mobile or AMP rendering) is one article stored under its plain URL; a publication date
years ahead is refused by the API and dropped with a warning by the command; a
``javascript:`` (or any non-web) URL is refused by both.

The API stories run on both engines.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quotetrail.cli import main
from store.base import SearchQuery, Store
from store.sqlite import SqliteStore

AUTH = {"Authorization": "Bearer s3cret"}
BODY = 'The ferry will keep running. "We found the money in the end," said Anna Lindqvist.'
PLAIN = "https://dupnews.example/story?id=5"
VARIANTS = (
    PLAIN,
    "https://dupnews.example/story?id=5&utm_source=twitter&fbclid=abc",
    "https://m.dupnews.example/story?id=5",
    "https://dupnews.example/amp/story?id=5",
)
FUTURE = "https://dupnews.example/future"
TOMORROW = "https://dupnews.example/tomorrow"


def _header(url: str, published: str = "2025-05-05") -> str:
    return f"Title: Dup story\nURL: {url}\nOutlet: Dup News\nDate: {published}\n\n{BODY}\n"


def _articles(store: Store) -> list[dict[str, Any]]:
    ids = {a["article_id"] for a in store.scan(SearchQuery(sort="date", facets=False))}
    return [store.get_article(i) for i in sorted(ids)]


def test_one_article_posted_under_several_urls_is_stored_once(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    before = len(_articles(fresh_newsroom))
    ids = set()
    for url in VARIANTS:
        payload = {"url": url, "title": "Dup story", "published": "2025-05-05", "body": BODY}
        response = fresh_client.post("/api/v1/articles", json=payload, headers=AUTH)
        assert response.status_code in (200, 201), response.get_json()
        ids.add(response.get_json()["id"])
    assert len(ids) == 1
    stored = fresh_newsroom.get_article(ids.pop())
    assert stored["url"] == PLAIN
    assert len(_articles(fresh_newsroom)) == before + 1


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("published", "2099-01-01", "in the future"),
        ("url", "javascript:alert(1)", "not a web address"),
        ("url", "ftp://dupnews.example/story", "not a web address"),
    ],
)
def test_the_api_refuses_a_future_date_and_a_url_that_is_no_web_address(
    fresh_client: Any, field: str, value: str, said: str
) -> None:
    payload = {"url": PLAIN, "published": "2025-05-05", "body": BODY, field: value}
    response = fresh_client.post("/api/v1/articles", json=payload, headers=AUTH)
    body = response.get_json()
    assert response.status_code == 400, body
    assert body["param"] == field and said in body["message"]


def test_the_index_command_folds_url_variants_drops_future_dates_and_rejects_bad_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "q.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(db))
    monkeypatch.delenv("ES_URL", raising=False)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, url in enumerate(VARIANTS):
        (folder / f"d{i}.txt").write_text(_header(url), encoding="utf-8")
    soon = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    (folder / "tomorrow.txt").write_text(_header(TOMORROW, soon), encoding="utf-8")
    (folder / "future.txt").write_text(_header(FUTURE, "2099-01-01"), encoding="utf-8")
    (folder / "script.txt").write_text(_header("javascript:alert(1)"), encoding="utf-8")

    status = main(["index", str(folder), "--workers", "1", "--state-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 1  # the javascript: URL is rejected
    assert "script.txt: url 'javascript:alert(1)' is not a web address" in err
    assert "future.txt: published 2099-01-01 is in the future" in err and "date dropped" in err

    store = SqliteStore(str(db))
    try:
        by_url = {a["url"]: a for a in _articles(store)}
    finally:
        store.close()
    assert sorted(by_url) == [FUTURE, PLAIN, TOMORROW]
    assert by_url[FUTURE]["published"] is None
    assert str(by_url[TOMORROW]["published"]) == soon  # a day ahead: time zones
