"""The speakers and outlets directories: every person and outlet reachable by name.

``/speakers`` and ``/outlets`` are searchable (the start of any name, alias or domain, see
``store.records.name_matches``), sortable by name or by how many attributions carry them,
and paged; ``/api/v1/speakers`` and ``/api/v1/outlets`` are their JSON twins. The search
box's "people named …" offers and the facet filter box read the same store method,
``Store.directory``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request, url_for

from store.base import DirectoryKind, DirectoryPage
from webapp import api_schemas as S
from webapp import params as P
from webapp.api import _absolute, respond
from webapp.searching import store

directories = Blueprint("directories", __name__)
directories_api = Blueprint("directories_api", __name__, url_prefix="/api/v1")

OFFERED = 5  # speakers and outlets offered above the results of a search
MIN_OFFER_CHARS = 3  # shorter queries name too many people to offer any


def offers(q: str | None) -> dict[str, list[dict[str, Any]]]:
    """Speakers and outlets the query may name (by the start of a name, surname or alias),
    the ones with most attributions first, each with ``attributions``: people type a name
    into the box, and the search covers what was said, not who said it."""
    text = (q or "").strip()
    if len(text) < MIN_OFFER_CHARS or len(text) > 200:
        return {"speakers": [], "outlets": []}
    st = store()
    return {  # an outlet's count is all it carries: its page shows what it relayed too
        kind: [
            {**e.record, "attributions": e.attributions + e.relayed}
            for e in st.directory(kind, text, per_page=OFFERED).entries
            if e.attributions + e.relayed
        ]
        for kind in ("speakers", "outlets")
    }


def _page(kind: DirectoryKind) -> tuple[dict[str, Any], DirectoryPage]:
    params = P.load_args(P.DirectoryParams(), request.args)
    found = store().directory(kind, params["q"], params["sort"], params["page"], params["per_page"])
    return params, found


def _pages(params: dict[str, Any], found: DirectoryPage) -> int:
    return max(1, -(-found.total // params["per_page"]))


def _render(kind: DirectoryKind) -> str:
    params, found = _page(kind)

    def link(**changes: Any) -> str:
        args = {
            "q": params["q"],
            "sort": params["sort"],
            "page": params["page"],
            "per_page": params["per_page"],
            **changes,
        }
        defaults = {"q": "", "sort": "count", "page": 1, "per_page": P.DIRECTORY_PER_PAGE}
        return url_for(
            request.endpoint or "", **{k: v for k, v in args.items() if v != defaults[k]}
        )

    return render_template(
        "directory.html",
        kind=kind,
        params=params,
        found=found,
        pages=_pages(params, found),
        link=link,
    )


@directories.get("/speakers")
def speakers() -> str:
    return _render("speakers")


@directories.get("/outlets")
def outlets() -> str:
    return _render("outlets")


def _body(kind: DirectoryKind, one: str, endpoint: str) -> dict[str, Any]:
    params, found = _page(kind)
    return {
        "total": found.total,
        "page": params["page"],
        "per_page": params["per_page"],
        "pages": _pages(params, found),
        kind: [
            {
                one: e.record,
                "attributions": e.attributions,
                **({"relayed": e.relayed} if kind == "outlets" else {}),
                "links": {"html": _absolute(url_for(endpoint, **{f"{one}_id": e.record["id"]}))},
            }
            for e in found.entries
        ],
    }


@directories_api.get("/speakers")
def speakers_json() -> Response:
    """The speakers directory.
    ---
    get:
      tags: [records]
      summary: Speakers whose name, alias or a word of them starts with q, most quoted first
      parameters:
      - in: query
        schema: DirectoryParams
      errors: [400]
      responses:
        200:
          content:
            application/json:
              schema: SpeakerDirectorySchema
    """
    return respond(S.SpeakerDirectorySchema, _body("speakers", "speaker", "pages.speaker"))


@directories_api.get("/outlets")
def outlets_json() -> Response:
    """The outlets directory.
    ---
    get:
      tags: [records]
      summary: Outlets whose name, alias, domain or a word of them starts with q
      parameters:
      - in: query
        schema: DirectoryParams
      errors: [400]
      responses:
        200:
          content:
            application/json:
              schema: OutletDirectorySchema
    """
    return respond(S.OutletDirectorySchema, _body("outlets", "outlet", "pages.outlet"))
