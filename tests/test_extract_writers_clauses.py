"""A fact-checker reading a speaker's stored claims must not find the reporter's own sentences
among them, nor a claim cut in two (issue 11, session 9 noise audit: seeds 97 and 131).

The reporter's sentence before a semicolon is not what the next speaker says; a clause the
parser split in two is still one claim; the writer's "it is worth noting that" is nobody's
statement; a decision, a plan or an effort is what someone did, not words; a wire dateline
without a dash ("MUMBAI, Jan 12 (PTI)") is not part of the official's claim. Beside each,
the look-alike that must still be found. The articles are invented.
"""

from __future__ import annotations

import pytest

from indexer.extract import extract
from indexer.extract.scoring import stored


def attributions(text: str) -> list[dict]:
    """What quotetrail would store for `text` (above the store floor)."""
    return stored(extract(text))[0]


def contents(text: str) -> list[str]:
    return [a["content"] for a in attributions(text)]


def test_the_reporters_sentence_before_a_semicolon_is_not_the_diplomats_claim() -> None:
    text = (
        "Talks on a ceasefire stalled on Friday. A breakthrough is unlikely this week; "
        "diplomats say both delegations have hardened their positions."
    )
    found = attributions(text)
    assert [a["content"] for a in found] == ["both delegations have hardened their positions"]
    assert found[0]["speaker_text"] == "diplomats"


def test_two_claims_joined_by_a_semicolon_are_both_still_found() -> None:
    text = (
        "Officials say the storm was severe; the mayor says the city will recover quickly."
    )
    assert contents(text) == ["the storm was severe", "the city will recover quickly"]


def test_a_claim_ending_on_a_quotation_is_stored_whole_not_as_the_quotation_alone() -> None:
    text = (
        "Governor Alan Reeve said the press and his rivals are to blame for focusing on "
        '"she said this, she tweeted that."'
    )
    (att,) = attributions(text)
    assert att["speaker"] == "Alan Reeve"
    assert att["content"].startswith("the press and his rivals are to blame for focusing on")
    assert att["content"].endswith('she tweeted that."')


def test_a_missing_full_stop_does_not_join_the_next_speakers_report() -> None:
    text = (
        "The agency said it was taking additional steps to increase the vetting of "
        "applicants and its oversight of the regional centers The commission said it would "
        "increase oversight as well."
    )
    agency = next(a for a in attributions(text) if a["speaker_text"] == "The agency")
    assert "commission" not in agency["content"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It's worth noting that this is the first time the question has been asked.",
        "It goes without saying that the owners stand to make millions.",
    ],
)
def test_the_writers_aside_about_a_claim_is_nobodys_statement(sentence: str) -> None:
    assert not attributions("The stadium vote is on Tuesday. " + sentence)


def test_a_company_citing_its_reasons_is_still_its_statement() -> None:
    text = "The company said it would close the plant, citing high costs."
    assert contents(text) == ["it would close the plant", "high costs"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain's decision to leave the European Union shook the markets.",
        "Archer's decision to play through the pain drew praise from teammates.",
    ],
)
def test_a_decision_to_act_is_not_a_statement(sentence: str) -> None:
    assert not attributions("The season resumed on Saturday. " + sentence)


def test_a_vow_to_act_is_still_a_statement() -> None:
    text = "Trump's vow to build a wall along the border alarmed Mexican officials."
    (att,) = attributions(text)
    assert att["speaker"] == "Trump" and att["content"] == "to build a wall along the border"


def test_an_indian_wire_dateline_without_a_dash_is_not_part_of_the_officials_claim() -> None:
    text = (
        "MUMBAI, Jan 12 (PTI) Customs officials at the airport seized 3 kg of gold from two "
        "passengers arriving from Dubai, an official said on Friday."
    )
    (att,) = attributions(text)
    assert att["content"].startswith("Customs officials at the airport seized 3 kg of gold")
