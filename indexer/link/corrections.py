"""Editors' corrections re-applied when an article is indexed again.

A split (``quotetrail speakers split``, or the web form) moves attributions to another
speaker. Re-indexing the article (the outlet updated it, or a new extractor version) links
them afresh, which would put them back silently. So the change log keeps which
attributions a split moved (``args["attributions"]``: id, article and content), and the
linker re-applies every split not undone to the same attribution when it comes back: the
same id (the content at the same place), or the same content in the same article (the
text around it edited, so its place moved); a quote resolved through a moved mention
("she said", with that mention's role) follows it even when its words were edited. One
that no longer comes back is reported (:attr:`Corrections.lost`) for the indexing summary.

A merge (``quotetrail speakers merge``) is re-applied by speaker: an attribution linked
afresh to a speaker an editor merged away (the merge not undone, and the kept speaker still
listing it in ``merged_from``: no split took it back out) goes to the speaker it was merged
into, following merges of merges. A rename keeps the speaker's id, so it needs nothing.
"""

from __future__ import annotations

from typing import Any

from indexer.link.merge import RESOLVED_THROUGH
from indexer.link.speakers import fold
from store.base import Store

PAGE = 500  # changes read per page of the change log


def content_key(article_id: str, content: str) -> tuple[str, str]:
    """What identifies an attribution across edits of its article: the article and the
    folded words of its content."""
    return article_id, " ".join(fold(content).split())


class Corrections:
    """The splits of the store's change log (not undone), by attribution, read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._by_id: dict[str, dict[str, Any]] | None = None
        self._by_content: dict[tuple[str, str], dict[str, Any]] = {}
        self._articles: dict[str, list[dict[str, Any]]] = {}
        self._merged: dict[str, str] = {}  # merged-away speaker id -> the id it went into
        self.lost: list[str] = []  # one line per correction that did not come back

    def _load(self) -> None:
        self._by_id = {}
        offset = 0
        while True:
            page = self.store.changes(limit=PAGE, offset=offset)
            for change in page:
                if change.get("kind") == "merge" and not change.get("undone_by"):
                    args = change["args"]
                    for other in args["others"]:  # newest first: the latest merge wins
                        self._merged.setdefault(other, args["into"])
                if change.get("kind") != "split" or change.get("undone_by"):
                    continue
                for moved in change.get("args", {}).get("attributions", []):
                    entry = {**moved, "to": change["args"]["split_id"],
                             "from": change["args"]["speaker_id"], "change": change["id"]}
                    self._by_id.setdefault(moved["id"], entry)
                    self._by_content.setdefault(
                        content_key(moved["article_id"], moved["content"]), entry
                    )
                    self._articles.setdefault(moved["article_id"], []).append(entry)
            if len(page) < PAGE:
                break
            offset += PAGE
        kept = {into: self.store.get_speaker(into) for into in set(self._merged.values())}
        self._merged = {
            other: into
            for other, into in self._merged.items()
            if other in ((kept[into] or {}).get("merged_from") or [])
        }

    def _merged_into(self, speaker_id: str) -> str | None:
        """The speaker an editor merged ``speaker_id`` into, at the end of merges of merges."""
        seen = {speaker_id}
        into = self._merged.get(speaker_id)
        while into is not None and into in self._merged and self._merged[into] not in seen:
            seen.add(into)
            into = self._merged[into]
        return into

    def _reapply_merges(self, linked: list[dict[str, Any]]) -> int:
        """Move the freshly ``linked`` attributions of merged-away speakers (in place) to the
        speaker they were merged into; returns how many moved."""
        moved = 0
        for attribution in linked:
            into = self._merged_into(attribution.get("speaker_id") or "")
            if into is None:
                continue
            target = self.store.get_speaker(into)
            if target is None:
                continue
            attribution["speaker_id"], attribution["speaker"] = into, target["name"]
            attribution["speaker_type"] = target.get("type") or attribution.get("speaker_type")
            moved += 1
        return moved

    def apply(self, article: dict[str, Any], linked: list[dict[str, Any]]) -> int:
        """Re-apply the splits of ``article`` to its freshly ``linked`` attributions (in
        place): one linked to the speaker it was split from goes to the split speaker.
        Merges are re-applied first (an attribution of a merged-away speaker goes to the
        one it was merged into). Returns how many were corrected; a split attribution that
        did not come back is added to :attr:`lost`."""
        if self._by_id is None:
            self._load()
        assert self._by_id is not None
        merged = self._reapply_merges(linked) if self._merged else 0
        entries = self._articles.get(article["id"], [])
        if not entries:
            return merged
        found: set[int] = set()
        corrected = 0
        for attribution in linked:
            entry = self._by_id.get(attribution["id"]) or self._by_content.get(
                content_key(article["id"], attribution["content"])
            )
            if entry is None:
                continue
            found.add(id(entry))
            if attribution.get("speaker_id") == entry["from"]:
                target = self.store.get_speaker(entry["to"])
                attribution["speaker_id"] = entry["to"]
                attribution["speaker"] = target["name"] if target else attribution["speaker"]
                corrected += 1
        # "she said": a quote resolved through the moved mention follows it, even edited
        roles = {
            (fold(a.get("speaker_role") or ""), a["speaker_id"])
            for a in linked
            if any(a["speaker_id"] == e["to"] for e in entries) and a.get("speaker_role")
        }
        followed: set[str] = set()
        for attribution in linked:
            for entry in entries:
                if (
                    attribution.get("speaker_id") == entry["from"]
                    and attribution.get("speaker_resolution") in RESOLVED_THROUGH
                    and (fold(attribution.get("speaker_role") or ""), entry["to"]) in roles
                ):
                    target = self.store.get_speaker(entry["to"])
                    attribution["speaker_id"] = entry["to"]
                    attribution["speaker"] = target["name"] if target else attribution["speaker"]
                    followed.add(entry["to"])
                    corrected += 1
                    break
        for entry in entries:
            if entry.get("speaker_resolution") in RESOLVED_THROUGH and entry["to"] in followed:
                continue  # its edited quote followed the mention it was resolved through
            if id(entry) not in found:
                self.lost.append(
                    f"correction {entry['change']} (split to {entry['to']!r}) not re-applied: "
                    f"{entry['content'][:60]!r} no longer in article {article['id']}"
                )
        return merged + corrected
