"""Checking a claim: similarity says how much of the pasted claim a stored statement
carries and how much more it says; a claim and its negation are flagged as contradicting;
small typos are tolerated; the fallback searches the distinctive words; first seen needs
a date; outlets are counted honestly; the page and its JSON twin agree.

Runs on both engines over the linked journey of ``link_corpus`` (the wire story with
"The drones were launched from Karsk territory" and its negation).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from indexing import index_in_process
from link_corpus import article, index, quote

from indexer.link import Linker
from store.provenance import check_claim
from webapp import create_app

RIGHT = (
    "harbour council will rebuild the sea wall before the autumn storms reach the northern coast"
)
# Four typos in a fifteen-word claim, in its longest words.
TYPED = (
    "harbuor council will rebuild the sea wall before the autunm stroms reach the nortehrn "
    "coast"
)


def client(store: Any) -> Any:
    return create_app(store, {"TESTING": True}).test_client()


def page(c: Any, url: str) -> str:
    response = c.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def test_a_single_word_is_not_a_hundred_percent_like_every_sentence_holding_it(
    store, linked_corpus
):
    results = check_claim(store, "drones")
    assert results and all(r["similarity"] < 0.5 for r in results)
    html = page(client(store), "/check?text=drones")
    assert "similarity 100%" not in html


def test_a_claim_and_its_negation_are_flagged_as_contradicting(store, linked_corpus):
    results = check_claim(store, "The drones were launched from Karsk territory")
    by_text = {r["text"]: r for r in results}
    assert by_text["The drones were launched from Karsk territory"]["contradicts"] is False
    assert by_text["The drones were not launched from Karsk territory"]["contradicts"] is True
    html = page(client(store), "/check?text=The+drones+were+launched+from+Karsk+territory")
    assert html.count("contradicts your claim") == 1


def test_the_right_statement_ranks_first_despite_four_typos(store):
    linker = Linker(store)
    for i in range(25):  # short quotes sharing the common words rank first in any search
        body = f'"The council will rebuild school {i}," the mayor said.'
        index(store, linker, (article("Harbor Daily", f"school-{i}", "2024-04-01", body),
                              [quote(body, f"The council will rebuild school {i}", "Mayor")]))
    body = f'"{RIGHT}," the harbour master said.'
    index(store, linker, (article("Riverside Post", "sea-wall", "2024-04-02", body),
                          [quote(body, RIGHT, "Harbour master")]))
    assert len(TYPED.split()) == 15
    results = check_claim(store, TYPED)
    assert results and results[0]["text"] == RIGHT
    assert results[0]["similarity"] == 1.0  # every word found, typos tolerated


def test_typos_count_as_the_word_but_other_words_do_not():
    from store.provenance import coverage

    assert coverage("the autunm stroms", "the autumn storms").similarity == 1.0
    assert coverage("the sea wall", "the see wall").similarity < 1.0  # short words: exact


def test_nothing_found_offers_searches_of_the_distinctive_words(store, linked_corpus):
    html = page(client(store), "/check?text=Bananas+ripen+faster+in+a+paper+bag")
    offered = [unescape(h) for h in re.findall(r'class="try" href="([^"]+)"', html)]
    assert offered == ["/?q=bananas", "/?q=faster", "/?q=paper", "/?q=ripen"]


def test_the_check_page_and_its_json_twin_list_the_same_statements(store, linked_corpus):
    text = "we will not let our skies become a shooting gallery"
    c = client(store)
    body = c.get("/api/v1/check", query_string={"text": text}).get_json()
    html = page(c, "/check?" + "text=" + text.replace(" ", "+"))
    shown = re.findall(r'<blockquote><a href="/statements/([^"]+)"', html)
    assert shown == [m["statement_id"] for m in body["matches"]]
    percents = [int(p) for p in re.findall(r"similarity (\d+)%", html)]
    assert percents == [round(m["similarity"] * 100) for m in body["matches"]]
    assert {"contradicts", "shared_words", "claim_words"} <= set(body["matches"][0])


def undated_copies(store: Any) -> str:
    """The same quote in two undated articles of no known outlet."""
    linker = Linker(store)
    said = "the tide gauges were never calibrated"
    for slug in ("gauges-one", "gauges-two"):
        body = f'"{said}," an engineer said.'
        art = {"url": f"https://example.org/{slug}", "title": slug, "body": body}
        _, linked = index(store, linker, (art, [quote(body, said, "an engineer")]))
    return linked[0]["statement_id"]


def test_first_seen_needs_a_date_and_unknown_outlets_are_counted(store):
    statement_id = undated_copies(store)
    html = page(client(store), f"/statements/{statement_id}")
    html = html[html.index("<main"):html.index("</main>")]
    assert "first seen" not in html.lower().replace("where it was first seen is unknown", "")
    assert "Undated" in html
    assert "0 independent outlets" not in html and "from unknown outlets" in html
    result = check_claim(store, "the tide gauges were never calibrated")[0]
    assert result["first_seen"] is None
    assert result["journey"]["unknown_outlet_articles"] == 2


def test_a_denial_of_something_else_does_not_contradict_the_clause_that_matches(store):
    """ "The governor never said that, and the budget is balanced": the "never" negates
    "said that"; the clause matching "the budget is balanced" agrees with it."""
    linker = Linker(store)
    said = "The governor never said that, and the budget is balanced"
    body = f'"{said}," spokeswoman Alicia Moreno said in an email.'
    index(store, linker, (article("Repro News", "denial", "2026-11-29", body),
                          [quote(body, said, "Alicia Moreno")]))
    [agrees] = check_claim(store, "The governor said the budget is balanced")
    assert agrees["text"] == said and agrees["contradicts"] is False
    [negated] = check_claim(store, "the budget is not balanced")
    assert negated["contradicts"] is True
    answer = client(store).get(
        "/api/v1/check", query_string={"text": "The governor said the budget is balanced"}
    ).get_json()
    assert [m["contradicts"] for m in answer["matches"]] == [False]


def test_results_are_listed_in_the_order_of_the_similarity_they_show(store):
    """A short claim found inside a long quote (a near-duplicate by containment, sharing
    few of its words) comes after a closer paraphrase, on the page and in the API."""
    linker = Linker(store)
    long_quote = (
        "that Gov. Dan Whitaker privately told her the state was out of money and could not "
        "fund new school construction"
    )
    paraphrase = "governor admitted state is out of money"
    body = f'Ruth Calder said that "{long_quote}". Headline: {paraphrase}.'
    index(store, linker, (article("Repro News", "calder", "2026-11-29", body),
                          [quote(body, long_quote, "Ruth Calder"),
                           quote(body, paraphrase, "Ruth Calder")]))
    claim = "the state was out of money"
    results = check_claim(store, claim)
    assert len(results) == 2
    shown = [r["similarity"] for r in results]
    assert shown == sorted(shown, reverse=True) and shown[0] > shown[1]
    c = client(store)
    api = c.get("/api/v1/check", query_string={"text": claim}).get_json()["matches"]
    assert [m["similarity"] for m in api] == shown
    html = page(c, "/check?text=" + claim.replace(" ", "+"))
    assert [int(p) for p in re.findall(r"similarity (\d+)%", html)] == [
        round(s * 100) for s in shown
    ]


def test_a_sentence_of_a_quote_joining_passages_is_found_whole(
    new_store: Any, tmp_path: Path
) -> None:
    """A quote the extractor joins from separate passages (a paraphrase, then the quotation
    that goes on from it; a quotation broken by "she said") is one statement: a reader
    pasting the sentence of one passage finds it at 100%, not at the share of the joined
    text it is, though no full stop parts the passages."""
    path = tmp_path / "depot.txt"
    path.write_text(
        "Title: Depot to stay open\nURL: https://tests.example/depot\nOutlet: Repro News\n"
        "Date: 2026-11-29\n\n"
        "The depot stays open through the winter, transport secretary Alicia Moreno said. "
        '"Nobody on the night shift will lose a single hour of pay. The unions have my '
        'word."\n\n'
        '"The ferry will run every hour," Moreno told reporters. "We have hired twelve '
        'new crew members for the route."\n',
        encoding="utf-8",
    )
    index_in_process(new_store, path, tmp_path / "state")
    for sentence in (
        "Nobody on the night shift will lose a single hour of pay",
        "We have hired twelve new crew members for the route",
    ):
        [found, *_] = check_claim(new_store, sentence)
        assert sentence in found["text"] and found["text"] != sentence
        assert found["similarity"] == 1.0 and found["contradicts"] is False


def test_a_claim_from_the_second_sentence_of_a_quotation_is_found_whole(store):
    """A quotation of two sentences is stored as one statement: a reader pasting only its
    second sentence finds it as that sentence, fully carried, not as half of the quote."""
    linker = Linker(store)
    said = (
        "The depot stays open through the winter. Nobody on the night shift will lose "
        "a single hour of pay"
    )
    body = f'"{said}," transport secretary Alicia Moreno said on Monday.'
    index(store, linker, (article("Repro News", "depot", "2026-11-29", body),
                          [quote(body, said, "Alicia Moreno")]))
    [found] = check_claim(store, "Nobody on the night shift will lose a single hour of pay")
    assert found["text"] == said
    assert found["similarity"] == 1.0 and found["contradicts"] is False
    [denied] = check_claim(store, "The depot will not stay open through the winter")
    assert denied["text"] == said and denied["contradicts"] is True
