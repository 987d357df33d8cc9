"""Article-structure cleaning before extraction: dateline, syndication line, page footers.

Syndicated copies start with a dateline ("May 23, 2024") and end with "Read the original
article on Business Insider" followed by the host page's comment form. The dateline and the
original outlet are article facts; none of these lines may reach the attribution extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateutil import parser as dateparser

_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s+)?"
    r"(?P<date>(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}))"
    r"(?:\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
# "WASHINGTON (AP) — ", "SAN JOSE, Calif., Feb. 10, 2025 (Reuters) - ": a wire dateline;
# the agency in brackets wrote the story (AP style).
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:,\s+[A-Z][A-Za-z.]{1,12})?,?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?,?\s+)?"
    r"\((?P<wire>[A-Z][A-Za-z.&' -]{0,38}[A-Za-z.])\)\s*[-\u2013\u2014]+\s"
)
# A syndication credit: "Read the original article on X", "This story was first published by
# X and is republished with permission", "Republished with permission of X".
_CREDIT = (
    r"(?:read the original (?:article|story) (?:on|at|from)|this (?:article|story) "
    r"(?:was )?(?:originally|first) (?:appeared|published) (?:on|in|at|by)|originally "
    r"published (?:on|in|at|by)|(?:this article|story) (?:is )?republished from|"
    r"(?:re)?published (?:here )?with permission (?:of|from))\s+(?P<outlet>.+?)\s*$"
)
_SYNDICATION = re.compile("^" + _CREDIT, re.IGNORECASE)
SYNDICATION_CREDIT = re.compile(_CREDIT, re.IGNORECASE)
# Where a credited outlet's name ends: the credit's next sentence ("... wire. Read the
# original ...", never "St. Louis") or clause ("Metro Ledger and is republished ...").
_NAME_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])|\s+(?:and|which|where|who|under|with)\s")
# "the Continental Press Agency wire": the article and the medium are not the name.
_MEDIUM = re.compile(r"\s+(?:news\s?)?(?:wire|website|site|service)$", re.IGNORECASE)


def credited_outlet(line: str) -> str | None:
    """The outlet a syndication credit line names, or None when `line` is no credit.

    "This article originally appeared on the Continental Press Agency wire. Read the
    original article on wire.example." -> "Continental Press Agency"; "This story was first
    published by Metro Ledger and is republished with permission." -> "Metro Ledger".
    The name ends at the credit's next sentence or clause; a leading lower-case "the" and a
    trailing medium ("wire", "website") are dropped, a capitalised "The" is the name's.
    """
    found = SYNDICATION_CREDIT.search(line.strip())
    if found is None:
        return None
    name = _NAME_END.split(found.group("outlet"), maxsplit=1)[0].strip(" *_.")
    name = _MEDIUM.sub("", name.removeprefix("the ")).strip(" *_.")
    return name or None


# Lines after which the rest of the page is a comment form, never article text.
_CUT = re.compile(
    r"^(?:leave a (?:reply|comment)|comments are closed|\d+ comments?|"
    r"join the conversation|post navigation)\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:your email address will not be published|required fields are marked|"
    r"sign up (?:for|to) (?:our|the) \w*\s*newsletter|subscribe to (?:our|the) \w*\s*newsletter|"
    r"share this(?: article| story)?:?$|related (?:posts|articles|stories):?$|"
    r"click here to (?:subscribe|sign up)|advertisement$|save my name, email)",
    re.IGNORECASE,
)


@dataclass
class CleanedBody:
    """The article text to index, with facts read from its structure."""

    body: str
    published: str | None = None
    original_outlet: str | None = None
    removed: list[str] = field(default_factory=list)
    wire: str | None = None  # the agency of a wire dateline opening the text ("(AP) —")


def clean_body(text: str) -> CleanedBody:
    """Strip the dateline, syndication line and page boilerplate; keep paragraph breaks.
    Also notes the agency of a wire dateline opening the text ("WASHINGTON (AP) — ")."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    removed: list[str] = []
    published = outlet = wire = None
    seen_text = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            continue
        if not seen_text and published is None and (date := _date(stripped)):
            published = date
            removed.append(stripped)
            continue
        if _SYNDICATION.match(stripped):
            outlet = outlet or credited_outlet(stripped)
            removed.append(stripped)
            continue
        if _CUT.match(stripped):
            removed += [x.strip() for x in lines[number:] if x.strip()]
            break
        if _FOOTER.match(stripped):
            removed.append(stripped)
            continue
        if not seen_text and (match := _WIRE_DATELINE.match(stripped)):
            wire = match.group("wire")
        seen_text = True
        kept.append(line)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return CleanedBody(body, published, outlet, removed, wire)


def _date(line: str) -> str | None:
    match = _DATELINE.match(line)
    if not match:
        return None
    try:
        return dateparser.parse(match.group("date")).date().isoformat()
    except (ValueError, OverflowError):
        return None
