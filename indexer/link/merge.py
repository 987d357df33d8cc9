"""User-driven speaker merges, and their undo.

A merge points every attribution of the merged speakers at the kept one, adds their names
to its aliases and records their ids in ``merged_from``, so the merge can be inspected. A
split undoes it for one alias: the attributions whose speaker was written as that alias
go back to a speaker of their own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from indexer.link.speakers import clean_org, clean_person, fold
from quotetrail.errors import SpeakerEditError
from schemas.ids import slug
from store.base import ArticleRecord, SearchQuery, Store


def _require(store: Store, speaker_id: str) -> dict[str, Any]:
    speaker = store.get_speaker(speaker_id)
    if speaker is None:
        raise SpeakerEditError(f"no speaker with id {speaker_id!r}")
    return speaker


def merge_speakers(store: Store, into_id: str, other_ids: list[str]) -> dict[str, Any]:
    """Merge ``other_ids`` into ``into_id``; returns the kept speaker and how many moved.
    Raises :class:`SpeakerEditError` naming an id that is not a stored speaker."""
    into = _require(store, into_id)
    others = [_require(store, i) for i in dict.fromkeys(other_ids) if i != into_id]
    names = {fold(n) for n in (into["name"], *into.get("aliases", []))}
    moved = 0
    for other in others:
        moved += store.reassign("speaker_id", other["id"], into_id, label=into["name"])
        for name in (other["name"], *other.get("aliases", [])):
            if fold(name) not in names:
                into.setdefault("aliases", []).append(name)
                names.add(fold(name))
        roles = into.setdefault("roles", [])
        roles += [r for r in other.get("roles", []) if r not in roles]
        merged = into.setdefault("merged_from", [])
        merged += [i for i in (other["id"], *other.get("merged_from", [])) if i not in merged]
    store.put_speakers([into])
    return {"speaker": into, "moved": moved}


def merged_into(store: Store, speaker_id: str) -> str | None:
    """The id of the speaker that ``speaker_id`` was merged into (the one listing it in
    ``merged_from``), or ``None`` when no stored speaker does. The merged-away record keeps
    its name, which the merge added to the kept speaker's aliases, so the kept one is found
    by that name."""
    merged = store.get_speaker(speaker_id)
    if merged is None:
        return None
    for candidate in store.find_speakers(merged["name"]):
        if candidate["id"] != speaker_id and speaker_id in candidate.get("merged_from", []):
            return str(candidate["id"])
    return None


def _written_as(attribution: dict[str, Any], speaker_type: str) -> str:
    """The speaker's name as the article wrote it, cleaned like the linker cleans it."""
    text = attribution.get("speaker_text") or attribution.get("speaker") or ""
    return clean_org(text) if speaker_type == "organization" else clean_person(text)[0]


def _is_full_name(name: str) -> bool:
    return len(name.split()) >= 2


def _names_in(body: str, names: set[str]) -> bool:
    """Whether the article uses one of these full (folded) names."""
    text = fold(body)
    return any(_is_full_name(n) and n in text for n in names)


