"""Names a fresh user found wrong on speaker pages (issue 10, "Names"), each a kind of
construction written the way news writes it.

A given name the first-name table lacks ("Shaz") stays the name before a surname another
person of the article shares; Indian honorifics ("Shri", "Smt.") are honorifics, and "Mr."
picks the man of two Iyers; a transcript's shouted "SEN. WARREN:" is Warren, or the
Elizabeth Warren its article names; a lower-case occupation before a name ("deckhand Tomas
Lind") and a hyphenated office ("The vice-president of the club, Ama Mensah") are the
person's role; a weekday before a surname ("On Tuesday Delgado denied") is no part of the
name; a place WordNet happens to list ("Bihar Chief Minister") still names an office. Roles
a reader sees on a page are roles: a demonym ("Vermonter") is no occupation, a compliment
in a quote ("Very good reporter") and a phrase running into the next person ("secretary of
state hillary clinton and sen.") are no roles, and none of them makes a page "May be two
people".
"""

from __future__ import annotations

from typing import Any

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.extract.office_roles import stored_role
from indexer.link import Linker
from indexer.link.namesakes import possible_namesakes
from store.base import Store


def _linked(store: Store, slug: str, body: str, title: str = "") -> list[dict[str, Any]]:
    """Extract, link and store one article of the Harbor Daily; its linked attributions."""
    built = article("Harbor Daily", slug, "2026-11-24", body, title=title or f"Harbor {slug}")
    return index(store, Linker(store), (built, extract(body)))[1]


def _said(attributions: list[dict[str, Any]], words: str) -> dict[str, Any]:
    return next(a for a in attributions if words in a["content"])


def test_an_unknown_given_name_before_a_shared_surname_is_the_name(store: Store) -> None:
    body = (
        'Commissioner Rob Kearney said the bridge would reopen in May. "We are on '
        'schedule," Kearney said.\n\nLocal resident Shaz Kearney said the detour had '
        'doubled her commute. "It has been a nightmare," she said.'
    )
    atts = _linked(store, "bridge", body)
    resident = _said(atts, "nightmare")
    assert resident["speaker"] == "Shaz Kearney"
    assert resident["speaker_role"].lower() == "local resident"
    assert _said(atts, "on schedule")["speaker_id"] == "rob-kearney"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Union Agriculture Minister Shri Venkatesh Iyer", "Venkatesh Iyer"),
        ("Smt. Nirmala Sitharaman", "Nirmala Sitharaman"),
        ("Shrimati Meena Kumari", "Meena Kumari"),
    ],
)
def test_indian_honorifics_are_no_part_of_a_name(written: str, name: str) -> None:
    found = extract(f"{written} said the monsoon would be normal this year.")
    assert [a["speaker"] for a in found] == [name]


def test_mr_decides_between_a_man_and_a_woman_sharing_a_surname(store: Store) -> None:
    body = (
        "Union Agriculture Minister Shri Venkatesh Iyer said the monsoon would be normal. "
        "Farmers' leader Lakshmi Iyer said the government had ignored the drought.\n\n"
        '"We will procure every grain," Mr. Iyer said on Monday.'
    )
    atts = _linked(store, "monsoon", body)
    assert _said(atts, "procure every grain")["speaker_id"] == "venkatesh-iyer"
    assert store.get_speaker("venkatesh-iyer")["name"] == "Venkatesh Iyer"


TRANSCRIPT = (
    "SEN. WARREN: We need to break up the big banks.\n\nREPORTER: Will you run?\n\n"
    "SEN. WARREN: I am not running this time."
)


def test_a_shouted_transcript_label_is_written_as_a_name(store: Store) -> None:
    atts = _linked(store, "banks", TRANSCRIPT, title="Warren on banks")
    said = _said(atts, "break up the big banks")
    assert said["speaker"] == "Warren (in Warren on banks)"
    assert said["speaker_role"] == "sen."


