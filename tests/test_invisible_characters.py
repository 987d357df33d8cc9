"""A name is what it reads: text entering quotetrail is normalized at the reader and at the
API. A zero-width space inside a word ("Fie\\u200blding") is dropped, so the speaker is
Robert Fielding and not "Robert Fie"; a bidirectional override ("Robert \\u202egnidleiF")
that would display one name while the text says another is removed and the input named
(the API refuses it, naming the field); accents typed two ways (NFC / NFD) are one name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotetrail.cli import main
from store.base import SearchQuery, Store
from store.sqlite import SqliteStore

AUTH = {"Authorization": "Bearer s3cret"}
ZERO_WIDTH = (
    'Sen. Robert Fie\u200blding said on Tuesday that a deal was close. "We are days, not '
    'weeks, away from an agreement," Fie\u200blding told reporters.'
)
OVERRIDE = '"The port stays open all winter," said Robert \u202egnidleiF\u202c on Monday.'
COMPOSED = '"Our buses will run every ten minutes," said Jos\u00e9 Mart\u00ed, the mayor.'
DECOMPOSED = '"The fares will not rise this year," said Jose\u0301 Marti\u0301, the mayor.'


def _speakers(store: Store) -> set[str]:
    return {a.get("speaker") or "" for a in store.scan(SearchQuery(facets=False))}


def test_invisible_characters_in_names_are_dropped_and_overrides_named_by_the_command(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, body in (
        ("zero-width.txt", ZERO_WIDTH),
        ("override.txt", OVERRIDE),
        ("composed.txt", COMPOSED),
        ("decomposed.txt", DECOMPOSED),
    ):
        header = f"Title: {name}\nURL: https://ledger.example/{name}\nDate: 2026-11-24\n\n"
        (corpus / name).write_text(header + body + "\n")
    status = main(["index", str(corpus), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert (
        f"repaired {corpus / 'override.txt'}: bidirectional control characters in body removed"
        in err
    )
    store = SqliteStore(str(db))
    try:
        speakers = _speakers(store)
        assert "Robert Fielding" in speakers and "Robert Fie" not in speakers
        assert "Jos\u00e9 Mart\u00ed" in speakers and "Jose\u0301 Marti\u0301" not in speakers
        stored = [a["content"] + (a.get("speaker") or "") for a in store.scan(SearchQuery())]
        assert not any("\u202e" in text or "\u200b" in text for text in stored)
    finally:
        store.close()


def test_the_api_drops_invisible_characters_and_refuses_a_bidirectional_override(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    payload = {"url": "https://ledger.example/fielding", "published": "2026-11-24"}
    refused = fresh_client.post(
        "/api/v1/articles", json={**payload, "body": OVERRIDE}, headers=AUTH
    )
    body = refused.get_json()
    assert refused.status_code == 400, body
    assert body["param"] == "body" and "bidirectional control character (U+202E)" in body[
        "message"
    ]
    posted = fresh_client.post(
        "/api/v1/articles", json={**payload, "body": ZERO_WIDTH}, headers=AUTH
    )
    assert posted.status_code in (200, 201), posted.get_json()
    quotes = fresh_newsroom.article_attributions(posted.get_json()["id"])
    assert {q.get("speaker") for q in quotes} == {"Robert Fielding"}


@pytest.mark.parametrize(
    "invisible", ["\u200d", "\u200b", "\u00ad"], ids=["joiner", "zero-width space", "soft hyphen"]
)
def test_an_invisible_character_beside_a_names_hyphen_is_dropped(
    tmp_path: Path, db: Path, invisible: str
) -> None:
    body = (
        f"Tariq Al{invisible}-Farsi, the port director, said the strike was over. "
        f'"Ships will move tomorrow," Al-{invisible}Farsi said.'
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    header = "Title: Port strike ends\nURL: https://ledger.example/port\nDate: 2026-11-24\n\n"
    (corpus / "port.txt").write_text(header + body + "\n")
    assert main(["index", str(corpus), "--workers", "1"]) == 0
    store = SqliteStore(str(db))
    try:
        quotes = list(store.scan(SearchQuery(facets=False)))
        assert quotes
        assert {(q.get("speaker"), q.get("speaker_type")) for q in quotes} == {
            ("Tariq Al-Farsi", "person")
        }
    finally:
        store.close()


def test_a_search_typed_with_a_bidirectional_override_reads_as_typed(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    """A search pasted with a right-to-left override (U+202E) must not turn the page's title
    and search box around: the words searched are the words shown, and a name typed with a
    decomposed accent finds the composed one."""
    page = fresh_client.get("/?q=\u202eharbor")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "\u202e" not in html
    assert "<title>“harbor” — Search" in html
    directory = fresh_client.get("/speakers?q=Jose\u0301").get_data(as_text=True)
    assert "\u0301" not in directory and "starting “José”" in directory
