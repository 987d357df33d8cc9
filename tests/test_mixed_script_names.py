"""A name written with a letter of another script that looks the same ("Ruth C\\u0430lder",
a Cyrillic "а") is the same person for linking: one speaker page, not a second
identical-looking "Ruth Calder"; the article's text keeps the letters as written, and no
id ever loses a letter. On SQLite and Elasticsearch."""

from __future__ import annotations

import io
import json
from pathlib import Path

from indexer.indexing import Indexer, IndexOptions
from schemas.ids import slug
from store.base import SearchQuery, Store

HOMOGLYPH = "Ruth C\u0430lder"


def test_a_homoglyph_name_links_to_the_person_it_looks_like(new_store: Store, tmp_path: Path):
    records = [
        {"url": "https://repro.example/p07/real", "title": "Real", "outlet": "Repro A",
         "published": "2026-11-30", "body": '"Bus fares will be frozen," said Ruth Calder, '
         "the state senator."},
        {"url": "https://repro.example/p07/fake", "title": "Homoglyph", "outlet": "Repro B",
         "published": "2026-11-30", "body": f'"Schools will get new funding," said {HOMOGLYPH}, '
         "the state senator."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    options = IndexOptions([str(path)], state_dir=str(tmp_path), workers=1)
    assert Indexer(new_store, options, io.StringIO()).run().indexed == 2
    getattr(new_store, "refresh", lambda: None)()
    hits = list(new_store.scan(SearchQuery(facets=False)))
    assert {h["speaker_id"] for h in hits} == {"ruth-calder"} and len(hits) == 2
    assert any(HOMOGLYPH in h["speaker_text"] for h in hits)  # the text as written
    fake = next(h for h in hits if "funding" in h["content"])
    assert HOMOGLYPH in new_store.get_article(fake["article_id"])["body"]


def test_an_id_never_drops_a_letter():
    assert slug(HOMOGLYPH) == "ruth-calder"
    assert slug("José Álvarez") == "jose-alvarez"
    # Ħ has no accent to drop but a usual Latin spelling: the "H" is kept, never dropped
    assert slug("Ħal Far") == "hal-far" != slug("al Far")
    assert "-" not in slug("Владимир Путин")  # no Latin letters: a digest
