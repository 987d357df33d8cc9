"""A journalist's session in a real browser (Debian chromium, headless), no JavaScript needed
for any step: search a speaker, narrow by two facets, drop one, open the provenance,
follow it to the article. Screenshots of every page go to test-output/screenshots/."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from webapp_data import DRONES, load_newsroom, quote
from werkzeug.serving import make_server

from store.base import ArticleRecord

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"

pytestmark = pytest.mark.browser


@contextmanager
def served(st: Any) -> Iterator[str]:
    """The web app on ``st`` served on a free port of 127.0.0.1 for a real browser; its URL."""
    from webapp import create_app

    server = make_server("127.0.0.1", 0, create_app(st), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from store.sqlite import SqliteStore

    st = SqliteStore(str(tmp_path_factory.mktemp("browser") / "b.db"))
    load_newsroom(st)
    st.put_articles([many_voices()])
    try:
        with served(st) as url:
            yield url
    finally:
        st.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def many_voices() -> ArticleRecord:
    """One article quoting fourteen people, so the speaker facet has more than ten values."""
    names = [f"Voice {chr(65 + i)}{'x' * (i % 3)}" for i in range(14)]
    body = " ".join(f"{name} said claim number {i} holds." for i, name in enumerate(names))
    attributions = [
        quote(
            body,
            f"claim number {i} holds",
            speaker=name,
            speaker_id=f"voice-{i}",
            article_id="a-many",
        )
        for i, name in enumerate(names)
    ]
    article = {
        "id": "a-many",
        "title": "Many voices",
        "outlet": "CPA",
        "outlet_id": "cpa",
        "published": "2024-12-01",
        "body": body,
    }
    return ArticleRecord(article, attributions)


def shot(page: Any, name: str, *, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_search_narrow_and_trace_a_quote_to_its_article(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    shot(page, "01-search-home")
    page.get_by_label("Search quotes and claims").fill("rebuild every home")
    page.get_by_role("button", name="Search").click()
    assert "q=rebuild+every+home" in page.url
    assert page.locator(".hit").count() == 3
    assert page.locator(".hit mark").first.inner_text().lower() in {"rebuild", "every", "home"}

    speaker_facet = page.locator('.facet[data-facet="speaker"]')
    speaker_facet.get_by_role("link", name="Anna Lindqvist").click()
    page.locator('.facet[data-facet="via"]').get_by_role("link", name="CPA").click()
    assert page.locator(".chip").count() == 2
    assert page.locator(".hit").count() == 2  # the two that credit CPA
    shot(page, "02-search-two-facets")

    page.get_by_role("link", name="Remove filter Via outlet (per …): CPA").click()
    assert page.locator(".chip").count() == 1
    assert page.locator(".hit").count() == 3
    assert "speaker=anna-lindqvist" in page.url and "via=" not in page.url

    page.go_back()
    assert page.locator(".chip").count() == 2  # the URL is the state

    page.locator(".hit", has_text="NewsHub").get_by_role("link", name="provenance").click()
    assert page.get_by_role("heading", name="Chain of attribution").is_visible()
    chain = page.locator("ol.chain li")
    roles = [chain.nth(i).locator(".hop-role").inner_text().lower() for i in range(chain.count())]
    assert roles == ["speaker", "relayed by (per)", "published by", "copied from (original)"]
    assert chain.last.inner_text().lower().endswith("this article is a syndicated copy")
    assert page.locator("table.carriers .tag.first").count() == 1
    first_row = page.locator("table.carriers tbody tr").first
    assert "first seen" in first_row.inner_text().lower() and "CPA" in first_row.inner_text()
    assert page.locator(".passage mark.m-content").inner_text() == DRONES
    shot(page, "03-provenance")

    page.get_by_role("link", name="Osterhal's long night").first.click()
    assert "/articles/" in page.url
    assert page.locator(".body .text mark.m-content").first.inner_text() == DRONES
    shot(page, "04-article")


def test_facet_list_is_reachable_and_usable_by_keyboard(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    target = page.locator('.facet[data-facet="kind"] a', has_text="indirect")
    for _ in range(60):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the 'indirect' facet value")
    outline = target.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "focused facet link shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=indirect**")
    assert page.locator(".chip", has_text="indirect").count() == 1
    kinds = page.locator(".hit .kind").all_inner_texts()
    assert kinds and all(t.lower() == "indirect" for t in kinds)


def test_every_page_renders_and_escapes(page: Any, base_url: str) -> None:
    pages = {
        "05-speaker": "/speakers/anna-lindqvist",
        "06-outlet": "/outlets/cpa",
        "07-statement": "/statements/s-drones",
        "08-check": "/check?text=we+will+rebuild+every+home+hit+tonight",
        "09-api-docs": "/api/docs",
        "10-not-found": "/attributions/q-nope",
        "11-bad-parameter": "/?page=0",
        "12-hostile-article": "/articles/a-ml-defaced",
    }
    for name, path in pages.items():
        page.goto(base_url + path)
        assert page.locator("h1").count() == 1, f"{path} needs exactly one h1"
        shot(page, name, full=name != "09-api-docs")
    # The stored <script> quote is shown as text and never runs.
    assert page.evaluate("() => window.__owned === undefined")
    assert "<script>alert('owned')</script>" in page.locator(".body").inner_text()
    page.goto(base_url + "/?q=%3Cscript%3Ewindow.__owned%3D1%3C%2Fscript%3E")
    assert page.evaluate("() => window.__owned === undefined")
    assert page.locator("#q").input_value() == "<script>window.__owned=1</script>"


def test_long_facets_get_a_filter_box_and_show_more(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?q=claim")
    facet = page.locator('.facet[data-facet="speaker"]')
    assert facet.locator("li").count() == 10
    facet.get_by_role("link", name="show more (14)").click()
    facet = page.locator('.facet[data-facet="speaker"]')
    assert facet.locator("li").count() == 14
    box = facet.get_by_role("searchbox", name="Filter speaker…")
    box.fill("xx")
    visible = [t.split("\n")[0] for t in facet.locator("li:visible").all_inner_texts()]
    assert visible and all("xx" in name.lower() for name in visible)
    shot(page, "13-facet-filter-box")
    facet.locator("li:visible a").first.click()
    assert page.locator(".chip").count() == 1 and "speaker=voice-" in page.url


def test_main_pages_run_under_the_content_security_policy_without_a_violation(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    violations: list[str] = []
    pg.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    try:
        for path in (
            "/",
            "/?q=rebuild",
            "/check?text=rebuild+every+home",
            "/speakers/anna-lindqvist",
            "/outlets/cpa",
            "/api/docs",
            "/nowhere",
        ):
            response = pg.goto(base_url + path)
            assert "script-src 'self'" in response.headers["content-security-policy"], path
        pg.goto(base_url + "/speakers/anna-lindqvist")
        bar = pg.locator(".meter span").first
        assert bar.evaluate("b => b.getBoundingClientRect().width") > 0  # widths set by script
    finally:
        context.close()
    assert violations == []
