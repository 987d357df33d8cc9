"""Response envelopes of the JSON API, built around the record schemas in ``schemas/``.

Records are always dumped by their own schema (ArticleSchema, AttributionSchema, ...),
so the API shows exactly the stored fields; these envelopes add paging, facets and
provenance, and are what the OpenAPI document describes.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas import (
    ArticleSchema,
    AttributionSchema,
    OutletSchema,
    SpeakerSchema,
    StatementSchema,
)
from store.base import SAMPLE


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
    total = fields.Integer(
        required=True,
        metadata={"description": "matching attributions (at least this many: see total_exact)"},
    )
    total_exact = fields.Boolean(
        required=True,
        metadata={
            "description": "false when more attributions matched than the store could count"
            " within its time budget (SQLite, past `sample` matches): `total` is then a lower"
            " bound, shown as 'N+'. Elasticsearch always counts exactly."
        },
    )
    sample = fields.Integer(
        allow_none=True,
        required=True,
        metadata={
            "description": "null when the facets and the histogram count every match; else"
            f" more attributions matched than the store counts facets over (SQLite: {SAMPLE:,}),"
            " and they were counted over this many matches (the first the index yields)"
        },
    )
    unranked = fields.Boolean(
        required=True,
        metadata={
            "description": "true when relevance was asked for but too many attributions"
            " matched to rank (SQLite, past `sample`): the hits are newest first instead"
        },
    )
    hits = fields.List(fields.Nested(HitSchema), required=True)
    facets = fields.Dict(keys=fields.String(), values=fields.Nested(FacetSchema))
    histogram = fields.List(fields.Nested(MonthSchema), required=True)
    paging = fields.Nested(PagingSchema, required=True)


def _day(**kwargs: object) -> fields.String:
    return fields.String(allow_none=True, metadata={"format": "date", **kwargs})


class StatementRefSchema(Schema):
    id = fields.String(required=True)
    text = fields.String(required=True)


class FirstSeenSchema(Schema):
    article_id = fields.String(required=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = _day()
    published_time = fields.String(
        allow_none=True,
        metadata={"description": "the moment of publication in UTC, when the input gave one"},
    )
    outlet = fields.String(allow_none=True)
    outlet_id = fields.String(allow_none=True)


class AppearanceSchema(FirstSeenSchema):
    """One article carrying the statement; ``syndicated`` marks a copy of another's story."""

    original_outlet = fields.String(allow_none=True)
    original_outlet_id = fields.String(allow_none=True)
    syndicated = fields.Boolean(required=True)
    syndicated_from = fields.String(allow_none=True)
    content = fields.String(allow_none=True)
    speakers = fields.List(fields.String())
    attribution_ids = fields.List(fields.String())
    first_seen = fields.Boolean(required=True)


class JourneyOutletSchema(Schema):
    id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    first_published = _day()
    articles = fields.Integer()
    syndicated_copies = fields.Integer()


class JourneySpeakerSchema(Schema):
    id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    attributions = fields.Integer()
    denials = fields.Integer(
        metadata={
            "description": "its attributions denying the statement (a denying cue, or "
            "words tied to the claim they deny: 'said he never said that')"
        }
    )
    first_published = _day()
    first_article_id = fields.String(allow_none=True)


class JourneySchema(Schema):
    """How a statement travelled: every appearance oldest first, the first marked."""

    statement = fields.Nested(StatementRefSchema, required=True)
    first_seen = fields.Nested(FirstSeenSchema, allow_none=True)
    appearances = fields.List(fields.Nested(AppearanceSchema), required=True)
    outlets = fields.List(fields.Nested(JourneyOutletSchema))
    distinct_outlets = fields.Integer(
        metadata={"description": "independent outlets (a syndicated copy counts as its original)"}
    )
    unknown_outlet_articles = fields.Integer(
        metadata={"description": "articles of no known outlet (not in distinct_outlets)"}
    )
    undated_articles = fields.Integer()
    attributions = fields.Integer()
    denials = fields.Integer(
        metadata={
            "description": "attributions saying the statement is false (denied, "
            "rejected, disputed..., or tied to the claim they deny: 'denied the report')"
        }
    )
    second_hand = fields.Integer(
        metadata={
            "description": "other attributions that only report it second-hand (through an "
            "outlet or relayed by another speaker)"
        }
    )
    cues = fields.List(fields.String(), metadata={"description": "cue verbs carrying it"})
    speakers = fields.List(fields.Nested(JourneySpeakerSchema))
    speaker_disagreement = fields.Boolean()
    kinds = fields.List(
        fields.String(), metadata={"description": "kinds of the attributions carrying it"}
    )


