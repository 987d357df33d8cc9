"""A fresh user's articles, read as they see them (issue 11): a claim a news outlet broke is
that outlet's ("according to Bloomberg News", "as first reported by The Information"); who
is urged to act stays in the claim; thanks and cited reasons are no claims; a quotation
keeps its closing mark; 'X confirmed that in a statement: "..."' is X's written quotation;
a page words a claim by its shape; a stored record and its speaker's page agree on the
speaker's type; and a wire dateline ("MIAMI (AP) —") tells the outlet no header named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from link_corpus import article, index, quote

from indexer.extract import extract
from indexer.link import Linker
from quotetrail.cli import main
from store.base import SearchQuery, Store
from store.sqlite import SqliteStore
from webapp.wording import reported_lead


def _only(body: str) -> dict[str, Any]:
    found = extract(body)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("body", "outlet", "claim"),
    [
        (
            "Zentrix is considering a sale of its sensor unit, according to Bloomberg News.",
            "Bloomberg News",
            "Zentrix is considering a sale of its sensor unit",
        ),
        (
            "Zentrix is weighing options for its chip unit, as first reported by The "
            "Information.",
            "The Information",
            "Zentrix is weighing options for its chip unit",
        ),
        (
            "The deal, as first reported by Axios, would value the startup at $2 billion.",
            "Axios",
            "The deal would value the startup at $2 billion",
        ),
        (
            "Harlow Foods is considering closing two plants, per Reuters.",
            "Reuters",
            "Harlow Foods is considering closing two plants",
        ),
    ],
)
def test_a_claim_an_outlet_broke_is_the_outlets(body: str, outlet: str, claim: str) -> None:
    # The company is the subject of the news, never its speaker: the outlet is the source.
    found = _only(body)
    assert found["content"] == claim
    assert (found["speaker"], found["speaker_type"]) == (outlet, "organization")
    assert outlet not in found["content"]


def test_an_outlet_that_first_reported_a_speakers_words_relays_them() -> None:
    found = _only("The mayor said the bridge would reopen, as first reported by the Ledger.")
    assert found["content"] == "the bridge would reopen"
    assert found["speaker_text"] == "The mayor"
    assert found["via_outlets"] == ["Ledger"]


def test_a_description_after_a_cited_outlet_is_not_that_outlet() -> None:
    body = (
        "Zentrix is weighing a sale, according to Bloomberg News.\n\n"
        "The plant will close in March, the ministry said on Monday."
    )
    ministry = extract(body)[1]
    assert ministry["speaker"] == "ministry"
    assert ministry["speaker_resolution"] == "unresolved"


@pytest.mark.parametrize(
    ("body", "claim"),
    [
        ("The mediator urged both sides to return to talks.", "both sides to return to talks"),
        ("Officials asked residents to boil their water.", "residents to boil their water"),
    ],
)
def test_who_is_urged_to_act_stays_in_the_claim(body: str, claim: str) -> None:
    assert _only(body)["content"] == claim


@pytest.mark.parametrize(
    "body",
    [
        "The senator thanked him for his service.",
        "The coach congratulated the players on a hard-fought win.",
        "The airline apologized for the delays.",
        "She resigned last week, citing health reasons.",
        "The board postponed the vote, citing security concerns.",
    ],
)
def test_thanks_and_a_reason_named_are_no_claims(body: str) -> None:
    assert extract(body) == []


def test_a_cited_fact_and_quoted_thanks_are_still_kept() -> None:
    # The rules above drop what states nothing, never a stated claim or quoted words.
    body = "McConnell praised the reforms, citing the release of political prisoners."
    cited = [a for a in extract(body) if "release of political prisoners" in a["content"]]
    assert len(cited) == 1 and cited[0]["speaker"] == "McConnell", extract(body)
    thanked = _only('The mayor thanked crews for "an extraordinary night\'s work."')
    assert thanked["content"].endswith('work."')


@pytest.mark.parametrize(
    "body",
    [
        'Senator Maria Lopez called the bill "a blank check." She then left the chamber.',
        "Senator Maria Lopez called the bill \u201ca blank check.\u201d",
        'Senator Maria Lopez said the budget was "a blank check." Her aides agreed.',
    ],
)
def test_a_quotation_ending_a_sentence_keeps_its_closing_mark(body: str) -> None:
    found = extract(body)[0]
    assert found["content"].endswith(('check."', "check.\u201d")), found["content"]
    assert found["speaker"] == "Maria Lopez"


def test_a_quotation_after_a_statement_colon_is_the_speakers_writing() -> None:
    found = _only(
        'Mayor Tom Briggs confirmed that in a statement: "We will rebuild the bridge by spring."'
    )
    assert found["content"] == '"We will rebuild the bridge by spring."'
    assert (found["kind"], found["cue_type"], found["speaker"]) == (
        "direct",
        "writing",
        "Tom Briggs",
    )


@pytest.mark.parametrize(
    ("body", "lead"),
    [
        ("The mayor said the bridge would reopen in May.", "said that"),
        ("The ministry announced a series of steps to cut waiting lists.", "announced"),
        ('Lopez said it was "a blank check." Her aides agreed.', "said that"),
        ('Lopez warned of "a blank check for the governor."', "used the words"),
        ("The mayor told residents to stay indoors.", "told"),
    ],
)
def test_a_page_words_a_claim_by_its_shape(body: str, lead: str) -> None:
    # Never "X announced that a series of steps" nor "X told that residents to stay indoors".
    found = extract(body)[0]
    words = reported_lead(found).split(" ", 1)[1]
    assert words.removeprefix(found["speaker_text"] or "").strip() == lead, words


def test_a_verbatim_quotation_is_introduced_with_a_colon() -> None:
    found = _only('"We will rebuild," said Mayor Tom Briggs.')
    assert found["content_shape"] == "quotation"
    assert reported_lead(found) == "Tom Briggs said:"


def test_a_speakers_type_on_the_record_is_the_one_on_their_page(store: Store) -> None:
    # The extractor took a company for a person; the linker knows better, and the record
    # a search returns says what the speaker's page says.
    body = (
        "Halvern Pharmaceuticals said the plant would reopen in May.\n\n"
        "Anna Lindqvist said the harbour would be dredged."
    )
    said = [
        quote(body, "the plant would reopen in May", "Halvern Pharmaceuticals"),
        quote(body, "the harbour would be dredged", "Anna Lindqvist"),
    ]
    built = article("Harbor Daily", "plant-reopens", "2024-06-03", body)
    index(store, Linker(store), (built, said))
    stored = {a["speaker"]: a for a in store.scan(SearchQuery(facets=False))}
    assert stored["Halvern Pharmaceuticals"]["speaker_type"] == "organization"
    assert stored["Anna Lindqvist"]["speaker_type"] == "person"
    for record in stored.values():
        assert store.get_speaker(record["speaker_id"])["type"] == record["speaker_type"]


def test_a_wire_dateline_names_the_outlet_no_header_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "q.db"))
    monkeypatch.delenv("ES_URL", raising=False)
    corpus = tmp_path / "in"
    corpus.mkdir()
    said = '"The worst is over," Mayor Ana Ruiz said of the {} storm.\n'
    (corpus / "wire.txt").write_text("Title: Storm\n\nMIAMI (AP) \u2014 " + said.format("first"))
    (corpus / "paper.txt").write_text(
        "Title: Storm\nOutlet: Miami Ledger\n\nMIAMI (AP) \u2014 " + said.format("second")
    )
    (corpus / "local.txt").write_text("Title: Storm\n\n" + said.format("third"))
    assert main(["index", str(corpus)]) == 0
    stored = SqliteStore(str(tmp_path / "q.db")).scan(SearchQuery(facets=False))
    outlets = sorted(str(a.get("outlet")) for a in stored)
    # the stated outlet wins; a story without a dateline or a header has none
    assert outlets == ["Associated Press", "Miami Ledger", "None"]
