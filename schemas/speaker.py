"""A canonical speaker: one person or organization under all the names it appears as."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.attribution import SPEAKER_TYPES
from schemas.fields import FACET_KEYWORD, KEYWORD, es


class SpeakerSchema(Schema):
    id = fields.String(required=True, **es(KEYWORD))
    name = fields.String(
        required=True,
        validate=validate.Length(min=1),
        **es({"type": "text", "analyzer": "standard", "fields": {"raw": FACET_KEYWORD}}),
    )
    aliases = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    type = fields.String(
        load_default="unknown", validate=validate.OneOf(SPEAKER_TYPES), **es(KEYWORD)
    )
    roles = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    merged_from = fields.List(
        fields.String(),
        load_default=list,
        metadata={"es": KEYWORD, "doc": "ids merged into this one by a user, for undo"},
    )
