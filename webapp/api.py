"""The JSON API under ``/api/v1``: the same searches and records as the pages, serialized
by the schemas, plus token-protected writes."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote as url_quote

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    request,
    url_for,
)
from marshmallow import Schema

from indexer.link.merge import merged_into
from indexer.read.model import DEFAULT_MAX_ARTICLE_BYTES, human_size
from quotetrail.errors import SpeakerEditError, StoreBusy
from schemas import RecordError, load
from store.base import FacetValue, SearchQuery, SearchResult
from store.writer_lease import exclusive_write
from webapp import api_schemas as S
from webapp import params as P
from webapp import provenance as prov
from webapp.export import stream_csv, stream_jsonl
from webapp.render import highlight
from webapp.searching import SearchState, everything_of, namesake_flags, run_search, store
from webapp.security import bearer_matches, json_body
from webapp.writes import Busy, Indexing

api = Blueprint("api", __name__, url_prefix="/api/v1")


def dated(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """Stored records carry ISO date strings; the schemas dump ``date`` objects."""
    if record is None:
        return None
    value = record.get("published")
    if isinstance(value, str) and value:
        return {**record, "published": date.fromisoformat(value[:10])}
    return record


@cache
def _schema(cls: type[Schema]) -> Schema:
    """One instance per schema class: building nested schemas per request costs more than
    dumping with them, and dumping shares no state between requests."""
    return cls()


def respond(schema: type[Schema], data: Any, status: int = 200) -> Response:
    response = jsonify(_schema(schema).dump(data))
    response.status_code = status
    return response


def _facet_values(values: list[FacetValue], selected: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "value": v.value,
            "label": v.label or v.value,
            "count": v.count,
            "selected": v.value in selected,
        }
        for v in values
    ]


def _months(result: SearchResult) -> list[dict[str, Any]]:
    return [{"month": m, "count": c} for m, c in result.histogram]


def _absolute(path: str) -> str:
    """A link for a response: on BASE_URL (env QUOTETRAIL_BASE_URL) when configured, else
    relative to the site root. Never the request's Host header, which the client sets."""
    base = current_app.config.get("BASE_URL")
    return base.rstrip("/") + path if base else path


_ID = "__id__"
API_EDITOR = "API"  # the editor the change log names for a change made through the API


def _hit_links() -> Any:
    """A function giving a hit's links: url_for once per response, not twice per hit."""
    html = _absolute(url_for("pages.attribution", attribution_id=_ID))
    api_url = _absolute(url_for("api.attribution", attribution_id=_ID))

    def links(attribution_id: str) -> dict[str, str]:
        quoted = url_quote(attribution_id, safe="")
        return {"html": html.replace(_ID, quoted), "self": api_url.replace(_ID, quoted)}

    return links


def search_body(state: SearchState) -> dict[str, Any]:
    params, result = state.params, state.result
    page, pages = params["page"], state.pages
    hit_links = _hit_links()
    return {
        "total": result.total,
        "total_exact": result.total_exact,
        "sample": result.sample,
        "unranked": result.unranked,
        "hits": [
            {
                "attribution": dated(h.attribution),
                "highlight": str(highlight(h.highlight or h.attribution.get("content"))),
                "score": h.score,
                "links": hit_links(h.attribution["id"]),
            }
            for h in result.hits
        ],
        "facets": {
            name: {
                "values": _facet_values(values, params.get(name) or []),
                "distinct": result.facet_totals.get(name, len(values)),
            }
            for name, values in result.facets.items()
        },
        "histogram": _months(result),
        "paging": {
            "page": page,
            "per_page": params["per_page"],
            "pages": pages,
            "self": _absolute(state.url(page=page)),
            "next": _absolute(state.url(page=page + 1)) if page < pages else None,
            "prev": _absolute(state.url(page=min(page - 1, pages))) if page > 1 else None,
            "first": _absolute(state.url(page=1)),
            "last": _absolute(state.url(page=pages)),
            "csv": _absolute(state.export_url("csv")),
            "jsonl": _absolute(state.export_url("jsonl")),
        },
    }


@api.get("/search")
def search() -> Response:
    """Faceted full-text search over attributions.
    ---
    get:
      tags: [search]
      summary: Search attributions (quotes and claims)
      parameters:
      - in: query
        schema: ApiSearchParams
      errors: [400]
      responses:
        200:
          content:
            application/json:
              schema: SearchResponseSchema
    """
    params = P.api_search_params(request.args)
    return respond(S.SearchResponseSchema, search_body(run_search(request.path, params)))


