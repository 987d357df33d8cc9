"""The one definition of every stored field: marshmallow schemas and their ES mappings."""

from schemas.article import ArticleSchema
from schemas.attribution import KINDS, SPEAKER_TYPES, AttributionSchema, check_spans_within
from schemas.outlet import OutletSchema
from schemas.speaker import SpeakerSchema
from schemas.statement import StatementSchema
from schemas.validation import RecordError, load

__all__ = [
    "KINDS",
    "SPEAKER_TYPES",
    "ArticleSchema",
    "AttributionSchema",
    "OutletSchema",
    "RecordError",
    "SpeakerSchema",
    "StatementSchema",
    "check_spans_within",
    "load",
]
