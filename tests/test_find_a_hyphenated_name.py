"""A reader who remembers only the second half of a double-barrelled surname finds the
person (issue 10): "lindqvist" finds Anna Schäfer-Lindqvist in the speaker directory and in
the speaker facet's match box, on both engines, as "schafer" always did. A part of a word
is still no match ("qvist" finds no one).
"""

from __future__ import annotations

from typing import Any

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker

BODY = (
    "Deputy minister Anna Schäfer-Lindqvist said the quotas were \u201cunfair\u201d.\n\n"
    "Fisheries officer Tomas Berg said the boats would stay in port."
)


@pytest.fixture
def quoted(store: Any) -> Any:
    built = article("Nordic Post", "quotas", "2026-11-26", BODY)
    index(store, Linker(store), (built, extract(BODY)))
    return store


@pytest.mark.parametrize("typed", ["lindqvist", "Lindq", "schafer", "Schäfer-Lind"])
def test_any_part_of_a_hyphenated_surname_finds_the_speaker(quoted, typed):
    found = [e.record["name"] for e in quoted.directory("speakers", typed).entries]
    assert found == ["Anna Schäfer-Lindqvist"]


def test_the_inside_of_a_name_part_finds_no_one(quoted):
    assert quoted.directory("speakers", "qvist").entries == []


def test_the_facet_match_box_offers_her_for_the_second_part(quoted):
    from webapp import create_app

    client = create_app(quoted, {"TESTING": True, "SECRET_KEY": "k"}).test_client()
    box = client.get("/api/v1/search/facets/speaker", query_string={"match": "lindqvist"})
    assert [v["label"] for v in box.get_json()["values"]] == ["Anna Schäfer-Lindqvist"]
