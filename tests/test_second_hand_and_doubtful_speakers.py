"""An editor checking who said what (issues 10 and 11, fresh users of session 7) trusts a
record only as far as the article does: words a colleague passes on or the article reports
as hearsay say who relays them; a "he", "she" or "the minister" with two people it may mean,
or a bare surname a live-blog item does not decide, stays unresolved; an office or a shop
owner is filed as what the article says it is."""

from __future__ import annotations

from link_corpus import article, index

from indexer.extract import extract
from indexer.extract.scoring import STORE_FLOOR
from indexer.link import Linker
from store.base import Store


def by_content(found: list[dict], words: str) -> dict:
    """The one record whose content opens with `words` (after a quotation mark or "that"):
    the record of the words themselves, not of someone reporting them."""
    matches = [
        a for a in found if a["content"].lstrip('"\u201c').removeprefix("that ").startswith(words)
    ]
    assert len(matches) == 1, found
    return matches[0]


def speaker_of(found: list[dict], words: str) -> tuple[str | None, str | None]:
    """(speaker, relayed_by) of the record of `words` (`by_content`)."""
    record = by_content(found, words)
    return record["speaker"], record["relayed_by"]


HARBOUR = "Harbour master Joan Fenwick and port director Ali Rahman met on Friday.\n\n"


def test_words_passed_on_by_a_colleague_name_who_passes_them_on() -> None:
    # A reader of the harbour story must see that Rahman's words reach us through Fenwick.
    found = extract(
        HARBOUR
        + 'According to Fenwick, Rahman said the new quay "will never open on time".\n\n'
        + 'Rahman said the dredging contract "was a mistake", according to Fenwick.'
    )
    assert speaker_of(found, "the new quay") == ("Ali Rahman", "Joan Fenwick")
    assert speaker_of(found, "the dredging contract") == ("Ali Rahman", "Joan Fenwick")


def test_an_outlet_or_a_survey_in_an_according_to_phrase_is_no_relaying_person() -> None:
    found = extract(
        HARBOUR
        + "According to Reuters, Fenwick said the port would close.\n\n"
        + "Rahman said that, according to the survey, the harbour was silting up."
    )
    closing = by_content(found, "the port would close")
    assert (closing["speaker"], closing["relayed_by"]) == ("Joan Fenwick", None)
    assert closing["via_outlets"] == ["Reuters"]
    assert speaker_of(found, "the harbour was silting up") == ("Ali Rahman", None)


def test_a_trailing_according_to_says_where_a_report_comes_from_not_who_said_it_all() -> None:
    # "according to a note", "according to a statement from his office" after "X said ...":
    # one record, X's words; never a second record of the whole sentence, "X said" and all,
    # in the mouth of "note" or "statement from his office".
    for trailing in ("a note seen by CPA", "a statement from his office"):
        found = extract(
            HARBOUR + f"Rahman said the quay would open in March, according to {trailing}."
        )
        said = [r for r in found if "quay" in r["content"]]
        assert [(r["speaker"], r["content"]) for r in said] == [
            ("Ali Rahman", "the quay would open in March")
        ], trailing
    alone = extract("The quay will open in March, according to a note seen by CPA.")
    assert [r["content"] for r in alone] == ["The quay will open in March"]  # the note's claim


def test_hearsay_is_relayed_by_its_unnamed_source() -> None:
    # "allegedly" and "reportedly" are the article's distance: never first-hand words.
    found = extract(
        HARBOUR
        + "Rahman reportedly told staff that the budget was gone.\n\n"
        + 'Fenwick allegedly said the inspectors "knew nothing".\n\n'
        + "Rahman is said to have told colleagues that he would resign.\n\n"
        + "Fenwick said the tides had changed."
    )
    assert speaker_of(found, "the budget was gone") == ("Ali Rahman", "reports")
    assert speaker_of(found, "the inspectors") == ("Joan Fenwick", "allegations")
    assert speaker_of(found, "he would resign") == ("Ali Rahman", "unnamed sources")
    assert speaker_of(found, "the tides had changed") == ("Joan Fenwick", None)


def test_a_quote_a_colleague_relays_is_stored_as_relayed() -> None:
    found = extract(HARBOUR + 'Fenwick said Rahman told her the harbour plan was "dead".')
    relayed = by_content(found, "the harbour plan")
    assert (relayed["speaker"], relayed["relayed_by"]) == ("Ali Rahman", "Joan Fenwick")
    assert relayed["confidence"] >= STORE_FLOOR


