"""The quotetrail web UI and JSON API: ``create_app`` wires a store into Flask blueprints."""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from store.base import Store, StoreError
from webapp.params import ParamError

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
        return _error(code, error.name, error.description or error.name)

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
    ``QUOTETRAIL_API_TOKEN``) enables the write endpoints.
    """
    app = Flask(__name__)
    app.config["API_TOKEN"] = os.environ.get("QUOTETRAIL_API_TOKEN") or None
    app.config["JSON_SORT_KEYS"] = False
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.config.update(config or {})
    if store is None:
        from store.config import open_store

        store = open_store()
    app.extensions["quotetrail.store"] = store

    from webapp import filters
    from webapp.api import api
    from webapp.openapi import docs
    from webapp.pages import pages

    filters.register(app)
    app.register_blueprint(pages)
    app.register_blueprint(api)
    app.register_blueprint(docs)
    _register_errors(app)
    return app
