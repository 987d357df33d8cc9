"""A fact-checker gives a statement a verdict: from the statement page once signed in with
the API token, or through the token API; the verdict is published as ClaimReview and the
search filters and counts by it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from webapp_data import DRONES

from store.base import SearchQuery, Store
from store.sqlite import SqliteStore

TOKEN = {"Authorization": "Bearer s3cret"}
VERDICT = {"rating": "misleading", "review": "Homes were hit, but not 'every' one.",
           "reviewer": "Osterhal Fact Desk", "url": "https://factdesk.example/drones"}


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def sign_in(client: Any, token: str = "s3cret") -> Any:
    return client.post("/sign-in", data={"token": token, "name": "Rita", "next": "/"})


def test_a_verdict_set_through_the_api_is_published_and_filterable(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    response = fresh_client.put("/api/v1/statements/s-drones/verdict", json=VERDICT,
                                headers=TOKEN)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["attributions"] == 3
    page = fresh_client.get("/statements/s-drones").get_data(as_text=True)
    assert 'type="application/ld+json"' in page and '"reviewRating"' in page
    assert "Misleading" in page and "Osterhal Fact Desk" in page
    hits = fresh_client.get("/api/v1/search?verdict=misleading").get_json()
    assert hits["total"] == 3 and {h["attribution"]["content"] for h in hits["hits"]} == {DRONES}
    facet = fresh_client.get("/api/v1/search").get_json()["facets"]["verdict"]["values"]
    assert [(v["value"], v["count"]) for v in facet] == [("misleading", 3)]
    assert "Verdict" in fresh_client.get("/").get_data(as_text=True)


def test_only_ratings_on_the_scale_are_accepted(fresh_client: Any) -> None:
    response = fresh_client.put("/api/v1/statements/s-drones/verdict",
                                json={**VERDICT, "rating": "pants on fire"}, headers=TOKEN)
    assert response.status_code == 400 and response.get_json()["param"] == "rating"
    assert "true, misleading, false" in response.get_json()["message"]
    response = fresh_client.put("/api/v1/statements/s-drones/verdict",
                                json={**VERDICT, "url": "javascript:alert(1)"}, headers=TOKEN)
    assert response.status_code == 400 and response.get_json()["param"] == "url"
    assert fresh_client.put("/api/v1/statements/s-drones/verdict", json=VERDICT).status_code == 401
    assert fresh_client.put("/api/v1/statements/nope/verdict", json=VERDICT,
                            headers=TOKEN).status_code == 404


def test_a_newsroom_uses_its_own_scale(fresh_newsroom: Store) -> None:
    from webapp import create_app

    app = create_app(fresh_newsroom, {"TESTING": True, "API_TOKEN": "s3cret",
                                      "VERDICT_SCALE": ("correct", "unproven", "pants on fire")})
    client = app.test_client()
    response = client.put("/api/v1/statements/s-drones/verdict",
                          json={**VERDICT, "rating": "Pants on fire"}, headers=TOKEN)
    assert response.status_code == 200
    review = client.get("/api/v1/statements/s-drones?format=claimreview").get_json()
    assert review["reviewRating"]["alternateName"] == "pants on fire"
    assert review["reviewRating"]["ratingValue"] == 1


def test_removing_a_verdict_withdraws_the_markup(fresh_client: Any) -> None:
    fresh_client.put("/api/v1/statements/s-drones/verdict", json=VERDICT, headers=TOKEN)
    assert fresh_client.delete("/api/v1/statements/s-drones/verdict",
                               headers=TOKEN).status_code == 204
    page = fresh_client.get("/statements/s-drones").get_data(as_text=True)
    assert "ld+json" not in page
    assert fresh_client.get("/api/v1/search?verdict=misleading").get_json()["total"] == 0


def test_a_signed_in_editor_sets_a_verdict_from_the_statement_page(fresh_client: Any) -> None:
    anonymous = fresh_client.get("/statements/s-drones").get_data(as_text=True)
    assert "Save verdict" not in anonymous and "Sign in" in anonymous
    assert sign_in(fresh_client, "wrong").status_code == 401
    assert sign_in(fresh_client).status_code == 303
    page = fresh_client.get("/statements/s-drones").get_data(as_text=True)
    assert "Save verdict" in page
    form = {**VERDICT, "rating": "false"}
    forged = fresh_client.post("/statements/s-drones/verdict", data={**form, "csrf": "guess"})
    assert forged.status_code == 403
    saved = fresh_client.post("/statements/s-drones/verdict", data={**form, "csrf": csrf(page)})
    assert saved.status_code == 303
    assert "False" in fresh_client.get("/statements/s-drones").get_data(as_text=True)


def test_a_verdict_reaches_a_new_copy_of_the_statement(store: Store) -> None:
    from link_corpus import index, straight, wire

    from indexer.link import Linker

    _, first = index(store, Linker(store), wire())
    statement_id = first[0]["statement_id"]
    store.set_verdict(statement_id, {**VERDICT, "reviewed": None})
    _, later = index(store, Linker(store), straight())
    assert later[0]["statement_id"] == statement_id
    assert later[0]["verdict"] == "misleading"
    found = store.search(SearchQuery(filters={"verdict": ("misleading",)}))
    assert found.total == 2


def test_an_older_sqlite_file_gains_the_verdict_column(tmp_path: Any) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    SqliteStore(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX attributions_verdict")
    conn.execute("ALTER TABLE attributions DROP COLUMN verdict")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = SqliteStore(str(path))
    try:
        assert store.search(SearchQuery(filters={"verdict": ("false",)})).total == 0
    finally:
        store.close()


def test_the_session_key_is_generated_once_into_the_state_directory(
    fresh_newsroom: Store, tmp_path: Any, monkeypatch: Any
) -> None:
    import stat

    from webapp import create_app

    monkeypatch.delenv("QUOTETRAIL_SECRET_KEY", raising=False)
    config = {"TESTING": True, "API_TOKEN": "s3cret", "STATE_DIR": str(tmp_path)}
    client = create_app(fresh_newsroom, config).test_client()
    assert not (tmp_path / "secret_key").exists()  # nobody signed in: no key written
    assert sign_in(client).status_code == 303
    key = tmp_path / "secret_key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    other = create_app(fresh_newsroom, config).test_client()  # another worker
    other.set_cookie("session", client.get_cookie("session").value)
    assert "Save verdict" in other.get("/statements/s-drones").get_data(as_text=True)


@pytest.mark.elasticsearch
def test_an_older_elasticsearch_index_gains_the_verdict_field(open_store: Any) -> None:
    from store.elastic import ElasticStore

    new_store = open_store("elasticsearch")
    assert isinstance(new_store, ElasticStore)
    index = next(iter(new_store.es.indices.get_alias(name=new_store.alias("attributions"))))
    new_store.drop()
    old = new_store.es.indices.create(index=index, mappings={"dynamic": "strict", "properties": {
        "id": {"type": "keyword"}}}, aliases={new_store.alias("attributions"): {}})
    assert old["acknowledged"]
    reopened = ElasticStore(new_store.url, prefix=new_store.prefix)
    try:
        mapping = reopened.es.indices.get_mapping(index=reopened.alias("attributions"))
        assert "verdict" in next(iter(mapping.values()))["mappings"]["properties"]
    finally:
        reopened.close()
