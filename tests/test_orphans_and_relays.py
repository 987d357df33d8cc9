"""What the site lists is what the store carries, on both engines.

A statement no article carries any more (its articles deleted, or re-indexed without it)
has no page and is in no list: its page and API entry answer 404, check-a-claim and the
speaker's statements leave it out. An outlet that only relays what others publish ("told
Channel 24", "per Reuters") is in the outlets directory with the count of what it
relayed, its page shows those attributions, and the via filter (and its filter box) finds
exactly as many.
"""

from __future__ import annotations

from typing import Any

from webapp_data import DRONES, VETO, article, quote

from store.base import ArticleRecord, SearchQuery, Store

TOKEN = {"Authorization": "Bearer s3cret"}


def carriers(store: Store, statement_id: str) -> set[str]:
    query = SearchQuery(filters={"statement_id": (statement_id,)}, facets=False)
    return {a["article_id"] for a in store.scan(query)}


def checked(client: Any, claim: str) -> set[str]:
    found = client.get("/api/v1/check", query_string={"text": claim}).get_json()
    return {m["statement_id"] for m in found["matches"]}


def said_by(client: Any, speaker_id: str) -> set[str]:
    body = client.get(f"/api/v1/speakers/{speaker_id}/statements").get_json()
    return {s["statement"]["id"] for s in body["statements"]}


def test_a_statement_whose_articles_are_deleted_has_no_page_and_is_in_no_list(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    client = fresh_client
    assert client.get("/statements/s-veto").status_code == 200
    assert "s-veto" in checked(client, VETO) and "s-veto" in said_by(client, "anna-lindqvist")

    for article_id in carriers(fresh_newsroom, "s-veto"):
        assert client.delete(f"/api/v1/articles/{article_id}", headers=TOKEN).status_code == 200

    assert fresh_newsroom.get_statement("s-veto") is not None  # the record itself remains
    page = client.get("/statements/s-veto")
    assert page.status_code == 404 and "carries" in page.get_data(as_text=True)
    assert client.get("/api/v1/statements/s-veto").status_code == 404
    assert client.get("/api/v1/statements/s-veto?format=claimreview").status_code == 404
    assert "s-veto" not in checked(client, VETO)
    assert "s-veto" not in said_by(client, "anna-lindqvist")
    assert client.get("/statements/s-drones").status_code == 200  # the others stay


def test_a_statement_whose_articles_are_reindexed_without_it_has_no_page(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    client = fresh_client
    articles = {a: fresh_newsroom.get_article(a) for a in carriers(fresh_newsroom, "s-drones")}
    assert len(articles) == 3
    for record in articles.values():  # corrected: the quote is gone from every copy
        assert record is not None
        corrected = {**record, "body": "The council met on Tuesday. Nothing was said."}
        fresh_newsroom.put_articles([ArticleRecord(corrected, [])])

    assert client.get("/statements/s-drones").status_code == 404
    assert client.get("/api/v1/statements/s-drones").status_code == 404
    assert "s-drones" not in checked(client, DRONES)
    hits = client.get("/api/v1/search", query_string={"q": "rebuild"}).get_json()["hits"]
    assert not [h for h in hits if h["attribution"].get("statement_id") == "s-drones"]


def relay_only(store: Store) -> None:
    """Channel 24 never publishes: Harbor Daily quotes what the mayor told it, twice."""
    store.put_outlets([{"id": "channel-24", "name": "Channel 24", "domains": []}])
    records = []
    for n, words in enumerate(("The ferry will run all winter", "The wall is finished")):
        body = f'"{words}," Mayor Lindqvist told Channel 24 on day {n}.'
        a = article(f"a-hd-ch24-{n}", "harbor-daily", f"2024-09-0{n + 1}", f"Day {n}", body)
        records.append(
            ArticleRecord(
                a,
                [
                    quote(
                        body,
                        words,
                        speaker="Anna Lindqvist",
                        speaker_id="anna-lindqvist",
                        cue="told",
                        via=(("Channel 24", "channel-24"),),
                        article_id=a["id"],
                    )
                ],
            )
        )
    assert all(o.status != "rejected" for o in store.put_articles(records))


def test_an_outlet_that_only_relays_is_listed_with_what_it_relayed(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    client = fresh_client
    relay_only(fresh_newsroom)

    listed = client.get("/api/v1/outlets?per_page=100").get_json()["outlets"]
    entry = next(e for e in listed if e["outlet"]["id"] == "channel-24")
    assert (entry["attributions"], entry["relayed"]) == (0, 2)
    cpa = next(e for e in listed if e["outlet"]["id"] == "cpa")
    assert cpa["relayed"] == fresh_newsroom.search(
        SearchQuery(filters={"via": ("cpa",)}, facets=False)
    ).total > 0

    directory = client.get("/outlets?q=channel").get_data(as_text=True)
    assert "/outlets/channel-24" in directory and "via=channel-24" in directory
    page = client.get("/outlets/channel-24")
    assert page.status_code == 200
    assert "The ferry will run all winter" in page.get_data(as_text=True)

    filtered = client.get("/api/v1/search", query_string={"via": "channel-24"}).get_json()
    assert filtered["total"] == entry["relayed"]
    box = client.get("/api/v1/search/facets/via", query_string={"match": "chan"}).get_json()
    assert [(v["value"], v["count"]) for v in box["values"]] == [("channel-24", 2)]
    offered = client.get("/", query_string={"q": "channel"}).get_data(as_text=True)
    assert "/outlets/channel-24" in offered