@api.get("/search.csv")
def search_csv() -> Response:
    """Every attribution of a search, streamed as CSV.
    ---
    get:
      tags: [search]
      summary: Export a search as CSV (streamed, no paging limit)
      parameters:
      - in: query
        schema: ApiSearchParams
      errors: [400]
      responses:
        200:
          content:
            text/csv:
              schema: {type: string}
    """
    params = P.api_search_params(request.args)
    links = _hit_links()
    return stream_csv(store(), P.to_query(params, facets=False), lambda i: links(i)["html"])


@api.get("/search.jsonl")
def search_jsonl() -> Response:
    """Every attribution of a search, streamed as JSON Lines.
    ---
    get:
      tags: [search]
      summary: Export a search as JSON Lines (one AttributionSchema record a line)
      parameters:
      - in: query
        schema: ApiSearchParams
      errors: [400]
      responses:
        200:
          content:
            application/x-ndjson:
              schema: {type: string}
    """
    params = P.api_search_params(request.args)
    return stream_jsonl(store(), P.to_query(params, facets=False))


def _no_args() -> None:
    """Record endpoints take no parameters; say so rather than ignore a typo."""
    for name in request.args:
        raise P.ParamError(name, "unknown parameter")


@api.get("/attributions/<attribution_id>")
def attribution(attribution_id: str) -> Response:
    """One attribution with its provenance.
    ---
    get:
      tags: [records]
      summary: An attribution, its article, its chain and the statement's journey
      parameters:
      - {in: path, name: attribution_id, required: true, schema: {type: string}}
      errors: [404]
      responses:
        200:
          content:
            application/json:
              schema: AttributionResponseSchema
        301:
          description: The quote was edited by its outlet and has a new id; Location is
            its current version, and the JSON body names it.
          content:
            application/json:
              schema: MovedAttributionSchema
    """
    _no_args()
    st = store()
    record = st.get_attribution(attribution_id)
    if record is None:
        current = st.moved_attribution(attribution_id)
        if current:
            url = url_for("api.attribution", attribution_id=current)
            body = {"id": attribution_id, "moved_to": current, "url": url}
            moved = respond(S.MovedAttributionSchema, body, 301)
            moved.headers["Location"] = url
            return moved
        abort(404, f"No attribution has the id '{attribution_id}'.")
    provenance = prov.attribution(attribution_id) or {}
    body = {
        **provenance,
        "attribution": dated(record),
        "article": dated(st.get_article(record["article_id"])),
    }
    return respond(S.AttributionResponseSchema, body)


@api.get("/articles/<article_id>")
def article(article_id: str) -> Response:
    """An article with its attributions.
    ---
    get:
      tags: [records]
      summary: An article with every attribution found in it, in text order
      parameters:
      - {in: path, name: article_id, required: true, schema: {type: string}}
      errors: [404, 500, 503]
      responses:
        200:
          content:
            application/json:
              schema: ArticleResponseSchema
    """
    _no_args()
    st = store()
    record = st.get_article(article_id)
    if record is None:
        writes: Indexing = current_app.extensions["quotetrail.writes"]
        failed = writes.failure(article_id)
        if isinstance(failed, StoreBusy):
            raise StoreBusy(f"the article posted as '{article_id}' was not stored (post it "
                            f"again): {failed}")
        if failed is not None:
            abort(500, f"The article posted as '{article_id}' was not stored: indexing it "
                       f"failed ({failed}). Post it again.")
        abort(404, f"No article has the id '{article_id}'.")
    body = {
        "article": dated(record),
        "attributions": [dated(a) for a in st.article_attributions(article_id)],
    }
    return respond(S.ArticleResponseSchema, body)


