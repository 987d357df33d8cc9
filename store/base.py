"""The store interface: what the indexer writes and the webapp reads, on either engine.

Both engines (``store.sqlite`` and ``store.elastic``) implement :class:`Store` and pass the
same contract suite (``tests/test_store_contract.py``), so callers never ask which one
they hold. Records cross this boundary as plain dicts shaped by the schemas in
``schemas/``; highlights come back as text with :data:`HL_START`/:data:`HL_END` markers
so that escaping and rendering stay the webapp's job.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any, Literal

from quotetrail.errors import StoreError as StoreError
from schemas import catalog

HL_START = "\ue000"
HL_END = "\ue001"

# Facets over attributions: name -> stored field, declared by the schema (see
# ``schemas.catalog``). Values of every facet are ids or lowercase keywords, so case never
# splits a facet; labels come with the counts.
FACETS: dict[str, str] = {facet.name: facet.field for facet in catalog.FACETS}

Sort = Literal["relevance", "date", "date_asc"]
DirectoryKind = Literal["speakers", "outlets"]
DirectorySort = Literal["count", "name"]

# A directory reads at most this many matching records per request (both engines): far
# more people than a newsroom corpus names; a longer prefix narrows past it.
MAX_DIRECTORY_MATCHES = 10_000

# The most matches the SQLite engine counts facets over and ranks by relevance: past it,
# a query matching most of a 100,000-attribution store would take a third of a second of
# CPU and stall every other search (issue #12); see ``SearchResult``.
SAMPLE = 2_000

# Search pages end here on both engines (Elasticsearch's max_result_window): deeper pages
# come back without hits (the total stays exact); stream with ``Store.scan`` instead.
MAX_RESULT_WINDOW = 10_000


@dataclass(frozen=True)
class ArticleRecord:
    """An article with all its attributions: the unit written atomically."""

    article: dict[str, Any]
    attributions: list[dict[str, Any]]


@dataclass(frozen=True)
class PutOutcome:
    """What happened to one record of a batch. ``status`` is indexed, replaced, unchanged
    or rejected; a rejected record has an ``error`` that names the field and the value.
    ``removed``: the stored attributions of a replaced article that its new version no
    longer has (a quote taken out or rewritten), deleted with it; ``changed``: those it
    still has but that now name another speaker, or that were edited (the same speaker,
    most of the words kept: "in 2027" edited to "in 2029"), overwritten
    (:func:`replaced_counts`). ``released``: the statements the stored version's
    attributions carried and the new version's do not (:func:`let_go`); the writer hands
    them to :meth:`Store.release_statements` once nothing it links may still join them."""

    id: str
    status: Literal["indexed", "replaced", "unchanged", "rejected"]
    attributions: int = 0
    error: str | None = None
    removed: int = 0
    changed: int = 0
    released: tuple[str, ...] = ()


# What an attribution states: a stored attribution whose id (its words in the article)
# comes again in a re-indexed article but with another of these counts as changed.
STATED_FIELDS = ("content", "speaker")
# An edited quote: at least this share of its words (difflib's ratio over word sequences)
# kept, by the same speaker ("no plan to raise fuel duty in 2027" -> "... in 2029").
EDITED_QUOTE_RATIO = 0.7


def stated(attribution: dict[str, Any]) -> tuple[Any, ...]:
    """The values of :data:`STATED_FIELDS` of one attribution (a stored or new record)."""
    return tuple(attribution.get(name) for name in STATED_FIELDS)


def replaced_counts(
    stored: dict[str, tuple[Any, ...]],
    attributions: list[dict[str, Any]],
    earlier: dict[str, list[str]] | None = None,
) -> tuple[int, int]:
    """(removed, changed) for a replaced article: ``stored`` maps the ids of its stored
    attributions to their :func:`stated` values; ``attributions`` are its new ones. Changed:
    ids in both whose stated values differ, and each stored quote gone whose speaker says
    an edited version of it in a new record (:func:`edited_pairs`); removed: the other
    stored ids the new version lacks. An unchanged quote keeps its id wherever the article
    changed (:func:`schemas.ids.attribution_id`), so it counts as neither.

    The new record of an edited quote is given ``earlier_ids``: the stored id it replaces
    and that record's own ``earlier`` ids (``earlier`` maps stored ids to them), so a link
    to any version of the quote leads to it (:meth:`Store.moved_attribution`)."""
    new = {a["id"]: stated(a) for a in attributions}
    changed = sum(ident in new and new[ident] != values for ident, values in stored.items())
    gone = {ident: values for ident, values in stored.items() if ident not in new}
    added = {ident: values for ident, values in new.items() if ident not in stored}
    edited = edited_pairs(gone, added)
    successors = {new_id: old for old, new_id in edited.items()}
    for attribution in attributions:
        ident = attribution["id"]
        if (old := successors.get(ident)) is not None:
            before = [old, *(earlier or {}).get(old, [])]
        else:  # the same quote again keeps the ids of its earlier versions
            before = (earlier or {}).get(ident, [])
        if before:
            attribution["earlier_ids"] = list(dict.fromkeys(before))
    return len(gone) - len(edited), changed + len(edited)


def let_go(stored: Iterable[dict[str, Any]], attributions: list[dict[str, Any]]) -> set[str]:
    """The statement ids that a replaced article's stored attributions (``stored``: their
    documents, or any dicts with ``statement_id``) carry and its new ``attributions`` do
    not: the statements that may be left without a speaker once it is written."""
    kept = {a.get("statement_id") for a in attributions}
    return {d["statement_id"] for d in stored if d.get("statement_id")} - kept


def edited_pairs(
    gone: dict[str, tuple[Any, ...]], added: dict[str, tuple[Any, ...]]
) -> dict[str, str]:
    """Old id -> new id for quotes edited in a re-indexed article: each stored quote gone
    (``gone``: id -> :func:`stated` values) paired with the most similar new quote of the
    same speaker (``added``) that keeps :data:`EDITED_QUOTE_RATIO` of its words, each new
    quote used once."""
    pairs: dict[str, str] = {}
    for old, (content, speaker) in gone.items():
        words = str(content or "").casefold().split()
        best, best_ratio = None, EDITED_QUOTE_RATIO
        for ident, (new_content, new_speaker) in added.items():
            if new_speaker != speaker or ident in pairs.values():
                continue
            other = str(new_content or "").casefold().split()
            ratio = SequenceMatcher(None, words, other, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = ident, ratio
        if best is not None:
            pairs[old] = best
    return pairs


@dataclass(frozen=True)
class SearchQuery:
    """A faceted full-text query over attributions.

    ``text`` is user input and never raises a syntax error. ``filters`` maps a filter
    name (``schemas.catalog.FILTERS``: the facets of :data:`FACETS`, ``article_id``,
    ``statement_id``) to accepted values: OR within one filter, AND across filters; an
    unknown name raises ValueError. Dates bound ``published`` inclusively.
    ``facet_values`` maps a facet to the only values it counts (the facet filter box asks
    how often the names it matched occur in this search); ValueError for an unknown facet
    or no values.
    """

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 20
    facet_size: int = 10
    facet_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facets: bool = True
    highlight: bool = True  # False: hits carry their plain content (internal lookups)


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    label: str


@dataclass(frozen=True)
class Hit:
    """One attribution found. ``highlight`` is its content with matched words between
    HL_START/HL_END (plain content without query text); ``score`` is the engine's relevance
    score when ranked by relevance, else None (scores differ between engines)."""

    attribution: dict[str, Any]
    highlight: str
    score: float | None = None


@dataclass(frozen=True)
class SearchResult:
    """One page of hits with the total, and counts over all hits.

    Each facet is counted under every filter except its own (values of one filter are
    alternatives, so its other values stay visible with their counts); the histogram is
    counted under all filters. Both are empty when the query asked for ``facets=False``.
    """

    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    histogram: list[tuple[str, int]]  # ("YYYY-MM", count), ascending, months with hits
    facet_totals: dict[str, int] = field(default_factory=dict)  # distinct values per facet
    # When more attributions match than an engine counts in full (:data:`SAMPLE`), it
    # says so rather than stalling: ``total_exact`` False means at least ``total`` match;
    # ``sample`` (else None) means the facets and the histogram were counted over that many
    # of the matches, not all; ``unranked`` means relevance was asked for but the hits are
    # newest first instead. The Elasticsearch engine counts and ranks everything.
    total_exact: bool = True
    sample: int | None = None
    unranked: bool = False


@dataclass(frozen=True)
class DirectoryEntry:
    """One speaker or outlet record and how many attributions carry it (for an outlet:
    attributions it published, and in ``relayed`` those it relayed: "per Reuters",
    "told Channel 24"; a relay-only outlet has ``attributions`` 0)."""

    record: dict[str, Any]
    attributions: int
    relayed: int = 0


@dataclass(frozen=True)
class DirectoryPage:
    """One page of a speakers or outlets directory and how many records match in all."""

    total: int
    entries: list[DirectoryEntry]


class Store(abc.ABC):
    """One storage engine. Every method is safe to call from several webapp workers."""

    engine: str
    # Whether the engine keeps versioned indices that :meth:`reindex` rebuilds (the
    # Elasticsearch engine); an engine whose tables follow the schemas as written has none.
    supports_reindex: bool = False

    # --- writing -------------------------------------------------------------------
    @abc.abstractmethod
    def put_articles(self, records: Iterable[ArticleRecord]) -> list[PutOutcome]:
        """Write articles with their attributions, replacing any earlier version.

        Per article this is all-or-nothing from a reader's point of view: after it, the
        article has exactly the given attributions (no stale ones). A record that fails
        validation is rejected alone; the rest of the batch is written. An article whose
        ``fingerprint`` equals the stored one is ``unchanged`` and nothing is written.
        """

    @abc.abstractmethod
    def delete_article(self, article_id: str) -> bool:
        """Remove an article and its attributions; False when it was not there."""

    @abc.abstractmethod
    def release_statements(self, statement_ids: Iterable[str]) -> list[str]:
        """Delete those of these statements that no stored attribution carries (the ones a
        replaced article's new version let go of, ``PutOutcome.released``, and no other
        article quotes), so that counts, search and the check page never meet a statement
        nobody says; the others are kept whole (verdict included). Returns the ids deleted.
        """

    @abc.abstractmethod
    def put_speakers(self, speakers: Iterable[dict[str, Any]]) -> None:
        """Create or replace canonical speakers (SpeakerSchema records)."""

    @abc.abstractmethod
    def put_outlets(self, outlets: Iterable[dict[str, Any]]) -> None:
        """Create or replace canonical outlets (OutletSchema records)."""

    @abc.abstractmethod
    def put_statements(self, statements: Iterable[dict[str, Any]]) -> None:
        """Create or replace statements (StatementSchema records)."""

    @abc.abstractmethod
    def delete_records(self, kind: str, ids: Iterable[str]) -> None:
        """Remove canonical records of ``kind`` (``"outlets"``, ``"speakers"`` or
        ``"statements"``) by id; ids not there are ignored. Used to undo an interrupted
        batch (``indexer.journal``), never on records attributions still point at."""

    def get_records(self, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Canonical records (or articles, ``kind="articles"``) by id; missing ids are left
        out. One read per id here; engines may read them at once."""
        get = {
            "outlets": self.get_outlet,
            "speakers": self.get_speaker,
            "statements": self.get_statement,
            "articles": self.get_article,
        }[kind]
        found = {i: get(i) for i in dict.fromkeys(ids)}
        return {i: r for i, r in found.items() if r is not None}

    @abc.abstractmethod
    def reassign(self, field_name: str, old: str, new: str, label: str | None = None) -> int:
        """Point every attribution whose ``field_name`` is ``old`` at ``new``.

        Used by speaker merge/split (``speaker_id``; ``label`` replaces ``speaker``) and
        statement merging (``statement_id``). Returns how many attributions changed.
        """

    @abc.abstractmethod
    def relabel(self, where_field: str, value: str, field_name: str, new: Any) -> int:
        """Set ``field_name`` to ``new`` on every attribution whose ``where_field`` is
        ``value`` (a statement's verdict onto its attributions). Returns how many changed."""

    @abc.abstractmethod
    def spelling(self, words: list[str]) -> dict[str, str]:
        """For each of ``words`` that no attribution's content uses, the indexed word it is
        probably a misspelling of (rule: ``store.spelling.closest``); words that are used,
        or have no close word, are left out."""

    @abc.abstractmethod
    def put_change(self, change: dict[str, Any]) -> None:
        """Create or replace an entry of the change log (``schemas.change.ChangeSchema``)."""

    @abc.abstractmethod
    def get_change(self, change_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def changes(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """The change log, newest first."""

    def set_verdict(self, statement_id: str, verdict: dict[str, Any] | None) -> int:
        """Give a statement a verdict (``schemas.verdict.VerdictSchema``; None removes it)
        and copy its rating onto the statement's attributions, which search filters on.
        Returns how many attributions carry it; :class:`StoreError` when there is no such
        statement."""
        statement = self.get_statement(statement_id)
        if statement is None:
            raise StoreError(f"no statement with id {statement_id!r}")
        self.put_statements([{**statement, "verdict": verdict}])
        rating = verdict["rating"] if verdict else None
        return self.relabel("statement_id", statement_id, "verdict", rating)

    # --- reading ---------------------------------------------------------------------
    @abc.abstractmethod
    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def get_attribution(self, attribution_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def moved_attribution(self, attribution_id: str) -> str | None:
        """The id of the stored attribution that an outlet's edit of a quote replaced
        ``attribution_id`` with (one listing it in ``earlier_ids``), or None: how a link to
        a quote's earlier version still finds it."""

    @abc.abstractmethod
    def article_attributions(self, article_id: str) -> list[dict[str, Any]]:
        """An article's attributions in text order."""

    @abc.abstractmethod
    def get_speaker(self, speaker_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def get_outlet(self, outlet_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def get_statement(self, statement_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def find_speakers(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        """Speakers whose name or an alias matches ``name`` (case-insensitive, exact)."""

    @abc.abstractmethod
    def find_outlets(self, name_or_domain: str, limit: int = 20) -> list[dict[str, Any]]:
        """Outlets whose name, alias or domain matches (case-insensitive, exact)."""

    @abc.abstractmethod
    def directory(
        self,
        kind: DirectoryKind,
        text: str = "",
        sort: DirectorySort = "count",
        page: int = 1,
        per_page: int = 50,
    ) -> DirectoryPage:
        """Speakers or outlets whose name, an alias (or, for outlets, a domain) starts with
        ``text`` or has a word starting with it (case- and accent-insensitive, see
        :func:`store.records.name_matches`); every record when ``text`` is blank. Only
        records that still carry at least one attribution are listed (an article deleted or
        re-indexed, or a speaker merged away, can leave one with none); an outlet carries
        the attributions it published and those it relayed, so a relay-only outlet is listed.

        ``sort="count"`` puts the record with the most attributions first (published plus
        relayed for outlets; then name, id);
        ``"name"`` orders by name (then id). ``page`` counts from 1. At most
        :data:`MAX_DIRECTORY_MATCHES` records are read per call.
        """

    @abc.abstractmethod
    def statements_by_keys(self, keys: Iterable[str], limit: int = 50) -> list[dict[str, Any]]:
        """Statements sharing at least one near-duplicate key, most shared keys first."""

    @abc.abstractmethod
    def articles_by_body_hash(self, body_hash: str) -> list[dict[str, Any]]:
        """Articles with this body hash (identical copies), oldest first."""

    def statements_by_key_sets(
        self, key_sets: list[tuple[list[str], int]]
    ) -> list[list[dict[str, Any]]]:
        """:meth:`statements_by_keys` for each (keys, limit), in one round trip where the
        engine can (the linker reads a batch's candidates at once)."""
        return [self.statements_by_keys(keys, limit=limit) for keys, limit in key_sets]

    def articles_by_body_hashes(self, body_hashes: list[str]) -> dict[str, list[dict[str, Any]]]:
        """:meth:`articles_by_body_hash` for each distinct hash, in one round trip where
        the engine can."""
        return {h: self.articles_by_body_hash(h) for h in dict.fromkeys(body_hashes)}

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResult:
        """Faceted full-text search over attribution content."""

    @abc.abstractmethod
    def scan(self, query: SearchQuery) -> Iterator[dict[str, Any]]:
        """Every attribution matching ``query`` in its sort order, streamed (no paging)."""

    @abc.abstractmethod
    def stats(self) -> dict[str, int]:
        """Counts: articles, attributions, speakers, outlets, statements."""

    # --- versions --------------------------------------------------------------------
    def current_version(self, kind: str = "articles") -> int:
        """The version of the index behind ``kind`` (1 until a reindex).

        Raises :class:`StoreError` on an engine without versions (``supports_reindex``
        False).
        """
        raise StoreError(f"the {self.engine} store has no index versions")

    def reindex(self, new_version: int) -> dict[str, int]:
        """Rebuild every index as version ``new_version`` with the current mappings and swap
        it in; returns the records copied per kind. ValueError when a kind is already at
        that version.

        Raises :class:`StoreError` on an engine without versions (``supports_reindex``
        False): its tables follow the schemas as they are written.
        """
        raise StoreError(f"the {self.engine} store has no index versions to rebuild")

    # --- lifecycle -------------------------------------------------------------------
    def bulk_load(self) -> AbstractContextManager[None]:
        """A context for loading many articles at once (``quotetrail index`` of a corpus).

        Inside it an engine may defer work that makes each write visible at once (the
        Elasticsearch engine stops refreshing), so reads may lag until the block ends;
        on exit everything written is searchable. Engines without such work do nothing.
        """
        return nullcontext()

    @abc.abstractmethod
    def ping(self) -> None:
        """Raise :class:`StoreError` naming the engine and location when it is unusable."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Remove everything (tests, ``quotetrail reset``)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections."""