def test_he_after_two_men_just_named_is_unresolved() -> None:
    # Was it the chairman or the sacked manager who "gave everything"? The text does not say.
    found = extract(
        "Board chairman Richard Hale dismissed head coach Simon Pryor on Saturday after a "
        "fourth straight loss.\n\n"
        '"I put my heart into this team," he said on Sunday.'
    )
    att = by_content(found, "I put my heart")
    assert att["speaker"] is None
    assert att["speaker_resolution"] == "unresolved"


def test_she_after_two_women_just_named_is_unresolved_but_one_woman_is_found() -> None:
    two = extract(
        "Education Secretary Linda Marsh met union leader Karen Doyle on Tuesday.\n\n"
        '"Nobody listens to the classroom," she said afterwards.'
    )
    assert by_content(two, "Nobody listens")["speaker"] is None
    one = extract(
        "Education Secretary Linda Marsh met union leader Paul Doyle on Tuesday.\n\n"
        '"Nobody listens to the classroom," she said afterwards.'
    )
    assert by_content(one, "Nobody listens")["speaker"] == "Linda Marsh"


def test_the_minister_with_two_ministers_named_is_unresolved() -> None:
    found = extract(
        "Transport Minister Piet Vos met Environment Minister Greta Lind on Tuesday.\n\n"
        "Vos wants a new motorway.\n\n"
        '"The climate cannot wait," the minister said after the meeting.'
    )
    assert by_content(found, "The climate cannot wait")["speaker_resolution"] == "unresolved"


def test_a_live_blog_item_naming_neither_namesake_keeps_the_surname_undecided() -> None:
    found = extract(
        "___\n\n09:00 GMT\nRiver warden Sarah Okafor said the levee was holding.\n\n"
        "___\n\n09:30 GMT\nCouncillor James Okafor said sandbags were being handed out.\n\n"
        "___\n\n10:10 GMT\nOkafor says residents near the bridge should leave now.\n\n"
        "___\n\n10:45 GMT\nVolunteer Mia Grant said the shelter was full. Grant added that "
        "more beds were coming."
    )
    assert by_content(found, "residents near the bridge")["speaker"] == "Okafor"
    assert by_content(found, "more beds")["speaker"] == "Mia Grant"


def test_a_persons_office_is_not_the_person(store: Store) -> None:
    body = (
        "Former minister Tom Reyes was charged with fraud on Monday.\n\n"
        "District Attorney Laura Kemp's office said the evidence was overwhelming.\n\n"
        "Senate Minority Leader Harry Reid said the vote would fail."
    )
    _, linked = index(
        store, Linker(store), (article("Test Gazette", "kemp", "2026-11-25", body), extract(body))
    )
    office = by_content(linked, "the evidence was overwhelming")
    assert office["speaker_type"] == "organization"
    assert office["speaker_id"] != "laura-kemp"
    assert by_content(linked, "the vote would fail")["speaker_id"] == "harry-reid"


def test_an_owner_named_like_a_person_is_a_person_and_a_firm_stays_a_firm() -> None:
    found = extract(
        'The shop owner, Martin Holt, said: "Rents are up."\n\n'
        'Garage owner David Patel said: "We are losing money."\n\n'
        "Port operator Maasgroep said the terminal would close.\n\n"
        "The owner, Castell Steel, said it would cut jobs."
    )
    assert by_content(found, "Rents are up")["speaker_type"] == "person"
    assert by_content(found, "We are losing money")["speaker_type"] == "person"
    assert by_content(found, "the terminal would close")["speaker_type"] == "organization"


def test_saying_a_lot_of_things_is_no_claim() -> None:
    # "Derek says a lot of things" tells that Derek talks, not anything he said.
    found = extract(
        "Councillor Ben Ode said something about the budget on Monday.\n\n"
        "Mayor Ruth Amadi dismissed him: \u201cBen says a lot of things.\u201d\n\n"
        "Ode said many things were wrong with the plan."
    )
    assert not [a for a in found if a["content"] in ("something", "a lot of things")]
    assert by_content(found, "many things were wrong")["speaker"] == "Ben Ode"
