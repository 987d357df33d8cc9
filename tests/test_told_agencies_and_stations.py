"""Speakers telling a news agency or a radio station by its short name relay through it
(issue #10): "the CM told PTI" and "Mr Dutton told 2GB" file the words under PTI and 2GB
as "told AFP" and "told the BBC" do, while "told MPs" and "told reporters" stay no outlet.
"""

from __future__ import annotations

import pytest

from indexer.extract import extract

CLAIM = "the government had lost control of the borders"


@pytest.mark.parametrize("outlet", ["PTI", "ANI", "2GB", "3AW", "AFP", "the BBC"])
def test_telling_an_agency_or_station_relays_through_it(outlet: str) -> None:
    records = [r for r in extract(f"Mr Dutton told {outlet} {CLAIM}.") if "borders" in r["content"]]
    assert [(r["speaker"], r["via_outlets"]) for r in records] == [
        ("Dutton", [outlet.removeprefix("the ")])
    ]


def test_a_quote_told_to_an_agency_after_it_relays_through_it() -> None:
    body = '"Every pothole must be filled by December 15," the minister told PTI.'
    [record] = extract(body)
    assert record["via_outlets"] == ["PTI"]


@pytest.mark.parametrize("audience", ["MPs", "reporters", "the BBC's lawyers"])
def test_telling_people_is_no_outlet(audience: str) -> None:
    records = [
        r for r in extract(f"Mr Dutton told {audience} {CLAIM}.") if "borders" in r["content"]
    ]
    assert records and all(r["via_outlets"] == [] for r in records)


def test_a_quantity_in_gigabytes_is_no_station() -> None:
    records = extract("The leaked file was 2GB in size, Mr Dutton said.")
    assert all(r["via_outlets"] == [] for r in records)
