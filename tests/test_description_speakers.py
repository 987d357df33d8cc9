"""News writing varies a name: "the Vermont senator", "the New York businessman", "the
fund". A reader knows who is meant when the text was just about that one person, or names
one organization of that kind; the quote goes to them. Where the text does not decide, the
description stays an honest unresolved rather than someone else's name."""

from __future__ import annotations

from indexer.extract import extract


def _speaker_of(text: str, words: str) -> dict:
    return next(r for r in extract(text) if words in r["content"])


def test_a_place_and_title_description_is_the_person_just_written_of():
    text = (
        "Dana Whitcombe campaigned in Burlington on Friday.\n\n"
        "\u201cWe will carry this state,\u201d Whitcombe said.\n\n"
        "Asked about the polls, the Vermont senator said the numbers would turn by October."
    )
    record = _speaker_of(text, "numbers would turn")
    assert record["speaker"] == "Dana Whitcombe"
    assert record["speaker_resolution"] == "description"
    assert record["speaker_text"] == "the Vermont senator"


def test_a_description_is_not_the_person_the_article_gave_another_title():
    text = (
        "Manhattan Supreme Court Justice Frank Morrow rejected the request on Thursday.\n\n"
        "\u201cThe records stay sealed,\u201d Morrow wrote.\n\n"
        "The GOP nominee argued that the state's legislature had put such files off-limits."
    )
    record = _speaker_of(text, "off-limits")
    assert record["speaker_resolution"] == "unresolved"
    assert "Morrow" not in (record["speaker"] or "")


def test_a_description_of_the_other_gender_is_not_the_person_just_written_of():
    text = (
        "Paul Henning toured the shipyard on Monday.\n\n"
        "\u201cThese jobs stay here,\u201d Henning said.\n\n"
        "The Ohio businesswoman said the yard would need new cranes within a year."
    )
    record = _speaker_of(text, "new cranes")
    assert record["speaker_resolution"] == "unresolved"


def test_the_fund_is_the_one_fund_the_article_names():
    text = (
        "The International Relief Fund lowered its forecast for growth on Tuesday.\n\n"
        "Still, the fund warned that the trade dispute would weigh on exports next year."
    )
    record = _speaker_of(text, "trade dispute")
    assert record["speaker"] == "International Relief Fund"
    assert record["speaker_resolution"] == "description"
