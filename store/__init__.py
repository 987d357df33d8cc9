"""Storage: one interface (``store.base.Store``), two engines (SQLite FTS5, Elasticsearch 8)."""

from store.base import (
    FACETS,
    HL_END,
    HL_START,
    ArticleRecord,
    FacetValue,
    Hit,
    PutOutcome,
    SearchQuery,
    SearchResult,
    Store,
    StoreError,
)
from store.config import StoreConfig, open_store

__all__ = [
    "FACETS",
    "HL_END",
    "HL_START",
    "ArticleRecord",
    "FacetValue",
    "Hit",
    "PutOutcome",
    "SearchQuery",
    "SearchResult",
    "Store",
    "StoreConfig",
    "StoreError",
    "open_store",
]
