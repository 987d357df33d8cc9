"""A keyboard user in a real browser (Debian chromium): a focus ring that can be seen, and a
way to the results without tabbing through every filter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_browser import browser, many_voices, page, served  # noqa: F401 - the shared browser fixtures
from webapp_data import load_newsroom, quote

from store.base import ArticleRecord

LONG_URL = "https://wire.example/" + "osterhal-harbour-ferry-budget-" * 6 + "live"


def long_words() -> ArticleRecord:
    """An article as real ones come: a very long URL, and a link pasted into the text."""
    body = (f"Reporting from {LONG_URL} continues. \"We will keep the ferry running,\" "
            "Mayor Anna Lindqvist said.")
    article = {"id": "a-long", "title": "Ferry", "outlet": "CPA", "outlet_id": "cpa",
               "url": LONG_URL, "published": "2024-12-02", "body": body}
    return ArticleRecord(article, [quote(body, "We will keep the ferry running",
                                         speaker="Anna Lindqvist",
                                         speaker_id="anna-lindqvist", article_id="a-long")])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The browser stories' newsroom, plus an article with very long words."""
    from store.sqlite import SqliteStore

    st = SqliteStore(str(tmp_path_factory.mktemp("access") / "b.db"))
    load_newsroom(st)
    st.put_articles([many_voices(), long_words()])
    try:
        with served(st) as url:
            yield url
    finally:
        st.close()

pytestmark = pytest.mark.browser


def _luminance(rgb: tuple[int, int, int]) -> float:
    """Relative luminance (WCAG 2.1, 1.4.3 definition)."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(css: str) -> tuple[int, int, int]:
    r, g, b = (int(float(x)) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return r, g, b


def test_the_focus_ring_stands_out_from_the_white_page(page: Any, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "/?q=rebuild")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineColor]; }"
    )
    assert ring[0] != "none"
    assert contrast(_rgb(ring[1]), (255, 255, 255)) >= 3.0, ring


def test_a_skip_link_leads_to_the_results(page: Any, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "/?q=rebuild")
    presses = 0
    while presses < 5:
        page.keyboard.press("Tab")
        presses += 1
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Skip to results":
            break
    assert presses <= 2, "no skip link to the results among the first Tab stops"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('#results') !== null")
    assert focused, "after the skip link, Tab should land inside the results"


def _phone(browser: Any, width: int) -> Any:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    return context, context.new_page()


def test_on_a_phone_the_results_come_before_the_filters(browser: Any, base_url: str) -> None:  # noqa: F811
    context, pg = _phone(browser, 390)
    try:
        pg.goto(base_url + "/?q=rebuild")
        first_hit = pg.locator(".hit").first.bounding_box()
        assert first_hit["y"] < 700, f"first result at {first_hit['y']:.0f} px"
        drawer = pg.get_by_text("Filters", exact=False).first
        assert drawer.is_visible()
        speaker_facet = pg.locator('.facet[data-facet="speaker"]')
        assert not speaker_facet.is_visible()
        drawer.click()
        assert speaker_facet.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize(("path", "width"), [("/api/docs", 390)])
def test_pages_fit_a_narrow_phone(browser: Any, base_url: str, path: str, width: int) -> None:  # noqa: F811
    context, pg = _phone(browser, width)
    try:
        pg.goto(base_url + path)
        wide = pg.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= width, f"{path} is {wide} px wide at {width} px"
    finally:
        context.close()


def test_the_speaker_of_a_highlight_is_shown_without_hovering(page: Any, base_url: str) -> None:  # noqa: F811
    page.goto(base_url + "/articles/a-hd-veto")
    text = page.locator("article.body").inner_text()
    assert "Anna Lindqvist" in text and "Jonas Feld" in text
    label = page.locator("article.body .said-by", has_text="Jonas Feld").first
    assert label.is_visible()
