"""The command line's configuration from the environment, beside the store's own
(:class:`store.config.StoreConfig`: ``ES_URL``, ``QUOTETRAIL_INDEX_PREFIX``, ``QUOTETRAIL_DB``,
and ``QUOTETRAIL_STATE_DIR`` through :meth:`StoreConfig.state_dir`, which the web app's URL
queue shares).

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


def debug(env: Mapping[str, str] = os.environ) -> bool:
    """Whether ``QUOTETRAIL_DEBUG`` asks for tracebacks instead of one-line errors."""
    return bool(env.get("QUOTETRAIL_DEBUG"))