@api.get("/speakers/<speaker_id>")
def speaker(speaker_id: str) -> Response:
    """A canonical speaker.
    ---
    get:
      tags: [records]
      summary: A speaker with attribution count, top outlets and monthly histogram
      parameters:
      - {in: path, name: speaker_id, required: true, schema: {type: string}}
      errors: [404]
      responses:
        200:
          content:
            application/json:
              schema: SpeakerResponseSchema
        302:
          description: The speaker was merged into another; Location is the kept one, and
            the JSON body names it.
          content:
            application/json:
              schema: MergedSpeakerSchema
    """
    _no_args()
    st = store()
    record = st.get_speaker(speaker_id)
    if record is None:
        abort(404, f"No speaker has the id '{speaker_id}'.")
    result = st.search(SearchQuery(filters={"speaker": (speaker_id,)}, per_page=1))
    if result.total == 0 and st.search(everything_of(speaker=speaker_id, facets=False)).total == 0:
        kept = merged_into(st, speaker_id)
        if kept:
            url = url_for("api.speaker", speaker_id=kept)
            moved = respond(
                S.MergedSpeakerSchema, {"id": speaker_id, "merged_into": kept, "url": url}, 302
            )
            moved.headers["Location"] = url
            return moved
        abort(404, f"No attribution to '{record['name']}' is left.")
    body = {
        "speaker": record,
        "attributions": result.total,
        "top_outlets": _facet_values(result.facets.get("outlet", []), []),
        "histogram": _months(result),
        "may_be_two_people": namesake_flags(speaker_id),
    }
    return respond(S.SpeakerResponseSchema, body)


@api.get("/speakers/<speaker_id>/statements")
def speaker_statements(speaker_id: str) -> Response:
    """The statements a speaker made, each with where it was first seen.
    ---
    get:
      tags: [records]
      summary: A speaker's distinct statements, most recent first, with first-seen
      parameters:
      - {in: path, name: speaker_id, required: true, schema: {type: string}}
      - in: query
        schema: PageOnlyParams
      errors: [400, 404]
      responses:
        200:
          content:
            application/json:
              schema: SpeakerStatementsSchema
    """
    params = P.load_args(P.PageOnlyParams(), request.args)
    st = store()
    if st.get_speaker(speaker_id) is None:
        abort(404, f"No speaker has the id '{speaker_id}'.")
    ids: list[str] = []
    for a in st.scan(SearchQuery(filters={"speaker": (speaker_id,)}, sort="date", facets=False)):
        sid = a.get("statement_id")
        if sid and sid not in ids:
            ids.append(sid)
    start = (params["page"] - 1) * params["per_page"]
    statements = []
    for sid in ids[start : start + params["per_page"]]:
        record = st.get_statement(sid)
        journey = prov.journey(sid)
        if record is None or journey.raw is None:
            continue
        statements.append(
            {
                "statement": record,
                "first_seen": journey.raw["first_seen"],
                "appearances": len(journey.carriers),
            }
        )
    body = {"speaker_id": speaker_id, "total": len(ids), "statements": statements}
    return respond(S.SpeakerStatementsSchema, body)


@api.get("/outlets/<outlet_id>")
def outlet(outlet_id: str) -> Response:
    """A canonical outlet: what it published and what it relayed.
    ---
    get:
      tags: [records]
      summary: An outlet with counts of what it published and relayed ("per X")
      parameters:
      - {in: path, name: outlet_id, required: true, schema: {type: string}}
      errors: [404]
      responses:
        200:
          content:
            application/json:
              schema: OutletResponseSchema
    """
    _no_args()
    st = store()
    record = st.get_outlet(outlet_id)
    if record is None:
        abort(404, f"No outlet has the id '{outlet_id}'.")
    published = st.search(SearchQuery(filters={"outlet": (outlet_id,)}, per_page=1))
    relayed = st.search(SearchQuery(filters={"via": (outlet_id,)}, per_page=1, facets=False))
    if published.total == 0 and relayed.total == 0 and not any(
        st.search(everything_of(facets=False, **{field: outlet_id})).total
        for field in ("outlet", "via")
    ):
        abort(404, f"No attribution published or relayed by '{record['name']}' is left.")
    body = {
        "outlet": record,
        "published": published.total,
        "relayed": relayed.total,
        "top_speakers": _facet_values(published.facets.get("speaker", []), []),
        "histogram": _months(published),
    }
    return respond(S.OutletResponseSchema, body)


