"""Reading what someone said: paraphrases never stand in quotation marks, a speaker's page
shows each statement once with its appearances, the passage says who "she" is, titles
are clean, empty sections disappear, headlines become titles and indexing says what
metadata is missing. Pages run on both engines over the newsroom of ``webapp_data``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from webapp_data import DRONES, LEVY, quote

from indexer.read.plaintext import read_text
from quotetrail.cli import main
from store.base import ArticleRecord
from webapp.wording import clean, resolution


def page(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.data[:300])
    return response.get_data(as_text=True)


def element_with(html: str, words: str) -> str:
    """The quote element (result or heading) holding ``words``, from its opening tag."""
    at = html.index(words)
    opening = max(html.rfind("<blockquote", 0, at), html.rfind('<span class="q-title', 0, at))
    assert opening >= 0, f"{words!r} is in no quote element"
    return html[opening : at + len(words)]


def test_a_paraphrase_reads_as_reported_speech_never_in_quotation_marks(client):
    results = page(client, "/?kind=indirect")
    indirect = element_with(results, LEVY)
    assert "reported" in indirect and " q" not in indirect.split(">")[0]
    assert "Jonas Feld says that" in indirect
    direct = element_with(page(client, "/?kind=direct"), DRONES)
    assert "quoted" in direct


def test_the_provenance_heading_of_a_paraphrase_has_no_quotation_marks(client):
    hit = client.get("/api/v1/search?q=levy+fairest").get_json()["hits"][0]["attribution"]
    assert hit["kind"] == "indirect"
    html = page(client, f"/attributions/{hit['id']}")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "reported" in heading and "class=\"q-title quoted" not in heading
    assert "Jonas Feld says that" in heading
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "“" not in title


def test_statement_titles_are_cleaned():
    assert clean('that the bridge is safe') == "the bridge is safe"
    assert clean('""We will rebuild""') == '"We will rebuild"'
    assert clean('the levy is fair"') == "the levy is fair"
    assert clean('“We stay,” he said') == "“We stay,” he said"


def test_a_speakers_page_shows_each_statement_once_with_its_appearances(client):
    html = page(client, "/speakers/anna-lindqvist")
    said = html[html.index('id="h-said"'):html.index("every copy")]
    assert said.count(DRONES) == 1
    assert re.search(r"<summary>3 appearances</summary>", said)
    assert said.count('href="/attributions/') >= 3  # the copies, on demand


def pronoun_story() -> ArticleRecord:
    body = ("Mayor Anna Lindqvist opened the ferry session on Monday.\n\n"
            "The council listened for an hour.\n\n"
            '"The Sunday ferry stays," she said.')
    a = quote(body, "The Sunday ferry stays", speaker="Anna Lindqvist",
              speaker_id="anna-lindqvist", article_id="a-ferry")
    she = body.index("she said")
    a.update(speaker_text="she", speaker_span=[she, she + 3])
    return ArticleRecord({"id": "a-ferry", "title": "Ferry", "outlet": "CPA", "outlet_id": "cpa",
                          "published": "2024-09-02", "body": body}, [a])


def test_a_passage_whose_speaker_is_she_shows_the_sentence_naming_her(fresh_newsroom,
                                                                      fresh_client):
    record = pronoun_story()
    fresh_newsroom.put_articles([record])
    html = page(fresh_client, f"/attributions/{record.attributions[0]['id']}")
    assert "found through a pronoun (“she”)" in html
    naming = re.search(r'<div class="passage naming"[^>]*>(.*?)</div>', html, re.S)
    assert naming and "Mayor Anna Lindqvist opened the ferry session on Monday." in naming.group(1)


def test_the_extractors_speaker_resolution_is_used_when_present():
    said = {"speaker": "Anna Lindqvist", "speaker_span": [0, 3], "speaker_resolution": "label"}
    assert resolution(said, "ANNA: we stay").how == "label"
    unknown = {"speaker": None, "speaker_text": None}
    assert resolution(unknown, "").how == "unresolved"
    ministry = {"speaker": "Ministry of Transport", "speaker_span": [0, 12]}
    assert resolution(ministry, "The ministry said so").how == "description"


def undated_story() -> ArticleRecord:
    body = 'Tomas Berg said "the lighthouse will be repainted" at the harbour.'
    return ArticleRecord(
        {"id": "a-undated", "title": "Lighthouse", "outlet": "CPA", "outlet_id": "cpa",
         "body": body},
        [quote(body, "the lighthouse will be repainted", speaker="Tomas Berg",
               speaker_id="tomas-berg", article_id="a-undated")],
    )


def test_empty_sections_disappear_when_nothing_is_dated(fresh_newsroom, fresh_client):
    fresh_newsroom.put_speakers([{"id": "tomas-berg", "name": "Tomas Berg", "type": "person"}])
    fresh_newsroom.put_articles([undated_story()])
    html = page(fresh_client, "/speakers/tomas-berg")
    assert "Attributions per month" not in html
    assert "Published, by month" not in html
    assert ">newest<" not in html and 'aria-label="Sort order"' not in html
    dated = page(fresh_client, "/speakers/anna-lindqvist")
    assert "Attributions per month" in dated and ">newest<" in dated


def test_a_plain_text_headline_becomes_the_title():
    article = read_text("Mayor vows to rebuild the harbour\n\nOSTERHAL - Drones struck. "
                        '"We will rebuild," she said.', "story.txt")
    assert article["title"] == "Mayor vows to rebuild the harbour"
    assert article["body"].startswith("OSTERHAL")
    plain = read_text("OSTERHAL - Drones struck overnight.\n\nCrews worked.", "plain.txt")
    assert plain["title"] is None and plain["body"].startswith("OSTERHAL")
    byline = read_text("By Ann Reporter\n\nThe council met.", "byline.txt")
    assert byline["title"] is None


def test_indexing_says_how_many_articles_lack_a_title_date_or_outlet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "q.db"))
    monkeypatch.delenv("ES_URL", raising=False)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Title: Harbour\nDate: 2024-05-01\n\n"
                                    '"We will rebuild," Mayor Anna Lindqvist said.\n')
    (corpus / "two.txt").write_text('the council met.\n\n"It is done," Jonas Feld said.\n')
    assert main(["index", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "2 without an outlet" in err and "1 without a title" in err
    assert "1 without a date" in err
