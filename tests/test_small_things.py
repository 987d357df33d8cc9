"""Small things users hit: shared links with tracking parameters, exports a desk can use,
article records that keep no server paths, searches that say what they did."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from indexing import write_corpus
from webapp_data import DRONES

from quotetrail.cli import main
from store.base import SearchQuery
from store.sqlite import SqliteStore


@pytest.mark.parametrize(
    "url",
    [
        "/?q=drones&utm_source=newsletter&utm_medium=email",
        "/speakers/anna-lindqvist?fbclid=IwAR0abc",
        "/check?text=rebuild&utm_campaign=x",
        "/?q=rebuild&MSCLKID=1&_ga=2.1",
    ],
)
def test_a_shared_link_with_tracking_parameters_opens_the_page(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]


def test_tracking_parameters_do_not_leak_into_the_page_links(client: Any) -> None:
    page = client.get("/?q=rebuild&utm_source=newsletter").get_data(as_text=True)
    assert "utm_source" not in page and "q=rebuild" in page


def test_the_api_stays_strict_about_unknown_parameters(client: Any) -> None:
    response = client.get("/api/v1/search?q=drones&utm_source=newsletter")
    assert response.status_code == 400 and response.get_json()["param"] == "utm_source"


def test_csv_export_has_the_speaker_as_written_and_the_provenance_link(client: Any) -> None:
    response = client.get("/api/v1/search.csv?q=rebuild")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    found = next(r for r in rows if r["content"] == DRONES)
    assert found["speaker_text"] == "Anna Lindqvist"
    assert found["provenance_url"] == f"/attributions/{found['id']}"
    assert client.get(found["provenance_url"]).status_code == 200


def test_csv_provenance_links_are_absolute_on_the_configured_base_url(newsroom: Any) -> None:
    from webapp import create_app

    app = create_app(newsroom, {"TESTING": True, "BASE_URL": "https://qt.example/"})
    text = app.test_client().get("/api/v1/search.csv?q=rebuild").get_data(as_text=True)
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["provenance_url"] == f"https://qt.example/attributions/{row['id']}"


def test_indexed_articles_keep_no_server_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "state" / "quotetrail.db"
    db.parent.mkdir()
    monkeypatch.setenv("QUOTETRAIL_DB", str(db))
    monkeypatch.delenv("ES_URL", raising=False)
    corpus = write_corpus(tmp_path / "corpus")
    assert main(["index", str(corpus.resolve()), "--workers", "1"]) == 0
    capsys.readouterr()
    store = SqliteStore(str(db))
    try:
        sources = {
            store.get_article(a["article_id"])["source"]
            for a in store.scan(SearchQuery(facets=False))
        }
    finally:
        store.close()
    assert sources, "the corpus indexed nothing"
    assert not any(str(tmp_path) in s or s.startswith("/") for s in sources), sources
    assert any(s.startswith("corpus/text/") for s in sources), sources
    assert any(s.startswith("corpus/json/dump.jsonl#") for s in sources), sources


def test_article_json_of_an_absolute_file_names_only_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "state" / "quotetrail.db"
    db.parent.mkdir()
    monkeypatch.setenv("QUOTETRAIL_DB", str(db))
    monkeypatch.delenv("ES_URL", raising=False)
    corpus = write_corpus(tmp_path / "corpus")
    given = (corpus / "text" / "budget.txt").resolve()
    assert main(["index", str(given), "--workers", "1"]) == 0
    capsys.readouterr()
    from webapp import create_app

    store = SqliteStore(str(db))
    try:
        article_id = next(store.scan(SearchQuery(facets=False)))["article_id"]
        body = create_app(store, {"TESTING": True}).test_client().get(
            f"/api/v1/articles/{article_id}"
        ).get_json()
    finally:
        store.close()
    assert body["article"]["source"] == "budget.txt"
    assert str(tmp_path) not in json.dumps(body)


@pytest.mark.parametrize("q", ["(", "()", "-", '""', "!!"])
def test_a_query_without_words_says_so_instead_of_listing_everything(
    client: Any, q: str
) -> None:
    page = client.get("/", query_string={"q": q})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "no words to search for" in text and '<li class="hit' not in text
    api = client.get("/api/v1/search", query_string={"q": q})
    assert api.status_code == 400 and api.get_json()["param"] == "q"
    assert client.get("/", query_string={"q": "rebuild ("}).status_code == 200


def test_the_search_page_explains_how_it_reads_the_words(client: Any) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "How search reads your words" in page and "<code>\"every home\"</code>" in page


def test_a_verdict_filter_survives_a_new_search_from_the_box(client: Any) -> None:
    page = client.get("/?verdict=false&q=rebuild").get_data(as_text=True)
    assert '<input type="hidden" name="verdict" value="false">' in page


def test_a_misspelt_word_offers_the_indexed_word(client: Any) -> None:
    page = client.get("/?q=rebiuld").get_data(as_text=True)
    assert 'Did you mean <a href="/?q=rebuild">rebuild</a>?' in page
    page = client.get('/?q="rebuild+evry+home"').get_data(as_text=True)
    assert "Did you mean" in page and "rebuild every home" in page


def test_no_suggestion_when_the_words_are_found_or_nothing_is_close(client: Any) -> None:
    assert "Did you mean" not in client.get("/?q=rebuild").get_data(as_text=True)
    assert "Did you mean" not in client.get("/?q=zzzzqqq").get_data(as_text=True)


def test_both_engines_offer_the_same_word(newsroom: Any) -> None:
    assert newsroom.spelling(["rebiuld", "rebuild", "zzzzqqq", "levvy", "ferry", "hti"]) == {
        "rebiuld": "rebuild", "levvy": "levy"}


def test_the_api_takes_its_values_as_its_spec_says(client: Any) -> None:
    blank = client.get("/api/v1/search?to=")
    assert blank.status_code == 400 and blank.get_json()["param"] == "to"
    assert client.get("/api/v1/search?speaker=").status_code == 400
    backwards = client.get("/api/v1/search?from=2024-06-01&to=2024-05-01")
    assert backwards.status_code == 400 and backwards.get_json()["param"] == "from"
    deep = client.get("/api/v1/search?page=600&per_page=100")
    assert deep.status_code == 200 and deep.get_json()["hits"] == []
    assert client.get("/?to=&from=").status_code == 200  # a page's form sends blanks


def test_an_undeclared_method_says_which_are_allowed(client: Any) -> None:
    response = client.open("/api/v1/speakers/anna-lindqvist", method="TRACE")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "HEAD"}


def test_a_write_without_credentials_is_a_401_even_when_writes_are_off(newsroom: Any) -> None:
    from webapp import create_app

    client = create_app(newsroom, {"TESTING": True, "API_TOKEN": None}).test_client()
    assert client.delete("/api/v1/articles/a-hd-veto").status_code == 401
    refused = client.delete("/api/v1/articles/a-hd-veto", headers={"Authorization": "Bearer x"})
    assert refused.status_code == 403
