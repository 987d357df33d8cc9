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
    optional_string,
)


class ArticleSchema(Schema):
    """One article. ``id`` is stable: derived from the canonical URL, else the text."""

    id = fields.String(
        required=True,
        validate=validate.Length(min=1, max=128),
        **es(KEYWORD, column=Column(constraint="PRIMARY KEY")),
    )
    url = optional_string(KEYWORD)
    title = optional_string(ENGLISH_TEXT)
    outlet = optional_string(FACET_KEYWORD)
    outlet_id = optional_string(KEYWORD)
    original_outlet = optional_string(FACET_KEYWORD)
    original_outlet_id = optional_string(KEYWORD)
    original_url = optional_string(KEYWORD)
    syndicated_from = optional_string(KEYWORD, doc="id of the original article this is a copy of")
    authors = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    published = PublishedDate(
        load_default=None, allow_none=True, **es({"type": "date"}, column=Column())
    )
    published_time = optional_string(
        STORED_ONLY,
        doc="the moment of publication in UTC (YYYY-MM-DDTHH:MM:SSZ) when the input gave a "
        "time and its zone (schemas.dates.read_instant): orders one day's copies",
    )
    language = optional_string(KEYWORD)
    body = fields.String(required=True, validate=validate.Length(min=1), **es(ENGLISH_TEXT))
    body_hash = optional_string(
        KEYWORD,
        column=Column(index="articles_body_hash"),
        doc="hash of the normalized body, to find identical copies",
    )
    source = optional_string(STORED_ONLY, doc="where it was read from: path, record offset")
    metadata = fields.Dict(
        load_default=dict,
        metadata={"es": {"type": "object", "enabled": False}, "doc": "unknown input fields"},
    )
    input_hash = optional_string(
        STORED_ONLY,
        doc="hash of the article as read + its extracted attributions + the extractor and "
        "linker versions: read again by the same rules, it keeps this record",
    )
    fingerprint = optional_string(
        KEYWORD, column=Column(), doc="hash of article + attributions: unchanged re-index"
    )
