"""A place in capitals before a colon opening a story is its dateline (issue #11).

Indian and Pakistani papers open "BENGALURU: Chief Minister Siddaramaiah on Thursday pulled
up ...": a reader must not find a speaker page "Bengaluru" holding the lead paragraph; the
lead's own speaker keeps its words, though the article names the place again ("Bengaluru
municipal officials"). A transcript's shouted names stay speakers.
"""

from __future__ import annotations

import pytest

from indexer.extract import extract

LEAD = (
    "Chief Minister Siddaramaiah on Thursday pulled up {city} municipal officials over the "
    'pothole situation, warning that he "will not tolerate delays".'
)


@pytest.mark.parametrize("place", ["BENGALURU", "NEW DELHI", "ISLAMABAD"])
@pytest.mark.parametrize("headline", ["", "CM pulls up officials over potholes\n\n"])
def test_a_place_and_colon_opening_the_story_is_no_speaker(place: str, headline: str) -> None:
    lead = LEAD.format(city=place.title())
    body = f"{headline}{place}: {lead}\n\nThe commissioner said most of the work was done."
    records = extract(body)
    assert place.title() not in {r["speaker"] for r in records}
    assert [r["speaker"] for r in records if "tolerate delays" in r["content"]] == [
        "Siddaramaiah"
    ]


def test_a_transcript_turn_is_still_its_speakers() -> None:
    body = (
        "HANNAH COLE: We will rebuild the pier before the summer season starts.\n\n"
        "INTERVIEWER: And the cost?\n\n"
        "HANNAH COLE: The council has set aside four million for the work."
    )
    speakers = [r["speaker"] for r in extract(body) if "pier" in r["content"]]
    assert speakers and all(s.lower() == "hannah cole" for s in speakers)


def test_the_cm_is_the_articles_one_chief_minister_not_the_deputy() -> None:
    body = (
        f"BENGALURU: {LEAD.format(city='Bengaluru')}\n\n"
        '"Every pothole must be filled by December 15," the CM told PTI.\n\n'
        "Deputy Chief Minister D.K. Shivakumar, who holds the development portfolio, said "
        "money was not the problem."
    )
    [record] = [r for r in extract(body) if "pothole must be filled" in r["content"]]
    assert (record["speaker"], record["via_outlets"]) == ("Siddaramaiah", ["PTI"])
