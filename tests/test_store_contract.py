"""The store contract: both engines, the same corpus, the same answers.

Every test runs on SQLite and on the real Elasticsearch node (the ``fixtures_corpus`` and
``store`` fixtures of conftest).
Expected numbers are read off ``tests/store_fixtures.py`` by hand, and
``test_engines_agree`` compares the two engines result by result.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import date

import pytest
from store_fixtures import SPEAKERS, article_records, load_corpus

from schemas import SpeakerSchema
from store.base import HL_END, HL_START, ArticleRecord, SearchQuery, Store, StoreError
from store.sqlite import SqliteStore

DATE_ORDER = [
    "a4-1", "a4-2", "a3-1", "a3-2", "a2-1", "a2-2", "a2-3", "a1-1", "a1-2", "a1-3", "a5-1", "a5-2"
]  # fmt: skip


def ids(result) -> list[str]:
    return [hit.attribution["id"] for hit in result.hits]


def counts(result, facet: str) -> list[tuple[str, int]]:
    return [(v.value, v.count) for v in result.facets[facet]]


def hit_ids(store: Store, **query) -> set[str]:
    return set(ids(store.search(SearchQuery(per_page=50, **query))))


# --- browsing and facets -----------------------------------------------------------------
def test_browsing_everything_lists_newest_first_with_undated_last(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(sort="date", per_page=50))
    assert result.total == 12
    assert ids(result) == DATE_ORDER
    oldest_first = fixtures_corpus.search(SearchQuery(sort="date_asc", per_page=50))
    assert ids(oldest_first)[:3] == ["a1-1", "a1-2", "a1-3"]
    assert ids(oldest_first)[-2:] == ["a5-1", "a5-2"]


def test_without_query_text_the_highlight_is_the_plain_content(fixtures_corpus):
    hit = fixtures_corpus.search(SearchQuery(sort="date", per_page=1)).hits[0]
    assert hit.highlight == hit.attribution["content"] == "the war could last for years"


def test_facets_count_every_attribution_with_canonical_labels(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery())
    assert counts(result, "speaker") == [
        ("zelensky", 5),
        ("jens-stoltenberg", 3),
        ("ministry-of-defence", 2),
    ]
    assert [v.label for v in result.facets["speaker"]] == [
        "Volodymyr Zelensky",
        "Jens Stoltenberg",
        "Ministry of Defence",
    ]
    assert counts(result, "outlet") == [("kyiv-post", 5), ("reuters", 3), ("ap", 2), ("bbc", 2)]
    # "ap" has no outlet record: its label is the name the articles used
    assert [v.label for v in result.facets["outlet"]] == ["Kyiv Post", "Reuters", "AP", "BBC News"]
    assert counts(result, "kind") == [("indirect", 8), ("direct", 4)]
    assert counts(result, "speaker_type") == [("person", 9), ("organization", 2), ("group", 1)]
    assert counts(result, "via") == [("reuters", 1)]
    assert result.facets["via"][0].label == "Reuters"
    # cue values are lowercased, so "Said" and "said" are one value
    assert counts(result, "cue")[0] == ("said", 6)
    assert result.facet_totals == {
        "speaker": 3,
        "speaker_type": 3,
        "outlet": 4,
        "via": 1,
        "kind": 2,
        "cue": 7,
        "cue_type": 1,
        "party": 0,  # no speaker of this corpus comes from an authority file
    }
    assert counts(result, "cue_type") == [("speech", 12)]


def test_facet_size_limits_values_but_not_the_distinct_total(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(facet_size=2))
    assert counts(result, "cue") == [("said", 6), ("announced", 1)]
    assert result.facet_totals["cue"] == 7
    only_totals = fixtures_corpus.search(SearchQuery(facet_size=0))
    assert only_totals.facets["cue"] == []
    assert only_totals.facet_totals["cue"] == 7


def test_histogram_counts_dated_attributions_by_month(fixtures_corpus):
    assert fixtures_corpus.search(SearchQuery()).histogram == [
        ("2024-01", 6),
        ("2024-02", 2),
        ("2024-03", 2),
    ]


def test_facets_can_be_skipped(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(facets=False))
    assert result.total == 12
    assert not any(result.facets.values())


# --- filters -------------------------------------------------------------------------------
def test_values_of_one_filter_are_alternatives(fixtures_corpus):
    result = fixtures_corpus.search(
        SearchQuery(filters={"speaker": ("zelensky", "jens-stoltenberg")})
    )
    assert result.total == 8


def test_different_filters_must_all_hold(fixtures_corpus):
    result = fixtures_corpus.search(
        SearchQuery(filters={"speaker": ("zelensky",), "outlet": ("reuters",)}, sort="date")
    )
    assert result.total == 2
    assert ids(result) == ["a2-1", "a2-2"]
    assert counts(result, "kind") == [("direct", 1), ("indirect", 1)]
    assert result.histogram == [("2024-01", 2)]


def test_a_facet_counts_its_alternatives_under_the_other_filters(fixtures_corpus):
    """Each facet ignores its own filter, so a reader sees what else they could add."""
    result = fixtures_corpus.search(
        SearchQuery(filters={"speaker": ("zelensky",), "outlet": ("reuters",)})
    )
    assert counts(result, "speaker") == [("zelensky", 2)]
    assert counts(result, "outlet") == [("kyiv-post", 2), ("reuters", 2), ("bbc", 1)]


def test_filters_on_cue_ignore_case_and_via_matches_relayed_quotes(fixtures_corpus):
    assert hit_ids(fixtures_corpus, filters={"cue": ("SAID",), "kind": ("direct",)}) == {
        "a2-2",
        "a4-2",
    }
    assert hit_ids(fixtures_corpus, filters={"via": ("reuters",)}) == {"a3-1"}
    assert hit_ids(fixtures_corpus, filters={"statement_id": ("st-rebuild", "st-matters")}) == {
        "a1-2",
        "a2-2",
    }
    assert hit_ids(fixtures_corpus, filters={"article_id": ("a4",)}) == {"a4-1", "a4-2"}


def test_date_range_is_inclusive_and_skips_undated(fixtures_corpus):
    result = fixtures_corpus.search(
        SearchQuery(date_from=date(2024, 1, 20), date_to=date(2024, 2, 3), sort="date")
    )
    assert ids(result) == ["a3-1", "a3-2", "a2-1", "a2-2", "a2-3"]
    assert hit_ids(fixtures_corpus, date_from=date(2024, 3, 1)) == {"a4-1", "a4-2"}


def test_unknown_filter_is_refused(fixtures_corpus):
    with pytest.raises(ValueError, match="colour"):
        fixtures_corpus.search(SearchQuery(filters={"colour": ("red",)}))


# --- full text ----------------------------------------------------------------------------
def test_free_text_matches_word_forms(fixtures_corpus):
    assert hit_ids(fixtures_corpus, text="station") == {"a1-2", "a2-1", "a2-2"}
    assert hit_ids(fixtures_corpus, text="running") == {"a1-3", "a3-1", "a4-2", "a5-2"}
    assert hit_ids(fixtures_corpus, text="Air Defence") == {"a1-3", "a3-2", "a5-2"}


def test_quoted_text_matches_the_exact_words(fixtures_corpus):
    assert hit_ids(fixtures_corpus, text='"running"') == {"a1-3", "a5-2"}
    assert hit_ids(fixtures_corpus, text='"air defence"') == {"a3-2", "a5-2"}
    assert hit_ids(fixtures_corpus, text='"defence air"') == set()
    assert hit_ids(fixtures_corpus, text='well "air defence"') == {"a5-2"}


def test_matched_words_are_highlighted(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(text="running", filters={"article_id": ("a1",)}))
    assert [h.highlight for h in result.hits] == [
        f"air defences were {HL_START}running{HL_END} at full capacity"
    ]
    phrase = fixtures_corpus.search(SearchQuery(text='"air defence" well'))
    assert phrase.hits[0].highlight == (
        f"Our {HL_START}air{HL_END} {HL_START}defence{HL_END} is running {HL_START}well{HL_END},"
    )


def test_relevance_ranks_scored_hits(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(text="station", sort="relevance"))
    assert {h.attribution["id"] for h in result.hits} == {"a1-2", "a2-1", "a2-2"}
    scores = [h.score for h in result.hits]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores, reverse=True)
    by_date = fixtures_corpus.search(SearchQuery(text="station", sort="date"))
    assert [h.score for h in by_date.hits] == [None, None, None]


def test_text_facets_and_filters_combine(fixtures_corpus):
    result = fixtures_corpus.search(SearchQuery(text="station", filters={"kind": ("direct",)}))
    assert result.total == 2
    assert counts(result, "kind") == [("direct", 2), ("indirect", 1)]
    assert counts(result, "speaker") == [("zelensky", 2)]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ('"unbalanced', 0),
        ('running"', 4),
        ("a AND (", 0),
        ("station AND (", 3),
        ("Station's", 3),
        ("<script>alert(1)</script>", 0),
        ("x" * 10_000, 0),
        ("station " * 2_000, 3),
        ('NEAR(a b) OR -"" * ^ ~2 \\ { } [ ] : ', 0),
        ("\u0000\ue000\ue001", 12),  # nothing searchable: no text filter at all
        ("to be or not to be", 0),
    ],
)
def test_hostile_text_never_breaks_search(fixtures_corpus, text, total):
    result = fixtures_corpus.search(SearchQuery(text=text, per_page=5))
    assert result.total == total
    assert len(result.hits) == min(total, 5)


def test_stop_words_alone_are_searched_exactly(fixtures_corpus):
    assert hit_ids(fixtures_corpus, text="the") == {"a1-1", "a2-3", "a3-1", "a4-1", "a4-2"}


def test_pages_split_the_hits_and_past_the_end_is_empty(fixtures_corpus):
    pages = [
        ids(fixtures_corpus.search(SearchQuery(sort="date", per_page=5, page=p))) for p in (1, 2, 3)
    ]
    assert pages == [DATE_ORDER[:5], DATE_ORDER[5:10], DATE_ORDER[10:]]
    beyond = fixtures_corpus.search(SearchQuery(sort="date", per_page=5, page=4))
    assert beyond.hits == []
    assert beyond.total == 12


def test_scan_streams_every_match_in_order(fixtures_corpus):
    assert [a["id"] for a in fixtures_corpus.scan(SearchQuery(sort="date"))] == DATE_ORDER
    assert sorted(a["id"] for a in fixtures_corpus.scan(SearchQuery(text="running"))) == [
        "a1-3",
        "a3-1",
        "a4-2",
        "a5-2",
    ]


# --- records and lookups -------------------------------------------------------------------
def test_articles_and_attributions_round_trip(fixtures_corpus):
    record = article_records()[0]
    article = fixtures_corpus.get_article("a1")
    assert article["body"] == record.article["body"]
    assert article["published"] == "2024-01-15"
    quotes = fixtures_corpus.article_attributions("a1")
    assert [a["id"] for a in quotes] == ["a1-1", "a1-2", "a1-3"]
    # the article's metadata is copied into each attribution
    assert quotes[0]["outlet_id"] == "kyiv-post"
    assert quotes[0]["published"] == "2024-01-15"
    assert quotes[0]["article_title"] == "Zelensky warns of winter attacks"
    assert fixtures_corpus.get_attribution("a1-2")["statement_id"] == "st-rebuild"
    assert fixtures_corpus.get_article("nope") is None
    assert fixtures_corpus.get_attribution("nope") is None


def test_speakers_outlets_and_statements_round_trip(fixtures_corpus):
    assert fixtures_corpus.get_speaker("zelensky") == SpeakerSchema().dump(
        SpeakerSchema().load(SPEAKERS[0])
    )
    assert fixtures_corpus.get_outlet("bbc")["name"] == "BBC News"
    assert fixtures_corpus.get_statement("st-long-run")["keys"] == ["k5"]
    assert fixtures_corpus.get_speaker("nobody") is None


def test_speakers_are_found_by_any_name_ignoring_case(fixtures_corpus):
    for name in ("Zelenskyy", "ZELENSKY", "volodymyr zelensky", "володимир зеленський"):
        assert [s["id"] for s in fixtures_corpus.find_speakers(name)] == ["zelensky"], name
    assert [s["id"] for s in fixtures_corpus.find_speakers("nato chief")] == ["jens-stoltenberg"]
    assert fixtures_corpus.find_speakers("Zelen") == []


def test_outlets_are_found_by_name_alias_or_domain(fixtures_corpus):
    assert [o["id"] for o in fixtures_corpus.find_outlets("REUTERS.com")] == ["reuters"]
    assert [o["id"] for o in fixtures_corpus.find_outlets("bbc")] == ["bbc"]
    assert [o["id"] for o in fixtures_corpus.find_outlets("kyiv post")] == ["kyiv-post"]
    assert fixtures_corpus.find_outlets("ap") == []


def test_statements_sharing_keys_come_most_shared_first(fixtures_corpus):
    found = fixtures_corpus.statements_by_keys(["k2", "k3", "unknown"])
    assert [s["id"] for s in found] == ["st-rebuild", "st-matters"]
    assert fixtures_corpus.statements_by_keys([]) == []


def test_key_sets_are_looked_up_at_once_like_one_by_one(fixtures_corpus):
    sets = [(["k2", "k3", "unknown"], 50), ([], 5), (["k2", "k3"], 1), (["unknown"], 3)]
    found = fixtures_corpus.statements_by_key_sets(sets)
    assert found == [fixtures_corpus.statements_by_keys(keys, limit=limit) for keys, limit in sets]
    assert [[s["id"] for s in f] for f in found] == [
        ["st-rebuild", "st-matters"],
        [],
        ["st-rebuild"],
        [],
    ]
    assert fixtures_corpus.statements_by_key_sets([]) == []


def test_stats_count_every_kind_of_record(fixtures_corpus):
    assert fixtures_corpus.stats() == {
        "articles": 5,
        "attributions": 12,
        "speakers": 3,
        "outlets": 3,
        "statements": 3,
    }


# --- writing ---------------------------------------------------------------------------------
def test_indexing_the_same_article_twice_keeps_one_copy(store):
    record = article_records()[0]
    assert store.put_articles([record])[0].status == "indexed"
    unfingerprinted = ArticleRecord({**record.article, "fingerprint": None}, record.attributions)
    assert store.put_articles([unfingerprinted])[0].status == "replaced"
    assert store.stats()["attributions"] == 3
    assert store.search(SearchQuery(text="station")).total == 1


def test_an_unchanged_fingerprint_writes_nothing(store):
    record = article_records()[0]
    store.put_articles([record])
    outcome = store.put_articles([record])[0]
    assert (outcome.id, outcome.status) == ("a1", "unchanged")


def test_a_changed_article_leaves_no_stale_attributions(store):
    record = article_records()[0]
    store.put_articles([record])
    changed = ArticleRecord({**record.article, "fingerprint": "fp-a1-v2"}, record.attributions[:1])
    outcome = store.put_articles([changed])[0]
    assert (outcome.status, outcome.attributions) == ("replaced", 1)
    assert [a["id"] for a in store.article_attributions("a1")] == ["a1-1"]
    assert store.search(SearchQuery(text="station")).total == 0
    assert store.search(SearchQuery()).total == 1


def test_delete_removes_the_article_and_its_attributions(store):
    store.put_articles(article_records()[:2])
    assert store.delete_article("a1") is True
    assert store.get_article("a1") is None
    assert store.article_attributions("a1") == []
    assert store.search(SearchQuery()).total == 3
    assert store.delete_article("a1") is False


def test_a_bad_record_is_rejected_alone_with_the_field_named(store):
    good, second, third, fourth = article_records()[:4]
    missing_body = ArticleRecord({k: v for k, v in second.article.items() if k != "body"}, [])
    outside = ArticleRecord(
        third.article, [{**third.attributions[0], "content_spans": [[0, 10_000]]}]
    )
    unknown_kind = ArticleRecord(fourth.article, [{**fourth.attributions[0], "kind": "rumour"}])
    outcomes = store.put_articles([missing_body, good, outside, unknown_kind])
    assert [(o.id, o.status) for o in outcomes] == [
        ("a2", "rejected"),
        ("a1", "indexed"),
        ("a3", "rejected"),
        ("a4", "rejected"),
    ]
    assert outcomes[0].error.startswith("body")
    assert "content_spans" in outcomes[2].error and "10000" in outcomes[2].error
    assert "kind" in outcomes[3].error and "rumour" in outcomes[3].error
    assert outcomes[1].error is None
    assert store.stats()["articles"] == 1
    assert store.stats()["attributions"] == 3


def test_identical_copies_are_found_by_body_hash_oldest_first(store):
    first, second, _, fourth = article_records()[:4]
    copies = [
        ArticleRecord({**r.article, "body_hash": "same"}, r.attributions)
        for r in (fourth, second, first)
    ]
    store.put_articles(copies)
    assert [a["id"] for a in store.articles_by_body_hash("same")] == ["a1", "a2", "a4"]
    assert store.articles_by_body_hash("other") == []
    found = store.articles_by_body_hashes(["other", "same", "same"])
    assert list(found) == ["other", "same"]
    assert [a["id"] for a in found["same"]] == ["a1", "a2", "a4"]
    assert found["other"] == []
    assert found["same"] == store.articles_by_body_hash("same")
    assert store.articles_by_body_hashes([]) == {}


def test_reassign_moves_attributions_to_a_merged_speaker(store):
    load_corpus(store)
    moved = store.reassign(
        "speaker_id", "ministry-of-defence", "mod-ukraine", label="Ukrainian MoD"
    )
    assert moved == 2
    assert hit_ids(store, filters={"speaker": ("mod-ukraine",)}) == {"a1-3", "a5-1"}
    assert hit_ids(store, filters={"speaker": ("ministry-of-defence",)}) == set()
    assert store.get_attribution("a5-1")["speaker"] == "Ukrainian MoD"
    assert store.reassign("statement_id", "st-matters", "st-rebuild") == 1
    assert hit_ids(store, filters={"statement_id": ("st-rebuild",)}) == {"a1-2", "a2-2"}
    assert store.reassign("via_outlet_ids", "reuters", "reuters-uk", label="Reuters UK") == 1
    assert store.get_attribution("a3-1")["via_outlets"] == ["Reuters UK"]
    assert counts(store.search(SearchQuery()), "via") == [("reuters-uk", 1)]
    with pytest.raises(ValueError):
        store.reassign("content", "a", "b")


def test_replacing_a_speaker_replaces_its_names(store):
    store.put_speakers(SPEAKERS)
    store.put_speakers([{**SPEAKERS[0], "aliases": ["Zelenskiy"]}])
    assert store.find_speakers("Zelenskyy") == []
    assert [s["id"] for s in store.find_speakers("zelenskiy")] == ["zelensky"]


def test_clear_empties_the_store(store):
    load_corpus(store)
    store.clear()
    assert store.stats() == dict.fromkeys(
        ("articles", "attributions", "speakers", "outlets", "statements"), 0
    )


# --- the two engines side by side ---------------------------------------------------------------
AGREEMENT_QUERIES = [
    SearchQuery(sort="date", per_page=50),
    SearchQuery(sort="date_asc", per_page=4, page=2),
    SearchQuery(text="station", sort="date"),
    SearchQuery(text='"air defence" OR running', sort="date"),
    SearchQuery(text="energy strikes", sort="date", filters={"speaker": ("zelensky",)}),
    SearchQuery(filters={"outlet": ("kyiv-post", "ap"), "kind": ("indirect",)}, sort="date"),
    SearchQuery(date_from=date(2024, 1, 16), sort="date_asc", facet_size=3),
    SearchQuery(text="the", sort="date"),
]


@pytest.mark.elasticsearch
def test_engines_agree(open_store):
    stores = [open_store(engine_name) for engine_name in ("sqlite", "elasticsearch")]
    for store in stores:
        load_corpus(store)
    for query in AGREEMENT_QUERIES:
        lite, elastic = (store.search(query) for store in stores)
        assert lite.total == elastic.total, query
        assert ids(lite) == ids(elastic), query
        assert [h.highlight for h in lite.hits] == [h.highlight for h in elastic.hits], query
        assert lite.facets == elastic.facets, query
        assert lite.facet_totals == elastic.facet_totals, query
        assert lite.histogram == elastic.histogram, query
        relevance = replace(query, sort="relevance")
        assert {*ids(stores[0].search(relevance))} == {*ids(stores[1].search(relevance))}


# --- engine specifics -------------------------------------------------------------------------
def test_sqlite_serves_several_threads_while_writing(tmp_path):
    store = SqliteStore(str(tmp_path / "threads.db"))
    records = article_records()
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(30):
                result = store.search(SearchQuery(text="station"))
                assert result.total in (0, 1, 3)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for thread in readers:
        thread.start()
    for _ in range(10):
        store.put_articles(
            [ArticleRecord({**r.article, "fingerprint": None}, r.attributions) for r in records]
        )
    for thread in readers:
        thread.join()
    store.close()
    assert errors == []


def test_an_unusable_sqlite_path_is_a_store_error(tmp_path):
    missing = tmp_path / "no-such-dir" / "quotetrail.db"
    with pytest.raises(StoreError, match="no-such-dir"):
        SqliteStore(str(missing))
    newer = tmp_path / "newer.db"
    SqliteStore(str(newer)).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="another quotetrail version"):
        SqliteStore(str(newer))


@pytest.mark.elasticsearch
def test_the_live_mapping_is_the_one_derived_from_the_schemas(open_store):
    from schemas.mappings import SCHEMAS, mapping_for

    store = open_store("elasticsearch")
    for kind, schema in SCHEMAS.items():
        live = store.es.indices.get_mapping(index=store.alias(kind))
        ((index_name, body),) = live.items()
        assert index_name == f"{store.alias(kind)}-v1"
        assert body["mappings"] == mapping_for(schema), kind


def test_an_unreachable_elasticsearch_is_a_one_line_store_error_without_secrets():
    from store.elastic import ElasticStore

    with pytest.raises(StoreError) as raised:
        ElasticStore("http://elastic:s3cret-pw@127.0.0.1:9", prefix="qt-unreachable")
    message = str(raised.value)
    assert "http://***@127.0.0.1:9" in message
    assert "s3cret-pw" not in message and "elastic:" not in message
    assert "\n" not in message


@pytest.mark.elasticsearch
def test_reindex_swaps_versions_while_readers_keep_reading(open_store):
    store = open_store("elasticsearch")
    seen: list[int] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.append(store.search(SearchQuery(facets=False)).total)

    load_corpus(store)
    reader = threading.Thread(target=read)
    reader.start()
    try:
        copied = store.reindex(2)
    finally:
        done.set()
        reader.join()
    assert copied == {
        "articles": 5,
        "attributions": 12,
        "speakers": 3,
        "outlets": 3,
        "statements": 3,
    }
    assert seen and set(seen) == {12}
    assert store.current_version() == store.current_version("attributions") == 2
    assert list(store.es.indices.get_alias(name=store.alias("attributions"))) == [
        f"{store.alias('attributions')}-v2"
    ]
    assert ids(store.search(SearchQuery(sort="date", per_page=50))) == DATE_ORDER
    store.delete_article("a4")
    assert store.stats()["attributions"] == 10
    with pytest.raises(ValueError):
        store.reindex(2)


def test_a_bulk_load_is_searchable_when_it_ends(store):
    with store.bulk_load():
        outcomes = store.put_articles(article_records())
    assert {o.status for o in outcomes} == {"indexed"}
    assert store.search(SearchQuery()).total == 12
    store.put_articles([ArticleRecord({**article_records()[0].article, "fingerprint": "v2"}, [])])
    assert store.search(SearchQuery()).total == 9


def _count_in_child(store: SqliteStore, inherited, results) -> None:
    total = store.search(SearchQuery(text="station")).total
    results.put((total, store._conn() is not inherited))


def test_a_forked_worker_opens_its_own_sqlite_connection(tmp_path):
    """gunicorn forks workers after the app (and its store) was created."""
    import multiprocessing

    store = SqliteStore(str(tmp_path / "forked.db"))
    store.put_articles(article_records())
    assert store.search(SearchQuery(text="station")).total == 3  # the parent's connection
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    inherited = store._conn()
    workers = [
        context.Process(target=_count_in_child, args=(store, inherited, results)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [results.get(timeout=5) for _ in workers] == [(3, True), (3, True)]
    assert store.search(SearchQuery(text="station")).total == 3
    store.close()


def test_an_engine_without_index_versions_says_so(tmp_path):
    store = SqliteStore(str(tmp_path / "quotetrail.db"))
    try:
        assert store.supports_reindex is False
        with pytest.raises(StoreError, match="sqlite"):
            store.reindex(2)
        with pytest.raises(StoreError, match="sqlite"):
            store.current_version()
    finally:
        store.close()
