"""A fact-check verdict on a statement: a rating on the newsroom's scale, a short review,
who reviewed it and where the full check is published.

Stored on the statement (``StatementSchema.verdict``) and copied onto each of its
attributions as ``verdict`` (the rating), so search can filter and count by it. The scale is
configurable (``QUOTETRAIL_VERDICT_SCALE``, see :func:`verdict_scale`); the schema accepts
any short rating and the webapp checks it against the scale in force.
"""

from __future__ import annotations

import os

from marshmallow import Schema, ValidationError, fields, validate

from schemas.fields import KEYWORD, STORED_ONLY, es
from schemas.links import web_url

DEFAULT_SCALE = ("true", "misleading", "false")
MAX_REVIEW = 2_000


def verdict_scale(setting: str | None = None) -> tuple[str, ...]:
    """The ratings a reviewer may give, best first: ``setting`` (else the env variable
    ``QUOTETRAIL_VERDICT_SCALE``) as comma-separated words, else :data:`DEFAULT_SCALE`.
    Ratings are stored lowercase; blanks and repeats are dropped."""
    raw = setting if setting is not None else os.environ.get("QUOTETRAIL_VERDICT_SCALE", "")
    scale = tuple(dict.fromkeys(r.strip().lower() for r in raw.split(",") if r.strip()))
    return scale or DEFAULT_SCALE


def _web(url: str) -> None:
    if web_url(url) is None:
        raise ValidationError("must be an http(s) URL")


class VerdictSchema(Schema):
    """One reviewer's verdict. ``reviewed``: when it was given (ISO date-time, UTC)."""

    rating = fields.String(
        required=True, validate=validate.Length(min=1, max=40), **es(KEYWORD)
    )
    review = fields.String(
        load_default="", validate=validate.Length(max=MAX_REVIEW), **es(STORED_ONLY)
    )
    reviewer = fields.String(
        required=True, validate=validate.Length(min=1, max=200), **es(KEYWORD)
    )
    url = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.And(validate.Length(max=2_000), _web),
        **es(STORED_ONLY),
    )
    reviewed = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))
