"""User stories: a stored claim is the speaker's words, whole, and only the speaker's.

A reader who cites "costs were up 7 per cent" must not get "costs were up 7"; a reader who
looks up a formula must get "=2+5", not "+5"; and when a second source disputes a figure in
the same sentence, that figure is not put in the first speaker's mouth.
"""

from __future__ import annotations

import re

import pytest

from indexer.extract import extract, scoring

# Punctuation that may close a clause right after a content span, and that may open one.
CLAUSE_CLOSERS = re.compile(r"^[.,;:!?\"'\u201d\u2019)\]]*(\s|$)")
OPENERS = " \n\"'\u201c\u2018(["


def stored(text: str) -> list[dict]:
    return scoring.stored(extract(text))[0]


def assert_whole_words(text: str, attribution: dict) -> None:
    """The stored content is the article's text at its spans, and no span cuts a word."""
    spans = attribution["content_spans"]
    assert attribution["content"] == " ".join(text[s:e] for s, e in spans)
    for s, e in spans:
        assert s == 0 or text[s - 1] in OPENERS, f"starts inside a word: {text[s - 1 : e]!r}"
        assert CLAUSE_CLOSERS.match(text[e:]), f"ends inside a word: {text[s : e + 3]!r}"


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Bell said costs were up 7 per cent, and wages 3%.",
            "costs were up 7 per cent, and wages 3%",
        ),
        ("The union said turnout was 80 per cent.", "turnout was 80 per cent"),
        (
            "Analysts at Jefferies said freight rates could rise by a further 40%.",
            "freight rates could rise by a further 40%",
        ),
        ("Nora Teal said tickets cost $5 per head.", "tickets cost $5 per head"),
        ("Mayor Dunn said the project would cost $5m.", "the project would cost $5m"),
        ("Officials said temperatures would hit 20C.", "temperatures would hit 20C"),
        ("Ann Lee said the fund reached \u00a34.2bn.", "the fund reached \u00a34.2bn"),
        ("Joe Park said the road is 3 km.", "the road is 3 km"),
        ("Ivo Marsh said the result was wrong (again).", "the result was wrong (again)"),
    ],
)
def test_a_claim_keeps_its_units_signs_and_brackets(sentence: str, claim: str) -> None:
    found = stored(sentence)
    assert [a["content"] for a in found] == [claim]
    assert_whole_words(sentence, found[0])


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ed Vine said =2+5 is the answer.", "=2+5 is the answer"),
        ("Tara Quill said +SUM(A1:A9) was wrong.", "+SUM(A1:A9) was wrong"),
    ],
)
def test_a_claim_starting_with_a_symbol_keeps_it(sentence: str, claim: str) -> None:
    found = stored(sentence)
    assert [a["content"] for a in found] == [claim]
    assert_whole_words(sentence, found[0])


def test_a_relay_by_per_is_still_not_part_of_the_claim() -> None:
    sentence = "Kay Orr said, per the filing, the plant will close."
    assert [a["content"] for a in stored(sentence)] == ["the plant will close"]


def test_a_second_source_contrasting_a_figure_is_not_the_first_speakers_claim() -> None:
    sentence = (
        "The growers' union said 'more than 10,000' farmers took part, while police put the "
        "figure at 6,000."
    )
    union = [a for a in stored(sentence) if a["speaker_text"].endswith("union")]
    assert [a["content"] for a in union] == ["'more than 10,000' farmers took part"]
    assert_whole_words(sentence, union[0])


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Harbor officials agreed that the ferry fleet should be replaced, after a tough "
            "push from the island's councillors.",
            "that the ferry fleet should be replaced",
        ),
        (
            "Nadia Orlov said that closing the pier was the right call, even though the "
            "council never published its safety review.",
            "that closing the pier was the right call",
        ),
        (
            "The mayor said residents should stay indoors until the storm passes.",
            "residents should stay indoors until the storm passes",
        ),
    ],
)
def test_the_writers_circumstance_closing_a_claim_is_not_the_claim(
    sentence: str, claim: str
) -> None:
    # ", after ...", ", even though ...": the writer's context for the claim, set off by a
    # comma; without the comma the time is part of what was said
    assert [a["content"] for a in stored(sentence)] == [claim]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Anna Kowalski said on Friday that waiting lists had fallen by 18 percent this "
            "year, a figure immediately challenged by opposition leader Piotr Kowalski.",
            "that waiting lists had fallen by 18 percent this year",
        ),
        (
            "Trent Gowdy said the contest had been rigged against him, a charge that party "
            "leaders strongly denied.",
            "the contest had been rigged against him",
        ),
        (
            # no comment of the writer's: a noun the speaker's own clause goes on with
            "Mia Lund said the council had promised a figure that nobody believed.",
            "the council had promised a figure that nobody believed",
        ),
    ],
)
def test_the_writers_comment_naming_a_claim_is_not_the_claim(sentence: str, claim: str) -> None:
    # ", a figure challenged by ...", ", a charge ... denied": who disputes the claim is the
    # writer's report, not the speaker's words; a search for the words must find them whole
    assert [a["content"] for a in stored(sentence)] == [claim]


def test_a_second_that_clause_is_the_same_claim_not_a_new_statement() -> None:
    sentence = (
        "The sheriff said witnesses saw a rifle in the truck and that one was found nearby."
    )
    assert [a["content"] for a in stored(sentence)] == [
        "witnesses saw a rifle in the truck and that one was found nearby"
    ]


def test_a_quotation_said_ends_at_its_closing_mark_not_at_the_speakers_next_act() -> None:
    # What Reyes did after speaking ("and left") is the writer's narration, not his words;
    # a quotation mark inside a clause the writer continues ('"the plan" was dead') is not.
    assert [r["content"] for r in stored('Then Reyes said "this one closes" and left.')] == [
        '"this one closes"'
    ]
    assert [r["content"] for r in stored('Reyes said "the plan" was dead and buried.')] == [
        '"the plan" was dead and buried'
    ]
