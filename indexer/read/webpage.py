"""HTML pages via trafilatura: main text and metadata; navigation, comments, footers dropped."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.read.fields import as_authors, as_date
from indexer.read.model import Article, new_article
from schemas.dates import read_instant

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
_INVISIBLE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
# quotetrail's own pages (webapp/templates/base.html) say so: they are made of articles
# already indexed, so reading one would index its quotes a second time under its URL.
_OWN_PAGE = re.compile(
    r"""<meta\s+name\s*=\s*["']?generator["']?\s+content\s*=\s*["']?quotetrail\b""", re.I
)
# The page's own publication timestamp, which trafilatura (htmldate) reads as a day only: the
# Open Graph article property (https://ogp.me/#type_article), schema.org's datePublished as
# a meta itemprop or in JSON-LD (https://schema.org/datePublished).
_PUBLISHED_META = re.compile(
    r"""<meta\b(?=[^>]*\b(?:property|name|itemprop)\s*=\s*["']?"""
    r"""(?:article:published_time|og:published_time|datePublished)["'\s>])"""
    r"""[^>]*\bcontent\s*=\s*["']([^"'>]+)""",
    re.I,
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd")


@lru_cache(maxsize=1)
def _config():  # type: ignore[no-untyped-def]
    from trafilatura.settings import use_config

    config = use_config()
    # Short articles are still articles: the default minimum drops pages under 250 chars.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def paragraphs(text: str) -> str:
    """One blank line between paragraphs, as in the text inputs."""
    lines = (line.strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line)


def read_html(html: str, source: str, url: str | None = None) -> Article:
    """One article from a page (raises ValueError when there is no main text, or when the
    page is one of quotetrail's own: search results, directories, records)."""
    import trafilatura

    if not html.strip():
        raise ValueError("empty file")
    if _OWN_PAGE.search(html[:4096]):
        raise ValueError("not an article page (a quotetrail page: its quotes are indexed already)")
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        deduplicate=False,
        config=_config(),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = paragraphs(doc.text or "") if doc is not None else ""
    if not text:
        text = fragment_text(html) or stripped_text(html)
    if not text:
        raise ValueError("no article text found in the HTML")
    title = doc.title if doc is not None else None
    first, sep, rest = text.partition("\n\n")
    if title and sep and " ".join(first.split()) == " ".join(title.split()):
        text = rest  # the page's own <h1> repeated as the first paragraph
    lang = _HTML_LANG.search(html[:4096])
    published = as_date(doc.date) if doc is not None else None
    metadata = {}
    if doc is not None:
        metadata = {
            key: value
            for key, value in (("description", doc.description), ("hostname", doc.hostname))
            if value
        }
        if doc.date and published is None:  # named in a warning by indexer.read
            metadata["published_raw"] = doc.date
    published_time = published_instant(html, published)
    return new_article(
        source,
        text,
        url=(doc.url if doc is not None else None) or url,
        title=title,
        outlet=doc.sitename if doc is not None else None,
        authors=as_authors(doc.author) if doc is not None else [],
        published=published,
        published_time=published_time,
        language=(doc.language if doc is not None else None)
        or (lang.group(1).lower() if lang else None),
        metadata=metadata,
    )


def published_instant(html: str, day: str | None) -> str | None:
    """The moment (UTC, ``YYYY-MM-DDTHH:MM:SSZ``) the page's own metadata says it was
    published, when a timestamp with its zone is there and names the same day as ``day``
    (the day the article keeps); None otherwise. Read from the page's head: the Open Graph
    ``article:published_time``, a ``datePublished`` meta or JSON-LD value."""
    if day is None:
        return None
    head = html[:65536]
    for pattern in (_PUBLISHED_META, _JSON_LD_PUBLISHED):
        for match in pattern.finditer(head):
            value = match.group(1).strip()
            if as_date(value) == day:
                instant = read_instant(value)
                if instant is not None:
                    return instant
    return None


def stripped_text(html: str) -> str:
    """Last resort for markup no parser accepts (e.g. nesting too deep): tags removed."""
    import html as entities

    text = _INVISIBLE.sub(" ", html)
    text = entities.unescape(_TAG.sub(" ", text))
    return " ".join(text.split())


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (feed entry content), one paragraph per block."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # lxml's "too many bodies"
        return ""
    for bad in root.xpath("//script|//style|//nav|//footer|//form|//noscript"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCKS)]
    blocks = [b for b in blocks if b]
    if not blocks:
        return " ".join(root.text_content().split())
    return "\n\n".join(blocks)
