"""A reader of a corrected article and of a denial: the newsroom's correction note
("Correction: An earlier version of this article stated that ...") is the editors speaking
of their own text, never a claim by the person it names; and a denial worded with a gerund
("Mayor denies saying the budget would be cut") reads as written on the speaker's page,
never "denies that saying"."""

from __future__ import annotations

import pytest

from indexer.extract import extract
from webapp.wording import reported_lead

REPORT = "The council approved the budget by 7 votes to 2 on Monday, the clerk said."


@pytest.mark.parametrize(
    "note",
    [
        "Correction: An earlier version of this article incorrectly stated that Mayor Frank "
        "Delgado said the police budget would be cut by a third. It was council member "
        "Teresa Delgado who said so.",
        "An earlier version of this story misstated that the minister said taxes would rise.",
        "CORRECTION APPENDED. A previous version of this report said Ms Hale had resigned.",
        "Clarification: This story has been updated to say that the union rejected the offer.",
        "\u2022 This article was amended on 24 November 2026 because an earlier version said "
        "the mayor had promised to resign.",
    ],
)
def test_a_correction_note_is_no_claim(note: str) -> None:
    found = extract(f"{REPORT}\n\n{note}")
    assert [a["content"] for a in found] == [
        "The council approved the budget by 7 votes to 2 on Monday"
    ]


def test_a_paragraph_that_only_mentions_a_correction_is_still_read() -> None:
    body = (
        "The paper corrected its story on Tuesday.\n\n"
        'Mayor Frank Delgado said the correction "came far too late" for the families.'
    )
    assert [(a["speaker"], a["cue"]) for a in extract(body)] == [("Frank Delgado", "said")]


@pytest.mark.parametrize(
    ("cue", "content", "lead"),
    [
        ("denies", "saying police budget would be cut", "Frank Delgado denies"),
        ("denied", "having promised to cut the police budget", "Frank Delgado denied"),
        ("admitted", "taking the money from the fund", "Frank Delgado admitted"),
        ("recalled", "seeing the mayor at the depot", "Frank Delgado recalled"),
        # a clause stays a clause: "-thing" pronouns and "during" are no gerunds
        ("denied", "nothing had been promised", "Frank Delgado denied that"),
        ("admitted", "during the talks he had lost his temper", "Frank Delgado admitted that"),
    ],
)
def test_a_denial_with_a_gerund_reads_as_written(cue: str, content: str, lead: str) -> None:
    record = {"speaker": "Frank Delgado", "cue": cue, "content": content, "kind": "indirect"}
    assert reported_lead(record) == lead
