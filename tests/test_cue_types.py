"""Cue types: a reader searching quotes sees what people said and wrote; what they think and
what a poll shows are there when asked for (API and search page, on both engines)."""

from __future__ import annotations

from typing import Any

import pytest
from webapp_data import article

from indexer.extract import extract
from schemas.ids import attribution_id
from store.base import Store
from store.records import ArticleRecord
from webapp import create_app


def cue_type_of(text: str, content_word: str) -> str:
    """The cue type of the attribution whose content holds `content_word`."""
    found = [a for a in extract(text) if content_word in a["content"]]
    assert found, extract(text)
    return found[0]["cue_type"]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Mayor Ilona Varga said on Monday that the bridge would reopen in June.",
            "bridge",
            "speech",
        ),
        ("“We will not close the depot,” insisted union steward Karl Brede.", "depot", "speech"),
        (
            "The ministry said in a statement that the tender had been cancelled.",
            "tender",
            "writing",
        ),
        ("Novelist Priya Anand wrote that the city had forgotten its river.", "river", "writing"),
        ("“The harbour is ours,” tweeted historian Malo Ferreira.", "harbour", "writing"),
        ("Councillor Ada Brant believes the tram line will never be finished.", "tram", "thought"),
        ("Coach Liam Dorsey hopes the new stadium will be ready by spring.", "stadium", "thought"),
        ("A poll released on Sunday found that most voters oppose the toll.", "toll", "evidence"),
        ("The study shows that cycling lanes cut accidents by a third.", "cycling", "evidence"),
    ],
)
def test_every_attribution_says_how_the_words_came(text: str, word: str, expected: str) -> None:
    assert cue_type_of(text, word) == expected


def test_the_writer_generalising_is_no_attribution() -> None:
    text = "History suggests that toll roads rarely pay for themselves."
    assert not [a for a in extract(text) if "toll roads" in a["content"]]


BODY = (
    "Mayor Ilona Varga said the bridge would reopen in June. "
    "The ministry wrote in a letter that the tender was cancelled. "
    "Councillor Ada Brant believes the tram line will never be finished. "
    "A poll found that most voters oppose the toll."
)
TYPED = {
    "the bridge would reopen in June": "speech",
    "the tender was cancelled": "writing",
    "the tram line will never be finished": "thought",
    "most voters oppose the toll": "evidence",
}


@pytest.fixture
def typed_client(new_store: Store) -> Any:
    """One article whose four attributions have the four cue types."""
    a = article("a-typed", "cpa", "2024-02-01", "Four ways to say it", BODY)
    records = []
    for content, kind in TYPED.items():
        start = BODY.index(content)
        spans = [[start, start + len(content)]]
        records.append(
            {
                "id": attribution_id(a["id"], content),
                "article_id": a["id"],
                "kind": "indirect",
                "content": content,
                "content_spans": spans,
                "cue_type": kind,
            }
        )
    outcomes = new_store.put_articles([ArticleRecord(a, records)])
    assert all(o.status != "rejected" for o in outcomes), outcomes
    return create_app(new_store, {"TESTING": True}).test_client()


def _types(client: Any, query: str = "") -> set[str]:
    response = client.get(f"/api/v1/search?per_page=100{query}")
    assert response.status_code == 200, response.data[:300]
    return {hit["attribution"]["cue_type"] for hit in response.get_json()["hits"]}


def test_search_shows_speech_and_writing_by_default(typed_client: Any) -> None:
    assert _types(typed_client) == {"speech", "writing"}


def test_a_reader_adds_thought_and_evidence(typed_client: Any) -> None:
    both = "&cue_type=speech&cue_type=writing&cue_type=thought"
    assert _types(typed_client, both) == {"speech", "writing", "thought"}
    assert _types(typed_client, "&cue_type=evidence") == {"evidence"}
    assert _types(typed_client, "&cue_type=all") == set(TYPED.values())


def test_the_search_page_offers_the_cue_type_facet(typed_client: Any) -> None:
    page = typed_client.get("/?cue_type=all").get_data(as_text=True)
    assert "Cue type" in page and "the tram line will never be finished" in page
    default = typed_client.get("/").get_data(as_text=True)
    assert "the tram line will never be finished" not in default
