"""What a fresh user found indexing and browsing small invented articles (issues #10/#11,
session 8): a columnist's own "I believe ..." shown with no speaker, an answer opening
"That is ..." cut to "is ..." on the pages, a one-URL-three-times file counted as replaced
and changed, a written date's time zone dropped with a raw Python warning, and a refused
write that did not say writes are off. On SQLite and Elasticsearch where a store is used."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from indexing import index_in_process, index_version

from schemas.dates import read_date, read_instant
from store.base import SearchQuery, Store

COLUMN = (
    "Title: The so-called fiscal discipline is austerity\nURL: https://tests.example/col\n"
    "Outlet: Northern Courier\nDate: 2026-11-27\n{byline}\n"
    'When Erik Lindqvist promised "fiscal discipline with a human face", I laughed.\n\n'
    "I believe the opposition is right to call this a con.\n"
)


def hits(store: Store) -> list[dict[str, Any]]:
    return list(store.scan(SearchQuery(facets=False)))


def test_a_columnists_own_claim_is_filed_under_the_byline(new_store: Store, tmp_path: Path):
    index_version(new_store, tmp_path, COLUMN.format(byline="Author: Ruth Ambler\n"))
    (claim,) = [h for h in hits(new_store) if h["content"].startswith("the opposition")]
    assert claim["speaker"] == "Ruth Ambler"
    assert claim["speaker_resolution"] == "byline"
    assert claim["speaker_id"]


def test_without_a_byline_a_first_person_claim_names_no_one(new_store: Store, tmp_path: Path):
    index_version(new_store, tmp_path, COLUMN.format(byline=""))
    (claim,) = [h for h in hits(new_store) if h["content"].startswith("the opposition")]
    assert claim["speaker"] is None and claim["speaker_id"] is None
    assert claim["speaker_resolution"] == "unresolved"


TRANSCRIPT = (
    "Title: Transcript: Health Secretary Laura Chen on training places\n"
    "URL: https://tests.example/transcript\nOutlet: Radio Meridian\nDate: 2026-11-26\n\n"
    "This is an edited transcript of Health Secretary Laura Chen's interview with presenter "
    "Derek Chen.\n\n"
    "DEREK CHEN: The Royal College of Nursing says you have cut training places.\n\n"
    "LAURA CHEN: That is simply not true. Training places are up eleven per cent this year.\n"
)


def test_an_answer_opening_with_that_is_shown_whole(new_store: Store, tmp_path: Path) -> None:
    # "That is simply not true." is what she said: the pages keep its first word (only a
    # lower-case "that" opening reported content is the reporting clause's, "said that ...")
    from webapp import create_app

    index_version(new_store, tmp_path, TRANSCRIPT)
    (answer,) = [h for h in hits(new_store) if "simply not true" in h["content"]]
    client = create_app(new_store, {"TESTING": True}).test_client()
    for page in (f"/speakers/{answer['speaker_id']}", "/?q=training"):
        html = client.get(page).get_data(as_text=True)
        assert "That is simply not true." in html, page


def test_one_url_three_times_in_a_file_is_one_new_article(new_store: Store, tmp_path: Path):
    # the later record replaces the earlier ones before anything is written: the article
    # is indexed once, as new, with one statement, and nothing is reported as changed
    record = (
        '{"url": "https://dup.example/story%s", "title": "Dup", "outlet": "Dup News", '
        '"published": "2026-11-28", "body": "\\"We are %s,\\" said coach Anna Berg."}\n'
    )
    path = tmp_path / "dup.jsonl"
    path.write_text(
        record % ("", "ready") + record % ("", "not ready") + record % ("?utm_source=x", "ready")
    )
    summary, said = index_in_process(new_store, path, tmp_path / "state")
    assert (summary.indexed, summary.replaced, summary.changed) == (1, 0, 0)
    assert summary.superseded == 2
    assert "changed since it was indexed" not in said
    assert said.count("the later record replaces the earlier") == 2
    assert "superseded by a later record" in summary.line()
    assert new_store.stats()["statements"] == 1
    assert [h["content"] for h in hits(new_store)] == ['"We are ready,"']


def test_a_written_date_with_a_common_zone_keeps_its_moment() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no raw dateutil warning reaches the user
        assert read_instant("November 29, 2026 10:45 IST") == "2026-11-29T05:15:00Z"
        assert read_instant("Nov 29, 2026 9:00 AM AEST") == "2026-11-28T23:00:00Z"
        assert read_instant("November 29, 2026 10:45 EST") == "2026-11-29T15:45:00Z"
        # "CST" is US Central or China: the day stands, the moment is not guessed
        assert read_date("November 29, 2026 10:45 CST").iso == "2026-11-29"
        assert read_instant("November 29, 2026 10:45 CST") is None


def test_a_write_to_a_server_with_writes_off_says_so(newsroom: Store) -> None:
    from webapp import create_app

    client = create_app(newsroom, {"TESTING": True, "API_TOKEN": None}).test_client()
    answer = client.post("/api/v1/articles", json={"body": "x", "url": "https://t.example/a"})
    assert answer.status_code == 401
    assert "Writes are disabled on this server" in answer.get_data(as_text=True)
    assert "Bearer" not in answer.get_data(as_text=True)
