"""Only quotes and claims are stored (issue 11): what a reporter narrates about someone's
actions, intentions or knowledge, the titles of works and the names of documents are not
what that person said. Each kind has a must-not-find and, beside it, the look-alike that
must still be found. The articles are invented; spans are checked against the text.
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


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday the council voted to charge a levy on second homes.",
        "The mayor plans to build a new stadium near the river.",
        "The company has sought to protect tax breaks that matter to its landlords.",
        "The senator refused to endorse the governor during his speech in July.",
        "The lender agreed to lend the mining company $5 million.",
        "The port city looks to shore up support among younger voters.",
    ],
)
def test_an_action_or_an_intention_in_the_infinitive_is_not_a_statement(text: str) -> None:
    assert not attributions(text)


def test_a_promise_or_an_appeal_in_the_infinitive_is_still_a_statement() -> None:
    text = "Senator Lena Ames vowed to repeal the levy on second homes."
    (att,) = attributions(text)
    assert att["speaker"] == "Lena Ames" and att["content"] == "to repeal the levy on second homes"


def test_a_topic_not_spoken_about_is_no_statement() -> None:
    assert not attributions(
        "The candidates have not said much about how they would pay for the plan."
    )


def test_a_denial_of_a_noun_phrase_is_still_a_statement() -> None:
    # "denied any wrongdoing" says what is denied; "denied the allegations of fraud" only
    # names a report (tests/test_extract_fresh_user_cases.py).
    assert contents("The chief executive denied any wrongdoing.") == ["any wrongdoing"]


def test_what_someone_knows_or_learned_is_the_writers_assertion() -> None:
    text = (
        "The coach knows there are players all over the league who resent the new rules.\n\n"
        "Club owners learned again this week that the coach will not change his mind."
    )
    assert not attributions(text)


def test_what_someone_says_they_know_is_their_claim() -> None:
    text = "The coach said there are players all over the league who resent the new rules."
    assert contents(text) == ["there are players all over the league who resent the new rules"]


def test_a_colon_after_a_verb_that_is_not_one_of_saying_introduces_no_quotation() -> None:
    text = (
        "The City Council passed:\n\n"
        '"A budget of $4 million for roads, a new library and longer pool hours."\n\n'
        'The City Council passed: "A budget of $4 million for roads and a new library."'
    )
    assert not attributions(text)


def test_a_colon_after_a_verb_of_saying_introduces_the_quotation() -> None:
    text = 'The mayor announced:\n\n"The pool will stay open until ten every night."'
    (att,) = attributions(text)
    assert att["kind"] == "direct" and att["speaker"] == "mayor"
    assert att["content"] == '"The pool will stay open until ten every night."'


def test_the_title_of_a_work_is_not_a_quotation() -> None:
    text = (
        'The minister agreed to an interview for the radio project on "Women in Power," '
        "answering questions about her career."
    )
    assert not any("Women in Power" in c for c in contents(text))


def test_a_quotation_written_in_title_case_is_still_speech_where_speech_is_quoted() -> None:
    found = contents('"We Will Not Back Down," the union leader said at the rally.')
    assert found == ['"We Will Not Back Down,"']


@pytest.mark.parametrize(
    "text",
    [
        "The Republican nominee also outlined his cybersecurity plan on Monday.",
        "Both candidates cited the figure at last week's forum.",
    ],
)
def test_the_name_of_a_document_or_figure_says_nothing_of_what_was_said(text: str) -> None:
    assert not attributions(text)


def test_a_noun_phrase_that_says_what_was_announced_is_still_a_statement() -> None:
    assert contents("The governor announced a ban on fireworks in the dry season.") == [
        "a ban on fireworks in the dry season"
    ]


def test_according_to_an_outlet_the_named_speaker_speaks_and_the_outlet_relays() -> None:
    text = (
        "According to Reuters, the contractor, Mara Quist, has warned that the bridge "
        "will not open before winter."
    )
    (att,) = attributions(text)
    assert att["speaker"] == "Mara Quist" and att["cue"] == "warned"
    assert att["content"] == "that the bridge will not open before winter"
    assert att["via_outlets"] == ["Reuters"]
    assert text[slice(*att["speaker_span"])] == "the contractor, Mara Quist"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Nurses' Union said the strike would go on until Friday.", "Nurses' Union"),
        (
            "The Northern Pharmacists\u2019 Association said its members were ready.",
            "Northern Pharmacists\u2019 Association",
        ),
        ("The Democrats' nominee Hillary Clinton said that she would win.", "Hillary Clinton"),
    ],
)
def test_an_organisation_named_with_a_plural_possessive_is_one_speaker(
    text: str, speaker: str
) -> None:
    (att,) = attributions(text)
    assert att["speaker"] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Not that anyone in the industry is arguing that the rules are fair.",
        "Nobody in the cabinet said the plan would fail.",
    ],
)
def test_no_one_is_no_speaker(text: str) -> None:
    speakers = [(a["speaker"] or "").lower() for a in attributions(text)]
    assert not any("anyone" in s or "nobody" in s for s in speakers)


def test_someone_unnamed_is_still_a_speaker() -> None:
    assert contents("Someone in the cabinet said the plan would fail.") == ["the plan would fail"]
