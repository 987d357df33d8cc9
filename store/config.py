"""Choosing the engine from the environment: ``ES_URL`` set means Elasticsearch."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from quotetrail.errors import StoreError
from store.base import Store

DEFAULT_DB = "quotetrail.db"


@dataclass(frozen=True)
class StoreConfig:
    """Where the store lives. Secrets are kept out of ``repr`` so they never reach a log."""

    es_url: str | None = None
    es_api_key: str | None = None
    es_ca_certs: str | None = None
    index_prefix: str = "quotetrail"
    db_path: str = DEFAULT_DB

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> StoreConfig:
        env = os.environ if env is None else env
        return cls(
            es_url=env.get("ES_URL") or None,
            es_api_key=env.get("ES_API_KEY") or None,
            es_ca_certs=env.get("ES_CA_CERTS") or None,
            index_prefix=env.get("QUOTETRAIL_INDEX_PREFIX") or "quotetrail",
            db_path=env.get("QUOTETRAIL_DB") or DEFAULT_DB,
        )

    def state_dir(self, given: str | None = None) -> str:
        """Where quotetrail keeps run state (index checkpoint, watched feeds, URL queue).

        ``given`` (a --state-dir), else QUOTETRAIL_STATE_DIR, else next to the SQLite file,
        or ``$XDG_STATE_HOME/quotetrail`` (default ~/.local/state/quotetrail) with
        Elasticsearch.
        """
        if given or os.environ.get("QUOTETRAIL_STATE_DIR"):
            return given or os.environ["QUOTETRAIL_STATE_DIR"]
        if self.es_url:
            base = os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
            return os.path.join(base, "quotetrail")
        return os.path.dirname(os.path.abspath(self.db_path))

    def __repr__(self) -> str:
        where = redact_url(self.es_url) if self.es_url else self.db_path
        return f"StoreConfig({where!r})"


def redact_url(url: str) -> str:
    """The URL with any user:password replaced, safe to print in an error."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    creds, at, host = rest.rpartition("@")
    return f"{scheme}://***@{host}" if at and creds else url


def open_store(config: StoreConfig | None = None) -> Store:
    """The configured engine, opened (indices or tables created when missing)."""
    config = config or StoreConfig.from_env()
    if config.es_url:
        from store.elastic import ElasticStore

        return ElasticStore(
            config.es_url,
            api_key=config.es_api_key,
            ca_certs=config.es_ca_certs,
            prefix=config.index_prefix,
        )
    from store.sqlite import SqliteStore

    where = Path(config.db_path)
    if where.is_dir():
        raise StoreError(f"SQLite database {where}: is a folder (QUOTETRAIL_DB names a file)")
    if not where.parent.is_dir():
        raise StoreError(f"SQLite database {where}: the folder {where.parent} does not exist")
    return SqliteStore(config.db_path)
