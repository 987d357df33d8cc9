"""A search result with everything a page needs to link onwards from it.

The URL holds the whole state, so every control (facet value, chip, month bar, sort,
page) is a plain link to the same path with one parameter changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from typing import Any
from urllib.parse import urlencode

from flask import current_app

from indexer.link.namesakes import possible_namesakes
from schemas.catalog import FILTERS
from store.base import FACETS, DirectoryKind, FacetValue, SearchQuery, SearchResult, Store
from webapp import params as P
from webapp.render import month_bounds, month_label

# facet -> its sidebar heading, as the schema declares it
FACET_TITLES = {f.name: f.filter.title for f in FILTERS if f.filter.title is not None}
DEFAULT_FACET_SIZE = 10
# Facets whose values are speakers or outlets -> the directory a filter box finds names in.
FACET_DIRECTORY: dict[str, DirectoryKind] = {
    "speaker": "speakers",
    "outlet": "outlets",
    "via": "outlets",
}


def store() -> Store:
    return current_app.extensions["quotetrail.store"]


# The filters a search applies unless told otherwise (cue_type: speech and writing),
# lifted: a speaker or outlet page counts everything attributed to them, and its links to
# the search carry these arguments so that the search shows the same number.
EVERYTHING: dict[str, str] = {f.name: P.ALL_VALUES for f in FILTERS if f.filter.default}


def everything_of(
    sort: str = "date", per_page: int = 1, facets: bool = True, **named: str
) -> SearchQuery:
    """The store query behind the search page for one value of each ``named`` filter
    (``speaker="anna-lindqvist"``) with :data:`EVERYTHING`: what a link from a speaker or
    outlet page to the search shows."""
    args = {name: [value] for name, value in {**named, **EVERYTHING}.items()}
    params = P.search_params(args)
    return replace(P.to_query(params, facets=facets), sort=sort, per_page=per_page)


# Attributions read per speaker page for the namesake check (the most recent first).
NAMESAKE_READ = 500


def namesake_flags(speaker_id: str) -> list[dict[str, list[str]]]:
    """Role pairs suggesting that a speaker's page pools two people of one name
    (`indexer.link.namesakes`: "mayor" in one article, "a retired teacher" in another), as
    ``{"roles": [a, b], "articles": [id_a, id_b]}``; [] when nothing suggests it. Reads the
    speaker's latest `NAMESAKE_READ` attributions."""
    found = store().scan(everything_of(speaker=speaker_id, facets=False))
    return [flag.to_dict() for flag in possible_namesakes(islice(found, NAMESAKE_READ))]


