"""An attribution: who said what, with which cue, relayed by whom, where in the article."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from schemas.fields import ENGLISH_TEXT, FACET_KEYWORD, KEYWORD, STORED_ONLY, Span, es
from schemas.validation import RecordError

KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organization", "group", "unknown")
# How the extractor found the speaker's name: written in the attribution, through a pronoun,
# through a description ("the agency"), from the quote before it, from a "Name:" label; or not.
SPEAKER_RESOLUTIONS = ("named", "pronoun", "description", "quote_sequence", "label", "unresolved")


class AttributionSchema(Schema):
    """One quote or reported claim, as the extractor finds it and the store keeps it.

    Fields after ``confidence`` are copied from the article when stored, so that search,
    facets and sorting never need a join.
    """

    id = fields.String(required=True, **es(KEYWORD))
    article_id = fields.String(required=True, **es(KEYWORD))
    kind = fields.String(required=True, validate=validate.OneOf(KINDS), **es(KEYWORD))
    content = fields.String(required=True, validate=validate.Length(min=1), **es(ENGLISH_TEXT))
    content_spans = fields.List(Span(), required=True, validate=validate.Length(min=1))
    cue = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    cue_span = Span(load_default=None, allow_none=True)
    speaker_text = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))
    speaker_span = Span(load_default=None, allow_none=True)
    speaker = fields.String(
        load_default=None,
        allow_none=True,
        **es({"type": "text", "analyzer": "standard", "fields": {"raw": FACET_KEYWORD}}),
    )
    speaker_id = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    speaker_type = fields.String(
        load_default="unknown", validate=validate.OneOf(SPEAKER_TYPES), **es(KEYWORD)
    )
    speaker_role = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))
    speaker_resolution = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf(SPEAKER_RESOLUTIONS),
        **es(KEYWORD),
    )
    relayed_by = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    via_outlets = fields.List(fields.String(), load_default=list, **es(FACET_KEYWORD))
    via_outlet_ids = fields.List(fields.String(), load_default=list, **es(KEYWORD))
    medium = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    paragraph_index = fields.Integer(
        load_default=0, validate=validate.Range(min=0), **es({"type": "integer"})
    )
    sentence_index = fields.Integer(
        load_default=0, validate=validate.Range(min=0), **es({"type": "integer"})
    )
    confidence = fields.Float(
        load_default=1.0, validate=validate.Range(0.0, 1.0), **es({"type": "float"})
    )
    statement_id = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    outlet = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    outlet_id = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    original_outlet = fields.String(load_default=None, allow_none=True, **es(FACET_KEYWORD))
    original_outlet_id = fields.String(load_default=None, allow_none=True, **es(KEYWORD))
    published = fields.Date(load_default=None, allow_none=True, **es({"type": "date"}))
    article_title = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))
    article_url = fields.String(load_default=None, allow_none=True, **es(STORED_ONLY))


def check_spans_within(attribution: dict[str, Any], body: str) -> None:
    """Reject an attribution whose spans fall outside its article's body.

    The error names the field and the offending value, as every validation error must.
    """
    limit = len(body)
    named: list[tuple[str, list[int] | None]] = [
        ("content_spans", span) for span in attribution.get("content_spans") or []
    ]
    named += [
        ("cue_span", attribution.get("cue_span")),
        ("speaker_span", attribution.get("speaker_span")),
    ]
    for name, span in named:
        if span is not None and span[1] > limit:
            raise RecordError(
                f"{name} ({list(span)}): lies outside the article body ({limit} characters)"
            )
