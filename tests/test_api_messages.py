"""What the JSON API tells a client who sent something it had to repair or refuse, on SQLite
and Elasticsearch: a quote with markup is stored cleaned and the outcome says so, as
`quotetrail index` warns; a request body that is not JSON is called the request body, not
the article's ``body`` field."""

from __future__ import annotations

from typing import Any

import pytest

from store.base import Store
from webapp import create_app

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def client(new_store: Store) -> Any:
    return create_app(new_store, {"TESTING": True, "API_TOKEN": "s3cret"}).test_client()


def test_a_posted_quote_with_markup_is_stored_cleaned_with_a_warning(client: Any) -> None:
    article = {
        "url": "https://ledger.example/pier",
        "title": "Pier",
        "outlet": "Metro Ledger",
        "body": '"We will <script>alert(1)</script> rebuild the pier," Mayor Celia Marchetti said.',
    }
    response = client.post("/api/v1/articles", json=article, headers=AUTH)
    outcome = response.get_json()
    assert response.status_code == 201 and outcome["error"] is None
    assert outcome["warnings"] == [
        "HTML markup in body removed (plain-text fields, read as text)"
    ]


def test_a_clean_posted_article_has_no_warnings(client: Any) -> None:
    article = {"url": "https://ledger.example/wall", "title": "Wall", "outlet": "Metro Ledger",
               "body": '"We will rebuild the wall," Mayor Celia Marchetti said.'}
    response = client.post("/api/v1/articles", json=article, headers=AUTH)
    assert response.status_code == 201 and response.get_json()["warnings"] == []


@pytest.mark.parametrize(
    ("data", "problem"),
    [("title=Pier&body=text", "is not JSON"), ('["a", "list"]', "is not a JSON object")],
)
def test_a_request_body_that_is_not_a_json_object_is_called_the_request_body(
    client: Any, data: str, problem: str
) -> None:
    response = client.post(
        "/api/v1/articles", data=data, headers={**AUTH, "Content-Type": "application/json"}
    )
    message = response.get_json()["message"]
    assert response.status_code == 400
    assert message.startswith(f"The request body {problem}") and "Parameter" not in message
