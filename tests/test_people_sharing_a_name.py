"""People who share a name keep their own words: a fact-checker opening Lena Marsh's page
finds none of Tom Marsh's quotes, and no page pools every article's "Marsh said".

A bare surname joins the full name its own article gives; an article that never gives one
has a page of its own for that person (or the quote stays unresolved), whatever the corpus
knew before or learns later. Inside one article, siblings and spouses sharing a surname are
told apart by the name just written, by honorific and by first name; where the text does
not say which one, the surname stays as written, never a confident wrong name.
"""

from __future__ import annotations

import json
from pathlib import Path

from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker
from store.base import SearchQuery

COACH = (
    "Tom Marsh has coached the under-12 team at Harbor Park for nine years.\n\n"
    "\u201cWe train on Tuesdays, rain or shine,\u201d Marsh said."
)
CHAIR = (
    "Lena Marsh, who chairs the harbor board, spoke after the vote on Monday.\n\n"
    "\u201cThe port will reopen in June,\u201d Marsh said."
)
FERRY = (  # a Marsh the article never names in full
    "The ferry timetable changed again this week, and commuters were not warned.\n\n"
    "\u201cNobody told us anything,\u201d Marsh said."
)
SIBLINGS = (
    "Walter Brennick, 70, said his brother had \u201cemptied the family accounts.\u201d\n\n"
    "Hugh Brennick, 66, denied it. \u201cWalter never kept the books,\u201d Hugh Brennick "
    "said.\n\n"
    "Their sister, Maeve Brennick, said she was \u201cworn out by both of them.\u201d "
    "Brennick added that she would sell her share.\n\n"
    "Mr. Brennick, the elder, said he would go to court."
)


def _index(store, linker, slug, body):
    """Extract, link and store one article of the Harbor Daily; its linked attributions."""
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Harbor {slug} story")
    return index(store, linker, (built, extract(body)))


def _said(atts, words):
    return next(a for a in atts if words in a["content"])


def test_each_article_s_bare_surname_joins_the_full_name_that_article_gives(store):
    linker = Linker(store)
    coach = _said(_index(store, linker, "coach", COACH)[1], "train on Tuesdays")
    chair = _said(_index(store, linker, "chair", CHAIR)[1], "reopen in June")
    assert (coach["speaker_id"], chair["speaker_id"]) == ("tom-marsh", "lena-marsh")
    assert store.get_speaker("marsh") is None  # no page pools the Marshes
    for person, words in (("tom-marsh", "We train"), ("lena-marsh", "The port")):
        page = store.search(SearchQuery(filters={"speaker": (person,)}, facets=False))
        assert [h.attribution["content"][1:9] for h in page.hits] == [words]


def test_an_article_that_never_names_its_marsh_in_full_keeps_her_on_a_page_of_its_own(store):
    linker = Linker(store)
    _, [chair] = _index(store, linker, "chair", CHAIR)
    ferry_article, [ferry] = _index(store, linker, "ferry", FERRY)  # one Marsh known: still no
    _, [coach] = _index(store, linker, "coach", COACH)
    again = FERRY.replace("anything", "a thing")
    later_article, [later] = _index(store, linker, "ferry-again", again)
    assert ferry["speaker_id"] not in (None, chair["speaker_id"], coach["speaker_id"])
    assert later["speaker_id"] not in (None, chair["speaker_id"], ferry["speaker_id"])
    page = store.get_speaker(ferry["speaker_id"])
    assert page["name"] == "Marsh (in Harbor ferry story)"
    assert page["article_id"] == ferry_article["id"]
    assert store.get_speaker(later["speaker_id"])["article_id"] == later_article["id"]
    assert "Marsh" not in store.get_speaker("lena-marsh")["aliases"]


