"""A canonical news outlet: its name, the other names it goes by, and its domains."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import FACET_KEYWORD, KEYWORD, es


class OutletSchema(Schema):
    id = fields.String(required=True, **es(KEYWORD))
    name = fields.String(
        required=True,
        validate=validate.Length(min=1),
        **es({"type": "text", "analyzer": "standard", "fields": {"raw": FACET_KEYWORD}}),
    )
    aliases = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    domains = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
