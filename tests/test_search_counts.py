"""Counting a search on SQLite is bounded work, and says when it did not count everything.

Issue #12 (item 5): on 100,000 attributions a speaker's page (11,550 quotes, no words)
counted nine facets over every quote, 0.15-0.23 s of CPU, and paging through any search
counted its facets again for every page. Now the counts of a search are kept until the
store is next written (by any handle or process), and the facets of a filtered search are
counted in full within a CPU budget, else over a sample, flagged as for a common word.
The speed itself is measured by ``bench/store.py --clients 8``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from store_fixtures import load_corpus

import store.sqlite
from store.base import SearchQuery
from store.sqlite import SqliteStore

ALL = 12  # attributions in the contract corpus (tests/store_fixtures.py)
INDIRECT = 8


@pytest.fixture
def small_sample(tmp_path: Any) -> Any:
    """The contract corpus with a sample of three, so a budget overrun shows."""
    store = SqliteStore(str(tmp_path / "store.db"), sample=3)
    load_corpus(store)
    yield store
    store.close()


def counting_statements(store: SqliteStore) -> list[str]:
    """The statements this thread's connection runs from now on."""
    statements: list[str] = []
    store._conn().set_trace_callback(statements.append)
    return statements


def grouped(statements: list[str]) -> list[str]:
    """The counting ones (facets and the histogram group their rows)."""
    return [s for s in statements if "GROUP BY" in s]


def test_the_next_page_of_a_search_is_not_counted_again_until_the_store_changes(tmp_path):
    full = SqliteStore(str(tmp_path / "full.db"))  # the default sample: counts all
    load_corpus(full)
    statements = counting_statements(full)
    first = full.search(SearchQuery(text="-station", per_page=2))
    assert grouped(statements)  # facets and histogram counted
    statements.clear()
    second = full.search(SearchQuery(text="-station", per_page=2, page=2, sort="date"))
    assert not grouped(statements)
    assert (second.total, second.facets, second.histogram) == (
        first.total, first.facets, first.histogram
    )  # fmt: skip
    assert [h.attribution["id"] for h in second.hits] != [h.attribution["id"] for h in first.hits]

    # another handle (another worker process of the web app) deletes an article
    other = SqliteStore(full.path)
    assert other.delete_article("a5")
    other.close()
    statements.clear()
    third = full.search(SearchQuery(text="-station", per_page=2))
    assert grouped(statements)
    assert third.total == first.total - 2
    assert sum(v.count for v in third.facets["kind"]) == third.total
    full.close()


def test_a_filtered_search_whose_facets_outlive_the_budget_counts_a_sample_and_says_so(
    small_sample, monkeypatch
):
    # spent before it starts (raising=False: the budget is what this story is about)
    monkeypatch.setattr(store.sqlite, "FACET_BUDGET", -1.0, raising=False)
    result = small_sample.search(SearchQuery(filters={"kind": ("indirect",)}, per_page=50))
    assert result.sample == 3 and not result.unranked
    assert result.total == INDIRECT and result.total_exact  # the total is still exact
    assert len(result.hits) == INDIRECT
    assert sum(v.count for v in result.facets["cue_type"]) == 3
    assert sum(n for _, n in result.histogram) <= 3
    assert len(result.facets["kind"]) > 1  # its own filter left out of its sample
    # the overview of the whole store is one query, kept until the next write: in full
    overview = small_sample.search(SearchQuery())
    assert overview.sample is None and overview.total == ALL
    assert sum(v.count for v in overview.facets["kind"]) == ALL

    from webapp import create_app

    client = create_app(small_sample, {"TESTING": True}).test_client()
    body = client.get("/api/v1/search", query_string={"kind": "indirect"}).get_json()
    assert body["sample"] == 3 and body["total"] == INDIRECT and body["total_exact"] is True
    page = client.get("/", query_string={"kind": "indirect"}).get_data(as_text=True)
    assert "cover 3 of them" in page


@pytest.mark.parametrize("near_samples", [5, 0], ids=["copied once", "matched per facet"])
def test_a_facet_under_two_filters_counts_the_words_matches_under_the_other_one(
    tmp_path, monkeypatch, near_samples
):
    """Words with two filters: each facet leaves out its own filter, whether the rows it
    counts were copied once with the matches or matched again for it."""
    monkeypatch.setattr(store.sqlite, "NEAR_SAMPLES", near_samples)
    full = SqliteStore(str(tmp_path / "full.db"))
    load_corpus(full)
    matches = [
        hit.attribution
        for hit in full.search(SearchQuery(text="-station", per_page=50, facets=False)).hits
    ]
    filters = {"kind": ("indirect",), "speaker": ("jens-stoltenberg",)}
    result = full.search(SearchQuery(text="-station", filters=filters))
    assert result.sample is None
    assert len(result.facets["kind"]) > 1 and len(result.facets["speaker"]) > 1
    fields = {"kind": "kind", "speaker": "speaker_id"}
    for name, field in fields.items():
        (other,) = [n for n in fields if n != name]
        expected = Counter(
            a[field] for a in matches if a.get(field) and a.get(fields[other]) in filters[other]
        )
        assert {v.value: v.count for v in result.facets[name]} == dict(expected), name
    assert result.total == sum(
        1 for a in matches if a["kind"] == "indirect" and a.get("speaker_id") == "jens-stoltenberg"
    )
    full.close()
