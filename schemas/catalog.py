"""What each stored field is used for, derived from the schemas' field metadata.

Like the Elasticsearch mappings (``schemas.mappings``), the SQLite columns, the search
filters and facets, the CSV export's columns and the fields an attribution copies from its
article are read from the metadata each field declares (see ``schemas.fields.es``), so
adding a field or a facet is a change to the schema alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, fields, validate

from schemas.article import ArticleSchema
from schemas.attribution import AttributionSchema
from schemas.fields import Column, Filter


@dataclass(frozen=True)
class FilterField:
    """A search filter with the attribution field it reads.

    ``folded``: the field is indexed as a lowercase keyword (the ``lowercase`` normalizer),
    so its values are compared accent- and case-folded. ``multi``: the field holds a list.
    ``choices``: the only values the field may hold (its ``OneOf`` validator), empty when
    it holds any value (names, ids).
    """

    filter: Filter
    field: str
    folded: bool
    multi: bool
    choices: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.filter.name

    @property
    def is_facet(self) -> bool:
        return self.filter.title is not None


def _declared(schema: type[Schema]) -> dict[str, fields.Field]:
    return dict(schema().fields)


def _filters() -> tuple[FilterField, ...]:
    found = []
    for name, field in _declared(AttributionSchema).items():
        spec = field.metadata.get("filter")
        if spec is None:
            continue
        mapping = field.metadata["es"]
        found.append(
            FilterField(
                filter=spec,
                field=name,
                folded=mapping.get("normalizer") == "lowercase",
                multi=isinstance(field, fields.List),
                choices=next(
                    (tuple(v.choices) for v in field.validators if isinstance(v, validate.OneOf)),
                    (),
                ),
            )
        )
    positions = [f.filter.position for f in found]
    if len(set(positions)) != len(positions):
        raise ValueError(f"two search filters share a position: {sorted(positions)}")
    return tuple(sorted(found, key=lambda f: f.filter.position))


def columns(schema: type[Schema]) -> dict[str, Column]:
    """The fields of ``schema`` kept as SQLite columns, in schema order: name -> column."""
    return {
        name: field.metadata["column"]
        for name, field in _declared(schema).items()
        if "column" in field.metadata
    }


# Every search filter in URL order; the facets are those with a title.
FILTERS: tuple[FilterField, ...] = _filters()
FILTER_BY_NAME: dict[str, FilterField] = {f.name: f for f in FILTERS}
FACETS: tuple[FilterField, ...] = tuple(f for f in FILTERS if f.is_facet)

# attribution field <- article field, copied on every write
COPIED_FROM_ARTICLE: dict[str, str] = {
    name: field.metadata["from_article"]
    for name, field in _declared(AttributionSchema).items()
    if "from_article" in field.metadata
}

def _csv_columns() -> tuple[str, ...]:
    """Attribution fields exported as CSV, in column order; raises ValueError when two
    fields claim one column."""
    numbered = sorted(
        (field.metadata["csv"], name)
        for name, field in _declared(AttributionSchema).items()
        if "csv" in field.metadata
    )
    if len({n for n, _ in numbered}) != len(numbered):
        raise ValueError(f"two CSV fields share a column: {numbered}")
    return tuple(name for _, name in numbered)


# Attribution fields exported as CSV, in column order.
CSV_COLUMNS: tuple[str, ...] = _csv_columns()

ATTRIBUTION_COLUMNS: dict[str, Column] = columns(AttributionSchema)
ARTICLE_COLUMNS: dict[str, Column] = columns(ArticleSchema)


def copy_from_article(attribution: dict[str, Any], article: dict[str, Any]) -> None:
    """Set the attribution's article fields (:data:`COPIED_FROM_ARTICLE`) from ``article``;
    a field the article lacks becomes None."""
    attribution.update(
        {field: article.get(source) for field, source in COPIED_FROM_ARTICLE.items()}
    )
