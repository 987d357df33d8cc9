"""The HTML pages: search, speaker, outlet, attribution (provenance), article, statement,
check a claim. Plain GET links and forms; JavaScript only adds conveniences."""

from __future__ import annotations

import re
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)

from indexer.link.merge import merged_into
from store import provenance as sp
from store.base import SearchQuery
from store.query_text import parse as parse_text
from webapp import params as P
from webapp import provenance as prov
from webapp import wording
from webapp.directories import offers
from webapp.render import (
    annotate,
    histogram_bars,
    journey_layouts,
    marks_for,
    month_bounds,
    passage_window,
)
from webapp.searching import EVERYTHING, everything_of, namesake_flags, run_search, store

pages = Blueprint("pages", __name__)


@pages.before_request
def _ignore_tracking() -> None:
    """Shared links carry ``utm_*``, ``fbclid``...: a page answers as if they were not there."""
    request.args = P.without_tracking(request.args)  # type: ignore[misc]


def _bars(state: Any) -> list[Any]:
    return histogram_bars(state.result.histogram, state.month_url, state.selected_month)




def _did_you_mean(q: str) -> str | None:
    """``q`` with its misspelt words replaced by the indexed words they are closest to
    (``Store.spelling``), or None when every word is indexed or none has a close word."""
    parsed = parse_text(q[: P.QUERY_SENT])
    words = [*parsed.terms, *(w for phrase in parsed.phrases for w in phrase)]
    fixes = store().spelling(words) if words else {}
    if not fixes:
        return None
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, fixes)) + r")\b", re.IGNORECASE)
    return pattern.sub(lambda m: fixes[m.group(1).lower()], q)


@pages.get("/favicon.ico")
def favicon() -> Response:
    """The site icon where browsers look for it without a link (``static/favicon.ico``)."""
    return send_from_directory(
        current_app.static_folder or "static", "favicon.ico", mimetype="image/vnd.microsoft.icon"
    )


@pages.get("/")
def search() -> str:
    params = P.search_params(request.args)
    state = run_search(request.path, params)
    named = offers(params.get("q"))
    suggestion = _did_you_mean(params["q"]) if state.result.total == 0 and params["q"] else None
    return render_template(
        "search.html", s=state, bars=_bars(state), named=named, suggestion=suggestion
    )


STATEMENTS_PER_PAGE = 10


