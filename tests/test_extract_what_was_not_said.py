"""A fact-checker searching what a minister said must not find what he did NOT say stored as
his claim (issue 11): negated and refused verbs of saying, questions he would not answer,
and reports the text calls false or that he denies. Denials themselves stay stored, and so
do statements a negation sits near but does not govern."""

from __future__ import annotations

import pytest

from indexer.extract import extract

LEAD = "Health Minister Paul Grant spoke to reporters on Monday.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Grant never claimed that waiting lists were falling.",
        "Grant refused to say that the hospital was safe.",
        "Grant did not say whether the Royal Infirmary would close.",
        "Grant would not say when the new wing would open.",
        "Grant declined to confirm that the ward would be sold.",
        "Grant has not publicly said that nurses would get a pay rise.",
        "Grant isn't saying how he would close a $40 million gap.",
    ],
)
def test_what_a_minister_did_not_say_is_not_his_claim(sentence: str) -> None:
    found = extract(LEAD + sentence)
    assert found == [], found


@pytest.mark.parametrize(
    "sentence",
    [
        "It is false that Grant said nurses would get a 10% pay rise.",
        "It is not true that Grant said the clinic would close.",
    ],
)
def test_a_report_the_text_calls_false_is_not_his_claim(sentence: str) -> None:
    assert extract(LEAD + sentence) == []


def test_a_false_claim_about_him_is_the_critics_claim_not_his() -> None:
    found = extract(
        LEAD + 'Critics have falsely claimed that Grant said the NHS was "broken beyond repair".'
    )
    assert [a["speaker"] for a in found] == ["Critics"]
    assert found[0]["cue"] == "claimed" and found[0]["relayed_by"] is None


def test_a_denial_is_stored_but_what_he_denies_saying_is_not_his_claim() -> None:
    found = extract(LEAD + "Grant denied that he said the ward would close.")
    assert [(a["speaker"], a["cue"]) for a in found] == [("Paul Grant", "denied")]
    assert "the ward would close" in found[0]["content"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Grant dismissed suggestions that Kerr had said the ward would close.",
        "Grant rejected claims that Kerr told aides the ward would close.",
        "Grant disputed reports that Kerr said the ward would close.",
    ],
)
def test_a_claim_he_rejects_about_what_someone_said_is_not_their_claim(sentence: str) -> None:
    """Kerr's supposed words, which Grant rejects, are not stored as Kerr's claim."""
    found = extract(LEAD + sentence)
    assert [a for a in found if "ward would close" in a["content"] and a["speaker"] == "Kerr"] == []
    assert all(a["speaker"] == "Paul Grant" for a in found)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ('"Are we there yet? Probably not," Grant said.', '"Are we there yet? Probably not,"'),
        ("Grant could not resist pointing out that the budget had doubled.", "the budget had"),
        ("Grant said the hospital would not close.", "the hospital would not close"),
        ("Grant does not believe the strike will end soon.", "the strike will end soon"),
        ("Grant denied the claims and said the depot would stay open.", "the depot would stay"),
    ],
)
def test_a_negation_the_cue_does_not_carry_keeps_the_statement(
    sentence: str, content: str
) -> None:
    # A "not" inside the words, a double negative, a negated belief (he believes it will
    # not end) and a statement coordinated with a denial are all said.
    found = extract(LEAD + sentence)
    assert any(content in a["content"] and a["speaker"] == "Paul Grant" for a in found), found


def test_a_quotation_after_a_negated_sentence_is_still_said() -> None:
    found = extract(
        LEAD + 'Grant did not suggest a date. "We will open when we are ready," he said.'
    )
    assert [a["content"] for a in found] == ['"We will open when we are ready,"']
