"""A reader trusts the numbers: every count on the outlet, speaker and directory pages is the
number of results the search it links to shows. Those pages count everything attributed to
a person or outlet, while a search shows speech and writing unless asked (a thought is
hidden by default): a count whose link does not ask for every cue type promises results
the reader never finds ("All 36" above 35 results)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from webapp_data import load_newsroom, quote

from store.base import ArticleRecord, Store

BODY = ('Anna Lindqvist said "the harbour wall will hold this winter" on Friday. '
        "Lindqvist thought the storm would pass.")


def thought_and_speech() -> ArticleRecord:
    """One said and one thought attribution of the mayor, published by CPA."""
    said = quote(BODY, "the harbour wall will hold this winter", speaker="Anna Lindqvist",
                 speaker_id="anna-lindqvist", article_id="a-wall")
    thought = quote(BODY, "the storm would pass", speaker="Anna Lindqvist",
                    speaker_id="anna-lindqvist", cue="thought", kind="indirect",
                    article_id="a-wall")
    thought["cue_type"] = "thought"
    article = {"id": "a-wall", "title": "Harbour wall", "outlet": "CPA", "outlet_id": "cpa",
               "published": "2024-12-05", "body": BODY}
    return ArticleRecord(article, [said, thought])


@pytest.fixture
def counted(new_store: Store) -> Any:
    from webapp import create_app

    load_newsroom(new_store)
    new_store.put_articles([thought_and_speech()])
    return create_app(new_store, {"TESTING": True}).test_client()


COUNTED_LINK = re.compile(r'<a [^>]*href="(/\?[^"]*)"[^>]*>([^<]*\d[^<]*)</a>')
TOTAL = re.compile(r"of <strong>([\d,]+)</strong> attribution|<strong>(No) attributions match")


def _number(text: str) -> int:
    return int(re.search(r"[\d,]+", text).group().replace(",", ""))


def search_total(client: Any, href: str) -> int:
    page = client.get(html.unescape(href)).get_data(as_text=True)
    found = TOTAL.search(page)
    assert found, f"{href} shows no total"
    return 0 if found.group(2) else _number(found.group(1))


@pytest.mark.parametrize(
    "path", ["/outlets/cpa", "/speakers/anna-lindqvist", "/speakers", "/outlets"]
)
def test_every_count_that_links_to_a_search_is_what_that_search_shows(
    counted: Any, path: str
) -> None:
    page = counted.get(path).get_data(as_text=True)
    links = COUNTED_LINK.findall(page)
    assert links, f"{path} links no count to a search"
    wrong = {
        f"{text.strip()} -> {href}": search_total(counted, href)
        for href, text in links
        if search_total(counted, href) != _number(text)
    }
    assert wrong == {}, f"counts on {path} that their search does not show"


def test_the_directory_and_the_speaker_page_give_one_count(counted: Any) -> None:
    directory = counted.get("/speakers?q=Lindqvist").get_data(as_text=True)
    listed = re.search(r'<td class="n"><a [^>]*>([\d,]+)</a>', directory)
    speaker = counted.get("/speakers/anna-lindqvist").get_data(as_text=True)
    header = re.search(r"<dt>Attributions</dt><dd><a [^>]*>([\d,]+)</a>", speaker)
    assert listed and header
    assert _number(listed.group(1)) == _number(header.group(1))
    said = counted.get("/api/v1/speakers/anna-lindqvist").get_json()["attributions"]
    assert said == _number(header.group(1)), "the speaker's JSON twin counts the same"
