"""A newsroom's authority file: the people and organizations it already tracks.

``quotetrail people import FILE`` reads CSV (a header row) or JSON Lines, one person or
organization a row: ``name``, ``aliases``, ``type`` (person, organization; default person),
``wikidata_id``, ``party``, ``country`` and ``roles`` with dates. In CSV, aliases are
separated by ``|`` and roles by ``;``, each ``Title`` or ``Title (START..END)`` with ISO
dates, either side optional (``Governor of Ohio (2011-01-10..2019-01-14)``); in JSON Lines
they are a list of names and a list of ``{"title", "start", "end"}`` objects.

Each entry becomes a canonical speaker marked ``authority``: one already stored under the
same name or alias (the linker's earlier record) is completed in place, so its quotes stay
with it; the linker prefers authority speakers from then on. A bad row is reported with the
file, line and field and the other rows load; a name that is also an outlet's is reported
and the alias is left out, never merged silently.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.link.speakers import fold
from schemas.ids import slug
from schemas.speaker import AuthorityEntrySchema
from schemas.validation import RecordError, load
from store.base import Store

CSV_COLUMNS = ("name", "aliases", "type", "wikidata_id", "party", "country", "roles")
_ROLE = re.compile(r"^(?P<title>[^()]+?)\s*(?:\((?P<start>[^.()]*)\.\.(?P<end>[^.()]*)\))?$")


class AuthorityFileError(RecordError):
    """The authority file cannot be read at all (missing, not CSV or JSON Lines)."""


@dataclass
class AuthorityImport:
    """What an import did: speakers written (``created`` new, ``completed`` existing) and
    one ``problems`` line per row or name left out, as ``FILE:LINE: field (value): why``."""

    created: int = 0
    completed: int = 0
    problems: list[str] = field(default_factory=list)


def _csv_roles(text: str) -> list[dict[str, Any]] | str:
    roles: list[dict[str, Any]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = _ROLE.match(part)
        if match is None:
            return part  # the part that does not read as a role
        roles.append(
            {
                "title": match["title"],
                "start": (match["start"] or "").strip() or None,
                "end": (match["end"] or "").strip() or None,
            }
        )
    return roles


def _csv_rows(path: Path, text: str) -> tuple[list[tuple[int, Any]], list[str]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    problems = [
        f"{path}:1: column {h!r}: unknown (known: {', '.join(CSV_COLUMNS)}); ignored"
        for h in header
        if h not in CSV_COLUMNS
    ]
    if "name" not in header:
        raise AuthorityFileError(f"{path}: the CSV header has no 'name' column")
    rows: list[tuple[int, Any]] = []
    for raw in reader:
        line = reader.line_num
        row = {
            k.strip(): (v or "").strip()
            for k, v in raw.items()
            if k is not None and k.strip() in CSV_COLUMNS
        }
        entry: dict[str, Any] = {k: v for k, v in row.items() if v}
        entry["name"] = row.get("name", "")
        entry["aliases"] = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        roles = _csv_roles(row.get("roles", ""))
        if isinstance(roles, str):
            problems.append(
                f"{path}:{line}: roles ({roles!r}): expected 'Title' or"
                " 'Title (START..END)' with ISO dates"
            )
            continue
        entry["roles"] = roles
        rows.append((line, entry))
    return rows, problems


def _jsonl_rows(path: Path, text: str) -> tuple[list[tuple[int, Any]], list[str]]:
    rows: list[tuple[int, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            problems.append(f"{path}:{number}: record: not JSON ({error.msg})")
    return rows, problems


def read_authority(path: str | Path) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """The valid entries of an authority file as (line, entry), and one line per problem.

    The format is JSON Lines when the first non-blank character is ``{``, else CSV.
    Raises :class:`AuthorityFileError` when the file cannot be read or has no name column.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise AuthorityFileError(f"{path}: cannot read the authority file ({error})") from None
    reader = _jsonl_rows if text.lstrip().startswith("{") else _csv_rows
    raw_rows, problems = reader(path, text)
    schema = AuthorityEntrySchema()
    entries: list[tuple[int, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for line, raw in raw_rows:
        try:
            entry = load(schema, raw)
        except RecordError as error:
            problems.append(f"{path}:{line}: {error}")
            continue
        entry["name"] = " ".join(entry["name"].split())
        first = seen.setdefault(fold(entry["name"]), line)
        if first != line:
            problems.append(f"{path}:{line}: name ({entry['name']!r}): already on line {first}")
            continue
        entries.append((line, entry))
    return entries, sorted(problems, key=_line_of)


def _line_of(problem: str) -> int:
    """The line number a problem names (``FILE:LINE: ...``), to report them in file order."""
    match = re.search(r":(\d+): ", problem)
    return int(match.group(1)) if match else 0


def _speaker_for(store: Store, entry: dict[str, Any]) -> dict[str, Any] | None:
    """The stored speaker this entry completes: same type, named by its name or an alias."""
    for name in (entry["name"], *entry["aliases"]):
        for found in store.find_speakers(name, limit=10):
            if found.get("type", "unknown") in (entry["type"], "unknown"):
                return found
    return store.get_speaker(slug(entry["name"]))


def import_people(store: Store, path: str | Path) -> AuthorityImport:
    """Load an authority file into the store's canonical speakers (see the module doc).

    Raises :class:`AuthorityFileError` when the file cannot be read; row problems are
    returned in :attr:`AuthorityImport.problems`.
    """
    entries, problems = read_authority(path)
    result = AuthorityImport(problems=problems)
    records: list[dict[str, Any]] = []
    for line, entry in entries:
        kept_aliases = []
        for name in (entry["name"], *entry["aliases"]):
            outlets = store.find_outlets(name, limit=1) if entry["type"] == "person" else []
            if outlets:
                result.problems.append(
                    f"{path}:{line}: {'name' if name == entry['name'] else 'aliases'}"
                    f" ({name!r}): also the outlet {outlets[0]['name']!r}"
                    f" ({outlets[0]['id']}); not merged"
                    + ("" if name == entry["name"] else ", alias left out")
                )
            elif name != entry["name"]:
                kept_aliases.append(name)
        stored = _speaker_for(store, entry)
        record = dict(stored) if stored else {"id": slug(entry["name"]), "merged_from": []}
        names = {fold(n) for n in (record.get("name", ""), *record.get("aliases", []))}
        aliases = list(record.get("aliases", []))
        if stored and fold(stored["name"]) != fold(entry["name"]):
            aliases.append(stored["name"])  # the linker's name becomes an alias
        aliases += [a for a in kept_aliases if fold(a) not in names | {fold(entry["name"])}]
        titles = [r["title"] for r in entry["roles"]]
        record.update(
            name=entry["name"],
            aliases=[a for a in dict.fromkeys(aliases) if fold(a) != fold(entry["name"])],
            type=entry["type"],
            roles=list(dict.fromkeys([*titles, *record.get("roles", [])])),
            authority=True,
            wikidata_id=entry.get("wikidata_id"),
            party=entry.get("party"),
            country=entry.get("country"),
            dated_roles=[{k: _iso(v) for k, v in r.items()} for r in entry["roles"]],
        )
        records.append(record)
        if stored:
            result.completed += 1
        else:
            result.created += 1
    if records:
        store.put_speakers(records)
    return result


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
