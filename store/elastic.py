"""The Elasticsearch 8 engine: one index per record kind, versioned behind an alias.

Readers and writers only ever name the alias (``{prefix}-attributions``); the concrete
index (``{prefix}-attributions-v1``) can be rebuilt with :meth:`ElasticStore.reindex` and
swapped in atomically. Mappings come from ``schemas.mappings``. Writes refresh before
returning, so a search right after a write sees it. Every failure of the node surfaces as
one-line :class:`StoreError` naming the URL without its credentials.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from elasticsearch import (
    ApiError,
    ConnectionTimeout,
    Elasticsearch,
    NotFoundError,
    TransportError,
    UnsupportedProductError,
    helpers,
)

from schemas import OutletSchema, RecordError, SpeakerSchema, StatementSchema
from schemas.change import ChangeSchema
from schemas.mappings import SCHEMAS, index_body
from store.base import (
    HL_END,
    HL_START,
    MAX_DIRECTORY_MATCHES,
    MAX_RESULT_WINDOW,
    STATED_FIELDS,
    ArticleRecord,
    DirectoryEntry,
    DirectoryKind,
    DirectoryPage,
    DirectorySort,
    FacetValue,
    Hit,
    PutOutcome,
    SearchQuery,
    SearchResult,
    Store,
    StoreError,
    let_go,
    replaced_counts,
    stated,
)
from store.config import redact_url
from store.plan import (
    LABELLED,
    Plan,
    SortKey,
    reassign_label_field,
    reassigned,
    text_label,
)
from store.query_text import Words, merge_marks
from store.records import (
    WORD_STARTS,
    keyword,
    prepare_all,
    prepare_article,
    record_id,
    text_order,
)
from store.spelling import MIN_LENGTH, closest, max_distance

KINDS = tuple(SCHEMAS)
COUNTED_KINDS = tuple(kind for kind in KINDS if kind != "changes")  # what stats() counts
# One shard keeps facet counts exact; a replica appears when a second node joins.
INDEX_SETTINGS = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}
_ERRNO = re.compile(r"\[Errno -?\d+\] [^)'\"]+")
_SCAN_PAGE = 1000
# The aggregation holding the histogram and the facets not filtered on (_Dsl.aggregations)
_ALL_FILTERS = "all_filters"
_SLICE = 100  # articles per bulk request
_TERMS_SLICE = 10_000  # ids per terms query (Elasticsearch allows 65,536)
_LABELS_KEPT = 100_000  # facet labels cached per kind of record
# The generation of an index (see ElasticStore._labels_seen): its newest write, its count
_GENERATION = {"size": 1, "sort": [{"_seq_no": "desc"}], "_source": False, "track_total_hits": True}
LEASE = "lease"  # the index {prefix}-lease holds the writer lease (store.writer_lease)
LEASE_ID = "writer"  # the lease's holder document; the others are the linker memory handed on

T = TypeVar("T")


def _split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """The URL without user:password, and those credentials for basic auth."""
    parts = urlsplit(url)
    if not parts.username:
        return url, None
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    bare = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return bare, (unquote(parts.username), unquote(parts.password or ""))


def _guarded(method: Callable[..., T]) -> Callable[..., T]:
    """Turn the client's exceptions into StoreError, also inside generators."""
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def generator(self: ElasticStore, *args: Any, **kwargs: Any) -> Any:
            with self._errors():
                yield from method(self, *args, **kwargs)

        return generator  # type: ignore[return-value]

    @functools.wraps(method)
    def wrapper(self: ElasticStore, *args: Any, **kwargs: Any) -> T:
        with self._errors():
            return method(self, *args, **kwargs)

    return wrapper


