"""Request parameters, validated by marshmallow so a bad one is a 400 that names it.

The search page, the JSON search and the exports share :class:`SearchParams`, so the URL of
a result page is also the URL of its data and of its export.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlencode

from marshmallow import (
    EXCLUDE,
    RAISE,
    Schema,
    ValidationError,
    fields,
    pre_load,
    validate,
    validates_schema,
)
from werkzeug.datastructures import MultiDict

from quotetrail.errors import ParamError as ParamError
from schemas.catalog import FILTERS
from store.base import FACETS, SearchQuery

MAX_QUERY = 10_000  # longer is refused; the store sees at most QUERY_SENT of it
QUERY_SENT = 1_000
MAX_WINDOW = 10_000  # deepest result reachable by paging (the export has no limit)
FACET_PARAMS = tuple(FACETS)
FILTER_PARAMS = tuple(f.name for f in FILTERS)  # facets first, then article_id, statement_id
SORTS = ("relevance", "date", "date_asc")
ALL_VALUES = "all"  # a filter value that keeps every value (lifts a default filter)


def _facet_field(name: str) -> fields.List:
    return fields.List(
        fields.String(validate=validate.Length(min=1, max=200)),
        load_default=list,
        metadata={"description": f"filter on the {name} facet (repeat for OR)"},
    )


class _TextParams(Schema):
    q = fields.String(
        load_default="",
        validate=validate.Length(max=MAX_QUERY),
        metadata={"description": "words to find in the quote or claim (plain text)"},
    )


# One list parameter per filter the schema declares (schemas.catalog.FILTERS), after ``q``.
_FilterParams = type(
    "_FilterParams",
    (_TextParams,),
    {f.name: _facet_field(f.filter.description) for f in FILTERS},
)


class SearchParams(_FilterParams):
    """Everything a search URL may say. Facet filters repeat for OR (``?kind=a&kind=b``)."""

    class Meta:
        unknown = RAISE

    date_from = fields.Date(
        data_key="from",
        load_default=None,
        allow_none=True,
        metadata={"description": "published on or after (YYYY-MM-DD)"},
    )
    date_to = fields.Date(
        data_key="to",
        load_default=None,
        allow_none=True,
        metadata={"description": "published on or before (YYYY-MM-DD)"},
    )
    sort = fields.String(load_default="relevance", validate=validate.OneOf(SORTS))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_WINDOW))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    more = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf(FACET_PARAMS),
        metadata={"description": "the facet to show in full (up to 100 values)"},
    )

    @pre_load
    def _blank_is_absent(self, data: Any, **kwargs: Any) -> Any:
        """Plain GET forms send empty fields (``?from=&sort=``): treat them as unset."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v not in ("", [], None)}
        return data

    @validates_schema
    def _consistent(self, data: dict[str, Any], **kwargs: Any) -> None:
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise ValidationError("must not be after 'to'", "from")
        if (data["page"] - 1) * data["per_page"] >= MAX_WINDOW:
            raise ValidationError(
                f"beyond the first {MAX_WINDOW} results: narrow the search or use the export",
                "page",
            )


