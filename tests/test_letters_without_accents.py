"""A name written with a letter that has no accent to drop ("ł", "ø", "đ", "ß", "æ", "ı")
is the same person as its plain Latin spelling: a fact-checker opening Lech Walesa's page
reads what the Polish press quoted as "Wałęsa", and Søren Østergaard's quotes sit with
"Soren Ostergaard"'s, not on a page of their own with letters missing from its id.
"""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker
from indexer.link.speakers import fold
from schemas.ids import slug


def _speaker(store, linker, slug_, body):
    built = article("Harbor Daily", slug_, "2024-05-01", body, title=f"Harbor {slug_} story")
    _, [said] = index(store, linker, (built, extract(body)))
    return said["speaker_id"]


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Lech Wałęsa", "Lech Walesa"),
        ("Søren Østergaard", "Soren Ostergaard"),
        ("Đorđe Marković", "Dorde Markovic"),
        ("Greta Weiß", "Greta Weiss"),
        ("Ægir Dæhlie", "Aegir Daehlie"),
        ("Kıvanç Yıldız", "Kivanc Yildiz"),
    ],
)
def test_a_name_with_a_letter_that_has_no_accent_to_drop_is_its_plain_spelling(
    store, written, plain
):
    linker = Linker(store)
    first = _speaker(
        store, linker, "shipyard", f"\u201cThe shipyard will stay open,\u201d {written} said."
    )
    second = _speaker(
        store, linker, "shipyard-2", f"\u201cWe have the orders for it,\u201d {plain} said."
    )
    assert first == second == slug(plain)
    assert fold(written) == fold(plain)
    assert store.get_speaker(first)["name"] in (written, plain)
