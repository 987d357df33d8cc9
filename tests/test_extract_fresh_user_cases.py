"""User stories a fresh user found on invented articles (issue 11): who is cited, what is no
claim, roles in headlines, names written with odd spaces and photo captions."""

from __future__ import annotations

import pytest

from indexer.extract import extract

CITED = [
    (
        "The Financial Times reported, citing two people familiar with the matter, that the "
        "bank would cut 300 jobs.",
        "two people familiar with the matter",
        "Financial Times",
        "the bank would cut 300 jobs",
    ),
    (
        "Reuters reported, citing sources, that the merger talks had stalled.",
        "sources",
        "Reuters",
        "the merger talks had stalled",
    ),
    (
        "According to people familiar with the matter, Bloomberg said the fund would close "
        "next year.",
        "people familiar with the matter",
        "Bloomberg",
        "the fund would close next year",
    ),
    (
        "The company is preparing to sell its steel unit, according to Reuters, citing two "
        "sources.",
        "two sources",
        "Reuters",
        "The company is preparing to sell its steel unit",
    ),
    (
        "The board will meet on Friday, according to the Financial Times, quoting a person "
        "close to the chairman.",
        "a person close to the chairman",
        "Financial Times",
        "The board will meet on Friday",
    ),
]


@pytest.mark.parametrize(("text", "cited", "outlet", "claim"), CITED)
def test_an_outlet_citing_its_sources_relays_their_claim(
    text: str, cited: str, outlet: str, claim: str
) -> None:
    # A reader searching the claim finds it, said by the people cited and relayed by the
    # outlet; the outlet is no speaker and the citing words are no claim of their own.
    found = extract(text)
    assert len(found) == 1, found
    (att,) = found
    assert att["content"].removeprefix("that ") == claim
    assert att["speaker_text"] == cited
    assert att["speaker_type"] != "organization"
    assert att["via_outlets"] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry denied the report.",
        "The minister denied the allegations.",
        "The spokesman denied the accusations.",
        "Officials denied the rumours.",
    ],
)
def test_a_verb_with_a_noun_phrase_naming_a_report_is_no_claim(text: str) -> None:
    # "denied the report" says that something was denied, not what anyone claims.
    assert extract(text) == []


def test_a_denial_after_an_outlets_report_denies_that_report() -> None:
    # "the report" is no claim of the ministry's: it is kept as the ministry's denial of
    # the report before it, which the linker ties to that claim (indexer/link/denials.py)
    body = (
        "The Financial Times reported, citing two people familiar with the matter, that the "
        "bank would cut 300 jobs.\n\nThe ministry denied the report."
    )
    found = extract(body)
    assert [(a["content"], a["cue"]) for a in found] == [
        ("that the bank would cut 300 jobs", "reported"),
        ("the report", "denied"),
    ]


def test_a_quoted_fragment_or_a_reported_clause_after_a_denial_is_kept() -> None:
    # The rule above drops the noun phrase, never the words or the clause it carries.
    quoted = extract('The minister denied "any wrongdoing".')
    assert [a["content"] for a in quoted] == ['"any wrongdoing"']
    clause = extract("The minister denied the report that he had resigned.")
    assert [a["cue"] for a in clause] == ["denied"]
    assert "he had resigned" in clause[0]["content"]
    saying = extract("The minister denied reports saying the plant would close.")
    assert [a["content"] for a in saying] == ["reports saying the plant would close"]
    minister = extract("The minister said, citing intelligence reports, that the border was safe.")
    assert [a["speaker"] for a in minister] == ["minister"]


def test_a_headline_label_gives_the_role_to_the_role() -> None:
    found = extract(
        "The council met on Monday to set next year's budget.",
        title="Council leader Amira Shah: 'We will not cut bus routes'",
    )
    (headline,) = [a for a in found if a["part"] == "title"]
    assert headline["speaker"] == "Amira Shah"
    assert headline["speaker_role"] == "Council leader"
    assert headline["speaker_type"] == "person"
    assert headline["content"] == "'We will not cut bus routes'"


@pytest.mark.parametrize("space", ["\xa0", "\u2009", "\u202f", "\u3000"])
def test_a_name_written_with_a_unicode_space_is_one_clean_name(space: str) -> None:
    body = (
        f"Councillor Amira{space}Shah said the budget was balanced.\n\n"
        f"Shah{space} said the figures were clear."
    )
    found = extract(body)
    assert [a["speaker"] for a in found] == ["Amira Shah", "Amira Shah"]
    for att in found:
        assert att["speaker_text"] == att["speaker_text"].strip()
        assert space not in att["speaker_text"]


@pytest.mark.parametrize(
    "label", ["Photo caption:", "Image caption:", "Video caption:", "Picture caption:"]
)
def test_caption_lines_are_not_article_text(label: str) -> None:
    body = (
        f"{label} Amira Shah said the budget was balanced, at the town hall.\n\n"
        "Shah said the council would publish the figures next week."
    )
    found = extract(body)
    assert [a["content"] for a in found] == ["the council would publish the figures next week"]


def test_a_run_in_head_in_capitals_is_no_speaker() -> None:
    # A kicker before a dash opens a section ("EVEN HIS BOSS THINKS ... — The head of ..."):
    # the head is no one's words, the paragraph after it is article text.
    body = (
        "EVEN HIS BOSS THINKS HE IS WRONG — The head of the studio agreed in an email.\n\n"
        "WASHINGTON — The senator said the hearing would resume on Monday."
    )
    found = extract(body)
    assert [(a["cue"], a["content"]) for a in found] == [
        ("said", "the hearing would resume on Monday")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It appears that the council will cut bus routes next year.",
        "It is understood that the minister will resign on Friday.",
        "It is understood the minister will resign on Friday.",
        "It seems the council will cut bus routes.",
        "Mayor Dana Fisk spoke on Monday. It is thought that she will resign on Friday.",
    ],
)
def test_an_impersonal_it_appears_or_it_is_understood_is_nobodys_quote(text: str) -> None:
    # No one is named as the source: neither "It" nor the person named before said it.
    assert extract(text) == []
