"""Plain text articles: optional header lines (``Title:``, ``URL:``...) or a dateline first."""

from __future__ import annotations

import re

from indexer.read.fields import as_authors, as_date
from indexer.read.model import Article, new_article
from schemas.dates import read_instant

HEADER_FIELDS = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "outlet": "outlet",
    "source": "outlet",
    "publication": "outlet",
    "date": "published",
    "published": "published",
    "author": "authors",
    "authors": "authors",
    "byline": "authors",
    "by": "authors",
    "language": "language",
    "lang": "language",
}
_HEADER = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*?)\s*$")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)$",
    re.I,
)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Header fields and the body; no header when the first block is not all ``Key: value``."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    block = lines[start:end]
    if not block:
        return {}, text
    if len(block) == 1 and _DATELINE.match(block[0].strip()):
        return {"date": block[0].strip()}, "\n".join(lines[end:])
    matches = [_HEADER.match(line) for line in block]
    if not all(matches) or not any(m.group(1).lower() in HEADER_FIELDS for m in matches if m):
        return {}, text
    headers = {m.group(1).strip().lower(): m.group(2) for m in matches if m}
    return headers, "\n".join(lines[end:])


HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 20


def split_headline(body: str) -> tuple[str | None, str]:
    """A headline opening the body, and the body after it; (None, body) when there is none.

    A headline is a first line standing alone (a blank line follows), of at most
    :data:`HEADLINE_MAX_WORDS` words and :data:`HEADLINE_MAX_CHARS` characters, starting with
    a capital letter, digit or quotation mark and not ending like a sentence (a full stop,
    comma, colon or semicolon) nor a byline ("By …"): the shape news copy gives a headline.
    """
    first, sep, rest = body.partition("\n\n")
    first = first.strip()
    if not sep or not rest.strip() or "\n" in first or not first:
        return None, body
    if len(first) > HEADLINE_MAX_CHARS or len(first.split()) > HEADLINE_MAX_WORDS:
        return None, body
    opens_like_a_headline = first[0].isupper() or first[0].isdigit() or first[0] in "\"“‘'"
    if first.lower().startswith("by ") or first[-1] in ".,:;" or not opens_like_a_headline:
        return None, body
    return first, rest.strip()


def read_text(text: str, source: str) -> Article:
    """One article from a text document (raises ValueError when there is no body)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    headers, body = split_header(text)
    body = body.strip()
    if not body:
        raise ValueError("empty article body" if headers else "empty file")
    fields: dict[str, object] = {}
    metadata: dict[str, str] = {}
    for key, value in headers.items():
        target = HEADER_FIELDS.get(key)
        if target is None:
            metadata[key] = value
        elif target == "authors":
            fields["authors"] = as_authors(value)
        elif target == "published":
            fields["published"] = as_date(value)
            if fields["published"] is None:
                metadata["published_raw"] = value
            else:
                fields["published_time"] = read_instant(value)
        else:
            fields[target] = value or None
    if not fields.get("title"):
        headline, rest = split_headline(body)
        if headline:
            fields["title"], body = headline, rest
    article = new_article(source, body, **fields)
    article["metadata"] = metadata
    return article
