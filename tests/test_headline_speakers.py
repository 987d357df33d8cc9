"""A headline's speaker is a noun phrase, not the rest of the headline: "says council leader
as bin strike deepens" is the council leader's quote, "Mayor on transit cuts: '...'" the
mayor's; a bare role is the one person the article gives that role, else stays a
description."""

from __future__ import annotations

import pytest

from indexer.extract.article import extract_article


def headline_speakers(title: str, body: str) -> list[tuple[str | None, str]]:
    return [
        (a["speaker"], a["speaker_type"])
        for a in extract_article(title, body)
        if a["part"] == "title"
    ]


@pytest.mark.parametrize(
    "title",
    [
        "‘We will not be bullied’, says harbour master as ferry strike deepens",
        "‘We will not be bullied’, says harbour master after ferry talks collapse",
        "'We will not be bullied', says harbour master amid ferry strike",
    ],
)
def test_the_clause_after_an_inverted_headline_speaker_is_not_the_speaker(title: str) -> None:
    body = "The ferry strike entered its second week on Monday.\n\nTalks resume on Friday."
    assert headline_speakers(title, body) == [("harbour master", "person")]
    [quote] = [a for a in extract_article(title, body) if a["part"] == "title"]
    assert quote["cue"] == "says" and title[slice(*quote["speaker_span"])] == "harbour master"


def test_a_headline_role_is_the_one_person_the_body_gives_that_role() -> None:
    body = (
        "Mayor Ines Okoro announced the cuts on Friday.\n\n"
        "The city faces a deficit of $40 million, Okoro said."
    )
    assert headline_speakers("Mayor on bus cuts: ‘We have no choice’", body) == [
        ("Ines Okoro", "person")
    ]
    assert headline_speakers("‘We have no choice’, says mayor over bus cuts", body) == [
        ("Ines Okoro", "person")
    ]


def test_a_headline_role_two_people_share_stays_a_description() -> None:
    body = (
        "Mayor Ines Okoro of Eastfield and Mayor Tom Brandt of Westfield met on Friday.\n\n"
        "Both cities face deficits."
    )
    assert headline_speakers("Mayor on bus cuts: ‘We have no choice’", body) == [
        ("Mayor", "person")
    ]
