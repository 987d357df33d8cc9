"""Figures and opposite verbs: a reader checks "the economy grew 3%" against a stored "grew
0.3%" and must not be told it is the same statement; "shrank" against "grew" is a
contradiction, as a negation is; and at index time two quotes differing only in a number or
in an opposite verb stay two statements.

Runs on both engines.
"""

from __future__ import annotations

from typing import Any

from link_corpus import article, index, quote

from indexer.link import Linker
from store.near_duplicates import compare, figures
from store.provenance import check_claim, different_figures
from webapp import create_app

GREW = "The national economy grew 0.3% in January after a weak winter for retailers"
SHRANK = "The national economy shrank 0.3% in January after a weak winter for retailers"
# Long enough (15+ words) that a paraphrase may change a few words and stay one statement.
PRICES = (
    "Heating prices for families in the northern towns rose by a further {} this year "
    "and will keep rising"
)


def _store_quote(store: Any, linker: Linker, outlet: str, slug: str, text: str) -> str:
    body = f'"{text}," the finance minister said on Tuesday.'
    _, linked = index(
        store, linker, (article(outlet, slug, "2025-02-14", body), [quote(body, text, "Minister")])
    )
    return linked[0]["statement_id"]


def test_a_claim_with_another_figure_is_not_the_same_statement(store):
    linker = Linker(store)
    stored = _store_quote(store, linker, "Ledger Times", "growth", GREW)
    claim = GREW.replace("0.3%", "3%")
    results = check_claim(store, claim)
    match = next(r for r in results if r["statement_id"] == stored)
    assert match["near_duplicate"] is False
    assert match["different_figures"] == {"claim": ["3%"], "statement": ["0.3%"]}

    client = create_app(store, {"TESTING": True}).test_client()
    html = client.get("/check", query_string={"text": claim}).get_data(as_text=True)
    assert "same statement" not in html
    assert "different figure: 0.3% here, 3% in your claim" in html
    body = client.get("/api/v1/check", query_string={"text": claim}).get_json()
    assert body["matches"][0]["different_figures"]["claim"] == ["3%"]


def test_the_statement_with_the_claims_figure_ranks_above_one_with_another(store):
    linker = Linker(store)
    forty = _store_quote(store, linker, "Ledger Times", "prices-40", PRICES.format("40%"))
    ninety = _store_quote(store, linker, "Valley Herald", "prices-90", PRICES.format("90%"))
    assert forty != ninety  # index time: a changed number is another statement
    results = check_claim(store, PRICES.format("90%"))
    assert [r["statement_id"] for r in results[:2]] == [ninety, forty]
    assert results[0]["near_duplicate"] is True and results[1]["near_duplicate"] is False
    assert results[1]["different_figures"] == {"claim": ["90%"], "statement": ["40%"]}


def test_an_opposite_verb_contradicts_like_a_negation(store):
    linker = Linker(store)
    grew = _store_quote(store, linker, "Ledger Times", "growth", GREW)
    shrank = _store_quote(store, linker, "Valley Herald", "shrinking", SHRANK)
    assert grew != shrank
    by_id = {r["statement_id"]: r for r in check_claim(store, SHRANK)}
    assert by_id[grew]["contradicts"] is True and by_id[grew]["near_duplicate"] is False
    assert by_id[shrank]["contradicts"] is False


def test_numbers_and_opposite_verbs_keep_long_quotes_apart_but_trims_do_not():
    long_quote = PRICES.format("40%")
    assert not compare(long_quote, PRICES.format("90%")).same
    assert not compare(long_quote, long_quote.replace("rose", "fell")).same
    assert not compare("The team won the final in Paris", "The team lost the final in Paris").same
    # "did not fall" and "rose" say the same thing: no contradiction from the verb alone
    assert not compare(long_quote, long_quote.replace("rose", "did not fall")).negated
    # a copy trimmed after its figure is still the same statement
    assert compare(long_quote, long_quote.split(" and will")[0]).same


def test_a_deleted_article_no_longer_answers_a_check(store):
    linker = Linker(store)
    body = f'"{GREW}," the finance minister said on Tuesday.'
    built = (article("Ledger Times", "growth", "2025-02-14", body), [quote(body, GREW, "Minister")])
    _, linked = index(store, linker, built)
    assert [r["statement_id"] for r in check_claim(store, GREW)] == [linked[0]["statement_id"]]
    assert store.delete_article(linked[0]["article_id"])
    assert check_claim(store, GREW) == []
    html = create_app(store, {"TESTING": True}).test_client().get(
        "/check", query_string={"text": GREW}
    ).get_data(as_text=True)
    assert "0 articles" not in html and "same statement" not in html


WAITS = "The new clinics will cut waiting times for hip surgery from fourteen months to {}"


def test_figures_written_as_words_are_compared_like_digits(store):
    """A stored "from fourteen months to nine" checked as "... to eight" is another figure;
    "to 9" is the same one, and "four thousand" is "4,000"."""
    linker = Linker(store)
    stored = _store_quote(store, linker, "Ledger Times", "waits", WAITS.format("nine"))
    results = check_claim(store, WAITS.format("eight"))
    match = next(r for r in results if r["statement_id"] == stored)
    assert match["different_figures"] == {"claim": ["8"], "statement": ["9"]}
    match = next(r for r in check_claim(store, WAITS.format("9")) if r["statement_id"] == stored)
    assert match["different_figures"] == {"claim": [], "statement": []}
    html = (
        create_app(store, {"TESTING": True})
        .test_client()
        .get("/check", query_string={"text": WAITS.format("eight")})
        .get_data(as_text=True)
    )
    assert "different figure: 9 here, 8 in your claim" in html


def test_number_words_read_as_figures() -> None:
    assert figures("two hundred and ten cars, twenty-five vans and a dozen buses") == [
        "210",
        "25",
        "12",
    ]
    assert figures("forty per cent of four thousand homes; seven and eight") == [
        "40%",
        "4000",
        "7",
        "8",
    ]
    assert figures("no one said one of them was the one") == []
    assert different_figures("4,000 jobs", "four thousand jobs")["claim"] == []
    assert different_figures("4,000 jobs", "400 jobs")["claim"] == ["4,000"]
