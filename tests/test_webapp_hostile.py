"""Hostile requests and hostile stored text against the web app, on SQLite and Elasticsearch:
nothing answers 500, nothing trusts the Host header, every response carries security
headers, and posted articles are bounded in size and in the time they hold a request."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest

from indexer.indexing import Indexer, IndexOptions
from store.base import ArticleRecord, SearchQuery, Store
from webapp import create_app

AUTH = {"Authorization": "Bearer s3cret"}
QUOTE = '"We will rebuild the harbour wall by {year}," Mayor Celia Marchetti said on Monday.'


def app_client(st: Store, **config: Any) -> Any:
    return create_app(st, {"TESTING": True, "API_TOKEN": "s3cret", **config}).test_client()


@pytest.fixture
def hostile_store(new_store: Store, tmp_path: Path) -> Store:
    """A JSON Lines file whose second record's title ends in a lone surrogate, indexed as
    ``quotetrail index`` does, and whose third record then links to a ``javascript:`` URL
    (as stored before the inputs refused such URLs)."""
    lines = [
        '{"url": "https://ledger.example/1", "title": "Wall", "outlet": "Metro Ledger", '
        f'"body": {json.dumps(QUOTE.format(year=2030))}}}',
        '{"url": "https://ledger.example/2", "title": "T \\ud83d", "outlet": "Metro Ledger", '
        f'"body": {json.dumps(QUOTE.format(year=2031))}}}',
        '{"url": "https://ledger.example/3", "title": "Script", "outlet": "Metro Ledger", '
        f'"body": {json.dumps(QUOTE.format(year=2032))}}}',
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    options = IndexOptions([str(tmp_path / "in.jsonl")], state_dir=str(tmp_path), workers=1)
    summary = Indexer(new_store, options, io.StringIO()).run()
    assert summary.indexed == 3 and summary.repaired == 1
    getattr(new_store, "refresh", lambda: None)()
    [script] = [a for a in new_store.scan(SearchQuery(facets=False)) if "2032" in a["content"]]
    article = {**new_store.get_article(script["article_id"]), "url": "javascript:alert(1)"}
    article["fingerprint"] = "stored before inputs refused javascript: URLs"
    attributions = [
        {**a, "article_url": article["url"]}
        for a in new_store.scan(SearchQuery(filters={"article_id": (article["id"],)}))
    ]
    new_store.put_articles([ArticleRecord(article, attributions)])
    getattr(new_store, "refresh", lambda: None)()
    return new_store


def test_a_lone_surrogate_in_a_stored_title_breaks_no_page_or_export(hostile_store: Store) -> None:
    client = app_client(hostile_store)
    for url in (
        "/",
        "/?q=harbour",
        "/check?text=rebuild+the+harbour+wall",
        "/api/v1/search?q=harbour",
        "/api/v1/search.jsonl?q=harbour",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    outlet_id = client.get("/api/v1/search").get_json()["hits"][0]["attribution"]["outlet_id"]
    assert client.get(f"/outlets/{outlet_id}").status_code == 200
    rows = list(csv.reader(io.StringIO(client.get("/api/v1/search.csv").get_data(as_text=True))))
    assert len(rows) == 1 + 3  # the header and every attribution
    lines = client.get("/api/v1/search.jsonl").get_data(as_text=True).splitlines()
    assert len(lines) == 3


def test_claimreview_publishes_only_web_urls(hostile_store: Store) -> None:
    client = app_client(hostile_store)
    hits = client.get("/api/v1/search?q=2032").get_json()["hits"]
    statement = hits[0]["attribution"]["statement_id"]
    hostile_store.set_verdict(statement, {"rating": "false", "reviewer": "Desk"})
    review = client.get(f"/api/v1/statements/{statement}?format=claimreview").get_json()
    text = json.dumps(review)
    assert "javascript:" not in text
    [script] = [w for w in review["itemReviewed"]["appearance"] if w["headline"] == "Script"]
    assert "url" not in script


def test_links_use_the_configured_base_url_never_the_host_header(newsroom: Store) -> None:
    hostile = (
        app_client(newsroom)
        .get("/api/v1/search?per_page=2", headers={"Host": "evil.example"})
        .get_json()
    )
    assert "evil.example" not in json.dumps(hostile)
    assert hostile["paging"]["next"].startswith("/api/v1/search?")
    configured = app_client(newsroom, BASE_URL="https://quotes.example.org/")
    body = configured.get("/api/v1/search?per_page=2", headers={"Host": "evil.example"}).get_json()
    assert body["paging"]["next"].startswith("https://quotes.example.org/api/v1/search?")
    assert body["hits"][0]["links"]["self"].startswith("https://quotes.example.org/api/v1/")


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/api/v1/search",
        "/nowhere",
        "/api/v1/nowhere",
        "/api/v1/search.csv",
        "/static/quotetrail.js",
    ],
)
def test_every_response_carries_the_security_headers(client: Any, url: str) -> None:
    headers = client.get(url).headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_a_non_ascii_bearer_token_is_unauthorized_not_a_crash(client: Any) -> None:
    response = client.post(
        "/api/v1/articles", json={"body": "x"}, headers={"Authorization": "Bearer s3crét"}
    )
    assert response.status_code == 401 and response.get_json()["status"] == 401


def test_a_deeply_nested_body_is_a_bad_request(client: Any) -> None:
    response = client.post(
        "/api/v1/articles",
        data="[" * 100_000 + "]" * 100_000,
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "nested too deeply" in response.get_json()["message"]


def test_a_posted_lone_surrogate_is_refused_naming_the_field(client: Any) -> None:
    data = '{"title": "T \\ud83d", "body": ' + json.dumps(QUOTE.format(year=1)) + "}"
    response = client.post(
        "/api/v1/articles", data=data, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    body = response.get_json()
    assert body["param"] == "title" and "lone surrogate U+D83D" in body["message"]


def test_an_article_over_the_5_mb_limit_is_refused_with_413(client: Any) -> None:
    body = json.dumps({"body": "word " * (5 * 1024 * 1024 // 5 + 10)})
    response = client.post(
        "/api/v1/articles", data=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.get_json()["status"] == 413


def test_an_article_past_the_time_budget_is_accepted_with_a_status_url(new_store: Store) -> None:
    client = app_client(new_store, WRITE_BUDGET_SECONDS=0)
    article = {
        "url": "https://ledger.example/slow",
        "title": "Slow",
        "body": QUOTE.format(year=2040),
    }
    response = client.post("/api/v1/articles", json=article, headers=AUTH)
    assert response.status_code == 202, response.get_data(as_text=True)
    accepted = response.get_json()
    assert accepted["status"] == "accepted" and response.headers["Location"] == accepted["self"]
    for _ in range(300):
        found = client.get(accepted["self"])
        if found.status_code == 200:
            break
        assert found.status_code == 404
        time.sleep(0.1)
    assert found.status_code == 200
    assert found.get_json()["article"]["title"] == "Slow"


def test_a_claim_longer_than_a_url_is_checked_by_post(client: Any) -> None:
    claim = ("rebuild every home " * 600)[:10_000]
    response = client.post("/api/v1/check", json={"text": claim, "limit": 3})
    assert response.status_code == 200
    assert response.get_json()["text"] == claim
