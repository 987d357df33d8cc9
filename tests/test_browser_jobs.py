"""A fact-checker's jobs in a real browser (Debian chromium, headless): find a person who is
not among the ten names on screen, read what they said, check a claim. Uses the browser
and page of ``test_browser``; screenshots go to test-output/screenshots/."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from test_browser import browser, many_voices, page, shot  # noqa: F401 - fixtures
from webapp_data import load_newsroom, quote
from werkzeug.serving import make_server

from store.base import ArticleRecord

pytestmark = pytest.mark.browser


def far_down_the_list() -> ArticleRecord:
    """A speaker with one quote: the eleventh name or later in every facet."""
    body = 'Yara Haddad said "the tide gauges were never calibrated" on Monday.'
    return ArticleRecord(
        {"id": "a-gauges", "title": "Tide gauges", "outlet": "CPA", "outlet_id": "cpa",
         "published": "2024-11-20", "body": body},
        [quote(body, "the tide gauges were never calibrated", speaker="Yara Haddad",
               speaker_id="yara-haddad", article_id="a-gauges")],
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from store.sqlite import SqliteStore
    from webapp import create_app

    st = SqliteStore(str(tmp_path_factory.mktemp("browser-jobs") / "b.db"))
    load_newsroom(st)
    voices = many_voices()
    st.put_speakers(
        [{"id": a["speaker_id"], "name": a["speaker"], "type": "person"}
         for a in voices.attributions]
        + [{"id": "yara-haddad", "name": "Yara Haddad", "type": "person"}]
    )
    st.put_articles([voices, far_down_the_list()])
    server = make_server("127.0.0.1", 0, create_app(st), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        st.close()


def test_the_speaker_filter_box_finds_a_name_that_is_not_on_screen(
    page: Any, base_url: str  # noqa: F811 - the fixture
) -> None:
    page.goto(base_url + "/")
    facet = page.locator('.facet[data-facet="speaker"]')
    assert "Yara Haddad" not in facet.inner_text()
    facet.get_by_role("searchbox", name="Filter speaker…").fill("Hadd")
    found = facet.get_by_role("link", name="Yara Haddad")
    found.wait_for(timeout=5000)
    shot(page, "20-speaker-filter-server")
    found.click()
    page.wait_for_url("**speaker=yara-haddad**")
    assert page.locator(".chip", has_text="Yara Haddad").count() == 1
    assert page.locator(".hit").count() == 1
