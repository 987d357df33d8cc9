"""``POST /api/v1/urls``: queue a URL for indexing; ``GET /api/v1/urls/<id>``: its status.

The queue is the ``urls`` table of the watch state (``indexer/fetch/state.py``) in the
state directory (app setting ``STATE_DIR``, default as for the ``quotetrail`` command:
QUOTETRAIL_STATE_DIR, else next to the SQLite file). It is processed by the next poll of
``quotetrail watch`` (the compose ``watch`` service), which fetches each queued URL, indexes
it like a feed item and records the outcome: no thread of the web server fetches anything.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, abort, current_app, url_for

from webapp import api_schemas as S
from webapp import params as P
from webapp.api import _absolute, _authorize, respond
from webapp.security import json_body

url_queue = Blueprint("url_queue", __name__, url_prefix="/api/v1")
_MAX_ID = 2**63 - 1  # SQLite's largest integer


def _state_dir() -> str:
    from store.config import StoreConfig

    return current_app.config.get("STATE_DIR") or StoreConfig.from_env().state_dir()


def _entry(entry: dict[str, Any]) -> dict[str, Any]:
    def when(seconds: float | None) -> datetime | None:
        return datetime.fromtimestamp(seconds, UTC) if seconds is not None else None

    link = _absolute(url_for("url_queue.status", entry_id=entry["id"]))
    return {
        **entry,
        "submitted": when(entry["submitted"]),
        "finished": when(entry["finished"]),
        "links": {"self": link},
    }


def queue_url(url: str) -> dict[str, Any]:
    """Put `url` in the queue that the next ``quotetrail watch`` poll indexes; the queue
    entry (with its status link). Raises ParamError naming `url` when it is not http(s) or
    its host is loopback, private or reserved (``indexer/fetch/addresses.py``)."""
    from indexer.fetch.addresses import private_allowed, url_refusal
    from indexer.fetch.state import WatchState
    from schemas.links import is_web_url

    if not is_web_url(url):
        raise P.ParamError("url", "must be an http(s) URL")
    refused = None if private_allowed() else url_refusal(url)
    if refused:
        raise P.ParamError("url", f"{url}: {refused}")
    state = WatchState(_state_dir())
    try:
        return _entry(state.enqueue(url))
    finally:
        state.close()


@url_queue.post("/urls")
def submit() -> tuple[Response, int] | Response:
    """Queue a URL (a page or a feed) for indexing.
    ---
    post:
      tags: [writes]
      summary: Queue a URL for indexing by quotetrail watch (needs the API token)
      security: [{bearer: []}]
      requestBody:
        required: true
        content:
          application/json:
            schema: UrlInputSchema
      errors: [400, 401, 403]
      responses:
        202:
          content:
            application/json:
              schema: QueuedUrlSchema
    """
    _authorize()
    data = P.load_args(S.UrlInputSchema(), json_body())
    entry = queue_url(data["url"])
    response = respond(S.QueuedUrlSchema, entry, 202)
    response.headers["Location"] = entry["links"]["self"]
    return response


@url_queue.get("/urls/<int:entry_id>")
def status(entry_id: int) -> Response:
    """A queued URL's status.
    ---
    get:
      tags: [writes]
      summary: Whether a queued URL was indexed (queued, indexed or failed, with the reason)
      parameters:
      - {in: path, name: entry_id, required: true, schema: {type: integer}}
      errors: [404]
      responses:
        200:
          content:
            application/json:
              schema: QueuedUrlSchema
    """
    from indexer.fetch.state import WatchState, state_path

    directory = _state_dir()
    entry = None
    if entry_id <= _MAX_ID and os.path.exists(state_path(directory)):
        state = WatchState(directory)
        try:
            entry = state.queued(entry_id)
        finally:
            state.close()
    if entry is None:
        abort(404, f"No queued URL has the id {entry_id}.")
    return respond(S.QueuedUrlSchema, _entry(entry))
