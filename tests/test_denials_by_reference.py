"""A reader checks a claim a newspaper reported a politician made, which his spokesman then
denied (issue 12): "According to The Washington Ledger, ... Hale privately told colleagues
that the bill 'could never pass the House.' A spokesman for Hale, Kevin Marsh, denied that
Hale had said any such thing." The check says the claim is denied, by the spokesman; Hale's
page words the claim as the newspaper's report; a denial that words its own proposition
stays its own statement. On SQLite and Elasticsearch."""

from __future__ import annotations

from pathlib import Path

import pytest
from indexing import index_in_process

from indexer.link.denials import is_back_reference
from store.base import Store
from store.provenance import check_claim
from webapp import create_app

HEADER = (
    "Title: {title}\nURL: https://tests.example/{slug}\nOutlet: Test Gazette\nDate: 2026-11-25\n\n"
)


def indexed(store: Store, tmp_path: Path, slug: str, body: str) -> None:
    path = tmp_path / f"{slug}.txt"
    path.write_text(HEADER.format(title=slug.title(), slug=slug) + body, encoding="utf-8")
    index_in_process(store, path, tmp_path / "state")


SPOKESMAN = (
    "According to The Washington Ledger, Senate Minority Leader Robert Hale privately told "
    'colleagues that the bill "could never pass the House."\n\n'
    "A spokesman for Hale, Kevin Marsh, denied that Hale had said any such thing.\n"
)


def test_a_spokesmans_denial_of_a_reported_remark_is_tied_to_the_claim(
    new_store: Store, tmp_path: Path
) -> None:
    indexed(new_store, tmp_path, "hale", SPOKESMAN)
    match = check_claim(new_store, "the bill could never pass the House")[0]
    assert match["denied"] is True and match["denied_by"] == ["Kevin Marsh"]
    assert match["contradicts"] is True and match["near_duplicate"] is False

    client = create_app(new_store, {"TESTING": True}).test_client()
    page = client.get("/speakers/robert-hale").get_data(as_text=True)
    assert "According to The Washington Ledger, Robert Hale said that" in page


def test_the_speaker_denying_his_own_words_by_reference(new_store: Store, tmp_path: Path) -> None:
    body = (
        'Mayor Frank Delgado told the council that the depot "will be sold by March."\n\n'
        "Delgado later denied that he had said so.\n"
    )
    indexed(new_store, tmp_path, "depot", body)
    match = check_claim(new_store, "the depot will be sold by March")[0]
    # he said it first-hand and denied it: both stand, the claim is not simply denied
    assert match["denied"] is False and match["denied_by"] == ["Frank Delgado"]
    assert match["journey"]["denials"] == 1 and match["journey"]["attributions"] == 2


def test_a_denial_wording_its_own_claim_is_not_tied_to_an_earlier_one(
    new_store: Store, tmp_path: Path
) -> None:
    body = (
        'Senator Robert Hale said the bill "could never pass the House."\n\n'
        "His spokesman, Kevin Marsh, denied that the senator would vote against it.\n"
    )
    indexed(new_store, tmp_path, "vote", body)
    match = check_claim(new_store, "the bill could never pass the House")[0]
    assert match["denied"] is False and match["denied_by"] == []


def test_an_office_denying_by_pronoun_a_reported_promise(new_store: Store, tmp_path: Path) -> None:
    """"X's office later denied that he had made any such promise": the office names X, the
    pronoun stands for him, the promise is the one the newspaper reported."""
    body = (
        "According to the Northshire Ledger, Senator Robert Hale promised union leaders that "
        'the plant "will stay open until 2030."\n\n'
        "Hale's office later denied that he had made any such promise.\n"
    )
    indexed(new_store, tmp_path, "plant", body)
    match = check_claim(new_store, "the plant will stay open until 2030")[0]
    assert match["denied"] is True and match["denied_by"] == ["Hale's office"]
    assert match["contradicts"] is True


def test_a_company_denying_the_report_an_outlet_made(new_store: Store, tmp_path: Path) -> None:
    """"The company denied the report": the denial is kept (the object names the earlier
    report, not a plan or a deal) and tied to what the radio reported."""
    body = (
        "Acme Corp will close its Ohio plant next year, Lakeshore Radio reported on Monday.\n\n"
        "The company denied the report.\n"
    )
    indexed(new_store, tmp_path, "acme", body)
    match = check_claim(new_store, "Acme will close its Ohio plant next year")[0]
    assert match["denied_by"] == ["Acme Corp"]
    assert match["journey"]["denials"] == 1 and match["journey"]["attributions"] == 2


def test_someone_saying_he_never_said_that_denies_the_hearsay(
    new_store: Store, tmp_path: Path
) -> None:
    """"Y said he never said that": no denying verb, the saying itself negated; the words
    deny what Hale reportedly told donors, on Hale's behalf."""
    body = (
        "Senator Robert Hale reportedly told donors that the fuel tax would be scrapped by "
        "spring.\n\nHis deputy, Mayor Dana Fisk, said he never said that.\n"
    )
    indexed(new_store, tmp_path, "fuel", body)
    match = check_claim(new_store, "the fuel tax would be scrapped by spring")[0]
    assert match["denied"] is True and match["denied_by"] == ["Dana Fisk"]
    assert match["contradicts"] is True


def test_a_report_denied_where_no_report_was_made_is_tied_to_nothing(
    new_store: Store, tmp_path: Path
) -> None:
    body = (
        "Senator Robert Hale said the fuel tax would be scrapped by spring.\n\n"
        "The company denied the report.\n"
    )
    indexed(new_store, tmp_path, "nothing", body)
    match = check_claim(new_store, "the fuel tax would be scrapped by spring")[0]
    assert match["denied"] is False and match["denied_by"] == []


@pytest.mark.parametrize(
    ("content", "points_back"),
    [
        ("that Hale had said any such thing", True),
        ("saying so", True),
        ("that he had ever made those comments", True),
        ("the remarks", True),
        ("that it would raise taxes", False),
        ("that the bill could never pass the House", False),
        ("the allegations", False),
        ("that he had made any such promise", True),
        ("the report", True),
        ("he never said that", True),
        ("that she did not make those remarks", True),
        ("he never said the tax would go", False),
        ("the plan", False),
    ],
)
def test_which_denials_point_back(content: str, points_back: bool) -> None:
    assert is_back_reference(content) is points_back
