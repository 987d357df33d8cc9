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


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("A Reuters report said the office would close in March.", "Reuters"),
        ("According to a Reuters report, the office would close in March.", "Reuters"),
        ("An AFP report said the office would close in March.", "AFP"),
        ("According to a New York Times report, the office would close in March.",
         "New York Times"),
        ("The Reuters report said the office would close in March.", "Reuters"),
    ],
)
def test_an_outlets_report_is_the_outlets_evidence(sentence: str, outlet: str) -> None:
    """"A Reuters report said the office would close": the words are Reuters' (an outlet,
    a named speaker with a page), shown by a report (``cue_type`` evidence, as the schema
    defines a report), the same whether the report "said" it or it is "according to" one,
    and whether or not Reuters was named before; the outlet relays nothing of its own."""
    [record] = extract(sentence)
    assert (
        record["speaker"],
        record["speaker_type"],
        record["speaker_resolution"],
        record["cue_type"],
        record["via_outlets"],
    ) == (outlet, "organization", "named", "evidence", [])
    assert "office would close" in record["content"]


def test_a_report_of_a_body_that_is_no_outlet_stays_the_bodys() -> None:
    """"The Home Office report said ...": a government body's document, not an outlet's."""
    [record] = extract("The Home Office report said the office would close in March.")
    assert record["speaker"] == "Home Office" and record["via_outlets"] == []
