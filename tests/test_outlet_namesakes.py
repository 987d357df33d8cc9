"""Two papers called "The Star", one in Lebanon and one in Kenya, on their own domains,
stay two outlets (the second keeps its qualifier in its id); an outlet "name" that is a
spreadsheet formula is left out, said in the summary, and refused by the API. On SQLite
and Elasticsearch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indexing import index_in_process

from store.base import SearchQuery, Store
from webapp import create_app

LEBANON = {"url": "https://dailystar-lb.example/2026/11/30/power", "title": "Power",
           "outlet": "The Star (Lebanon)", "published": "2026-11-30",
           "body": '"Power cuts will end by June," said Energy Minister Rami Haddad.'}
KENYA = {"url": "https://thestar-ke.example/2026/11/30/maize", "title": "Maize",
         "outlet": "The Star (Kenya)", "published": "2026-11-30",
         "body": '"Maize prices will fall," said Agriculture Minister Wanjiru Kamau.'}
FORMULA = '=HYPERLINK("http://evil.example","Evil Times")'


def indexed(store: Store, tmp_path: Path, *records: dict[str, Any]) -> str:
    path = tmp_path / f"in-{len(list(tmp_path.iterdir()))}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary, warnings = index_in_process(store, path, tmp_path / "state")
    assert summary.indexed == len(records)
    return warnings


def outlets_by_content(store: Store) -> dict[str, str]:
    return {h["content"][:12]: h["outlet_id"] for h in store.scan(SearchQuery(facets=False))}


def test_namesake_papers_on_their_own_domains_stay_two_outlets(new_store: Store, tmp_path: Path):
    indexed(new_store, tmp_path, LEBANON, KENYA)
    by_content = outlets_by_content(new_store)
    assert by_content['"Power cuts '] != by_content['"Maize price']
    assert by_content['"Maize price'] == "the-star-kenya"
    # read again, each paper's next article goes to its own outlet
    indexed(new_store, tmp_path, {**KENYA, "url": KENYA["url"] + "-2",
                                  "body": '"Tea exports will rise," said Wanjiru Kamau.'})
    assert outlets_by_content(new_store)['"Tea exports'] == "the-star-kenya"


def test_an_outlet_named_by_a_spreadsheet_formula_is_left_out(new_store: Store, tmp_path: Path):
    warnings = indexed(new_store, tmp_path, {**KENYA, "outlet": FORMULA})
    assert "a spreadsheet formula as outlet left out" in warnings
    [hit] = new_store.scan(SearchQuery(facets=False))
    assert "HYPERLINK" not in (hit["outlet"] or "") and not (hit["outlet"] or "").startswith("=")
    client = create_app(new_store, {"TESTING": True, "API_TOKEN": "s3cret"}).test_client()
    response = client.post("/api/v1/articles", json={**LEBANON, "outlet": FORMULA},
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 400 and "outlet" in response.get_data(as_text=True)
