"""Field types shared by the schemas, each carrying its Elasticsearch mapping.

Every field declares how it is indexed in its metadata (``es``), so the mapping in
``schemas.mappings`` is derived from the schema and cannot drift from it.
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields

ENGLISH_TEXT: dict[str, Any] = {
    "type": "text",
    "analyzer": "english",
    "fields": {"exact": {"type": "text", "analyzer": "standard"}},
}
FACET_KEYWORD: dict[str, Any] = {"type": "keyword", "normalizer": "lowercase"}
KEYWORD: dict[str, Any] = {"type": "keyword"}
STORED_ONLY: dict[str, Any] = {"type": "keyword", "index": False, "doc_values": False}
SPAN: dict[str, Any] = {"type": "integer", "index": False, "doc_values": False}


class Span(fields.Field):
    """A ``[start, end]`` character range, end exclusive, start <= end."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("metadata", {}).setdefault("es", SPAN)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[int]:
        if (
            not isinstance(value, list | tuple)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise ValidationError(f"must be a [start, end] pair of integers, got {value!r}")
        start, end = value
        if start < 0 or end < start:
            raise ValidationError(f"must satisfy 0 <= start <= end, got {value!r}")
        return [start, end]

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return None if value is None else [int(value[0]), int(value[1])]


def es(mapping: dict[str, Any], **field_kwargs: Any) -> dict[str, Any]:
    """Metadata for a field: its Elasticsearch mapping."""
    return {"metadata": {"es": mapping}, **field_kwargs}
