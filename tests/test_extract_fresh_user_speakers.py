"""User stories a fresh user found on invented articles (issues 10, 11, session 4): the
person a pronoun continues, datelines and headlines that are no speakers, outlets a speaker
spoke to, firms described by an appositive, and an interviewer's questions."""

from __future__ import annotations

import pytest

from indexer.extract import extract


def by_content(found: list[dict], words: str) -> dict:
    matches = [a for a in found if words in a["content"]]
    assert len(matches) == 1, found
    return matches[0]


def test_a_name_in_apposition_to_the_subject_is_who_he_is_next() -> None:
    # A sports reader looks up the visiting coach's quote: it is his, not his brother's.
    text = (
        "Coach Mark Olsen said his players had been the better side.\n\n"
        "Olsen's brother, Dalton assistant trainer Peter Olsen, was more cautious. "
        '"Nobody likes losing to family," he said.'
    )
    att = by_content(extract(text), "Nobody likes losing")
    assert att["speaker"] == "Peter Olsen"


def test_a_narrating_clause_before_a_colon_is_no_claim_and_names_who_she_is() -> None:
    text = (
        'Finance chief Harold Brenner said the budget would "balance by spring". '
        "The Labour group whip, Siobhán Ó Dálaigh, was more doubtful: she said a vote "
        'would come "in weeks, not days".'
    )
    found = extract(text)
    att = by_content(found, "a vote would come")
    assert att["speaker"] == "Siobhán Ó Dálaigh"
    assert not [a for a in found if "more doubtful" in a["content"]]


def test_a_narrating_clause_that_is_said_stays_a_claim() -> None:
    # must-find: a clause after the verb is what she said, colon or not
    att = by_content(
        extract("The whip, Siobhán Ó Dálaigh, said: the vote would come within weeks."),
        "the vote would come",
    )
    assert att["speaker"] == "Siobhán Ó Dálaigh"


def test_a_surname_right_after_a_full_name_is_that_person() -> None:
    text = (
        '"We kept the lights on," Governor Elaine Moreau said at the capitol.\n\n'
        "Rep. Daniel Moreau, a Democrat and no relation, voted against the measure. Moreau "
        "told reporters he would try again next session."
    )
    att = by_content(extract(text), "try again next session")
    assert att["speaker"] == "Daniel Moreau"


@pytest.mark.parametrize(
    "dateline",
    [
        "BOULDER, Colo., March 4, 2025 /BusinessWire/ -- ",
        "DENVER, Colo. -- ",
    ],
)
def test_a_dateline_with_state_date_and_wire_is_no_speaker(dateline: str) -> None:
    text = f"{dateline}Kestrel Drones, a maker of survey aircraft, today announced it had opened"
    text += " a second factory."
    found = extract(text)
    assert found, found
    assert all(a["speaker"] is None or a["speaker"].upper() != a["speaker"] for a in found), found
    assert by_content(found, "second factory")["speaker"] == "Kestrel Drones"


def test_a_headline_announcing_a_name_has_no_claim() -> None:
    assert extract("Kestrel Drones Announces Falcon Mapping Platform") == []


def test_a_headline_announcing_a_clause_is_still_a_claim() -> None:
    # must-find: a reported clause in a headline stays
    found = extract("Kestrel Drones says sales doubled in 2024")
    assert [a["content"] for a in found] == ["sales doubled in 2024"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("A Kestrel spokeswoman told CNBC the company would not comment.", "CNBC"),
        (
            "Speaking to the Financial Times, analyst Ravi Menon said the deal was too dear.",
            "Financial Times",
        ),
    ],
)
def test_an_outlet_the_speaker_spoke_to_relays_the_claim(text: str, outlet: str) -> None:
    att = only_claim(text)
    assert outlet in att["via_outlets"]


def only_claim(text: str) -> dict:
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Westgrid, the power operator, said supply was back to normal.", "Westgrid"),
        ("Corvane, the ferry line, said sailings would resume on Friday.", "Corvane"),
    ],
)
def test_an_appositive_naming_a_firm_makes_the_speaker_an_organisation(
    text: str, name: str
) -> None:
    att = only_claim(text)
    assert att["speaker"] == name and att["speaker_type"] == "organization"


