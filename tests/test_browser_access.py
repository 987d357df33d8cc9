"""A keyboard user in a real browser (Debian chromium): a focus ring that can be seen, and a
way to the results without tabbing through every filter."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import base_url, browser, page  # noqa: F401 - the shared browser fixtures

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
