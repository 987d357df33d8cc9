"""A live blog ("The Latest: ...") runs short items between ``___`` lines, each about other
people. A "he" or a bare surname in one item means someone that item is about, never the
man the item before was about; and two people sharing a surname keep their own pages."""

from __future__ import annotations

from link_corpus import article, index, quote

from indexer.extract import extract
from indexer.link import Linker

FILLER = (
    "Officials in several states have asked for help with their systems this year, and the "
    "agency has offered scans, training and advice to any county that wants them, though "
    "most have not yet taken it up. Counties run elections on their own equipment, with "
    "budgets set by their own boards, and some of that equipment is more than a decade old."
)


def test_he_in_a_live_blog_item_is_not_the_man_of_the_item_before():
    text = (
        "Roy Denton spoke in Phoenix on Thursday.\n\n"
        "\u201cWe will win Arizona,\u201d he said.\n\n"
        "___\n\n"
        "Libertarian candidate Gary Halloway\u2019s doctor is calling the candidate fit.\n\n"
        "The former governor is a triathlete. He said he had climbed the highest peaks on "
        "all seven continents."
    )
    record = next(r for r in extract(text) if "highest peaks" in r["content"])
    assert record["speaker"] == "Gary Halloway"


def test_a_bare_surname_in_an_item_is_the_bearer_that_item_names():
    text = (
        "Libertarian candidate Gary Halloway toured Ohio. Gary Halloway said taxes were too "
        "high. Gary Halloway also said the debates were unfair.\n\n"
        "___\n\n"
        "Homeland Security Secretary Jeh Halloway says hackers are targeting election "
        f"offices.\n\n{FILLER}\n\n"
        "Halloway said local officials should ask the federal government for help."
    )
    record = next(r for r in extract(text) if "local officials" in r["content"])
    assert record["speaker"] == "Jeh Halloway"


def test_a_titled_name_the_first_name_table_lacks_keeps_its_own_page(store):
    body = (
        "Libertarian candidate Gary Halloway toured Ohio.\n\n"
        "Homeland Security Secretary Jeh Halloway says hackers are targeting election offices."
    )
    built = article("Harbor Daily", "latest", "2024-05-01", body)
    _, [gary, jeh] = index(
        store,
        Linker(store),
        (
            built,
            [
                quote(body, "Libertarian candidate Gary Halloway toured Ohio", "Gary Halloway"),
                quote(
                    body,
                    "hackers are targeting election offices",
                    "Jeh Halloway",
                    role="Homeland Security Secretary",
                ),
            ],
        ),
    )
    assert gary["speaker_id"] == "gary-halloway"
    assert jeh["speaker_id"] == "jeh-halloway"
