"""A syndication credit names the original outlet, and only its name (issue #10).

A reader of a republished story ending "This article originally appeared on the Continental
Press Agency wire. Read the original article on wire.example." expects the copy to lead to
the Continental Press Agency's page and to its original article, with the statement counted
once; "This story was first published by Metro Ledger and is republished with permission."
credits "Metro Ledger", never "Metro Ledger and is republished with permission".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from indexing import index_in_process

from indexer.read.boilerplate import clean_body, credited_outlet
from store.base import Store
from store.provenance import check_claim

QUOTE = "The surprise is in the tone, not the decision"
BODY = (
    "BRENNA, Nov 20 (CPA) - Lirvania's central bank kept its main rate at 4.25% on Thursday."
    f'\n\n"Markets had priced a hold," said Ilse Novak, an economist. "{QUOTE}."'
)
ORIGINAL = {
    "url": "https://wire.example/markets/lirvania-rates-hold",
    "title": "Lirvania holds rates",
    "outlet": "Continental Press Agency",
    "published": "2026-11-20",
    "body": BODY + "\n\n(Reporting by Marta Kovac; Editing by Peter Lind)",
}
COPY = {
    "url": "https://newshub.example/world/lirvania-holds-rates",
    "title": "Lirvania holds rates",
    "outlet": "NewsHub Daily",
    "published": "2026-11-20",
    "body": BODY + "\n\nThis article originally appeared on the Continental Press Agency wire."
    " Read the original article on wire.example.",
}


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("This article originally appeared on the Continental Press Agency wire. Read the "
         "original article on wire.example.", "Continental Press Agency"),
        ("This story was first published by Metro Ledger and is republished with permission.",
         "Metro Ledger"),
        ("Republished with permission of The Conversation under a Creative Commons licence.",
         "The Conversation"),
        ("Originally published in the St. Louis Post-Dispatch.", "St. Louis Post-Dispatch"),
        ("Read the original article on Business Insider", "Business Insider"),
    ],
)
def test_a_credit_line_gives_the_outlet_name_and_leaves_the_body(credit: str, outlet: str) -> None:
    cleaned = clean_body(f"The council voted 7-4 on Monday.\n\n{credit}")
    assert cleaned.original_outlet == outlet
    assert cleaned.body == "The council voted 7-4 on Monday."
    assert credited_outlet(credit) == outlet


def test_a_sentence_about_publishing_is_no_credit() -> None:
    assert credited_outlet("The mayor said the report was published on Monday.") is None


def test_a_credited_copy_links_to_its_original_and_counts_one_outlet(
    new_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "both.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in (ORIGINAL, COPY)), encoding="utf-8")
    index_in_process(new_store, path, tmp_path / "state")
    journey = check_claim(new_store, QUOTE)[0]["journey"]
    assert journey["distinct_outlets"] == 1
    original, copy = journey["appearances"]
    assert original["outlet"] == "Continental Press Agency" and not original["syndicated"]
    assert copy["syndicated"] and copy["syndicated_from"] == original["article_id"]
    assert copy["original_outlet_id"] == original["outlet_id"]
