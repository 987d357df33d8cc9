"""User stories: the parts of one statement stay with their speaker, and only theirs.

A reader who looks up what a harbour master said gets the whole statement, the paraphrase
and the quotation that follows "..., he said." alike; a participle closing a reported clause
(", arguing that ...") is the speaker's next point, not the words of whoever the reported
clause is about; and a sentence of narration between a cue and a quotation keeps the
quotation apart, since it may be someone else's.
"""

from __future__ import annotations

import pytest

from indexer.extract import extract, scoring


def stored(text: str) -> list[dict]:
    return scoring.stored(extract(text))[0]


def speaker_words(text: str, attribution: dict) -> str | None:
    span = attribution.get("speaker_span")
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "cue", "reporter"),
    [
        (
            "Fisheries experts said warmer currents have contributed to pushing the herring "
            "north, citing the collapse of the spring catch off the western coast.",
            "citing",
            "Fisheries experts",
        ),
        (
            "Dana Whitlow told the inquiry that the contractors had ignored her warnings, "
            "saying the cracks were visible for months.",
            "saying",
            "Dana Whitlow",
        ),
        (
            "Councillor Maeve Osei said the bypass would cut traffic in the old town, arguing "
            "that the bridge could not carry more lorries.",
            "arguing",
            "Councillor Maeve Osei",
        ),
    ],
)
def test_a_participle_closing_a_reported_clause_is_the_reporters(
    text: str, cue: str, reporter: str
) -> None:
    found = [a for a in stored(text) if a["cue"] == cue]
    assert found, f"nothing stored for {cue!r}"
    assert [speaker_words(text, a) for a in found] == [reporter]


def test_a_participle_describing_the_speaker_is_not_part_of_the_name() -> None:
    text = (
        "Dana Whitlow, speaking to reporters outside the court, said the verdict would be "
        "appealed."
    )
    found = stored(text)
    assert [(a["content"], speaker_words(text, a)) for a in found] == [
        ("the verdict would be appealed", "Dana Whitlow")
    ]


def test_a_participle_on_a_subject_speaks_for_that_subject() -> None:
    text = (
        "Residents living near the quarry, complaining that the blasts had cracked their "
        "walls, packed the council chamber on Tuesday."
    )
    found = [a for a in extract(text) if a["cue"] == "complaining"]
    assert [(a["content"], speaker_words(text, a)) for a in found] == [
        ("that the blasts had cracked their walls", "Residents")
    ]


@pytest.mark.parametrize(
    ("first", "cue_clause", "quotation", "speaker"),
    [
        (  # a paraphrase
            "The ministry may be reluctant to act while the talks with the unions go on",
            ", Councillor Osei said. ",
            '"The other question is whether anyone wants to be blamed for a strike."',
            "Councillor Osei",
        ),
        (  # a partial quotation
            "\"I admire the ambition\" of the council's housing plan",
            ", the economist Ruth Gale said. ",
            '"But I have serious doubts about who will pay for it in the end."',
            "the economist Ruth Gale",
        ),
        (  # the speaker's initials do not end the cue clause
            '"This is a disgraceful day,"',
            " said Rep. J.T. Marsh, head of the transport committee. ",
            '"The tunnel was never safe, and everyone in this building knew it."',
            "Rep. J.T. Marsh, head of the transport committee",
        ),
        (  # a quotation, with the speaker's gesture in the cue clause
            '"You can\'t fix a bridge you have never inspected,"',
            " Osei said, explaining why knowing the age of the structures is essential. ",
            '"What we need is a full survey of every crossing."',
            "Osei",
        ),
    ],
)
def test_the_quotation_after_he_said_goes_on_with_the_same_statement(
    first: str, cue_clause: str, quotation: str, speaker: str
) -> None:
    text = first + cue_clause + quotation
    with_quotation = [a for a in stored(text) if quotation in a["content"]]
    assert [(a["content"], speaker_words(text, a)) for a in with_quotation] == [
        (f"{first} {quotation}", speaker)
    ]


@pytest.mark.parametrize(
    "narration", ["The mayor disagreed.", "He did not give a date for the first crossing."]
)
def test_a_sentence_of_narration_keeps_the_next_quotation_apart(narration: str) -> None:
    claim = 'The new ferry will be "a game changer" for the islands'
    quotation = '"We are still waiting for the engines from the yard in Bergen."'
    text = f"{claim}, harbour master Ivo Brandt said. {narration} {quotation}"
    brandt = [a for a in extract(text) if a["content"].startswith(claim)]
    assert [a["content"] for a in brandt] == [claim]
