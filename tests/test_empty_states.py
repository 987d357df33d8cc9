"""A search that finds nothing says so and offers nothing that acts on an empty result: no
sort order to pick and no export of zero attributions; a search that finds something keeps
both."""

from __future__ import annotations

from typing import Any


def test_a_search_that_finds_nothing_offers_no_sort_and_no_export(client: Any) -> None:
    nothing = client.get("/?q=zzzzqqq").get_data(as_text=True)
    assert "No attributions match." in nothing
    assert 'class="exports"' not in nothing and 'aria-label="Sort order"' not in nothing
    found = client.get("/?q=veto").get_data(as_text=True)
    assert 'class="exports"' in found and 'aria-label="Sort order"' in found