@pages.get("/speakers/<speaker_id>")
def speaker(speaker_id: str) -> str | Response:
    args = request.args.copy()
    given = P.one_arg(args, "statements_page", "1")["statements_page"]
    args.poplist("statements_page")
    statements_page = P.load_args(P.PageOnlyParams(), {"page": given})["page"]
    params = P.search_params(args)
    state = run_search(request.path, params, fixed={"speaker": (speaker_id,)})
    # the header, timeline and outlets count everything they said, as the directory does
    overall = store().search(everything_of(speaker=speaker_id))
    record = store().get_speaker(speaker_id)
    if overall.total == 0:
        kept = merged_into(store(), speaker_id)
        if kept:
            return redirect(url_for("pages.speaker", speaker_id=kept))  # a split can undo it
        if record is None:
            abort(404, f"No speaker has the id '{speaker_id}'.")
        abort(404, f"No attribution to '{record['name']}' is left.")
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
        lambda m: _everything_in_month(state, m),
        state.selected_month,
        width=560,
        height=70,
    )
    said = sp.speaker_statements(store(), speaker_id)
    first = (statements_page - 1) * STATEMENTS_PER_PAGE
    return render_template(
        "speaker.html",
        statements=said[first : first + STATEMENTS_PER_PAGE],
        statements_total=len(said),
        statements_page=statements_page,
        statements_pages=max(1, -(-len(said) // STATEMENTS_PER_PAGE)),
        speaker=record,
        namesakes=namesake_flags(speaker_id),
        s=state,
        overall=overall,
        timeline=timeline,
        bars=_bars(state),
        top_outlets=overall.facets.get("outlet", []),
    )


@pages.get("/outlets/<outlet_id>")
def outlet(outlet_id: str) -> str | Response:
    st = store()
    published = st.search(everything_of(outlet=outlet_id, sort="date", per_page=10))
    relayed = st.search(everything_of(via=outlet_id, sort="date", per_page=10))
    record = st.get_outlet(outlet_id)
    copied = st.search(everything_of(original=outlet_id, sort="date", per_page=10))
    if published.total == 0 and relayed.total == 0:
        # "copy of AWS": a copy read before its original named it by its initials
        known = sp.outlet_by_initials(st, record["name"] if record else outlet_id.upper())
        if known is not None:
            return redirect(url_for("pages.outlet", outlet_id=known))
    if published.total == 0 and relayed.total == 0 and copied.total == 0:
        if record is None:
            abort(404, f"No outlet has the id '{outlet_id}'.")
        abort(404, f"No attribution published or relayed by '{record['name']}' is left.")
    if record is None:
        record = {"id": outlet_id, "name": outlet_id, "aliases": [], "domains": []}
    bars = histogram_bars(
        published.histogram,
        lambda m: url_for("pages.search", outlet=outlet_id, **_month_args(m), **EVERYTHING),
        width=560,
        height=70,
    )
    return render_template(
        "outlet.html",
        outlet=record,
        published=published,
        relayed=relayed,
        copied=copied,
        bars=bars,
    )


def _everything_in_month(state: Any, month: str) -> str:
    """This page's search over every cue type in ``month`` (what a timeline bar counts)."""
    start, end = month_bounds(month)
    return str(state.url(date_from=start, date_to=end, **{k: [v] for k, v in EVERYTHING.items()}))


def _month_args(month: str) -> dict[str, str]:
    start, end = month_bounds(month)
    return {"from": start.isoformat(), "to": end.isoformat()}


@pages.get("/attributions/<attribution_id>")
def attribution(attribution_id: str) -> str | Response:
    st = store()
    record = st.get_attribution(attribution_id)
    if record is None:
        if current := st.moved_attribution(attribution_id):  # the outlet edited the quote
            return redirect(url_for("pages.attribution", attribution_id=current), 301)
        abort(404, f"No attribution has the id '{attribution_id}'.")
    article = st.get_article(record["article_id"]) or {}
    body = article.get("body") or ""
    window = passage_window(body, record)
    passage = annotate(body, marks_for(record, focus=True), window)
    resolved = wording.resolution(record, body)
    naming = None
    if resolved.indirect:  # show the sentence that names who "he" or "the ministry" is
        found = wording.naming_sentence(
            body, record.get("speaker"), window[0], in_full=resolved.how == "part_named"
        )
        naming = annotate(body, [], found) if found else None
    provenance = prov.attribution(attribution_id) or {"chain": [], "journey": None}
    journey = prov.to_journey(provenance["journey"], record.get("statement_id"))
    layouts = journey_layouts(journey.carriers, record["article_id"])
    return render_template(
        "attribution.html",
        a=record,
        article=article,
        passage=passage,
        resolution=resolved,
        naming=naming,
        chain=prov.chain_links(provenance["chain"]),
        syndicated=provenance.get("syndicated", False),
        is_first_seen=provenance.get("is_first_seen", False),
        journey=journey,
        layouts=layouts,
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
    record, journey = prov.carried_statement(statement_id)
    layouts = journey_layouts(journey.carriers, None)
    return render_template(
        "statement.html",
        statement=record,
        journey=journey,
        layouts=layouts,
        claim_review=prov.claim_review(statement_id),
        verdict_scale=current_app.config["VERDICT_SCALE"],
    )


@pages.get("/check")
def check() -> str:
    params = P.load_args(P.CheckFormParams(), request.args)
    matches = prov.check(params["text"], params["limit"]) if params["text"].strip() else None
    words = sp.distinctive_words(params["text"]) if matches == [] else []
    return render_template("check.html", text=params["text"], matches=matches, words=words)
