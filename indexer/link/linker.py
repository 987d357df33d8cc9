"""The linking stage: completes an article and its attributions for storage.

It gives every record its stable id, resolves speakers and outlets to canonical records,
clusters each quote into a statement and links syndicated copies to their original. The
canonical records it creates or extends are written through the store after each article,
or at :meth:`Linker.flush` when the caller writes a batch at a time (``autoflush=False``).
:meth:`Linker.link_batch` links a batch with one store read for its copies and one for
its statements (instead of one each per article), then flushes once.
"""

from __future__ import annotations

import copy
import pickle
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from indexer.extract.interviews import FIRST_PERSON
from indexer.link.correction_notes import apply_notes
from indexer.link.corrections import Corrections
from indexer.link.denials import denied_claim
from indexer.link.outlets import OutletBook, is_short_form
from indexer.link.speakers import SpeakerBook, pronoun_genders
from indexer.link.syndication import body_hash, find_original, footer_outlet, signing_outlets
from schemas.catalog import copy_from_article
from schemas.ids import article_id, attribution_id, normalize_text
from schemas.statement import statement_sentences
from store.base import Hit, SearchQuery, Store
from store.near_duplicates import (
    MAX_KEYS,
    better_text,
    compare_tokens,
    keys_for,
    statement_id,
    tokens,
    words,
)

Copy = tuple[list[str], list[str]]  # a quote's tokens and its words
MEMORY_LIMIT = 20_000  # statements remembered in-process before the memory starts over
MAX_VARIANTS = 6  # copies of a statement compared with, per statement, in-process
MAX_PROBES = 5  # statements of a copy looked up to find its original article
STORE_CANDIDATES = 20  # statements read per quote, most shared keys first
EDGE_KEYS = ("t:", "h:", "e:")  # exact, head and tail keys (see statements.keys_for)


@dataclass
class Changes:
    """Canonical records a batch created or extended, copied for writing: outlets, speakers,
    statements (the order they must be written in, before the batch's articles)."""

    outlets: list[dict[str, Any]] = field(default_factory=list)
    speakers: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)

    def write(self, store: Store) -> None:
        """Write them (outlets, speakers, then statements); store errors propagate."""
        if self.outlets:
            store.put_outlets(self.outlets)
        if self.speakers:
            store.put_speakers(self.speakers)
        if self.statements:
            store.put_statements(self.statements)


