"""Editors' corrections to the speakers, logged so that each can be read back and undone.

Merging and splitting follow the rules of :mod:`indexer.link.merge` (shared with the
``quotetrail speakers`` commands); renaming and retyping change the speaker and the name
and type its attributions carry. Every change is written to the store's change log
(``schemas.change.ChangeSchema``) with the editor, the time, and the speakers before and
after; :func:`undo` reverses one and logs that too.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from indexer.link.merge import merge_speakers, split_speaker
from indexer.link.speakers import given_names_differ
from quotetrail.errors import SpeakerEditError
from schemas.attribution import SPEAKER_TYPES
from schemas.ids import digest, slug
from store.base import Store


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _speaker(store: Store, speaker_id: str) -> dict[str, Any]:
    record = store.get_speaker(speaker_id)
    if record is None:
        raise SpeakerEditError(f"no speaker with id {speaker_id!r}")
    return record


def _snapshot(store: Store, ids: list[str]) -> dict[str, Any]:
    return {i: copy.deepcopy(store.get_speaker(i)) for i in dict.fromkeys(ids)}


def _log(
    store: Store,
    kind: str,
    editor: str,
    summary: str,
    before: dict[str, Any],
    args: dict[str, Any],
    moved: int,
    undoes: str | None = None,
) -> dict[str, Any]:
    at = _now()
    change = {
        "id": "c-" + digest(kind, editor, at, repr(sorted(args.items()))),
        "kind": kind,
        "editor": editor,
        "at": at,
        "summary": summary,
        "speaker_ids": list(before),
        "args": args,
        "before": before,
        "after": _snapshot(store, list(before)),
        "moved": moved,
        "undoes": undoes,
    }
    store.put_change(change)
    return change


def rename(
    store: Store, editor: str, speaker_id: str, name: str, *, force: bool = False
) -> dict[str, Any]:
    """Give a speaker a new name; the old one stays an alias, and every attribution of the
    speaker shows the new name. Raises :class:`SpeakerEditError` on an unknown id, a blank
    name, and, without ``force``, a name another speaker already has as its name or one
    of its aliases (case-insensitive): two speakers of one name cannot be told apart in
    facets, lists and search, so the error names the other speaker and suggests merging
    them."""
    name = " ".join(name.split())
    if not name:
        raise SpeakerEditError("the new name is empty")
    speaker = _speaker(store, speaker_id)
    wanted = name.casefold()
    same = [
        other
        for other in store.find_speakers(name)
        if other["id"] != speaker_id
        and wanted in (n.casefold() for n in [other["name"], *other.get("aliases", [])])
    ]
    if same and not force:
        other = same[0]
        known = "called"
        if other["name"].casefold() != wanted:  # "Mayor Lindqvist" of Anna Lindqvist
            alias = next(a for a in other["aliases"] if a.casefold() == wanted)
            known = f"known as {alias!r}:"
        raise SpeakerEditError(
            f"another speaker is already {known} {other['name']!r} (id {other['id']!r}): "
            f"not renamed. If they are one speaker, merge {speaker_id!r} into {other['id']!r}; "
            "to keep two speakers of that name, rename with force (confirm)"
        )
    before = _snapshot(store, [speaker_id])
    old = speaker["name"]
    aliases = [a for a in speaker.get("aliases", []) if a != name]
    if old != name and old not in aliases:
        aliases.append(old)
    store.put_speakers([{**speaker, "name": name, "aliases": aliases}])
    moved = store.relabel("speaker_id", speaker_id, "speaker", name)
    return _log(store, "rename", editor, f"renamed {old!r} to {name!r}", before,
                {"speaker_id": speaker_id, "name": name}, moved)


def set_type(store: Store, editor: str, speaker_id: str, kind: str) -> dict[str, Any]:
    """Say whether a speaker is a person, an organization, a group (``SPEAKER_TYPES``); its
    attributions' speaker type follows."""
    if kind not in SPEAKER_TYPES:
        raise SpeakerEditError(f"type {kind!r} is not one of {', '.join(SPEAKER_TYPES)}")
    speaker = _speaker(store, speaker_id)
    before = _snapshot(store, [speaker_id])
    store.put_speakers([{**speaker, "type": kind}])
    moved = store.relabel("speaker_id", speaker_id, "speaker_type", kind)
    return _log(store, "set_type", editor,
                f"{speaker['name']!r} is now {kind} (was {speaker.get('type', 'unknown')})",
                before, {"speaker_id": speaker_id, "type": kind}, moved)


# A person is never an organization or a group: a merge across them needs ``force``.
_PERSONS = frozenset({"person"})
_BODIES = frozenset({"organization", "group"})


