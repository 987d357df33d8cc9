"""The HTML pages: search, speaker, outlet, attribution (provenance), article, statement,
check a claim. Plain GET links and forms; JavaScript only adds conveniences."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, request, url_for

from store.base import SearchQuery
from webapp import params as P
from webapp import provenance as prov
from webapp.render import annotate, histogram_bars, journey_stops, marks_for, passage_window
from webapp.searching import run_search, store

pages = Blueprint("pages", __name__)


def _bars(state: Any) -> list[Any]:
    return histogram_bars(state.result.histogram, state.month_url, state.selected_month)


NAMED_LIMIT = 5


def _named_in_query(q: str | None) -> dict[str, list[dict[str, Any]]]:
    """Speakers and outlets whose name or alias is the query itself: people type a name
    into the box, and the search covers what was said, not who said it."""
    if not q or len(q) > 200:
        return {"speakers": [], "outlets": []}
    st = store()
    return {
        "speakers": st.find_speakers(q.strip(), limit=NAMED_LIMIT),
        "outlets": st.find_outlets(q.strip(), limit=NAMED_LIMIT),
    }


@pages.get("/")
def search() -> str:
    params = P.search_params(request.args)
    state = run_search(request.path, params)
    named = _named_in_query(params.get("q"))
    return render_template("search.html", s=state, bars=_bars(state), named=named)


@pages.get("/speakers/<speaker_id>")
def speaker(speaker_id: str) -> str:
    params = P.search_params(request.args)
    state = run_search(request.path, params, fixed={"speaker": (speaker_id,)})
    overall = state.result
    if params != P.search_params({}):  # the timeline and counts cover everything they said
        overall = store().search(SearchQuery(filters={"speaker": (speaker_id,)}, per_page=1))
    record = store().get_speaker(speaker_id)
    if record is None and overall.total == 0:
        abort(404, f"No speaker has the id '{speaker_id}'.")
    if record is None:
        first = store().search(SearchQuery(filters={"speaker": (speaker_id,)}, per_page=1))
        name = first.hits[0].attribution.get("speaker") if first.hits else speaker_id
        record = {
            "id": speaker_id,
            "name": name or speaker_id,
            "aliases": [],
            "roles": [],
            "type": "unknown",
        }
    timeline = histogram_bars(
        overall.histogram,
        lambda m: state.month_url(m),
        state.selected_month,
        width=560,
        height=70,
    )
    return render_template(
        "speaker.html",
        speaker=record,
        s=state,
        overall=overall,
        timeline=timeline,
        bars=_bars(state),
        top_outlets=overall.facets.get("outlet", []),
    )


@pages.get("/outlets/<outlet_id>")
def outlet(outlet_id: str) -> str:
    st = store()
    published = st.search(SearchQuery(filters={"outlet": (outlet_id,)}, sort="date", per_page=10))
    relayed = st.search(SearchQuery(filters={"via": (outlet_id,)}, sort="date", per_page=10))
    record = st.get_outlet(outlet_id)
    if record is None and published.total == 0 and relayed.total == 0:
        abort(404, f"No outlet has the id '{outlet_id}'.")
    if record is None:
        record = {"id": outlet_id, "name": outlet_id, "aliases": [], "domains": []}
    bars = histogram_bars(
        published.histogram,
        lambda m: url_for("pages.search", outlet=outlet_id, **_month_args(m)),
        width=560,
        height=70,
    )
    return render_template(
        "outlet.html", outlet=record, published=published, relayed=relayed, bars=bars
    )


def _month_args(month: str) -> dict[str, str]:
    from webapp.render import month_bounds

    start, end = month_bounds(month)
    return {"from": start.isoformat(), "to": end.isoformat()}


@pages.get("/attributions/<attribution_id>")
def attribution(attribution_id: str) -> str:
    st = store()
    record = st.get_attribution(attribution_id)
    if record is None:
        abort(404, f"No attribution has the id '{attribution_id}'.")
    article = st.get_article(record["article_id"]) or {}
    body = article.get("body") or ""
    passage = annotate(body, marks_for(record, focus=True), passage_window(body, record))
    provenance = prov.attribution(attribution_id) or {"chain": [], "journey": None}
    journey = prov.to_journey(provenance["journey"], record.get("statement_id"))
    stops, height = journey_stops(journey.carriers, record["article_id"])
    return render_template(
        "attribution.html",
        a=record,
        article=article,
        passage=passage,
        chain=prov.chain_links(provenance["chain"]),
        syndicated=provenance.get("syndicated", False),
        is_first_seen=provenance.get("is_first_seen", False),
        journey=journey,
        stops=stops,
        journey_height=height,
    )


@pages.get("/articles/<article_id>")
def article(article_id: str) -> str:
    st = store()
    record = st.get_article(article_id)
    if record is None:
        abort(404, f"No article has the id '{article_id}'.")
    attributions = st.article_attributions(article_id)
    marks = [
        m
        for a in attributions
        for m in marks_for(a, href=url_for("pages.attribution", attribution_id=a["id"]))
    ]
    original = st.get_article(record["syndicated_from"]) if record.get("syndicated_from") else None
    return render_template(
        "article.html",
        article=record,
        body=annotate(record.get("body") or "", marks),
        attributions=attributions,
        original=original,
        kinds=sorted({a.get("kind") for a in attributions if a.get("kind")}),
    )


@pages.get("/statements/<statement_id>")
def statement(statement_id: str) -> str:
    record = store().get_statement(statement_id)
    if record is None:
        abort(404, f"No statement has the id '{statement_id}'.")
    journey = prov.journey(statement_id)
    stops, height = journey_stops(journey.carriers, None)
    return render_template(
        "statement.html",
        statement=record,
        journey=journey,
        stops=stops,
        journey_height=height,
        claim_review=prov.claim_review(statement_id),
    )


@pages.get("/check")
def check() -> str:
    params = P.load_args(P.CheckFormParams(), request.args)
    matches = prov.check(params["text"], params["limit"]) if params["text"].strip() else None
    return render_template("check.html", text=params["text"], matches=matches)
