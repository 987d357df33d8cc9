"""The facet filter box counts names within the search, on both engines.

A reader searching "systems" asks the speaker box for Stoltenberg and the ministry: the box
counts Stoltenberg's one use of the word (not his three attributions) and leaves out the
ministry, which never used it. Figures are read off ``tests/store_fixtures.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from store.base import SearchQuery


def test_a_facet_counts_only_the_values_asked_for(fixtures_corpus: Any) -> None:
    asked = {"speaker": ("jens-stoltenberg", "ministry-of-defence")}
    everything = fixtures_corpus.search(SearchQuery(per_page=0, facet_values=asked))
    assert [(v.value, v.count) for v in everything.facets["speaker"]] == [
        ("jens-stoltenberg", 3), ("ministry-of-defence", 2)  # not Zelensky's 5
    ]
    within = fixtures_corpus.search(SearchQuery(text="systems", per_page=0, facet_values=asked))
    assert [(v.value, v.count, v.label) for v in within.facets["speaker"]] == [
        ("jens-stoltenberg", 1, "Jens Stoltenberg")
    ]
    assert [v.value for v in within.facets["outlet"]] == ["bbc"]  # other facets as before


def test_a_facet_of_multiple_values_counts_only_those_asked_for(fixtures_corpus: Any) -> None:
    query = SearchQuery(facet_values={"via": ("reuters",)}, per_page=0)
    assert [(v.value, v.count) for v in fixtures_corpus.search(query).facets["via"]] == [
        ("reuters", 1)
    ]


@pytest.mark.parametrize("asked", [{"nope": ("x",)}, {"speaker": ()}])
def test_facet_values_name_a_facet_and_values(fixtures_corpus: Any, asked: Any) -> None:
    with pytest.raises(ValueError, match="facet_values"):
        fixtures_corpus.search(SearchQuery(facet_values=asked))


def test_the_filter_box_lookup_counts_within_the_search(client: Any) -> None:
    everywhere = client.get("/api/v1/search/facets/speaker?match=lind").get_json()
    within = client.get("/api/v1/search/facets/speaker?match=lind&q=veto").get_json()
    assert [(v["label"], v["count"]) for v in everywhere["values"]] == [("Anna Lindqvist", 4)]
    assert [(v["label"], v["count"]) for v in within["values"]] == [("Anna Lindqvist", 1)]
    results = client.get("/api/v1/search?q=veto&speaker=anna-lindqvist").get_json()
    assert results["total"] == 1
    nobody = client.get("/api/v1/search/facets/speaker?match=feld&q=drones").get_json()
    assert nobody["values"] == []  # Jonas Feld said nothing about drones


def test_the_filter_box_lookup_refuses_what_it_cannot_answer(client: Any) -> None:
    not_names = client.get("/api/v1/search/facets/kind?match=dir")
    assert not_names.status_code == 404 and "kind" in not_names.get_json()["message"]
    untyped = client.get("/api/v1/search/facets/speaker")
    assert untyped.status_code == 400 and untyped.get_json()["param"] == "match"
