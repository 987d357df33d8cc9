"""The command line's configuration from the environment, beside the store's own
(:class:`store.config.StoreConfig`: ``ES_URL``, ``QUOTETRAIL_INDEX_PREFIX``, ``QUOTETRAIL_DB``).

``QUOTETRAIL_STATE_DIR`` places the resume checkpoint and the rejects list;
``QUOTETRAIL_DEBUG`` lets an internal error print its traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from store.config import StoreConfig, redact_url


def store_location(config: StoreConfig) -> str:
    """Where the store lives, with any password in the URL redacted; part of the resume
    checkpoint's key, so a run against another store never resumes this one's."""
    if config.es_url:
        return f"elasticsearch {redact_url(config.es_url)} prefix={config.index_prefix}"
    return f"sqlite {os.path.abspath(config.db_path)}"


def state_dir(config: StoreConfig, given: str | None, env: Mapping[str, str] = os.environ) -> str:
    """The state directory: ``given`` (``--state-dir``), else ``QUOTETRAIL_STATE_DIR``, else
    next to the SQLite file, else ``$XDG_STATE_HOME/quotetrail`` (default
    ``~/.local/state/quotetrail``) for Elasticsearch."""
    if given or env.get("QUOTETRAIL_STATE_DIR"):
        return given or env["QUOTETRAIL_STATE_DIR"]
    if config.es_url:
        base = env.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
        return os.path.join(base, "quotetrail")
    return os.path.dirname(os.path.abspath(config.db_path))


def debug(env: Mapping[str, str] = os.environ) -> bool:
    """Whether ``QUOTETRAIL_DEBUG`` asks for tracebacks instead of one-line errors."""
    return bool(env.get("QUOTETRAIL_DEBUG"))
