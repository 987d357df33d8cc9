"""Two people of one name on one page are flagged, not silently pooled (issue 10).

"Mayor Frank Delgado" denies police cuts in the City Ledger; "Frank Delgado, a retired
teacher" mourns a village school in the Valley Times. Nothing in either article tells the
linker they are two people, so they share a page; a demanding reader opening it sees, on
the page and in the API, that it may be two people, with the two roles and the articles
that wrote them. A mayor called "former mayor" elsewhere, or an article that calls one
person "mayor and retired teacher", raises no flag.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker
from indexer.link.namesakes import possible_namesakes
from store.sqlite import SqliteStore
from webapp import create_app

MAYOR = '"I have never said that, and I never will," Mayor Frank Delgado said on Monday.'
TEACHER = (
    "Frank Delgado, a retired teacher who taught there for 30 years, said the closure was "
    '"a tragedy for the valley".'
)


@pytest.fixture
def newsroom(tmp_path: Path) -> Any:
    store = SqliteStore(str(tmp_path / "q.db"))
    linker = Linker(store)

    def put(outlet: str, slug: str, body: str) -> str:
        linked = index(store, linker, (article(outlet, slug, "2026-11-24", body), extract(body)))
        return linked[0]["id"]

    yield store, put
    store.close()


def test_a_mayor_and_a_retired_teacher_of_one_name_are_flagged_as_maybe_two(newsroom):
    store, put = newsroom
    ledger, times = put("City Ledger", "cuts", MAYOR), put("Valley Times", "school", TEACHER)
    client = create_app(store, {"TESTING": True, "SECRET_KEY": "k"}).test_client()
    api = client.get("/api/v1/speakers/frank-delgado").get_json()
    assert api["attributions"] == 2  # one page, as before: nothing tells them apart
    [flag] = api["may_be_two_people"]
    assert sorted(flag["roles"]) == ["a retired teacher", "mayor"]
    assert sorted(flag["articles"]) == sorted([ledger, times])
    page = client.get("/speakers/frank-delgado").get_data(as_text=True)
    assert "May be two people" in page and "a retired teacher" in page


def test_one_person_s_page_raises_no_flag(newsroom):
    store, put = newsroom
    put("City Ledger", "cuts", MAYOR)
    put("Valley Times", "fair", '"We need the fair," former Mayor Frank Delgado said.')
    client = create_app(store, {"TESTING": True, "SECRET_KEY": "k"}).test_client()
    assert client.get("/api/v1/speakers/frank-delgado").get_json()["may_be_two_people"] == []


@pytest.mark.parametrize(
    ("roles", "flagged"),
    [
        ([("a", "mayor"), ("b", "a retired teacher")], True),
        ([("a", "Mayor of Elmbrook"), ("b", "the mayor")], False),  # one office
        ([("a", "Sen."), ("b", "senator")], False),  # an abbreviation written out
        ([("a", "mayor"), ("b", "candidate for governor")], False),  # held besides an office
        ([("a", "mayor"), ("b", "R-Ohio")], False),  # a party tag is no role
        ([("a", "Republican"), ("b", "the developer")], False),  # nor a party label
        ([("a", "secretary of state"), ("b", "president")], False),  # a career's offices
        ([("a", "pharmacist"), ("b", "a retired plumber")], True),  # two occupations
        ([("a", "mayor"), ("b", "a retired teacher"), ("c", "mayor and retired teacher")], False),
        ([("a", "mayor"), ("a", "a retired teacher")], False),  # one article, one person
    ],
)
def test_what_counts_as_evidence_of_two_people(roles, flagged):
    attributions = [{"article_id": a, "speaker_role": r} for a, r in roles]
    assert bool(possible_namesakes(attributions)) is flagged
