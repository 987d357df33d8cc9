"""Provenance stories: where a quote was first seen, how it travelled across outlets, who it
was attributed to, and what a fact-checker can export or look up."""

from __future__ import annotations

from link_corpus import (
    SKIES,
    article,
    index,
    quote,
    syndicated,
    wire,
)

from indexer.link import Linker
from store.provenance import attribution_provenance, check_claim, claim_review, statement_journey


def test_a_statement_journey_lists_articles_and_outlets_in_date_order(store, linked_corpus):
    wire_id, atts = linked_corpus["wire"]
    journey = statement_journey(store, atts[0]["statement_id"])
    dates = [ap["published"] for ap in journey["appearances"]]
    assert dates == sorted(dates)
    assert len(journey["appearances"]) == 5
    assert journey["first_seen"]["article_id"] == wire_id
    assert journey["first_seen"]["outlet"] == "Continental Press Agency"
    assert journey["appearances"][0]["first_seen"] is True
    assert [ap["first_seen"] for ap in journey["appearances"][1:]] == [False] * 4
    assert journey["outlets"][0]["id"] == "continental-press-agency"


def test_a_syndicated_copy_is_not_counted_as_one_more_outlet(store, linked_corpus):
    _, atts = linked_corpus["wire"]
    journey = statement_journey(store, atts[0]["statement_id"])
    assert {o["id"] for o in journey["outlets"]} == {
        "continental-press-agency",
        "harbor-daily",
        "riverside-post",
        "newshub",
        "northern-courier",
    }
    assert journey["distinct_outlets"] == 4
    copy = next(ap for ap in journey["appearances"] if ap["outlet_id"] == "newshub")
    assert copy["syndicated"] is True
    assert copy["syndicated_from"] == linked_corpus["wire"][0]


def test_a_statement_attributed_to_two_speakers_shows_the_disagreement(store, linked_corpus):
    body = f'"{SKIES}," said Oleg Brant, mocking the minister.'
    index(
        store,
        Linker(store),
        (
            article("Karsk Today", "brant-mocks", "2024-03-17", body),
            [
                quote(body, SKIES, "Oleg Brant"),
            ],
        ),
    )
    journey = statement_journey(store, linked_corpus["wire"][1][0]["statement_id"])
    assert journey["speaker_disagreement"] is True
    names = [s["name"] for s in journey["speakers"]]
    assert names[0] == "Andrii Vedmid" and "Oleg Brant" in names


def test_one_speaker_means_no_disagreement(store):
    _, atts = index(store, Linker(store), wire())
    journey = statement_journey(store, atts[1]["statement_id"])
    assert journey["speaker_disagreement"] is False
    assert journey["distinct_outlets"] == 1
    assert statement_journey(store, "s-does-not-exist") is None


def test_attribution_chain_runs_from_speaker_to_the_original_outlet(store, linked_corpus):
    _, atts = linked_corpus["syndicated"]
    provenance = attribution_provenance(store, atts[0]["id"])
    roles = [(hop["role"], hop["id"]) for hop in provenance["chain"]]
    assert roles == [
        ("speaker", "andrii-vedmid"),
        ("publisher", "newshub"),
        ("original", "continental-press-agency"),
    ]
    assert provenance["chain"][-1]["article_id"] == linked_corpus["wire"][0]
    assert provenance["syndicated"] is True
    assert provenance["is_first_seen"] is False
    assert provenance["journey"]["distinct_outlets"] == 4


def test_attribution_chain_shows_the_relaying_outlet(store, linked_corpus):
    _, atts = linked_corpus["straight"]
    provenance = attribution_provenance(store, atts[0]["id"])
    assert [hop["role"] for hop in provenance["chain"]] == ["speaker", "via", "publisher"]
    assert provenance["chain"][1]["id"] == "reuters"
    first = attribution_provenance(store, linked_corpus["wire"][1][0]["id"])
    assert first["is_first_seen"] is True
    assert attribution_provenance(store, "q-missing") is None


VERDICT = {"rating": "misleading", "reviewer": "Fact Desk", "review": "Out of context.",
           "url": "https://factdesk.example/drones", "reviewed": "2024-04-01T09:00:00+00:00"}
SCALE = ("true", "misleading", "false")