@api.get("/statements/<statement_id>")
def statement(statement_id: str) -> Response:
    """A statement and its journey, or its ClaimReview JSON-LD.
    ---
    get:
      tags: [records]
      summary: A statement with every article carrying it, oldest first
      parameters:
      - {in: path, name: statement_id, required: true, schema: {type: string}}
      - in: query
        schema: StatementParams
      errors: [400, 404]
      responses:
        200:
          content:
            application/json:
              schema: StatementResponseSchema
            application/ld+json:
              schema: {type: object}
    """
    params = P.load_args(P.StatementParams(), request.args)
    record, journey = prov.carried_statement(statement_id)
    if params["format"] == "claimreview":
        review = prov.claim_review(statement_id)
        if review is None:
            abort(404, f"No ClaimReview can be made for statement '{statement_id}'.")
        response = jsonify(review)
        response.mimetype = "application/ld+json"
        return response
    body = {"statement": record, "journey": journey.raw}
    return respond(S.StatementResponseSchema, body)


@api.get("/check")
def check() -> Response:
    """Check a claim against stored statements.
    ---
    get:
      tags: [search]
      summary: The stored statements closest to a sentence, with provenance
      parameters:
      - in: query
        schema: CheckParams
      errors: [400]
      responses:
        200:
          content:
            application/json:
              schema: CheckResponseSchema
    """
    return _check(P.load_args(P.CheckParams(), request.args))


@api.post("/check")
def check_long() -> Response:
    """Check a claim sent in a JSON body: for claims too long for a URL.
    ---
    post:
      tags: [search]
      summary: The same as GET /check, for claims longer than a URL carries (about 8 KB)
      requestBody:
        required: true
        content:
          application/json:
            schema: CheckParams
      errors: [400, 413]
      responses:
        200:
          content:
            application/json:
              schema: CheckResponseSchema
    """
    return _check(P.load_args(P.CheckParams(), json_body()))


def _check(params: dict[str, Any]) -> Response:
    from store.provenance import check_claim

    matches = check_claim(store(), params["text"], params["limit"])
    return respond(S.CheckResponseSchema, {"text": params["text"], "matches": matches})


# --- writes ----------------------------------------------------------------------------


def _authorize() -> None:
    """401 without credentials (as the spec's bearer scheme says), 403 when writes are
    disabled on this server, 401 for a wrong token. Without credentials on a server whose
    writes are disabled the 401 says so: no token could help."""
    token = current_app.config.get("API_TOKEN")
    sent = request.headers.get("Authorization", "")
    if not sent.strip():
        abort(401, _ASK_FOR_TOKEN if token else WRITES_DISABLED)
    if not token:
        abort(403, WRITES_DISABLED)
    if not bearer_matches(sent, token):
        abort(401, _ASK_FOR_TOKEN)


WRITES_DISABLED = (
    "Writes are disabled on this server: set QUOTETRAIL_API_TOKEN on the server to enable them."
)
_ASK_FOR_TOKEN = "Send 'Authorization: Bearer <token>' with the server's API token."


