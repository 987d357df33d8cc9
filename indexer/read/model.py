"""What readers yield: an article dict ready for cleaning, or a reject that says why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Article = dict[str, Any]

DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# CPU seconds the extractor may spend on one article (about 2 MB of news at the 30 CPU s/MB
# that bench/extract_speed.py measures)
DEFAULT_EXTRACT_BUDGET = 60.0
# Containers holding many articles (a feed, a JSON document with an article list) are
# parsed whole, so they get a larger but still bounded allowance.
CONTAINER_FACTOR = 10


@dataclass(frozen=True)
class Reject:
    """An input (or one record of it) that was not read, with a one-line reason."""

    path: str
    offset: str | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "offset": self.offset, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.path} [{self.offset}]" if self.offset else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Repair:
    """Text of an input (or one record of it) that was read after a repair, and which.

    Readers repair rather than reject what only makes a few characters unreadable: lone
    surrogates and invalid UTF-8 bytes become U+FFFD (see ``schemas.text``), and a record
    field of the wrong type is left out of the article (``indexer.read.fields``).
    """

    path: str
    offset: str | None
    note: str

    def __str__(self) -> str:
        where = f"{self.path} [{self.offset}]" if self.offset else self.path
        return f"{where}: {self.note}"


@dataclass(frozen=True)
class ReadOptions:
    """Reader settings: the single-article size limit and a JSON field mapping."""

    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    field_map: dict[str, str] = field(default_factory=dict)

    @property
    def max_container_bytes(self) -> int:
        return self.max_article_bytes * CONTAINER_FACTOR


def too_large(limit: int) -> str:
    return f"article larger than the {human_size(limit)} limit"


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:g} {unit}" if unit == "bytes" else f"{n:.3g} {unit}"
        n /= 1024
    return f"{n} bytes"


def new_article(source: str, body: str, **fields: Any) -> Article:
    """An article dict with every field the pipeline expects."""
    article: Article = {
        "url": None,
        "title": None,
        "outlet": None,
        "authors": [],
        "published": None,
        "language": None,
        "body": body,
        "source": source,
        "metadata": {},
    }
    article.update({k: v for k, v in fields.items() if v not in (None, "", [], {})})
    return article
