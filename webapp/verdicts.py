"""Fact-check verdicts on statements: set from the statement page (signed in) or the API
(with the token). The record and its rules are ``schemas.verdict``; the ratings allowed are
the app's ``VERDICT_SCALE`` (default: env ``QUOTETRAIL_VERDICT_SCALE``, else true /
misleading / false)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, request, url_for
from marshmallow import EXCLUDE, RAISE, ValidationError, fields, validates

from schemas.verdict import VerdictSchema
from store.writer_lease import exclusive_write
from webapp.api import _authorize, respond
from webapp.params import load_args
from webapp.searching import store
from webapp.security import json_body
from webapp.signin import require_editor

verdicts = Blueprint("verdicts", __name__)


def scale() -> tuple[str, ...]:
    return tuple(current_app.config["VERDICT_SCALE"])


class VerdictInput(VerdictSchema):
    """A verdict as sent: ``reviewed`` is set by the server; the rating must be on the scale."""

    class Meta:
        unknown = RAISE
        exclude = ("reviewed",)

    @validates("rating")
    def _on_scale(self, value: str, **kwargs: Any) -> None:
        if value.strip().lower() not in scale():
            raise ValidationError(f"must be one of: {', '.join(scale())}")


class VerdictResponseSchema(VerdictSchema):
    class Meta:
        unknown = EXCLUDE

    statement_id = fields.String(required=True)
    attributions = fields.Integer(metadata={"description": "attributions now carrying it"})


def _save(statement_id: str, data: Any) -> dict[str, Any]:
    if store().get_statement(statement_id) is None:
        abort(404, f"No statement has the id '{statement_id}'.")
    verdict = load_args(VerdictInput(), data)
    verdict["rating"] = verdict["rating"].strip().lower()
    verdict["reviewed"] = datetime.now(UTC).isoformat(timespec="seconds")
    with exclusive_write(store(), "a verdict"):
        moved = store().set_verdict(statement_id, verdict)
    return {**verdict, "statement_id": statement_id, "attributions": moved}


@verdicts.put("/api/v1/statements/<statement_id>/verdict")
def put_verdict(statement_id: str) -> Response:
    """Give a statement a fact-check verdict.
    ---
    put:
      tags: [writes]
      summary: Set a statement's verdict (needs the API token); replaces any earlier one
      security: [{bearer: []}]
      parameters:
      - {in: path, name: statement_id, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: VerdictInput
      errors: [400, 401, 403, 404, 413, 503]
      responses:
        200:
          content:
            application/json:
              schema: VerdictResponseSchema
    """
    _authorize()
    return respond(VerdictResponseSchema, _save(statement_id, json_body()))


@verdicts.delete("/api/v1/statements/<statement_id>/verdict")
def delete_verdict(statement_id: str) -> Response:
    """Remove a statement's verdict.
    ---
    delete:
      tags: [writes]
      summary: Remove a statement's verdict (needs the API token)
      security: [{bearer: []}]
      parameters:
      - {in: path, name: statement_id, required: true, schema: {type: string}}
      errors: [401, 403, 404, 503]
      responses:
        204:
          description: removed
    """
    _authorize()
    statement = store().get_statement(statement_id)
    if statement is None or not statement.get("verdict"):
        abort(404, f"Statement '{statement_id}' has no verdict.")
    with exclusive_write(store(), "a verdict removal"):
        store().set_verdict(statement_id, None)
    return Response(status=204)


@verdicts.post("/statements/<statement_id>/verdict")
def verdict_form(statement_id: str) -> Response:
    """The statement page's verdict form (signed in, with its CSRF token)."""
    require_editor()
    fields_sent = {k: request.form.get(k, "") for k in ("rating", "review", "reviewer", "url")}
    if not fields_sent["url"].strip():
        fields_sent["url"] = None  # type: ignore[assignment]
    _save(statement_id, fields_sent)
    return redirect(url_for("pages.statement", statement_id=statement_id), 303)