class ChainHopSchema(Schema):
    """speaker -> relaying speaker ("according to Calder") -> via outlet(s) -> publisher ->
    original (when the article is a copy)."""

    role = fields.String(
        required=True,
        validate=validate.OneOf(("speaker", "relayed", "via", "publisher", "original")),
    )
    id = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    type = fields.String(allow_none=True)
    role_text = fields.String(allow_none=True)
    article_id = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = _day()


class AttributionResponseSchema(Schema):
    attribution = fields.Nested(AttributionSchema, required=True)
    article = fields.Nested(ArticleSchema, allow_none=True)
    chain = fields.List(fields.Nested(ChainHopSchema), required=True)
    syndicated = fields.Boolean(required=True)
    is_first_seen = fields.Boolean(required=True)
    journey = fields.Nested(JourneySchema, allow_none=True)


class ArticleResponseSchema(Schema):
    article = fields.Nested(ArticleSchema, required=True)
    attributions = fields.List(fields.Nested(AttributionSchema), required=True)


class NamesakeSchema(Schema):
    roles = fields.List(
        fields.String(), required=True, metadata={"description": "two roles, as written"}
    )
    articles = fields.List(
        fields.String(), required=True, metadata={"description": "an article writing each"}
    )


class SpeakerResponseSchema(Schema):
    speaker = fields.Nested(SpeakerSchema, required=True)
    attributions = fields.Integer(required=True)
    top_outlets = fields.List(fields.Nested(FacetValueSchema))
    histogram = fields.List(fields.Nested(MonthSchema))
    may_be_two_people = fields.List(
        fields.Nested(NamesakeSchema),
        required=True,
        metadata={
            "description": "roles in different articles (no article naming both) suggesting "
            "that this page pools two people of one name; empty when nothing suggests it"
        },
    )


class StatementSummarySchema(Schema):
    statement = fields.Nested(StatementSchema, required=True)
    first_seen = fields.Nested(FirstSeenSchema, allow_none=True)
    appearances = fields.Integer(required=True)


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


class _DirectoryLinksSchema(Schema):
    html = fields.String(required=True)


class SpeakerEntrySchema(Schema):
    speaker = fields.Nested(SpeakerSchema, required=True)
    attributions = fields.Integer(required=True)
    links = fields.Nested(_DirectoryLinksSchema, required=True)


class OutletEntrySchema(Schema):
    outlet = fields.Nested(OutletSchema, required=True)
    attributions = fields.Integer(
        required=True, metadata={"description": "attributions it published"}
    )
    relayed = fields.Integer(
        required=True,
        metadata={"description": "attributions it relayed (per …, told …): the via filter"},
    )
    links = fields.Nested(_DirectoryLinksSchema, required=True)


class _DirectorySchema(Schema):
    total = fields.Integer(required=True, metadata={"description": "matching records"})
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class SpeakerDirectorySchema(_DirectorySchema):
    speakers = fields.List(fields.Nested(SpeakerEntrySchema), required=True)


class OutletDirectorySchema(_DirectorySchema):
    outlets = fields.List(fields.Nested(OutletEntrySchema), required=True)


class StatementResponseSchema(Schema):
    statement = fields.Nested(StatementSchema, required=True)
    journey = fields.Nested(JourneySchema, required=True)


class DifferentFiguresSchema(Schema):
    claim = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "the claim's numbers the statement lacks, as written"},
    )
    statement = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "the statement's numbers the claim lacks; both lists empty "
        "unless each side has a number the other has not"},
    )


