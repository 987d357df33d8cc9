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


@pytest.mark.parametrize("text", ["!!!", "?", "...", " -- ", "___", "“ ” …"])
def test_checking_a_claim_without_letters_or_digits_is_refused_naming_text(
    client: Any, text: str
) -> None:
    """A fact-checker pastes punctuation by mistake: the check page and both API forms say
    400, naming the parameter and why, instead of answering a list of unrelated matches."""
    page = client.get("/check", query_string={"text": text})
    asked = client.get("/api/v1/check", query_string={"text": text})
    posted = client.post("/api/v1/check", json={"text": text})
    assert page.status_code == asked.status_code == posted.status_code == 400
    for answer in (asked.get_json(), posted.get_json()):
        assert answer["param"] == "text"
        assert "no letters or digits" in answer["message"]
    assert "Parameter &#39;text&#39;" in page.get_data(as_text=True) or (
        "Parameter 'text'" in page.get_data(as_text=True)
    )
    assert "no letters or digits" in page.get_data(as_text=True)


@pytest.mark.parametrize("text", ["5G", "Ébola", "¿Qué?", "7"])
def test_a_short_claim_with_a_letter_or_digit_is_checked(client: Any, text: str) -> None:
    assert client.get("/api/v1/check", query_string={"text": text}).status_code == 200
    assert client.get("/check", query_string={"text": text}).status_code == 200
