"""A person's whole name is their page's name (issue 10): a reader who looks up the
Vietnamese minister, the Emirati envoy or the Dutch MEP the paper quoted finds the name the
paper printed, not its last two words.

Family names written first ("Trần Thị Mai"), given names the first-name table does not know
("Suresh Chandra Patil"), particles ("Pieter de Vries", "Ana de la Cruz", "Noura bint Hamad
Al Busaidi", "Ahmed ibn Rashid al-Khatib") all belong to the name; a word before a given
name is cut off only when it can describe someone ("Rival", "Dutch", "Republican"). A
country's possessive ("Peru's Dina Quispe Mamani") owns the person and is no part of the
name. What `quotetrail extract` prints is what the store keeps.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker
from store.sqlite import SqliteStore

WHOLE_NAMES = [
    ("Hanoi's deputy fisheries minister, Trần Thị Mai, said the pact was overdue.", "Trần Thị Mai"),
    ("Deputy Prime Minister Lê Quang Huy said exports would double.", "Lê Quang Huy"),
    (
        "The Omani envoy, Noura bint Hamad Al Busaidi, said the region welcomed the pact.",
        "Noura bint Hamad Al Busaidi",
    ),
    (
        "Ahmed ibn Rashid al-Khatib told reporters the quotas were fair.",
        "Ahmed ibn Rashid al-Khatib",
    ),
    ("Belgian MEP Pieter de Vries said the text was a step forward.", "Pieter de Vries"),
    ("Economist Hanna von Essen said prices would fall.", "Hanna von Essen"),
    ("Coach Luis del Río said the fleet was ready.", "Luis del Río"),
    ("Senator Ana de la Cruz said the vote would be close.", "Ana de la Cruz"),
    (
        "Chief Minister Suresh Chandra Patil said the state would study the pact.",
        "Suresh Chandra Patil",
    ),
    ("Peru's Dina Quispe Mamani said she was hopeful about the talks.", "Dina Quispe Mamani"),
]


@pytest.fixture
def linker(tmp_path: Path) -> tuple[SqliteStore, Linker]:
    store = SqliteStore(str(tmp_path / "q.db"))
    yield store, Linker(store)
    store.close()


@pytest.mark.parametrize(("sentence", "name"), WHOLE_NAMES)
def test_the_page_carries_the_whole_name_the_paper_printed(linker, sentence, name):
    store, link = linker
    found = extract(sentence)
    assert [a["speaker"] for a in found] == [name]  # what `quotetrail extract` shows
    built = article("Test Gazette", "pact", "2026-11-25", sentence)
    [stored] = index(store, link, (built, found))[1]
    assert stored["speaker"] == name
    assert store.get_speaker(stored["speaker_id"])["name"] == name


def test_a_country_s_possessive_is_no_name_and_no_role():
    sentence = "Chile's Marta Quilodrán Soto said the deal was fair."
    [said] = extract(sentence)
    assert said["speaker"] == "Marta Quilodrán Soto"
    assert "Marta" not in (said.get("speaker_role") or "")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Rival Hillary Clinton said the plan was reckless.", "Hillary Clinton"),
        ("Republican Donald Trump said the plan was reckless.", "Donald Trump"),
        ("Actress Emma Stone said the plan was reckless.", "Emma Stone"),
    ],
)
def test_a_describing_word_before_a_given_name_is_still_cut_off(sentence, name):
    assert [a["speaker"] for a in extract(sentence)] == [name]


def test_a_surname_whose_full_name_follows_a_role_word_is_indexed_not_a_crash(linker):
    """ "Reporter Jomira Oyelaran says: …" then "As Oyelaran spoke": the full name found
    for the surname read down to the surname again, forever (a RecursionError on index)."""
    store, link = linker
    body = (
        "A reporter at the scene described the consulate.\n\n"
        "Reporter Jomira Oyelaran says:\n\n"
        'The consulate was closed on Friday, and "nobody was allowed near it," Jomira '
        "Oyelaran said.\n\n"
        "As Oyelaran spoke about how the consulate had been sealed, police arrived."
    )
    stored = index(store, link, (article("Test Gazette", "c", "2026-11-25", body), extract(body)))
    assert all("Oyelaran" in a["speaker"] for a in stored[1] if a.get("speaker_id"))
