"""Whatever a visitor or a script puts in the address, the site answers with a page or a
clear 400 naming the parameter, never a 500: very long queries, invalid Unicode (in values,
names and paths), page numbers that are negative, huge or not numbers, unknown facets,
impossible dates; and a one-value parameter sent twice with different values is refused
rather than one of them picked silently. On both engines."""

from __future__ import annotations

from typing import Any

import pytest

PAGES = [
    "/",
    "/api/v1/search",
    "/api/v1/search.csv",
    "/speakers",
    "/outlets",
    "/api/v1/speakers",
    "/api/v1/outlets",
    "/check",
    "/api/v1/check",
    "/changes",
    "/speakers/anna-lindqvist",
    "/outlets/cpa",
    "/api/v1/search/facets/speaker",
    "/statements/s-drones",
]
HOSTILE = [
    "q=" + "harbour " * 3000,
    "q=%ff%fe",
    "q=%ed%a0%bd",
    "%ff=1",
    "page=-1",
    "page=99999999999999999999",
    "page=abc",
    "per_page=100000",
    "statements_page=99999999999999999999",
    "no_such_facet=x",
    "date_from=2024-13-45",
    "date_to=notadate",
    "text=%ff",
    "match=%ed%a0%bd",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_address_makes_the_site_fail(client: Any, path: str) -> None:
    for query in HOSTILE:
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 400, 404), (path, query[:40], response.status_code)
    for odd in ("%ff%fe", "%ed%a0%bd", "x" * 5000):
        assert client.get(f"{path.rstrip('/')}/{odd}").status_code in (400, 404, 405)


def test_a_huge_page_number_of_the_change_log_is_a_clear_400(client: Any) -> None:
    response = client.get("/changes?page=99999999999999999999")
    assert response.status_code == 400 and "page" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v1/search?page=1&page=2", "page"),
        ("/api/v1/search?q=veto&q=drones", "q"),
        ("/api/v1/statements/s-drones?format=claimreview&format=json", "format"),
        ("/api/v1/check?text=veto&text=drones", "text"),
        ("/api/v1/speakers?sort=name&sort=count", "sort"),
    ],
)
def test_a_one_value_parameter_sent_twice_differently_is_refused_by_name(
    client: Any, path: str, param: str
) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert response.get_json()["param"] == param
    assert "given 2 times with different values" in response.get_json()["message"]


def test_pages_refuse_a_repeated_page_number_too_and_accept_a_harmless_repeat(
    client: Any,
) -> None:
    for path in ("/?q=veto&q=drones", "/changes?page=1&page=2",
                 "/speakers/anna-lindqvist?statements_page=1&statements_page=2"):
        response = client.get(path)
        assert response.status_code == 400 and "given 2 times" in response.get_data(as_text=True)
    assert client.get("/api/v1/search?q=veto&q=veto").status_code == 200
    assert client.get("/api/v1/search?speaker=anna-lindqvist&speaker=jonas-feld").status_code == 200
