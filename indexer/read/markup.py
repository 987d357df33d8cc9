"""HTML markup found in a plain-text field (a JSON record's body, title or outlet): the text.

A JSON dump or an API client may send ``"Robert <b>Bobby</b> Tables"`` or an outlet named
``"<img src=x onerror=alert(1)>Evil Times"``. Such fields are read as a browser shows them:
tags removed (an inline tag leaves nothing, a block tag a paragraph break in a body and a
space elsewhere), script and style elements and comments removed with their content,
entities decoded. Only text holding a tag of an HTML element (the names below, from the
WHATWG HTML Living Standard's element index) counts as markup: ``"x <y and z> w"`` or
``"<3"`` are left as written.
"""

from __future__ import annotations

import html
import re
from typing import Any

# Elements of the WHATWG HTML Living Standard (https://html.spec.whatwg.org/#elements-3)
# that news text carries, and those a hostile input uses.
_INLINE_NAMES = (
    "a abbr b bdi bdo cite code data del dfn em font i img ins kbd mark q s samp small span "
    "strong sub sup time u var wbr audio video source picture svg iframe embed object input "
    "button label select option textarea math link meta base"
)
_INLINE = _INLINE_NAMES.split()
_BLOCK_NAMES = (
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
)
_BLOCK = _BLOCK_NAMES.split()
_HIDDEN = ("script", "style", "noscript", "template", "title")
_NAMES = "|".join(sorted({*_INLINE, *_BLOCK, *_HIDDEN}, key=len, reverse=True))
_TAG = re.compile(rf"</?(?:{_NAMES})(?:\s[^<>]*)?/?>", re.I)
_HIDDEN_ELEMENT = re.compile(
    rf"<({'|'.join(_HIDDEN)})\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S
)
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(_BLOCK)})(?:\s[^<>]*)?/?>", re.I)
# the fields of an article that hold plain text (the body, and one-line fields)
TEXT_FIELDS = ("body", "title", "outlet", "original_outlet", "authors")


def has_markup(text: str) -> bool:
    """Whether ``text`` holds a tag of an HTML element (or an HTML comment)."""
    return "<" in text and bool(_TAG.search(text) or "<!--" in text)


def markup_text(text: str, *, paragraphs: bool) -> str:
    """``text`` as a browser shows it: hidden elements and comments removed with their
    content, block tags made paragraph breaks (``paragraphs``) or spaces, other tags
    removed, entities decoded, runs of spaces made one. Text without markup
    (:func:`has_markup`) is returned unchanged."""
    if not has_markup(text):
        return text
    text = _HIDDEN_ELEMENT.sub("", text)
    text = _BLOCK_TAG.sub("\n\n" if paragraphs else " ", text)
    text = html.unescape(_TAG.sub("", text))
    if not paragraphs:
        return " ".join(text.split())
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(b for b in blocks if b)


def markup_note(fields: list[str]) -> str:
    """The repair warning for markup removed from ``fields`` (`strip_markup`'s answer),
    as `quotetrail index` prints it and the API's outcome carries it."""
    listed = ", ".join(fields[:5]) + (" ..." if len(fields) > 5 else "")
    return f"HTML markup in {listed} removed (plain-text fields, read as text)"


def strip_markup(article: dict[str, Any]) -> list[str]:
    """Markup removed from the plain-text fields of ``article`` (:data:`TEXT_FIELDS`), in
    place; the names of the fields that held some. A one-line field left empty is removed
    (the article then has none, as when the input gave none)."""
    changed = []
    for name in TEXT_FIELDS:
        value = article.get(name)
        if isinstance(value, list):
            texts = [markup_text(v, paragraphs=False) if isinstance(v, str) else v for v in value]
            if texts != value:
                article[name] = [t for t in texts if t]
                changed.append(name)
        elif isinstance(value, str) and has_markup(value):
            text = markup_text(value, paragraphs=name == "body")
            if name == "body" or text:
                article[name] = text
            else:
                article[name] = None
            changed.append(name)
    return changed