QA = (
    "Farm Monthly: Prices fell twice last year. Who was to blame?\n\n"
    "Ines Carvalho: The weather, mostly. We lost half the harvest in June.\n\n"
    "Farm Monthly: Your rivals say you sold too early.\n\n"
    "Ines Carvalho: They would say that. We sold when buyers were paying.\n\n"
    "Farm Monthly: Will prices recover?\n\n"
    "Ines Carvalho: I expect they will by the autumn."
)


def test_an_interviewers_questions_are_no_attributions() -> None:
    found = extract(QA)
    assert found, found
    assert {a["speaker"] for a in found} == {"Ines Carvalho"}
    assert not [a for a in found if "sold too early" in a["content"]]


def test_labelled_statements_without_questions_keep_every_speaker() -> None:
    # must-find: a transcript of two people stating things keeps both
    text = (
        "Ines Carvalho: The weather cost us half the harvest.\n\n"
        "Tomas Weber: Our buyers stayed with us all year.\n\n"
        "Ines Carvalho: We will plant earlier next spring.\n\n"
        "Tomas Weber: Prices will recover by the autumn."
    )
    assert {a["speaker"] for a in extract(text)} == {"Ines Carvalho", "Tomas Weber"}


@pytest.mark.parametrize(
    ("text", "outlet", "claim"),
    [
        (
            "Its harbour master, Colm Reid, told the BBC ferries would sail again on Monday.",
            "BBC",
            "ferries would sail again on Monday",
        ),
        (
            "The chairwoman told the New York Times investors were nervous.",
            "New York Times",
            "investors were nervous",
        ),
    ],
)
def test_an_outlet_told_before_a_bare_clause_is_who_was_told(
    text: str, outlet: str, claim: str
) -> None:
    att = only_claim(text)
    assert att["content"] == claim
    assert att["via_outlets"] == [outlet]


def test_people_told_before_a_bare_clause_stay_out_of_the_claim_as_before() -> None:
    # must-find: "told the workers pay would rise" keeps the clause, names no outlet
    att = only_claim("The manager told the workers pay would rise.")
    assert att["content"] == "pay would rise" and att["via_outlets"] == []


def test_a_repeated_claim_is_the_speakers() -> None:
    att = only_claim(
        "Farm leader Ruth Gable repeated that the subsidies were 'too little, too late', "
        "per AgriNews."
    )
    assert att["speaker"] == "Ruth Gable" and att["cue"] == "repeated"
    assert att["content"] == "that the subsidies were 'too little, too late'"


def test_an_opening_statement_to_a_jury_is_speech() -> None:
    att = only_claim(
        '"This case is about greed," prosecutor Amy Lund told the jury in her opening statement.'
    )
    assert att["cue_type"] == "speech" and att["medium"] == "opening statement"


def test_a_written_statement_stays_writing() -> None:
    # must-find: "in a statement" is still a written medium
    att = only_claim("Prosecutor Amy Lund said in a statement that the case was closed.")
    assert att["cue_type"] == "writing"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dame Harriet Cole MP said the bridge would reopen in May.", "MP"),
        ("Deputy mayor Tomasz Wren said the bridge would reopen in May.", "Deputy mayor"),
    ],
)
def test_a_role_is_the_office_not_the_honorific_nor_half_the_title(text: str, role: str) -> None:
    assert only_claim(text)["speaker_role"] == role


def test_a_plain_title_stays_the_role() -> None:
    # must-find: "Governor Tomasz Wren" keeps "governor"
    assert only_claim("Governor Tomasz Wren said the bridge would reopen.")["speaker_role"] == (
        "governor"
    )


def test_an_honorific_after_the_office_leaves_the_office_as_the_role() -> None:
    text = "Local MP Dame Harriet Cole said the bridge would reopen in May."
    assert only_claim(text)["speaker_role"] == "local MP"