class CheckMatchSchema(Schema):
    statement_id = fields.String(required=True)
    text = fields.String(required=True)
    near_duplicate = fields.Boolean(
        required=True, metadata={"description": "the same statement, reworded at most slightly"}
    )
    similarity = fields.Float(
        required=True,
        metadata={
            "description": "content words shared, over the claim's and the statement's "
            "(Dice, 0-1; small typos count as the word): 1 only when each says all the other says"
        },
    )
    contradicts = fields.Boolean(
        required=True,
        metadata={
            "description": "the same words, but one of the two is negated or has the "
            "opposite verb (grew/shrank, rose/fell, won/lost), or the same proposition "
            "denied by every speaker carrying it"
        },
    )
    denied = fields.Boolean(
        required=True,
        metadata={
            "description": "every first-hand attribution says the statement is false "
            "(denied, rejected, disputed..., or a denial by reference): its speakers deny "
            "it, they do not assert it"
        },
    )
    denied_by = fields.List(
        fields.String(), required=True, metadata={"description": "speakers denying it"}
    )
    cues = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "cue verbs of its attributions (said, denied, ...)"},
    )
    different_figures = fields.Nested(
        DifferentFiguresSchema,
        required=True,
        metadata={
            "description": "numbers that differ (\"3%\" claimed, \"0.3%\" stored): such a "
            "statement is never near_duplicate and ranks below one with the claim's figures"
        },
    )
    shared_words = fields.Integer(required=True)
    claim_words = fields.Integer(required=True)
    statement_words = fields.Integer(required=True)
    first_seen = fields.Nested(
        FirstSeenSchema, allow_none=True, metadata={"description": "null when undated"}
    )
    journey = fields.Nested(JourneySchema, required=True)


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
    warnings = fields.List(
        fields.String(),
        load_default=list,
        metadata={"description": "repairs made to the posted article, as `quotetrail index` "
                  "warns of them (markup removed from a plain-text field)"},
    )


class AcceptedSchema(Schema):
    """A posted article still being indexed when the request's time budget ran out."""

    id = fields.String(required=True, metadata={"description": "the article's id"})
    status = fields.String(required=True, metadata={"description": "always 'accepted'"})
    self = fields.String(
        required=True,
        metadata={"description": "the article's API URL: 404 until it is stored, then 200"},
    )


class DeleteResponseSchema(Schema):
    id = fields.String(required=True)
    deleted = fields.Boolean(required=True)


class MergeResponseSchema(Schema):
    merged = fields.String(required=True, metadata={"description": "id merged away"})
    speaker = fields.Nested(SpeakerSchema, required=True, metadata={"description": "the kept one"})
    moved = fields.Integer(required=True, metadata={"description": "attributions reassigned"})


class MergedSpeakerSchema(Schema):
    """What a merged-away speaker's URL answers (302, ``Location`` the kept speaker)."""

    id = fields.String(required=True, metadata={"description": "the id asked for, merged away"})
    merged_into = fields.String(
        required=True, metadata={"description": "id of the speaker it was merged into"}
    )
    url = fields.String(required=True, metadata={"description": "API URL of the kept speaker"})


class MovedAttributionSchema(Schema):
    """What the URL of a quote's earlier version answers (301, ``Location`` the quote as its
    outlet edited it: "in 2027" corrected to "in 2029")."""

    id = fields.String(required=True, metadata={"description": "the id asked for"})
    moved_to = fields.String(
        required=True, metadata={"description": "id of the quote's current version"}
    )
    url = fields.String(required=True, metadata={"description": "API URL of that version"})


class UrlInputSchema(Schema):
    url = fields.String(
        required=True,
        validate=validate.Length(min=8, max=4096),
        metadata={"description": "http(s) URL of an article page or a feed"},
    )


class QueuedUrlSchema(Schema):
    id = fields.Integer(required=True)
    url = fields.String(required=True)
    status = fields.String(
        required=True, validate=validate.OneOf(["queued", "indexed", "failed"])
    )
    submitted = fields.DateTime(required=True)
    finished = fields.DateTime(allow_none=True)
    reason = fields.String(allow_none=True, metadata={"description": "why it failed"})
    article_url = fields.String(
        allow_none=True, metadata={"description": "the article's normalised URL, once indexed"}
    )
    links = fields.Dict(keys=fields.String(), values=fields.String())
