"""The quotetrail web UI and JSON API: ``create_app`` wires a store into Flask blueprints."""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from indexer.read.model import DEFAULT_MAX_ARTICLE_BYTES
from quotetrail.errors import StoreBusy
from schemas.verdict import verdict_scale
from store.base import Store, StoreError
from webapp.params import ParamError
from webapp.security import REQUEST_BODY, add_security_headers
from webapp.writes import DEFAULT_BUDGET_SECONDS, Indexing

BUSY_RETRY_SECONDS = 60  # Retry-After of a write refused while an indexer writes
BODY_FIELDS_BYTES = 64 * 1024  # a posted article's title, URL, authors... besides its body

log = logging.getLogger(__name__)


def _wants_json() -> bool:
    return request.path.startswith("/api/v1")


def _error(status: int, title: str, message: str, param: str | None = None) -> Any:
    if _wants_json():
        body: dict[str, Any] = {"status": status, "error": title, "message": message}
        if param:
            body["param"] = param
        return jsonify(body), status
    page = render_template("error.html", status=status, title=title, message=message, param=param)
    return page, status


def _register_errors(app: Flask) -> None:
    @app.errorhandler(ParamError)
    def bad_param(error: ParamError) -> Any:
        if error.param == REQUEST_BODY:
            return _error(400, "Bad request", f"The request body {error.message}.", error.param)
        return _error(
            400, "Bad request", f"Parameter '{error.param}': {error.message}", error.param
        )

    @app.errorhandler(StoreError)
    def store_down(error: StoreError) -> Any:
        log.error("store error: %s", error)
        return _error(
            503,
            "Search engine unavailable",
            f"The store could not answer ({error}). Try again in a moment.",
        )

    @app.errorhandler(StoreBusy)
    def store_busy(error: StoreBusy) -> Any:
        """A write that waited its time for an indexer (or another edit) to finish."""
        body, status = _error(503, "The store is busy", f"{error}.")
        response = make_response(body, status)
        response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        code = error.code or 500
        if code == 404:
            message = (
                error.description
                if _custom(error)
                else (
                    f"Nothing is stored at {request.path}. It may have been removed, "
                    "or the link is mistyped."
                )
            )
            return _error(404, "Not found", message)
        response = _error(code, error.name, error.description or error.name)
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            body, status = response
            response = make_response(body, status)
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return response

    @app.errorhandler(Exception)
    def crash(error: Exception) -> Any:
        log.exception("unhandled error on %s", request.path)
        return _error(
            500,
            "Something broke on our side",
            f"The server failed while handling {request.path} "
            f"({type(error).__name__}). The error has been logged; going back and "
            "retrying, or simplifying the search, usually helps.",
        )


def _custom(error: HTTPException) -> bool:
    return error.description != type(error).description


def create_app(store: Store | None = None, config: dict[str, Any] | None = None) -> Flask:
    """The app for ``store`` (the configured engine when None).

    ``config`` overrides Flask settings; ``API_TOKEN`` (default: env
    ``QUOTETRAIL_API_TOKEN``) enables the write endpoints; ``BASE_URL`` (default: env
    ``QUOTETRAIL_BASE_URL``) makes the API's links absolute on it (else they are relative
    to the site root); ``WRITE_BUDGET_SECONDS`` bounds how long ``POST /api/v1/articles``
    holds a request (``webapp.writes``). Request bodies are limited to the article size
    limit of ``quotetrail index`` plus room for the other fields (413 past it).
    ``STATE_DIR`` is where the queue of submitted URLs lives (default: the ``quotetrail``
    command's state directory).
    """
    app = Flask(__name__)
    app.config["API_TOKEN"] = os.environ.get("QUOTETRAIL_API_TOKEN") or None
    app.config["BASE_URL"] = os.environ.get("QUOTETRAIL_BASE_URL") or None
    app.config["WRITE_BUDGET_SECONDS"] = DEFAULT_BUDGET_SECONDS
    app.config["MAX_CONTENT_LENGTH"] = DEFAULT_MAX_ARTICLE_BYTES + BODY_FIELDS_BYTES
    app.config["VERDICT_SCALE"] = verdict_scale()
    app.config["JSON_SORT_KEYS"] = False
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.config.update(config or {})
    if store is None:
        from store.config import open_store

        store = open_store()
    app.extensions["quotetrail.store"] = store
    app.extensions["quotetrail.writes"] = Indexing()
    app.after_request(add_security_headers)

    from webapp import filters, signin
    from webapp.api import api
    from webapp.curation import curation
    from webapp.directories import directories, directories_api
    from webapp.facet_filter import facet_filter
    from webapp.openapi import docs
    from webapp.pages import pages
    from webapp.url_queue import url_queue
    from webapp.verdicts import verdicts
    from webapp.watch_status import watch_status

    filters.register(app)
    signin.configure(app)
    app.register_blueprint(signin.signin)
    app.register_blueprint(verdicts)
    app.register_blueprint(curation)
    app.register_blueprint(pages)
    app.register_blueprint(api)
    app.register_blueprint(directories)
    app.register_blueprint(directories_api)
    app.register_blueprint(facet_filter)
    app.register_blueprint(url_queue)
    app.register_blueprint(watch_status)
    app.register_blueprint(docs)
    _register_errors(app)
    app.before_request(_refuse_impossible_ids)
    return app


# Elasticsearch refuses document ids over 512 bytes, and no stored id is longer on either
# engine: a longer one in a path names no record (and would not fit in an HTTP line).
MAX_ID_BYTES = 512


def _refuse_impossible_ids() -> None:
    """404 for a path whose record id (``speaker_id``, ``statement_id`` ...) no record can
    have, before any store is asked: never a 503 for a store refusing the request."""
    from flask import abort, request

    for name, value in (request.view_args or {}).items():
        if isinstance(value, str) and len(value.encode("utf-8", "replace")) > MAX_ID_BYTES:
            abort(404, f"No record has a {name} that long (at most {MAX_ID_BYTES} bytes).")