class ElasticStore(Store):
    """A store in an Elasticsearch 8 cluster, under ``prefix``-named aliases."""

    engine = "elasticsearch"
    supports_reindex = True

    def __init__(
        self,
        url: str,
        api_key: str | None = None,
        ca_certs: str | None = None,
        prefix: str = "quotetrail",
        request_timeout: float = 30,
    ) -> None:
        self.url = redact_url(url)
        self.prefix = prefix
        host, basic_auth = _split_credentials(url)
        options: dict[str, Any] = {
            "request_timeout": request_timeout,
            "max_retries": 3,
            "retry_on_timeout": True,
        }
        if basic_auth:
            options["basic_auth"] = basic_auth
        if api_key:
            options["api_key"] = api_key
        if ca_certs:
            options["ca_certs"] = ca_certs
        try:
            self.es = Elasticsearch(host, **options)
        except ValueError as error:
            raise StoreError(f"Elasticsearch at {self.url}: {error}") from None
        self._bulk_loading = False
        # kind -> (generation of its index, names by id): see _labels_seen
        self._label_cache: dict[str, tuple[tuple[Any, ...], dict[str, str | None]]] = {}
        self._label_lock = threading.Lock()
        with self._errors():
            self._ensure_indices()

    # --- plumbing ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except ApiError as error:
            if isinstance(error, UnsupportedProductError) or not isinstance(error.body, dict):
                raise StoreError(  # a web server or proxy, not Elasticsearch's JSON
                    f"Elasticsearch at {self.url}: the server answered HTTP"
                    f" {error.meta.status} without Elasticsearch's product header or JSON"
                    " error; is ES_URL the address of an Elasticsearch node?"
                ) from None
            reason = _api_reason(error)
            raise StoreError(
                f"Elasticsearch at {self.url} refused the request ({error.meta.status}: {reason})"
            ) from None
        except ConnectionTimeout:
            raise StoreError(f"Elasticsearch at {self.url} did not answer in time") from None
        except TransportError as error:
            detail = _ERRNO.search(str(error))
            why = detail.group(0).strip() if detail else type(error).__name__
            raise StoreError(f"Elasticsearch at {self.url} is unreachable ({why})") from None
        except helpers.BulkIndexError as error:
            raise StoreError(f"Elasticsearch at {self.url}: {error}") from None

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    def _ensure_indices(self) -> None:
        for kind in KINDS:
            alias = self.alias(kind)
            if self.es.indices.exists_alias(name=alias):
                # fields a schema gained since the index was made (a verdict) are added to
                # its mapping; changing an existing field's type needs ``reindex``
                properties = index_body(kind)["mappings"]["properties"]
                self.es.indices.put_mapping(index=alias, properties=properties)
                continue
            if self.es.indices.exists(index=alias):
                raise StoreError(
                    f"Elasticsearch at {self.url}: {alias} is an index, expected an alias"
                )
            self._create_index(kind, 1, alias=True)

    def _create_index(self, kind: str, version: int, alias: bool) -> str:
        name = f"{self.alias(kind)}-v{version}"
        body = index_body(kind)
        settings = {**body["settings"], "index": INDEX_SETTINGS}
        try:
            self.es.indices.create(
                index=name,
                settings=settings,
                mappings=body["mappings"],
                aliases={self.alias(kind): {}} if alias else None,
            )
        except ApiError as error:  # another worker created it first
            if _api_type(error) != "resource_already_exists_exception":
                raise
        return name

    def _current_index(self, kind: str) -> str:
        return next(iter(self.es.indices.get_alias(name=self.alias(kind))))

    @_guarded
    def current_version(self, kind: str = "articles") -> int:
        """The version number of the index behind ``kind``'s alias (1 until a reindex)."""
        _, _, number = self._current_index(kind).rpartition("-v")
        return int(number)

    def _refresh(self, *kinds: str) -> None:
        self.es.indices.refresh(index=",".join(self.alias(kind) for kind in kinds))

    def _bulk(self, actions: list[dict[str, Any]]) -> list[tuple[bool, dict[str, Any]]]:
        return list(
            helpers.streaming_bulk(
                self.es,
                actions,
                chunk_size=2000,
                max_retries=3,
                initial_backoff=1,
                raise_on_error=False,
                raise_on_exception=True,
            )
        )

    # --- writing -----------------------------------------------------------------------
    @_guarded
    def put_articles(self, records: Iterable[ArticleRecord]) -> list[PutOutcome]:
        """Validated and sent in slices: a sender thread bulk-writes one slice while this
        thread validates the next, so Python and Elasticsearch work at the same time."""
        batch = list(records)
        outcomes: dict[int, PutOutcome] = {}
        sent: list[tuple[Future, list[tuple[int, dict, int, tuple | None]], dict]] = []
        with ThreadPoolExecutor(max_workers=1) as sender:
            for start in range(0, len(batch), _SLICE):
                writes, actions, owner = self._prepare_slice(batch, start, outcomes)
                if actions:
                    sent.append((sender.submit(self._bulk, actions), writes, owner))
            for future, writes, owner in sent:
                failed: dict[str, str] = {}
                for ok, item in future.result():
                    op_type, result = next(iter(item.items()))
                    if ok or (op_type == "delete" and result.get("status") == 404):
                        continue
                    article_id = owner.get(result.get("_id"), result.get("_id"))
                    failed.setdefault(article_id, _bulk_reason(result))
                for index, article, count, counts in writes:
                    if article["id"] in failed:
                        error = f"Elasticsearch refused it: {failed[article['id']]}"
                        outcomes[index] = PutOutcome(article["id"], "rejected", error=error)
                    else:
                        status = "indexed" if counts is None else "replaced"
                        removed, changed, released = counts or (0, 0, ())
                        outcomes[index] = PutOutcome(
                            article["id"],
                            status,
                            count,
                            removed=removed,
                            changed=changed,
                            released=released,
                        )
        if sent and not self._bulk_loading:
            self._refresh("articles", "attributions")
        return [outcomes[index] for index in range(len(batch))]

    def _prepare_slice(
        self, batch: list[ArticleRecord], start: int, outcomes: dict[int, PutOutcome]
    ) -> tuple[list[tuple[int, dict, int, tuple | None]], list[dict[str, Any]], dict[str, str]]:
        """Validate one slice; bulk actions for what changed (stale attributions deleted).
        Each write: (index, article, attributions, (stored attributions removed, changed,
        statements let go of: ``store.base.let_go``), None when the article is new)."""
        prepared = []
        for index in range(start, min(start + _SLICE, len(batch))):
            try:
                prepared.append((index, *prepare_article(batch[index])))
            except RecordError as error:
                outcomes[index] = PutOutcome(
                    record_id(batch[index], index), "rejected", error=str(error)
                )
        stored = self._fingerprints([article["id"] for _, article, _ in prepared])
        changed = []
        for index, article, attributions in prepared:
            known = article["id"] in stored
            if known and article["fingerprint"] and stored[article["id"]] == article["fingerprint"]:
                outcomes[index] = PutOutcome(article["id"], "unchanged", len(attributions))
            else:
                changed.append((index, article, attributions, known))
        stale = self._stored_statements([article["id"] for _, article, _, k in changed if k])
        writes, actions, owner = [], [], {}
        for index, article, attributions, known in changed:
            stored = stale.get(article["id"], {})
            gone = set(stored) - {a["id"] for a in attributions}
            earlier = {i: doc.get("earlier_ids") or [] for i, doc in stored.items()}
            said = {i: stated(doc) for i, doc in stored.items()}
            counts = (
                (
                    *replaced_counts(said, attributions, earlier),
                    tuple(sorted(let_go(stored.values(), attributions))),
                )
                if known
                else None
            )
            writes.append((index, article, len(attributions), counts))
            actions.append(
                {"_index": self.alias("articles"), "_id": article["id"], "_source": article}
            )
            for attribution in attributions:
                owner[attribution["id"]] = article["id"]
                actions.append(
                    {
                        "_index": self.alias("attributions"),
                        "_id": attribution["id"],
                        "_source": attribution,
                    }
                )
            for old in gone:
                actions.append(
                    {"_op_type": "delete", "_index": self.alias("attributions"), "_id": old}
                )
        return writes, actions, owner

    def _fingerprints(self, article_ids: list[str]) -> dict[str, str | None]:
        if not article_ids:
            return {}
        docs = self.es.mget(
            index=self.alias("articles"), ids=article_ids, source_includes=["fingerprint"]
        )["docs"]
        return {d["_id"]: d["_source"].get("fingerprint") for d in docs if d.get("found")}

    def _attribution_ids(self, article_ids: list[str]) -> dict[str, set[str]]:
        """The stored attribution ids of these articles, by article."""
        found = self._stored_statements(article_ids)
        return {article: set(ids) for article, ids in found.items()}

    def _stored_statements(self, article_ids: list[str]) -> dict[str, dict[str, dict]]:
        """The stored attributions of these articles, by article: id -> its fields of
        :data:`store.base.STATED_FIELDS`, its ``earlier_ids`` and ``statement_id``."""
        found: dict[str, dict[str, dict]] = {}
        if not article_ids:
            return found
        query = {"terms": {"article_id": article_ids}}
        page = self.es.search(
            index=self.alias("attributions"),
            query=query,
            _source=["article_id", "earlier_ids", "statement_id", *STATED_FIELDS],
            size=MAX_RESULT_WINDOW,
            track_total_hits=True,
        )["hits"]
        docs: Iterable[dict[str, Any]] = page["hits"]
        if page["total"]["value"] > len(page["hits"]):  # more than one page: scroll
            docs = helpers.scan(
                self.es,
                index=self.alias("attributions"),
                query={"query": query},
                _source=["article_id", "earlier_ids", "statement_id", *STATED_FIELDS],
                size=_SCAN_PAGE,
            )
        for doc in docs:
            source = doc["_source"]
            found.setdefault(source["article_id"], {})[doc["_id"]] = source
        return found

    @_guarded
    def delete_article(self, article_id: str) -> bool:
        try:
            self.es.delete(index=self.alias("articles"), id=article_id, refresh=True)
            found = True
        except NotFoundError:
            found = False
        stale = self._attribution_ids([article_id]).get(article_id, set())
        self._bulk(
            [
                {"_op_type": "delete", "_index": self.alias("attributions"), "_id": old}
                for old in stale
            ]
        )
        self._refresh("attributions")
        return found

    @_guarded
    def release_statements(self, statement_ids: Iterable[str]) -> list[str]:
        wanted = list(dict.fromkeys(statement_ids))
        if not wanted:
            return []
        self._refresh("attributions")  # a bulk load refreshes only at its end
        carried: set[str] = set()
        for start in range(0, len(wanted), _TERMS_SLICE):
            some = wanted[start : start + _TERMS_SLICE]
            found = self.es.search(
                index=self.alias("attributions"),
                query={"terms": {"statement_id": some}},
                size=0,
                aggs={"carried": {"terms": {"field": "statement_id", "size": len(some)}}},
            )
            carried.update(b["key"] for b in found["aggregations"]["carried"]["buckets"])
        gone = [i for i in wanted if i not in carried]
        self.delete_records("statements", gone)
        return gone

    @_guarded
    def put_speakers(self, speakers: Iterable[dict[str, Any]]) -> None:
        self._put_records("speakers", prepare_all(SpeakerSchema, speakers))

    @_guarded
    def put_outlets(self, outlets: Iterable[dict[str, Any]]) -> None:
        self._put_records("outlets", prepare_all(OutletSchema, outlets))

    @_guarded
    def put_statements(self, statements: Iterable[dict[str, Any]]) -> None:
        self._put_records("statements", prepare_all(StatementSchema, statements))

    def _put_records(self, kind: str, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        index = self.alias(kind)
        results = self._bulk([{"_index": index, "_id": r["id"], "_source": r} for r in records])
        refused = [_bulk_reason(next(iter(item.values()))) for ok, item in results if not ok]
        self._refresh(kind)
        if refused:
            raise StoreError(f"Elasticsearch at {self.url} refused {kind}: {refused[0]}")

    @_guarded
    def delete_records(self, kind: str, ids: Iterable[str]) -> None:
        if kind not in ("outlets", "speakers", "statements"):
            raise ValueError(f"no such kind of canonical record: {kind!r}")
        actions = [
            {"_op_type": "delete", "_index": self.alias(kind), "_id": i} for i in dict.fromkeys(ids)
        ]
        if actions:
            self._bulk(actions)
            self._refresh(kind)

    @_guarded
    def get_records(self, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        found = self.es.mget(index=self.alias(kind), ids=wanted)["docs"]
        return {d["_id"]: d["_source"] for d in found if d.get("found")}

    @_guarded
    def reassign(self, field_name: str, old: str, new: str, label: str | None = None) -> int:
        reassign_label_field(field_name)
        # Read, change and write back in Python: no scripting module needed on the node.
        changed = []
        for hit in helpers.scan(
            self.es,
            index=self.alias("attributions"),
            query={"query": {"term": {field_name: old}}},
            size=_SCAN_PAGE,
        ):
            changed.append(reassigned(hit["_source"], field_name, old, new, label))
        results = self._bulk(
            [{"_index": self.alias("attributions"), "_id": a["id"], "_source": a} for a in changed]
        )
        self._refresh("attributions")
        refused = [_bulk_reason(next(iter(item.values()))) for ok, item in results if not ok]
        if refused:
            raise StoreError(f"Elasticsearch at {self.url} refused a reassignment: {refused[0]}")
        return len(changed)

    @_guarded
    def spelling(self, words: list[str]) -> dict[str, str]:
        wanted = [w for w in dict.fromkeys(w.lower() for w in words) if len(w) >= MIN_LENGTH]
        if not wanted:
            return {}
        suggest = {
            f"w{n}": {
                "text": word,
                "term": {"field": "content.exact", "suggest_mode": "missing",
                         "max_edits": max_distance(word), "size": 10, "min_word_length": 1,
                         "prefix_length": 0, "string_distance": "damerau_levenshtein"},
            }
            for n, word in enumerate(wanted)
        }
        response = self.es.search(index=self.alias("attributions"), size=0, suggest=suggest)
        found: dict[str, str] = {}
        for n, word in enumerate(wanted):
            entries = response["suggest"][f"w{n}"]
            options = [(o["text"], o["freq"]) for e in entries for o in e["options"]]
            best = closest(word, options) if options else None
            if best:
                found[word] = best
        return found

    @_guarded
    def put_change(self, change: dict[str, Any]) -> None:
        self._put_records("changes", prepare_all(ChangeSchema, [change]))

    @_guarded
    def get_change(self, change_id: str) -> dict[str, Any] | None:
        return self._get("changes", change_id)

    @_guarded
    def changes(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self._sources(
            "changes",
            query={"match_all": {}},
            sort=[{"at": "desc"}, {"id": "desc"}],
            size=limit,
            from_=offset,
        )

    @_guarded
    def relabel(self, where_field: str, value: str, field_name: str, new: Any) -> int:
        changed = [
            {**hit["_source"], field_name: new}
            for hit in helpers.scan(
                self.es,
                index=self.alias("attributions"),
                query={"query": {"term": {where_field: value}}},
                size=_SCAN_PAGE,
            )
        ]
        results = self._bulk(
            [{"_index": self.alias("attributions"), "_id": a["id"], "_source": a} for a in changed]
        )
        self._refresh("attributions")
        refused = [_bulk_reason(next(iter(item.values()))) for ok, item in results if not ok]
        if refused:
            raise StoreError(f"Elasticsearch at {self.url} refused a relabelling: {refused[0]}")
        return len(changed)

    # --- reading -----------------------------------------------------------------------
    def _get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        try:
            return self.es.get(index=self.alias(kind), id=record_id)["_source"]
        except NotFoundError:
            return None

    def _sources(self, kind: str, **search: Any) -> list[dict[str, Any]]:
        response = self.es.search(index=self.alias(kind), **search)
        return [hit["_source"] for hit in response["hits"]["hits"]]

    @_guarded
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        return self._get("articles", article_id)

    @_guarded
    def get_attribution(self, attribution_id: str) -> dict[str, Any] | None:
        return self._get("attributions", attribution_id)

    @_guarded
    def moved_attribution(self, attribution_id: str) -> str | None:
        hits = self.es.search(
            index=self.alias("attributions"),
            query={"term": {"earlier_ids": attribution_id}},
            _source=False,
            size=1,
        )["hits"]["hits"]
        return str(hits[0]["_id"]) if hits else None

    @_guarded
    def article_attributions(self, article_id: str) -> list[dict[str, Any]]:
        docs = self._sources(
            "attributions", query={"term": {"article_id": article_id}}, size=MAX_RESULT_WINDOW
        )
        return sorted(docs, key=text_order)

    @_guarded
    def get_speaker(self, speaker_id: str) -> dict[str, Any] | None:
        return self._get("speakers", speaker_id)

    @_guarded
    def get_outlet(self, outlet_id: str) -> dict[str, Any] | None:
        return self._get("outlets", outlet_id)

    @_guarded
    def get_statement(self, statement_id: str) -> dict[str, Any] | None:
        return self._get("statements", statement_id)

    def _named(self, kind: str, fields: list[str], name: str, limit: int) -> list[dict]:
        """Exact, case-insensitive: the fields' lowercase normalizer also applies to ``term``."""
        should = [{"term": {field: name}} for field in fields]
        return self._sources(
            kind,
            query={"bool": {"should": should, "minimum_should_match": 1}},
            sort=[{"id": "asc"}],
            size=limit,
        )

    @_guarded
    def find_speakers(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._named("speakers", ["name.raw", "aliases"], name, limit)

    @_guarded
    def find_outlets(self, name_or_domain: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._named("outlets", ["name.raw", "aliases", "domains"], name_or_domain, limit)

    @_guarded
    def directory(
        self,
        kind: DirectoryKind,
        text: str = "",
        sort: DirectorySort = "count",
        page: int = 1,
        per_page: int = 50,
    ) -> DirectoryPage:
        fields, owner = _DIRECTORY[kind]
        wanted = keyword(text.strip())
        query: dict[str, Any] = {"match_all": {}}
        if wanted:  # store.records.name_matches, on the folded keyword fields
            escaped = re.sub(r"([*?\\])", r"\\\1", wanted)
            should = []
            for field in fields:
                should.append({"prefix": {field: {"value": wanted}}})
                should.extend(
                    {"wildcard": {field: {"value": f"*{start}{escaped}*"}}} for start in WORD_STARTS
                )
            query = {"bool": {"should": should, "minimum_should_match": 1}}
        found = self.es.search(
            index=self.alias(kind), query=query, size=MAX_DIRECTORY_MATCHES,
            source=["name"], track_total_hits=MAX_DIRECTORY_MATCHES,
        )["hits"]["hits"]
        names = {hit["_id"]: keyword(hit["_source"].get("name") or "") for hit in found}
        counts: dict[str, int] = {}
        relayed: dict[str, int] = {}
        if names:
            # the listed records' own ids: an owner id without a record must not push one out
            terms: dict[str, Any] = {"size": len(names), "include": sorted(names)}
            aggs = {"n": {"terms": {"field": owner, **terms}}}
            if kind == "outlets":  # an outlet also carries what it relayed (Store.directory)
                aggs["relayed"] = {"terms": {"field": "via_outlet_ids", **terms}}
            found_aggs = self.es.search(
                index=self.alias("attributions"), size=0, aggs=aggs
            )["aggregations"]
            counts = {b["key"]: b["doc_count"] for b in found_aggs["n"]["buckets"]}
            if kind == "outlets":
                relayed = {b["key"]: b["doc_count"] for b in found_aggs["relayed"]["buckets"]}

        def carried(i: str) -> int:
            return counts.get(i, 0) + relayed.get(i, 0)

        names = {i: name for i, name in names.items() if carried(i)}  # see Store.directory
        if sort == "count":
            order = sorted(names, key=lambda i: (-carried(i), names[i], i))
        else:
            order = sorted(names, key=lambda i: (names[i], i))
        start = (max(page, 1) - 1) * per_page
        chosen = order[start : start + per_page]
        docs = self.es.mget(index=self.alias(kind), ids=chosen)["docs"] if chosen else []
        entries = [
            DirectoryEntry(doc["_source"], counts.get(doc["_id"], 0), relayed.get(doc["_id"], 0))
            for doc in docs
            if doc.get("found")
        ]
        return DirectoryPage(len(names), entries)

    @_guarded
    def statements_by_keys(self, keys: Iterable[str], limit: int = 50) -> list[dict[str, Any]]:
        keys = sorted(set(keys))
        return self._sources("statements", **_sharing_keys(keys, limit)) if keys else []

    @_guarded
    def statements_by_key_sets(
        self, key_sets: list[tuple[list[str], int]]
    ) -> list[list[dict[str, Any]]]:
        searches = [(sorted(set(keys)), limit) for keys, limit in key_sets]
        found = iter(self._msearch("statements", [_sharing_keys(*s) for s in searches if s[0]]))
        return [next(found) if keys else [] for keys, _ in searches]

    @_guarded
    def articles_by_body_hash(self, body_hash: str) -> list[dict[str, Any]]:
        return self._sources("articles", **_same_body(body_hash))

    @_guarded
    def articles_by_body_hashes(self, body_hashes: list[str]) -> dict[str, list[dict[str, Any]]]:
        hashes = list(dict.fromkeys(body_hashes))
        found = self._msearch("articles", [_same_body(h) for h in hashes])
        return dict(zip(hashes, found, strict=True))

    def _msearch(self, kind: str, bodies: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
        """The sources each search body finds, in one request."""
        if not bodies:
            return []
        index = self.alias(kind)
        searches: list[dict[str, Any]] = []
        for body in bodies:
            searches += [{"index": index}, body]
        answers = self.es.msearch(searches=searches)["responses"]
        failed = [a["error"] for a in answers if "error" in a]
        if failed:
            raise StoreError(f"Elasticsearch at {self.url} refused a search: {failed[0]}")
        return [[hit["_source"] for hit in a["hits"]["hits"]] for a in answers]

    # --- search ------------------------------------------------------------------------
    @_guarded
    def search(self, query: SearchQuery) -> SearchResult:
        """One round trip: with facets, two searches in one ``msearch`` that Elasticsearch
        runs side by side. The page of hits takes the filters in its query and counts
        nothing, so only competitive matches are scored; the counts (``size`` 0, no
        scores, cacheable by the request cache) give the facets, the histogram and the
        total (the matches under all the filters)."""
        plan = _Dsl(Plan(query))
        offset = (max(query.page, 1) - 1) * query.per_page
        size = max(0, min(query.per_page, MAX_RESULT_WINDOW - offset))
        body: dict[str, Any] = {
            "query": plan.query(plan.filters()),
            "sort": plan.sort,
            "from": min(offset, MAX_RESULT_WINDOW),
            "size": size,
            "track_total_hits": not query.facets,
        }
        if plan.parsed.positive and query.highlight:
            body["highlight"] = {
                "pre_tags": [HL_START],
                "post_tags": [HL_END],
                "number_of_fragments": 0,
                "fields": {"content": {}, "content.exact": {}},
            }
        index = self.alias("attributions")
        aggs: dict[str, Any] = {}
        if query.facets:
            counting = {
                "query": plan.query(),
                "size": 0,
                "track_total_hits": False,
                "aggs": plan.aggregations(query.facet_size),
            }
            labelled = sorted(set(LABELLED.values()))
            probes: list[dict[str, Any]] = []
            for kind in labelled:
                probes += [{"index": self.alias(kind)}, _GENERATION]
            response, counted, *generations = self._answers(
                [{"index": index}, body, {"index": index}, counting, *probes]
            )
            aggs = counted["aggregations"]
            self._labels_seen(dict(zip(labelled, map(_generation, generations), strict=True)))
            total = int(aggs[_ALL_FILTERS]["doc_count"])
        else:
            response = self.es.search(index=index, **body)
            total = response["hits"]["total"]["value"]
        hits = []
        for hit in response["hits"]["hits"]:
            attribution = hit["_source"]
            marked = [texts[0] for texts in hit.get("highlight", {}).values()]
            highlight = merge_marks(attribution["content"], marked) if marked else None
            score = hit.get("_score")  # only ranked by relevance; None when sorted by date
            hits.append(Hit(attribution, highlight or attribution["content"], score))
        facets: dict[str, list[FacetValue]] = {}
        totals: dict[str, int] = {}
        histogram: list[tuple[str, int]] = []
        if aggs:
            names = [facet.name for facet in plan.plan.facets]
            counts = {name: plan.facet_counts(aggs, name) for name in names}
            buckets = {name: counts[name][0][: query.facet_size] for name in names}
            labels = self._labels(
                plan.plan, {name: [b["key"] for b in buckets[name]] for name in names}
            )
            for name in names:
                facets[name] = [
                    FacetValue(b["key"], b["doc_count"], labels.get((name, b["key"]), b["key"]))
                    for b in buckets[name]
                ]
                totals[name] = counts[name][1]
            histogram = plan.histogram(aggs)
        return SearchResult(total, hits, facets, histogram, totals)

    def _answers(self, searches: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The responses to an ``msearch`` (header and body pairs), in order; StoreError,
        worded as for a single search, when any of them was refused."""
        answers = self.es.msearch(searches=searches)["responses"]
        for answer in answers:
            if "error" in answer:
                error = answer["error"]
                reason = (
                    f"{error.get('type', '')}: {error.get('reason', '')}"
                    if isinstance(error, dict)
                    else str(error)
                )
                raise StoreError(
                    f"Elasticsearch at {self.url} refused the request"
                    f" ({answer.get('status')}: {' '.join(reason.split())[:300]})"
                )
        return answers

    def _labels(self, plan: Plan, values: dict[str, list[str]]) -> dict[tuple[str, str], str]:
        """Display names (``store.plan.LABELLED``): the record's name, else the name the
        text used in the first attribution (by id) that has one."""
        labels: dict[tuple[str, str], str] = {}
        keys = [(name, value) for name in LABELLED for value in values.get(name, [])]
        wanted = sorted({(LABELLED[name], v) for name, v in keys})
        names = self._known_names(wanted)  # None: no such record
        unknown = [key for key in wanted if key not in names]
        if unknown:
            docs = self.es.mget(
                docs=[{"_index": self.alias(kind), "_id": v} for kind, v in unknown],
                source_includes=["name"],
            )["docs"]
            fetched = {
                key: doc["_source"]["name"] if doc.get("found") else None
                for key, doc in zip(unknown, docs, strict=True)
            }
            self._remember_names(fetched)
            names.update(fetched)
        for name, value in keys:
            record_name = names.get((LABELLED[name], value))
            if record_name is not None:
                labels[(name, value)] = record_name
        missing = [key for key in keys if key not in labels]
        if not missing:
            return labels
        facets = {facet.name: facet for facet in plan.facets}
        searches: list[dict[str, Any]] = []
        for name, value in missing:
            field, label = facets[name].field, facets[name].filter.label_field
            searches += [
                {"index": self.alias("attributions")},
                {
                    "query": {
                        "bool": {"filter": [{"term": {field: value}}, {"exists": {"field": label}}]}
                    },
                    "sort": [{"id": "asc"}],
                    "size": 1,
                    "_source": [field, label],
                },
            ]
        responses = self.es.msearch(searches=searches)["responses"]
        for (name, value), response in zip(missing, responses, strict=True):
            for hit in response.get("hits", {}).get("hits", []):
                text = text_label(hit["_source"], facets[name], value)
                if text:
                    labels[(name, value)] = text
        return labels

    # The names of speakers and outlets shown as facet labels, kept between searches while
    # their index is unchanged: each faceted search asks for the generation of those
    # indices in its own msearch (_GENERATION: the newest sequence number and the count,
    # which any write or delete changes), so a label is read from the node only when new
    # or when the records may have changed, by this process or any other.
    def _labels_seen(self, generations: dict[str, tuple[Any, ...]]) -> None:
        """Forget the cached names of a kind whose index changed since they were read."""
        with self._label_lock:
            for kind, generation in generations.items():
                if self._label_cache.get(kind, (None, {}))[0] != generation:
                    self._label_cache[kind] = (generation, {})

    def _known_names(self, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str | None]:
        with self._label_lock:
            return {
                (kind, value): self._label_cache[kind][1][value]
                for kind, value in wanted
                if value in self._label_cache.get(kind, (None, {}))[1]
            }

    def _remember_names(self, names: dict[tuple[str, str], str | None]) -> None:
        with self._label_lock:
            for (kind, value), name in names.items():
                if kind in self._label_cache and len(self._label_cache[kind][1]) < _LABELS_KEPT:
                    self._label_cache[kind][1][value] = name

    @_guarded
    def scan(self, query: SearchQuery) -> Iterator[dict[str, Any]]:
        """Every match in order, paged with a point in time and ``search_after``."""
        plan = _Dsl(Plan(query))
        pit = self.es.open_point_in_time(index=self.alias("attributions"), keep_alive="2m")["id"]
        try:
            after = None
            while True:
                page = self.es.search(
                    query={"bool": {"must": plan.query(), "filter": plan.filters()}},
                    sort=plan.sort,
                    size=_SCAN_PAGE,
                    pit={"id": pit, "keep_alive": "2m"},
                    search_after=after,
                    track_total_hits=False,
                )
                hits = page["hits"]["hits"]
                for hit in hits:
                    yield hit["_source"]
                if len(hits) < _SCAN_PAGE:
                    return
                pit, after = page.get("pit_id", pit), hits[-1]["sort"]
        finally:
            with contextlib.suppress(ApiError, TransportError):  # else it expires on its own
                self.es.close_point_in_time(id=pit)

    @_guarded
    def stats(self) -> dict[str, int]:
        return {
            kind: int(self.es.count(index=self.alias(kind))["count"]) for kind in COUNTED_KINDS
        }

    # --- lifecycle ---------------------------------------------------------------------
    @contextlib.contextmanager
    def bulk_load(self) -> Iterator[None]:
        """No periodic or per-call refresh while loading; one refresh at the end."""
        indices = ",".join(self.alias(kind) for kind in ("articles", "attributions"))
        with self._errors():
            self.es.indices.put_settings(index=indices, settings={"refresh_interval": "-1"})
        self._bulk_loading = True
        try:
            yield
        finally:
            self._bulk_loading = False
            with self._errors():
                self.es.indices.put_settings(index=indices, settings={"refresh_interval": None})
                self.es.indices.refresh(index=indices)

    @_guarded
    def ping(self) -> None:
        self.es.cluster.health(index=",".join(self.alias(kind) for kind in KINDS))

    @_guarded
    def clear(self) -> None:
        """Drop and recreate the record indices: faster than deleting every document. The
        writer lease stays with its holder (``quotetrail reset`` holds it while it clears,
        see ``store.writer_lease``); the linker memory handed on with it is deleted, as it
        names records that are gone."""
        self._delete_indices(lease=False)
        self._ensure_indices()
        lease = self.alias(LEASE)
        if not self.es.indices.exists(index=lease):
            return
        others = {"bool": {"must_not": {"ids": {"values": [LEASE_ID]}}}}
        handed = helpers.scan(self.es, index=lease, query={"query": others}, _source=False)
        deletes = ({"_op_type": "delete", "_index": lease, "_id": d["_id"]} for d in handed)
        helpers.bulk(self.es, deletes, refresh=True)

    @_guarded
    def drop(self) -> None:
        """Delete every index of this prefix (tests, benches): the aliases go with them, and
        the writer lease with the linker's memory it hands on (``store.writer_lease``)."""
        self._delete_indices(lease=True)

    def _delete_indices(self, lease: bool) -> None:
        """Delete the record indices of this prefix (every version), and with ``lease`` the
        writer lease's index."""
        names = [
            name
            for name in self.es.indices.get(index=f"{self.prefix}-*", expand_wildcards="all")
            if any(name.startswith(f"{self.alias(kind)}-v") for kind in KINDS)
            or (lease and name == self.alias(LEASE))
        ]
        if names:
            self.es.indices.delete(index=",".join(names))

    @_guarded
    def reindex(self, new_version: int) -> dict[str, int]:
        """Copy every index into version ``new_version`` (current mappings), then swap.

        The aliases move in one atomic request, so readers never see a missing or half
        filled index. Pause writers meanwhile: writes to the old version after its copy
        would be lost. The old indices are kept for a rollback; :meth:`drop` removes all.
        """
        copied: dict[str, int] = {}
        actions: list[dict[str, Any]] = []
        for kind in KINDS:
            current = self._current_index(kind)
            target = f"{self.alias(kind)}-v{new_version}"
            if target == current:
                raise ValueError(f"{kind} is already at version {new_version}")
            self._create_index(kind, new_version, alias=False)
            copied[kind] = self._copy(current, target)
            actions += [
                {"remove": {"index": current, "alias": self.alias(kind)}},
                {"add": {"index": target, "alias": self.alias(kind)}},
            ]
        self.es.indices.update_aliases(actions=actions)
        return copied

    def _copy(self, source: str, target: str) -> int:
        """Copy with the reindex API; a node without the reindex module copies client-side."""
        try:
            response = self.es.options(request_timeout=3600).reindex(
                source={"index": source},
                dest={"index": target},
                wait_for_completion=True,
                refresh=True,
            )
            return int(response["total"])
        except ApiError as error:
            # without the module, /_reindex is taken for an index name (or not routed at all)
            if error.meta.status not in (400, 404, 405) or "_reindex" not in str(error.body):
                raise
        copied = 0
        documents = helpers.scan(self.es, index=source, size=_SCAN_PAGE)
        actions = ({"_index": target, "_id": d["_id"], "_source": d["_source"]} for d in documents)
        for ok, _ in helpers.streaming_bulk(self.es, actions, chunk_size=2000, max_retries=3):
            copied += ok
        self.es.indices.refresh(index=target)
        return copied

    def close(self) -> None:
        self.es.close()


def _generation(answer: dict[str, Any]) -> tuple[Any, ...]:
    """(concrete index, newest sequence number, count) from the answer to _GENERATION."""
    hits = answer["hits"]["hits"]
    newest = (hits[0]["_index"], hits[0]["sort"][0]) if hits else (None, None)
    return (*newest, answer["hits"]["total"]["value"])


def _sort(keys: tuple[SortKey, ...]) -> list[Any]:
    """The sort clause for the plan's sort keys; missing values last."""
    out: list[Any] = []
    for key in keys:
        order = "desc" if key.descending else "asc"
        if key.field == "score":
            out.append({"_score": order})
        elif key.nullable:
            out.append({key.field: {"order": order, "missing": "_last"}})
        else:
            out.append({key.field: order})
    return out


def _words_query(words: Words) -> dict[str, Any]:
    """What ``words`` finds (``store.query_text``): stemmed words anywhere in ``content``,
    or an exact phrase in ``content.exact``."""
    if words.exact:
        return {"match_phrase": {"content.exact": " ".join(words.words)}}
    return {"match": {"content": {"query": " ".join(words.words), "operator": "and"}}}


def _any_of(clause: tuple[Words, ...]) -> dict[str, Any]:
    """A required clause: any of its alternatives."""
    if len(clause) == 1:
        return _words_query(clause[0])
    return {"bool": {"should": [_words_query(w) for w in clause], "minimum_should_match": 1}}


class _Dsl:
    """A plan (``store.plan``) in the query DSL."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.parsed = plan.parsed
        self.date_range: dict[str, str] = {}
        if plan.date_from:
            self.date_range["gte"] = plan.date_from
        if plan.date_to:
            self.date_range["lte"] = plan.date_to
        self.sort = _sort(plan.sort)

    def query(self, *also: dict[str, Any]) -> dict[str, Any]:
        """Text and dates: what every facet counts within; ``also``: more filter clauses
        (they narrow the matches and leave the scores alone)."""
        must = [_any_of(clause) for clause in self.parsed.required]
        must_not = [_words_query(words) for words in self.parsed.excluded]
        filters = [{"range": {"published": self.date_range}}] if self.date_range else []
        filters += also
        return {
            "bool": {"must": must or [{"match_all": {}}], "must_not": must_not, "filter": filters}
        }

    def filters(self, exclude: str | None = None) -> dict[str, Any]:
        clauses = [
            {"terms": {facet.field: list(values)}}
            for facet, values in self.plan.filters_except(exclude)
        ]
        return {"bool": {"filter": clauses}}

    def aggregations(self, size: int) -> dict[str, Any]:
        """Each facet under every filter but its own; the histogram under all of them.

        A facet that is not filtered on counts under all the filters too, so those facets
        and the histogram share one ``filter`` aggregation (``_ALL_FILTERS``): each match
        of the text is tested once per distinct set of filters, not once per facet (at
        1,000,000 attributions that is most of a faceted query's time). Read the counts
        back with :meth:`facet_counts`.
        """
        filtered = {facet.name for facet, _ in self.plan.filters}
        shared: dict[str, Any] = {
            "months": {
                "date_histogram": {
                    "field": "published",
                    "calendar_interval": "month",
                    "format": "yyyy-MM",
                    "min_doc_count": 1,
                }
            }
        }
        aggs: dict[str, Any] = {_ALL_FILTERS: {"filter": self.filters(), "aggs": shared}}
        for facet in self.plan.facets:
            terms: dict[str, Any] = {
                "field": facet.field,
                "size": max(size, 1),
                "order": [{"_count": "desc"}, {"_key": "asc"}],
            }
            if facet.name in self.plan.facet_values:
                terms["include"] = list(self.plan.facet_values[facet.name])
            counts = {
                f"values:{facet.name}": {"terms": terms},
                f"distinct:{facet.name}": {"cardinality": {"field": facet.field}},
            }
            if facet.name in filtered:
                aggs[facet.name] = {"filter": self.filters(exclude=facet.name), "aggs": counts}
            else:
                shared.update(counts)
        return aggs

    @staticmethod
    def facet_counts(aggs: dict[str, Any], name: str) -> tuple[list[dict[str, Any]], int]:
        """The buckets and the number of distinct values of facet ``name`` in the
        ``aggregations`` of a response to :meth:`aggregations`."""
        counted = aggs[name] if name in aggs else aggs[_ALL_FILTERS]
        buckets = counted[f"values:{name}"]["buckets"]
        return buckets, int(counted[f"distinct:{name}"]["value"])

    @staticmethod
    def histogram(aggs: dict[str, Any]) -> list[tuple[str, int]]:
        """``(yyyy-MM, matches)`` per month with matches, from :meth:`aggregations`."""
        months = aggs[_ALL_FILTERS]["months"]["buckets"]
        return [(b["key_as_string"], b["doc_count"]) for b in months if b["doc_count"]]


# Directory kind -> (its name fields, folded; the attribution field pointing at its records)
_DIRECTORY = {
    "speakers": (["name.raw", "aliases"], "speaker_id"),
    "outlets": (["name.raw", "aliases", "domains"], "outlet_id"),
}


def _api_type(error: ApiError) -> str:
    body = error.body if isinstance(error.body, dict) else {}
    return str((body.get("error") or {}).get("type", "")) if isinstance(body, dict) else ""


def _api_reason(error: ApiError) -> str:
    body = error.body if isinstance(error.body, dict) else {}
    detail = body.get("error") if isinstance(body, dict) else None
    if isinstance(detail, dict):
        text = f"{detail.get('type', '')}: {detail.get('reason', '')}"
    else:
        text = str(detail or error.message)
    return " ".join(text.split())[:300]


def _bulk_reason(result: dict[str, Any]) -> str:
    error = result.get("error") or {}
    if isinstance(error, dict):
        return " ".join(f"{error.get('type', '')}: {error.get('reason', '')}".split())[:300]
    return str(error)[:300]


def _sharing_keys(keys: list[str], limit: int) -> dict[str, Any]:
    """Statements sharing a key; each shared key scores exactly 1, so the score counts them."""
    should = [{"constant_score": {"filter": {"term": {"keys": key}}}} for key in keys]
    return {
        "query": {"bool": {"should": should, "minimum_should_match": 1}},
        "sort": [{"_score": "desc"}, {"id": "asc"}],
        "size": limit,
    }


def _same_body(body_hash: str) -> dict[str, Any]:
    return {
        "query": {"term": {"body_hash": body_hash}},
        "sort": [{"published": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
        "size": 1000,
    }
