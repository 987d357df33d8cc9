"""Elasticsearch mappings, derived from the marshmallow schemas' field metadata.

The analysis settings (english stemming, a lowercase normalizer for facets) live here too,
so one module says how every stored field is indexed.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from schemas.article import ArticleSchema
from schemas.attribution import AttributionSchema
from schemas.change import ChangeSchema
from schemas.outlet import OutletSchema
from schemas.speaker import SpeakerSchema
from schemas.statement import StatementSchema

SETTINGS: dict[str, Any] = {
    "analysis": {
        "normalizer": {"lowercase": {"type": "custom", "filter": ["lowercase", "asciifolding"]}}
    },
}

SCHEMAS: dict[str, type[Schema]] = {
    "articles": ArticleSchema,
    "attributions": AttributionSchema,
    "speakers": SpeakerSchema,
    "outlets": OutletSchema,
    "statements": StatementSchema,
    "changes": ChangeSchema,
}


def _field_mapping(name: str, field: fields.Field) -> dict[str, Any]:
    inner = field.inner if isinstance(field, fields.List) else field
    mapping = field.metadata.get("es") or inner.metadata.get("es")
    if mapping is None:
        raise ValueError(f"field {name!r} declares no Elasticsearch mapping")
    facet = field.metadata.get("filter")
    if facet is not None and facet.title is not None and mapping.get("type") == "keyword":
        # Facets are terms aggregations on every search: their global ordinals are built
        # at refresh, not by the first search after it (seconds on a large index).
        return {**mapping, "eager_global_ordinals": True}
    return mapping


def mapping_for(schema: type[Schema]) -> dict[str, Any]:
    """The ``mappings`` body of an index holding records of ``schema``."""
    declared = schema().fields
    return {
        "dynamic": "strict",
        "properties": {name: _field_mapping(name, f) for name, f in declared.items()},
    }


def index_body(kind: str) -> dict[str, Any]:
    """Settings and mappings for the index of one record kind (``articles``, ...)."""
    return {"settings": SETTINGS, "mappings": mapping_for(SCHEMAS[kind])}
