"""Provenance, read side: where a statement was first seen and how it travelled.

Pure functions over a :class:`store.base.Store`, so they behave the same on both engines.
Who carried a statement is read from the attributions pointing at it (never stored on the
statement), so deleting an article never leaves a stale journey.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from schemas.links import web_url
from store.base import SearchQuery, Store
from store.near_duplicates import compare, keys_for, normalized
from store.query_text import parse

MAX_ATTRIBUTIONS = 1000  # attributions read per journey


def _when(record: dict[str, Any]) -> tuple[bool, str, str]:
    """Date order, undated last, ties by id so the order never depends on the engine."""
    published = record.get("published")
    return (published is None, str(published or ""), record.get("article_id") or "")


def _is_copy(attribution: dict[str, Any], article: dict[str, Any] | None) -> bool:
    if article and article.get("syndicated_from"):
        return True
    original = attribution.get("original_outlet_id")
    return bool(original and original != attribution.get("outlet_id"))


def statement_journey(store: Store, statement_id: str) -> dict[str, Any] | None:
    """A statement's journey: first seen, articles and outlets in date order, the distinct
    outlet count (a syndicated copy counts as its original outlet, not as one more), and
    the speakers it was attributed to, with a flag when they disagree. None if unknown."""
    statement = store.get_statement(statement_id)
    if statement is None:
        return None
    query = SearchQuery(filters={"statement_id": (statement_id,)}, sort="date_asc", facets=False)
    attributions = sorted(
        islice(store.scan(query), MAX_ATTRIBUTIONS), key=lambda a: (*_when(a), a["id"])
    )
    articles: dict[str, dict[str, Any]] = {}
    for a in attributions:
        if a["article_id"] not in articles:
            articles[a["article_id"]] = _appearance(a, store.get_article(a["article_id"]))
        appearance = articles[a["article_id"]]
        appearance["attribution_ids"].append(a["id"])
        if a.get("speaker") and a["speaker"] not in appearance["speakers"]:
            appearance["speakers"].append(a["speaker"])
    appearances = list(articles.values())
    if appearances:
        appearances[0]["first_seen"] = True
    for ap in appearances:
        if ap["syndicated"] and not ap["syndicated_from"]:
            ap["syndicated_from"] = _original_article(ap, appearances)

    outlets: dict[str, dict[str, Any]] = {}
    independent: set[str] = set()
    for ap in appearances:
        key = ap["outlet_id"] or ap["outlet"] or ""
        entry = outlets.setdefault(
            key,
            {
                "id": ap["outlet_id"],
                "name": ap["outlet"],
                "first_published": ap["published"],
                "articles": 0,
                "syndicated_copies": 0,
            },
        )
        entry["articles"] += 1
        if ap["syndicated"]:
            entry["syndicated_copies"] += 1
            if ap["original_outlet_id"]:
                independent.add(ap["original_outlet_id"])
        elif key:
            independent.add(key)

    speakers: dict[str | None, dict[str, Any]] = {}
    for a in attributions:
        entry = speakers.setdefault(
            a.get("speaker_id"),
            {
                "id": a.get("speaker_id"),
                "name": a.get("speaker"),
                "attributions": 0,
                "first_published": a.get("published"),
                "first_article_id": a["article_id"],
            },
        )
        entry["attributions"] += 1
    named = [s for s in speakers.values() if s["id"]]
    return {
        "statement": {"id": statement["id"], "text": statement["text"]},
        "first_seen": _first_seen(appearances[0]) if appearances else None,
        "appearances": appearances,
        "outlets": list(outlets.values()),
        "distinct_outlets": len(independent),
        "attributions": len(attributions),
        "speakers": list(speakers.values()),
        "speaker_disagreement": len(named) > 1,
    }


def _original_article(copy: dict[str, Any], appearances: list[dict[str, Any]]) -> str | None:
    """For a copy linked before its original arrived: the earliest article of the outlet it
    names as its source that carries the same statement."""
    source = copy.get("original_outlet_id")
    return next(
        (
            ap["article_id"]
            for ap in appearances
            if source and ap["outlet_id"] == source and not ap["syndicated"]
        ),
        None,
    )


def _appearance(a: dict[str, Any], article: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "article_id": a["article_id"],
        "title": a.get("article_title"),
        "url": a.get("article_url"),
        "published": a.get("published"),
        "outlet": a.get("outlet"),
        "outlet_id": a.get("outlet_id"),
        "original_outlet": a.get("original_outlet"),
        "original_outlet_id": a.get("original_outlet_id"),
        "syndicated": _is_copy(a, article),
        "syndicated_from": (article or {}).get("syndicated_from"),
        "content": a.get("content"),
        "speakers": [],
        "attribution_ids": [],
        "first_seen": False,
    }


def _first_seen(appearance: dict[str, Any]) -> dict[str, Any]:
    keys = ("article_id", "title", "url", "published", "outlet", "outlet_id")
    return {k: appearance[k] for k in keys}


def attribution_provenance(store: Store, attribution_id: str) -> dict[str, Any] | None:
    """The chain speaker -> via outlets -> publishing outlet -> original outlet (for a
    syndicated copy), and the journey of its statement with the earliest marked first seen."""
    a = store.get_attribution(attribution_id)
    if a is None:
        return None
    article = store.get_article(a["article_id"])
    chain: list[dict[str, Any]] = [
        {
            "role": "speaker",
            "id": a.get("speaker_id"),
            "name": a.get("speaker") or a.get("speaker_text"),
            "type": a.get("speaker_type"),
            "role_text": a.get("speaker_role"),
        }
    ]
    via_ids = a.get("via_outlet_ids") or []
    for i, name in enumerate(a.get("via_outlets") or []):
        chain.append({"role": "via", "id": via_ids[i] if i < len(via_ids) else None, "name": name})
    chain.append(
        {
            "role": "publisher",
            "id": a.get("outlet_id"),
            "name": a.get("outlet"),
            "article_id": a["article_id"],
            "url": a.get("article_url"),
            "published": a.get("published"),
        }
    )
    journey = statement_journey(store, a["statement_id"]) if a.get("statement_id") else None
    copy = _is_copy(a, article)
    if copy:
        mine = [
            ap
            for ap in (journey or {}).get("appearances", [])
            if ap["article_id"] == a["article_id"]
        ]
        chain.append(
            {
                "role": "original",
                "id": a.get("original_outlet_id"),
                "name": a.get("original_outlet"),
                "article_id": (article or {}).get("syndicated_from")
                or (mine[0]["syndicated_from"] if mine else None),
            }
        )
    first = journey["first_seen"] if journey else None
    return {
        "attribution": a,
        "chain": chain,
        "syndicated": copy,
        "journey": journey,
        "is_first_seen": bool(first and first["article_id"] == a["article_id"]),
    }


def _work(appearance: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = web_url(appearance.get("url"))  # a stored javascript: URL is never published
    if url:
        work["url"] = url
    if appearance.get("title"):
        work["headline"] = appearance["title"]
    if appearance.get("published"):
        work["datePublished"] = str(appearance["published"])
    if appearance.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": appearance["outlet"]}
    return work


def claim_review(
    store: Store, statement_id: str, scale: tuple[str, ...] = ()
) -> dict[str, Any] | None:
    """schema.org ClaimReview JSON-LD for a statement that has a verdict, else None.

    ``reviewRating`` is required by ClaimReview (schema.org; Google's fact-check markup
    guidelines): the verdict's rating as ``alternateName``, and its place on ``scale`` (the
    ratings best first) as ``ratingValue`` from ``worstRating`` 1 to ``bestRating``. The
    claim's author is the speaker of the earliest appearance; ``appearance`` lists every
    article in date order and ``firstAppearance`` the earliest.
    """
    statement = store.get_statement(statement_id)
    verdict = (statement or {}).get("verdict")
    if not verdict:
        return None
    journey = statement_journey(store, statement_id)
    if journey is None:
        return None
    appearances = journey["appearances"]
    claim: dict[str, Any] = {"@type": "Claim"}
    first_speaker = next((s for s in journey["speakers"] if s["id"]), None)
    if first_speaker is not None:
        record = store.get_speaker(first_speaker["id"]) or {}
        kind = "Person" if record.get("type") == "person" else "Organization"
        claim["author"] = {"@type": kind, "name": record.get("name") or first_speaker["name"]}
    if appearances:
        if appearances[0].get("published"):
            claim["datePublished"] = str(appearances[0]["published"])
        claim["firstAppearance"] = _work(appearances[0])
        claim["appearance"] = [_work(ap) for ap in appearances]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict["rating"]}
    if verdict["rating"] in scale:
        rating.update(
            ratingValue=len(scale) - scale.index(verdict["rating"]),
            bestRating=len(scale),
            worstRating=1,
        )
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": journey["statement"]["text"],
        "itemReviewed": claim,
        "reviewRating": rating,
        "author": {"@type": "Organization", "name": verdict["reviewer"]},
    }
    if verdict.get("review"):
        review["reviewBody"] = verdict["review"]
    if verdict.get("url"):
        review["url"] = verdict["url"]
    if verdict.get("reviewed"):
        review["datePublished"] = verdict["reviewed"][:10]
    return review


CLAIM_WORDS = 6  # distinctive words searched one by one when the whole sentence finds little
MIN_RESEMBLANCE = 0.34  # share of the sentence's words a stored quote must carry to be "close"


def _stem(word: str) -> str:
    """A crude stem, enough to let "keeps" meet "keep" when comparing word sets."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _resemblance(terms: set[str], claim: str, quote: str) -> float:
    """How close a stored quote is to a pasted sentence: the near-duplicate score, or the
    share of the sentence's content words the quote carries, halved for an opposite claim."""
    match = compare(claim, quote)
    words = {_stem(w) for w in normalized(quote).split()}
    covered = len(terms & words) / len(terms) if terms else 0.0
    closeness = max(match.score, covered)
    # The same words with the opposite negation is another claim: rank it below real matches.
    return closeness / 2 if match.negated else closeness