class Linker:
    """``Linker(store).link(article, attributions) -> (article, attributions)``.

    Deterministic (same input order -> same ids, re-linking an article changes nothing)
    and incremental. An article read again from the same input (the same id and
    ``input_hash``, see :func:`indexer.prepare.input_fingerprint`) keeps its stored record
    and its attributions, unlinked (its id is then in :attr:`kept`): it was linked when it
    was first seen, so an indexer given inputs another one already read (overlapping parts
    of a corpus) ends with the store of one run over them. The linker is incremental: it
    reads only the few records sharing a name, domain or near-duplicate key, and remembers
    what it wrote so that it never depends on the engine's refresh to see its own writes.
    """

    def __init__(self, store: Store, *, autoflush: bool = True) -> None:
        """With ``autoflush=False`` the caller writes pending records with :meth:`flush`
        (before writing the articles): one write per batch instead of one per article."""
        self.store = store
        self.autoflush = autoflush
        self.outlets = OutletBook(store)
        self.speakers = SpeakerBook(store, self.outlets.knows)
        self.corrections = Corrections(store)
        self._statements: dict[str, dict[str, Any]] = {}
        # statement id -> tokens of the copies seen in this process (its text first)
        self._variants: dict[str, list[Copy]] = {}
        self._by_key: dict[str, list[str]] = {}
        self._created: set[str] = set()  # statements created by this process
        self._pending: dict[str, dict[str, Any]] = {}  # statements not written yet
        self._copies: dict[str, list[dict[str, Any]]] = {}  # body hash -> articles linked
        # statement id -> (article id, outlet id, published) of the articles carrying it
        self._carriers: dict[str, list[tuple[str, str | None, str]]] = {}
        # read ahead by link_batch for the batch being linked: stored articles by body
        # hash, and per article the statement keys it will ask for with the answer
        self._same_body: dict[str, list[dict[str, Any]]] = {}
        self._planned: dict[int, tuple[list[str], list[dict[str, Any]]]] = {}
        self._prepared_texts: dict[str, tuple[Copy, list[str]]] = {}  # for one call
        self._keeping: dict[int, dict[str, Any]] = {}  # batch position -> stored, same input
        self.kept: set[str] = set()  # ids of the articles of the last call kept as stored

    def link(
        self, article: dict[str, Any], attributions: list[dict[str, Any]]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The article and its extractor attributions, completed for storage.

        The article gets its id (when missing), ``body_hash``, canonical ``outlet_id``,
        ``original_outlet(_id)`` and ``syndicated_from``; each attribution its ``id``,
        ``article_id``, canonical speaker, via outlets, ``statement_id`` and the article
        fields that search needs without a join. The inputs are not modified.
        """
        self.kept = set()
        try:
            linked = self._link_one(article, attributions, None)
        finally:
            self._prepared_texts.clear()
        if self.autoflush:
            self.flush()
        return linked

    def link_batch(
        self, items: list[tuple[dict[str, Any], list[dict[str, Any]]]], *, write: bool = True
    ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """:meth:`link` for each (article, attributions) in order, then :meth:`flush`
        (with ``write=False`` the caller takes the records to write with :meth:`changes`).

        Same results as linking them one by one, with two store reads for the whole batch:
        the stored copies of every body, and the statements each article would look up
        (the keys it will want are known in advance: those of quotes whose exact text
        neither memory nor an earlier article of the batch knows).
        """
        self.kept = set()
        try:
            self._read_ahead(items)
            linked = [self._link_one(a, atts, i) for i, (a, atts) in enumerate(items)]
        finally:
            self._same_body.clear()
            self._planned.clear()
            self._prepared_texts.clear()
            self._keeping.clear()
        if write:
            self.flush()
        return linked

    def _read_ahead(self, items: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        hashes = [body_hash(article.get("body") or "") for article, _ in items]
        self._same_body = self.store.articles_by_body_hashes(hashes) if hashes else {}
        known: set[str] = set()
        plans: list[tuple[int, list[str], int]] = []
        for index, (article, attributions) in enumerate(items):
            stored = self._stored_same_input(article)
            if stored is not None:  # kept as stored: nothing to look up
                self._keeping[index] = stored
                continue
            prepared = self._prepared([a["content"] for a in attributions])
            wanted = self._wanted(prepared, known)
            if wanted:
                plans.append((index, wanted, STORE_CANDIDATES * len(prepared)))
            known.update(keys[0] for _, keys in prepared.values() if keys)
        found = self.store.statements_by_key_sets([(keys, limit) for _, keys, limit in plans])
        self._planned = {i: (keys, got) for (i, keys, _), got in zip(plans, found, strict=True)}

    def _link_one(
        self, article: dict[str, Any], attributions: list[dict[str, Any]], index: int | None
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        if self.autoflush and len(self._statements) >= MEMORY_LIMIT:
            self.flush()  # what memory forgets must be in the store
            self._forget()
        stored = (
            self._keeping.get(index) if index is not None else self._stored_same_input(article)
        )
        if stored is not None:
            self.kept.add(stored["id"])
            return dict(stored), self.store.article_attributions(stored["id"])
        article, relinked = self._link_article(dict(article))
        people: dict[str, set[str]] = {}
        told = pronoun_genders(attributions)
        prepared = self._prefetch([a["content"] for a in attributions], index)
        repeats: Counter[tuple[str, str]] = Counter()
        linked: list[dict[str, Any]] = []
        for a in attributions:
            linked.append(
                self._link_attribution(article, dict(a), people, prepared, told, repeats, linked)
            )
        body = article.get("body") or ""
        apply_notes(  # "Correction: ... attributed a quote ... to X. It was said by Y."
            body,
            linked,
            lambda name: self.speakers.resolve(
                name, "person", None, people, body, name, told, article
            ),
        )
        self.corrections.apply(article, linked)  # editors' splits survive re-indexing
        if relinked is None and article["original_outlet_id"] and not article["syndicated_from"]:
            signed = self._signed(article) is not None
            article["syndicated_from"] = self._original_by_statements(article, linked, signed)
        self._remember_carrier(article, linked)
        return article, linked

    def flush(self) -> None:
        """Write what changed since the last flush: outlets, speakers, then statements."""
        self.changes().write(self.store)

    def changes(self) -> Changes:
        """What changed since the last call (or flush), copied: later linking may extend
        the same records while these are being written on another thread."""
        changes = Changes(
            copy.deepcopy(list(self.outlets.dirty.values())),
            copy.deepcopy(list(self.speakers.dirty.values())),
            copy.deepcopy(list(self._pending.values())),
        )
        self.outlets.dirty.clear()
        self.speakers.dirty.clear()
        self._pending.clear()
        return changes

    def memory_full(self) -> bool:
        """Whether the memory holds ``MEMORY_LIMIT`` statements: with ``autoflush=False``
        the caller writes every change, then calls :meth:`forget`, between batches (so
        where memory starts over depends only on the input, not on timing)."""
        return len(self._statements) >= MEMORY_LIMIT

    def forget(self) -> None:
        """Start the in-process memory over (the store must hold every change)."""
        self._forget()

    def let_go(self, statement_ids: Iterable[str]) -> None:
        """Forget statements the store deleted (a replaced article's, quoted by no one
        else: ``store.base.PutOutcome.released``), so that a later quote of the same
        words makes and writes its statement again instead of joining one not stored."""
        for sid in statement_ids:
            record = self._statements.pop(sid, None)
            for key in record["keys"] if record else ():
                bucket = self._by_key.get(key, [])
                if sid in bucket:
                    bucket.remove(sid)
                if not bucket:
                    self._by_key.pop(key, None)
            self._variants.pop(sid, None)
            self._created.discard(sid)
            self._carriers.pop(sid, None)

    def memory(self) -> bytes:
        """Everything this linker remembers (not the store), as bytes for :meth:`restore`.

        A resumed run restores the memory the interrupted run had after its last
        checkpointed batch, so that it links the rest exactly as an uninterrupted run
        would (the linker's decisions depend on what it has seen, not only on the store).
        The bytes are a pickle: they are read back only from the run's own state folder.
        Raises ``ValueError`` when changes are still waiting to be taken.
        """
        if self.outlets.dirty or self.speakers.dirty or self._pending:
            raise ValueError("take the changes before saving the linker's memory")
        state = {
            "linker": _fields(
                self, "store", "outlets", "speakers", "autoflush", "kept", "corrections"
            ),
            "outlets": _fields(self.outlets, "store"),
            "speakers": _fields(self.speakers, "store", "is_outlet"),
        }
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    def restore(self, memory: bytes) -> None:
        """Take back the memory saved by :meth:`memory` (of a linker on the same store)."""
        state = pickle.loads(memory)  # noqa: S301 - written by memory() in our state folder
        vars(self).update(state["linker"])
        vars(self.outlets).update(state["outlets"])
        vars(self.speakers).update(state["speakers"])

    # --- article -------------------------------------------------------------------------
    def _link_article(
        self, article: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The article completed, and its stored version when it is being re-indexed.

        A stored article keeps the original it was linked to then: re-indexing the same
        input changes nothing, whatever arrived since (the read side finds the original
        of a copy that arrived first; see ``store.provenance``).
        """
        body = article.get("body") or ""
        article["id"] = article.get("id") or article_id(article.get("url"), body)
        article["body_hash"] = body_hash(body)
        outlet = self.outlets.resolve(article.get("outlet"), article.get("url"))
        article["outlet"] = outlet["name"] if outlet else article.get("outlet")
        article["outlet_id"] = outlet["id"] if outlet else None
        same_body = self._same_body.get(article["body_hash"])
        if same_body is None:
            same_body = self.store.articles_by_body_hash(article["body_hash"])
        stored = next((a for a in same_body if a["id"] == article["id"]), None)
        named = article.get("original_outlet") or footer_outlet(body) or self._signed(article)
        if stored is not None:
            article["syndicated_from"] = stored.get("syndicated_from")
            named = named or stored.get("original_outlet")
        else:
            recent = self._copies.get(article["body_hash"], [])
            original = find_original(self.store, article, [*same_body, *recent])
            article["syndicated_from"] = original["id"] if original else None
            if not named and original and original.get("outlet_id") != article["outlet_id"]:
                named = original.get("outlet")
        self._remember_copy(article)
        source = self.outlets.resolve(named, article.get("original_url")) if named else None
        if source is None and article.get("original_url"):
            source = self.outlets.resolve(None, article["original_url"])
        if source is not None and source["id"] != article["outlet_id"]:
            article["original_outlet"], article["original_outlet_id"] = source["name"], source["id"]
        else:
            article["original_outlet"] = article["original_outlet_id"] = None
        return article, stored

    def _signed(self, article: dict[str, Any]) -> str | None:
        """The known outlet, not the article's own, its byline or sign-off names as author
        (:func:`signing_outlets`: "Author: CPA" in the Daily Globe is agency copy)."""
        for name in signing_outlets(article):
            known = self.outlets.resolve(name, create=False)
            if known is None and not self.outlets.knows(name):
                continue  # a reporter, or an outlet never seen
            if known is None or known["id"] != article.get("outlet_id"):
                return name
        return None

    def _stored_same_input(self, article: dict[str, Any]) -> dict[str, Any] | None:
        """The stored version of ``article`` when it was read from the same input (same
        id, same ``input_hash``); None for a new or changed article, or one without an
        ``input_hash`` (stored by an earlier quotetrail)."""
        digest = article.get("input_hash")
        if not digest:
            return None
        body = article.get("body") or ""
        wanted = article.get("id") or article_id(article.get("url"), body)
        same_body = self._same_body.get(body_hash(body))
        if same_body is None:
            same_body = self.store.articles_by_body_hash(body_hash(body))
        return next(
            (a for a in same_body if a["id"] == wanted and a.get("input_hash") == digest), None
        )

    def _remember_copy(self, article: dict[str, Any]) -> None:
        """Keep the article for identical copies later in the same batch (not stored yet)."""
        copies = self._copies.setdefault(article["body_hash"], [])
        if all(c["id"] != article["id"] for c in copies):
            keep = ("id", "published", "published_time", "outlet", "outlet_id", "syndicated_from")
            said = article.get("original_outlet") or footer_outlet(article.get("body") or "")
            copies.append({**{k: article.get(k) for k in keep}, "original_outlet": said})

    def _original_by_statements(
        self, article: dict[str, Any], linked: list[dict[str, Any]], signed: bool = False
    ) -> str | None:
        """The original outlet's article carrying the most of this copy's statements.

        A republished story is rarely byte-identical (its own headline, dateline, footer),
        but it carries the same quotes: two shared statements (or all, if fewer) suffice;
        one when the copy is ``signed`` by the agency (:meth:`_signed`: "Author: CPA",
        "- CPA"), whose rewritten copy may keep no quotation word for word: a statement
        resembling one of the copy's (:meth:`_resembling`) then counts as shared.
        """
        source = article["original_outlet_id"]
        statements = list(dict.fromkeys(a["statement_id"] for a in linked))[:MAX_PROBES]
        if signed:  # the agency's wording, one word changed, counts: a near-duplicate text
            statements = [*statements, *self._resembling(statements)][:MAX_PROBES]
        shared: dict[str, set[str]] = {}
        dates: dict[str, str] = {}
        carriers = [c for sid in statements for c in self._carriers.get(sid, ())]
        stated = [sid for sid in statements for c in self._carriers.get(sid, ())]
        query = SearchQuery(
            filters={"statement_id": tuple(statements), "outlet": (source,)},
            per_page=50,
            facets=False,
        )
        for hit in self._carrying(query, statements):
            a = hit.attribution
            carriers.append((a["article_id"], a.get("outlet_id"), str(a.get("published") or "")))
            stated.append(a["statement_id"])
        for (article_id_, outlet_id, published), sid in zip(carriers, stated, strict=True):
            if outlet_id == source and article_id_ != article["id"]:
                shared.setdefault(article_id_, set()).add(sid)
                dates[article_id_] = published
        needed = min(1 if signed else 2, len(statements))
        ranked = sorted(shared, key=lambda i: (-len(shared[i]), dates[i] or "~", i))
        return ranked[0] if ranked and needed and len(shared[ranked[0]]) >= needed else None

    def _resembling(self, statements: list[str]) -> list[str]:
        """Other statements known in this process sharing a near-duplicate key (an LSH band,
        the first or last words) with one of ``statements``: the same quotation with a
        word changed ("wages"/"salaries"), kept apart as another statement."""
        keys = [k for sid in statements for k in self._statements.get(sid, {}).get("keys", ())]
        found = {i for k in keys for i in self._by_key.get(k, ())}
        return sorted(found - set(statements))

    def _carrying(self, query: SearchQuery, statements: list[str]) -> list[Hit]:
        """Stored attributions of these statements, unless this process created them all
        (then it knows every article carrying them and the store has nothing to add)."""
        if all(sid in self._created for sid in statements):
            return []
        return self.store.search(query).hits

    def _remember_carrier(self, article: dict[str, Any], linked: list[dict[str, Any]]) -> None:
        """Which articles of this process carried each statement (the store may lag)."""
        entry = (article["id"], article.get("outlet_id"), str(article.get("published") or ""))
        for sid in dict.fromkeys(a["statement_id"] for a in linked):
            carriers = self._carriers.setdefault(sid, [])
            if entry not in carriers:
                carriers.append(entry)

    # --- attribution ---------------------------------------------------------------------
    def _link_attribution(
        self,
        article: dict[str, Any],
        attribution: dict[str, Any],
        people: dict[str, set[str]],
        prepared: dict[str, tuple[Copy, list[str]]],
        told: dict[str, str] | None,
        repeats: Counter[tuple[str, str]],
        earlier: list[dict[str, Any]],
    ) -> dict[str, Any]:
        """One attribution of ``article`` linked: its id (``repeats`` counts the quotes
        of the article seen so far by part and words, see :func:`schemas.ids.attribution_id`),
        speaker page, relaying outlets and statement: a denial pointing back at a claim
        ``earlier`` in the article ("denied that Hale had said any such thing") gets the
        statement of that claim (:func:`indexer.link.denials.denied_claim`)."""
        attribution["article_id"] = article["id"]
        part = attribution.get("part", "body")
        seen = (part, normalize_text(attribution["content"]))
        repeat = repeats[seen]
        attribution["id"] = attribution_id(article["id"], attribution["content"], part, repeat)
        repeats[seen] += 1
        if not attribution.get("speaker_text"):  # keep the name as written, for splits
            attribution["speaker_text"] = attribution.get("speaker")
        if (author := byline_author(attribution, article)) is not None:
            attribution.update(speaker=author, speaker_type="person", speaker_resolution="byline")
        speaker = None
        if attribution.get("speaker_resolution") != "unresolved":  # a description: no page
            speaker = self.speakers.resolve(
                attribution.get("speaker") or attribution.get("speaker_text"),
                attribution.get("speaker_type"),
                attribution.get("speaker_role"),
                people,
                article.get("body"),
                attribution.get("speaker_text"),
                told,
                article,
            )
        if speaker is not None:
            attribution["speaker"], attribution["speaker_id"] = speaker["name"], speaker["id"]
            attribution["speaker_party"] = speaker.get("party")
            # the record says what the speaker's page says: the linker may retype ("the
            # Harbour Board" found as a person is an organization)
            attribution["speaker_type"] = speaker.get("type") or attribution.get(
                "speaker_type", "unknown"
            )
        else:  # no page: the record may not claim a found speaker ("The Ministry said")
            attribution["speaker_id"] = None
            attribution["speaker_resolution"] = "unresolved"
        names, ids = [], []
        for via in attribution.get("via_outlets") or []:
            if is_short_form(via, article.get("outlet")):
                continue  # "told the Gazette" in The Northshire Gazette: the publisher itself
            outlet = self.outlets.resolve(via, None)
            # "told Channel 9 News" in Channel 9 News's own article: its interview, no relay
            own = outlet is not None and outlet["id"] == article.get("outlet_id")
            if outlet is not None and outlet["id"] not in ids and not own:
                names.append(outlet["name"])
                ids.append(outlet["id"])
        attribution["via_outlets"], attribution["via_outlet_ids"] = names, ids
        claim = denied_claim(attribution, earlier)
        attribution["denial_of"] = claim["id"] if claim is not None else None
        if claim is not None:
            attribution["statement_id"] = claim["statement_id"]
            attribution["verdict"] = claim.get("verdict")
        else:
            words = attribution["content"]
            statement = self._statement(words, *prepared[words], attribution["content_spans"])
            attribution["statement_id"] = statement["id"]
            attribution["verdict"] = (statement.get("verdict") or {}).get("rating")
        copy_from_article(attribution, article)
        return attribution

    # --- statements ----------------------------------------------------------------------
    def _prefetch(
        self, contents: list[str], index: int | None = None
    ) -> dict[str, tuple[Copy, list[str]]]:
        """Tokens and keys of an article's quotes, and one store read for the statements
        they may join (quotes with an exact copy in memory need none); read ahead by
        :meth:`link_batch` when it planned the same keys."""
        prepared = self._prepared(contents)
        wanted = self._wanted(prepared, set())
        if wanted:
            planned = self._planned.get(index) if index is not None else None
            if planned is not None and planned[0] == wanted:
                found = planned[1]
            else:
                limit = STORE_CANDIDATES * len(prepared)
                found = self.store.statements_by_keys(wanted, limit=limit)
            for stored in found:
                self._remember(stored)
        return prepared

    def _prepared(self, contents: list[str]) -> dict[str, tuple[Copy, list[str]]]:
        """Tokens, words and near-duplicate keys of each distinct quote (memoized per text)."""
        prepared: dict[str, tuple[Copy, list[str]]] = {}
        for content in dict.fromkeys(contents):
            found = self._prepared_texts.get(content)
            if found is None:
                toks = tokens(content)
                found = ((toks, words(toks)), keys_for(content, toks))
                self._prepared_texts[content] = found
            prepared[content] = found
        return prepared

    def _wanted(self, prepared: dict[str, tuple[Copy, list[str]]], known: set[str]) -> list[str]:
        """The keys to ask the store for: those of quotes whose exact text is not known."""
        wanted: dict[str, None] = {}
        for _, keys in prepared.values():
            if keys and keys[0] not in known and not self._by_key.get(keys[0]):
                wanted.update(dict.fromkeys(keys))
        return list(wanted)

    def _statement(
        self, content: str, copy: Copy, keys: list[str], spans: list[list[int]]
    ) -> dict[str, Any]:
        """The statement this quote belongs to; a new or extended one is pending a write.

        A joining variant adds only its exact, head and tail keys (its LSH bands mostly
        repeat the statement's), so records stay small and later copies of it match. A
        statement worded by this quote keeps its sentences, split where its ``spans`` (the
        quote's ``content_spans``) join passages too (``schemas.statement``).
        """
        best: tuple[float, str] | None = None
        for candidate in self._candidates(keys):
            score = self._match(copy, keys, candidate)
            if score is not None and (best is None or (-score, candidate["id"]) < best):
                best = (-score, candidate["id"])
        if best is None:
            new_id = statement_id(content)
            record = self._statements.get(new_id) or {"id": new_id, "text": content, "keys": []}
            self._created.add(new_id)
            added = [k for k in keys if k not in record["keys"]]
        else:
            record = self._statements[best[1]]
            added = [k for k in keys if k.startswith(EDGE_KEYS) and k not in record["keys"]]
        text = better_text(record["text"], content)
        sentences = record.get("sentences") or []
        if text != record["text"]:
            sentences = []  # another copy words it now
        if text == content:
            split = statement_sentences(content, spans)
            sentences = split if len(split) > max(1, len(sentences)) else sentences
        if (
            added
            or text != record["text"]
            or sentences != (record.get("sentences") or [])
            or record["id"] not in self._statements
        ):
            record["text"] = text
            record["sentences"] = sentences
            record["keys"] = (record["keys"] + added)[:MAX_KEYS]
            self._pending[record["id"]] = record
        record = self._remember(record)
        variants = self._variants[record["id"]]
        if len(variants) < MAX_VARIANTS and all(v[1] != copy[1] for v in variants):
            variants.append(copy)
        return record

    def _match(self, copy: Copy, keys: list[str], candidate: dict[str, Any]) -> float | None:
        """The best score of the quote against the statement's known copies; None: no match.

        Sharing the exact-text key means equal words to a copy seen before (perhaps by an
        earlier run): the strongest match there is.
        """
        if keys and keys[0] in candidate["keys"]:
            return 1.0
        toks, ws = copy
        matches = [compare_tokens(toks, v, ws, vw) for v, vw in self._variants[candidate["id"]]]
        if any(m.negated or m.refigured or m.reworded for m in matches):
            return None  # one copy says the opposite or another number: an elided copy
            # cannot vouch for it
        scores = [m.score for m in matches if m.same]
        return max(scores) if scores else None

    def _candidates(self, keys: list[str]) -> list[dict[str, Any]]:
        if not keys:
            return []
        ids = {i for k in keys for i in self._by_key.get(k, ())}
        return [self._statements[i] for i in sorted(ids)]

    def _forget(self) -> None:
        """Start the in-process memory over (the store keeps everything)."""
        self._planned.clear()  # planned against the memory being forgotten
        for memory in (
            self._statements,
            self._variants,
            self._by_key,
            self._created,
            self._carriers,
            self._copies,
        ):
            memory.clear()

    def _remember(self, record: dict[str, Any]) -> dict[str, Any]:
        record = self._statements.setdefault(record["id"], record)
        if record["id"] not in self._variants:
            toks = tokens(record["text"])
            self._variants[record["id"]] = [(toks, words(toks))]
        for key in record["keys"]:
            bucket = self._by_key.setdefault(key, [])
            if record["id"] not in bucket:
                bucket.append(record["id"])
        return record


def _fields(obj: object, *left_out: str) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items() if k not in left_out}


def byline_author(attribution: dict[str, Any], article: dict[str, Any]) -> str | None:
    """The author who speaks in the first person outside any quotation: "I believe the
    opposition is right ..." in a column bylined "Ruth Ambler" is her claim. The one name
    of the article's ``authors`` when the extractor left the speaker unresolved and its
    words are a first-person singular pronoun (``FIRST_PERSON``); None otherwise (no
    byline, or several authors: whose "I" it is stays unknown, and the record keeps no
    speaker, never a guess)."""
    authors = [a for a in article.get("authors") or [] if a and a.strip()]
    if (
        attribution.get("speaker")
        or attribution.get("speaker_resolution") != "unresolved"
        or (attribution.get("speaker_text") or "").strip().lower() not in FIRST_PERSON
        or len(authors) != 1
    ):
        return None
    return authors[0].strip()
