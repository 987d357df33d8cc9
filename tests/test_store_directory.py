"""Finding a person or an outlet: the directories of speakers and outlets, on both engines.

A fact-checker types part of a name (a first name, a surname, an alias) and expects the
person who said the most to come first; every speaker must be reachable by paging.
Expected numbers are read off ``tests/store_fixtures.py``: Zelensky has 5 attributions,
Stoltenberg 3, the Ministry of Defence 2.
"""

from __future__ import annotations

import pytest


def listed(page) -> list[tuple[str, int]]:
    return [(e.record["id"], e.attributions) for e in page.entries]


def test_every_speaker_is_listed_most_quoted_first(fixtures_corpus):
    page = fixtures_corpus.directory("speakers")
    assert page.total == 3
    assert listed(page) == [("zelensky", 5), ("jens-stoltenberg", 3), ("ministry-of-defence", 2)]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Stolt", ["jens-stoltenberg"]),  # the start of a surname
        ("volod", ["zelensky"]),  # the start of a first name
        ("ZELENSKYY", ["zelensky"]),  # an alias, any case
        ("chief", ["jens-stoltenberg"]),  # a word of an alias ("NATO chief")
        ("defence", ["ministry-of-defence"]),
        ("зелен", ["zelensky"]),
        ("efence", []),  # inside a word is not a match
        ("%", []),
        ("_", []),
    ],
)
def test_a_speaker_is_found_by_the_start_of_any_name_or_word(fixtures_corpus, typed, found):
    page = fixtures_corpus.directory("speakers", typed)
    assert [e.record["id"] for e in page.entries] == found
    assert page.total == len(found)


def test_the_directory_sorts_by_name_and_pages(fixtures_corpus):
    by_name = fixtures_corpus.directory("speakers", sort="name")
    assert [e.record["name"] for e in by_name.entries] == [
        "Jens Stoltenberg", "Ministry of Defence", "Volodymyr Zelensky"
    ]
    second = fixtures_corpus.directory("speakers", sort="name", page=2, per_page=2)
    assert (second.total, listed(second)) == (3, [("zelensky", 5)])
    beyond = fixtures_corpus.directory("speakers", page=9, per_page=2)
    assert (beyond.total, beyond.entries) == (3, [])


def test_outlets_are_found_by_domain_and_ranked_by_what_they_published(fixtures_corpus):
    assert [e.record["id"] for e in fixtures_corpus.directory("outlets", "bbc.co").entries] == [
        "bbc"
    ]
    everything = fixtures_corpus.directory("outlets")
    counts = [e.attributions for e in everything.entries]
    assert everything.total == 3 and counts == sorted(counts, reverse=True) and counts[0] > 0


def test_the_matching_rule_is_the_one_both_engines_follow():
    from store.records import name_matches

    assert name_matches("ved", "olena vedmid") and name_matches("ol", "olena vedmid")
    assert not name_matches("edmid", "olena vedmid")
    assert name_matches("", "anyone")
