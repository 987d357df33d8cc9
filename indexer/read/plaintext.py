"""Plain text articles: optional header lines (``Title:``, ``URL:``...) or a dateline first."""

from __future__ import annotations

import re

from indexer.read.fields import as_authors, as_date
from indexer.read.model import Article, new_article

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


def header_as_text(text: str) -> str:
    """`text` as the extractor reads a file with a header: the title's value stays (a
    headline quotes people), every other header line and the keys become spaces, so that
    offsets are still offsets into the file."""
    headers, _ = split_header(text)
    if not headers:
        return text
    out = []
    in_header, seen = True, False
    for line in text.split("\n"):
        match = _HEADER.match(line) if in_header else None
        if in_header and not line.strip():
            in_header = not seen
            out.append(line)
        elif match:
            seen = True
            keep = HEADER_FIELDS.get(match.group(1).strip().lower()) == "title"
            value = match.start(2) if keep else len(line)
            out.append(" " * value + line[value:])
        else:
            in_header = False
            out.append(line)
    return "\n".join(out)


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
            fields[target] = value or None
    article = new_article(source, body, **fields)
    article["metadata"] = metadata
    return article
