"""The engine-neutral plan of a search, and the rules both engines share.

A :class:`Plan` says what a :class:`~store.base.SearchQuery` asks for: the parsed text,
which filters (validated against ``schemas.catalog.FILTERS``), the date bounds, which
facets, and the sort with its tie-breaks. ``store.sqlite`` and ``store.elastic`` only
translate it into SQL or the query DSL. The reassignment of attributions from one record
to another and the rule that labels a facet value live here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemas import AttributionSchema
from schemas.catalog import FACETS, FILTER_BY_NAME, FILTERS, FilterField
from store.base import SearchQuery
from store.query_text import ParsedText, parse
from store.records import keyword


@dataclass(frozen=True)
class SortKey:
    """One sort key: a stored field, or ``score`` (relevance). ``nullable``: the field may
    be missing; missing values sort last either way."""

    field: str
    descending: bool = False
    nullable: bool = False


_NULLABLE = frozenset(n for n, f in AttributionSchema().fields.items() if f.allow_none)


def _key(field: str, descending: bool = False) -> SortKey:
    return SortKey(field, descending, field in _NULLABLE)


# Equal dates are ordered in text order, so pages are stable on both engines.
TIEBREAK = (_key("article_id"), _key("paragraph_index"), _key("sentence_index"), _key("id"))
SORTS: dict[str, tuple[SortKey, ...]] = {
    "date": (_key("published", descending=True), *TIEBREAK),
    "date_asc": (_key("published"), *TIEBREAK),
}
SCORE = SortKey("score", descending=True)

# Fields holding ids of other records (speaker merge/split, statement merging) -> the
# field holding the name the text used, replaced along with the id (None: no such name).
REASSIGN: dict[str, str | None] = {
    f.field: f.filter.label_field for f in FILTERS if f.filter.refers_to is not None
}

# Facets whose values are ids of records with a name: the facet's name -> record kind.
LABELLED: dict[str, str] = {
    f.name: f.filter.refers_to
    for f in FACETS
    if f.filter.refers_to is not None and f.filter.label_field is not None
}


class Plan:
    """What one query asks for, engine-neutral.

    ``filters`` holds the filters with values, in the query's order (OR within one, AND
    across); ``sort`` the sort keys, relevance first only when there is text to rank by.
    Raises ValueError for an unknown filter name.
    """

    def __init__(self, query: SearchQuery) -> None:
        self.parsed: ParsedText = parse(query.text)
        self.date_from = query.date_from.isoformat() if query.date_from else None
        self.date_to = query.date_to.isoformat() if query.date_to else None
        self.filters: list[tuple[FilterField, tuple[str, ...]]] = []
        for name, values in query.filters.items():
            if name not in FILTER_BY_NAME:
                raise ValueError(f"unknown filter {name!r}")
            if values:
                self.filters.append((FILTER_BY_NAME[name], tuple(values)))
        # Relevance needs words to be relevant to (exclusions are none): else newest first.
        self.ranked = query.sort == "relevance" and bool(self.parsed.required)
        self.sort: tuple[SortKey, ...] = (
            (SCORE, *SORTS["date"]) if self.ranked else SORTS.get(query.sort, SORTS["date"])
        )
        self.facets: tuple[FilterField, ...] = FACETS if query.facets else ()
        # a facet -> the only values it counts (folded as the facet's field is)
        self.facet_values: dict[str, tuple[str, ...]] = {}
        for name, values in query.facet_values.items():
            facet = next((f for f in FACETS if f.name == name), None)
            if facet is None or not values:
                raise ValueError(f"facet_values: {name!r} needs a facet name and values")
            self.facet_values[name] = tuple(keyword(v) if facet.folded else v for v in values)

    def filters_except(self, exclude: str | None) -> list[tuple[FilterField, tuple[str, ...]]]:
        """The filters a facet counts under: all but its own (its values are alternatives)."""
        return [(f, values) for f, values in self.filters if f.name != exclude]


def reassign_label_field(field_name: str) -> str | None:
    """The name field replaced along with ``field_name``; ValueError if not reassignable."""
    if field_name not in REASSIGN:
        raise ValueError(f"cannot reassign {field_name!r}; one of {sorted(REASSIGN)}")
    return REASSIGN[field_name]


def reassigned(
    attribution: dict[str, Any], field: str, old: str, new: str, label: str | None
) -> dict[str, Any]:
    """The attribution pointing at ``new`` where its ``field`` pointed at ``old`` (changed in
    place). A given ``label`` replaces the name the text used, at the same position in a
    list field."""
    label_field = REASSIGN[field]
    value = attribution.get(field)
    if isinstance(value, list):
        labels = (attribution.get(label_field) or []) if label_field else []
        for position, item in enumerate(value):
            if item == old:
                value[position] = new
                if label is not None and position < len(labels):
                    labels[position] = label
    else:
        attribution[field] = new
        if label is not None and label_field:
            attribution[label_field] = label
    return attribution


def text_label(attribution: dict[str, Any], facet: FilterField, value: str) -> str | None:
    """The name the text used for ``value`` of a labelled facet in one attribution.

    Labels: a value is shown with its record's name (:data:`LABELLED`); when there is no
    such record, with this name taken from the first attribution by id that has one.
    """
    label_field = facet.filter.label_field
    if label_field is None:
        return None
    if facet.multi:
        ids = attribution.get(facet.field) or []
        names = attribution.get(label_field) or []
        position = ids.index(value) if value in ids else len(names)
        return names[position] if position < len(names) else None
    return attribution.get(label_field)
