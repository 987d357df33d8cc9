"""What a fresh user found on small invented articles (issues #10/#11, session 8): a quote
whose speaker carries a role word the parser took for a verb, a dateline read as the one
who speaks, "has yet to say" stored as a claim, a numbered channel cut in two, and a named
relay lost to the hedge's default."""

from __future__ import annotations

import pytest

from indexer.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        '"The bridge is fine," said engineer Priya Nair.\n\nThe council met on Monday.',
        '"Windows line endings are fine," said engineer Priya Nair.\r\n\r\nIt rained.\r\n',
        '"The pitch is ready," said groundsman Tomas Berg.',
    ],
)
def test_a_quote_whose_speaker_is_introduced_by_a_role_word_is_found(text: str) -> None:
    # '"...," said engineer Priya Nair': the parser reads "engineer" as a verb with the
    # name its object; the quote is still found and its speaker is the named person.
    found = [a for a in extract(text) if a["kind"] == "direct"]
    assert len(found) == 1, found
    assert found[0]["speaker_type"] == "person"
    assert found[0]["speaker"] in ("Priya Nair", "Tomas Berg")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "SELM, Nov 27 (CPA) - The Karsk central bank kept its rate at 6.25% on Friday and "
            'warned that inflation would prove "sticky".',
            "bank",
        ),
        (
            "PORT ELLERY, Nov. 24, 2026 /PRWire/ -- Halvern Pharmaceuticals (NASDAQ: HLVN) "
            "today announced that its Phase III trial of Cardiloz XR met its primary endpoint.",
            "Halvern Pharmaceuticals",
        ),
    ],
)
def test_a_dateline_never_speaks(text: str, speaker: str) -> None:
    # A dateline names where the story was filed; the claim belongs to the subject after it,
    # and no page is made for the city.
    (found,) = extract(text)
    assert speaker in (found["speaker"] or ""), found
    assert found["speaker"] not in ("SELM", "PORT ELLERY")
    assert "SELM" not in (found["speaker_role"] or "") and "ELLERY" not in found["speaker_text"]


@pytest.mark.parametrize(
    "text",
    [
        "Greta Lindqvist has yet to say what she would do instead.",
        "The minister is yet to confirm that the deal is off.",
        "Ames declined to say where he was.",
        "Ames would not say when the vote is.",
    ],
)
def test_what_someone_has_yet_to_say_is_no_claim(text: str) -> None:
    assert extract(text) == []


def test_saying_that_something_is_yet_to_come_is_still_a_claim() -> None:
    (found,) = extract("Ames said the vote is yet to come.")
    assert found["content"] == "the vote is yet to come"


def test_a_numbered_channel_stays_one_outlet() -> None:
    # "told Channel 9 News": one outlet, never a page for "News"
    found = extract("Calder told Channel 9 News on Friday that he had kept notes of the meeting.")
    assert [a["via_outlets"] for a in found] == [["Channel 9 News"]]


def test_a_named_relay_wins_over_the_hedge() -> None:
    # "allegedly ..., according to two people familiar with the conversation": the people
    # named relay the words; "allegations" is only the hedge's default when no one is named.
    found = extract(
        'Marchetti allegedly told a council colleague that the contract was "too big to fail", '
        "according to two people familiar with the conversation."
    )
    relayed = [a for a in found if a["speaker"] == "Marchetti"]
    assert relayed and relayed[0]["relayed_by"] == "two people familiar with the conversation"
    hedged = extract('Marchetti allegedly told staff that the contract was "too big to fail".')
    assert [a["relayed_by"] for a in hedged] == ["allegations"]
