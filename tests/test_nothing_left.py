"""Nobody is listed with nothing to show: after an editor merges a speaker into another, or
articles are deleted, the speakers and outlets directories (HTML and JSON) no longer offer a
person or an outlet with no attribution left; the merged-away speaker's page sends the
reader on to the speaker it was merged into, and a page with nothing left says so (404)
instead of showing an empty record. On both engines."""

from __future__ import annotations

from typing import Any

from store.base import SearchQuery, Store

TOKEN = {"Authorization": "Bearer s3cret"}


def listed(client: Any, kind: str) -> set[str]:
    body = client.get(f"/api/v1/{kind}?per_page=100").get_json()
    one = kind[:-1]
    return {entry[one]["id"] for entry in body[kind]}


def test_a_merged_away_speaker_leaves_the_directory_and_its_page_leads_to_the_kept_one(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    client = fresh_client
    assert "jonas-feld" in listed(client, "speakers")
    client.post("/sign-in", data={"token": "s3cret", "name": "Rita"})
    page = client.get("/speakers/jonas-feld").get_data(as_text=True)
    token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    merged = client.post("/speakers/anna-lindqvist/merge",
                         data={"other": "jonas-feld", "force": "1", "csrf": token})
    assert merged.status_code == 303

    assert "jonas-feld" not in listed(client, "speakers")
    assert "anna-lindqvist" in listed(client, "speakers")
    assert "/speakers/jonas-feld" not in client.get("/speakers").get_data(as_text=True)
    assert "jonas-feld" not in {
        e.record["id"] for e in fresh_newsroom.directory("speakers", "Feld").entries
    }
    html = client.get("/speakers/jonas-feld")
    assert html.status_code == 302 and html.location.endswith("/speakers/anna-lindqvist")
    api = client.get("/api/v1/speakers/jonas-feld")
    assert api.status_code == 302 and api.location.endswith("/api/v1/speakers/anna-lindqvist")
    assert api.mimetype == "application/json"  # an API client reads JSON, not "Redirecting..."
    assert api.get_json() == {
        "id": "jonas-feld",
        "merged_into": "anna-lindqvist",
        "url": "/api/v1/speakers/anna-lindqvist",
    }


def test_an_outlet_and_speakers_whose_articles_are_all_deleted_are_gone(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    client = fresh_client
    everything = list(fresh_newsroom.scan(SearchQuery(facets=False)))
    outlets_of: dict[str, set[str]] = {}
    for a in everything:
        outlets_of.setdefault(a["speaker_id"], set()).add(a["outlet_id"])
    outlet = min(min(o) for o in outlets_of.values() if len(o) == 1)  # a speaker's only outlet
    published = [a for a in everything if a["outlet_id"] == outlet]
    speakers = {a["speaker_id"] for a in published}
    for article_id in {a["article_id"] for a in published}:
        deleted = client.delete(f"/api/v1/articles/{article_id}", headers=TOKEN)
        assert deleted.status_code == 200
    emptied = {
        s for s in speakers
        if fresh_newsroom.search(SearchQuery(filters={"speaker": (s,)}, facets=False)).total == 0
        and fresh_newsroom.get_speaker(s) is not None
    }
    relayed = fresh_newsroom.search(SearchQuery(filters={"via": (outlet,)}, facets=False)).total
    assert emptied and relayed == 0  # the story needs a speaker and an outlet left with nothing

    assert outlet not in listed(client, "outlets")
    assert not emptied & listed(client, "speakers")
    assert client.get(f"/outlets/{outlet}").status_code == 404
    assert client.get(f"/api/v1/outlets/{outlet}").status_code == 404
    for speaker in emptied:
        page = client.get(f"/speakers/{speaker}")
        assert page.status_code == 404 and "is left" in page.get_data(as_text=True)
        assert client.get(f"/api/v1/speakers/{speaker}").status_code == 404
