"""Who relayed the words, and speakers that must not be lost.

A reader filters quotes by the outlet that relayed them (`?via=reuters`): "Per Reuters, X
said", "Reuters reported that X said", "According to the BBC, X called ...", "speaking to
CNN", "in an interview with Fox Business", "told Dutch broadcaster NOS" all name the outlet
that relays X's words, under its own name, never "Per Reuters" nor the article's headline
run into it. Words a speaker passes on ("Calder said Whitaker told her the state was out of
money") are Whitaker's as Calder tells them: the record says who relayed them, and the
attribution page and API read "according to Calder". Named speakers are kept whatever the
way they are introduced: a peer in apposition ("The Health Secretary, Lord Pemberton,"),
"a Maasgroep spokesperson" (never a person called "A Maasgroep"), an aside between dashes
("James Lowe - no relation - said"), and a quotation that runs on into the next paragraph.
"""

from __future__ import annotations

from typing import Any

from indexer.extract import extract
from store.base import Store

AUTH = {"Authorization": "Bearer s3cret"}


def only(records: list[dict], content: str) -> dict:
    found = [r for r in records if content in r["content"]]
    assert len(found) == 1, [(r["speaker"], r["content"]) for r in records]
    return found[0]


def test_per_an_outlet_opening_a_sentence_is_that_outlet_relaying_even_after_a_headline() -> None:
    body = "Per Reuters, Kessler said the county would borrow $40 million."
    record = only(extract(body, title="Borrowing"), "borrow")
    assert record["speaker"] == "Kessler"
    assert record["via_outlets"] == ["Reuters"]


def test_an_outlet_reporting_what_someone_said_relays_the_inner_speaker() -> None:
    body = 'The Associated Press reported that Mayor Ines Okafor said the budget was "a fantasy".'
    record = only(extract(body), "fantasy")
    assert record["speaker"] == "Ines Okafor"
    assert record["via_outlets"] == ["Associated Press"]


def test_according_to_an_outlet_a_named_speakers_words_are_the_speakers() -> None:
    body = 'According to the BBC, Okafor called the council\'s plan "reckless".'
    record = only(extract(body), "reckless")
    assert record["speaker"] == "Okafor"
    assert record["via_outlets"] == ["BBC"]
    bare = only(extract("According to the BBC, the ferry service will end in May."), "ferry")
    assert bare["speaker"] == "BBC" and bare["via_outlets"] == []  # no inner speaker: the BBC's


def test_speaking_to_an_interview_with_and_telling_a_broadcaster_name_the_relaying_outlet() -> None:
    texts = {
        "Fenn, speaking to CNN on Sunday, said he had never met the donor.": "CNN",
        'In an interview with Fox Business, Ortega said: "We are staying in Ohio."': "Fox Business",
        "Mayor Ruud Jansen told Dutch broadcaster NOS that the port would reopen.": "NOS",
        "Jansen, talking to the newspaper De Telegraaf, said the strike had ended.": "De Telegraaf",
    }
    for body, outlet in texts.items():
        records = extract(body)
        assert [r["via_outlets"] for r in records] == [[outlet]], body


def test_a_quote_passed_on_by_another_speaker_records_who_relayed_it() -> None:
    body = (
        "State Sen. Ruth Calder said Sunday that Gov. Dan Whitaker privately told her the "
        'state was "out of money" and could not fund new school construction.'
    )
    inner = [r for r in extract(body) if r["cue"] == "told"][0]
    assert inner["speaker"] == "Dan Whitaker"
    assert inner["relayed_by"] == "Ruth Calder"
    own = 'Ruth Calder said she told the governor that the state was "out of money".'
    assert all(r["relayed_by"] is None for r in extract(own))  # her own words: no relay


def test_a_quote_told_to_a_speaker_named_by_surname_alone_is_the_teller_s_relayed() -> None:
    # Neither name has a title or a first name: the article still says who spoke (the
    # one who told her, a person) and who passes it on; one record, not two.
    body = 'Calder said Whitaker told her: "We will win the seat."'
    assert [
        (r["speaker"], r["speaker_type"], r["relayed_by"], r["content"]) for r in extract(body)
    ] == [("Whitaker", "person", "Calder", '"We will win the seat."')]


def test_a_quote_told_on_a_given_day_is_stored_once_without_its_frame() -> None:
    # "told her in July:" puts words between the telling and the quotation; the frame
    # "Whitaker told her in July" is no claim of Whitaker's beside his words.
    body = 'Sophie Calder said Whitaker told her in July: "The target is dead."'
    assert [(r["speaker"], r["relayed_by"], r["content"]) for r in extract(body)] == [
        ("Whitaker", "Sophie Calder", '"The target is dead."')
    ]


