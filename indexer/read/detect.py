"""Format detection from the content (the first bytes), with the file name as a tie-breaker."""

from __future__ import annotations

import re

from indexer.read.decode import bom_encoding

HEAD_BYTES = 64 * 1024

# A DOCTYPE may carry an internal subset in brackets, whose declarations hold ``>`` too.
_XML_PROLOG = re.compile(
    r"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*", re.S | re.I
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jl")


def _head_text(head: bytes) -> str:
    encoding = bom_encoding(head) or "utf-8"
    try:
        return head.decode(encoding, errors="ignore")
    except LookupError:  # pragma: no cover - the BOM table only names real codecs
        return head.decode("latin-1")


def detect(head: bytes, name: str) -> str:
    """One of warc, arc, feed, html, json, jsonl, text."""
    text = _head_text(head).lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("WARC/"):
        return "warc"
    if stripped.startswith("filedesc://"):
        return "arc"
    base = name.lower()
    for gz in (".gz", ".gzip"):
        base = base.removesuffix(gz)
    if stripped.startswith(("{", "[")):
        if base.endswith(_JSONL_SUFFIXES) or _first_line_is_object(stripped):
            return "jsonl"
        return "json"
    if stripped.startswith("<"):
        rest = stripped[_XML_PROLOG.match(stripped).end() :]
        if _FEED_ROOT.match(rest):
            return "feed"
        if base.endswith((".rss", ".atom", ".feed")) and rest.startswith("<?xml"):
            return "feed"
        return "html"  # markup of some kind: the HTML reader finds the text or says why not
    if base.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if base.endswith(".json"):
        return "json"
    if base.endswith((".html", ".htm", ".xhtml", ".shtml")) and "<" in stripped[:4096]:
        return "html"
    return "text"


def _first_line_is_object(text: str) -> bool:
    """JSON Lines when the first line alone is a complete JSON object."""
    import json

    line, newline, _ = text.partition("\n")
    if not newline:
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
