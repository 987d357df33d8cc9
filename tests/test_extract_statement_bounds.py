"""User stories: where one speaker's statement ends and the next report begins.

A fact-checker reads "the minister said the port would reopen in May, though she noted the
dredging was behind schedule": the minister claimed the reopening, and she noted the delay;
one stored claim must not swallow the other, or the delay is lost from search. A quotation
interrupted by its cue and the programme it was said on ("...," he said on NBC's "Meet the
Press." "...") is one statement in two parts, not a quote cut in half.
"""

from __future__ import annotations

from indexer.extract import extract, scoring


def stored(text: str) -> list[dict]:
    return scoring.stored(extract(text))[0]


def contents(text: str) -> list[str]:
    return [a["content"] for a in stored(text)]


def test_a_report_set_off_at_the_end_of_a_claim_is_a_statement_of_its_own() -> None:
    text = (
        "Harbour minister Ines Calder said the port would reopen to container ships in May, "
        "though she noted the dredging of the main channel was behind schedule."
    )
    found = contents(text)
    assert "the port would reopen to container ships in May" in found
    assert "the dredging of the main channel was behind schedule" in found


def test_a_relative_clause_reporting_someone_is_not_the_claim_it_closes() -> None:
    text = (
        "Councillor Abel Fenn criticized the developers for their donations to the mayor, "
        "which he said were tied to planning favours."
    )
    claims = contents(text)
    assert not any("planning favours" in c and "donations" in c for c in claims), claims
    assert any(c.endswith("donations to the mayor") for c in claims), claims


def test_a_report_inside_a_restrictive_clause_stays_in_the_claim() -> None:
    text = (
        "Senator Rhoda Vance said she plans to spend the $18 million she says she raised "
        "after the debate on television advertising."
    )
    assert contents(text) == [
        "she plans to spend the $18 million she says she raised after the debate on "
        "television advertising"
    ]


def test_a_quote_interrupted_by_its_cue_and_a_programme_title_is_one_statement() -> None:
    text = (
        '"It is certainly more of a consideration than it was," Mara Quist said in an '
        "interview airing Sunday on NBC's \"Meet the Press.\" \"You don't have to be the "
        'perfect candidate any more."\n\nThe host then moved on to trade.'
    )
    found = stored(text)
    quoted = [a for a in found if "consideration" in a["content"]]
    assert len(quoted) == 1
    assert "perfect candidate any more" in quoted[0]["content"]
    assert "Meet the Press" not in quoted[0]["content"]
    assert len(quoted[0]["content_spans"]) == 2


def test_a_quote_after_the_comma_of_its_cue_is_still_joined_even_in_title_case() -> None:
    text = '"We lost this one," said coach Dana Holt, "Never Again."\n\nThe team flew home.'
    found = stored(text)
    assert len(found) == 1
    assert found[0]["content"].endswith('"Never Again."')


def test_a_reason_in_the_speakers_own_quoted_words_stays_with_the_claim() -> None:
    text = (
        "Anchor Lew Drummond said he left the leak out of the segment because ''no one can "
        "credibly state they have evidence of who did it, and as soon as they do, I'll report "
        "it.''"
    )
    found = stored(text)
    assert len(found) == 1
    assert found[0]["content"].startswith("he left the leak out of the segment because")
    assert found[0]["content"].endswith("I'll report it.''")
