"""House styles of the English-language press: each shared case is a small invented article
and what a reader must find in it (`../shared/cases/house-styles/README.md`).

The cases are read at test time, never copied in; each expected entry is one test. An
article is prepared as `quotetrail index` prepares it: the reader parses the Title:/Outlet:/
Date: header, boilerplate cleaning runs on the body, and the title is part of the text the
extractor reads.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from indexer.extract.article import extract_article
from indexer.read.boilerplate import clean_body
from indexer.read.plaintext import read_text

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases" / "house-styles"
_QUOTES_AND_APOSTROPHES = re.compile(
    "[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb`]"
)


def normalised(text: str) -> str:
    """Compare as the README says: no quotation marks or apostrophes, collapsed whitespace,
    lower case."""
    return " ".join(_QUOTES_AND_APOSTROPHES.sub("", text).split()).lower()


def _as_set(value: object) -> set[str | None]:
    values = value if isinstance(value, list) else [value]
    return {normalised(v) if isinstance(v, str) else v for v in values}


@cache
def prepared(path: Path) -> tuple[dict, list[dict]]:
    """The article as the indexer reads it, and its attributions."""
    article = read_text(path.read_text(encoding="utf-8"), path.name)
    body = clean_body(article["body"]).body.strip()
    article["body"] = body
    return article, extract_article(article.get("title"), body)


def line_of(article: dict, att: dict) -> str:
    """The source line the attribution's content comes from ("Title: ..." for the title)."""
    if att["part"] == "title":
        return f"Title: {article['title']}"
    body = article["body"]
    start = att["content_spans"][0][0]
    return body[body.rfind("\n", 0, start) + 1 : body.find("\n", start) % (len(body) + 1)]


def _entries() -> list:
    params = []
    for expected in sorted(CASES.glob("*.expected.json")):
        case = expected.with_name(expected.name.removesuffix(".expected.json") + ".txt")
        for number, entry in enumerate(json.loads(expected.read_text(encoding="utf-8"))):
            words = entry.get("content_contains") or entry.get("content_equals") or ""
            label = ("must_not " if entry.get("must_not") else "") + " ".join(words.split()[:6])
            params.append(pytest.param(case, entry, id=f"{case.stem}#{number} {label}"))
    return params


def describe(found: list[dict]) -> str:
    return "\n".join(
        f"  [{a['kind']}] {a['speaker']!r} {a['cue']!r} via {a['via_outlets']}: {a['content']!r}"
        for a in found
    )


def matches(att: dict, entry: dict, article: dict) -> bool:
    """Does the attribution satisfy every key the entry gives (README rules)?"""
    if "content_equals" in entry:
        if normalised(att["content"]) != normalised(entry["content_equals"]):
            return False
    elif normalised(entry["content_contains"]) not in normalised(att["content"]):
        return False
    if "speaker" in entry and normalised(att["speaker"] or "") not in _as_set(entry["speaker"]):
        return False
    if entry.get("must_not"):
        return True
    cue = normalised(att["cue"]) if att["cue"] is not None else None
    if "cue" in entry and cue not in _as_set(entry["cue"]):
        return False
    if "kind" in entry and att["kind"] not in _as_set(entry["kind"]):
        return False
    if entry.get("via") is not None and sorted(att["via_outlets"]) != sorted(entry["via"]):
        return False
    start = entry.get("line_startswith")
    return not start or line_of(article, att).startswith(start)


@pytest.mark.parametrize(("case", "entry"), _entries())
def test_house_style_case(case: Path, entry: dict) -> None:
    article, found = prepared(case)
    hits = [a for a in found if matches(a, entry, article)]
    if entry.get("must_not"):
        assert not hits, f"{entry['why']}; found:\n{describe(hits)}"
    else:
        assert hits, f"{entry['tests']}: {entry}\nextracted:\n{describe(found)}"