def split_speaker(store: Store, speaker_id: str, alias: str) -> dict[str, Any]:
    """Move the attributions written under ``alias`` back to their own speaker.

    The alias's own speaker is the one merged earlier under its slug when it still exists,
    else a new one named ``alias``. Returns both speakers, how many attributions moved and
    which (``attributions``: id, article_id, content, speaker_resolution and speaker_role
    of each).
    Raises :class:`SpeakerEditError` when ``speaker_id`` is unknown or ``alias`` is not one
    of its merged aliases.
    """
    speaker = _require(store, speaker_id)
    aliases = speaker.get("aliases", [])
    if fold(alias) not in {fold(a) for a in aliases}:
        raise SpeakerEditError(f"{alias!r} is not an alias of speaker {speaker_id!r}")
    target_id = slug(alias)
    if target_id == speaker_id:
        raise SpeakerEditError(f"{alias!r} names speaker {speaker_id!r} itself, not a merged one")
    target = store.get_speaker(target_id) or {
        "id": target_id,
        "name": alias,
        "aliases": [],
        "type": speaker.get("type", "unknown"),
        "roles": [],
        "merged_from": [],
    }
    leaving = {fold(n) for n in (alias, target["name"], *target.get("aliases", []))}
    speaker["aliases"] = [a for a in aliases if fold(a) not in leaving]
    speaker["merged_from"] = [i for i in speaker.get("merged_from", []) if i != target_id]
    store.put_speakers([speaker, target])

    staying = {fold(n) for n in (speaker["name"], *speaker["aliases"])}
    kind = speaker.get("type", "unknown")
    candidates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = SearchQuery(filters={"speaker": (speaker_id,)}, sort="date_asc", facets=False)
    for attribution in store.scan(query):
        candidates[attribution["article_id"]].append(attribution)
    by_article: dict[str, set[str]] = defaultdict(set)
    for article_id, attributions in candidates.items():
        body = (store.get_article(article_id) or {}).get("body") or ""
        # an article naming only the alias: its pronouns and bare surnames are the alias's
        only_alias = _names_in(body, leaving) and not _names_in(body, staying)
        for attribution in attributions:
            written = fold(_written_as(attribution, kind))
            if written in leaving or (only_alias and not _is_full_name(written)):
                by_article[article_id].add(attribution["id"])
        by_article[article_id] |= _resolved_through(attributions, by_article[article_id])
    moved = 0
    moved_attributions: list[dict[str, Any]] = []
    for article_id in sorted(by_article):
        article = store.get_article(article_id)
        if article is None:
            continue
        attributions = store.article_attributions(article_id)
        for attribution in attributions:
            if attribution["id"] in by_article[article_id]:
                attribution["speaker_id"], attribution["speaker"] = target_id, target["name"]
                moved += 1
                moved_attributions.append(
                    {
                        **{k: attribution[k] for k in ("id", "article_id", "content")},
                        "speaker_resolution": attribution.get("speaker_resolution"),
                        "speaker_role": attribution.get("speaker_role"),
                    }
                )
        # no fingerprint: the stored version is no longer what ingestion produced
        store.put_articles([ArticleRecord({**article, "fingerprint": None}, attributions)])
    _move_roles(store, speaker, target, candidates, moved_attributions)
    return {"speaker": speaker, "split": target, "moved": moved,
            "attributions": moved_attributions}


def _move_roles(
    store: Store,
    speaker: dict[str, Any],
    target: dict[str, Any],
    candidates: dict[str, list[dict[str, Any]]],
    moved: list[dict[str, Any]],
) -> None:
    """Roles learned from the moved attributions ("Dr Osei, chief medical officer") go with
    them: the split speaker gets them, and the speaker keeps only those one of its
    remaining attributions gives it (or that no attribution gave: an editor's own)."""
    moved_ids = {m["id"] for m in moved}
    role_of = {
        a["id"]: a.get("speaker_role") for atts in candidates.values() for a in atts
    }
    leaving = {fold(r) for i, r in role_of.items() if i in moved_ids and r}
    staying = {fold(r) for i, r in role_of.items() if i not in moved_ids and r}
    if not leaving:
        return
    roles = target.setdefault("roles", [])
    known = {fold(r) for r in roles}
    for i, role in role_of.items():
        if i in moved_ids and role and fold(role) not in known:
            roles.append(role)
            known.add(fold(role))
    speaker["roles"] = [
        r for r in speaker.get("roles", []) if fold(r) not in leaving or fold(r) in staying
    ]
    store.put_speakers([speaker, target])


# How an attribution names its speaker when it does not write the name: its role (and
# speaker) came from the mention it was resolved to.
RESOLVED_THROUGH = frozenset({"pronoun", "description", "quote_sequence"})


def _resolved_through(attributions: list[dict[str, Any]], moving: set[str]) -> set[str]:
    """Attributions of one article resolved through a pronoun, a description or the quote
    before ("she said") whose role is the role of a moving attribution of that article:
    they were resolved to the same mention ("Dr Osei, chief medical officer"), so they
    move with it. Attributions without a role, or with another, stay."""
    roles = {
        fold(a["speaker_role"]) for a in attributions if a["id"] in moving and a.get("speaker_role")
    }
    return {
        a["id"]
        for a in attributions
        if a["id"] not in moving
        and a.get("speaker_resolution") in RESOLVED_THROUGH
        and a.get("speaker_role")
        and fold(a["speaker_role"]) in roles
    }
