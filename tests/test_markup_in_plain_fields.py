"""Markup in a plain-text field: a JSON dump or an API client sends
``"said Robert <b>Bobby</b> Tables"`` or an outlet named ``<img ... alert(1)>Evil Times``.
The reader reads such fields as a browser shows them, says so in the indexing summary,
and the speaker keeps his whole name (on SQLite and Elasticsearch)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from indexer.indexing import Indexer, IndexOptions
from indexer.read.markup import markup_text
from store.base import SearchQuery, Store
from webapp import create_app

RECORD = {
    "url": "https://evil.example/a/1",
    "title": "<script>alert('t')</script> Mayor quits",
    "outlet": "<img src=x onerror=alert(1)>Evil Times",
    "published": "2026-11-20T10:00:00Z",
    "body": '"I am resigning today," said Robert <b>Bobby</b> Tables.\n\n'
    "<p>The council thanked him.</p>",
}


def speakers_and_outlets(store: Store) -> tuple[set[str], set[str]]:
    getattr(store, "refresh", lambda: None)()
    hits = list(store.scan(SearchQuery(facets=False)))
    return {h["speaker"] for h in hits}, {h["outlet"] for h in hits}


def test_a_bold_middle_name_in_a_json_body_stays_part_of_the_speaker(
    new_store: Store, tmp_path: Path
) -> None:
    (tmp_path / "in.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    warnings = io.StringIO()
    options = IndexOptions([str(tmp_path / "in.jsonl")], state_dir=str(tmp_path), workers=1)
    summary = Indexer(new_store, options, warnings).run()
    assert summary.indexed == 1 and summary.repaired == 1
    assert "HTML markup in body, title, outlet removed" in warnings.getvalue()
    speakers, outlets = speakers_and_outlets(new_store)
    assert speakers == {"Robert Bobby Tables"}
    assert outlets == {"Evil Times"}
    [article] = [new_store.get_article(h["article_id"]) for h in new_store.scan(SearchQuery())]
    assert article["title"] == "Mayor quits"
    assert article["body"].endswith("Tables.\n\nThe council thanked him.")


def test_the_api_reads_markup_in_a_posted_article_as_the_indexer_does(new_store: Store) -> None:
    client = create_app(new_store, {"TESTING": True, "API_TOKEN": "s3cret"}).test_client()
    response = client.post(
        "/api/v1/articles", json=RECORD, headers={"Authorization": "Bearer s3cret"}
    )
    assert response.status_code == 201, response.get_json()
    assert speakers_and_outlets(new_store) == ({"Robert Bobby Tables"}, {"Evil Times"})


def test_text_that_only_looks_like_markup_is_left_as_written() -> None:
    for text in ("if x <y and z> w then", "I <3 this town", "a < b > c"):
        assert markup_text(text, paragraphs=True) == text
