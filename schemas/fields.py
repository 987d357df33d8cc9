"""Field types shared by the schemas, each carrying its Elasticsearch mapping.

Every field declares how it is indexed in its metadata (``es``), so the mapping in
``schemas.mappings`` is derived from the schema and cannot drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from marshmallow import ValidationError, fields

from schemas.dates import read_date

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


class PublishedDate(fields.Date):
    """A publication day, read by the one rule of ``schemas.dates`` (an ISO date or
    timestamp, a date with a month name, epoch seconds; never an ambiguous ``05/11/2026``),
    serialized as YYYY-MM-DD. Bad input raises ValidationError with the reason."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        reading = read_date(value)
        if reading.iso is None:
            raise ValidationError(f"Not a valid date: {reading.problem or 'empty'}.")
        return date.fromisoformat(reading.iso)


@dataclass(frozen=True)
class Column:
    """How the SQLite engine keeps a field as a column of its table, beside the JSON document.

    ``constraint`` follows the type in the DDL (``PRIMARY KEY``, ``NOT NULL``); ``index``
    names the field's index, on the column followed by ``index_with``.
    """

    type: str = "TEXT"
    constraint: str = ""
    index: str | None = None
    index_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filter:
    """A search filter on an attribution field (the search parameter ``name``); a facet too
    when it has a ``title``.

    ``position`` orders filters in URLs, the OpenAPI document and the sidebar;
    ``description`` documents the search parameter. ``refers_to`` is the record kind
    (``speakers``, ``outlets``, ``statements``) whose ids the field holds: such a field can be
    reassigned from one record to another. ``label_field`` holds the name the text used:
    a facet value is shown with its record's name, else with that name. ``default`` holds
    the values a search filters on when it names none (the value ``all`` lifts it).
    """

    name: str
    position: int
    description: str
    title: str | None = None
    refers_to: str | None = None
    label_field: str | None = None
    default: tuple[str, ...] = ()


def es(
    mapping: dict[str, Any],
    *,
    column: Column | None = None,
    filter: Filter | None = None,  # noqa: A002 - the metadata key it sets
    csv: int | None = None,
    from_article: str | None = None,
    doc: str | None = None,
    **field_kwargs: Any,
) -> dict[str, Any]:
    """Metadata for a field: its Elasticsearch mapping and what else it is used for.

    ``column``: kept as a SQLite column; ``filter``: a search filter or facet; ``csv``:
    position among the CSV export's columns; ``from_article``: the article field it is
    copied from when stored; ``doc``: what the field holds, for readers of the schema.
    ``schemas.catalog`` reads these.
    """
    metadata: dict[str, Any] = {"es": mapping}
    for key, value in (
        ("column", column),
        ("filter", filter),
        ("csv", csv),
        ("from_article", from_article),
        ("doc", doc),
    ):
        if value is not None:
            metadata[key] = value
    return {"metadata": metadata, **field_kwargs}


def optional_string(mapping: dict[str, Any], **metadata: Any) -> fields.String:
    """A string field that may be absent or null (it loads as None), indexed as ``mapping``;
    ``metadata`` as for :func:`es` (``column``, ``filter``, ``doc`` ...)."""
    return fields.String(load_default=None, allow_none=True, **es(mapping, **metadata))
