"""A canonical speaker: one person or organization under all the names it appears as.

Speakers loaded from a newsroom's authority file (``quotetrail people import``) carry what
the newsroom knows about them: a Wikidata id, party, country and roles with their dates.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.attribution import SPEAKER_TYPES
from schemas.fields import FACET_KEYWORD, KEYWORD, es, optional_string

# A Wikidata item id ("Q22686"), https://www.wikidata.org/wiki/Wikidata:Identifiers
WIKIDATA_ID = r"^Q[1-9][0-9]*$"
AUTHORITY_TYPES = ("person", "organization")


def _wikidata_id(**kwargs: object) -> fields.String:
    return fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Regexp(WIKIDATA_ID, error="must be a Wikidata item id such as Q42"),
        **kwargs,
    )


class RoleSchema(Schema):
    """A role held, with its dates when known ("Governor of Ohio", 2011-01-10, 2019-01-14)."""

    title = fields.String(required=True, validate=validate.Length(min=1))
    start = fields.Date(load_default=None, allow_none=True)
    end = fields.Date(load_default=None, allow_none=True)


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
    authority = fields.Boolean(
        load_default=False,
        metadata={"es": {"type": "boolean"}, "doc": "loaded from an authority file"},
    )
    article_id = optional_string(
        KEYWORD,
        doc="the one article that identifies this speaker (a person it names only by a "
        "given name): never merged with a speaker of another article",
    )
    wikidata_id = _wikidata_id(**es(KEYWORD))
    party = optional_string(FACET_KEYWORD)
    country = optional_string(FACET_KEYWORD)
    dated_roles = fields.List(
        fields.Dict(),  # RoleSchema records with ISO date strings
        load_default=list,
        metadata={"es": {"type": "object", "enabled": False}, "doc": "roles with dates"},
    )


class AuthorityEntrySchema(Schema):
    """One row of an authority file: a person or organization the newsroom tracks.

    ``roles`` are ``{"title", "start", "end"}`` objects (ISO dates, both optional).
    """

    name = fields.String(required=True, validate=validate.Length(min=1))
    aliases = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)
    type = fields.String(load_default="person", validate=validate.OneOf(AUTHORITY_TYPES))
    wikidata_id = _wikidata_id()
    party = fields.String(load_default=None, allow_none=True)
    country = fields.String(load_default=None, allow_none=True)
    roles = fields.List(fields.Nested(RoleSchema), load_default=list)
