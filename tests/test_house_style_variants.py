"""House styles of the press, in variants of our own (other names, outlets, punctuation):
each kind of construction the shared house-style cases stand for must work however it is
written, not only in the case's words."""

from __future__ import annotations

import io
import json

import pytest

from indexer.extract import nlp
from indexer.extract.article import extract_article
from indexer.extract.furniture import blank_furniture
from indexer.extract.quotes import find_quotes
from indexer.prepare import extract_files
from quotetrail.cli import run_extract


def found(body: str, title: str | None = None) -> list[dict]:
    return extract_article(title, body)


def one(body: str, words: str, title: str | None = None) -> dict:
    """The attribution whose content holds `words` (exactly one)."""
    hits = [a for a in found(body, title) if words in a["content"]]
    assert len(hits) == 1, found(body, title)
    return hits[0]


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, nlp.paragraphs(text))]


# --- British single quotes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("‘It is a disgrace,’ said shopkeeper Nadia Fox.", ["‘It is a disgrace,’"]),
        (
            "'The students' union never asked us,' said porter Tom Reed.",
            ["'The students' union never asked us,'"],
        ),
        (
            "'We played rock 'n' roll all through the '90s,' recalled Ivy Lane.",
            ["'We played rock 'n' roll all through the '90s,'"],
        ),
        ("‘He shouted “get out” at me,’ said cleaner Bo Chan.", ["‘He shouted “get out” at me,’"]),
        ("The council’s plan won’t work, residents said.", []),
    ],
)
def test_single_quotes_are_told_apart_from_apostrophes(text: str, spans: list[str]) -> None:
    assert quoted(text) == spans


def test_a_british_quote_is_direct_speech_of_its_speaker() -> None:
    att = one("'It's the town's last bank, not a luxury,' said trader Moira Kells.", "last bank")
    assert (att["speaker"], att["cue"], att["kind"]) == ("Moira Kells", "said", "direct")


# --- headlines ------------------------------------------------------------------------


def test_a_headline_quote_is_found_in_the_title_with_offsets_into_the_title() -> None:
    title = "‘Our river is dying’, warn Castlemoor anglers"
    att = one("Anglers on the Castlemoor say fish stocks have collapsed.", "river is dying", title)
    assert att["part"] == "title" and att["kind"] == "direct"
    start, end = att["content_spans"][0]
    assert title[start:end] == "‘Our river is dying’"


def test_a_headline_label_names_the_speaker_and_body_offsets_stay_body_offsets() -> None:
    title = "Nurses’ leader to health board: “Pay us or lose us”"
    body = "“Pay us or lose us,” nurses’ leader Orla Quinn told the board on Friday."
    results = found(body, title)
    headline = [a for a in results if a["part"] == "title"]
    assert headline and "Pay us or lose us" in headline[0]["content"]
    assert headline[0]["cue"] is None
    for att in results:
        text = title if att["part"] == "title" else body
        assert " ".join(text[s:e] for s, e in att["content_spans"]) == att["content"]


# --- transcripts and labels -----------------------------------------------------------


def test_q_and_a_answers_belong_to_the_interviewee_and_questions_to_nobody() -> None:
    body = (
        "Fenna Dahl, the new head of the city orchestra, talked to us before her first season.\n\n"
        "Q: Will ticket prices go up?\n\n"
        "A: Not this year. We have frozen every price until the spring.\n\n"
        "Q: And the old concert hall?\n\n"
        "A: It stays open while the new one is built, I promise you that."
    )
    answers = [a for a in found(body) if a["cue"] is None]
    assert [a["speaker"] for a in answers] == ["Fenna Dahl", "Fenna Dahl"]
    assert all(a["kind"] == "direct" for a in answers)
    assert not [a for a in found(body) if "ticket prices" in a["content"]]


def test_a_label_line_gives_the_next_paragraph_quote_its_speaker() -> None:
    body = (
        "The port authority announced the new ferry timetable on Monday.\n\n"
        "From harbourmaster Piet Olsen:\n\n"
        "“The early crossing is back, and the last boat now leaves at eleven.”"
    )
    att = one(body, "early crossing")
    assert (att["speaker"], att["cue"], att["kind"]) == ("Piet Olsen", None, "direct")


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "--"])
def test_a_dash_after_a_quote_names_its_speaker(dash: str) -> None:
    body = f"“We will rebuild the pier stone by stone.” {dash} Mayor Greta Holm"
    att = one(body, "rebuild the pier")
    assert (att["speaker"], att["cue"]) == ("Greta Holm", None)


# --- relays ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "words", "speaker", "via"),
    [
        (
            "The Dunmore Courier first reported the sale. “It was time,” owner Rafe Ilic told the "
            "Courier.",
            "It was time",
            "Rafe Ilic",
            ["Dunmore Courier"],
        ),
        (
            "Minister Ines Ward said the tunnel would open in May, Valley FM Radio reported.",
            "tunnel",
            "Ines Ward",
            ["Valley FM Radio"],
        ),
        (
            "Minister Ines Ward said the tunnel would open in May, according to Reuters.",
            "tunnel",
            "Ines Ward",
            ["Reuters"],
        ),
        (
            "According to the AP, the mayor's office said the bridge would reopen on Friday.",
            "bridge",
            "mayor's office",
            ["AP"],
        ),
        (
            "Senator Cal Brink said in a statement to CBS News that he would resign.",
            "resign",
            "Cal Brink",
            ["CBS News"],
        ),
        ("Nils Eck told reporters that the gates had been locked.", "gates", "Nils Eck", []),
    ],
)
def test_relaying_outlets(body: str, words: str, speaker: str, via: list[str]) -> None:
    att = one(body, words)
    assert (att["speaker"], att["via_outlets"]) == (speaker, via)


