"""Mapping input records onto the article fields: known aliases, ``--map``, normalization."""

from __future__ import annotations

import math
import re
from typing import Any

from indexer.read.model import Article, new_article
from quotetrail.errors import MappingError as MappingError
from schemas.dates import read_date, read_instant

# Canonical field -> names other dumps use for it, tried in order when the canonical
# name is absent. Explicit ``--map`` entries win over these.
ALIASES: dict[str, tuple[str, ...]] = {
    "body": ("content", "text", "article_body", "articleBody", "full_text", "fulltext", "story"),
    "title": ("headline", "heading"),
    "published": (
        "date",
        "published_at",
        "publishedAt",
        "pubDate",
        "datePublished",
        "pub_date",
        "publication_date",
        "created_at",
    ),
    "outlet": ("source", "site_name", "sitename", "publisher", "source_name", "newspaper"),
    "url": ("link", "canonical_url", "web_url", "uri", "href"),
    "authors": ("author", "byline", "creator", "creators", "writers"),
    "language": ("lang", "language_code"),
    "original_outlet": (),
    "original_url": (),
}
FIELDS = tuple(ALIASES)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")


def parse_field_map(specs: list[str] | None) -> dict[str, str]:
    """``["body=content,published=date"]`` -> ``{"body": "content", "published": "date"}``."""
    mapping: dict[str, str] = {}
    for spec in specs or []:
        for part in filter(None, (p.strip() for p in spec.split(","))):
            target, eq, source = part.partition("=")
            target, source = target.strip(), source.strip()
            if not eq or not target or not source:
                raise MappingError(f"--map expects FIELD=INPUT_FIELD, got {part!r}")
            if target not in FIELDS:
                raise MappingError(
                    f"--map: unknown article field {target!r} (one of {', '.join(FIELDS)})"
                )
            mapping[target] = source
    return mapping


def _lookup(record: dict[str, Any], path: str) -> tuple[bool, Any]:
    """A field by name or dotted path (``source.name``)."""
    if path in record:
        return True, record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return False, None
        value = value[part]
    return True, value


def as_text(value: Any) -> str | None:
    """A field's text: a string stripped, the name of an object (``name``, ``title`` or
    ``id``), list items joined; None when empty or when an object names nothing."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v is not None)
    text = str(value).strip()
    return text or None


def as_authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        items: list[Any] = _AUTHOR_SPLIT.split(value)
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    names = (as_text(item) for item in items)
    return [name for name in names if name]


def as_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) as written, without moving it across time zones; None when
    the value says no one day (``schemas.dates.read_date`` gives the reason)."""
    return read_date(value).iso


# What a JSON record's field may hold, by article field: text fields take a string (or an
# object naming it, as news APIs write ``"source": {"name": "Reuters"}``), the date a
# string or epoch number, the authors a string, an object or a list of them.
_TEXT = (str, dict)
ACCEPTED: dict[str, tuple[type, ...]] = {
    "body": (str,),
    "title": _TEXT,
    "published": (str, int, float),
    "outlet": _TEXT,
    "url": _TEXT,
    "authors": (str, dict, list),
    "language": _TEXT,
    "original_outlet": _TEXT,
    "original_url": _TEXT,
}
_EXPECTED = {"published": "a date (text or epoch number)", "authors": "text or a list of names"}


def json_type(value: Any) -> str:
    """The JSON name of a value's type, as a person reads it: ``a number``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "text"


def _field_problem(target: str, name: str, value: Any) -> str | None:
    """Why input field ``name`` cannot be article field ``target``, or None when it can."""
    fits = isinstance(value, ACCEPTED[target]) and not isinstance(value, bool)
    names_something = not isinstance(value, dict) or target == "authors" or bool(as_text(value))
    if fits and names_something:
        return None
    label = f"field {name!r}" if name == target else f"field {name!r} (the {target})"
    expected = _EXPECTED.get(target, "text")
    return f"{label} is {json_type(value)}, expected {expected}"


def from_record(
    record: dict[str, Any], source: str, field_map: dict[str, str]
) -> tuple[Article, list[str]]:
    """An article from a JSON object, and notes on the fields left out of it.

    Fields it does not map stay in ``metadata``; so does a field of the wrong type (see
    ``ACCEPTED``), which is left out of the article with a note naming it and the type
    found. Raises ValueError when no body can be found (naming the keys that were there)
    or when the body is not text (naming the field and the type found).
    """
    used: set[str] = set()
    values: dict[str, Any] = {}
    notes: list[str] = []
    present: dict[str, tuple[str, Any]] = {}  # target -> the first field found, even empty
    for target, aliases in ALIASES.items():
        names = [field_map[target]] if target in field_map else [target, *aliases]
        for name in names:
            found, value = _lookup(record, name)
            if found:
                present.setdefault(target, (name, value))
            if found and value not in (None, "", []):
                problem = _field_problem(target, name, value)
                if problem is None:
                    values[target] = value
                    used.add(name.split(".")[0])
                elif target == "body":
                    raise ValueError(problem)
                else:
                    notes.append(f"{problem}: left out (kept in metadata)")
                break
    body = values.get("body")
    if not isinstance(body, str) or not body.strip():
        keys = ", ".join(list(record)[:8])
        if "body" in present:
            name, value = present["body"]
            if not isinstance(value, str):
                raise ValueError(_field_problem("body", name, value))
            hint = f"field {name!r} is empty"
        elif "body" in field_map:
            hint = f"field {field_map['body']!r} missing"
        else:
            hint = "no body field"
        raise ValueError(f"{hint} (keys: {keys}; use --map body=FIELD)")
    metadata = {k: v for k, v in record.items() if k not in used}
    published = as_date(values.get("published"))
    if values.get("published") is not None and published is None:
        metadata["published_raw"] = values["published"]
    if "id" in metadata:
        metadata["input_id"] = metadata.pop("id")
    article = new_article(
        source,
        body,
        url=as_text(values.get("url")),
        title=as_text(values.get("title")),
        outlet=as_text(values.get("outlet")),
        authors=as_authors(values.get("authors")),
        published=published,
        published_time=read_instant(values.get("published")) if published else None,
        language=as_text(values.get("language")),
        original_outlet=as_text(values.get("original_outlet")),
        original_url=as_text(values.get("original_url")),
    )
    article["metadata"] = plain_json(metadata)
    return article, notes


def plain_json(value: Any) -> Any:
    """Values every engine accepts: no NaN or infinity, no non-JSON types."""
    if isinstance(value, dict):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# What a spreadsheet reads as a formula when a cell starts with it (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "@", "-")
NAME_FIELDS = ("outlet", "original_outlet")


def drop_formula_names(article: dict[str, Any]) -> list[str]:
    """Leave out, in place, an outlet name or author that is a spreadsheet formula
    (``=HYPERLINK("http://evil","Evil Times")``: it starts with one of
    :data:`FORMULA_STARTS` and holds a parenthesis or a cell reference); the article's
    outlet is then found from its URL as when none is given. Returns the fields changed."""

    def formula(value: Any) -> bool:
        text = str(value or "").strip()
        return text.startswith(FORMULA_STARTS) and bool(re.search(r"[(!]|\$?[A-Z]+\$?\d", text))

    changed = []
    for name in NAME_FIELDS:
        if formula(article.get(name)):
            article[name] = None
            changed.append(name)
    authors = article.get("authors") or []
    if any(formula(a) for a in authors):
        article["authors"] = [a for a in authors if not formula(a)]
        changed.append("authors")
    return changed