def _claim_terms(text: str) -> set[str]:
    return {_stem(w) for w in normalized(" ".join(parse(text).terms)).split()}


def _statements_sharing_words(store: Store, text: str, limit: int) -> list[str]:
    """Statement ids of stored quotes resembling ``text``, most similar first.

    A pasted sentence rarely matches word for word (search wants every word): it names the
    speaker, says "said", paraphrases. So when the whole sentence finds too little, its
    longest words are searched one at a time and the hits ranked by resemblance.
    """
    hits = store.search(SearchQuery(text=text, per_page=min(limit * 5, 100), facets=False)).hits
    if len(hits) < limit:
        distinctive = sorted(
            {w for w in parse(text).terms if len(w) > 3}, key=lambda w: (-len(w), w)
        )
        for word in distinctive[:CLAIM_WORDS]:
            hits += store.search(SearchQuery(text=word, per_page=limit * 2, facets=False)).hits
    terms = _claim_terms(text)
    best: dict[str, float] = {}
    for hit in hits:
        sid = hit.attribution.get("statement_id")
        if sid:
            score = _resemblance(terms, text, hit.attribution["content"])
            best[sid] = max(best.get(sid, 0.0), score)
    ranked = sorted(best, key=lambda sid: (-best[sid], sid))
    return [sid for sid in ranked if best[sid] >= MIN_RESEMBLANCE][: limit * 2]


def check_claim(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """The stored statements closest to ``text`` (near-duplicate keys and full-text search),
    near-duplicates first, each with its journey and first-seen date."""
    if not text or not text.strip():
        return []
    found: dict[str, dict[str, Any]] = {
        s["id"]: s for s in store.statements_by_keys(keys_for(text), limit=limit * 3)
    }
    for sid in _statements_sharing_words(store, text, limit):
        if sid not in found:
            statement = store.get_statement(sid)
            if statement is not None:
                found[sid] = statement
    terms = _claim_terms(text)
    ranked = []
    for statement in found.values():
        same = compare(text, statement["text"]).same
        similarity = _resemblance(terms, text, statement["text"])
        if same or similarity >= MIN_RESEMBLANCE:
            ranked.append((not same, -similarity, statement["id"], same, similarity))
    ranked.sort()
    results = []
    for _, _, sid, same, similarity in ranked[:limit]:
        journey = statement_journey(store, sid)
        if journey is None:
            continue
        results.append(
            {
                "statement_id": sid,
                "text": journey["statement"]["text"],
                "near_duplicate": same,
                "similarity": round(similarity, 3),
                "first_seen": journey["first_seen"],
                "journey": journey,
            }
        )
    return results
