"""Real quotes a fresh user saw lost (issue 11, session 7): a quotation that goes on over
several paragraphs in British single marks, a sentence quoted in two parts around its cue,
an answer given "when asked", a speaker "quoted as saying"; and the vague object of an
interview answer ("Derek says a lot of things") that was stored as a claim."""

from __future__ import annotations

import pytest

from indexer.extract import extract, scoring


def stored(text: str) -> list[dict]:
    """What indexing would store of `text` (confidence at or above the store floor)."""
    return scoring.stored(extract(text))[0]


def holding(text: str, words: str) -> dict:
    """The one stored record whose content holds `words`."""
    hits = [a for a in stored(text) if words in a["content"]]
    assert len(hits) == 1, extract(text)
    return hits[0]


# --- quotations over several paragraphs ------------------------------------------------

MARKS = [("'", "'"), ("\u2018", "\u2019"), ('"', '"'), ("\u201c", "\u201d")]


@pytest.mark.parametrize(("o", "c"), MARKS)
def test_a_quotation_left_open_goes_on_in_the_next_quoted_paragraph(o: str, c: str) -> None:
    # The press convention: no closing mark at the end of the paragraph, an opening mark on
    # the next one. Every sentence is the coach's, none is lost, and the paragraph after is
    # his too.
    text = (
        "Harriet Vale, who has coached the county side for nine seasons, stepped down on "
        "Sunday.\n\n"
        f"{o}I have had the best job in cricket,{c} she said. {o}Now the young ones must "
        "take over.\n\n"
        f"{o}I will not miss the rain delays, and I will not miss the motorways.{c}\n\n"
        f"Her captain, Omar Riaz, was close to tears. {o}She made us a team,{c} he said."
    )
    for words in ("best job in cricket", "young ones must take over", "rain delays"):
        att = holding(text, words)
        assert att["speaker"] == "Harriet Vale", att
        assert att["kind"] == "direct"
    assert holding(text, "made us a team")["speaker"] == "Omar Riaz"


@pytest.mark.parametrize(("o", "c"), MARKS)
def test_a_quotation_opened_and_never_closed_stays_narration(o: str, c: str) -> None:
    # Without an opening mark on the next paragraph nothing goes on: a stray mark never
    # turns narration into somebody's words.
    text = (
        "Harriet Vale stepped down on Sunday.\n\n"
        f"Her players remembered {o}the golden summers of the county ground.\n\n"
        "The club will name a successor in March."
    )
    assert not [a for a in stored(text) if "golden summers" in a["content"]]


@pytest.mark.parametrize(("o", "c"), MARKS)
@pytest.mark.parametrize(
    ("first", "cue", "rest"),
    [
        ("We have not seen the soil reports,", "he said", "so any date is a guess."),
        ("The money is there,", "Pell said", "and we will spend it."),
        ("It is a bold plan,", "Pell added", "but bold plans fail."),
        ("Nobody asked us,", "he told the Gazette", "which is the whole problem."),
        ("Prices will rise,", "warned Pell", "unless the council acts now."),
    ],
)
def test_a_sentence_quoted_in_two_parts_around_its_cue_is_one_statement(
    o: str, c: str, first: str, cue: str, rest: str
) -> None:
    # One statement, one record: a reader citing it gets the whole sentence.
    text = (
        "Harbour engineer Jonas Pell inspected the sea wall on Tuesday.\n\n"
        f"{o}{first}{c} {cue}, {o}{rest}{c}"
    )
    att = holding(text, first.rstrip(","))
    assert att["speaker"] == "Jonas Pell"
    assert rest.rstrip(".") in att["content"]
    assert att["kind"] == "direct"


# --- the answer to a question put to the speaker ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "question"),
    [
        (
            'Kessler, asked whether the strike could end this week, said: "Ask me on Friday."',
            "Ask me on Friday",
            "strike could end",
        ),
        (
            "Kessler, asked if she would resign, said she had no plans to do so.",
            "no plans to do so",
            "would resign",
        ),
        (
            "Kessler, when asked about the pension fund, said: 'The money is safe.'",
            "The money is safe",
            "pension fund",
        ),
        (
            "Kessler, questioned about the leak, said the memo had been stolen.",
            "memo had been stolen",
            "the leak",
        ),
        (
            "Kessler, pressed on the timetable, insisted that a deal was close.",
            "a deal was close",
            "timetable",
        ),
    ],
)
def test_an_answer_when_asked_is_the_answerers_and_the_question_is_nobodys_claim(
    sentence: str, words: str, question: str
) -> None:
    text = f"Union leader Petra Kessler met the ministers on Monday.\n\n{sentence}"
    assert holding(text, words)["speaker"] == "Petra Kessler"
    assert not [a for a in stored(text) if question in a["content"]]


def test_a_one_word_answer_after_a_colon_is_the_answer_however_short() -> None:
    text = (
        "Union leader Petra Kessler met the ministers on Monday.\n\n"
        'Asked whether she would resign, Ms Kessler said: "No." Asked again, she said: '
        '"I have answered that."'
    )
    assert [(a["speaker"], a["content"]) for a in stored(text)] == [
        ("Petra Kessler", '"No."'),
        ("Petra Kessler", '"I have answered that."'),
    ]
    # a single word in quotation marks with no colon before it is still a term
    assert not stored('Kessler used the word "resign." The ministers left.')


# --- quoted as saying ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "via"),
    [
        (
            "Lund was quoted by the Evening Star as saying the deal would "
            '"pay for itself within a decade".',
            "pay for itself",
            ["Evening Star"],
        ),
        (
            'Lund was later quoted in the Daily Courier as saying: "Nobody read the contract."',
            "Nobody read the contract",
            ["Daily Courier"],
        ),
        ("Lund was quoted as saying that the vote had been rushed.", "vote had been rushed", []),
    ],
)
def test_a_speaker_quoted_as_saying_says_it_and_the_paper_that_quoted_relays_it(
    sentence: str, words: str, via: list[str]
) -> None:
    text = f"Councillor Edda Lund faced questions about the stadium deal.\n\n{sentence}"
    att = holding(text, words)
    assert att["speaker"] == "Edda Lund"
    assert att["via_outlets"] == via


# --- vague objects ---------------------------------------------------------------------


def test_an_interview_answer_about_an_opponents_talk_makes_no_claim_for_the_opponent() -> None:
    text = (
        "Amara Osei, the newly elected mayor of Dunmore, spoke to The Weekly Review.\n\n"
        "Q: Your opponent, Felix Brandt, says your plan will bankrupt the city. Is he right?\n\n"
        "A: Felix says a lot of things. The plan is fully costed."
    )
    assert [a["speaker"] for a in stored(text)] == ["Amara Osei"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Brandt says a lot of things.",
        "Brandt said something similar last year.",
        "Brandt has said many things about the plan.",
        "Brandt says the same thing every week.",
        "Brandt said all sorts of things.",
    ],
)
def test_saying_something_unspecified_is_no_claim(sentence: str) -> None:
    text = f"Felix Brandt lost the mayoral race in May.\n\n{sentence}"
    assert stored(text) == []


def test_what_is_said_about_vague_things_is_still_a_claim() -> None:
    text = (
        "Felix Brandt lost the mayoral race in May.\n\n"
        "Brandt said a lot of things had gone wrong with the campaign."
    )
    att = holding(text, "gone wrong")
    assert att["speaker"] == "Felix Brandt"
