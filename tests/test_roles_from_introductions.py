"""A person introduced with a name and a description ("Kwame Osei, who runs the co-op,",
"Kwame Osei, a farmer,", "co-op owner Kwame Osei") carries that description as a role: the
fact-checker reading "Osei said" on his page sees who he is. A relative clause that says
nothing of what he does ("who was arrested in May") is no role, and a company described
before its name stays a company.
"""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker

QUOTE = "\n\n\u201cPrices are up again this month,\u201d Osei said."


def _said(store, slug, body):
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Harbor {slug} story")
    _, atts = index(store, Linker(store), (built, extract(body)))
    said = next(a for a in atts if "Prices are up" in a["content"])
    return said, store.get_speaker(said["speaker_id"])


@pytest.mark.parametrize(
    ("introduction", "role"),
    [
        ("Kwame Osei, who runs the co-op, spoke after the market closed.", "runs the co-op"),
        ("Kwame Osei, a farmer, spoke after the market closed.", "a farmer"),
        ("Kwame Osei, who is a grain trader at the market, spoke on Monday.",
         "a grain trader at the market"),
        ("The market closed early, said co-op owner Kwame Osei.", "co-op owner"),
    ],
)
def test_the_description_a_person_is_introduced_with_is_the_role_of_his_quotes(
    store, introduction, role
):
    said, page = _said(store, "market", introduction + QUOTE)
    assert page["id"] == "kwame-osei" and page["type"] == "person"
    assert said["speaker_role"].casefold() == role
    assert role in [r.casefold() for r in page["roles"]]


def test_a_clause_that_says_nothing_of_what_he_does_is_no_role(store):
    said, page = _said(
        store, "arrest", "Kwame Osei, who was arrested in May, spoke after the hearing." + QUOTE
    )
    assert page["id"] == "kwame-osei"
    assert said["speaker_role"] is None and page["roles"] == []


def test_a_shop_owner_is_a_person_and_a_port_operator_a_company(store):
    body = "\u201cPrices are up again,\u201d said shop owner Kwame Osei."
    said, page = _said(store, "shop", body)
    assert page["type"] == "person" and said["speaker_role"] == "shop owner"
    built = article("Harbor Daily", "port", "2024-05-01", "Port operator Maasgroep said "
                    "it would appeal.", title="Harbor port story")
    _, [appeal] = index(store, Linker(store), (built, extract(built["body"])))
    assert store.get_speaker(appeal["speaker_id"])["type"] == "organization"


def test_a_relative_introduced_later_takes_neither_the_doctor_s_words_nor_her_role(store):
    body = (
        "Dr Osei, chief medical officer of the trust, said the trust had 120 fewer nurses.\n\n"
        "'We are running on goodwill,' she said.\n\n"
        "Her brother, Kwame Osei, a councillor, said the figures were a fantasy.\n"
    )
    built = article("Harbor Daily", "trust", "2024-05-01", body, title="Harbor trust story")
    _, atts = index(store, Linker(store), (built, extract(body)))
    by_words = {w: next(a for a in atts if w in a["content"]) for w in ("nurses", "goodwill")}
    for said in by_words.values():
        assert said["speaker_id"] != "kwame-osei"
        assert said["speaker_role"] != "a councillor"
    fantasy = next(a for a in atts if "fantasy" in a["content"])
    assert fantasy["speaker_id"] == "kwame-osei" and fantasy["speaker_role"] == "a councillor"