@dataclass
class SearchState:
    """Validated parameters + the store's answer, and URL builders for this path."""

    path: str
    params: dict[str, Any]
    result: SearchResult
    hidden: tuple[str, ...] = ()  # facets fixed by the page (the speaker on a speaker page)
    fixed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # and their values
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    no_words: bool = False  # the query was punctuation alone: nothing was searched

    # --- urls ----------------------------------------------------------------------
    def __post_init__(self) -> None:
        self._encoded = P.encode_args({**self.params, "page": 1})

    def url(self, path: str | None = None, **changes: Any) -> str:
        """This search with ``changes`` applied, back on page 1 unless ``page`` is given."""
        pieces = dict(self._encoded)
        for key, value in changes.items():
            pieces[key] = urlencode(P.arg_pairs(key, value))
        query = "&".join(piece for piece in pieces.values() if piece)
        return (path or self.path) + ("?" + query if query else "")

    def toggle(self, facet: str, value: str) -> str:
        current = list(self.params.get(facet) or [])
        current = [v for v in current if v != value] if value in current else [*current, value]
        return self.url(**{facet: current})

    def remove_dates(self) -> str:
        return self.url(date_from=None, date_to=None)

    def month_url(self, month: str) -> str:
        start, end = month_bounds(month)
        if self.selected_month == month:
            return self.url(date_from=None, date_to=None)
        return self.url(date_from=start, date_to=end)

    def page_url(self, page: int) -> str:
        return self.url(page=page)

    def api_url(self, suffix: str = "") -> str:
        extra = [(k, v) for k, v in P.to_args(self.params)]
        return f"/api/v1/search{suffix}" + ("?" + urlencode(extra) if extra else "")

    def facet_filter_url(self, facet: str) -> str | None:
        """The facet filter box's lookup (``webapp.facet_filter``) under this search and the
        filters the page fixes, the box appending ``match=``; None for a facet whose values
        are not speakers or outlets (its box narrows the values on screen)."""
        if facet not in FACET_DIRECTORY:
            return None
        skipped = ("page", "more", "facet_page")
        pairs = [(k, v) for k, v in P.to_args(self.params) if k not in skipped]
        pairs += [(name, value) for name, values in self.fixed.items() for value in values]
        return f"/api/v1/search/facets/{facet}?" + urlencode(pairs)

    def export_url(self, fmt: str) -> str:
        pairs = [(k, v) for k, v in P.to_args(self.params) if k not in ("page", "per_page", "more")]
        return f"/api/v1/search.{fmt}" + ("?" + urlencode(pairs) if pairs else "")

    # --- state ---------------------------------------------------------------------
    @property
    def sort(self) -> str:
        return P.effective_sort(self.params)

    @property
    def selected_month(self) -> str | None:
        start: date | None = self.params.get("date_from")
        end: date | None = self.params.get("date_to")
        if start and end and start.day == 1 and (start, end) == month_bounds(start.isoformat()):
            return start.isoformat()[:7]
        return None

    @property
    def pages(self) -> int:
        """Pages that can be shown: the results within the first ``MAX_WINDOW``."""
        return max(1, -(-min(self.result.total, P.MAX_WINDOW) // self.params["per_page"]))

    @property
    def beyond_window(self) -> bool:
        """More results than paging reaches (the first ``MAX_WINDOW``)."""
        return self.result.total > P.MAX_WINDOW

    @property
    def first_shown(self) -> int:
        return (self.params["page"] - 1) * self.params["per_page"] + 1

    @property
    def last_shown(self) -> int:
        return self.first_shown + len(self.result.hits) - 1

    def page_numbers(self) -> list[int | None]:
        """Pages to link: first, last, and two around the current one; None is a gap."""
        now, last = self.params["page"], self.pages
        wanted = sorted({1, last, *range(max(1, now - 2), min(last, now + 2) + 1)})
        out: list[int | None] = []
        for n in wanted:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out

    def facets(self) -> list[tuple[str, str, list[FacetValue], int]]:
        """(name, title, values, distinct total) for the sidebar, fixed facets left out."""
        out = []
        for name in FACETS:
            if name in self.hidden:
                continue
            values = self.result.facets.get(name, [])
            total = self.result.facet_totals.get(name, len(values))
            out.append((name, FACET_TITLES[name], values, total))
        return out

    def is_selected(self, facet: str, value: str) -> bool:
        return value in (self.params.get(facet) or [])

    def label(self, facet: str, value: str) -> str:
        return self.labels.get((facet, value), value)

    def chips(self) -> list[tuple[str, str, str]]:
        """Active filters as (what, label, url that removes it)."""
        out = []
        for name in P.FILTER_PARAMS:
            if name in self.hidden:
                continue
            for value in self.params.get(name) or []:
                title = FACET_TITLES.get(name, name.replace("_", " "))
                out.append((title, self.label(name, value), self.toggle(name, value)))
        month = self.selected_month
        if month:
            out.append(("Month", month_label(month), self.remove_dates()))
        else:
            start, end = self.params.get("date_from"), self.params.get("date_to")
            if start:
                out.append(("From", start.isoformat(), self.url(date_from=None)))
            if end:
                out.append(("To", end.isoformat(), self.url(date_to=None)))
        return out


def _labels(result: SearchResult, params: dict[str, Any], st: Store) -> dict[tuple[str, str], str]:
    """Names for facet values and for selected values that fell out of the top counts."""
    labels = {(n, v.value): v.label for n, values in result.facets.items() for v in values}
    for name in ("speaker", "outlet", "via"):
        for value in params.get(name) or []:
            if (name, value) in labels:
                continue
            record = st.get_speaker(value) if name == "speaker" else st.get_outlet(value)
            if record:
                labels[(name, value)] = record.get("name") or value
    return labels


def run_search(
    path: str,
    params: dict[str, Any],
    *,
    fixed: dict[str, tuple[str, ...]] | None = None,
    facets: bool = True,
) -> SearchState:
    """Search with the validated ``params`` plus filters the page fixes (never in the URL)."""
    st = store()
    if not P.has_words(params["q"]):  # never "everything" for a query that said nothing
        empty = SearchResult(total=0, hits=[], facets={}, histogram=[])
        return SearchState(path=path, params=params, result=empty,
                           hidden=tuple(fixed or ()), fixed=dict(fixed or {}), no_words=True)
    query = P.to_query(params, facets=facets)
    if fixed:
        query = replace(query, filters={**query.filters, **fixed})
    result = st.search(query)
    return SearchState(
        path=path,
        params=params,
        result=result,
        hidden=tuple(fixed or ()),
        fixed=dict(fixed or {}),
        labels=_labels(result, params, st),
    )
