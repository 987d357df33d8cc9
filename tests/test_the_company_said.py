""""The company said", "the firm said": a reader knows which company is meant when the
article names exactly one, and a fact-checker finds the statement on that company's page.
With two companies, or none the text names as one, it stays an honest unresolved.
"""

from __future__ import annotations

from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker


def _said(store, slug, body, words):
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Harbor {slug} story")
    _, atts = index(store, Linker(store), (built, extract(body)))
    return next(a for a in atts if words in a["content"])


def test_the_company_is_the_one_company_its_article_names(store):
    body = (
        "Halvern Pharmaceuticals recalled 40,000 inhalers on Monday after a batch failed "
        "inspection.\n\n\u201cWe acted out of caution,\u201d the company said in a statement."
    )
    said = _said(store, "recall", body, "out of caution")
    assert said["speaker_id"] == "halvern-pharmaceuticals"
    assert said["speaker_resolution"] == "description"
    assert store.get_speaker("halvern-pharmaceuticals")["type"] == "organization"


def test_the_firm_is_the_one_firm_named_even_after_a_regulator_spoke(store):
    body = (
        "The Maritime Safety Authority fined Brightwater Shipping Ltd on Tuesday for "
        "overloading a ferry.\n\n"
        "\u201cThe ferry carried 40 more passengers than allowed,\u201d the authority said.\n\n"
        "Passengers described a crowded deck and a late departure from the quay.\n\n"
        "\u201cWe will appeal the fine,\u201d the firm said."
    )
    assert _said(store, "fine", body, "appeal")["speaker"] == "Brightwater Shipping Ltd"


def test_with_two_companies_named_the_company_stays_unresolved(store):
    body = (
        "Halvern Pharmaceuticals and Ostra Labs both recalled inhalers this week.\n\n"
        "Pharmacists said the shelves were empty by Wednesday and patients were sent home.\n\n"
        "\u201cWe acted out of caution,\u201d the company said."
    )
    said = _said(store, "two", body, "out of caution")
    assert said["speaker_id"] is None and said["speaker_resolution"] == "unresolved"
    later = body.replace("Halvern Pharmaceuticals and Ostra Labs both", "Halvern Pharmaceuticals")
    later += "\n\nOstra Labs, its supplier, declined to comment."
    said = _said(store, "later", later, "out of caution")
    assert said["speaker_id"] is None  # a second company further on: still which one?
