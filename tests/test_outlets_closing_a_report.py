"""Outlets that close or frame a report relay it; they never become its speaker.

A reader filtering by `?via=guardian` expects "X said the NHS would need more nurses, the
Guardian reported" under the Guardian, with X's words ending before ", the Guardian
reported"; "X told the BBC that the union had strike funds" is X's claim relayed by the BBC
however the parser reads "had strike funds"; a headline's ", per Reuters" after a speech verb
is Reuters passing the words on, not Reuters speaking; and a paper running a wire story
("LONDON, Nov 20 (Reuters) -") credits the agency as the story's original outlet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.prepare import clean as prepare_article
from quotetrail.cli import main
from store.base import SearchQuery
from store.sqlite import SqliteStore


def only(records: list[dict], content: str) -> dict:
    found = [r for r in records if content in r["content"]]
    assert len(found) == 1, [(r["speaker"], r["content"]) for r in records]
    return found[0]


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("Health Secretary Omar Khan said the NHS would need more nurses, the Guardian reported.",
         "Guardian"),
        ("Omar Khan said the NHS would need more nurses, Bloomberg reported on Tuesday.",
         "Bloomberg"),
        ("Omar Khan said that the NHS would need more nurses, the Financial Times reported.",
         "Financial Times"),
    ],
)
def test_an_outlet_reporting_after_a_comma_relays_and_is_cut_from_the_words(
    body: str, outlet: str
) -> None:
    record = only(extract(body), "nurses")
    assert record["speaker"] == "Omar Khan"
    assert record["via_outlets"] == [outlet]
    assert record["content"].removeprefix("that ") == "the NHS would need more nurses"


def test_a_speaker_saying_an_outlet_reported_something_is_not_a_relay() -> None:
    body = "Omar Khan said the Guardian reported that the NHS would need more nurses."
    record = only(extract(body), "nurses")
    assert record["speaker"] == "Omar Khan" and record["via_outlets"] == []


@pytest.mark.parametrize("outlet", ["the BBC", "the Guardian", "Reuters"])
def test_telling_an_outlet_a_that_clause_is_the_speakers_claim_via_that_outlet(
    outlet: str,
) -> None:
    body = (
        "Marta Kovacs, general secretary of the Harlow Dockers' Union, spoke after the vote.\n\n"
        f"Kovacs later told {outlet} that the union had strike funds for six more weeks."
    )
    record = only(extract(body), "strike funds")
    assert record["speaker"] == "Marta Kovacs"
    assert record["via_outlets"] == [outlet.removeprefix("the ")]
    assert record["content"] == "that the union had strike funds for six more weeks"


def test_per_an_outlet_after_a_headline_speech_verb_never_makes_the_outlet_the_speaker() -> None:
    body = "Finance Minister Laura Chen spoke on Sunday."
    for title in (
        "Minister denies plan to raise fuel duty, per Reuters",
        "Minister says fuel duty will not rise, per Reuters",
    ):
        assert all(r["speaker"] != "Reuters" for r in extract(body, title=title)), title
    said = only(extract(body, title="Minister says fuel duty will not rise, per Reuters"), "rise")
    assert said["via_outlets"] == ["Reuters"]
    # with no speaker in the sentence the outlet's report is its own
    plant = only(extract(body, title="Plant to close in March, per Reuters"), "Plant")
    assert plant["speaker"] == "Reuters"


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("LONDON, Nov 20 (Reuters) -", "Reuters"),
        ("PARIS (AFP) -", "Agence France-Presse"),
        ("MIAMI (AP) \u2014", "Associated Press"),
    ],
)
def test_a_paper_running_a_wire_story_credits_the_agency_as_original_outlet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dateline: str, agency: str
) -> None:
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "q.db"))
    monkeypatch.delenv("ES_URL", raising=False)
    corpus = tmp_path / "in"
    corpus.mkdir()
    said = '"We have a deal that members can accept," said union leader Mick Dolan.\n'
    (corpus / "paper.txt").write_text(
        f"Title: Rail\nOutlet: Daily Globe\n\n{dateline} A rail strike was called off. {said}"
    )
    (corpus / "own.txt").write_text(
        f"Title: Rail two\nOutlet: {agency}\n\n{dateline} A bus strike was called off. {said}"
    )
    assert main(["index", str(corpus)]) == 0
    stored = SqliteStore(str(tmp_path / "q.db")).scan(SearchQuery(facets=False))
    originals = {a["outlet"]: a.get("original_outlet") for a in stored}
    # the agency's own copy has no other original
    assert originals == {"Daily Globe": agency, agency: None}


@pytest.mark.parametrize(
    ("outlet", "initials"),
    [
        ("Wire National", "WN"),
        ("The Daily Globe", "DG"),
        ("Metro Ledger", "M.L."),
        ("Meridian Wire Service", "Meridian"),
        ("The Ledger Group", "Ledger"),
    ],
)
def test_an_outlets_own_initials_in_its_dateline_name_no_other_original(
    outlet: str, initials: str
) -> None:
    """ "SPRINGFIELD, Nov. 29 (WN) -" in Wire National's own story, or "(Meridian)" in
    Meridian Wire Service's: its own dateline, by initials or short name."""
    article = {
        "url": "https://example.org/story",
        "outlet": outlet,
        "body": f"SPRINGFIELD, Nov. 29 ({initials}) - The strike was called off.",
    }
    assert prepare_article(article).get("original_outlet") is None


def test_an_agency_credit_that_only_shares_a_later_word_is_another_outlet() -> None:
    """ "(Service)" is not the short name of "Meridian Wire Service": a credit that is only
    a later word of the outlet's name names another outlet."""
    article = {
        "url": "https://example.org/story",
        "outlet": "Meridian Wire Service",
        "body": "SPRINGFIELD, Nov. 29 (Service) - The strike was called off.",
    }
    assert prepare_article(article).get("original_outlet") == "Service"
