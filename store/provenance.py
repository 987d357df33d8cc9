"""Provenance, read side: where a statement was first seen and how it travelled.

Pure functions over a :class:`store.base.Store`, so they behave the same on both engines.
Who carried a statement is read from the attributions pointing at it (never stored on the
statement), so deleting an article never leaves a stale journey.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Any

from schemas.attribution import is_denial
from schemas.ids import slug
from schemas.links import web_url
from schemas.outlet import initials_of
from schemas.statement import statement_sentences
from store.base import SearchQuery, Store
from store.near_duplicates import (
    NEGATIONS,
    NUMBER_WORDS,
    compare,
    figures,
    keys_for,
    normalized,
    opposites,
    stem,
    typo_apart,
)
from store.query_text import STOPWORDS, parse

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
    the speakers it was attributed to, with a flag when they disagree. None if unknown,
    and None for an orphan: a statement no stored attribution carries any more (its
    articles deleted, or re-indexed with other wording).
    ``cues`` are the distinct cue verbs of its attributions and ``denials`` (also per
    speaker) how many of them deny it (``schemas.attribution.DENYING_CUES``: "denied that
    ...": the speaker says it is false); ``second_hand`` how many others only report it
    second-hand (through an outlet, "according to The Washington Ledger", or relayed by
    another speaker).

    Appearances are in publication order (:func:`_published_order`): first seen is the
    earliest published article, None when the earliest has no date (undated articles sort
    last, so then none has one); ``undated_articles`` and
    ``unknown_outlet_articles`` count the articles without a date and without any outlet
    (those are not in ``distinct_outlets``, yet each may be one more outlet)."""
    statement = store.get_statement(statement_id)
    if statement is None:
        return None
    query = SearchQuery(filters={"statement_id": (statement_id,)}, sort="date_asc", facets=False)
    attributions = sorted(
        islice(store.scan(query), MAX_ATTRIBUTIONS), key=lambda a: (*_when(a), a["id"])
    )
    if not attributions:
        return None
    articles: dict[str, dict[str, Any]] = {}
    for a in attributions:
        if a["article_id"] not in articles:
            articles[a["article_id"]] = _appearance(a, store.get_article(a["article_id"]))
        appearance = articles[a["article_id"]]
        appearance["attribution_ids"].append(a["id"])
        if a.get("speaker") and a["speaker"] not in appearance["speakers"]:
            appearance["speakers"].append(a["speaker"])
    appearances = sorted(articles.values(), key=_published_order)
    dated = bool(appearances and appearances[0]["published"])
    if dated:  # first seen is a claim about time: it needs a date
        appearances[0]["first_seen"] = True
    _original_by_initials(appearances)
    for ap in appearances:
        if ap["syndicated"] and not ap["syndicated_from"]:
            ap["syndicated_from"] = _original_article(ap, appearances)

    outlets: dict[str, dict[str, Any]] = {}
    independent: set[str] = set()
    unknown = 0  # articles of no known outlet: each may be one more
    for ap in appearances:
        key = ap["outlet_id"] or ap["outlet"] or ""
        if not key and not (ap["syndicated"] and ap["original_outlet_id"]):
            unknown += 1
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
                "denials": 0,
                "first_published": a.get("published"),
                "first_article_id": a["article_id"],
            },
        )
        entry["attributions"] += 1
        entry["denials"] += is_denial(a)
    named = [s for s in speakers.values() if s["id"]]
    return {
        "statement": {"id": statement["id"], "text": statement["text"]},
        "first_seen": _first_seen(appearances[0]) if dated else None,
        "appearances": appearances,
        "outlets": list(outlets.values()),
        "distinct_outlets": len(independent),
        "unknown_outlet_articles": unknown,
        "undated_articles": sum(1 for ap in appearances if not ap["published"]),
        "attributions": len(attributions),
        "denials": sum(is_denial(a) for a in attributions),
        "second_hand": sum(
            not is_denial(a) and bool(a.get("via_outlets") or a.get("relayed_by"))
            for a in attributions
        ),
        "cues": sorted({a["cue"] for a in attributions if a.get("cue")}),
        "speakers": list(speakers.values()),
        "speaker_disagreement": len(named) > 1,
        "kinds": sorted({a["kind"] for a in attributions if a.get("kind")}),
    }


MAX_SPEAKER_ATTRIBUTIONS = 5000  # attributions read to group a speaker's statements


