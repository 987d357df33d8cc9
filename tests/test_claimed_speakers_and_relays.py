"""What a stored attribution claims, a reader can follow: a speaker it says was found
(named, through a pronoun, a description, a sequence of quotes or a label) has a speaker
page, else the attribution says its speaker is unresolved; "The <Name>" is an
organization's name, never a person's; an article's own publisher named by a short form
("told the Herald" in The Lakeside Herald) is no relaying outlet; and a reported claim
reads as English: no "that" before a noun phrase a cue takes as its object ("citing rising
costs") or before an infinitive ("told residents to stay indoors")."""

from __future__ import annotations

from typing import Any

import pytest
from link_corpus import article, index, quote

from indexer.extract import extract
from indexer.link import Linker
from store.base import SearchQuery, Store
from webapp.wording import reported_lead


def _claimed(body: str, content: str, speaker: str, how: str, kind: str = "unknown") -> dict:
    said = quote(body, content, speaker, speaker_type=kind)
    return {**said, "speaker_resolution": how}


def _broken_promises(store: Store) -> list[tuple[str, str | None, str]]:
    """Stored attributions that claim a found speaker without a speaker page."""
    return [
        (a["speaker_resolution"], a.get("speaker_id"), a["speaker"])
        for a in store.scan(SearchQuery(facets=False))
        if a.get("speaker_resolution") != "unresolved"
        and (not a.get("speaker_id") or store.get_speaker(a["speaker_id"]) is None)
    ]


def test_every_found_speaker_in_a_linked_corpus_has_a_page(
    store: Store, linked_corpus: dict[str, Any]
) -> None:
    body = (
        "The Regulator said the tariff would be frozen until spring.\n\n"
        "The Transport Secretary said the line would reopen on Monday.\n\n"
        "Asked about the delay, the agency said crews were working through the night."
    )
    said = [
        _claimed(body, "the tariff would be frozen until spring", "The Regulator", "named"),
        _claimed(body, "the line would reopen on Monday", "The Transport Secretary", "named"),
        _claimed(body, "crews were working through the night", "the agency", "description"),
    ]
    built = article("Harbor Daily", "tariff-freeze", "2024-06-03", body)
    _, linked = index(store, Linker(store), (built, said))
    assert _broken_promises(store) == []
    assert {a["speaker_resolution"] for a in linked} == {"unresolved"}
    assert [a["speaker"] for a in linked] == [
        "The Regulator",
        "The Transport Secretary",
        "the agency",
    ]  # the words of the text stay, as for any unresolved speaker


def test_a_definite_name_without_a_title_is_an_organization(store: Store) -> None:
    body = (
        "The Mountain Rescue said two walkers were brought down safely.\n\n"
        "Selm Fire Brigade said the blaze was under control by noon."
    )
    said = [
        _claimed(body, "two walkers were brought down safely", "The Mountain Rescue", "named"),
        _claimed(body, "the blaze was under control by noon", "Selm Fire Brigade", "named"),
    ]
    built = article("Harbor Daily", "rescues", "2024-06-04", body)
    _, linked = index(store, Linker(store), (built, said))
    assert [a["speaker_type"] for a in linked] == ["organization", "organization"]
    for attribution in linked:
        assert store.get_speaker(attribution["speaker_id"])["type"] == "organization"


def test_the_publisher_named_by_a_short_form_is_no_relaying_outlet(store: Store) -> None:
    body = (
        "Ines Varga told the Herald her crew would sail on Friday.\n\n"
        "Tomas Ek told the Evening Post the pier was unsafe."
    )
    said = [
        quote(body, "her crew would sail on Friday", "Ines Varga", via=["the Herald"]),
        quote(body, "the pier was unsafe", "Tomas Ek", via=["Evening Post"]),
    ]
    built = article("The Lakeside Herald", "sailing", "2024-06-05", body)
    linked_article, (own, other) = index(store, Linker(store), (built, said))
    assert linked_article["outlet_id"] == "the-lakeside-herald"
    assert own["via_outlets"] == [] and own["via_outlet_ids"] == []
    assert store.get_outlet("herald") is None  # no outlet made of the short form
    assert other["via_outlet_ids"] == ["evening-post"]  # another paper still relays


def test_a_noun_phrase_object_is_reported_with_its_verb_not_that() -> None:
    cited = {"speaker": "Ida Berg", "cue": "citing", "content": "rising fuel costs"}
    assert reported_lead(cited) == "Ida Berg cited"
    assert reported_lead({**cited, "cue": "cites"}) == "Ida Berg cited"


def test_an_infinitive_is_never_reported_after_that() -> None:
    told = {"speaker": "Ida Berg", "cue": "told", "content": "to stay indoors tonight"}
    assert reported_lead(told) == "Ida Berg said"
    assert reported_lead({**told, "cue": "warning"}) == "Ida Berg said"
    assert reported_lead({**told, "content": "the roads were closed"}) == "Ida Berg said that"


@pytest.mark.parametrize(
    "sentence",
    [
        "A Reuters report said Senator Robert Hale had told staff that the office would close "
        "in March.",
        "Reuters' report said Senator Robert Hale had told staff that the office would close "
        "in March.",
    ],
)
def test_a_report_an_outlet_published_relays_the_claim_it_quotes(sentence: str) -> None:
    """"A Reuters report said Hale had told staff ...": Hale's claim, relayed by Reuters;
    the report is no speaker of its own."""
    found = extract(sentence)
    assert [(a["speaker"], a["via_outlets"]) for a in found] == [("Robert Hale", ["Reuters"])]
