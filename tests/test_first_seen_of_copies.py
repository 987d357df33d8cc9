"""First seen is where a statement was published first: a wire story out at 15:30Z and a
copy of it out at 18:00Z the same day (the copy saying where it comes from) are listed
original first, and the check page, /api/v1/check and /api/v1/attributions/<id> all say
"first seen in Wire National". On SQLite and Elasticsearch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indexing import index_in_process

from store.base import SearchQuery, Store
from webapp import create_app

STORY = (
    'SPRINGFIELD, Ill., Nov. 29 (WN) - "We are out of money," State Sen. Ruth Calder said '
    'on Sunday. "The governor knows it."\n\nCalder said she would release notes of the meeting.'
)
ORIGINAL = {"url": "https://wirenational.example/p15/original", "title": "Out of money",
            "outlet": "Wire National", "body": STORY}
COPY = {"url": "https://newsroundup.example/p15/copy", "title": "Out of money",
        "outlet": "News Roundup",
        "body": STORY + "\n\nThis article originally appeared in Wire National."}


def indexed(store: Store, tmp_path: Path, *records: dict[str, Any]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert index_in_process(store, path, tmp_path)[0].indexed == len(records)


def first_seen_everywhere(store: Store) -> set[str]:
    """The outlet each way of asking names as first seen."""
    client = create_app(store, {"TESTING": True}).test_client()
    claim = "We are out of money"
    [match] = client.get("/api/v1/check", query_string={"text": claim}).get_json()["matches"]
    named = {match["journey"]["first_seen"]["outlet"]}
    html = client.get("/check", query_string={"text": claim}).get_data(as_text=True)
    named |= {o for o in ("Wire National", "News Roundup") if f"</time></strong> in {o}" in html}
    for hit in store.scan(SearchQuery(filters={"statement_id": (match["statement_id"],)})):
        answer = client.get(f"/api/v1/attributions/{hit['id']}").get_json()
        first = answer["journey"]["first_seen"]
        named.add(first["outlet"])
        assert answer["is_first_seen"] == (hit["article_id"] == first["article_id"])
    return named


def test_the_original_out_hours_before_its_copy_is_first_seen(new_store: Store, tmp_path: Path):
    indexed(new_store, tmp_path,  # the copy listed first, as a feed may list it
            {**COPY, "published": "2026-11-29T18:00:00Z"},
            {**ORIGINAL, "published": "2026-11-29T15:30:00Z"})
    assert first_seen_everywhere(new_store) == {"Wire National"}


def test_on_one_day_without_times_the_original_comes_before_the_copy(
    new_store: Store, tmp_path: Path
):
    indexed(new_store, tmp_path,
            {**COPY, "published": "2026-11-29"}, {**ORIGINAL, "published": "2026-11-29"})
    assert first_seen_everywhere(new_store) == {"Wire National"}


def test_an_earlier_time_wins_whatever_the_zone_it_is_written_in(
    new_store: Store, tmp_path: Path
):
    """16:00 in Springfield (UTC-6) is 22:00Z: after a copy out at 18:00Z."""
    indexed(new_store, tmp_path,
            {**ORIGINAL, "published": "2026-11-29T16:00:00-06:00"},
            {**COPY, "published": "2026-11-29T18:00:00Z"})
    assert first_seen_everywhere(new_store) == {"News Roundup"}
