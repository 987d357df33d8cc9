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
    ],
)
def test_which_denials_point_back(content: str, points_back: bool) -> None:
    assert is_back_reference(content) is points_back
