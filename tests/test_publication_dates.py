"""A publication date means one day, read by one rule whichever way the article arrives
(``schemas.dates``): a timestamp posted to the API is accepted as files accept it; a day
and month that could be read either way (``05/11/2026``: 5 November in Britain, May 11 in
the US) are never guessed; "yesterday" and 2026-02-30 are no day. A file's date left out is
named in a warning with the file and the value; the API answers 400 with the reason.

The API stories run on both engines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotetrail.cli import main
from schemas.dates import read_date
from store.base import SearchQuery, Store
from store.sqlite import SqliteStore

AUTH = {"Authorization": "Bearer s3cret"}
BODY = '"We will reopen the library in spring," Mayor Ann Lee said.'


def test_a_date_that_says_no_one_day_is_named_in_a_warning_and_left_out(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dates = {
        "british.txt": "05/11/2026",
        "relative.txt": "yesterday",
        "no-such-day.txt": "2026-02-30",
        "day-first.txt": "13/11/2026",
        "timestamp.txt": "2026-11-24T10:00:00Z",
    }
    for name, value in dates.items():
        header = f"Title: {name}\nURL: https://ledger.example/{name}\nDate: {value}\n\n"
        (corpus / name).write_text(header + BODY + "\n")
    status = main(["index", str(corpus), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert f"{corpus / 'british.txt'}: date '05/11/2026' left out" in err
    assert "ambiguous date" in err
    assert f"{corpus / 'relative.txt'}: date 'yesterday' left out" in err
    assert f"{corpus / 'no-such-day.txt'}: date '2026-02-30' left out" in err
    assert "3 without a date" in err
    store = SqliteStore(str(db))
    try:
        by_title = {
            a["article_title"]: a.get("published") for a in store.scan(SearchQuery(facets=False))
        }
    finally:
        store.close()
    assert str(by_title["british.txt"] or "") == ""  # not 2026-05-11, not 2026-11-05
    assert str(by_title["day-first.txt"])[:10] == "2026-11-13"
    assert str(by_title["timestamp.txt"])[:10] == "2026-11-24"


def test_the_api_reads_dates_by_the_same_rule_as_files(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    payload = {"url": "https://ledger.example/library", "body": BODY}
    posted = fresh_client.post(
        "/api/v1/articles", json={**payload, "published": "2026-11-24T10:00:00Z"}, headers=AUTH
    )
    assert posted.status_code in (200, 201), posted.get_json()
    stored = fresh_newsroom.get_article(posted.get_json()["id"])
    assert str(stored["published"])[:10] == "2026-11-24"
    refused = fresh_client.post(
        "/api/v1/articles", json={**payload, "published": "05/11/2026"}, headers=AUTH
    )
    body = refused.get_json()
    assert refused.status_code == 400, body
    assert body["param"] == "published" and "ambiguous date" in body["message"]


@pytest.mark.parametrize(
    "written", ["05/11/26", "05/11/2026 10:00", "5 11 2026", "11/05/2026, 9:30 AM", "1 2 3"]
)
def test_a_day_and_month_either_way_is_not_guessed_with_a_short_year_a_time_or_spaces(
    written: str,
) -> None:
    reading = read_date(written)
    assert reading.iso is None, (written, reading)
    assert reading.problem


@pytest.mark.parametrize(
    ("written", "day"),
    [("25/11/26", "2026-11-25"), ("25.11.2026 10:00:00 CET", "2026-11-25"),
     ("13 11 2026", "2026-11-13"), ("2026/11/24", "2026-11-24")],
)
def test_a_numeric_date_that_can_only_be_one_day_is_read_with_its_time_or_short_year(
    written: str, day: str
) -> None:
    assert read_date(written).iso == day
