"""A reader narrows a search with OR and minus, on either engine, with the same answers.

The corpus is the store contract's (``tests/store_fixtures.py``): twelve attributions,
whose contents are listed there; expected ids are read off them by hand. Every store test
runs on SQLite and on the real Elasticsearch node; the page and API stories on both too.
"""

from __future__ import annotations

from typing import Any

import pytest

from store.base import HL_END, HL_START, SearchQuery, Store

ALL = {f"a{n}-{i}" for n, i in [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1),
                                (3, 2), (4, 1), (4, 2), (5, 1), (5, 2)]}  # fmt: skip
STATION = {"a1-2", "a2-1", "a2-2"}  # "station", "stations"


def found(store: Store, text: str, **query: Any) -> set[str]:
    result = store.search(SearchQuery(text=text, per_page=50, **query))
    assert result.total == len(result.hits)
    return {hit.attribution["id"] for hit in result.hits}


# --- either word -----------------------------------------------------------------------------
def test_or_finds_either_word(fixtures_corpus):
    assert found(fixtures_corpus, "station OR drones") == STATION | {"a5-1"}
    assert found(fixtures_corpus, "station OR drones OR grid") == STATION | {
        "a5-1", "a1-1", "a3-1"}  # fmt: skip


def test_or_joins_a_phrase_and_a_word(fixtures_corpus):
    assert found(fixtures_corpus, '"air defence" OR drones') == {"a3-2", "a5-2", "a5-1"}


def test_or_binds_the_two_words_beside_it_before_the_other_words(fixtures_corpus):
    # energy AND (strikes OR drones), not (energy AND strikes) OR drones
    assert found(fixtures_corpus, "energy strikes OR drones") == {"a1-1", "a2-3"}
    assert found(fixtures_corpus, "(strikes OR drones) energy") == {"a1-1", "a2-3"}


def test_either_word_is_ranked_and_highlighted(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(text="grid OR drones", sort="relevance"))
    scores = [hit.score for hit in result.hits]
    assert len(scores) == 3 and None not in scores and scores == sorted(scores, reverse=True)
    marks = {hit.attribution["id"]: hit.highlight for hit in result.hits}
    assert marks["a5-1"] == f"12 {HL_START}drones{HL_END} were shot down overnight"
    assert marks["a3-1"].endswith(f"against the {HL_START}grid{HL_END}")


# --- leaving words out -----------------------------------------------------------------------
def test_minus_leaves_out_every_form_of_a_word(fixtures_corpus):
    running = {"a1-3", "a3-1", "a4-2", "a5-2"}  # running, runs, run
    assert found(fixtures_corpus, "air -runs") == {"a3-2"}
    assert found(fixtures_corpus, "-running") == ALL - running


def test_minus_before_a_phrase_leaves_out_only_that_phrase(fixtures_corpus):
    # "air defences" (a1-3) is not the phrase "air defence"
    assert found(fixtures_corpus, 'air -"air defence"') == {"a1-3"}
    assert found(fixtures_corpus, 'running -"full capacity"') == {"a3-1", "a4-2", "a5-2"}


def test_only_exclusions_find_everything_else_newest_first(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(text="-station", per_page=50))
    assert result.total == 9
    assert {hit.attribution["id"] for hit in result.hits} == ALL - STATION
    assert [hit.score for hit in result.hits] == [None] * 9  # nothing to rank by: by date
    everything = fixtures_corpus.search(SearchQuery(sort="date", per_page=50))
    kept = [h.attribution["id"] for h in everything.hits if h.attribution["id"] not in STATION]
    assert [hit.attribution["id"] for hit in result.hits] == kept
    assert [hit.highlight for hit in result.hits] == [
        hit.attribution["content"] for hit in result.hits
    ]


def test_an_excluded_word_is_never_highlighted(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(text='running -"air defence"'))
    marks = {hit.attribution["id"]: hit.highlight for hit in result.hits}
    assert marks["a1-3"] == f"air defences were {HL_START}running{HL_END} at full capacity"


def test_exclusions_combine_with_or_filters_dates_and_facets(fixtures_corpus):
    text = 'grid OR "power station" OR drones -russia'
    assert found(fixtures_corpus, text) == {"a1-2", "a5-1"}
    result = fixtures_corpus.search(SearchQuery(text="-station", filters={"kind": ("direct",)}))
    unfiltered = fixtures_corpus.search(SearchQuery(text="-station", per_page=50))
    direct = {v.value: v.count for v in unfiltered.facets["kind"]}["direct"]
    assert result.total == direct
    assert {v.value: v.count for v in result.facets["kind"]} == {
        v.value: v.count for v in unfiltered.facets["kind"]
    }
    dated = [h for h in unfiltered.hits if h.attribution.get("published")]
    assert sum(n for _, n in unfiltered.histogram) == len(dated)


# --- odd input -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OR", set()),  # the word "or" (no attribution has it)
        ("drones OR", {"a5-1"}),  # a dangling OR is the word "or", a stop word: dropped
        ("OR drones", {"a5-1"}),
        ("drones OR -grid", {"a5-1"}),  # OR next to an exclusion is a word too
        ("-", ALL),  # nothing to search for
        ("- drones", {"a5-1"}),
        ('-"', ALL),
        ('-"station', ALL - STATION),  # an unbalanced quote is ignored
        ("--station", ALL - STATION),
        ("station or drones", set()),  # lower-case "or" is a word: both must appear
        ('-""', ALL),
    ],
)
def test_stray_operators_are_read_as_documented(fixtures_corpus, text, expected):
    assert found(fixtures_corpus, text) == expected


def test_a_lone_excluded_stop_word_is_left_out_as_written(fixtures_corpus):
    the = {"a1-1", "a2-3", "a3-1", "a4-1", "a4-2"}
    assert found(fixtures_corpus, "-the") == ALL - the
    assert found(fixtures_corpus, "the OR drones") == the | {"a5-1"}


# --- the page and the API --------------------------------------------------------------------
def test_the_page_and_the_api_apply_or_and_minus(client):
    both = client.get("/api/v1/search", query_string={"q": "rebuild", "per_page": 100})
    assert both.status_code == 200
    total = both.get_json()["total"]
    assert total > 0
    without = client.get("/api/v1/search", query_string={"q": "-rebuild", "per_page": 1})
    everything = client.get("/api/v1/search", query_string={"per_page": 1})
    assert without.get_json()["total"] == everything.get_json()["total"] - total
    page = client.get("/", query_string={"q": "rebuild OR zzzzqqq"})
    assert page.status_code == 200 and '<li class="hit' in page.get_data(as_text=True)


def test_the_page_explains_or_and_minus(client):
    help_text = client.get("/").get_data(as_text=True)
    assert "<code>drones OR missiles</code>" in help_text
    assert "<code>-drones</code>" in help_text and "<code>-\"every home\"</code>" in help_text
    spec = client.get("/api/v1/openapi.json").get_json()
    q = next(
        p for p in spec["paths"]["/api/v1/search"]["get"]["parameters"] if p["name"] == "q"
    )
    assert "OR" in q["description"] and "-word" in q["description"]


def test_did_you_mean_corrects_the_words_searched_for_and_keeps_the_operators(client):
    page = client.get("/", query_string={"q": "rebiuld -levvy"}).get_data(as_text=True)
    assert "Did you mean" in page and "rebuild -levvy" in page  # what is left out stays
    page = client.get("/", query_string={"q": "rebiuld OR zzzzqqq"}).get_data(as_text=True)
    assert "rebuild OR zzzzqqq" in page
