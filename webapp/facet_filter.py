"""The facet filter box: the speakers or outlets a typed name matches, counted under the
current search.

A speaker facet shows ten names; the box above it finds any other. The names come from the
directory (``Store.directory``: the start of a name, alias or one of their words), their
counts from the search itself (``SearchQuery.facet_values``), so a name the box offers
carries the number of results that clicking it gives - not a corpus-wide total.
``GET /api/v1/search/facets/<facet>?match=…`` takes the search's own parameters;
``SearchState.facet_filter_url`` builds its URL for a page (with the filters a page fixes,
such as the speaker of a speaker page).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, abort, request
from marshmallow import Schema, fields, validate

from webapp import params as P
from webapp.api import _facet_values, respond
from webapp.api_schemas import FacetValueSchema
from webapp.searching import FACET_DIRECTORY, store

facet_filter = Blueprint("facet_filter", __name__, url_prefix="/api/v1")

# Names read from the directory per request: the most quoted first, so a short prefix still
# finds the people the search is about among the first ones.
CANDIDATES = 200
SHOWN = 10  # values a box lists


class FacetFilterParams(P.SearchParams):
    """A search's parameters (as its page's URL carries them) and the typed ``match``; the
    paging ones are accepted and play no part."""

    match = fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        metadata={"description": "the start of a name, alias or one of their words"},
    )


class FacetFilterSchema(Schema):
    facet = fields.String(required=True)
    match = fields.String(required=True)
    values = fields.List(
        fields.Nested(FacetValueSchema),
        required=True,
        metadata={"description": "matching values with results in this search, most first"},
    )


def matching_values(facet: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The values of ``facet`` whose record matches ``params["match"]`` with their counts
    under the search of ``params`` (value, label, count, selected), most results first;
    values without a result in this search are left out."""
    names = store().directory(FACET_DIRECTORY[facet], params["match"].strip(), per_page=CANDIDATES)
    ids = tuple(e.record["id"] for e in names.entries)
    if not ids or not P.has_words(params["q"]):
        return []
    query = replace(
        P.to_query(params), per_page=0, facet_size=SHOWN, facet_values={facet: ids}
    )
    found = store().search(query).facets.get(facet, [])
    return _facet_values([v for v in found if v.count], params.get(facet) or [])


@facet_filter.get("/search/facets/<facet>")
def values(facet: str) -> Response:
    """Speakers or outlets matching a typed name, counted under a search.
    ---
    get:
      tags: [search]
      summary: The values of a speaker, outlet or via facet whose name starts with match
      parameters:
      - in: path
        name: facet
        required: true
        schema: {type: string, enum: [speaker, outlet, via]}
      - in: query
        schema: FacetFilterParams
      errors: [400, 404]
      responses:
        200:
          content:
            application/json:
              schema: FacetFilterSchema
    """
    if facet not in FACET_DIRECTORY:
        named = ", ".join(FACET_DIRECTORY)
        abort(404, f"'{facet}' is not a facet of speakers or outlets ({named}).")
    params = P.load_args(FacetFilterParams(), P.without_tracking(request.args))
    body = {"facet": facet, "match": params["match"], "values": matching_values(facet, params)}
    return respond(FacetFilterSchema, body)
