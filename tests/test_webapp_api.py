"""The JSON API as a newsroom tool would call it, on SQLite and on Elasticsearch."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from webapp_data import DRONES, SCRIPT

from schemas import AttributionSchema
from store.base import Store
from webapp import create_app

AUTH = {"Authorization": "Bearer s3cret"}


def get(client: Any, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.data[:400])
    assert response.mimetype == "application/json"
    return response.get_json()


# --- search ---------------------------------------------------------------------------


def test_search_returns_hits_total_facets_histogram_and_paging(client: Any) -> None:
    body = get(client, "/api/v1/search?q=rebuild&per_page=2")
    assert body["total"] == 3 and len(body["hits"]) == 2
    hit = body["hits"][0]
    assert hit["attribution"]["content"] == DRONES
    assert "<mark>rebuild</mark>" in hit["highlight"]
    assert AttributionSchema().validate(hit["attribution"]) == {}
    assert hit["links"]["self"].endswith(f"/api/v1/attributions/{hit['attribution']['id']}")
    speakers = body["facets"]["speaker"]["values"]
    assert speakers == [
        {"value": "anna-lindqvist", "label": "Anna Lindqvist", "count": 3, "selected": False}
    ]
    assert body["histogram"] == [{"month": "2024-03", "count": 3}]
    paging = body["paging"]
    assert paging["pages"] == 2 and paging["prev"] is None
    assert "page=2" in paging["next"] and paging["csv"].endswith("/api/v1/search.csv?q=rebuild")
    second = get(client, paging["next"].replace("http://localhost", ""))
    assert len(second["hits"]) == 1 and second["paging"]["next"] is None
    ids = {h["attribution"]["id"] for h in body["hits"] + second["hits"]}
    assert len(ids) == 3


def test_filters_and_selection_are_reported(client: Any) -> None:
    body = get(client, "/api/v1/search?speaker=anna-lindqvist&kind=direct&from=2024-06-01")
    assert body["total"] == 1
    assert body["hits"][0]["attribution"]["statement_id"] == "s-veto"
    kinds = body["facets"]["kind"]["values"]
    assert {"value": "direct", "label": "direct", "count": 1, "selected": True} in kinds


def test_empty_result_and_page_past_the_end(client: Any) -> None:
    empty = get(client, "/api/v1/search?q=zeppelin")
    assert empty["total"] == 0 and empty["hits"] == [] and empty["histogram"] == []
    past = get(client, "/api/v1/search?per_page=5&page=7")
    assert past["total"] == 8 and past["hits"] == [] and past["paging"]["pages"] == 2


def test_stored_markup_is_escaped_in_highlights(client: Any) -> None:
    body = get(client, "/api/v1/search?q=typed")
    hit = body["hits"][0]
    assert hit["attribution"]["content"] == SCRIPT  # the record as stored
    assert "<script>" not in hit["highlight"] and "&lt;script&gt;" in hit["highlight"]


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("facet=speaker", "facet"),
        ("colour=red", "colour"),
        ("from=2024-02-30", "from"),
        ("to=soon", "to"),
        ("page=0", "page"),
        ("per_page=101", "per_page"),
        ("per_page=0", "per_page"),
        ("sort=best", "sort"),
    ],
)
def test_bad_parameters_are_400s_naming_the_parameter(client: Any, query: str, param: str) -> None:
    body = get(client, "/api/v1/search?" + query, status=400)
    assert body["param"] == param and body["status"] == 400 and param in body["message"]


@pytest.mark.parametrize("q", ['"unbalanced', "a AND (", "<script>", "x" * 10_000])
def test_hostile_queries_are_answered(client: Any, q: str) -> None:
    assert get(client, "/api/v1/search?q=" + q.replace(" ", "+"))["total"] >= 0


# --- exports --------------------------------------------------------------------------


def test_csv_export_streams_the_whole_result(client: Any) -> None:
    response = client.get("/api/v1/search.csv?speaker=anna-lindqvist&per_page=1")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.is_streamed
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 4 and {r["speaker"] for r in rows} == {"Anna Lindqvist"}
    assert {r["via_outlets"] for r in rows} == {"", "CPA"}


def test_csv_cells_never_start_a_formula() -> None:
    from webapp.export import csv_cell

    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_cell(["a", "b"]) == "a; b"


def test_jsonl_export_is_one_attribution_per_line(client: Any) -> None:
    response = client.get("/api/v1/search.jsonl?q=rebuild&sort=date_asc")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    records = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [r["published"] for r in records] == ["2024-03-14", "2024-03-14", "2024-03-15"]
    assert all(r["content"] == DRONES for r in records)


def test_export_parameters_are_validated(client: Any) -> None:
    assert get(client, "/api/v1/search.csv?from=never", status=400)["param"] == "from"


# --- records --------------------------------------------------------------------------


def test_attribution_with_provenance(client: Any, newsroom: Store) -> None:
    copy = newsroom.article_attributions("a-nh-drones")[0]
    body = get(client, f"/api/v1/attributions/{copy['id']}")
    assert body["attribution"]["id"] == copy["id"]
    assert [hop["role"] for hop in body["chain"]] == ["speaker", "via", "publisher", "original"]
    assert body["syndicated"] is True and body["is_first_seen"] is False
    assert body["journey"]["first_seen"]["outlet"] == "CPA"
    assert body["article"]["syndicated_from"] == "a-rp-drones"


def test_article_with_its_attributions(client: Any) -> None:
    body = get(client, "/api/v1/articles/a-hd-veto")
    assert body["article"]["title"] == "Mayor threatens budget veto"
    assert [a["speaker"] for a in body["attributions"]] == ["Anna Lindqvist", "Jonas Feld"]


def test_speaker_and_their_statements(client: Any) -> None:
    body = get(client, "/api/v1/speakers/anna-lindqvist")
    assert body["speaker"]["name"] == "Anna Lindqvist" and body["attributions"] == 4
    assert body["top_outlets"][0]["count"] == 1
    statements = get(client, "/api/v1/speakers/anna-lindqvist/statements")
    assert statements["total"] == 2
    by_id = {s["statement"]["id"]: s for s in statements["statements"]}
    assert by_id["s-drones"]["appearances"] == 3
    assert by_id["s-drones"]["first_seen"]["published"] == "2024-03-14"
    assert get(client, "/api/v1/speakers/anna-lindqvist/statements?per_page=1")["statements"]


def test_outlet_published_and_relayed(client: Any) -> None:
    body = get(client, "/api/v1/outlets/cpa")
    assert body["outlet"]["name"] == "CPA" and body["published"] == 1 and body["relayed"] == 3


def test_statement_and_claimreview(fresh_client: Any) -> None:
    client = fresh_client
    body = get(client, "/api/v1/statements/s-drones")
    journey = body["journey"]
    assert [a["outlet"] for a in journey["appearances"]][0] == "CPA"
    assert journey["appearances"][0]["first_seen"] is True
    assert journey["distinct_outlets"] == 2  # the NewsHub copy counts as Riverside Post
    assert client.get("/api/v1/statements/s-drones?format=claimreview").status_code == 404
    verdict = {"rating": "true", "reviewer": "Desk"}
    assert client.put("/api/v1/statements/s-drones/verdict", json=verdict,
                      headers={"Authorization": "Bearer s3cret"}).status_code == 200
    response = client.get("/api/v1/statements/s-drones?format=claimreview")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    review = response.get_json()
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == DRONES
    assert review["itemReviewed"]["firstAppearance"]["publisher"]["name"] == "CPA"
    assert get(client, "/api/v1/statements/s-drones?format=xml", status=400)["param"] == "format"


def test_check_a_claim(client: Any) -> None:
    body = get(client, "/api/v1/check?text=we+will+rebuild+every+home+that+was+hit+tonight.")
    best = body["matches"][0]
    assert best["statement_id"] == "s-drones" and best["near_duplicate"] is True
    loose = get(client, "/api/v1/check?text=rebuild+every+home+hit")["matches"]
    assert loose and loose[0]["statement_id"] == "s-drones"
    assert best["first_seen"]["outlet"] == "CPA"
    assert get(client, "/api/v1/check", status=400)["param"] == "text"
    assert get(client, "/api/v1/check?text=+++", status=400)["param"] == "text"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/attributions/q-0",
        "/api/v1/articles/a-0",
        "/api/v1/speakers/nobody",
        "/api/v1/speakers/nobody/statements",
        "/api/v1/outlets/nowhere",
        "/api/v1/statements/s-0",
        "/api/v1/nothing",
    ],
)
def test_unknown_ids_are_json_404s(client: Any, url: str) -> None:
    body = get(client, url, status=404)
    assert body["status"] == 404 and body["error"] == "Not found"


# --- writes ---------------------------------------------------------------------------


def test_writes_are_refused_without_a_configured_token(newsroom: Store) -> None:
    app = create_app(newsroom, {"TESTING": True, "API_TOKEN": None})
    response = app.test_client().delete("/api/v1/articles/a-hd-veto", headers=AUTH)
    assert response.status_code == 403 and "disabled" in response.get_json()["message"]
    assert newsroom.get_article("a-hd-veto") is not None


def test_writes_need_the_right_token(client: Any, newsroom: Store) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
        assert client.delete("/api/v1/articles/a-hd-veto", headers=headers).status_code == 401
    assert newsroom.get_article("a-hd-veto") is not None


def test_delete_an_article(fresh_client: Any) -> None:
    client = fresh_client
    response = client.delete("/api/v1/articles/a-hd-veto", headers=AUTH)
    assert response.status_code == 200 and response.get_json() == {
        "id": "a-hd-veto",
        "deleted": True,
    }
    get(client, "/api/v1/articles/a-hd-veto", status=404)
    assert get(client, "/api/v1/search?q=veto")["total"] == 0
    assert client.delete("/api/v1/articles/a-hd-veto", headers=AUTH).status_code == 404


def test_post_an_article_extracts_links_and_indexes_it(fresh_client: Any) -> None:
    client = fresh_client
    article = {
        "url": "https://harbordaily.example/2024/12/ferry",
        "title": "Ferry service saved",
        "outlet": "Harbor Daily",
        "published": "2024-12-03",
        "body": 'The ferry will keep running. "We found the money in the end," said Anna '
        "Lindqvist, the mayor, on Tuesday.",
    }
    response = client.post("/api/v1/articles", json=article, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    outcome = response.get_json()
    assert outcome["status"] == "indexed" and outcome["attributions"] >= 1
    found = get(client, "/api/v1/search?q=money")
    assert found["total"] == 1
    assert found["hits"][0]["attribution"]["article_id"] == outcome["id"]
    again = client.post("/api/v1/articles", json=article, headers=AUTH)
    assert again.status_code == 200 and again.get_json()["status"] == "unchanged"


@pytest.mark.parametrize(
    ("payload", "param"),
    [
        ({"title": "no body"}, "body"),
        ({"body": "x", "published": "2024-99-01"}, "published"),
        ({"id": "a-mine", "body": "text"}, "id"),
        (["not", "an", "object"], "request body"),  # the request, not the article field
    ],
)
def test_bad_articles_are_400s(fresh_client: Any, payload: Any, param: str) -> None:
    client = fresh_client
    response = client.post("/api/v1/articles", json=payload, headers=AUTH)
    assert response.status_code == 400 and response.get_json()["param"] == param


def test_merge_speakers(fresh_client: Any, fresh_newsroom: Store) -> None:
    client, store = fresh_client, fresh_newsroom
    store.put_speakers([{"id": "a-lindqvist", "name": "A. Lindqvist", "type": "person"}])
    assert (
        client.post("/api/v1/speakers/a-lindqvist/merge", json={}, headers=AUTH).status_code == 400
    )
    refused = client.post(
        "/api/v1/speakers/jonas-feld/merge", json={"into": "anna-lindqvist"}, headers=AUTH
    )
    assert refused.status_code == 400 and "different given names" in refused.get_data(as_text=True)
    response = client.post(
        "/api/v1/speakers/jonas-feld/merge",
        json={"into": "anna-lindqvist", "force": True},
        headers=AUTH,
    )
    body = response.get_json()
    assert response.status_code == 200 and body["moved"] == 2
    assert "Jonas Feld" in body["speaker"]["aliases"]
    assert get(client, "/api/v1/speakers/anna-lindqvist")["attributions"] == 6
    missing = client.post(
        "/api/v1/speakers/nobody/merge", json={"into": "anna-lindqvist"}, headers=AUTH
    )
    assert missing.status_code == 404


# --- the spec -------------------------------------------------------------------------


def test_openapi_documents_every_endpoint(client: Any) -> None:
    spec = get(client, "/api/v1/openapi.json")
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path, method in [
        ("/api/v1/search", "get"),
        ("/api/v1/search.csv", "get"),
        ("/api/v1/search.jsonl", "get"),
        ("/api/v1/attributions/{attribution_id}", "get"),
        ("/api/v1/articles", "post"),
        ("/api/v1/articles/{article_id}", "get"),
        ("/api/v1/articles/{article_id}", "delete"),
        ("/api/v1/speakers/{speaker_id}", "get"),
        ("/api/v1/speakers/{speaker_id}/statements", "get"),
        ("/api/v1/speakers/{speaker_id}/merge", "post"),
        ("/api/v1/outlets/{outlet_id}", "get"),
        ("/api/v1/statements/{statement_id}", "get"),
        ("/api/v1/check", "get"),
    ]:
        assert method in paths[path], (path, method)
    search_params = {p["name"] for p in paths["/api/v1/search"]["get"]["parameters"]}
    assert {
        "q",
        "speaker",
        "outlet",
        "via",
        "kind",
        "cue",
        "from",
        "to",
        "sort",
        "page",
        "per_page",
    } <= search_params
    assert "Attribution" in spec["components"]["schemas"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"/api/v1/search" in docs.data
