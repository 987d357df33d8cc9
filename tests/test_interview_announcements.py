"""A reader opens the page of someone an interview announces: their answers are filed there
even when the headline runs straight into a dateline, and even when their given name is one
no name list knows, as long as the article also calls them by surname alone."""

from __future__ import annotations

import re

from indexer.extract import extract

QUESTIONS = (
    "How did you first notice the losses?\n\n"
    "I said to my neighbour in February that the hives were far too quiet. When I opened "
    "them, the clusters were small.\n\n"
    "What will you change this year?\n\n"
    "I think the hives need more shelter from the wind, and I told the cooperative so.\n\n"
)


def first_person_speakers(text: str) -> list[str | None]:
    """Who the attributions in the answers ("I said ...", "I think ...") are filed under."""
    answers = [m.span() for m in re.finditer(r"(?m)^I .*$", text)]
    return [
        r["speaker"]
        for r in extract(text)
        if r["speaker_text"] == "I" or any(s <= r["content_spans"][0][0] < e for s, e in answers)
    ]


def test_a_headline_name_followed_by_a_dateline_paragraph_is_the_interviewee():
    text = (
        "Interview with beekeeper and author Orla Finnegan\n\n"
        "Saturday, April 4, 2009\n\n"
        "Orla Finnegan keeps forty hives on the hills above Carrow.\n\n" + QUESTIONS
    )
    speakers = first_person_speakers(text)
    assert speakers and set(speakers) == {"Orla Finnegan"}


def test_an_unlisted_given_name_counts_when_the_article_uses_the_surname_alone():
    text = (
        "Valley Courier interviews Zorwenna Quillby on the winter losses\n\n"
        "The hives stand on the hills above Carrow. Quillby explained how she counts them.\n\n"
        + QUESTIONS
    )
    speakers = first_person_speakers(text)
    assert speakers and set(speakers) == {"Zorwenna Quillby"}


def test_an_unlisted_given_name_never_used_alone_leaves_i_unresolved():
    text = (
        "Valley Courier interviews Zorwenna Quillby on the winter losses\n\n"
        "The hives stand on the hills above Carrow.\n\n" + QUESTIONS
    )
    speakers = first_person_speakers(text)
    assert speakers and set(speakers) == {None}