def speaker_statements(store: Store, speaker_id: str) -> list[dict[str, Any]]:
    """What a speaker said, once per statement: ``text``, ``statement_id`` (None for an
    attribution not linked to a statement: those group by their normalized wording),
    ``kinds``, ``appearances`` (attributions carrying it) and ``copies`` (those
    attributions, newest first), the statement said most recently first. Reads at most
    :data:`MAX_SPEAKER_ATTRIBUTIONS` attributions, newest first."""
    query = SearchQuery(filters={"speaker": (speaker_id,)}, sort="date", facets=False)
    groups: dict[str, dict[str, Any]] = {}
    for a in islice(store.scan(query), MAX_SPEAKER_ATTRIBUTIONS):
        key = a.get("statement_id") or "text:" + normalized(a.get("content") or "")
        group = groups.setdefault(
            key,
            {
                "statement_id": a.get("statement_id"),
                "text": a.get("content") or "",
                "kinds": set(),
                "appearances": 0,
                "copies": [],
            },
        )
        group["appearances"] += 1
        if a.get("kind"):
            group["kinds"].add(a["kind"])
        group["copies"].append(a)
    return [{**g, "kinds": sorted(g["kinds"])} for g in groups.values()]


def _original_by_initials(appearances: list[dict[str, Any]]) -> None:
    """A copy linked before its original arrived names the original by the initials its
    dateline gave ("WASHINGTON (AWS) —": outlet "AWS", no outlet of that name known then):
    when exactly one outlet carrying the statement (not as a copy) has those initials
    (:func:`schemas.outlet.initials_of`: "American Wire Service"), the copy's original is
    that outlet (in place), so it counts once among independent outlets and links to it."""
    outlets = {
        ap["outlet_id"]: ap["outlet"]
        for ap in appearances
        if ap["outlet_id"] and ap["outlet"] and not ap["syndicated"]
    }
    for ap in appearances:
        named = ap["original_outlet"]
        if not (ap["syndicated"] and named) or ap["original_outlet_id"] in outlets:
            continue
        found = [
            i for i, name in outlets.items() if i != ap["outlet_id"] and initials_of(named, name)
        ]
        if len(found) == 1:
            ap["original_outlet_id"], ap["original_outlet"] = found[0], outlets[found[0]]


def outlet_by_initials(store: Store, abbreviation: str) -> str | None:
    """The id of the one outlet carrying attributions whose name has these initials
    ("AWS" -> "american-wire-service", :func:`schemas.outlet.initials_of`), or None (none,
    several, or ``abbreviation`` is no run of 2 to 6 letters). A copy read before its
    original names it as its dateline does; the outlet's own page is this one."""
    letters = abbreviation.replace(".", "").replace(" ", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha()):
        return None
    page = store.directory("outlets", letters[0], per_page=200)
    found = {
        e.record["id"]
        for e in page.entries
        if e.record.get("name") and initials_of(letters, e.record["name"])
        and e.record["id"] != slug(letters)
    }
    return found.pop() if len(found) == 1 else None


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
        "published_time": (article or {}).get("published_time"),
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


def _published_order(appearance: dict[str, Any]) -> tuple[bool, str, str, bool, str]:
    """Publication order: by day (undated last), then by the moment of publication
    (``published_time``; unknown after known), then an original before the copies of one
    day (a copy cannot be out before the story it copies), then by article id so the order
    never depends on the engine."""
    return (
        not appearance["published"],
        str(appearance["published"] or ""),
        appearance.get("published_time") or "~",
        appearance["syndicated"],
        appearance["article_id"],
    )


def _first_seen(appearance: dict[str, Any]) -> dict[str, Any]:
    keys = ("article_id", "title", "url", "published", "published_time", "outlet", "outlet_id")
    return {k: appearance[k] for k in keys}


def attribution_provenance(store: Store, attribution_id: str) -> dict[str, Any] | None:
    """The chain speaker -> relaying speaker (`relayed_by`) -> via outlets -> publishing
    outlet -> original outlet (for a syndicated copy), and the journey of its statement
    with the earliest marked first seen."""
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
    if a.get("relayed_by"):  # "Calder said Whitaker told her ...": as Calder tells it
        chain.append({"role": "relayed", "name": a["relayed_by"]})
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


