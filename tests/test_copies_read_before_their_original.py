"""A syndicated copy read before its wire original (issue 4): the order articles arrive in
changes nothing a reader sees. Whether the copy comes first in one file or in an earlier
run, the statement's journey counts one independent outlet, links the copy to the original
article once it is stored, and "copy of AWS" (the initials the copy's dateline gave) leads
to the wire's outlet page, not to a missing one. On SQLite and Elasticsearch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from indexing import index_in_process

from store.base import Store
from store.provenance import check_claim
from webapp import create_app

BODY = (
    "WASHINGTON (AWS) \u2014 A deal on border funding collapsed late Tuesday.\n\n"
    '"We were three votes short and everybody knew it," said Sen. Maria Gonzalez.'
)
COPY = {
    "url": "https://metrodaily.example/2026/11/26/border",
    "title": "Senate deal collapses",
    "outlet": "Metro Daily",
    "published": "2026-11-26",
    "body": BODY,
}
WIRE = {**COPY, "url": "https://wirenews.example/2026/11/25/border",
        "outlet": "American Wire Service", "published": "2026-11-25"}
CLAIM = "We were three votes short and everybody knew it"


def indexed(store: Store, tmp_path: Path, name: str, *articles: dict[str, str]) -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    index_in_process(store, path, tmp_path / f"state-{name}")


@pytest.mark.parametrize("runs", ["one file, copy first", "copy in an earlier run"])
def test_a_copy_read_first_counts_as_its_original(
    new_store: Store, tmp_path: Path, runs: str
) -> None:
    if runs == "one file, copy first":
        indexed(new_store, tmp_path, "both", COPY, WIRE)
    else:
        indexed(new_store, tmp_path, "copy", COPY)
        indexed(new_store, tmp_path, "wire", WIRE)
    journey = check_claim(new_store, CLAIM)[0]["journey"]
    assert journey["distinct_outlets"] == 1
    wire, copy = journey["appearances"]
    assert (wire["outlet"], wire["syndicated"]) == ("American Wire Service", False)
    assert copy["syndicated"] and copy["syndicated_from"] == wire["article_id"]
    assert copy["original_outlet_id"] == wire["outlet_id"]

    client = create_app(new_store, {"TESTING": True}).test_client()
    page = client.get("/speakers/maria-gonzalez").get_data(as_text=True)
    links = {part.split('"')[0] for part in page.split('href="/outlets/')[1:]}
    assert links >= {"metro-daily"}
    for link in links:  # every outlet link of the page leads to a page
        assert client.get(f"/outlets/{link}", follow_redirects=True).status_code == 200, link
    wire_page = client.get("/outlets/aws")  # the initials the copy's dateline gave
    assert wire_page.status_code == 302
    assert wire_page.headers["Location"].endswith("/outlets/american-wire-service")


def test_initials_of_no_outlet_carrying_the_story_find_nothing(new_store: Store, tmp_path: Path):
    indexed(new_store, tmp_path, "copy", COPY)
    client = create_app(new_store, {"TESTING": True}).test_client()
    assert client.get("/outlets/xyz").status_code == 404


def test_a_copy_whose_original_never_arrives_leads_to_a_page_of_its_source(
    new_store: Store, tmp_path: Path
) -> None:
    """The wire's own story never comes: "copy of AWS" still leads to a page, the one of
    the outlet the copy's dateline named, listing the copies of its stories."""
    indexed(new_store, tmp_path, "copy", COPY)
    client = create_app(new_store, {"TESTING": True}).test_client()
    page = client.get("/speakers/maria-gonzalez").get_data(as_text=True)
    links = {part.split('"')[0] for part in page.split('href="/outlets/')[1:]}
    assert links == {"metro-daily", "aws"}
    for link in links:
        assert client.get(f"/outlets/{link}").status_code == 200, link
    wire = client.get("/outlets/aws").get_data(as_text=True)
    assert "Copies of its stories" in wire and "three votes short" in wire