def merge(
    store: Store, editor: str, into_id: str, other_ids: list[str], *, force: bool = False
) -> dict[str, Any]:
    """:func:`indexer.link.merge.merge_speakers`, logged: ``into_id`` is kept, ``other_ids``
    go away into it. Raises :class:`SpeakerEditError` when no other speaker is named
    (``into_id`` merged into itself), on an unknown id, and without ``force`` when one is a
    person and another an organization or group, or when both are persons with different
    given names (:func:`_given_names_differ`: "Laura Chen" and "Derek Chen")."""
    others = [i for i in dict.fromkeys(other_ids) if i != into_id]
    if not others:
        raise SpeakerEditError(
            f"cannot merge {into_id!r} into itself: name another speaker to merge into it"
        )
    records = [_speaker(store, i) for i in others]
    names = [r["name"] for r in records]
    into = _speaker(store, into_id)
    for record in records:
        kinds = {into.get("type"), record.get("type")}
        if not force and kinds & _PERSONS and kinds & _BODIES:
            raise SpeakerEditError(
                f"{record['name']!r} is {_a(record.get('type'))} and {into['name']!r} is "
                f"{_a(into.get('type'))}: not merged (force the merge if they are one speaker)"
            )
        if not force and _given_names_differ(into, record):
            raise SpeakerEditError(
                f"{record['name']!r} and {into['name']!r} are persons with different given "
                "names: not merged (force the merge if they are one person)"
            )
    before = _snapshot(store, [into_id, *others])
    result = merge_speakers(store, into_id, others)
    return _log(store, "merge", editor, f"merged {', '.join(map(repr, names))} into "
                f"{into['name']!r}", before, {"into": into_id, "others": others},
                result["moved"])


def _given_names_differ(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two speakers are persons whose given names are not one name
    (:func:`indexer.link.speakers.given_names_differ`)."""
    if a.get("type") != "person" or b.get("type") != "person":
        return False
    return given_names_differ(a["name"], b["name"])


def _a(kind: str | None) -> str:
    return f"an {kind}" if (kind or "")[:1] in "aeiou" else f"a {kind}"


def split(store: Store, editor: str, speaker_id: str, alias: str) -> dict[str, Any]:
    """:func:`indexer.link.merge.split_speaker`, logged with the attributions it moved, which
    re-indexing their articles moves again (:mod:`indexer.link.corrections`)."""
    speaker = _speaker(store, speaker_id)
    before = _snapshot(store, [speaker_id, slug(alias)])
    result = split_speaker(store, speaker_id, alias)
    return _log(store, "split", editor, f"split {alias!r} from {speaker['name']!r}",
                before, {"speaker_id": speaker_id, "alias": alias,
                         "split_id": result["split"]["id"],
                         "attributions": result["attributions"]}, result["moved"])


def undo(store: Store, editor: str, change_id: str) -> dict[str, Any]:
    """Reverse a logged change and log the undo. Raises :class:`SpeakerEditError` when the
    change is unknown, is itself an undo, or was undone already."""
    change = store.get_change(change_id)
    if change is None:
        raise SpeakerEditError(f"no change with id {change_id!r}")
    if change["kind"] == "undo" or change.get("undone_by"):
        raise SpeakerEditError(f"change {change_id!r} cannot be undone (again)")
    args, before = change["args"], change["before"]
    ids = list(before)
    moved = 0
    if change["kind"] == "rename":
        old = before[args["speaker_id"]]["name"]
        moved = store.relabel("speaker_id", args["speaker_id"], "speaker", old)
    elif change["kind"] == "set_type":
        old = before[args["speaker_id"]].get("type", "unknown")
        moved = store.relabel("speaker_id", args["speaker_id"], "speaker_type", old)
    elif change["kind"] == "merge":
        for other in args["others"]:
            name = before[other]["name"]
            moved += split_speaker(store, args["into"], name)["moved"]
            split_id = slug(name)
            if split_id != other:  # the merged speaker's own id, not its name's slug
                moved += store.reassign("speaker_id", split_id, other, label=name)
    elif change["kind"] == "split":
        moved = merge_speakers(store, args["speaker_id"], [args["split_id"]])["moved"]
    snapshot_now = _snapshot(store, ids)
    store.put_speakers([record for record in before.values() if record is not None])
    logged = _log(store, "undo", editor, f"undid: {change['summary']}", snapshot_now,
                  {"change": change_id}, moved, undoes=change_id)
    store.put_change({**change, "undone_by": logged["id"]})
    return logged

