"""Request parameters, validated by marshmallow so a bad one is a 400 that names it.

The search page, the JSON search and the exports share :class:`SearchParams`, so the URL of
a result page is also the URL of its data and of its export.
"""

from __future__ import annotations

import re
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
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from quotetrail.errors import ParamError as ParamError
from schemas.catalog import FILTERS, FilterField
from schemas.text import normalized_text
from store.base import FACETS, SearchQuery

# Parameters that link shorteners, newsletters and ad networks add to shared links: pages
# ignore them (the JSON API stays strict). After the lists of Firefox's query stripping and
# the ClearURLs project's global rules.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|"
    r"igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|"
    r"ref_src|s_cid)$",
    re.IGNORECASE,
)
MAX_QUERY = 10_000  # longer is refused; the store sees at most QUERY_SENT of it
QUERY_SENT = 1_000
MAX_WINDOW = 10_000  # deepest result reachable by paging (the export has no limit)
FACET_PARAMS = tuple(FACETS)
FILTER_PARAMS = tuple(f.name for f in FILTERS)  # facets first, then article_id, statement_id
SORTS = ("relevance", "date", "date_asc")
ALL_VALUES = "all"  # a filter value that keeps every value (lifts a default filter)
FACET_PAGE = 100  # facet values added by each "show more"
MAX_FACET_PAGES = 100  # the longest facet list one page asks the store for: 10,000 values


def _facet_field(spec: FilterField) -> fields.List:
    """A filter's parameter: its values repeat for OR; a field with declared choices
    (``FilterField.choices``) takes those and ``all`` only, anything else is a 400 naming
    them."""
    checks: list[Any] = [validate.Length(min=1, max=200)]
    if spec.choices:
        allowed = (*spec.choices, ALL_VALUES)
        checks.append(
            validate.OneOf(allowed, error=f"{{input!r}} is not one of {', '.join(allowed)}")
        )
    return fields.List(
        fields.String(validate=checks),
        load_default=list,
        metadata={"description": f"filter on the {spec.filter.description} facet (repeat for OR)"},
    )


# A query must hold a word within what the store is sent (QUERY_SENT characters), or be
# blank (everything): punctuation alone would silently match everything
# (``store.query_text.parse`` finds words as ``\w`` runs).
HAS_WORDS = rf"^(\s*$|[\s\S]{{0,{QUERY_SENT - 1}}}\w)"


def _query_field(*validators: Any) -> fields.String:
    return fields.String(
        load_default="",
        validate=[validate.Length(max=MAX_QUERY), *validators],
        metadata={
            "description": "words to find in the quote or claim: every word must appear "
            '(any regular form of it: "keeps" finds "keeping", "says" does not find "said"); '
            '"a quoted phrase" must appear as written; `a OR b` (OR in '
            "capitals, between two words or phrases) finds either; `-word` or "
            '`-"a phrase"` leaves out what the word or phrase finds, as does `NOT word` '
            "(exclusions alone list everything else); `AND` in capitals between two words "
            "changes nothing (every word must appear); other punctuation is ignored, so "
            "a query needs a word (or nothing, to list everything)"
        },
    )


NO_WORDS = (
    "has no words to search for (punctuation alone is ignored): type a word, "
    'a "quoted phrase", or leave it empty to list everything'
)


def has_words(text: str) -> bool:
    """Whether a query says something to search for (blank means everything)."""
    return not text.strip() or re.match(HAS_WORDS, text) is not None


class _TextParams(Schema):
    q = _query_field()


# One list parameter per filter the schema declares (schemas.catalog.FILTERS), after ``q``.
_FilterParams = type(
    "_FilterParams",
    (_TextParams,),
    {f.name: _facet_field(f) for f in FILTERS},
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
        metadata={"description": "the facet to show in full (100 values per facet_page)"},
    )
    facet_page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=MAX_FACET_PAGES),
        metadata={"description": f"with more: show the first {FACET_PAGE} x facet_page values"},
    )

    @pre_load
    def _blank_is_absent(self, data: Any, **kwargs: Any) -> Any:
        """Plain GET forms send empty fields (``?from=&sort=``): treat them as unset."""
        if isinstance(data, dict) and not self.KEEP_BLANKS:
            return {k: v for k, v in data.items() if v not in ("", [], None)}
        return data

    # The pages' forms send blanks; the API (ApiSearchParams) takes its values as its spec
    # says. A page past the last is answered with the number of pages (searching.py).
    KEEP_BLANKS = False

    @validates_schema
    def _consistent(self, data: dict[str, Any], **kwargs: Any) -> None:
        """An empty date range is a mistake, on a page as in the API: a 400 naming it."""
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise ValidationError("must not be after 'to'", "from")


def without_tracking(args: MultiDict[str, str]) -> MultiDict[str, str]:
    """``args`` without :data:`TRACKING_PARAMS` (``utm_source``, ``fbclid``...)."""
    if not any(TRACKING_PARAMS.match(key) for key in args):
        return args
    kept = [(k, v) for k, v in args.items(multi=True) if not TRACKING_PARAMS.match(k)]
    return ImmutableMultiDict(kept)