def test_a_headline_relaying_a_named_speakers_quotation_stores_it_once_as_relayed() -> None:
    # Reinholt's page must not list the headline's words as his own direct quote, nor list
    # them twice ("Reinholt told her 'the numbers ...'" beside the quotation itself).
    body = (
        "Ex-aide says Reinholt told her 'the numbers don't matter'\n\n"
        "Finance Minister Tomas Reinholt presented the budget on Monday."
    )
    told = [r for r in extract(body) if "numbers" in r["content"]]
    assert [(r["speaker"], r["content"]) for r in told] == [
        ("Tomas Reinholt", "'the numbers don't matter'")
    ]
    assert told[0]["relayed_by"] is not None  # the ex-aide passes them on


def test_words_someone_is_quoted_as_saying_are_theirs_relayed_by_the_one_quoting() -> None:
    direct = extract('"We will win the seat," Calder quoted Whitaker as saying.')
    assert [(r["speaker"], r["relayed_by"], r["content"]) for r in direct] == [
        ("Whitaker", "Calder", '"We will win the seat,"')
    ]  # never a second record whose words are "Whitaker as saying"
    reported = extract("Calder quoted Whitaker as saying the seat was safe.")
    assert [(r["speaker"], r["relayed_by"], r["content"]) for r in reported] == [
        ("Whitaker", "Calder", "the seat was safe")
    ]


def test_a_peer_or_honorific_in_apposition_is_the_speaker_the_office_is_the_role() -> None:
    for body, name in (
        (
            "The Health Secretary, Lord Pemberton, said recruitment was ahead of target.",
            "Lord Pemberton",
        ),
        (
            "The Culture Minister, Baroness Okafor, told peers the museum would stay open.",
            "Baroness Okafor",
        ),
    ):
        record = extract(body)[0]
        assert record["speaker"] == name and record["speaker_type"] == "person", body
        assert record["speaker_resolution"] == "named"


def test_an_aside_between_spaced_hyphens_does_not_lose_the_speaker() -> None:
    body = "Opposition leader James Lowe - no relation - said the minister was playing games."
    record = only(extract(body), "playing games")
    assert record["speaker"] == "James Lowe"
    assert record["content"] == "the minister was playing games"


def test_a_quotation_running_on_into_the_next_paragraph_keeps_its_speaker() -> None:
    body = (
        '"We came here in good faith," union leader Sean Brody said. "The company walked away.'
        '\n\n"Now we have no choice. The strike goes ahead on Monday."'
    )
    records = extract(body)
    runs_on = only(records, "Now we have no choice")
    assert runs_on["speaker"] == "Sean Brody"
    assert runs_on["confidence"] == only(records, "good faith")["confidence"] >= 0.5


def test_an_x_spokesperson_is_never_a_person_called_a_x(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    body = (
        "Port operator Maasgroep said the strike would cost it 40 million euros a week. "
        "A Maasgroep spokesperson declined to comment."
    )
    posted = fresh_client.post(
        "/api/v1/articles",
        json={"url": "https://harbour.example/strike", "published": "2026-10-05", "body": body},
        headers=AUTH,
    )
    assert posted.status_code in (200, 201), posted.get_json()
    records = fresh_newsroom.article_attributions(posted.get_json()["id"])
    assert [r["speaker"] for r in records] == ["Maasgroep"]


def test_the_page_and_the_api_say_according_to_whom(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    body = (
        "State Sen. Ruth Calder said Sunday that Gov. Dan Whitaker privately told her the "
        'state was "out of money" and could not fund new school construction.'
    )
    posted = fresh_client.post(
        "/api/v1/articles",
        json={"url": "https://capitol.example/calder", "published": "2026-11-29", "body": body},
        headers=AUTH,
    )
    assert posted.status_code in (200, 201), posted.get_json()
    records = fresh_newsroom.article_attributions(posted.get_json()["id"])
    relayed = [r for r in records if r.get("relayed_by")]
    assert [(r["speaker"], r["relayed_by"]) for r in relayed] == [("Dan Whitaker", "Ruth Calder")]
    api = fresh_client.get(f"/api/v1/attributions/{relayed[0]['id']}").get_json()
    assert api["attribution"]["relayed_by"] == "Ruth Calder"
    assert [h["role"] for h in api["chain"]][:2] == ["speaker", "relayed"]
    page = fresh_client.get(f"/attributions/{relayed[0]['id']}").get_data(as_text=True)
    assert "according to Ruth Calder" in page