def test_per_an_outlet_with_no_other_speaker_makes_the_outlet_the_source() -> None:
    att = one("The steelworks will shed 400 jobs, per Bloomberg.", "steelworks")
    assert (att["speaker"], att["cue"], att["via_outlets"]) == ("Bloomberg", "per", [])


# --- expressive cues, continuations, quotes of quotes, scare quotes -----------------------


@pytest.mark.parametrize("cue", ["sighed", "grumbled", "quipped", "muttered"])
def test_expressive_inverted_cues(cue: str) -> None:
    att = one(f"“Nobody reads the minutes anyway,” {cue} councillor Petra Vance.", "minutes")
    assert (att["speaker"], att["cue"], att["kind"]) == ("Petra Vance", cue, "direct")


def test_a_quote_paragraph_without_a_cue_continues_the_previous_speaker() -> None:
    body = (
        "Fisheries officer Janek Stroud said the quota was far too low.\n\n"
        "“Half the fleet will be tied up by August. Who pays for that?”"
    )
    att = one(body, "Half the fleet")
    assert (att["speaker"], att["kind"]) == ("Janek Stroud", "direct")


def test_a_quote_of_a_quote_gives_the_inner_words_to_the_inner_speaker() -> None:
    body = "Rina Patel said chairman Ole Berg had told her that her job was safe."
    by = {a["speaker"]: a for a in found(body)}
    assert "Ole Berg had told her" in by["Rina Patel"]["content"]
    assert by["Ole Berg"]["cue"] == "told" and "her job was safe" in by["Ole Berg"]["content"]


@pytest.mark.parametrize(
    "body",
    [
        'Parents are angry about the so-called "catchment reform," which moves 300 pupils.',
        'Locals have taken to calling the new roundabout "the whirlpool."',
        'The report, entitled "A Fairer City," was published on Tuesday.',
    ],
)
def test_scare_quotes_names_and_titles_are_not_speech(body: str) -> None:
    assert found(body) == [] or all(a["kind"] != "direct" for a in found(body))


def test_a_stray_quotation_mark_never_makes_narration_a_quote() -> None:
    body = (
        'The vote was close. "The count went on past midnight, officials said the turnout was high.'
    )
    assert all(a["kind"] != "direct" for a in found(body))


# --- page furniture -------------------------------------------------------------------


def test_page_furniture_is_blanked_and_offsets_are_kept() -> None:
    body = (
        "By Hana Weller, Staff Writer\n"
        "ENERGY: Oil prices fell after the cartel said output would rise.\n"
        "READ MORE: Why oil is cheap\n"
        "Related: Pump prices explained\n"
        '<tweet id="1790">\n'
        "Photo: Lars Moe/Reuters\n"
        "Brent\t82.1\t-1.2%\n"
        "Analyst Ruth Kemp said prices would stay low."
    )
    blanked = blank_furniture(body)
    assert len(blanked) == len(body) and blanked.count("\n") == body.count("\n")
    assert blanked.split() == (
        ["The", "dollar"][:0]
        + ["Oil", "prices", "fell", "after", "the", "cartel", "said", "output", "would", "rise."]
        + ["Analyst", "Ruth", "Kemp", "said", "prices", "would", "stay", "low."]
    )
    speakers = {a["speaker"] for a in found(body)}
    assert "ENERGY" not in speakers and "Energy" not in speakers
    assert not [a for a in found(body) if "READ MORE" in a["content"] or "tweet" in a["content"]]


def test_a_shouted_transcript_name_is_a_speaker_not_a_section_label() -> None:
    body = "Senator Mary Fallin spoke on Sunday.\n\nFALLIN: Well, I think we need the bridge."
    assert blank_furniture(body) == body


def test_quotetrail_extract_reads_the_title_line_and_skips_the_other_header_lines(tmp_path) -> None:
    case = tmp_path / "case.txt"
    case.write_text(
        "Title: ‘Not one penny more’, say Ashby tenants\nOutlet: Ashby Herald\nDate: 2025-03-01\n\n"
        "Tenants of the Ashby estate met the landlord on Friday.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert run_extract([str(case)], "jsonl", out) == 0
    [(_, article, attributions)] = list(extract_files([str(case)], workers=1))
    rows = json.loads(out.getvalue())["attributions"]
    assert [row["content_spans"] for row in rows] == [a["content_spans"] for a in attributions]
    parts = {"title": article["title"], "body": article["body"]}
    contents = [
        " ".join(parts[a["part"]][s:e] for s, e in a["content_spans"]) for a in attributions
    ]
    assert any("Not one penny more" in c for c in contents)
    assert not any("Ashby Herald" in c or "2025" in c for c in contents)


def test_a_double_barrelled_surname_is_one_name() -> None:
    body = (
        "Transport Secretary Dr. Ines Vall-Moreno said the line would reopen in spring.\n\n"
        "“The trains will run by April,” Vall-Moreno said."
    )
    assert {a["speaker"] for a in found(body)} == {"Ines Vall-Moreno"}


def test_title_offsets_point_into_the_title_as_stored() -> None:
    title = "  Dock strike:\n‘We will stay out until Easter,’ says union boss Kit Roan"
    results = found("Dockers walked out at dawn on Monday.", title)
    headline = [a for a in results if a["part"] == "title"]
    assert headline
    for att in headline:
        assert " ".join(title[s:e] for s, e in att["content_spans"]) == att["content"]