CLAIM_WORDS = 8  # distinctive words searched one by one when the whole sentence finds little
MIN_RESEMBLANCE = 0.34  # similarity below which a stored statement is not "close"
MIN_WITHIN = 2  # content words a shorter statement shares, all of its own, to contradict
# Words that carry no claim: the search's stop words and the reporting around a pasted quote.
CLAIM_STOPWORDS = STOPWORDS | frozenset(
    {
        "were",
        "has",
        "have",
        "had",
        "we",
        "our",
        "i",
        "you",
        "he",
        "she",
        "his",
        "her",
        "its",
        "would",
        "could",
        "should",
        "can",
        "may",
        "from",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "tells",
        "according",
        "also",
        "about",
        "been",
        "being",
        "do",
        "does",
        "did",
        "so",
        "than",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "very",
        "just",
    }
)
# Hedges around a figure ("as many as 5,000", "nearly 40%", "up to 500"): the figure's
# words, compared by :func:`different_figures`, not by the claim's words.
HEDGES = frozenset(
    {"many", "much", "nearly", "almost", "roughly", "around", "approximately", "least", "upwards"}
)


def claim_words(text: str) -> list[str]:
    """The distinct content words of a claim or statement, stemmed, in order: folded words
    (``near_duplicates.normalized``) without stop words, negations, figures (in digits or
    words) and their
    :data:`HEDGES` (a claim with another figure is otherwise the same claim: the figures are
    told apart by :func:`different_figures`)."""
    out: list[str] = []
    for word in normalized(text).split():
        if word in CLAIM_STOPWORDS or word in NEGATIONS or word in HEDGES:
            continue
        if any(c.isdigit() for c in word) or word in NUMBER_WORDS:
            continue
        stem_ = stem(word)
        if stem_ not in out:
            out.append(stem_)
    return out


def same_word(a: str, b: str) -> bool:
    """Two stemmed words are one word with a small typo: equal, or at most one edit apart
    (two from 8 letters up; an edit is an insertion, deletion, substitution or swap of two
    neighbours: optimal string alignment); words under 4 letters must be equal."""
    return a == b or typo_apart(a, b, 4, 8)


def _negations(text: str) -> int:
    return sum(word in NEGATIONS for word in normalized(text).split())


# Where a negation's scope ends: a semicolon or colon, a comma before a conjunction,
# "but" ("The governor never said that, and the budget is balanced": the "never" negates
# "said that", not the clause that matches a claim about the budget), or a conjunction
# before a modal that opens a second predicate of the same subject ('the State would "not
# allow the dam" and would approach the Supreme Court': the "not" is the first's alone).
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:]|,\s*(?:and|but|or|yet|while|whereas)\b|\bbut\b"
    r"|\b(?:and|or)\s+(?=(?:would|will|could|should|can|may|might|must|shall)\b))\s*",
    re.I,
)


def matching_clause(text: str, other: list[str]) -> str:
    """The clause of ``text`` (split at :data:`_CLAUSE_BREAK`) sharing the most content
    words (:func:`claim_words`, typos tolerated) with ``other``; ``text`` itself when it has
    one clause or no clause shares more than the others (the scope of its negations is
    then the whole sentence)."""
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c.strip()]
    if len(clauses) < 2:
        return text
    shared = [
        sum(any(same_word(w, o) for o in other) for w in claim_words(clause))
        for clause in clauses
    ]
    best = max(shared)
    return clauses[shared.index(best)] if shared.count(best) == 1 else text


@dataclass(frozen=True)
class Coverage:
    """How a stored statement covers a pasted claim, word by word (typos tolerated):
    ``shared`` content words of the claim found in the statement, out of ``claim`` and
    ``statement`` content words. ``similarity`` is their Dice coefficient, 1.0 only when
    each says all of what the other says: a one-word claim is never 100% like a sentence.
    ``contradicts``: most words shared (or every content word of the statement, at least
    :data:`MIN_WITHIN`, is the claim's), but one of the two is negated and the other not, or
    one has the opposite word of the other (grew/shrank, on/off, more/less:
    ``near_duplicates.ANTONYMS``; a negation and an opposite word together agree), judged in
    the clause of each that carries the shared words (:func:`matching_clause`)."""

    shared: int
    claim: int
    statement: int
    contradicts: bool

    @property
    def similarity(self) -> float:
        total = self.claim + self.statement
        return 2 * self.shared / total if total else 0.0


