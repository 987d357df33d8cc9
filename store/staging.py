"""The staging area of a sharded ``index`` run in Elasticsearch (``indexer.sharding``).

Shards of one run (``quotetrail index PATHS --shard K/N`` on several machines) extract their
inputs concurrently and stage the results here; the last shard to finish links everything
once, in the order one run would have. Coordination uses Elasticsearch's own concurrency
control, never a lock of ours: each shard announces that it finished with a document
created with ``op_type=create`` (idempotent for a rerun of the same shard), and the right to
link is one more ``op_type=create`` document that exactly one shard can create (the others
get 409 and read who won).

One index per run, named through the alias ``{prefix}-run-{run id}`` and deleted when the
run has been linked; every write requires the alias (``require_alias``), so that a shard
arriving after the linking never re-creates the run by writing to it. It holds the
staged articles (id ``a-{input position}-{article position}``, the cleaned article and its
extracted attributions, kept in ``_source`` only), ``shard-K`` documents and ``link``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elasticsearch import ApiError, helpers

from store.base import StoreError
from store.elastic import ElasticStore

PAGE = 500  # staged articles read per request when linking
MAPPINGS = {
    "dynamic": False,  # the article and its attributions are kept, not indexed
    "properties": {
        "kind": {"type": "keyword"},  # article, shard or link
        "shard": {"type": "integer"},
        "source_index": {"type": "long"},  # position of the input among the run's inputs
        "ordinal": {"type": "long"},  # position of the article in its input
    },
}


class ShardBoard:
    """``ShardBoard(store, run)``: one sharded run's staged articles and coordination.

    ``run`` is the run's id (the same on every machine running a shard of it). Every
    method raises :class:`StoreError` when Elasticsearch refuses or cannot be reached.
    """

    def __init__(self, store: ElasticStore, run: str) -> None:
        self.store = store
        self.run = run
        self.index = f"{store.prefix}-run-{run}"
        with store._errors():
            if not store.es.indices.exists_alias(name=self.index):
                try:
                    store.es.indices.create(
                        index=f"{self.index}-staged",
                        settings={"number_of_shards": 1, "number_of_replicas": 0},
                        mappings=MAPPINGS,
                        aliases={self.index: {}},
                    )
                except ApiError as error:  # another shard created it first
                    if error.meta.status != 400 or "already_exists" not in str(error):
                        raise

    def staged_positions(self, shard: int) -> set[tuple[int, int]]:
        """(input position, article position) of the articles ``shard`` staged already."""
        query = {"bool": {"filter": [{"term": {"kind": "article"}}, {"term": {"shard": shard}}]}}
        found: set[tuple[int, int]] = set()
        for doc in self._sorted(query, ["source_index", "ordinal"]):
            found.add((doc["source_index"], doc["ordinal"]))
        return found

    def stage(self, shard: int, articles: list[dict[str, Any]]) -> None:
        """Stage extracted articles: dicts with ``source_index``, ``ordinal``,
        ``source_name``, ``article`` and ``attributions``. Idempotent (a rerun overwrites)."""
        actions = [
            {
                "_index": self.index,
                "_id": f"a-{a['source_index']}-{a['ordinal']}",
                "_source": {"kind": "article", "shard": shard, **a},
            }
            for a in articles
        ]
        with self.store._errors():
            results = helpers.streaming_bulk(
                self.store.es,
                actions,
                chunk_size=PAGE,
                max_retries=3,
                raise_on_error=False,
                require_alias=True,
            )
            refused = [item for ok, item in results if not ok]
        if refused:
            raise StoreError(
                f"Elasticsearch at {self.store.url} refused a staged article: {refused[0]}"
            )

    def finish(self, shard: int) -> int | None:
        """Record that ``shard`` has staged all its articles; how many shards have (None:
        the run was linked and removed meanwhile, so this shard had finished before)."""
        if self._create(f"shard-{shard}", {"kind": "shard", "shard": shard}) is None:
            return None
        with self.store._errors():
            self.store.es.indices.refresh(index=self.index)
            return int(
                self.store.es.count(index=self.index, query={"term": {"kind": "shard"}})["count"]
            )

    def claim_linking(self, shard: int) -> int | None:
        """The shard that links the run: ``shard`` when it is the first to claim it (or
        claimed it in an earlier, interrupted attempt), else the one that did; None when
        the run was linked (and removed) meanwhile."""
        created = self._create("link", {"kind": "link", "shard": shard})
        if created is None:
            return None
        if created:
            return shard
        with self.store._errors():
            return int(self.store.es.get(index=self.index, id="link")["_source"]["shard"])

    def staged(self) -> Iterator[dict[str, Any]]:
        """Every staged article, in input order then article order (one run's order)."""
        yield from self._sorted({"term": {"kind": "article"}}, None)

    def remove(self) -> None:
        """Delete the run's staging index (its articles are linked and stored)."""
        with self.store._errors():
            self.store.es.indices.delete(index=f"{self.index}-staged", ignore_unavailable=True)

    def _create(self, doc_id: str, body: dict[str, Any]) -> bool | None:
        """Create the document unless it exists (``op_type=create``): whether it was new,
        None when the run's index is gone (linked and removed)."""
        with self.store._errors():
            try:
                self.store.es.index(
                    index=self.index,
                    id=doc_id,
                    document=body,
                    op_type="create",
                    refresh=True,
                    require_alias=True,
                )
            except ApiError as error:
                if error.meta.status == 404:
                    return None
                if error.meta.status != 409:
                    raise
                return False
        return True

    def _sorted(self, query: dict[str, Any], fields: list[str] | None) -> Iterator[dict[str, Any]]:
        """The matching documents' sources by (source_index, ordinal), page by page."""
        after: list[Any] | None = None
        with self.store._errors():
            self.store.es.indices.refresh(index=self.index)
        while True:
            with self.store._errors():
                hits = self.store.es.search(
                    index=self.index,
                    query=query,
                    sort=[{"source_index": "asc"}, {"ordinal": "asc"}],
                    size=PAGE,
                    search_after=after,
                    source=fields if fields is not None else True,
                )["hits"]["hits"]
            yield from (hit["_source"] for hit in hits)
            if len(hits) < PAGE:
                return
            after = hits[-1]["sort"]
