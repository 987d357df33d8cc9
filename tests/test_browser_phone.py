"""A reader on a small phone (Debian chromium, 320 and 390 px wide): no page scrolls sideways,
even when the data is hostile - a 200-character word, a very long URL, an outlet and a speaker
with very long names, a quote relayed by that outlet and carried by several outlets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_browser import browser, served  # noqa: F401 - the shared browser fixture
from webapp_data import OUTLETS, load_newsroom, quote

from store.base import ArticleRecord

pytestmark = pytest.mark.browser

WORD = "w" * 200
LONG_URL = "https://wire.example/" + "harbour-ferry-budget-" * 12 + "?ref=" + "r" * 90
OUTLET = "The Extraordinarily Longwinded Metropolitan Evening Chronicle " + "Y" * 60
SPEAKER = "Maximiliana Wilhelmina Konstantinopoulou-Papadimitriou-Abernathy-Featherstonehaugh"
CLAIM = f"the {WORD} plan will fail"


def hostile_articles() -> list[ArticleRecord]:
    """The same long-worded claim carried by the long-named outlet and two others."""
    records = []
    carriers = [{"name": OUTLET, "id": "chronicle"}, *OUTLETS[:2]]
    for i, outlet in enumerate(carriers):
        body = (f"{SPEAKER} said that {CLAIM}, per {OUTLET}, at {LONG_URL} today.\n\n"
                f'"We will never accept {WORD}," {SPEAKER} said.')
        aid = f"a-hostile-{i}"
        article = {"id": aid, "title": f"{WORD} {i}", "outlet": outlet["name"],
                   "outlet_id": outlet["id"], "url": f"{LONG_URL}&n={i}",
                   "authors": ["Q" * 120], "published": f"2025-01-1{i}", "body": body}
        records.append(ArticleRecord(article, [
            quote(body, CLAIM, speaker=SPEAKER, speaker_id="maximiliana", kind="indirect",
                  via=((OUTLET, "chronicle"),), statement_id="s-hostile", article_id=aid),
            quote(body, f"We will never accept {WORD}", speaker=SPEAKER,
                  speaker_id="maximiliana", article_id=aid),
        ]))
    return records


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from store.sqlite import SqliteStore

    st = SqliteStore(str(tmp_path_factory.mktemp("phone") / "b.db"))
    load_newsroom(st)
    st.put_outlets([{"id": "chronicle", "name": OUTLET, "aliases": [], "domains": []}])
    st.put_speakers([{"id": "maximiliana", "name": SPEAKER, "type": "person"}])
    st.put_statements([{"id": "s-hostile", "text": CLAIM, "keys": ["k-hostile"]}])
    st.put_articles(hostile_articles())
    attribution = st.article_attributions("a-hostile-0")[0]["id"]
    try:
        with served(st) as url:
            yield url + "|" + attribution
    finally:
        st.close()


# Every kind of page, with the hostile records where the page shows them.
PAGES = {
    "home": "/",
    "search with facets": "/?q=plan+will+fail",
    "all speaker names": "/?q=plan&more=speaker",
    "speaker": "/speakers/maximiliana",
    "outlet": "/outlets/chronicle",
    "article": "/articles/a-hostile-0",
    "provenance": "/attributions/{attribution}",
    "statement": "/statements/s-hostile",
    "check a claim": f"/check?text=the+{WORD}+plan+will+fail",
    "speakers directory": "/speakers?q=Maxi",
    "outlets directory": "/outlets",
    "API docs": "/api/docs",
    "change log": "/changes",
    "not found": "/nowhere",
}


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(
    browser: Any, base_url: str, width: int  # noqa: F811 - the fixture
) -> None:
    url, attribution = base_url.split("|")
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    too_wide = {}
    try:
        for kind, path in PAGES.items():
            page.goto(url + path.format(attribution=attribution))
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            if wide > width:
                too_wide[kind] = wide
    finally:
        context.close()
    assert too_wide == {}, f"pages wider than {width} px"