def coverage(claim: str, statement: str, mine: list[str] | None = None) -> Coverage:
    """The :class:`Coverage` of ``claim`` by ``statement`` (each claim word matches at most
    one statement word, an exact one first); ``mine`` is ``claim_words(claim)`` when the
    caller has it already."""
    mine = claim_words(claim) if mine is None else mine
    theirs = claim_words(statement)
    free = set(theirs)
    missing = []
    for word in mine:
        if word in free:
            free.remove(word)
        else:
            missing.append(word)
    shared = len(mine) - len(missing)
    for word in missing:
        partner = next((w for w in free if same_word(word, w)), None)
        if partner is not None:
            free.remove(partner)
            shared += 1
    found = Coverage(shared, len(mine), len(theirs), False)
    # negations and opposite verbs count within the clauses that carry the match
    claim_clause = matching_clause(claim, theirs)
    statement_clause = matching_clause(statement, mine)
    negated = (_negations(claim_clause) % 2) != (_negations(statement_clause) % 2)
    reversals = opposites(normalized(claim_clause).split(), normalized(statement_clause).split())
    reversed_verb = reversals % 2 == 1
    # an opposite word is the other's word reversed ("better"/"worse"), not another word;
    # and a statement saying less than the claim, all of it in the claim's words ("We never
    # promised 5,000 jobs" for "Vedmid promised 5,000 jobs at the plant"), is as close
    alike = 2 * (shared + reversals) >= 0.75 * (found.claim + found.statement)
    within = alike or MIN_WITHIN <= shared == found.statement
    if not within and statement_clause != statement:
        # the claim may be one clause of a longer statement: that clause alike is as close
        clause = claim_words(statement_clause)
        in_clause = sum(any(same_word(w, o) for o in clause) for w in mine)
        within = 2 * (in_clause + reversals) >= 0.75 * (found.claim + len(clause))
    flipped = within and negated != reversed_verb
    return Coverage(shared, len(mine), len(theirs), flipped or compare(claim, statement).negated)


def best_coverage(
    claim: str,
    statement: str,
    mine: list[str] | None = None,
    sentences: list[str] | None = None,
) -> Coverage:
    """The :class:`Coverage` of ``claim`` by the whole ``statement`` or by one of its
    ``sentences`` (:func:`schemas.statement.statement_sentences`, of its text alone when not
    given), whichever is most similar: a claim pasted from the second sentence of a
    two-sentence quotation, or from the second passage a quote joins, is that sentence, not
    half of the quotation. Ties go to the whole statement."""
    mine = claim_words(claim) if mine is None else mine
    sentences = sentences or statement_sentences(statement)
    candidates = [statement] + [s for s in sentences if s != statement]
    found = [coverage(claim, text, mine) for text in candidates]
    return max(found, key=lambda c: c.similarity)  # max keeps the first of equals


def distinctive_words(text: str, count: int = CLAIM_WORDS) -> list[str]:
    """The claim's longest content words as typed (not stemmed), longest first: what the
    check searches when the whole sentence finds little, and what a page offers to search."""
    words = [w for w in parse(text).terms if len(w) > 3 and w not in CLAIM_STOPWORDS]
    return sorted(dict.fromkeys(words), key=lambda w: (-len(w), w))[:count]


def _statements_sharing_words(
    store: Store, text: str, limit: int, *, fallback: bool = True
) -> list[str]:
    """Statement ids of stored quotes resembling ``text``, most similar first.

    A pasted sentence rarely matches word for word (search wants every word): it names the
    speaker, says "said", paraphrases, has typos. So when the whole sentence finds too
    little, its distinctive words are searched one at a time, then the ones the corpus
    knows all together (a misspelt word finds nothing, and common words alone find too
    much), and the hits ranked by :func:`coverage`.
    """
    def lookup(words: str, per_page: int) -> Any:
        query = SearchQuery(text=words, per_page=per_page, facets=False, highlight=False)
        return store.search(query)

    hits = lookup(text, min(limit * 5, 100)).hits
    if fallback and len(hits) < limit:
        searched = distinctive_words(text)
        known = []
        for word in searched:
            found = lookup(word, limit * 2)
            hits += found.hits
            if found.total:
                known.append(word)
        if 1 < len(known) < len(searched):  # misspelt words: the others, all together
            hits += lookup(" ".join(known), limit * 2).hits
    mine = claim_words(text)
    best: dict[str, float] = {}
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        sid = hit.attribution.get("statement_id")
        wording = (sid or "", hit.attribution["content"])
        if sid and wording not in seen:  # each wording of a statement is scored once
            seen.add(wording)
            sentences = statement_sentences(wording[1], hit.attribution.get("content_spans"))
            score = best_coverage(text, wording[1], mine, sentences).similarity
            best[sid] = max(best.get(sid, 0.0), score)
    ranked = sorted(best, key=lambda sid: (-best[sid], sid))
    return [sid for sid in ranked if best[sid] >= MIN_RESEMBLANCE][: limit * 2]


