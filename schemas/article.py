"""An article as stored: metadata, the cleaned body, and where it was syndicated from."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import (
    ENGLISH_TEXT,
    FACET_KEYWORD,
    KEYWORD,
    STORED_ONLY,
    Column,
    PublishedDate,
    es,
)


class ArticleSchema(Schema):
    """One article. ``id`` is stable: derived from the canonical URL, else the text."""

    id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=128),
        **es(KEYWORD, column=Column(constraint="PRIMARY KEY")),
    )
    url = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    title = fields.String(load_default=None, allow_none=True, **es(ENGLISH_TEXT))
    outlet = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    outlet_id = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    original_outlet = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    original_outlet_id = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    original_url = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    syndicated_from = fields.String(
        load_default=None,
        allow_none=True,
        metadata={"es": KEYWORD, "doc": "id of the original article this is a copy of"},
    )
    authors = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    published = PublishedDate(
        load_default=None, allow_none=True, **es({"type": "date"}, column=Column())
    )
    published_time = fields.String(
        load_default=None,
        allow_none=True,
        metadata={
            "es": STORED_ONLY,
            "doc": "the moment of publication in UTC (YYYY-MM-DDTHH:MM:SSZ) when the input "
            "gave a time and its zone (schemas.dates.read_instant): orders one day's copies",
        },
    )
    language = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    body = fields.String(required=True, validate=validate.Length(min=1), **es(ENGLISH_TEXT))
    body_hash = fields.String(
        load_default=None,
        allow_none=True,
        metadata={
            "es": KEYWORD,
            "column": Column(index="articles_body_hash"),
            "doc": "hash of the normalized body, to find identical copies",
        },
    )
    source = fields.String(
        load_default=None,
        allow_none=True,
        metadata={"es": STORED_ONLY, "doc": "where it was read from: path, record offset"},
    )
    metadata = fields.Dict(
        load_default=dict,
        metadata={"es": {"type": "object", "enabled": False}, "doc": "unknown input fields"},
    )
    input_hash = fields.String(
        load_default=None,
        allow_none=True,
        metadata={
            "es": STORED_ONLY,
            "doc": "hash of the article as read + its extracted attributions: read again, "
            "it keeps this record",
        },
    )
    fingerprint = fields.String(
        load_default=None,
        allow_none=True,
        metadata={
            "es": KEYWORD,
            "column": Column(),
            "doc": "hash of article + attributions: unchanged re-index",
        },
    )
