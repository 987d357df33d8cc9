"""``/watch``: the watched feeds as ``quotetrail watch --status`` shows them, as a page."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from webapp.signin import require_editor, signed_in

watch_status = Blueprint("watch_status", __name__)


@watch_status.get("/watch")
def page() -> str:
    """Each feed's last fetch, status, new articles and errors; the URL queue's length."""
    from indexer.fetch.state import WatchState, state_path
    from store.config import StoreConfig

    directory = current_app.config.get("STATE_DIR") or StoreConfig.from_env().state_dir()
    feeds, queued = [], 0
    if os.path.exists(state_path(directory)):
        state = WatchState(directory)
        try:
            feeds, queued = state.feeds(), len(state.waiting())
        finally:
            state.close()

    def when(seconds: float | None) -> str:
        if seconds is None:
            return "never"
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")

    return render_template(
        "watch_status.html",
        feeds=feeds,
        queued=queued,
        when=when,
        editor=signed_in(),
        added=request.args.get("added"),
    )


@watch_status.post("/watch/urls")
def add_url() -> Response:
    """A signed-in editor queues a URL from the page (session + CSRF token, like every
    form that changes records); back to the page, which links the queue entry's status."""
    from webapp.url_queue import queue_url

    require_editor()
    entry = queue_url(request.form.get("url", "").strip())
    return redirect(url_for("watch_status.page", added=entry["links"]["self"]), code=303)
