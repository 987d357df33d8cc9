"""Response envelopes of the JSON API, built around the record schemas in ``schemas/``.

Records are always dumped by their own schema (ArticleSchema, AttributionSchema, ...),
so the API shows exactly the stored fields; these envelopes add paging, facets and
provenance, and are what the OpenAPI document describes.
"""

from __future__ import annotations

from marshmallow import Schema, fields

from schemas import (
    ArticleSchema,
    AttributionSchema,
    OutletSchema,
    SpeakerSchema,
    StatementSchema,
)


class ErrorSchema(Schema):
    status = fields.Integer(required=True)
    error = fields.String(required=True)
    message = fields.String(required=True)
    param = fields.String(metadata={"description": "the request parameter at fault"})


class HitSchema(Schema):
    attribution = fields.Nested(AttributionSchema, required=True)
    highlight = fields.String(
        required=True,
        metadata={"description": "the content, HTML-escaped, matched words in <mark>"},
    )
    score = fields.Float(allow_none=True)
    links = fields.Dict(keys=fields.String(), values=fields.String())


class FacetValueSchema(Schema):
    value = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)
    selected = fields.Boolean(required=True)


class FacetSchema(Schema):
    values = fields.List(fields.Nested(FacetValueSchema), required=True)
    distinct = fields.Integer(required=True, metadata={"description": "distinct values"})


class MonthSchema(Schema):
    month = fields.String(required=True, metadata={"description": "YYYY-MM"})
    count = fields.Integer(required=True)


class PagingSchema(Schema):
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)
    self_ = fields.String(data_key="self", attribute="self", required=True)
    next = fields.String(allow_none=True)
    prev = fields.String(allow_none=True)
    first = fields.String(required=True)
    last = fields.String(required=True)
    csv = fields.String(required=True)
    jsonl = fields.String(required=True)


class SearchResponseSchema(Schema):
    total = fields.Integer(required=True)
    hits = fields.List(fields.Nested(HitSchema), required=True)
    facets = fields.Dict(keys=fields.String(), values=fields.Nested(FacetSchema))
    histogram = fields.List(fields.Nested(MonthSchema), required=True)
    paging = fields.Nested(PagingSchema, required=True)


class LinkSchema(Schema):
    role = fields.String(required=True)
    name = fields.String(required=True)
    href = fields.String(allow_none=True)
    note = fields.String()


class CarrierSchema(Schema):
    """One article carrying a statement (the journey), oldest first."""

    id = fields.String(required=True, metadata={"description": "attribution id"})
    article_id = fields.String(allow_none=True)
    article_title = fields.String(allow_none=True)
    article_url = fields.String(allow_none=True)
    outlet = fields.String(allow_none=True)
    outlet_id = fields.String(allow_none=True)
    original_outlet = fields.String(allow_none=True)
    via_outlets = fields.List(fields.String())
    speaker = fields.String(allow_none=True)
    speaker_id = fields.String(allow_none=True)
    content = fields.String(allow_none=True)
    kind = fields.String(allow_none=True)
    published = fields.Date(allow_none=True)
    href = fields.String()


class JourneySchema(Schema):
    statement_id = fields.String(allow_none=True)
    text = fields.String()
    first_seen = fields.Nested(CarrierSchema, allow_none=True)
    carriers = fields.List(fields.Nested(CarrierSchema), required=True)


class AttributionResponseSchema(Schema):
    attribution = fields.Nested(AttributionSchema, required=True)
    article = fields.Nested(ArticleSchema, allow_none=True)
    chain = fields.List(fields.Nested(LinkSchema), required=True)
    journey = fields.Nested(JourneySchema, required=True)


class ArticleResponseSchema(Schema):
    article = fields.Nested(ArticleSchema, required=True)
    attributions = fields.List(fields.Nested(AttributionSchema), required=True)


class SpeakerResponseSchema(Schema):
    speaker = fields.Nested(SpeakerSchema, required=True)
    attributions = fields.Integer(required=True)
    top_outlets = fields.List(fields.Nested(FacetValueSchema))
    histogram = fields.List(fields.Nested(MonthSchema))


class StatementSummarySchema(Schema):
    statement = fields.Nested(StatementSchema, required=True)
    first_seen = fields.Nested(CarrierSchema, allow_none=True)
    carriers = fields.Integer(required=True)


class SpeakerStatementsSchema(Schema):
    speaker_id = fields.String(required=True)
    total = fields.Integer(required=True)
    statements = fields.List(fields.Nested(StatementSummarySchema), required=True)


class OutletResponseSchema(Schema):
    outlet = fields.Nested(OutletSchema, required=True)
    published = fields.Integer(required=True)
    relayed = fields.Integer(required=True, metadata={"description": "items credited 'per' it"})
    top_speakers = fields.List(fields.Nested(FacetValueSchema))
    histogram = fields.List(fields.Nested(MonthSchema))


class StatementResponseSchema(Schema):
    statement = fields.Nested(StatementSchema, required=True)
    journey = fields.Nested(JourneySchema, required=True)


class CheckMatchSchema(Schema):
    statement = fields.Nested(StatementSchema, required=True)
    score = fields.Float(allow_none=True)
    match = fields.String(metadata={"description": "how it matched: fulltext, near-duplicate"})
    first_seen = fields.Nested(CarrierSchema, allow_none=True)
    carriers = fields.List(fields.Nested(CarrierSchema))


class CheckResponseSchema(Schema):
    text = fields.String(required=True)
    matches = fields.List(fields.Nested(CheckMatchSchema), required=True)


class ArticleInputSchema(ArticleSchema):
    """An article to index: ArticleSchema without ``id`` (it is derived from URL or text)."""

    class Meta:
        exclude = ("id",)


class OutcomeSchema(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True)
    attributions = fields.Integer(required=True)
    error = fields.String(allow_none=True)


class DeleteResponseSchema(Schema):
    id = fields.String(required=True)
    deleted = fields.Boolean(required=True)


class MergeResponseSchema(Schema):
    merged = fields.String(required=True, metadata={"description": "id merged away"})
    into = fields.String(required=True)
    result = fields.Raw(metadata={"description": "what the merge reported"})
