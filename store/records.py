"""Validating what is written, the same way on both engines.

An article and its attributions are checked together: a bad attribution rejects its whole
article (the unit written atomically), with an error naming the field and the value.
Attributions get the article's metadata copied in (``schemas.catalog.COPIED_FROM_ARTICLE``,
whatever the caller sent for those fields), so search and facets never join.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from marshmallow import Schema, ValidationError

from schemas import ArticleSchema, AttributionSchema, RecordError, check_spans_within, load
from schemas.attribution import part_text
from schemas.catalog import COPIED_FROM_ARTICLE, copy_from_article
from schemas.validation import describe
from store.base import ArticleRecord


def keyword(value: str) -> str:
    """Lowercased and accent-folded, like the ``lowercase`` normalizer of facet keywords."""
    folded = unicodedata.normalize("NFKD", value)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def record_id(record: Any, index: int) -> str:
    """The id to report for a record, even a malformed one."""
    article = getattr(record, "article", None)
    if isinstance(article, dict) and isinstance(article.get("id"), str) and article["id"]:
        return article["id"]
    return f"#{index}"


class _AttributionWithoutArticle(AttributionSchema):
    """The attribution fields the caller supplies; the article's are validated with it."""

    class Meta:
        exclude = tuple(COPIED_FROM_ARTICLE)


@functools.cache
def _instance(schema: type[Schema]) -> Schema:
    """One instance per schema: building one costs more than loading a record."""
    return schema()


def _clean(schema: type[Schema], data: Any) -> dict[str, Any]:
    """The validated record, JSON-ready (dates as ISO strings, as a dump would give)."""
    loaded = load(_instance(schema), data)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in loaded.items()}


def prepare_article(record: ArticleRecord) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The article and its attributions as stored (JSON-ready), or :class:`RecordError`."""
    if not isinstance(record, ArticleRecord):
        raise RecordError(f"record: expected an ArticleRecord, got {type(record).__name__}")
    article = _clean(ArticleSchema, record.article)
    if not isinstance(record.attributions, list):
        raise RecordError("attributions: expected a list")
    attributions: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, raw in enumerate(record.attributions):
        if not isinstance(raw, dict):
            raise RecordError(f"attributions[{index}]: expected an object, got {raw!r:.40}")
        data = {"article_id": article["id"], **raw}
        for field in COPIED_FROM_ARTICLE:
            data.pop(field, None)
        try:
            attribution = _clean(_AttributionWithoutArticle, data)
            copy_from_article(attribution, article)
            check_spans_within(attribution, part_text(attribution, article))
        except RecordError as error:
            raise RecordError(f"attributions[{index}].{error}") from None
        except ValidationError as error:
            raise RecordError(f"attributions[{index}].{describe(error, attribution)}") from None
        if attribution["article_id"] != article["id"]:
            raise RecordError(
                f"attributions[{index}].article_id ({attribution['article_id']!r}): "
                f"does not match the article id {article['id']!r}"
            )
        if attribution["id"] in seen:
            raise RecordError(f"attributions[{index}].id ({attribution['id']!r}): duplicate id")
        seen.add(attribution["id"])
        attributions.append(attribution)
    return article, attributions


def prepare_all(schema: type[Schema], records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every record validated before any is written; the first bad one raises."""
    cleaned = []
    for index, record in enumerate(records):
        try:
            cleaned.append(_clean(schema, record))
        except RecordError as error:
            raise RecordError(f"{schema.__name__} record {index}: {error}") from None
    return cleaned


def speaker_keys(speaker: dict[str, Any]) -> set[str]:
    return {keyword(n) for n in [speaker["name"], *speaker.get("aliases", [])] if n}


# What starts a word of a name key: a space, or the hyphen of a double-barrelled name
# ("lindqvist" in "anna schafer-lindqvist").
WORD_STARTS = (" ", "-")


def name_matches(text: str, key: str) -> bool:
    """The directory's matching rule: the folded ``text`` starts ``key`` (a name key from
    :func:`speaker_keys` or :func:`outlet_keys`) or one of its words ("ved" finds
    "olena vedmid"), a part of a hyphenated name being a word ("lindq" finds "anna
    schafer-lindqvist")."""
    wanted = keyword(text.strip())
    return (
        not wanted
        or key.startswith(wanted)
        or any(f"{start}{wanted}" in key for start in WORD_STARTS)
    )


def outlet_keys(outlet: dict[str, Any]) -> set[str]:
    names = [outlet["name"], *outlet.get("aliases", []), *outlet.get("domains", [])]
    return {keyword(n) for n in names if n}


def text_order(attribution: dict[str, Any]) -> tuple[int, str]:
    """Where an attribution sits in its article: first content span, then id."""
    spans = attribution.get("content_spans") or [[0, 0]]
    return (min(span[0] for span in spans), attribution["id"])
