"""Canonical outlets: one record per outlet, whatever name or domain an article uses for it.

"Reuters", "reuters.com" and "Thomson Reuters" are one outlet; so are "TASS" and
"state-owned media outlet TASS". Descriptors are stripped, a small table knows the big
wires, and every (name, domain) pair seen on an article teaches the record its domain.

A stated outlet always wins: a name resolves by name (its own, an alias, a known wire's),
never by the article's host, so "Outlet: Metro Ledger" is never relabelled by the outlet
that first came from the same domain. A host is evidence only when no name is stated, and
an aggregator host (``lexicon.AGGREGATOR_DOMAINS``, or any host found carrying two stated
outlets) is none at all: no outlet keeps it as its domain.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from indexer.lexicon import AGGREGATOR_DOMAINS, KNOWN_OUTLETS
from schemas.ids import slug
from store.base import Store

_ADJECTIVES = (
    r"state[- ]owned|state[- ]run|state[- ]controlled|state|government[- ]run|official|"
    r"independent|online|local|regional|national|private|public|pro[- ]\w+|\w+n"
)
_NOUNS = (
    r"media outlet|news outlet|outlet|news agency|newswire|wire service|agency|newspaper|"
    r"daily|broadcaster|tv channel|television channel|channel|news site|news website|"
    r"website|publication|tabloid|magazine|radio station|radio|broadcasting company"
)
_LEADING = re.compile(
    # descriptors are lowercase nouns: "Channel 9 News" keeps its "Channel"
    rf"^(?i:the\s+)?(?:\w+['’]s\s+)?(?i:(?:{_ADJECTIVES})\s+)*(?:{_NOUNS})\s+(?=\S)"
)
_TRAILING = re.compile(
    # lowercase too: "TASS news agency" loses it, "American Wire Service" is a name as written
    r"\s+(?:media outlet|news outlet|news agency|newspaper|broadcaster|news site|website|"
    r"(?i:tv) channel|wire service)$"
)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_QUALIFIER = re.compile(r"\(([^()]{1,40})\)\s*$")
_SEPARATOR = re.compile(r"\s+[—–|]\s+|\s+-\s+")
_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_DOMAIN_RE = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:].*)?$", re.I)


def clean_name(name: str) -> str:
    """The outlet's own name without article, descriptors, possessive or feed decorations
    ("STA — State Telegraph Agency of Karsk (English service)" -> "STA")."""
    text = _PARENTHESIS.sub("", " ".join(name.split())).strip(" ,.;:\"'“”")
    text = _SEPARATOR.split(text)[0].strip() or text
    stripped = _LEADING.sub("", text)
    stripped = _TRAILING.sub("", stripped)
    stripped = _POSSESSIVE.sub("", stripped).strip(" ,")
    return stripped or text


def qualifier(name: str) -> str | None:
    """The qualifier in parentheses that ends an outlet name ("The Star (Kenya)" -> "Kenya"),
    or None. :func:`clean_name` drops it; it tells namesakes on other domains apart."""
    found = _QUALIFIER.search(" ".join(name.split()))
    return found.group(1).strip() or None if found else None


def domain_of(value: str | None) -> str | None:
    """``www.reuters.com/world/x`` -> ``reuters.com``; None when it is not a domain or URL."""
    if not value or " " in value.strip():
        return None
    value = value.strip()
    if "://" in value:
        host = urlsplit(value).hostname or ""
        return re.sub(r"^www\.", "", host.lower()) or None
    found = _DOMAIN_RE.match(value)
    return found.group(1).lower() if found else None


def initials(name: str) -> str:
    """ "Continental Press Agency" -> "CPA" (articles and "of" do not count)."""
    return "".join(
        w[0]
        for w in re.findall(r"[A-Za-z]\w*", name)
        if w.casefold() not in {"the", "of", "and", "for"}
    ).upper()


def _key(name: str) -> str:
    return _THE.sub("", name).casefold()


def is_short_form(name: str, outlet: str | None) -> bool:
    """Whether outlet name ``name`` is a short form of ``outlet``: its words (after
    :func:`clean_name`, without "the", case-folded) are the final words of ``outlet``'s and
    fewer ("the Gazette" of "The Northshire Gazette", "Herald" of "The Daily Herald"). An
    article's own outlet goes by such a short form in its text ("told the Gazette")."""
    if not outlet or not name.strip():
        return False
    words = _key(clean_name(name)).split()
    whole = _key(clean_name(outlet)).split()
    return 0 < len(words) < len(whole) and whole[-len(words) :] == words


