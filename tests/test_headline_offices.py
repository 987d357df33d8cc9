"""A headline that names its speaker by office ("…, says Kerala CM", "'No deal on visas,'
says Home Secretary") files the quote under the body's one holder of that office (issue
10). When the body names no holder, or another office's holder, the quote stays an
unresolved description: no page "Kerala CM", never an organization, never the Foreign
Secretary's page for the Home Secretary's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from link_corpus import article, index

from indexer.extract.article import extract_article
from indexer.link import Linker
from store.sqlite import SqliteStore


@pytest.fixture
def linked(tmp_path: Path):
    store = SqliteStore(str(tmp_path / "q.db"))
    linker = Linker(store)

    def run(title: str, body: str) -> tuple[dict, SqliteStore]:
        built = article("Test Gazette", "story", "2026-11-28", body, title=title)
        linked = index(store, linker, (built, extract_article(title, body)))[1]
        [said] = [a for a in linked if a["part"] == "title"]
        return said, store

    yield run
    store.close()


@pytest.mark.parametrize(
    ("title", "body", "holder"),
    [
        (
            "Dam will not be raised, says Kerala CM",
            "THIRUVANANTHAPURAM: Chief Minister Anitha Varghese on Friday ruled out raising "
            "the dam.",
            "Anitha Varghese",
        ),
        (
            "'No deal on visas,' says Home Secretary",
            "The Home Secretary, Gareth Lyle, said ministers would not reopen the talks.",
            "Gareth Lyle",
        ),
        (
            "Budget will balance, says Ontario Premier",
            "Premier Claire Dufresne told reporters the deficit would be gone by 2028.",
            "Claire Dufresne",
        ),
    ],
)
def test_a_headline_office_is_the_body_s_one_holder(linked, title, body, holder):
    said, store = linked(title, body)
    assert said["speaker"] == holder
    assert store.get_speaker(said["speaker_id"])["type"] == "person"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Dam will not be raised, says Kerala CM",
            "Opposition leader Ravi Menon said the government had no plan.",
        ),
        (
            "'No deal on visas,' says Home Secretary",
            "The Foreign Secretary, Tom Ashby, said talks with Paris would continue.",
        ),
        (
            "Fares will rise, says Transport Minister",
            "Transport Minister Ola Berg and Transport Minister Aino Laine met on Monday.",
        ),
    ],
)
def test_an_office_the_body_does_not_settle_stays_a_description_without_a_page(
    linked, title, body
):
    said, store = linked(title, body)
    assert said["speaker_resolution"] == "unresolved"
    assert said.get("speaker_id") is None
    assert not store.find_speakers(said["speaker"])  # no page for the office
