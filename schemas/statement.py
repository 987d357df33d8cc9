"""A statement: one quote or claim, however many articles carried it.

Only what identifies the cluster is stored; who carried it and when is read from the
attributions that point at it, so deleting an article never leaves a stale journey.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import ENGLISH_TEXT, KEYWORD, es
from schemas.verdict import VerdictSchema


class StatementSchema(Schema):
    id = fields.String(required=True, **es(KEYWORD))
    text = fields.String(required=True, validate=validate.Length(min=1), **es(ENGLISH_TEXT))
    keys = fields.List(
        fields.String(),
        load_default=list,
        metadata={"es": KEYWORD, "doc": "near-duplicate keys (LSH bands, normalized text)"},
    )
    verdict = fields.Nested(
        VerdictSchema,
        load_default=None,
        allow_none=True,
        metadata={
            # an object field: Elasticsearch answers its mapping without "type": "object"
            "es": {"properties": {
                name: field.metadata["es"] for name, field in VerdictSchema().fields.items()
            }},
            "doc": "a fact-checker's verdict (schemas.verdict), None until reviewed",
        },
    )
