"""What a fresh user found in relays, transcripts and headlines (issue 11): a report in a
newspaper is the newspaper's, never the previous speaker's; the outlet a speaker told is
its relay, by name, by edition, by a broadcaster's initials, by a programme or by "the
broadcaster"; a trailing "Bloomberg reported" keeps the speaker's statement; transcripts
with names in capitals give the turns to their speakers; headlines keep their quoted
predicate and find the senator the body names."""

from __future__ import annotations

import pytest

from indexer.extract import extract


@pytest.mark.parametrize(
    ("report", "outlet"),
    [
        (
            "According to a report in the Financial Times, the owner has drawn up redundancy "
            "lists.",
            "Financial Times",
        ),
        ("A report by Reuters said the owner would sell the plant.", "Reuters"),
    ],
)
def test_a_newspapers_report_is_never_the_previous_speakers_words(report: str, outlet: str) -> None:
    body = f'"We were told the furnace would go cold," Pryce said.\n\n{report}'
    pryce, reported = extract(body)
    assert pryce["speaker"] == "Pryce"
    assert reported["speaker"] != "Pryce" and reported["speaker_resolution"] != "quote_sequence"
    assert reported["via_outlets"] == [outlet]


def test_the_statement_a_speaker_just_made_stays_hers() -> None:
    body = 'Mayor Dana Fisk spoke on Monday. "We will not cut buses," Fisk said.\n\n'
    body += "The statement said the depot would stay open."
    assert extract(body)[-1]["speaker"] == "Dana Fisk"


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Omar Haddad told Al Jazeera that the talks had failed.", "Al Jazeera"),
        ("Claire Dawson told Politico Europe that taxes would fall.", "Politico Europe"),
        ("Anna Weiss told CNN International that the border was open.", "CNN International"),
        ("Raj Patel told LBC that net zero was affordable.", "LBC"),
        ("Ruth Okafor told ITV that the ward was full.", "ITV"),
        (
            "Joan Pike, speaking to BBC Radio 4's Today programme, said the budget was a fraud.",
            "BBC Radio 4",
        ),
        ("Maria Lopez said the deal was not done, Bloomberg reported.", "Bloomberg"),
        (
            "Ruth Kellerman ruled out an early election, telling 2GB's Ben Fordham: "
            '"The election will be held when it is due."',
            "2GB",
        ),
        ("Sam Ruiz told WKRP radio that the budget was balanced.", "WKRP"),
    ],
)
def test_the_outlet_a_speaker_told_relays_her_statement(sentence: str, outlet: str) -> None:
    (att,) = extract(sentence)
    assert att["speaker"] == " ".join(sentence.split()[:2]).rstrip(",")
    assert att["via_outlets"] == [outlet]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        (
            "Speaking on ABC Radio National on Sunday, Kate Tully said 40 tankers were funded.",
            "ABC Radio National",
        ),
        ("In an interview with KHBR radio, Victor Lindqvist said he had promised nothing.", "KHBR"),
        ("Talking to the BBC's Laura Kuenssberg, Victor Lindqvist said the plan was sound.", "BBC"),
    ],
)
def test_the_station_a_speaker_spoke_on_or_to_relays_her_statement(
    sentence: str, outlet: str
) -> None:
    """Radio and television: the network spoken on, a station by its call sign, the outlet
    of the presenter spoken to; never the presenter or the station noun."""
    (att,) = extract(sentence)
    assert att["speaker"] in ("Kate Tully", "Victor Lindqvist")
    assert att["via_outlets"] == [outlet]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ben Adler told Parliament that the bill would pass.",
        "Ben Adler told the FBI that he had not seen the files.",
    ],
)
def test_a_body_told_is_no_outlet(sentence: str) -> None:
    assert [a["via_outlets"] for a in extract(sentence)] == [[]]


def test_told_the_broadcaster_is_relayed_by_the_outlet_named_before() -> None:
    body = (
        "Foreign Minister Sofia Brandt told the BBC on Monday that a ceasefire was near.\n\n"
        '"We are closer than we have ever been," Brandt told the broadcaster.'
    )
    assert [a["via_outlets"] for a in extract(body)] == [["BBC"], ["BBC"]]


@pytest.mark.parametrize(
    ("host", "guest"),
    [("HANNAH COLE", "TOM BEXLEY"), ("MARK HOLLIS", "PRIYA NANDA")],
)
def test_a_transcript_with_names_in_capitals_gives_the_turns_to_the_guest(
    host: str, guest: str
) -> None:
    body = (
        f"{guest.title()} spoke to our political editor, {host.title()}.\n\n"
        f"{host}: Will you stand for leader?\n\n"
        f"{guest}: I will not be standing. I back Claire Dawson.\n\n"
        f"{host}: Why?\n\n"
        f"{guest}: Because she can win the next election."
    )
    found = extract(body)
    assert [a["speaker"] for a in found] == [guest.title(), guest.title()]
    assert found[0]["content"] == "I will not be standing. I back Claire Dawson."


