"""Agency copy signed by the agency: a newspaper running a wire story under the agency's
byline ("Author: CPA") or sign-off ("- CPA" on the last line), its text rewritten in
places, is a syndicated copy of the agency's own article: it names the agency as its
original outlet and points at the agency's article carrying the same quotes. A reporter's
byline, or an outlet never seen, names no original. Runs on both engines.
"""

from __future__ import annotations

from link_corpus import article, index, quote

from indexer.link import Linker
from indexer.link.syndication import signing_outlets

HOLD = "We are not yet at the point where we can declare victory"
PRICES = "Core prices are still rising faster than wages"


def _agency_story(store, linker):
    body = (
        f'SELM, Nov 27 (CPA) - The central bank held rates. "{HOLD}," Governor Anneliese '
        f'Brandt told reporters. "{PRICES}," she said.'
    )
    return index(store, linker, (
        article("Continental Press Agency", "bank-holds", "2026-11-27", body),
        [quote(body, HOLD, "Anneliese Brandt"), quote(body, PRICES, "Anneliese Brandt")],
    ))


def _newspaper_copy(authors, sign_off=""):
    body = (
        f"The Karsk central bank kept its main rate at 6.25 per cent on Friday.\n\n'{HOLD},' "
        f"Governor Anneliese Brandt told reporters. '{PRICES}.'{sign_off}"
    )
    return (
        article("Daily Globe", "karsk-bank-holds-rates", "2026-11-28", body, authors=authors),
        [quote(body, HOLD, "Anneliese Brandt"), quote(body, PRICES, "Anneliese Brandt")],
    )


def test_a_copy_under_the_agency_byline_and_sign_off_points_at_the_agency_article(store):
    linker = Linker(store)
    original, _ = _agency_story(store, linker)
    copy, _ = index(store, linker, _newspaper_copy(["CPA"], "\n\n- CPA"))
    assert copy["original_outlet"] == "Continental Press Agency"
    assert copy["syndicated_from"] == original["id"]


def test_the_sign_off_alone_names_the_agency(store):
    linker = Linker(store)
    original, _ = _agency_story(store, linker)
    copy, _ = index(store, linker, _newspaper_copy(["Yaryna Bondar"], "\n\n\u2014 CPA"))
    assert copy["original_outlet"] == "Continental Press Agency"
    assert copy["syndicated_from"] == original["id"]


def test_a_reporter_byline_or_an_unknown_sign_off_names_no_original(store):
    linker = Linker(store)
    _agency_story(store, linker)
    copy, _ = index(store, linker, _newspaper_copy(["Yaryna Bondar"], "\n\n- XYZ"))
    assert copy["original_outlet"] is None and copy["syndicated_from"] is None


def test_signing_outlets_reads_the_sign_off_and_the_byline():
    signed = {"body": "Text.\n\n- CPA", "authors": ["Yaryna Bondar", "Reuters"]}
    assert signing_outlets(signed) == ["CPA", "Yaryna Bondar", "Reuters"]
    # a dash opening a sentence of text is no sign-off
    assert signing_outlets({"body": "Text.\n- and then the minister left the room for good"}) == []


def test_a_signed_copy_that_rewrote_all_but_one_quotation_still_points_at_the_original(store):
    """The agency's copy in a newspaper keeps one quotation word for word and rewords the
    other ("wages" -> "salaries"): signed by the agency, one shared quotation suffices."""
    linker = Linker(store)
    original, _ = _agency_story(store, linker)
    reworded = PRICES.replace("wages", "salaries")
    body = f"'{HOLD},' Governor Anneliese Brandt told reporters. '{reworded}.'\n\n- CPA"
    copy, _ = index(store, linker, (
        article("Daily Globe", "rates-held", "2026-11-28", body, authors=["CPA"]),
        [quote(body, HOLD, "Anneliese Brandt"), quote(body, reworded, "Anneliese Brandt")],
    ))
    assert copy["syndicated_from"] == original["id"]
    unsigned = body.replace("- CPA", "").rstrip()
    other, _ = index(store, linker, (
        article("Morning Star", "rates-held", "2026-11-28", unsigned, authors=[],
                original_outlet="Continental Press Agency"),  # as a wire dateline says
        [quote(unsigned, HOLD, "Anneliese Brandt"), quote(unsigned, reworded, "Anneliese Brandt")],
    ))
    assert other["original_outlet"] == "Continental Press Agency"
    assert other["syndicated_from"] is None  # unsigned: one shared quotation is not enough


def test_a_signed_copy_that_reworded_its_only_quotation_points_at_the_original(store):
    """The copy's one quotation is the agency's with a word changed, kept as another
    statement: signed by the agency, that resemblance is the near-duplicate text."""
    linker = Linker(store)
    said = f"{HOLD}. {PRICES}"
    body = f'SELM (CPA) - "{said}," Governor Anneliese Brandt told reporters.'
    original, _ = index(store, linker, (
        article("Continental Press Agency", "joined", "2026-11-27", body),
        [quote(body, said, "Anneliese Brandt")],
    ))
    reworded = said.replace("wages", "salaries")
    copy_body = f"'{reworded},' Governor Anneliese Brandt told reporters.\n\n- CPA"
    copy, linked = index(store, linker, (
        article("Daily Globe", "joined-copy", "2026-11-28", copy_body, authors=["CPA"]),
        [quote(copy_body, reworded, "Anneliese Brandt")],
    ))
    assert linked[0]["statement_id"] != statement_of(store, original["id"])
    assert copy["syndicated_from"] == original["id"]


def statement_of(store, article_id: str) -> str:
    [attribution] = store.article_attributions(article_id)
    return attribution["statement_id"]