class OutletBook:
    """Resolves outlet names and domains to canonical records, creating them on first sight.

    Records it creates or extends are collected in ``dirty`` for the caller to write.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_key: dict[str, str] = {}
        self.by_domain: dict[str, str] = {}
        self.dirty: dict[str, dict[str, Any]] = {}
        self.aggregators: set[str] = set(AGGREGATOR_DOMAINS)  # hosts of several outlets
        self._known_key: dict[str, str] = {}
        self._known_domain: dict[str, str] = {}
        for canonical, (aliases, domains) in KNOWN_OUTLETS.items():
            for alias in (canonical, *aliases):
                self._known_key[_key(alias)] = canonical
            for domain in domains:
                self._known_domain[domain] = canonical

    def knows(self, name: str) -> bool:
        """Whether ``name`` is an outlet already known (built in, or seen in this process)."""
        key = _key(clean_name(name))
        return key in self.by_key or key in self._known_key

    def resolve(
        self, name: str | None, url_or_domain: str | None = None, *, create: bool = True
    ) -> dict[str, Any] | None:
        """The canonical outlet for a name and/or the domain of a URL: by the name when one
        is given (the domain is then only learned), else by the domain."""
        domain = domain_of(url_or_domain)
        raw = " ".join(name.split()) if name and name.strip() else None
        if raw and domain_of(raw) and not domain:
            domain, raw = domain_of(raw), None
        if domain and self._is_aggregator(domain):
            domain = None
        cleaned = clean_name(raw) if raw else None
        record = self._lookup(cleaned, domain)
        if record is not None and raw and cleaned and self._namesake(record, raw, domain):
            record = self._qualified(f"{cleaned} ({qualifier(raw)})", domain)
        if record is None:
            known = self._known_key.get(_key(cleaned)) if cleaned else None
            known = known or self._known_domain.get(domain or "")
            if not create or not (known or cleaned):
                return None
            record = self._new(known or cleaned or "")
        self._learn(record, [raw, cleaned], domain)
        return record

    def _namesake(self, record: dict[str, Any], raw: str, domain: str | None) -> bool:
        """Whether ``raw`` ("The Star (Kenya)") names another outlet than ``record`` of the
        same name ("The Star (Lebanon)"): it carries a qualifier in parentheses that
        ``record`` was never named with, and comes from a (non-aggregator) domain other
        than the record's own."""
        if not qualifier(raw) or not domain or not record.get("domains"):
            return False
        if domain in record["domains"] or record["id"] in self._known_ids():
            return False
        names = {_key(n) for n in (record["name"], *record.get("aliases", []))}
        return _key(raw) not in names

    def _known_ids(self) -> set[str]:
        return {slug(canonical) for canonical in KNOWN_OUTLETS}

    def _qualified(self, name: str, domain: str | None) -> dict[str, Any]:
        """The outlet named with its qualifier ("The Star (Kenya)", id ``the-star-kenya``):
        known in this process, stored with ``domain``, or new."""
        known = self.by_key.get(_key(name))
        if known is not None:
            return self.by_id[known]
        if domain:
            for found in self.store.find_outlets(domain, limit=5):
                if domain in found.get("domains", []):
                    return self._remember(found)
        return self._new(name)

    def _is_aggregator(self, domain: str) -> bool:
        return any(domain == a or domain.endswith("." + a) for a in self.aggregators)

    def _carries_several(self, domain: str, owner: str) -> None:
        """``domain`` carries more than one outlet: it leaves the outlet that had it."""
        self.aggregators.add(domain)
        del self.by_domain[domain]
        record = self.by_id[owner]
        if domain in record.get("domains", []):
            record["domains"] = [d for d in record["domains"] if d != domain]
            self.dirty[record["id"]] = record

    def _lookup(self, cleaned: str | None, domain: str | None) -> dict[str, Any] | None:
        ids: list[str] = []
        if cleaned:
            key = _key(cleaned)
            known = self._known_key.get(key)
            if key in self.by_key:
                ids.append(self.by_key[key])
            elif known and _key(known) in self.by_key:
                ids.append(self.by_key[_key(known)])
        if not ids and domain and not cleaned:
            if domain in self.by_domain:
                ids.append(self.by_domain[domain])
            elif domain in self._known_domain and _key(self._known_domain[domain]) in self.by_key:
                ids.append(self.by_key[_key(self._known_domain[domain])])
        if not ids and cleaned and cleaned.isupper() and 2 <= len(cleaned) <= 6:
            ids = [i for i, r in sorted(self.by_id.items()) if initials(r["name"]) == cleaned]
            ids = ids if len(ids) == 1 else []  # "CPA": the one known outlet with those initials
        if ids:
            return self.by_id[ids[0]]
        probes = [p for p in (cleaned, self._known_key.get(_key(cleaned or ""))) if p]
        if not cleaned and domain:
            probes.append(domain)
            if domain in self._known_domain:
                probes.append(self._known_domain[domain])
        for probe in probes:
            for found in self.store.find_outlets(probe, limit=5):
                return self._remember(found)
        return None

    def _new(self, canonical: str) -> dict[str, Any]:
        aliases, domains = KNOWN_OUTLETS.get(canonical, ((), ()))
        outlet_id = slug(canonical)
        existing = self.store.get_outlet(outlet_id)
        if existing is not None:
            return self._remember(existing)
        record = {
            "id": outlet_id,
            "name": canonical,
            "aliases": list(aliases),
            "domains": list(domains),
        }
        self.dirty[outlet_id] = record
        return self._remember(record)

    def _remember(self, record: dict[str, Any]) -> dict[str, Any]:
        record = self.by_id.setdefault(record["id"], record)
        for alias in (record["name"], *record.get("aliases", [])):
            self.by_key.setdefault(_key(alias), record["id"])
        for domain in record.get("domains", []):
            self.by_domain.setdefault(domain, record["id"])
        return record

    def _learn(self, record: dict[str, Any], names: list[str | None], domain: str | None) -> None:
        """Add unseen names and the domain to the record (and mark it for writing)."""
        known = {_key(a) for a in (record["name"], *record.get("aliases", []))}
        changed = False
        for name in names:
            if name and _key(name) not in known:
                record.setdefault("aliases", []).append(name)
                known.add(_key(name))
                changed = True
        if domain and domain not in self._known_domain:  # the table says whose those are
            owner = self.by_domain.get(domain)
            if owner not in (None, record["id"]):
                self._carries_several(domain, owner)  # two stated outlets: an aggregator host
            elif domain not in record.get("domains", []):
                record.setdefault("domains", []).append(domain)
                changed = True
        if changed:
            self.dirty[record["id"]] = record
            self._remember(record)