def test_section_labels_in_capitals_stay_no_speakers_in_a_market_report() -> None:
    body = (
        "CURRENCIES: The dollar rose against the yen on Tuesday.\n\n"
        "ENERGY: Oil prices fell as supplies grew.\n\n"
        "FIX IS IN: Traders said the auction was rigged from the start."
    )
    assert all(a["speaker_resolution"] != "label" for a in extract(body))


@pytest.mark.parametrize(
    ("title", "content"),
    [
        ("Foreign minister says ceasefire 'within reach'", "ceasefire 'within reach'"),
        ('Union says strike "inevitable"', 'strike "inevitable"'),
    ],
)
def test_a_headline_keeps_its_quoted_predicate(title: str, content: str) -> None:
    body = "Foreign Minister Sofia Brandt told the BBC on Monday that talks were going well."
    headline = [a for a in extract(body, title=title) if a["part"] == "title"]
    assert [a["content"] for a in headline] == [content]


@pytest.mark.parametrize(
    ("title", "body", "speaker"),
    [
        (
            "Senator says tariff deal is 'close,' aides disagree",
            'Sen. Robert Fielding said Tuesday that a tariff deal was "very close."',
            "Robert Fielding",
        ),
        (
            "Governor says budget is 'balanced,' critics disagree",
            "Gov. Alma Reyes said on Monday that the budget was balanced.",
            "Alma Reyes",
        ),
    ],
)
def test_a_headlines_title_is_the_person_the_body_names(
    title: str, body: str, speaker: str
) -> None:
    headline = [a for a in extract(body, title=title) if a["part"] == "title"]
    # the aides' disagreement is theirs, not part of what the senator said
    assert [(a["speaker"], "disagree" in a["content"]) for a in headline] == [(speaker, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Taxes will rise, according to a speech Ms. Vance delivered in Leeds in July.",
        "Taxes will rise, according to Vance's statement.",
    ],
)
def test_a_speech_or_statement_is_its_authors_not_the_previous_speakers(sentence: str) -> None:
    body = "Chancellor Ellen Vance spoke in Leeds. Analysts at the Fiscal Institute said the "
    body += "plan was costly.\n\n" + sentence
    assert extract(body)[-1]["speaker"] == "Ellen Vance"


@pytest.mark.parametrize(
    ("sentence", "speaker", "outlet"),
    [
        (
            "According to a report in the Financial Times, chief executive Mark Hale said the "
            "plant would close.",
            "Mark Hale",
            "Financial Times",
        ),
        (
            "According to an article in the Guardian, the minister told aides that he would "
            "resign.",
            "minister",
            "Guardian",
        ),
    ],
)
def test_a_newspapers_report_of_someones_words_gives_them_to_that_person(
    sentence: str, speaker: str, outlet: str
) -> None:
    # The newspaper relays what the person said; its report is no second speaker of it.
    body = f'"We were told the furnace would go cold," Pryce said.\n\n{sentence}'
    pryce, reported = extract(body)
    assert pryce["speaker"] == "Pryce"
    assert (reported["speaker"], reported["via_outlets"]) == (speaker, [outlet])


@pytest.mark.parametrize(
    ("title", "body", "speaker"),
    [
        (
            "Minister denies plan to close port, per Reuters",
            "The port handles two million tonnes a year.",
            "Minister",
        ),
        (
            "Mayor denies plans to sell ferry fleet, per Harbor Daily",
            "Mayor Dana Fisk spoke to councillors on Monday.",
            "Dana Fisk",
        ),
    ],
)
def test_a_headline_denial_per_an_outlet_is_the_deniers_relayed_by_the_outlet(
    title: str, body: str, speaker: str
) -> None:
    # The minister denied it; the agency only passes the denial on.
    (headline,) = [a for a in extract(body, title=title) if a["part"] == "title"]
    assert (headline["speaker"], headline["cue"]) == (speaker, "denies")
    assert headline["content"].startswith("plan")
    assert headline["via_outlets"] == [title.rsplit("per ", 1)[1]]


def test_a_plan_denied_in_the_body_is_a_claim_but_a_plan_outlined_is_not() -> None:
    assert [a["content"] for a in extract("The minister denied plans to close the port.")] == [
        "plans to close the port"
    ]
    assert extract("The minister outlined his plan on Monday.") == []
