"""Checking a claim against what speakers deny, contradict or state with another figure:
a reader pastes "Farms would be allowed to go under" and must learn that the minister
*denied* it, not that he said it; a contradiction of the very claim ranks with the matches
by how close it is; "cutting 500 jobs" finds the stored "as many as 5,000 jobs" and flags
the figure.

Runs on both engines.
"""

from __future__ import annotations

from typing import Any

from link_corpus import article, index, quote

from indexer.link import Linker
from store.provenance import check_claim
from webapp import create_app


def _store(store: Any, linker: Linker, slug: str, body: str, content: str, cue: str) -> str:
    attribution = {**quote(body, content, "Peter Okonjo"), "kind": "indirect", "cue": cue}
    _, linked = index(
        store, linker, (article("Country Wire", slug, "2025-08-02", body), [attribution])
    )
    return linked[0]["statement_id"]


def test_a_denied_claim_is_shown_as_denied_and_contradicts_the_claim(store):
    body = "The minister denied that farms would be allowed to go under."
    denied = _store(
        store, Linker(store), "drought", body, "that farms would be allowed to go under", "denied"
    )
    claim = "Farms would be allowed to go under"

    match = next(r for r in check_claim(store, claim) if r["statement_id"] == denied)
    assert match["denied"] is True and match["denied_by"] == ["Peter Okonjo"]
    assert match["contradicts"] is True and match["near_duplicate"] is False
    assert match["cues"] == ["denied"]

    client = create_app(store, {"TESTING": True}).test_client()
    html = client.get("/check", query_string={"text": claim}).get_data(as_text=True)
    assert "denied by Peter Okonjo" in html
    assert "contradicts your claim" in html and "same statement" not in html
    body_json = client.get("/api/v1/check", query_string={"text": claim}).get_json()
    first = body_json["matches"][0]
    assert first["denied"] is True and first["contradicts"] is True
    assert first["journey"]["denials"] == 1


def test_denying_the_negation_agrees_with_the_claim(store):
    body = "The minister rejected claims that the dam was not safe."
    _store(store, Linker(store), "dam", body, "the dam was not safe", "rejected")
    match = check_claim(store, "The dam was safe")[0]
    assert match["denied"] is True and match["contradicts"] is False


def test_a_contradiction_of_the_claim_ranks_by_similarity_with_the_matches(store):
    linker = Linker(store)
    body = (
        "Minister Peter Okonjo said the government was not listening to critics, and later "
        'insisted: "We are listening." He said the government was "listening" and would not '
        "let farms go under."
    )
    built = article("Country Wire", "listening", "2025-08-02", body)
    contents = (
        "the government was not listening to critics",
        "We are listening.",
        'the government was "listening" and would not let farms go under',
    )
    index(store, linker, (built, [quote(body, c, "Peter Okonjo") for c in contents]))
    results = check_claim(store, "The government was listening to critics")
    assert results[0]["text"] == contents[0] and results[0]["contradicts"] is True
    similarities = [r["similarity"] for r in results]
    assert similarities == sorted(similarities, reverse=True)


def test_a_claim_with_another_hedged_figure_is_found_and_flagged(store):
    body = (
        "Zentrix is considering cutting as many as 5,000 jobs as it shifts spending toward "
        "artificial intelligence, according to Bloomberg News."
    )
    content = "cutting as many as 5,000 jobs as it shifts spending toward artificial intelligence"
    stored = _store(store, Linker(store), "jobs", body, content, "considering")
    results = check_claim(store, "Zentrix is cutting 500 jobs")
    match = next(r for r in results if r["statement_id"] == stored)
    assert match["different_figures"] == {"claim": ["500"], "statement": ["5,000"]}
    assert match["near_duplicate"] is False
