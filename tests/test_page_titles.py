"""Browser tabs and bookmarks name a quote the way the page shows it: one pair of quotation
marks around the words an article quoted, never the stored marks doubled (“"…"”). On both
engines, from an article indexed as a user would."""

from __future__ import annotations

import io
import json
import re
from html import unescape
from pathlib import Path

from indexer.indexing import Indexer, IndexOptions
from store.base import SearchQuery, Store
from webapp import create_app


def _title(client: object, url: str) -> str:
    response = client.get(url)  # type: ignore[attr-defined]
    assert response.status_code == 200, (url, response.status_code)
    match = re.search(r"<title>(.*?)</title>", response.get_data(as_text=True), re.S)
    assert match, url
    return unescape(match.group(1))


def test_a_quote_page_title_has_one_pair_of_quotation_marks(
    new_store: Store, tmp_path: Path
) -> None:
    source = tmp_path / "duty.jsonl"
    body = '"There is no plan to raise fuel duty next year," Laura Chen said on Sunday.'
    record = {"url": "https://globe.example/duty", "title": "Duty", "published": "2026-11-22"}
    source.write_text(json.dumps({**record, "body": body}) + "\n")
    options = IndexOptions([str(source)], state_dir=str(tmp_path / "state"), workers=1)
    Indexer(new_store, options, io.StringIO()).run()
    getattr(new_store, "refresh", lambda: None)()
    (quote,) = list(new_store.scan(SearchQuery(facets=False)))
    assert quote["kind"] == "direct" and quote["content"].startswith('"')
    client = create_app(new_store, {"TESTING": True, "SECRET_KEY": "k"}).test_client()

    title = _title(client, f"/attributions/{quote['id']}")
    assert title.startswith("Laura Chen: “There is no plan to raise fuel")
    assert title.count("“") == 1 and title.count("”") == 1 and '"' not in title
    statement = _title(client, f"/statements/{quote['statement_id']}")
    assert statement.startswith("Statement: “There is no plan")
    assert '"' not in statement and statement.count("“") == 1
