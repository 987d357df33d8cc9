"""A reader opens an interviewee's page: the answers they gave in a Q&A are filed there.

Invented interviews and captions: an answer is the whole turn of the person the lead says
was interviewed, and "I" in it is that person, "you" in a question too; a photo credit's
name never becomes the person a later "she" refers to.
"""

from __future__ import annotations

import re

from indexer.extract import extract

INTERVIEW = (
    "Beekeeper Orla Finnegan tells the Valley Courier about the winter losses\n\n"
    "Orla Finnegan keeps forty hives on the hills above Carrow. Her colonies lost a third "
    "of their bees last winter.\n\n"
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
        if r["speaker_text"] in ("I", "you")
        or any(s <= r["content_spans"][0][0] < e for s, e in answers)
    ]


def test_i_in_an_answer_is_the_interviewee_the_lead_names():
    speakers = first_person_speakers(INTERVIEW)
    assert speakers and set(speakers) == {"Orla Finnegan"}
    answers = [r for r in extract(INTERVIEW) if r["speaker"] == "Orla Finnegan"]
    assert [r["content"].split()[:3] for r in answers] == [
        ["I", "said", "to"],
        ["I", "think", "the"],
    ]  # each answer whole, verbatim, under her name
    assert all(r["kind"] == "direct" for r in answers)


def test_a_lead_naming_two_people_leaves_i_unresolved():
    text = INTERVIEW.replace(
        "Beekeeper Orla Finnegan tells",
        "Beekeepers Orla Finnegan and Declan Hurley tell",
    ).replace("Orla Finnegan keeps", "Orla Finnegan and Declan Hurley keep")
    speakers = first_person_speakers(text)
    assert speakers and set(speakers) == {None}


def test_an_opinion_piece_with_rhetorical_questions_is_not_an_interview():
    text = (
        "Why the council is wrong about the bridge\n\n"
        "Mayor Carol Fisk wants to close the old bridge to cars next spring.\n\n"
        "Is that what the town needs?\n\n"
        "I said at the last meeting that the shops on the east bank would suffer.\n\n"
        "Who will pay for it?\n\n"
        "I think the answer is the people who cross it every day."
    )
    speakers = first_person_speakers(text)
    assert speakers and set(speakers) == {None}


def test_a_photo_credit_is_not_who_she_is():
    text = (
        "Mayor Carol Fisk opened the new library in Carrow on Monday.\n\n"
        "Photo: Getty Images Lena Marsh\n\n"
        "\u201cEvery child deserves a quiet place to read,\u201d she said."
    )
    record = next(r for r in extract(text) if r["speaker_text"] == "she")
    assert record["speaker"] == "Carol Fisk"
