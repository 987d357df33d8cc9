"""A fact-checker's jobs in a real browser (Debian chromium, headless): find a person who is
not among the ten names on screen, read what they said, check a claim. Uses the browser
and page of ``test_browser``; screenshots go to test-output/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_browser import browser, many_voices, page, served, shot  # noqa: F401 - fixtures
from webapp_data import OUTLETS, load_newsroom, quote

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


CLUSTER = "the ferry timetable will not change this winter"


def clustered_journey() -> list[ArticleRecord]:
    """One statement carried by every outlet within three days, and once months later."""
    records = []
    days = ["2024-06-01", "2024-06-01", "2024-06-02", "2024-06-02", "2024-06-03", "2024-06-03",
            "2024-12-01"]
    for i, (outlet, day) in enumerate(zip([*OUTLETS, OUTLETS[0]], days, strict=True)):
        body = f'"{CLUSTER}," the ferry operator said.'
        aid = f"a-cluster-{i}"
        records.append(ArticleRecord(
            {"id": aid, "title": f"Ferry {i}", "outlet": outlet["name"],
             "outlet_id": outlet["id"], "published": day, "body": body},
            [quote(body, CLUSTER, speaker="Ferry operator", speaker_id=None,
                   statement_id="s-cluster", article_id=aid)],
        ))
    return records


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from store.sqlite import SqliteStore

    st = SqliteStore(str(tmp_path_factory.mktemp("browser-jobs") / "b.db"))
    load_newsroom(st)
    voices = many_voices()
    st.put_speakers(
        [{"id": a["speaker_id"], "name": a["speaker"], "type": "person"}
         for a in voices.attributions]
        + [{"id": "yara-haddad", "name": "Yara Haddad", "type": "person"}]
    )
    st.put_statements([{"id": "s-cluster", "text": CLUSTER, "keys": ["k-cluster"]}])
    st.put_articles([voices, far_down_the_list(), *clustered_journey()])
    try:
        with served(st) as url:
            yield url
    finally:
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


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("width", [1280, 390])
def test_journey_labels_never_collide_and_stay_readable_on_a_phone(
    browser: Any, base_url: str, width: int  # noqa: F811 - the fixture
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(base_url + "/statements/s-cluster")
        labels = pg.locator("figure.journey:visible text.outlet")
        assert labels.count() == 7
        boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not overlaps(a, b), (a, b)
        svg = pg.locator("figure.journey:visible svg").bounding_box()
        assert svg["x"] >= 0 and svg["x"] + svg["width"] <= width
        assert all(box["x"] >= svg["x"] and box["x"] + box["width"] <= svg["x"] + svg["width"]
                   for box in boxes)
        assert min(box["height"] for box in boxes) >= 10, "labels too small to read"
        shot(pg, f"21-journey-{width}")
    finally:
        context.close()


def test_the_main_links_fit_a_phone(browser: Any, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 800})
    pg = context.new_page()
    try:
        pg.goto(base_url + "/speakers")
        for name in ("Search", "Speakers", "Outlets", "Check a claim", "API"):
            box = pg.get_by_role("navigation", name="Main").get_by_role("link", name=name)
            right = box.bounding_box()
            assert right["x"] + right["width"] <= 390, name
    finally:
        context.close()
