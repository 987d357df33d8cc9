"""Syndicated copies: an article republished from another outlet points at its original.

Evidence, strongest first: a stored article with the identical normalized body (the
syndication footer does not count), the original's URL, or the "Read the original article
on X" footer that names the original outlet, or a byline or sign-off naming a known outlet
("Author: CPA", "- CPA": :func:`signing_outlets`; the linker then finds the agency's article
carrying the same statements). Of two articles with one body, the one
published first (day, then moment) is the original; on a tie, the one not saying it is a
copy.
"""

from __future__ import annotations

import re
from typing import Any

from indexer.read.boilerplate import SYNDICATION_CREDIT, credited_outlet
from schemas.ids import article_id, digest, normalize_text
from store.base import Store

_TAIL_LINES = 3
# "- CPA", "— Reuters": an agency's sign-off, alone on the last line of the text
_SIGN_OFF = re.compile(r"^[-\u2013\u2014]+\s*(?P<outlet>[A-Z][\w.&' -]{1,38}?)\s*$")
_SIGN_OFF_WORDS = 4


def footer_outlet(body: str) -> str | None:
    """The outlet a syndication footer in the last lines of the body names, if any."""
    for line in body.rstrip().splitlines()[-_TAIL_LINES:][::-1]:
        if outlet := credited_outlet(line):
            return outlet
    return None


def signing_outlets(article: dict[str, Any]) -> list[str]:
    """Who the article says wrote it, when that may be an agency: its byline (``authors``)
    and a sign-off alone on the last line of the body ("- CPA", "— Reuters": AP style
    for agency copy), sign-off first; names of at most four words. The caller keeps those
    naming a known outlet other than the article's own (a byline is usually a reporter)."""
    lines = (article.get("body") or "").rstrip().splitlines()
    found = _SIGN_OFF.match(lines[-1].strip()) if lines else None
    names = [found.group("outlet")] if found else []
    names += [a for a in article.get("authors") or [] if isinstance(a, str)]
    return [n.strip() for n in names if 0 < len(n.split()) <= _SIGN_OFF_WORDS]


def strip_footer(body: str) -> str:
    lines = body.rstrip().splitlines()
    while lines and (not lines[-1].strip() or SYNDICATION_CREDIT.search(lines[-1].strip())):
        lines.pop()
    return "\n".join(lines)


def body_hash(body: str) -> str:
    """Hash of the normalized body without a syndication footer: copies hash alike."""
    return "b-" + digest("body", normalize_text(strip_footer(body)), length=24)


def find_original(
    store: Store, article: dict[str, Any], same_body: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The article this one copies, or None when it is (as far as known) original.

    ``same_body`` are the articles with its body hash: stored ones, and those linked
    earlier in this process that may not be stored yet (the pipeline writes by batch).
    """
    own = article["id"]
    original_url = article.get("original_url")
    if original_url:
        found = store.get_article(article_id(original_url, ""))
        if found is not None and found["id"] != own:
            return _root(store, found)
    copies = {a["id"]: a for a in same_body if a["id"] != own}
    for copy_id in [i for i, a in copies.items() if a.get("syndicated_from") == own]:
        del copies[copy_id]  # our own copies: re-linking the original must not loop
    if not copies:
        return None
    first = min(
        copies.values(),
        key=lambda a: (a.get("published") is None, str(a.get("published") or ""), a["id"]),
    )
    if not names_original(article) and (_earlier(article, first) or names_original(first)):
        return None  # we predate the stored copy, or it says it is a copy and we do not
    return _root(store, first)


def names_original(article: dict[str, Any]) -> bool:
    """Whether the article says it is a copy: an original outlet given, or a footer."""
    return bool(article.get("original_outlet") or footer_outlet(article.get("body") or ""))


def _earlier(article: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether ``article`` was published before ``other``: an earlier day, or on one day an
    earlier moment (``published_time``, when both have one)."""
    mine, theirs = article.get("published"), other.get("published")
    if not mine or not theirs:
        return False
    if str(mine) != str(theirs):
        return str(mine) < str(theirs)
    mine_time, their_time = article.get("published_time"), other.get("published_time")
    return bool(mine_time and their_time and mine_time < their_time)


def _root(store: Store, found: dict[str, Any]) -> dict[str, Any]:
    """Follow ``syndicated_from`` to the first article (a copy of a copy names the source)."""
    seen = {found["id"]}
    while found.get("syndicated_from") and found["syndicated_from"] not in seen:
        parent = store.get_article(found["syndicated_from"])
        if parent is None:
            break
        seen.add(parent["id"])
        found = parent
    return found