def test_claim_review_export_is_schema_org_json_ld(store, linked_corpus):
    statement_id = linked_corpus["wire"][1][0]["statement_id"]
    assert claim_review(store, statement_id, SCALE) is None  # no verdict: nothing to publish
    store.set_verdict(statement_id, VERDICT)
    review = claim_review(store, statement_id, SCALE)
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert "Every drone that crosses our border" in review["claimReviewed"]
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Person", "name": "Andrii Vedmid"}
    assert claim["datePublished"] == "2024-03-14"
    assert claim["firstAppearance"]["publisher"]["name"] == "Continental Press Agency"
    assert claim["firstAppearance"]["url"].startswith("https://continentalpressagency.example/")
    assert len(claim["appearance"]) == 5
    assert all(work["@type"] == "CreativeWork" for work in claim["appearance"])
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "misleading",
                                      "ratingValue": 2, "bestRating": 3, "worstRating": 1}
    assert review["author"] == {"@type": "Organization", "name": "Fact Desk"}
    assert review["url"] == VERDICT["url"] and review["datePublished"] == "2024-04-01"
    assert review["reviewBody"] == "Out of context."


def test_claim_review_of_an_organization_names_an_organization(store):
    body = '"Forty drones were destroyed," the Russian Defense Ministry said.'
    _, atts = index(
        store,
        Linker(store),
        (
            article("Kyiv Wire", "mod", "2024-05-01", body),
            [
                quote(
                    body,
                    "Forty drones were destroyed",
                    "the Russian Defense Ministry",
                    speaker_type="organization",
                ),
            ],
        ),
    )
    store.set_verdict(atts[0]["statement_id"], VERDICT)
    review = claim_review(store, atts[0]["statement_id"])
    assert review["itemReviewed"]["author"]["@type"] == "Organization"


def test_check_claim_finds_a_retyped_claim_with_its_first_sighting(store, linked_corpus):
    results = check_claim(
        store, "We won't allow our skies to become a shooting gallery for ANYONE", limit=5
    )
    assert results[0]["statement_id"] == linked_corpus["wire"][1][0]["statement_id"]
    assert results[0]["near_duplicate"] is True
    assert results[0]["first_seen"]["published"] == "2024-03-14"
    assert results[0]["journey"]["distinct_outlets"] == 4


def test_check_claim_does_not_call_the_opposite_claim_a_duplicate(store, linked_corpus):
    results = check_claim(store, "The drones were not launched from Karsk territory")
    assert results[0]["near_duplicate"] is True
    assert results[0]["text"] == "The drones were not launched from Karsk territory"
    opposite = [r for r in results if r["text"] == "The drones were launched from Karsk territory"]
    assert opposite and opposite[0]["near_duplicate"] is False
    assert check_claim(store, "   ") == []


def test_a_pasted_sentence_in_reported_speech_finds_the_quote(store, linked_corpus):
    """People paste what they read, not the quote: a speaker's name, "said", other words."""
    results = check_claim(store, "Vedmid said they would not let the skies be a shooting gallery")
    assert results, "the quote should be found from its distinctive words"
    assert results[0]["statement_id"] == linked_corpus["wire"][1][0]["statement_id"]
    assert results[0]["near_duplicate"] is False


def test_an_opposite_claim_ranks_below_the_claim_itself(store, linked_corpus):
    results = check_claim(store, "The drones were not launched from Karsk territory")
    texts = [r["text"] for r in results]
    negated = texts.index("The drones were launched from Karsk territory")
    assert negated > texts.index("The drones were not launched from Karsk territory")
    assert results[negated]["contradicts"] is True


def test_an_unrelated_sentence_finds_nothing(store, linked_corpus):
    assert check_claim(store, "Bananas ripen faster in a paper bag") == []


def test_a_copy_indexed_alone_still_counts_its_original_outlet(store):
    _, atts = index(store, Linker(store), syndicated())
    journey = statement_journey(store, atts[0]["statement_id"])
    assert journey["distinct_outlets"] == 1
    assert journey["appearances"][0]["original_outlet_id"] == "continental-press-agency"


def test_a_copy_stored_before_its_original_still_leads_to_it(store):
    body = (
        "Drones hit Osterhal overnight.\n\n"
        f"\u201c{SKIES},\u201d Defence Minister Andrii Vedmid said.\n\n"
        "Read the original article on Continental Press Agency"
    )
    copy = (
        article("NewsHub", "drones-hit", "2024-03-15", body),
        [quote(body, SKIES, "Andrii Vedmid")],
    )
    linker = Linker(store)
    _, copy_atts = index(store, linker, copy)
    original, _ = index(store, linker, wire())
    provenance = attribution_provenance(store, copy_atts[0]["id"])
    assert provenance["chain"][-1] == {
        "role": "original",
        "id": "continental-press-agency",
        "name": "Continental Press Agency",
        "article_id": original["id"],
    }
    journey = provenance["journey"]
    assert journey["distinct_outlets"] == 1
    assert journey["appearances"][1]["syndicated_from"] == original["id"]
