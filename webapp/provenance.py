"""Provenance as the pages show it, shaped from the linking side's ``store.provenance``.

``store.provenance`` decides what the chain and the journey are (first seen, syndicated
copies, distinct outlets); this module only adds links and display labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import abort, current_app, url_for

from store import provenance as sp
from webapp.searching import store

ROLE_LABELS = {
    "speaker": "speaker",
    "relayed": "according to",
    "via": "relayed by (per)",
    "publisher": "published by",
    "original": "copied from (original)",
}


@dataclass(frozen=True)
class Link:
    """One hop of a chain: who, in what role, and where to read more about them."""

    role: str
    label: str
    name: str
    href: str | None = None
    note: str = ""


def _url(endpoint: str, **values: Any) -> str | None:
    return url_for(endpoint, **values) if all(values.values()) else None


def chain_links(chain: list[dict[str, Any]]) -> list[Link]:
    links = []
    for hop in chain:
        role = hop["role"]
        if role == "speaker":
            href = _url("pages.speaker", speaker_id=hop.get("id"))
            note = hop.get("role_text") or ""
        elif role == "original" and hop.get("article_id"):
            href = _url("pages.article", article_id=hop.get("article_id"))
            note = "this article is a syndicated copy"
        else:
            href = _url("pages.outlet", outlet_id=hop.get("id"))
            note = ""
        name = hop.get("name") or ("unknown speaker" if role == "speaker" else "unknown outlet")
        links.append(Link(role, ROLE_LABELS.get(role, role), name, href, note))
    return links


@dataclass
class Journey:
    """Every article carrying a statement, oldest first, the first one marked first seen."""

    statement_id: str | None
    text: str = ""
    carriers: list[dict[str, Any]] = field(default_factory=list)
    distinct_outlets: int = 0
    speaker_disagreement: bool = False
    raw: dict[str, Any] | None = None
    kinds: list[str] = field(default_factory=list)  # of the attributions carrying it
    unknown_outlets: int = 0  # articles of no known outlet
    undated: int = 0  # articles without a date

    def outlets_phrase(self) -> str:
        """"from 3 independent outlets", "from 1 independent outlet and 2 of unknown
        outlet", "from unknown outlets": never "from 0 independent outlets"."""
        known = self.distinct_outlets
        named = f"{known} independent outlet{'' if known == 1 else 's'}"
        if not self.unknown_outlets:
            return f"from {named}"
        if not known:
            return "from unknown outlets"
        return f"from {named} and {self.unknown_outlets} of unknown outlet"

    @property
    def first_seen(self) -> dict[str, Any] | None:
        return next((c for c in self.carriers if c["first_seen"]), None)


def _carrier(ap: dict[str, Any]) -> dict[str, Any]:
    first_attr = (ap.get("attribution_ids") or [None])[0]
    return {
        "id": first_attr,
        "article_id": ap["article_id"],
        "article_title": ap.get("title"),
        "outlet": ap.get("outlet"),
        "outlet_id": ap.get("outlet_id"),
        "original_outlet": ap.get("original_outlet"),
        "original_outlet_id": ap.get("original_outlet_id"),
        "syndicated": ap.get("syndicated", False),
        "published": ap.get("published"),
        "content": ap.get("content"),
        "speakers": ap.get("speakers") or [],
        "first_seen": ap.get("first_seen", False),
        "href": url_for("pages.attribution", attribution_id=first_attr)
        if first_attr
        else url_for("pages.article", article_id=ap["article_id"]),
    }


def to_journey(raw: dict[str, Any] | None, statement_id: str | None = None) -> Journey:
    if raw is None:
        return Journey(statement_id)
    return Journey(
        statement_id=raw["statement"]["id"],
        text=raw["statement"]["text"],
        carriers=[_carrier(ap) for ap in raw["appearances"]],
        distinct_outlets=raw.get("distinct_outlets", 0),
        speaker_disagreement=raw.get("speaker_disagreement", False),
        raw=raw,
        kinds=raw.get("kinds", []),
        unknown_outlets=raw.get("unknown_outlet_articles", 0),
        undated=raw.get("undated_articles", 0),
    )


def journey(statement_id: str) -> Journey:
    return to_journey(sp.statement_journey(store(), statement_id), statement_id)


def carried_statement(statement_id: str) -> tuple[dict[str, Any], Journey]:
    """A statement and its journey, for its page and its API entry.

    Aborts with 404 when no statement has the id, and when none of the stored articles
    carries it any more (deleted, or re-indexed with other wording): an orphan has no
    page, as it is in no list.
    """
    record = store().get_statement(statement_id)
    if record is None:
        abort(404, f"No statement has the id '{statement_id}'.")
    raw = sp.statement_journey(store(), statement_id)
    if raw is None:
        abort(404, f"No stored article carries statement '{statement_id}' any more.")
    return record, to_journey(raw, statement_id)


def attribution(attribution_id: str) -> dict[str, Any] | None:
    """The linking side's provenance of one attribution (chain, journey, first seen)."""
    return sp.attribution_provenance(store(), attribution_id)


def claim_review(statement_id: str) -> dict[str, Any] | None:
    return sp.claim_review(store(), statement_id, tuple(current_app.config["VERDICT_SCALE"]))


def check(text: str, limit: int) -> list[dict[str, Any]]:
    """Closest stored statements to ``text``, each with its journey for display."""
    matches = sp.check_claim(store(), text, limit)
    return [{**m, "view": to_journey(m.get("journey"), m["statement_id"])} for m in matches]
