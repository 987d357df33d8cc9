"""A name written with an initial ("T. Marsh") is filed under the one person its own
article names in full with that initial, and nowhere else: never under a Marsh whose given
name starts with another letter, never under whichever T. Marsh the corpus happened to meet
first, and never on a page pooling every article's "T. Marsh" (Tom and Tina share it).
"""

from __future__ import annotations

from itertools import permutations

from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker

LENA = "Lena Marsh chairs the board.\n\n\u201cThe port will reopen in June,\u201d Lena Marsh said."
TOM = "Tom Marsh coaches the under-12 team.\n\n\u201cWe train on Tuesdays,\u201d Tom Marsh said."
TINA = "Tina Marsh runs the bakery.\n\n\u201cBread is up again,\u201d Tina Marsh said."
FERRY = "The ferry timetable changed again.\n\n\u201cNobody told us anything,\u201d T. Marsh said."
FERRY_NO_STOP = "The ferry was late again.\n\n\u201cNobody told us a thing,\u201d T Marsh said."
SISTER = (
    "Lena Marsh chairs the harbor board; her brother Tom Marsh runs the ferry.\n\n"
    "\u201cThe boats are old,\u201d T. Marsh said."
)
OTHER_LETTER = (
    "Lena Marsh chairs the harbor board, and the ferry is run by her family.\n\n"
    "\u201cThe boats are old,\u201d T. Marsh said."
)


def _index(store, linker, slug, body):
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Harbor {slug} story")
    _, [said] = index(store, linker, (built, extract(body)))
    return store.get_speaker(said["speaker_id"])


def test_an_initial_joins_the_full_name_its_own_article_gives_with_that_initial(store):
    linker = Linker(store)
    assert _index(store, linker, "sister", SISTER)["id"] == "tom-marsh"
    page = _index(store, linker, "other-letter", OTHER_LETTER)
    assert page["id"] != "lena-marsh"  # "L" is not "T": the article's own T. Marsh
    assert page["name"] == "T. Marsh (in Harbor other-letter story)"


def test_a_t_marsh_the_article_never_names_in_full_is_no_corpus_person_in_any_order(
    open_store,
):
    stories = [("lena", LENA), ("tom", TOM), ("ferry", FERRY), ("tina", TINA),
               ("ferry-no-stop", FERRY_NO_STOP)]
    seen = []
    for order in list(permutations(stories[:3])) + [stories, stories[::-1]]:
        store = open_store("sqlite")
        linker = Linker(store)
        pages = {slug: _index(store, linker, slug, body)["name"] for slug, body in order}
        seen.append({slug: pages[slug] for slug in ("lena", "tom", "ferry")})
        if len(pages) == len(stories):
            assert pages["tina"] == "Tina Marsh"
            assert pages["ferry-no-stop"] == "T Marsh (in Harbor ferry-no-stop story)"
    assert all(pages == seen[0] for pages in seen)
    assert seen[0] == {
        "lena": "Lena Marsh",
        "tom": "Tom Marsh",
        "ferry": "T. Marsh (in Harbor ferry story)",
    }
