"""Given names that are also English words or look plural ("Dolores", "Mercedes", "Hope",
"Precious") are people when the text uses them as names: a reader sees "Dolores said" as a
woman speaking, and her quote is hers, on a page of her article when it never gives her
surname. A word the article also writes in lower case stays a word.
"""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker


def _said(store, slug, body, words):
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Harbor {slug} story")
    _, atts = index(store, Linker(store), (built, extract(body)))
    said = next(a for a in atts if words in a["content"])
    return said, store.get_speaker(said["speaker_id"]) if said["speaker_id"] else None


@pytest.mark.parametrize("given", ["Dolores", "Mercedes", "Lourdes"])
def test_a_given_name_alone_that_looks_plural_is_a_person_of_her_article(store, given):
    body = f"Volunteers were busy all week.\n\n{given} said the shelter was full every night."
    said, page = _said(store, given.lower(), body, "shelter was full")
    assert said["speaker_resolution"] == "named" and said["speaker_type"] == "person"
    assert page["name"] == f"{given} (in Harbor {given.lower()} story)"
    assert page["roles"] == []


def test_a_given_name_that_is_a_word_joins_her_full_name(store):
    body = (
        "Hope Okafor opened the shelter on Pine Road in 2019.\n\n"
        "Volunteers were busy all week.\n\n"
        "Hope said the beds ran out by nine every night."
    )
    said, page = _said(store, "pine-road", body, "beds ran out")
    assert page["id"] == "hope-okafor"
    body = "Precious Mabuza told reporters the shelter was full."
    assert _said(store, "mabuza", body, "shelter was full")[1]["id"] == "precious-mabuza"
