"""A fact-checker reads a person's page: a "she" is filed there only when the text says so.

Invented stories: a description that names nobody stays off every page (its words kept as
the role), a speaker known by a first name alone is who "she" continues.
"""

from __future__ import annotations

from indexer.extract import extract
from indexer.link import Linker


def test_an_unresolved_description_keeps_its_words_and_gets_no_speaker_page(store):
    text = (
        "The ferry company raised its fares on Monday.\n\n"
        "The Republican county nominee said the increase would hurt commuters."
    )
    record = next(r for r in extract(text) if "increase" in r["content"])
    assert record["speaker_resolution"] == "unresolved"
    assert record["speaker_text"] == "The Republican county nominee"
    assert "nominee" in record["speaker"]
    article = {"id": "a-ferry", "title": "Fares", "body": text, "source": "ferry.txt"}
    _, [linked, *_] = Linker(store).link(article, [record])
    assert linked["speaker_id"] is None
    assert store.stats()["speakers"] == 0


def test_she_continues_a_speaker_known_by_her_first_name():
    text = (
        "Reporter Joanna Pike spent an evening with the family in their kitchen.\n\n"
        "\u201cWe lost the farm in two years,\u201d Greta said to her brother.\n\n"
        "\u201cNobody from the bank ever called,\u201d she said."
    )
    record = next(r for r in extract(text) if r["speaker_text"] == "she")
    assert record["speaker"] == "Greta"


def test_they_is_not_an_organization_merely_mentioned_before():
    text = (
        "The Coastal Survey Agency published its tide tables for the new season on Monday.\n\n"
        "Fishermen in Carrow were unhappy with the late tables.\n\n"
        "\u201cWe cannot plan a season like this,\u201d they said."
    )
    record = next(r for r in extract(text) if r["speaker_text"] == "they")
    assert record["speaker"] is None


def test_it_continues_the_organization_that_just_spoke():
    text = (
        "The Coastal Survey Agency said on Monday that the tide tables would be late. "
        "It said the survey ship had been in dry dock since March."
    )
    record = next(r for r in extract(text) if r["speaker_text"] == "It")
    assert record["speaker"] == "Coastal Survey Agency"


def test_he_is_never_a_place_that_ends_a_longer_place_name():
    text = (
        "Professor Colin Eastman surveyed schools in Western Australia and South Australia.\n\n"
        "Australia has ignored the problem for twenty years.\n\n"
        "He said bread should be made with iodised salt."
    )
    record = next(r for r in extract(text) if r["speaker_text"] == "He")
    assert record["speaker"] == "Colin Eastman"
