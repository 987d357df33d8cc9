"""One article, three ways in: `quotetrail index`, `quotetrail extract` and
`POST /api/v1/articles` prepare it the same way (indexer.prepare), so they find the same
attributions and store the same fingerprint."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quotetrail.cli import main, run_extract
from store.base import SearchQuery
from store.sqlite import SqliteStore

# A syndicated copy as a JSON dump holds it: a dateline, the syndication line and the host
# page's comment form around the text; cleaning must remove them on every path.
ARTICLE = {
    "url": "https://harbordaily.example/2024/12/ferry",
    "title": "Ferry service saved",
    "outlet": "Harbor Daily",
    "published": "2024-12-03",
    "body": "December 3, 2024\n\n"
    "PORT ELLERY — The ferry will keep running, the council said on Monday.\n\n"
    '"We found the money in the end," said Anna Lindqvist, the mayor, on Tuesday.\n\n'
    "Harbour pilot Jonas Feld told reporters that the crossings would double in summer.\n\n"
    "Read the original article on Coast Wire.\n\n"
    "Leave a reply\n\nYour email address will not be published.\n",
}


def stored(store: SqliteStore, article_id: str) -> tuple[dict, list[dict]]:
    article = store.get_article(article_id)
    assert article is not None
    return article, sorted(store.article_attributions(article_id), key=lambda a: a["id"])


def test_index_extract_and_the_api_prepare_an_article_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.json"
    path.write_text(json.dumps(ARTICLE), encoding="utf-8")

    indexed_db = tmp_path / "indexed.db"
    monkeypatch.setenv("QUOTETRAIL_DB", str(indexed_db))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    assert main(["index", str(path), "--workers", "1"]) == 0, capsys.readouterr().err
    store = SqliteStore(str(indexed_db))
    try:
        (article_id,) = {a["article_id"] for a in store.scan(SearchQuery())}
        indexed, indexed_attributions = stored(store, article_id)
    finally:
        store.close()
    assert "Leave a reply" not in indexed["body"] and "December 3" not in indexed["body"]
    assert len(indexed_attributions) >= 2

    out = io.StringIO()
    assert run_extract([str(path)], "jsonl", out) == 0
    (line,) = out.getvalue().splitlines()
    extracted = sorted(json.loads(line)["attributions"], key=lambda a: a["content_spans"])
    fields = ("content", "content_spans", "speaker_span", "cue", "cue_span", "kind", "confidence")
    assert [
        {k: a[k] for k in fields}
        for a in sorted(indexed_attributions, key=lambda a: a["content_spans"])
    ] == [{k: a[k] for k in fields} for a in extracted]

    from webapp import create_app

    api_store = SqliteStore(str(tmp_path / "api.db"))
    try:
        client = create_app(api_store, {"TESTING": True, "API_TOKEN": "s3cret"}).test_client()
        response = client.post(
            "/api/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer s3cret"}
        )
        assert response.status_code == 201, response.get_json()
        assert response.get_json()["id"] == article_id
        posted, posted_attributions = stored(api_store, article_id)
    finally:
        api_store.close()
    assert posted["fingerprint"] == indexed["fingerprint"]
    assert posted_attributions == indexed_attributions
    assert {k: v for k, v in posted.items() if k != "source"} == {
        k: v for k, v in indexed.items() if k != "source"
    }


def test_an_attribution_the_indexer_drops_under_the_floor_is_not_stored_by_the_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A weak reading ("x said y") falls below the confidence floor: `quotetrail index`
    drops it, and so must `POST /api/v1/articles`; one rule for both ways in. (The floor is
    set just above this reading's confidence, so the story holds wherever the floor is.)"""
    from indexer.extract import extract, scoring
    from webapp import create_app

    weak = {"url": "https://repro.example/floor", "title": "Floor", "outlet": "Repro News",
            "published": "2026-11-30T12:00:00Z", "body": "x said y"}
    found = extract(weak["body"], weak["title"])
    assert found and all(a["confidence"] < 0.6 for a in found)
    monkeypatch.setattr(scoring, "STORE_FLOOR", max(a["confidence"] for a in found) + 0.01)

    path = tmp_path / "floor.json"
    path.write_text(json.dumps(weak), encoding="utf-8")
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "indexed.db"))
    monkeypatch.delenv("ES_URL", raising=False)
    monkeypatch.delenv("QUOTETRAIL_STATE_DIR", raising=False)
    assert main(["index", str(path), "--workers", "1"]) == 0, capsys.readouterr().err
    assert "1 below the confidence floor dropped" in capsys.readouterr().err
    indexed = SqliteStore(str(tmp_path / "indexed.db"))
    try:
        assert list(indexed.scan(SearchQuery())) == []
    finally:
        indexed.close()

    api_store = SqliteStore(str(tmp_path / "api.db"))
    try:
        client = create_app(api_store, {"TESTING": True, "API_TOKEN": "s3cret"}).test_client()
        response = client.post(
            "/api/v1/articles", json=weak, headers={"Authorization": "Bearer s3cret"}
        )
        assert response.status_code == 201, response.get_json()
        assert api_store.article_attributions(response.get_json()["id"]) == []
        assert list(api_store.scan(SearchQuery())) == []
    finally:
        api_store.close()