def test_the_order_articles_arrive_in_never_changes_whose_page_a_quote_is_on(open_store):
    stories = [("chair", CHAIR), ("ferry", FERRY), ("coach", COACH)]
    seen = []
    for order in (stories, stories[::-1], [stories[1], stories[0], stories[2]]):
        store = open_store("sqlite")
        linker = Linker(store)
        pages = {}
        for slug, body in order:
            (att,) = _index(store, linker, slug, body)[1]
            pages[slug] = store.get_speaker(att["speaker_id"])["name"]
        seen.append(pages)
    assert seen[0] == seen[1] == seen[2]
    assert seen[0]["ferry"] == "Marsh (in Harbor ferry story)"


def test_a_sister_is_told_from_her_brothers_and_the_undecided_brother_is_no_one_s_quote(store):
    _, atts = _index(store, Linker(store), "siblings", SIBLINGS)
    assert _said(atts, "emptied the family")["speaker_id"] == "walter-brennick"
    assert _said(atts, "never kept the books")["speaker_id"] == "hugh-brennick"
    assert _said(atts, "worn out")["speaker_id"] == "maeve-brennick"
    # the surname right after her full name continues it, though a "Mr. Brennick" is written
    assert _said(atts, "sell her share")["speaker_id"] == "maeve-brennick"
    # two Mr. Brennicks and nothing that says which: the article's own Brennick, no brother
    elder = _said(atts, "go to court")
    assert elder["speaker_id"] not in ("walter-brennick", "hugh-brennick", "maeve-brennick")
    assert store.get_speaker(elder["speaker_id"])["name"] == "Brennick (in Harbor siblings story)"


def test_a_title_or_first_name_in_the_article_decides_between_a_couple(store):
    body = (
        "Irene Vasko and her husband, Pavel Vasko, have run the mill shop since 1998.\n\n"
        "\u201cThe rent doubled in a year,\u201d Mrs. Vasko said.\n\n"
        "The landlord did not answer calls. The shop closes in March, and the couple has "
        "not found another place on the high street that they can afford.\n\n"
        "\u201cWe will sell online,\u201d Mr. Vasko said."
    )
    _, atts = _index(store, Linker(store), "mill", body)
    assert _said(atts, "rent doubled")["speaker_id"] == "irene-vasko"
    assert _said(atts, "sell online")["speaker_id"] == "pavel-vasko"


def test_a_newsroom_that_lists_the_bare_name_as_an_alias_decides_for_its_articles(
    store, tmp_path: Path
):
    from indexer.link.authority import import_people

    people = tmp_path / "people.jsonl"
    people.write_text(
        json.dumps({"name": "Lena Marsh", "aliases": ["Marsh"], "type": "person"}) + "\n",
        encoding="utf-8",
    )
    assert import_people(store, people).problems == []
    linker = Linker(store)
    _, [coach] = _index(store, linker, "coach", COACH)
    _, [ferry] = _index(store, linker, "ferry", FERRY)
    assert coach["speaker_id"] == "tom-marsh"  # his own article names him: the alias never wins
    assert ferry["speaker_id"] == "lena-marsh"  # the newsroom said a bare Marsh is Lena


def test_a_mother_named_with_her_son_keeps_her_words_and_a_pair_named_together_stays_apart(
    store,
):
    linker = Linker(store)
    mother = (
        "Patricia Quill, mother of the late firefighter Aaron Quill, rejected the council's "
        "account on Thursday.\n\n"
        "\u201cThey lied to me at the funeral,\u201d Quill said."
    )
    _, atts = _index(store, linker, "funeral", mother)
    assert _said(atts, "lied to me")["speaker_id"] == "patricia-quill"  # the sentence's subject
    pair = (
        "Ruth Alder and her daughter, Joan Alder, run the wool shop on Quay Street.\n\n"
        "\u201cWe open at nine, even on Sundays,\u201d Ms. Alder said."
    )
    _, atts = _index(store, linker, "wool", pair)
    either = _said(atts, "open at nine")["speaker_id"]
    assert either not in ("ruth-alder", "joan-alder")
    assert store.get_speaker(either)["name"] == "Alder (in Harbor wool story)"
