"""A fact-checker's verdict lands on the claim it was given for: two quotes that read alike
but name another thing ("Gas bills" / "Phone bills", "Energy" / "Water" / "Rent prices")
from other people are other statements, however alike the rest of the sentence. What
still joins: the same quote carried by another outlet in its own house style (quotation
marks, case, punctuation, a contraction, a hyphen, a plural, a typo in a long word) or
reported with "says" instead of "said".

The stories post articles through ``POST /api/v1/articles`` and run on both engines.
"""

from __future__ import annotations

from typing import Any

import pytest

from store.base import Store
from store.near_duplicates import compare
from store.provenance import claim_review
from webapp import create_app

AUTH = {"Authorization": "Bearer s3cret"}
GAS = "Gas bills will be cut for every pensioner this winter"
PHONE = "Phone bills will be cut for every pensioner this winter"
FROZEN = "{} prices will be frozen for every household next year"
MINISTERS = {"Energy": "Lena Price", "Water": "Omar Reyes", "Rent": "Jon Hale"}


def _client(store: Store) -> Any:
    config = {"TESTING": True, "API_TOKEN": "s3cret", "SECRET_KEY": "test-session-key"}
    return create_app(store, config).test_client()


def _post(client: Any, store: Store, slug: str, outlet: str, body: str) -> list[dict[str, Any]]:
    """Post one article; its stored attributions."""
    payload = {
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{slug}",
        "title": slug,
        "outlet": outlet,
        "published": "2026-11-20",
        "body": body,
    }
    response = client.post("/api/v1/articles", json=payload, headers=AUTH)
    assert response.status_code in (200, 201), response.get_json()
    return store.article_attributions(response.get_json()["id"])


def test_a_verdict_on_one_persons_claim_never_lands_on_a_look_alike_by_another(
    store: Store,
) -> None:
    client = _client(store)
    (frost,) = _post(client, store, "gas", "North Paper", f'"{GAS}," Alan Frost said.')
    (stone,) = _post(
        client, store, "phone", "South Paper", f'"{PHONE}," said Ofcom chief Maria Stone.'
    )
    assert frost["statement_id"] != stone["statement_id"]
    verdict = {"rating": "false", "reviewer": "Desk"}
    put = client.put(
        f"/api/v1/statements/{stone['statement_id']}/verdict", json=verdict, headers=AUTH
    )
    assert put.status_code == 200, put.get_json()
    review = claim_review(store, stone["statement_id"])
    assert review is not None and PHONE in review["claimReviewed"]
    assert review["itemReviewed"]["author"]["name"] == "Maria Stone"
    assert claim_review(store, frost["statement_id"]) is None  # Frost's claim is unreviewed


def test_three_ministers_freezing_three_prices_are_three_statements_and_check_finds_each(
    store: Store,
) -> None:
    client = _client(store)
    ids = {}
    for thing, minister in MINISTERS.items():
        body = f'"{FROZEN.format(thing)}," said {minister}, a minister.'
        (quote,) = _post(client, store, thing.lower(), "Capital Times", body)
        ids[thing] = quote["statement_id"]
    assert len(set(ids.values())) == 3
    checked = client.get("/api/v1/check", query_string={"text": FROZEN.format("Rent")})
    matches = checked.get_json()["matches"]
    assert matches[0]["statement_id"] == ids["Rent"] and matches[0]["near_duplicate"]
    assert not any(m["near_duplicate"] for m in matches[1:])


def test_the_same_quote_in_another_house_style_or_with_says_is_one_statement(
    store: Store,
) -> None:
    client = _client(store)
    (wire,) = _post(client, store, "gas", "North Paper", f'"{GAS}," Alan Frost said.')
    styled = "GAS BILLS WILL BE CUT FOR EVERY PENSIONER THIS WINTER!"
    (shouted,) = _post(client, store, "gas-2", "East Paper", f"\u2018{styled}\u2019 Frost says.")
    typo = "Gas bills will be cut for every pensionner this winter"
    (misspelt,) = _post(client, store, "gas-3", "West Paper", f'Frost says: "{typo}."')
    assert wire["statement_id"] == shouted["statement_id"] == misspelt["statement_id"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (GAS, PHONE),  # a noun at the start: no trimmed copy
        (GAS, GAS.replace("pensioner", "student")),  # the object
        (GAS, GAS.replace("winter", "summer")),  # the time
        (GAS, GAS.replace("will", "could")),  # a promise is not a possibility
        (GAS, GAS.replace("every", "some")),  # nor "every" "some"
        (FROZEN.format("Water"), FROZEN.format("Wafer")),  # short words: no typo tolerance
        ("The plan was delayed again", "The planes were delayed again"),  # not a plural of it
        ("The company was fine last year", "The company was fined last year"),  # not its past
    ],
)
def test_a_changed_content_word_is_another_statement(one: str, other: str) -> None:
    assert not compare(one, other).same


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (GAS, f"\u201c{GAS.lower()}.\u201d"),  # marks, case, punctuation
        (GAS, GAS.replace("pensioner", "pensioners")),  # a plural
        ("Every tax will be cut", "Every taxes will be cut"),  # a plural in -es
        (GAS, GAS.replace("pensioner", "pensoiner")),  # a typo in a long word
        (GAS, GAS.replace("every", "each")),  # a determiner of the same meaning
        (GAS, GAS.replace("will", "would")),  # reported speech shifts "will" to "would"
        (GAS, "bills will be cut for every pensioner this winter"),  # a trimmed start
    ],
)
def test_a_copy_in_another_house_style_is_the_same_statement(one: str, other: str) -> None:
    assert compare(one, other).same
