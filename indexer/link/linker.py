"""The linking stage: completes an article and its attributions for storage.

It gives every record its stable id, resolves speakers and outlets to canonical records,
clusters each quote into a statement and links syndicated copies to their original; the
canonical records it creates or extends are written through the store right away.
"""

from __future__ import annotations

from typing import Any

from indexer.link.outlets import OutletBook
from indexer.link.speakers import SpeakerBook
from indexer.link.statements import MAX_KEYS, better_text, compare, keys_for, statement_id
from indexer.link.syndication import body_hash, find_original, footer_outlet
from schemas.ids import article_id, attribution_id
from store.base import Store

MEMORY_LIMIT = 20_000  # statements remembered in-process before the memory starts over


class Linker:
    """``Linker(store).link(article, attributions) -> (article, attributions)``.

    Deterministic (same input order -> same ids, re-linking an article changes nothing)
    and incremental: it reads only the few records sharing a name, domain or
    near-duplicate key, and remembers what it wrote so that it never depends on the
    engine's refresh to see its own writes.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.outlets = OutletBook(store)
        self.speakers = SpeakerBook(store)
        self._statements: dict[str, dict[str, Any]] = {}
        self._by_key: dict[str, list[str]] = {}

    def link(
        self, article: dict[str, Any], attributions: list[dict[str, Any]]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        article = self._link_article(dict(article))
        people: dict[str, set[str]] = {}
        touched: dict[str, dict[str, Any]] = {}
        linked = [self._link_attribution(article, dict(a), people, touched) for a in attributions]
        self.flush(touched)
        return article, linked

    def flush(self, statements: dict[str, dict[str, Any]] | None = None) -> None:
        """Write what changed: outlets, speakers, then the given statements."""
        if self.outlets.dirty:
            self.store.put_outlets(list(self.outlets.dirty.values()))
            self.outlets.dirty.clear()
        if self.speakers.dirty:
            self.store.put_speakers(list(self.speakers.dirty.values()))
            self.speakers.dirty.clear()
        if statements:
            self.store.put_statements(list(statements.values()))

    # --- article -------------------------------------------------------------------------
    def _link_article(self, article: dict[str, Any]) -> dict[str, Any]:
        body = article.get("body") or ""
        article["id"] = article.get("id") or article_id(article.get("url"), body)
        article["body_hash"] = body_hash(body)
        outlet = self.outlets.resolve(article.get("outlet"), article.get("url"))
        article["outlet"] = outlet["name"] if outlet else article.get("outlet")
        article["outlet_id"] = outlet["id"] if outlet else None
        original = find_original(self.store, article)
        article["syndicated_from"] = original["id"] if original else None
        named = article.get("original_outlet") or footer_outlet(body)
        if not named and original is not None and original.get("outlet_id") != article["outlet_id"]:
            named = original.get("outlet")
        source = self.outlets.resolve(named, article.get("original_url")) if named else None
        if source is None and article.get("original_url"):
            source = self.outlets.resolve(None, article["original_url"])
        if source is not None and source["id"] != article["outlet_id"]:
            article["original_outlet"], article["original_outlet_id"] = source["name"], source["id"]
        else:
            article["original_outlet"] = article["original_outlet_id"] = None
        return article

    # --- attribution ---------------------------------------------------------------------
    def _link_attribution(
        self,
        article: dict[str, Any],
        attribution: dict[str, Any],
        people: dict[str, set[str]],
        touched: dict[str, dict[str, Any]],
    ) -> dict[str, Any]:
        attribution["article_id"] = article["id"]
        attribution["id"] = attribution_id(article["id"], attribution["content_spans"])
        if not attribution.get("speaker_text"):  # keep the name as written, for splits
            attribution["speaker_text"] = attribution.get("speaker")
        speaker = self.speakers.resolve(
            attribution.get("speaker") or attribution.get("speaker_text"),
            attribution.get("speaker_type"),
            attribution.get("speaker_role"),
            people,
        )
        if speaker is not None:
            attribution["speaker"], attribution["speaker_id"] = speaker["name"], speaker["id"]
            if attribution.get("speaker_type") in (None, "unknown"):
                attribution["speaker_type"] = speaker.get("type", "unknown")
        else:
            attribution["speaker_id"] = None
        names, ids = [], []
        for via in attribution.get("via_outlets") or []:
            outlet = self.outlets.resolve(via, None)
            if outlet is not None and outlet["id"] not in ids:
                names.append(outlet["name"])
                ids.append(outlet["id"])
        attribution["via_outlets"], attribution["via_outlet_ids"] = names, ids
        statement = self._statement(attribution["content"])
        touched[statement["id"]] = statement
        attribution["statement_id"] = statement["id"]
        attribution.update(
            outlet=article.get("outlet"),
            outlet_id=article.get("outlet_id"),
            original_outlet=article.get("original_outlet"),
            original_outlet_id=article.get("original_outlet_id"),
            published=article.get("published"),
            article_title=article.get("title"),
            article_url=article.get("url"),
        )
        return attribution

    # --- statements ----------------------------------------------------------------------
    def _statement(self, content: str) -> dict[str, Any]:
        """The statement this quote belongs to, created or extended with its keys."""
        keys = keys_for(content)
        best: tuple[float, str] | None = None
        for candidate in self._candidates(keys):
            match = compare(content, candidate["text"])
            if match.same and (best is None or (-match.score, candidate["id"]) < best):
                best = (-match.score, candidate["id"])
        if best is None:
            record = self._statements.get(statement_id(content)) or {
                "id": statement_id(content),
                "text": content,
                "keys": [],
            }
        else:
            record = self._statements[best[1]]
        record["text"] = better_text(record["text"], content)
        record["keys"] = (record["keys"] + [k for k in keys if k not in record["keys"]])[:MAX_KEYS]
        self._remember(record)
        return record

    def _candidates(self, keys: list[str]) -> list[dict[str, Any]]:
        if not keys:
            return []
        ids = {i for k in keys for i in self._by_key.get(k, ())}
        found = [self._statements[i] for i in sorted(ids)]
        for stored in self.store.statements_by_keys(keys, limit=50):
            if stored["id"] not in ids:
                ids.add(stored["id"])
                found.append(self._remember(stored))
        return found

    def _remember(self, record: dict[str, Any]) -> dict[str, Any]:
        if len(self._statements) >= MEMORY_LIMIT and record["id"] not in self._statements:
            self._statements.clear()
            self._by_key.clear()
        record = self._statements.setdefault(record["id"], record)
        for key in record["keys"]:
            bucket = self._by_key.setdefault(key, [])
            if record["id"] not in bucket:
                bucket.append(record["id"])
        return record
