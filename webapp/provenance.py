"""Provenance as the pages and the API show it: the chain of one attribution and the
journey of a statement across outlets.

The chain is read off the attribution and its article. Journeys, first-seen dates,
ClaimReview and claim checking come from the linking side's ``store.provenance``; this
module only shapes them for display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from flask import url_for

from store.base import SearchQuery
from webapp.searching import store

MAX_CARRIERS = 200


@dataclass(frozen=True)
class Link:
    """One hop of a chain: who, in what role, and where to read more about them."""

    role: str
    name: str
    href: str | None = None
    note: str = ""


def chain(attribution: dict[str, Any], article: dict[str, Any]) -> list[Link]:
    """Speaker -> via outlet(s) -> original publisher (for a copy) -> publishing outlet."""
    hops = [
        Link(
            "speaker",
            attribution.get("speaker") or attribution.get("speaker_text") or "unknown speaker",
            _url("pages.speaker", speaker_id=attribution.get("speaker_id")),
            attribution.get("speaker_role") or "",
        )
    ]
    ids = list(attribution.get("via_outlet_ids") or [])
    for i, name in enumerate(attribution.get("via_outlets") or []):
        oid = ids[i] if i < len(ids) else None
        hops.append(Link("relayed by", name, _url("pages.outlet", outlet_id=oid), "per"))
    copy = bool(article.get("syndicated_from") or (
        article.get("original_outlet")
        and article.get("original_outlet_id") != article.get("outlet_id")
    ))
    if copy:
        hops.append(
            Link(
                "original publisher",
                article.get("original_outlet") or "original article",
                _url("pages.article", article_id=article.get("syndicated_from"))
                or _url("pages.outlet", outlet_id=article.get("original_outlet_id")),
                "published it first",
            )
        )
    hops.append(
        Link(
            "syndicated copy on" if copy else "published by",
            attribution.get("outlet") or article.get("outlet") or "unknown outlet",
            _url("pages.outlet", outlet_id=attribution.get("outlet_id")),
            "",
        )
    )
    return hops


def _url(endpoint: str, **values: Any) -> str | None:
    return url_for(endpoint, **values) if all(values.values()) else None


@dataclass
class Journey:
    """Every carrier of a statement, oldest first; the first one is where it was first seen."""

    statement_id: str | None
    text: str = ""
    carriers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first_seen(self) -> dict[str, Any] | None:
        dated = [c for c in self.carriers if c.get("published")]
        return dated[0] if dated else (self.carriers[0] if self.carriers else None)


def _carrier(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": a["id"],
        "article_id": a.get("article_id"),
        "article_title": a.get("article_title"),
        "article_url": a.get("article_url"),
        "outlet": a.get("outlet"),
        "outlet_id": a.get("outlet_id"),
        "original_outlet": a.get("original_outlet"),
        "via_outlets": a.get("via_outlets") or [],
        "speaker": a.get("speaker"),
        "speaker_id": a.get("speaker_id"),
        "content": a.get("content"),
        "kind": a.get("kind"),
        "published": a.get("published"),
        "href": url_for("pages.attribution", attribution_id=a["id"]),
    }


def journey(statement_id: str | None) -> Journey:
    """Carriers of the statement ordered by date (undated last)."""
    if not statement_id:
        return Journey(None)
    query = SearchQuery(filters={"statement_id": (statement_id,)}, sort="date_asc", facets=False)
    rows = [_carrier(a) for a in islice(store().scan(query), MAX_CARRIERS)]
    rows.sort(key=lambda c: (c["published"] is None, str(c["published"] or ""), c["id"]))
    record = store().get_statement(statement_id)
    text = (record or {}).get("text") or (rows[0]["content"] if rows else "")
    return Journey(statement_id, text, rows)


def claim_review(statement_id: str) -> dict[str, Any] | None:
    """schema.org ClaimReview JSON-LD from the linking side, when it provides it."""
    try:
        from store.provenance import claim_review as make
    except ImportError:
        return None
    return make(store(), statement_id)


def check(text: str, limit: int) -> list[dict[str, Any]]:
    """Closest stored statements to ``text``, each with its journey."""
    from store.provenance import check_claim

    return check_claim(store(), text, limit)
