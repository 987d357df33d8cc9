"""User stories a fresh user found on invented articles (issue 10, session 8): a title after
a name or an occupation before it is the person's role, not part of a name or a second
person; the role a speaker page shows is an office written out, never a piece of a
quotation, a style of address or "no relation"; and a described speaker the article
identifies ("the minister", "its analysis") is that person or body."""

from __future__ import annotations

import pytest

from indexer.extract import extract
from indexer.extract.office_roles import stored_role


def by_content(found: list[dict], words: str) -> dict:
    matches = [a for a in found if words in a["content"]]
    assert len(matches) == 1, found
    return matches[0]


def test_a_title_after_a_name_is_the_persons_role_not_a_second_speaker() -> None:
    # A business reader files the chief executive's quote under the one person who said it.
    att = by_content(
        extract('"This is the biggest step in our history," added Marcus Feld, President and CEO.'),
        "biggest step",
    )
    assert (att["speaker"], att["speaker_type"]) == ("Marcus Feld", "person")
    assert att["speaker_role"]


def test_two_people_written_together_stay_a_group() -> None:
    att = by_content(
        extract('"We will appeal," said Marcus Feld and Anna Lowe.'), "We will appeal"
    )
    assert att["speaker_type"] == "group"


@pytest.mark.parametrize("job", ["Striker", "Plumber"])
def test_an_occupation_opening_a_sentence_is_no_part_of_the_name(job: str) -> None:
    # The sports reader looks the player up as "Dele Ojo", whatever word began the sentence.
    text = (
        "Rovers lost the derby on Saturday.\n\n"
        f"{job} Dele Ojo told the club's website: 'We are not finished yet.'"
    )
    att = by_content(extract(text), "not finished yet")
    assert att["speaker"] == "Dele Ojo"
    assert att["speaker_role"] == job.lower()


def test_the_last_words_of_a_quotation_are_no_role_of_its_speaker() -> None:
    att = by_content(
        extract('"Hum kya karein? Salary toh badhti nahi," said auto driver Ramesh Kumar.'),
        "Hum kya karein",
    )
    assert att["speaker"] == "Ramesh Kumar"
    assert att["speaker_role"] == "auto driver"


def test_a_role_keeps_the_capitals_of_its_acronyms() -> None:
    text = (
        "Delhi Metro fares will rise next month.\n\n"
        'AAP MLA Meena Sharma said: "The minister should travel in the Metro at 9 am."'
    )
    att = by_content(extract(text), "should travel in the Metro")
    assert att["speaker"] == "Meena Sharma"
    assert att["speaker_role"] == "AAP MLA"


def test_a_role_names_the_organization_written_before_it() -> None:
    text = (
        "Property Council NSW executive director Claire Whitfield said the market "
        "was overheating."
    )
    att = by_content(extract(text), "the market was overheating")
    assert att["speaker_role"] == "executive director of Property Council NSW"


@pytest.mark.parametrize(
    "written",
    ["no relation", "no relation to the Premier", "rt hon", "Rt Hon", "»", '"Salary toh nahi,"'],
)
def test_descriptions_that_are_no_office_are_not_stored_as_roles(written: str) -> None:
    assert stored_role(written) is None


@pytest.mark.parametrize("written", ["auto driver", "AAP MLA", "executive director"])
def test_an_office_written_out_is_stored(written: str) -> None:
    assert stored_role(written) == written


def test_a_relative_written_as_no_relation_has_no_role() -> None:
    text = (
        "Premier Jodie Kellerman ruled out abolishing stamp duty.\n\n"
        "Economist Daniel Kellerman, no relation to the Premier, said that abolishing the "
        "tax would blow a hole in the budget."
    )
    att = by_content(extract(text), "blow a hole")
    assert att["speaker"] == "Daniel Kellerman"
    assert att["speaker_role"] != "no relation to the Premier"


def test_the_minister_is_the_articles_only_minister_not_its_prime_minister() -> None:
    # The reader of the minister's page finds the promise a union chief says he made.
    text = (
        "OSTERHAL — Defence Minister Andrii Vedmid on Sunday denied that the government had "
        "promised 5,000 jobs at the new plant.\n\n"
        "Union chief Oksana Moroz disputed that. She said the minister had told workers in "
        'June that "every family will have someone working at the plant".\n\n'
        "The prime minister, Viktor Haas, has not commented."
    )
    told = [a for a in extract(text) if a["content"].startswith('that "every family')]
    assert [a["speaker"] for a in told] == ["Andrii Vedmid"]


def test_the_minister_as_a_speaker_is_the_only_minister() -> None:
    text = (
        "Defence Minister Andrii Vedmid on Sunday denied the report.\n\n"
        "The prime minister, Viktor Haas, has not commented.\n\n"
        "In June the minister had said that every family would benefit."
    )
    att = by_content(extract(text), "every family would benefit")
    assert att["speaker"] == "Andrii Vedmid"


def test_the_minister_of_two_ministers_stays_unresolved() -> None:
    text = (
        "Defence Minister Andrii Vedmid and Health Minister Olena Hryb met on Sunday.\n\n"
        "In June the minister had said that every family would benefit."
    )
    att = by_content(extract(text), "every family would benefit")
    assert att["speaker_resolution"] == "unresolved"


def test_its_analysis_is_the_body_named_just_before() -> None:
    text = (
        "Lindqvist says no family will lose out. The Institute for Fiscal Studies says "
        "otherwise: its analysis shows the poorest tenth of households will be 3% worse off."
    )
    att = by_content(extract(text), "poorest tenth")
    assert att["speaker"] == "Institute for Fiscal Studies"
    assert att["speaker_type"] == "organization"