@api.post("/articles")
def put_article() -> tuple[Response, int] | Response:
    """Index one article: prepared as ``quotetrail index`` prepares a file (cleaned,
    extracted, linked, fingerprinted; see ``indexer.prepare``), then stored.
    ---
    post:
      tags: [writes]
      summary: Index one article (needs the API token)
      security: [{bearer: []}]
      requestBody:
        required: true
        content:
          application/json:
            schema: ArticleInputSchema
      errors: [400, 401, 403, 413, 503]
      responses:
        200:
          content:
            application/json:
              schema: OutcomeSchema
        201:
          content:
            application/json:
              schema: OutcomeSchema
        202:
          description: >-
            Still being indexed when the time budget ran out: the article's URL (self,
            and the Location header) answers 404 until it is stored, or 503 (the store
            stayed busy) or 500 when it finally could not be stored.
          content:
            application/json:
              schema: AcceptedSchema
    """
    _authorize()
    data = json_body()
    if "id" in data:
        raise P.ParamError("id", "is derived from the URL or the text; leave it out")
    try:
        article = S.ArticleInputSchema().dump(load(S.ArticleInputSchema(), data))
    except RecordError as error:
        name = str(error).split(" ", 1)[0].split(".", 1)[0]
        raise P.ParamError(name, str(error)) from None
    from indexer.prepare import clean, date_problem, url_problem
    from indexer.read.fields import drop_formula_names
    from indexer.read.markup import markup_note, strip_markup
    from indexer.read.model import new_article
    from schemas.dates import read_instant

    for name, problem in (
        ("url", url_problem(article.get("url"))),
        ("published", date_problem(article.get("published"))),
    ):
        if problem:
            raise P.ParamError(name, problem)

    limit = DEFAULT_MAX_ARTICLE_BYTES
    if len(article["body"].encode("utf-8")) > limit:
        abort(413, f"The article body is larger than the {human_size(limit)} limit.")
    marked = strip_markup(article)  # read as `quotetrail index` reads a JSON record's fields
    warnings = [markup_note(marked)] if marked else []
    for name in drop_formula_names(article):
        raise P.ParamError(name, "is a spreadsheet formula, not a name")
    fields = {k: v for k, v in article.items() if k not in ("source", "body")}
    if fields.get("published"):  # the day is the schema's; the moment orders one day's copies
        fields["published_time"] = read_instant(data.get("published"))
    cleaned = clean(new_article(article["source"], article["body"], **fields), limit)
    if isinstance(cleaned, str):
        raise P.ParamError("body", cleaned)
    writes: Indexing = current_app.extensions["quotetrail.writes"]
    try:
        outcome = writes.submit(store(), cleaned, current_app.config["WRITE_BUDGET_SECONDS"])
    except Busy as busy:
        response = jsonify({"status": 503, "error": "Busy",
                            "message": f"{busy}; post again in a minute."})
        response.status_code = 503
        response.headers["Retry-After"] = "60"
        return response
    if outcome is None:
        link = _absolute(url_for("api.article", article_id=cleaned["id"]))
        response = respond(S.AcceptedSchema, {"id": cleaned["id"], "status": "accepted",
                                              "self": link}, 202)
        response.headers["Location"] = link
        return response
    if outcome.status == "rejected":
        raise P.ParamError("body", outcome.error or "rejected")
    status = 201 if outcome.status == "indexed" else 200
    return respond(S.OutcomeSchema, {**vars(outcome), "warnings": warnings}, status)


@api.delete("/articles/<article_id>")
def delete_article(article_id: str) -> Response:
    """Remove an article and its attributions.
    ---
    delete:
      tags: [writes]
      summary: Delete an article (needs the API token)
      security: [{bearer: []}]
      parameters:
      - {in: path, name: article_id, required: true, schema: {type: string}}
      errors: [401, 403, 404, 503]
      responses:
        200:
          content:
            application/json:
              schema: DeleteResponseSchema
    """
    _authorize()
    with exclusive_write(store(), "an article deletion through the API"):
        deleted = store().delete_article(article_id)
    if not deleted:
        abort(404, f"No article has the id '{article_id}'.")
    return respond(S.DeleteResponseSchema, {"id": article_id, "deleted": True})


@api.post("/speakers/<speaker_id>/merge")
def merge_speaker(speaker_id: str) -> Response:
    """Merge the speaker of the path away into the speaker ``into``, which is kept.
    ---
    post:
      tags: [writes]
      summary: Merge this speaker (the path id) away into the speaker `into` (needs the API token)
      description: The speaker named in the path goes away; its attributions move to the
        speaker `into`, which is kept and takes its name as an alias, and the path id then
        answers 302 naming `into`. (The web form on a speaker page works the other way
        round; it keeps the page's speaker.) Merging a person with an organization or group,
        or two persons with different given names, needs `force`. Undo it from /changes.
      security: [{bearer: []}]
      parameters:
      - {in: path, name: speaker_id, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: MergeBody
      errors: [400, 401, 403, 404, 503]
      responses:
        200:
          content:
            application/json:
              schema: MergeResponseSchema
    """
    _authorize()
    data = P.load_args(P.MergeBody(), json_body())
    st = store()
    for sid in (speaker_id, data["into"]):
        if st.get_speaker(sid) is None:
            abort(404, f"No speaker has the id '{sid}'.")
    if speaker_id == data["into"]:
        raise P.ParamError("into", "cannot merge a speaker into itself")
    from indexer.link import curation

    try:  # logged on /changes like an editor's merge, and undone from there
        with exclusive_write(st, "a speaker merge through the API"):
            change = curation.merge(
                st, API_EDITOR, data["into"], [speaker_id], force=data["force"]
            )
    except SpeakerEditError as error:
        raise P.ParamError("into", str(error)) from None
    body = {"merged": speaker_id, "speaker": st.get_speaker(data["into"]), "moved": change["moved"]}
    return respond(S.MergeResponseSchema, body)
