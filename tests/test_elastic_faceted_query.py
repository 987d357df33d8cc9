"""A faceted search on Elasticsearch stays fast on a large index (issue #12: query p95 at
1,000,000 attributions): each match is tested once per distinct set of filters, and paging
through a search takes its counts from Elasticsearch's request cache instead of counting
every match again. The results themselves are the SQLite engine's (test_store_contract's
test_engines_agree)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_fixtures import load_corpus

from store.base import SearchQuery
from store.elastic import _Dsl
from store.plan import Plan


def test_a_search_with_two_filters_tests_each_match_against_three_sets_of_filters():
    query = SearchQuery(text="strikes", filters={"kind": ("direct",), "outlet": ("ap",)})
    aggregations = _Dsl(Plan(query)).aggregations(10)
    filter_sets = [body["filter"] for body in aggregations.values() if "filter" in body]
    # all the filters (histogram and the seven facets not filtered on), all but kind,
    # all but outlet
    assert len(filter_sets) == 3


def request_cache_hits(store) -> int:
    stats = store.es.indices.stats(index=store.alias("attributions"), metric="request_cache")
    return stats["_all"]["total"]["request_cache"]["hit_count"]


@pytest.mark.elasticsearch
def test_the_second_page_of_a_search_reuses_the_counts_of_the_first(open_store):
    store = open_store("elasticsearch")
    load_corpus(store)
    first = SearchQuery(text="the", filters={"kind": ("direct", "indirect")}, per_page=2)
    before = request_cache_hits(store)
    page_one = store.search(first)
    page_two = store.search(replace(first, page=2))
    assert request_cache_hits(store) > before
    assert page_two.facets == page_one.facets and page_two.total == page_one.total
    assert {h.attribution["id"] for h in page_one.hits}.isdisjoint(
        h.attribution["id"] for h in page_two.hits
    )
