"""Finding a person: the search box offers speakers by the start of a name, a surname or an
alias, the one who said most first; the speakers and outlets directories list everyone,
searchable, sortable and paged, with JSON twins that say the same.

Runs on both engines over the newsroom of ``webapp_data``.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from webapp_data import quote

from store.base import ArticleRecord


def page(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.data[:300])
    return response.get_data(as_text=True)


def offered(html: str) -> list[str]:
    """The speaker pages offered above the results, in order."""
    block = re.search(r'<div class="note named">(.*?)</div>', html, re.S)
    return re.findall(r'href="/speakers/([^"]+)"', block.group(1)) if block else []


def test_a_surname_or_a_first_name_offers_the_person(client):
    assert offered(page(client, "/?q=Lindqvist")) == ["anna-lindqvist"]
    assert offered(page(client, "/?q=feld")) == ["jonas-feld"]
    assert offered(page(client, "/?q=Anna")) == ["anna-lindqvist"]
    assert offered(page(client, "/?q=veto")) == []


def test_the_person_who_said_most_is_offered_before_a_nickname_record(fresh_newsroom, fresh_client):
    # A second, thin record for the same surname (what linking makes of a bare "Lindqvist").
    fresh_newsroom.put_speakers([{"id": "lindqvist", "name": "Lindqvist", "type": "person"}])
    body = 'Lindqvist said "the ferry will run on Sundays" on Friday.'
    fresh_newsroom.put_articles([ArticleRecord(
        {"id": "a-nick", "title": "Ferry", "outlet": "CPA", "outlet_id": "cpa",
         "published": "2024-09-01", "body": body},
        [quote(body, "the ferry will run on Sundays", speaker="Lindqvist",
               speaker_id="lindqvist", article_id="a-nick")],
    )])
    assert offered(page(fresh_client, "/?q=Lindqvist")) == ["anna-lindqvist", "lindqvist"]


def rows(html: str) -> list[tuple[str, int]]:
    return [
        (unescape(name), int(n.replace(",", "")))
        for name, n in re.findall(
            r'<td><a href="[^"]+">([^<]+)</a></td>\s*<td[^>]*>[^<]*</td>\s*'
            r'<td class="n"><a [^>]*>([\d,]+)',
            html,
        )
    ]


def test_the_speakers_directory_is_searchable_sortable_and_paged(client):
    everyone = rows(page(client, "/speakers"))
    counts = [n for _, n in everyone]
    assert len(everyone) == 4 and counts == sorted(counts, reverse=True)
    assert everyone[0][0] == "Anna Lindqvist"
    by_name = [name for name, _ in rows(page(client, "/speakers?sort=name"))]
    assert by_name == sorted(by_name, key=str.lower)
    assert [name for name, _ in rows(page(client, "/speakers?q=nma"))] == [
        "National Medicines Agency"
    ]
    first = page(client, "/speakers?per_page=2")
    assert len(rows(first)) == 2 and 'rel="next" href="/speakers?page=2&amp;per_page=2"' in first
    second = rows(page(client, "/speakers?per_page=2&page=2"))
    assert [n for _, n in second] == counts[2:4]
    assert "No speaker has a name starting" in page(client, "/speakers?q=zzzz")


def test_the_speakers_json_twin_lists_what_the_page_lists(client):
    html = rows(page(client, "/speakers?sort=name&per_page=3"))
    body = client.get("/api/v1/speakers?sort=name&per_page=3").get_json()
    assert body["total"] == 4 and body["pages"] == 2
    assert [(e["speaker"]["name"], e["attributions"]) for e in body["speakers"]] == html
    assert body["speakers"][0]["links"]["html"].startswith("/speakers/")
    bad = client.get("/api/v1/speakers?sort=loudest")
    assert bad.status_code == 400 and bad.get_json()["param"] == "sort"


def test_the_outlets_directory_finds_an_outlet_by_domain(client):
    assert [name for name, _ in rows(page(client, "/outlets?q=riversidepost"))] == [
        "Riverside Post"
    ]
    body = client.get("/api/v1/outlets?q=cent").get_json()  # an alias: Central Press Agency
    assert [e["outlet"]["id"] for e in body["outlets"]] == ["cpa"]


def test_show_more_reaches_past_a_hundred_values(fresh_newsroom, fresh_client):
    names = [f"Resident {i:03d}" for i in range(130)]
    body = " ".join(f"{name} said the pier {i} is safe." for i, name in enumerate(names))
    fresh_newsroom.put_articles([ArticleRecord(
        {"id": "a-town-hall", "title": "Town hall", "outlet": "CPA", "outlet_id": "cpa",
         "published": "2024-10-01", "body": body},
        [quote(body, f"the pier {i} is safe", speaker=name, speaker_id=f"resident-{i:03d}",
               article_id="a-town-hall") for i, name in enumerate(names)],
    )])
    more = page(fresh_client, "/?more=speaker")
    assert "speaker=resident-129" not in more and "show 34 more (of 134)" in more
    further = re.search(r'href="([^"]*facet_page=2[^"]*)"', more)
    assert further, "no link to the next hundred speakers"
    everyone = page(fresh_client, unescape(further.group(1)))
    assert "speaker=resident-129" in everyone and "speaker=resident-000" in everyone
