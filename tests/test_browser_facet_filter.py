"""A fact-checker narrows a search to a person who is not among the ten names of the speaker
facet (Debian chromium, headless): the filter box finds her, and the number beside her name
is how many results of this search are hers - the number the facet itself would show and
the number of results clicking gives, not everything she ever said."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_browser import browser, many_voices, page, served, shot  # noqa: F401 - fixtures
from webapp_data import quote

from store.base import ArticleRecord

pytestmark = pytest.mark.browser

SAID = [
    "claim number 99 is wrong",  # the one the search for "claim" finds
    "the tide gauges were never calibrated",
    "the harbour survey is overdue",
]


def haddad() -> ArticleRecord:
    """Three things Yara Haddad said, one of them about a claim."""
    body = " ".join(f'Yara Haddad said "{words}" on Monday.' for words in SAID)
    return ArticleRecord(
        {"id": "a-haddad", "title": "Haddad", "outlet": "CPA", "outlet_id": "cpa",
         "published": "2024-11-20", "body": body},
        [quote(body, words, speaker="Yara Haddad", speaker_id="yara-haddad",
               article_id="a-haddad") for words in SAID],
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from store.sqlite import SqliteStore

    st = SqliteStore(str(tmp_path_factory.mktemp("facet-filter") / "b.db"))
    voices = many_voices()
    st.put_speakers(
        [{"id": a["speaker_id"], "name": a["speaker"], "type": "person"}
         for a in voices.attributions]
        + [{"id": "yara-haddad", "name": "Yara Haddad", "type": "person"}]
    )
    st.put_articles([voices, haddad()])
    try:
        with served(st) as url:
            yield url
    finally:
        st.close()


def test_the_filter_box_counts_a_name_within_the_search(
    page: Any, base_url: str  # noqa: F811 - the fixture
) -> None:
    page.goto(base_url + "/?q=claim")
    facet = page.locator('.facet[data-facet="speaker"]')
    assert "Yara Haddad" not in facet.inner_text()  # eleventh or later among 15 names
    facet.get_by_role("searchbox", name="Filter speaker…").fill("Hadd")
    found = facet.get_by_role("link", name="Yara Haddad")
    found.wait_for(timeout=5000)
    count = found.locator(".fc").inner_text()
    shot(page, "21-speaker-filter-counts-in-search")
    found.click()
    page.wait_for_url("**speaker=yara-haddad**")
    assert count == str(page.locator(".hit").count()) == "1"