def test_a_shouted_label_joins_the_full_name_its_article_gives(store: Store) -> None:
    body = "Elizabeth Warren took questions after the hearing.\n\n" + TRANSCRIPT
    atts = _linked(store, "hearing", body)
    assert {a["speaker_id"] for a in atts} == {"elizabeth-warren"}


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        ('"The wave came out of nowhere," deckhand Tomas Lind said.', "Tomas Lind", "deckhand"),
        (
            '"We have never seen anything like it," pharmacist Sofia Lindgren said.',
            "Sofia Lindgren",
            "pharmacist",
        ),
        (
            "The vice-president of the club, Ama Mensah, said the members were shocked.",
            "Ama Mensah",
            "the vice-president of the club",
        ),
    ],
)
def test_the_role_written_before_a_name_is_the_persons(body: str, name: str, role: str) -> None:
    found = extract(body)
    assert [(a["speaker"], a["speaker_type"], a["speaker_role"]) for a in found] == [
        (name, "person", role)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "It is a long process but satisfy Bernie Sanders said the crowd.",  # a verb, no role
        "The crowd cheered. Bernie Sanders said the crowd was big.",
    ],
)
def test_words_before_a_name_that_are_no_role_give_none(body: str) -> None:
    assert [(a["speaker"], a["speaker_role"]) for a in extract(body)] == [("Bernie Sanders", None)]


def test_a_date_opening_a_described_body_is_no_part_of_its_role() -> None:
    found = extract("Yesterday port operator Maasgroep said the port was shut.")
    assert [(a["speaker"], a["speaker_role"]) for a in found] == [("Maasgroep", "port operator")]


def test_a_later_mention_of_a_lower_case_occupation_is_its_holder() -> None:
    body = (
        '"It came out of nowhere," said deckhand Tomas Lind. The deckhand added that the '
        "crew had no warning."
    )
    assert {a["speaker"] for a in extract(body)} == {"Tomas Lind"}


@pytest.mark.parametrize("date", ["On Tuesday", "Yesterday"])
def test_a_date_before_a_surname_is_no_part_of_the_name(date: str) -> None:
    body = f"Frank Delgado is the club's treasurer. {date} Delgado denied any wrongdoing."
    assert [a["speaker"] for a in extract(body)] == ["Frank Delgado"]
    alone = extract(f"{date} Delgado denied any wrongdoing.")
    assert [a["speaker"] for a in alone] == ["Delgado"]


def test_a_month_that_is_a_given_name_stays_one() -> None:
    assert [a["speaker"] for a in extract("June Carter said the books were clean.")] == [
        "June Carter"
    ]


def test_a_place_before_an_office_still_names_the_office() -> None:
    body = (
        "Chief Minister Nitish Kumar said the relief camps were full. Later, Bihar Chief "
        "Minister said the relief would reach every district."
    )
    later = _said(extract(body), "reach every district")
    assert later["speaker"] == "Nitish Kumar"


def test_a_word_of_the_office_is_no_place() -> None:
    body = (
        "Home Affairs Minister Ravi Das said the camps were full. Later, Foreign Affairs "
        "Minister said relief would come."
    )
    assert _said(extract(body), "relief would come")["speaker"] != "Ravi Das"


def _page(*roles: str | None) -> list[dict[str, Any]]:
    return [{"article_id": f"a-{i}", "speaker_role": r} for i, r in enumerate(roles)]


def test_a_demonym_is_where_someone_is_from_not_another_job() -> None:
    found = extract('"We will win," said fellow Vermonter Bernie Sanders.')
    role = found[0]["speaker_role"]
    assert role == "Vermonter"
    assert possible_namesakes(_page(role, "Sen.")) == []


@pytest.mark.parametrize(
    "stray",
    [
        "Very good reporter",  # a compliment in a quote
        "secretary of state hillary clinton and sen.",  # runs into the next person
        "former campaign chairman Paul Manafort",  # another person's name
    ],
)
def test_a_phrase_that_is_no_role_is_neither_stored_nor_flagged(stray: str) -> None:
    assert stored_role(stray) is None
    assert possible_namesakes(_page("plumber", stray)) == []


@pytest.mark.parametrize(
    "role",
    [
        "spokeswoman for Hillary Clinton",
        "aide to Sen. Ann Lee",
        "Clinton campaign manager",
        "mayor and retired teacher",
    ],
)
def test_a_role_serving_someone_stays_a_role(role: str) -> None:
    assert stored_role(role) == role


@pytest.mark.parametrize(
    "roles",
    [
        (
            "a political scientist at the University of New Hampshire",
            "a political science professor at the University of New Hampshire",
        ),
        ("neurosurgeon", "a surgeon"),
        ("political science professor", "political scientist"),
        ("a physician", "neurosurgeon"),
        ("insurgent", "Sen."),  # a stance, held besides an office
    ],
)
def test_two_roles_of_one_career_raise_no_flag(roles: tuple[str, str]) -> None:
    assert possible_namesakes(_page(*roles)) == []
    assert possible_namesakes(_page(roles[1], "plumber")) != []  # a plumber is another job
