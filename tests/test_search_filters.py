"""A search filter with a fixed set of values (kind, cue type, speaker type) refuses any
other value with a 400 naming the parameter and the values it takes, on the API and on the
page; an empty date range is a 400 on both. The values come from the schema's field.

Runs on both engines.
"""

from __future__ import annotations

from typing import Any

import pytest

from schemas.attribution import CUE_TYPES, KINDS, SPEAKER_TYPES


@pytest.mark.parametrize(
    ("param", "allowed"),
    [("cue_type", CUE_TYPES), ("kind", KINDS), ("speaker_type", SPEAKER_TYPES)],
)
def test_an_unknown_filter_value_is_a_400_listing_the_values(
    client: Any, param: str, allowed: tuple[str, ...]
) -> None:
    response = client.get(f"/api/v1/search?{param}=bogus")
    body = response.get_json()
    assert response.status_code == 400 and body["param"] == param
    assert all(value in body["message"] for value in (*allowed, "all"))
    page = client.get(f"/?{param}=bogus")
    text = page.get_data(as_text=True)
    assert page.status_code == 400 and f"&#39;bogus&#39; is not one of {', '.join(allowed)}" in text
    for value in (allowed[0], "all"):
        assert client.get(f"/api/v1/search?{param}={value}").status_code == 200


def test_an_empty_date_range_is_a_400_on_the_api_as_on_the_page(client: Any) -> None:
    for url in ("/api/v1/search?from=2024-06-01&to=2024-05-01", "/?from=2024-06-01&to=2024-05-01"):
        assert client.get(url).status_code == 400, url