def _flatten(args: MultiDict[str, str], list_fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in args:
        values = args.getlist(key)
        out[key] = [v for v in values if v != ""] if key in list_fields else values[-1]
    return out


LIST_PARAMS = set(FILTER_PARAMS)


def load_args(schema: Schema, args: Mapping[str, Any]) -> dict[str, Any]:
    """Validate query-string arguments (or a JSON body); raise :class:`ParamError` naming
    the first bad one."""
    lists = {f.data_key or name for name, f in schema.fields.items() if isinstance(f, fields.List)}
    data = _flatten(args, lists) if isinstance(args, MultiDict) else dict(args)
    try:
        return schema.load(data)
    except ValidationError as error:
        messages = error.messages if isinstance(error.messages, dict) else {"_": error.messages}
        param, problem = next(iter(messages.items()))
        while isinstance(problem, dict):  # list items: {0: [...]}
            problem = next(iter(problem.values()))
        text = " ".join(str(p) for p in problem) if isinstance(problem, list) else str(problem)
        if text == "Unknown field.":
            text = "unknown parameter"
        raise ParamError(str(param), text) from None


_SEARCH_PARAMS = SearchParams()


def search_params(args: Mapping[str, Any]) -> dict[str, Any]:
    return load_args(_SEARCH_PARAMS, args)


def effective_sort(params: dict[str, Any]) -> str:
    """Relevance needs words to be relevant to: without a query, newest first."""
    if params["sort"] == "relevance" and not params["q"].strip():
        return "date"
    return str(params["sort"])


def filter_values(params: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The values each filter keeps: those the search names, else the filter's declared
    default (``cue_type``: speech and writing); ``all`` among them lifts the filter."""
    filters = {}
    for spec in FILTERS:
        values = tuple(dict.fromkeys(params.get(spec.name) or spec.filter.default))
        if values and ALL_VALUES not in values:
            filters[spec.name] = values
    return filters


def to_query(params: dict[str, Any], *, facets: bool = True) -> SearchQuery:
    """The store query for validated parameters."""
    filters = filter_values(params)
    return SearchQuery(
        text=params["q"][:QUERY_SENT],
        filters=filters,
        date_from=params.get("date_from"),
        date_to=params.get("date_to"),
        sort=effective_sort(params),
        page=params["page"],
        per_page=params["per_page"],
        facet_size=100 if params.get("more") else 10,
        facets=facets,
    )


# Query-string order of the search parameters (params key -> URL name).
ARG_ORDER: tuple[tuple[str, str], ...] = (
    ("q", "q"),
    *((name, name) for name in FILTER_PARAMS),
    ("date_from", "from"),
    ("date_to", "to"),
    ("sort", "sort"),
    ("per_page", "per_page"),
    ("more", "more"),
    ("page", "page"),
)
_DEFAULTS: dict[str, Any] = {"sort": "relevance", "per_page": 20, "page": 1}


def arg_pairs(key: str, value: Any) -> list[tuple[str, str]]:
    """One parameter as query-string pairs; empty when it is unset or the default."""
    name = _NAMES[key]
    if value in (None, "", [], ()) or _DEFAULTS.get(key) == value:
        return []
    if isinstance(value, list | tuple):
        return [(name, str(v)) for v in value]
    if isinstance(value, date):
        return [(name, value.isoformat())]
    return [(name, str(value))]


_NAMES = dict(ARG_ORDER)


def to_args(params: dict[str, Any]) -> list[tuple[str, str]]:
    """Parameters back to query-string pairs, defaults left out (short, shareable URLs)."""
    return [pair for key, _ in ARG_ORDER for pair in arg_pairs(key, params.get(key))]


def encode_args(params: dict[str, Any]) -> dict[str, str]:
    """Each parameter's URL-encoded piece, so a link changing one of them re-encodes only
    that one (a result page links to the same search with one change a hundred times)."""
    return {key: urlencode(arg_pairs(key, params.get(key))) for key, _ in ARG_ORDER}


class CheckParams(Schema):
    class Meta:
        unknown = RAISE

    text = fields.String(
        required=True,
        validate=validate.Length(min=1, max=MAX_QUERY),
        metadata={"description": "the sentence to check"},
    )
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))


class CheckFormParams(CheckParams):
    """The check page may be opened with no text yet."""

    text = fields.String(load_default="", validate=validate.Length(max=MAX_QUERY))


class StatementParams(Schema):
    class Meta:
        unknown = RAISE

    format = fields.String(load_default="json", validate=validate.OneOf(("json", "claimreview")))


class PageOnlyParams(Schema):
    """Listing pages (outlet's relayed items, a speaker's statements)."""

    class Meta:
        unknown = RAISE

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_WINDOW))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class MergeBody(Schema):
    class Meta:
        unknown = EXCLUDE

    into = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        metadata={"description": "id of the speaker that absorbs this one"},
    )