def _flatten(
    args: MultiDict[str, str], list_fields: set[str], keep_blanks: bool = False
) -> dict[str, Any]:
    """Query-string arguments as the schema reads them: a list for a list parameter, else
    the one value, each normalized as stored text is (``schemas.text.normalized_text``: NFC,
    no bidirectional controls, which would otherwise turn a page's title and search box
    around). ParamError for a one-value parameter given different values (which of
    ``?page=2&page=5`` was meant cannot be guessed); the same value repeated is that value."""
    out: dict[str, Any] = {}
    for key in args:
        values = [normalized_text(v) for v in args.getlist(key)]
        if key in list_fields:
            out[key] = values if keep_blanks else [v for v in values if v != ""]
        elif len(set(values)) > 1:
            raise ParamError(key, f"given {len(values)} times with different values; send it once")
        else:
            out[key] = values[-1]
    return out


def one_arg(args: MultiDict[str, str], name: str, default: str) -> dict[str, str]:
    """``{"page": value}`` for a one-value argument read apart from a page's other ones
    (``default`` when absent); ParamError when it is given different values."""
    return _flatten(MultiDict([(name, v) for v in args.getlist(name)]), set()) or {name: default}


LIST_PARAMS = set(FILTER_PARAMS)


def load_args(schema: Schema, args: Mapping[str, Any]) -> dict[str, Any]:
    """Validate query-string arguments (or a JSON body); raise :class:`ParamError` naming
    the first bad one."""
    lists = _list_names(schema)
    keep_blanks = getattr(schema, "KEEP_BLANKS", False)  # then a blank list item is refused
    data = _flatten(args, lists, keep_blanks) if isinstance(args, MultiDict) else dict(args)
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


def _list_names(schema: Schema) -> set[str]:
    return {f.data_key or name for name, f in schema.fields.items() if isinstance(f, fields.List)}


class ApiSearchParams(SearchParams):
    """The JSON API's reading of :class:`SearchParams`, exactly as documented: a blank value
    is a value (``?to=`` is not a date), a query needs a word (a page says so instead), and
    a page past the first MAX_WINDOW results comes back without hits (the total stays
    exact)."""

    KEEP_BLANKS = True
    q = _query_field(validate.Regexp(HAS_WORDS, error=NO_WORDS))


_SEARCH_PARAMS = SearchParams()
_API_SEARCH_PARAMS = ApiSearchParams()


def search_params(args: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters of a search page (blanks are unset; ranges and depth are checked)."""
    return load_args(_SEARCH_PARAMS, args)


def api_search_params(args: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters of an API search, as its OpenAPI document describes them."""
    return load_args(_API_SEARCH_PARAMS, args)


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
        facet_size=FACET_PAGE * params.get("facet_page", 1) if params.get("more") else 10,
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
    ("facet_page", "facet_page"),
    ("page", "page"),
)
_DEFAULTS: dict[str, Any] = {"sort": "relevance", "per_page": 20, "page": 1, "facet_page": 1}


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


# A claim to check needs a letter or a digit: punctuation alone ("!!!") has no word to
# compare, and would be answered with statements that merely share its length. The rule is
# the schema's pattern, so the API's spec says it (and its fuzz test asks only for texts
# that keep it, ``tests/test_openapi_fuzz.py``); the check page allows a blank text too.
HAS_LETTERS = r"^[\s\S]*[^\W_]"
NO_LETTERS = (
    "has no letters or digits to check (punctuation alone is ignored): type the words of "
    "the claim"
)


class CheckParams(Schema):
    class Meta:
        unknown = RAISE

    text = fields.String(
        required=True,
        validate=[
            validate.Length(min=1, max=MAX_QUERY),
            validate.Regexp(HAS_LETTERS, error=NO_LETTERS),
        ],
        metadata={"description": "the sentence to check (with at least a letter or a digit)"},
    )
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))


class CheckFormParams(CheckParams):
    """The check page may be opened with no text yet (blank), else as the API reads it."""

    text = fields.String(
        load_default="",
        validate=[
            validate.Length(max=MAX_QUERY),
            validate.Regexp(rf"^\s*$|{HAS_LETTERS}", error=NO_LETTERS),
        ],
    )


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


DIRECTORY_PER_PAGE = 50


class DirectoryParams(Schema):
    """The speakers and outlets directories (``webapp.directories``)."""

    class Meta:
        unknown = RAISE

    q = fields.String(
        load_default="",
        validate=validate.Length(max=200),
        metadata={"description": "the start of a name, alias or one of their words"},
    )
    sort = fields.String(
        load_default="count",
        validate=validate.OneOf(("count", "name")),
        metadata={"description": "count: most attributions first; name: alphabetical"},
    )
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_WINDOW))
    per_page = fields.Integer(
        load_default=DIRECTORY_PER_PAGE, validate=validate.Range(min=1, max=200)
    )


class MergeBody(Schema):
    class Meta:
        unknown = EXCLUDE

    into = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        metadata={
            "description": "id of the speaker that is kept and absorbs the path speaker "
            "(the path speaker goes away)"
        },
    )
    force = fields.Boolean(
        load_default=False,
        metadata={
            "description": "merge all the same a person with an organization or group, or "
            "two persons with different given names"
        },
    )