# a thousands separator: "4,000" and "4000" are one figure
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def different_figures(claim: str, statement: str) -> dict[str, list[str]]:
    """The numbers that make ``statement`` another claim than ``claim``: ``{"claim": [...],
    "statement": [...]}``, the claim's figures the statement lacks and the statement's the
    claim lacks (``near_duplicates.figures``: "3%", "0.3%", "nine" as "9"; "4,000" is
    "four thousand"); both empty unless each has a figure the other has not (a claim that
    names no number, or fewer, does not differ)."""
    mine, theirs = figures(claim), figures(statement)
    values = {f: _THOUSANDS.sub("", f) for f in mine + theirs}  # "4,000" is "four thousand"
    mine_values, their_values = {values[f] for f in mine}, {values[f] for f in theirs}
    only_mine = [f for f in mine if values[f] not in their_values]
    only_theirs = [f for f in theirs if values[f] not in mine_values]
    if only_mine and only_theirs:
        return {"claim": only_mine, "statement": only_theirs}
    return {"claim": [], "statement": []}


def check_claim(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """The stored statements closest to ``text`` (near-duplicate keys, full-text search, and
    its distinctive words when neither finds a near-duplicate), most similar first (by the
    ``similarity`` shown, :class:`Coverage`): a contradiction of the same
    proposition is as relevant as a match. On equal similarity a near-duplicate comes
    first, then a statement with the claim's figures, then an agreeing one. Each comes with
    its journey and first sighting. A statement with a different number is never the same
    statement ("grew 3%" is not "grew 0.3%"). A statement whose every attribution denies it
    ("X denied that ...": ``schemas.attribution.DENYING_CUES``), or whose every first-hand
    attribution denies it (others only report it second-hand: "According to The Washington
    Ledger, Hale told colleagues ...", then "A spokesman for Hale denied that Hale had said
    any such thing"), is what its speakers say is false: it contradicts the claim it words
    (and agrees with the claim's negation).

    Each result: ``statement_id``, ``text``, ``near_duplicate``, ``similarity`` (0-1),
    ``contradicts``, ``denied`` (every first-hand attribution denies it), ``denied_by``
    (names of the speakers denying it), ``cues`` (cue verbs of its attributions),
    ``different_figures`` (:func:`different_figures`),
    ``shared_words``/``claim_words``/``statement_words`` (content words), ``first_seen``
    (None when no carrying article is dated) and ``journey``. A statement no stored article
    carries any more (its articles deleted or corrected) is left out.
    """
    if not text or not text.strip():
        return []
    found: dict[str, dict[str, Any]] = {
        s["id"]: s for s in store.statements_by_keys(keys_for(text), limit=limit * 3)
    }
    # A near-duplicate found by its keys is the answer: the word-by-word fallback (up to
    # CLAIM_WORDS + 1 more searches) is for claims worded differently or misspelt.
    duplicate = any(compare(text, s["text"]).same for s in found.values())
    for sid in _statements_sharing_words(store, text, limit, fallback=not duplicate):
        if sid not in found:
            statement = store.get_statement(sid)
            if statement is not None:
                found[sid] = statement
    ranked = []
    mine = claim_words(text)
    for statement in found.values():
        refigured = different_figures(text, statement["text"])
        same = compare(text, statement["text"]).same and not refigured["claim"]
        covered = best_coverage(text, statement["text"], mine, statement.get("sentences"))
        if same or covered.similarity >= MIN_RESEMBLANCE:
            key = (
                -round(covered.similarity, 3),  # the similarity shown: pages list in its order
                not same,
                bool(refigured["claim"]),
                covered.contradicts,
                statement["id"],
            )
            ranked.append((key, same, covered, refigured))
    ranked.sort(key=lambda r: r[0])
    results = []
    for key, same, covered, refigured in ranked[:limit]:
        journey = statement_journey(store, key[-1])
        if journey is None or not journey["appearances"]:
            continue  # no article carries it any more (deleted or corrected): not a match
        # denied: every first-hand attribution denies it (what others only report the
        # speaker said, "according to The Washington Ledger", his spokesman denies)
        denied = 0 < journey["denials"] == journey["attributions"] - journey["second_hand"]
        results.append(
            {
                "statement_id": key[-1],
                "text": journey["statement"]["text"],
                "near_duplicate": same and not denied,
                "similarity": round(covered.similarity, 3),
                "contradicts": covered.contradicts != denied,
                "denied": denied,
                "denied_by": [s["name"] for s in journey["speakers"] if s["denials"] and s["name"]],
                "cues": journey["cues"],
                "different_figures": refigured,
                "shared_words": covered.shared,
                "claim_words": covered.claim,
                "statement_words": covered.statement,
                "first_seen": journey["first_seen"],
                "journey": journey,
            }
        )
    return results
