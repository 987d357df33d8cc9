"""Article preparation: the one path from a read article to what is stored.

``quotetrail index``, ``quotetrail extract`` and ``POST /api/v1/articles`` all take an
article as a reader makes it (:func:`indexer.read.model.new_article`) through the same steps,
so one input gives the same attributions and fingerprint whichever way it arrives:

1. :func:`clean` rejects a URL that is no web address, folds the URL's variants into the
   article's one URL (``schemas.links.article_url``: tracking parameters, AMP, ``m.``),
   drops a publication date in the future, removes the dateline, syndication line and
   page boilerplate (:mod:`indexer.read.boilerplate`), applies the size limit and gives
   the stable id;
2. the extractor finds the attributions in the cleaned body (:func:`indexer.extract.extract`,
   or batches in the :class:`~indexer.extract.workers.ExtractionPool`);
3. :func:`complete` links them against the store and fingerprints each article.

:func:`extract_files` runs the first two over files (``quotetrail extract``); the ``index`` run
(:mod:`indexer.indexing`) runs them in batches with the extraction in worker processes.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from indexer import link
from indexer.link import Linker
from indexer.read import ReadOptions, Reject, Source, expand, read_source
from indexer.read.boilerplate import clean_body
from indexer.read.fields import as_date
from indexer.read.model import DEFAULT_MAX_ARTICLE_BYTES, Article, Repair, too_large
from schemas.ids import article_id
from schemas.links import article_url, web_url
from schemas.outlet import short_name_of
from store.base import ArticleRecord

if TYPE_CHECKING:
    from indexer.extract.workers import ExtractionPool

Attributions = list[dict[str, Any]]
Named = tuple[str, Article]  # an article and the name of the input it was read from
EMPTY_AFTER_CLEANING = "no article text left after removing boilerplate"
EXTRACT_BATCH = 4  # articles per task given to an extraction worker by `extract_files`
# Days a publication date may lie after today (UTC): time zones ahead of UTC and a story
# dated for the next morning's paper; later than that the date is a mistake.
FUTURE_MARGIN_DAYS = 2


def url_problem(url: str | None) -> str | None:
    """Why ``url`` cannot be an article's URL (not an http(s) address with a host:
    ``javascript:``, ``data:``, ``ftp:``, a bare path), or None when it can or is absent."""
    if url is None or not str(url).strip():
        return None
    if web_url(str(url)) is None:
        return f"url {str(url)[:200]!r} is not a web address (http:// or https://)"
    return None


def date_problem(published: str | date | None, today: date | None = None) -> str | None:
    """Why ``published`` (an ISO date) cannot be a publication date: more than
    :data:`FUTURE_MARGIN_DAYS` after ``today`` (default: today in UTC); None when it can."""
    if not published:
        return None
    day = published if isinstance(published, date) else date.fromisoformat(str(published)[:10])
    today = today or datetime.now(UTC).date()
    if day > today + timedelta(days=FUTURE_MARGIN_DAYS):
        return (
            f"published {day.isoformat()} is in the future (more than {FUTURE_MARGIN_DAYS} "
            f"days after today, {today.isoformat()})"
        )
    return None


def clean(
    article: Article,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    dropped: Callable[[str], None] | None = None,
) -> Article | str:
    """The article with its URL made the article's one URL (``schemas.links.article_url``),
    its body cleaned, its dateline date, syndication source and wire agency ("WASHINGTON
    (AP) —", as its outlet) kept (when the reader found none) and its stable id; or the
    reason it is rejected (a URL that is no web address: :func:`url_problem`; nothing left
    after cleaning, or a cleaned body over ``max_article_bytes`` UTF-8 bytes). A
    publication date in the future (:func:`date_problem`) is dropped, and said to
    ``dropped``.
    Modifies and returns ``article``."""
    problem = url_problem(article.get("url"))
    if problem:
        return problem
    if article.get("url"):
        article["url"] = article_url(article["url"])
    cleaned = clean_body(article["body"])
    body = cleaned.body.strip()
    if not body:
        return EMPTY_AFTER_CLEANING
    if len(body.encode("utf-8")) > max_article_bytes:
        return too_large(max_article_bytes)
    article["body"] = body
    if not article.get("published") and cleaned.published:
        article["published"] = as_date(cleaned.published)
    if not article.get("original_outlet") and cleaned.original_outlet:
        article["original_outlet"] = cleaned.original_outlet
    if not article.get("outlet") and cleaned.wire:
        article["outlet"] = cleaned.wire  # "WASHINGTON (AP) —": a stated outlet wins
    elif (
        not article.get("original_outlet")
        and cleaned.wire
        and not short_name_of(cleaned.wire, article["outlet"])
    ):
        # "LONDON, Nov 20 (Reuters) -" in the Daily Globe: the agency wrote the story (the
        # linker drops an original that is the article's own outlet by name; its own
        # initials, "(WN)" in Wire National, or short name, "(Meridian)" in Meridian Wire
        # Service, are the outlet's own dateline too)
        article["original_outlet"] = cleaned.wire
    late = date_problem(article.get("published"))
    if late:
        article["published"] = None
        article.pop("published_time", None)
        if dropped is not None:
            dropped(f"{late}: date dropped")
    article["id"] = article_id(article.get("url"), body)
    return article


def extractor_version() -> str:
    """Part of every fingerprint: a new extractor re-extracts unchanged input."""
    from indexer.extract import VERSION

    return VERSION


def fingerprint(article: dict[str, Any], attributions: Attributions, version: str) -> str:
    """SHA-1 hex of the linked article (without ``fingerprint`` and ``source``), its linked
    attributions and the extractor version: same input, same extractor -> same fingerprint
    -> the store writes nothing."""
    content = {k: v for k, v in article.items() if k not in ("fingerprint", "source")}
    text = json.dumps([content, attributions, version], sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def input_fingerprint(article: Article, attributions: Attributions, version: str) -> str:
    """SHA-1 hex of an article as read and cleaned (without ``source``: where it was read
    from does not change it), its extracted attributions, the extractor ``version`` and the
    linker's (:data:`indexer.link.VERSION`): the article's ``input_hash``. An article read
    again with the same one keeps its stored record (:class:`~indexer.link.linker.Linker`);
    new extraction or linking rules extract or link it again."""
    content = {k: v for k, v in article.items() if k not in ("source", "input_hash")}
    text = json.dumps([content, attributions, version, link.VERSION], sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def complete(
    linker: Linker, items: list[tuple[Article, Attributions]], version: str, *, write: bool = True
) -> list[ArticleRecord]:
    """Cleaned articles with their extracted attributions, given their ``input_hash``,
    linked as one batch (see :meth:`Linker.link_batch`, which writes outlets, speakers and
    statements unless ``write`` is False) and fingerprinted: the records to write, in
    order. An article read again from the same input is its stored record, unchanged."""
    hashed = [
        ({**article, "input_hash": input_fingerprint(article, found, version)}, found)
        for article, found in items
    ]
    records = []
    for article, linked in linker.link_batch(hashed, write=write):
        if article["id"] not in linker.kept:
            article["fingerprint"] = fingerprint(article, linked, version)
        records.append(ArticleRecord(article, linked))
    return records


def extract_files(
    paths: list[str], workers: int, options: ReadOptions | None = None
) -> Iterator[tuple[str, Article, Attributions] | Reject]:
    """Every article of ``paths`` (files, folders, globs or ``-``, read as ``index`` reads
    them) as (input name, cleaned article, attributions), or a reject, in input order;
    nothing is linked or stored. Extraction runs in ``workers`` processes with a bounded
    read-ahead."""
    options = options or ReadOptions()
    from indexer.extract.workers import ExtractionPool  # spaCy: seconds to import

    with ExtractionPool(workers) as pool:
        window: deque[tuple[list[Named | Reject], Future]] = deque()
        batch: list[Named | Reject] = []
        for item in _cleaned(paths, options):
            batch.append(item)
            if len(batch) >= EXTRACT_BATCH:
                window.append(_submit(pool, batch))
                batch = []
                while len(window) > 2 * workers:
                    yield from _in_order(*window.popleft())
        window.append(_submit(pool, batch))
        while window:
            yield from _in_order(*window.popleft())


def _cleaned(paths: list[str], options: ReadOptions) -> Iterator[Named | Reject]:
    for source in expand(paths):
        if isinstance(source, Reject):
            yield source
            continue
        for item in read_source(source, options):
            if not isinstance(item, Reject):
                item = clean_or_reject(item, source, options)
            yield item if isinstance(item, Reject) else (source.stored_name, item)


def clean_or_reject(
    article: Article,
    source: Source,
    options: ReadOptions,
    repairs: Callable[[Repair], None] | None = None,
) -> Article | Reject:
    """:func:`clean` for an article read from ``source``, a rejection as a :class:`Reject`
    naming the input and the article's place in it (record offset, line); a dropped
    future date is told to ``repairs`` as a :class:`Repair` naming the same place."""
    where = article["source"].removeprefix(source.stored_name).lstrip("#@") or None

    def dropped(note: str) -> None:
        if repairs is not None:
            repairs(Repair(source.name, where, note))

    cleaned = clean(article, options.max_article_bytes, dropped)
    if isinstance(cleaned, str):
        return Reject(source.name, where, cleaned)
    return cleaned


def _submit(
    pool: ExtractionPool, batch: list[Named | Reject]
) -> tuple[list[Named | Reject], Future]:
    articles = [
        (item[1].get("title"), item[1]["body"]) for item in batch if not isinstance(item, Reject)
    ]
    return batch, pool.submit(articles)


def _in_order(
    batch: list[Named | Reject], future: Future
) -> Iterator[tuple[str, Article, Attributions] | Reject]:
    found = iter(future.result()[0])
    for item in batch:
        yield item if isinstance(item, Reject) else (*item, next(found))
