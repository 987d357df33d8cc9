"""One page per person across the corpus: labels and descriptors never make a new person,
a bare surname shared by two known people stays apart, and a description is no name."""

from __future__ import annotations

from link_corpus import article, index, quote

from indexer.link import Linker


def _said(store, linker, slug, lines):
    """Index one article whose paragraphs are ``"quote," NAME said.``; its attributions."""
    body = "\n\n".join(f'"{text}," {name} said.' for text, name in lines)
    atts = [quote(body, text, name) for text, name in lines]
    return index(store, linker, (article("Harbor Daily", slug, "2024-05-01", body), atts))[1]


def test_party_labels_and_nicknames_join_the_person_and_go_to_the_role(store):
    linker = Linker(store)
    first = _said(store, linker, "a", [("Walls work", "Republican Donald Trump")])
    second = _said(
        store,
        linker,
        "b",
        [("We will win", "Donald Trump"), ("Sad", "Demogorgon Trump")],
    )
    third = _said(
        store,
        linker,
        "c",
        [("Budget now", "Conservative Leader Ray Dunmore"), ("No deal", "Ray Dunmore")],
    )
    assert {a["speaker_id"] for a in first + second} == {"donald-trump"}
    assert {a["speaker_id"] for a in third} == {"ray-dunmore"}
    assert store.get_speaker("donald-trump")["name"] == "Donald Trump"
    assert "Conservative Leader" in store.get_speaker("ray-dunmore")["roles"]


def test_a_bare_surname_of_two_known_people_joins_neither(store):
    linker = Linker(store)
    _said(store, linker, "a", [("Cook it slowly", "Mira Kovac")])
    _said(store, linker, "b", [("Roads first", "Tomas Kovac")])
    (bare,) = _said(store, linker, "c", [("Taste everything", "Kovac")])
    assert bare["speaker_id"] not in ("mira-kovac", "tomas-kovac")
    assert store.get_speaker(bare["speaker_id"])["article_id"] == bare["article_id"]
    # "Mrs." says a woman, not which one: no Kovac named in her article, a page of its own
    body = '"Salt early," said Mrs. Kovac.'
    _, (decided,) = index(
        store,
        linker,
        (
            article("Harbor Daily", "d", "2024-05-02", body),
            [quote(body, "Salt early", "Kovac", speaker_text="Mrs. Kovac")],
        ),
    )
    assert decided["speaker_id"] not in ("mira-kovac", bare["speaker_id"])
    assert store.get_speaker(decided["speaker_id"])["article_id"] == decided["article_id"]


def test_a_description_is_unresolved_not_the_person_it_mentions(store):
    linker = Linker(store)
    atts = _said(
        store,
        linker,
        "a",
        [
            ("We have the votes", "Hillary Clinton"),
            ("Not today", "spokeswoman for Hillary Clinton"),
            ("Soon", "Clinton's team"),
            ("Denied", "New York judge"),
        ],
    )
    assert [a["speaker_id"] for a in atts] == ["hillary-clinton", None, None, None]
    assert atts[1]["speaker_text"] == "spokeswoman for Hillary Clinton"


def test_a_sentence_word_before_a_surname_is_not_a_first_name(store):
    body = (
        '"Change is hard," said Barack Obama.\n\n'
        "What Obama wanted was time.\n\n"
        '"We will get there," Obama said.'
    )
    _, atts = index(
        store,
        Linker(store),
        (
            article("Harbor Daily", "a", "2024-05-01", body),
            [quote(body, "We will get there", "Obama")],
        ),
    )
    assert atts[0]["speaker"] == "Barack Obama"
