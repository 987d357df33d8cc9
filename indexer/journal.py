"""Undoing the batches an interrupted ``index`` run wrote after its last checkpoint.

Linking is incremental: what an article is linked to depends on what the store and the
linker's memory held when it was linked. A run killed between writing a batch and
checkpointing it leaves records "from the future" in the store (a speaker's alias, a
statement's key, an article a later copy would be linked to); a resumed run reading them
would link the same articles differently from an uninterrupted run. So before a batch is
written, the journal saves the stored version of everything the batch will write (None
when it is new), synced to disk; a resumed run puts those versions back, newest batch
first, and the store is exactly as it was at the checkpoint. The journal is emptied at
each checkpoint, so it holds at most the batches written since.

The file is JSON Lines in the state folder: a header naming the run, then one line per
batch. A torn last line is a batch whose writes never started (the line is synced first).
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import Any

from indexer.link.linker import Changes
from store.base import ArticleRecord, Store

FILE_NAME = ".quotetrail-journal.jsonl"
KINDS = ("outlets", "speakers", "statements")


class Journal:
    """``Journal(state_dir, run_key[, file_name])``: ``before(...)`` each batch, ``clear()``
    at each checkpoint, ``undo(store)`` when a run starts, ``remove()`` when it completed."""

    def __init__(self, state_dir: str, run_key: str, file_name: str = FILE_NAME) -> None:
        self.path = os.path.join(state_dir, file_name)
        self.run_key = run_key
        self._file: Any = None

    def before(self, store: Store, changes: Changes, article_ids: list[str], commit: int) -> None:
        """Save the stored versions of what a batch is about to write (before writing it);
        ``commit`` is the number of the checkpoint commit the batch will belong to."""
        entry: dict[str, Any] = {"commit": commit}
        stored_articles = store.get_records("articles", article_ids) if article_ids else {}
        entry["articles"] = {
            i: (
                {"article": stored_articles[i], "attributions": store.article_attributions(i)}
                if i in stored_articles
                else None
            )
            for i in article_ids
        }
        # the statements of the stored versions too: the run may release those the new
        # versions let go of (`Store.release_statements`), and undoing puts them back
        carried = [
            a["statement_id"]
            for stored in entry["articles"].values()
            for a in (stored or {}).get("attributions", [])
            if a.get("statement_id")
        ]
        for kind in KINDS:
            ids = [r["id"] for r in getattr(changes, kind)]
            if kind == "statements":
                ids = list(dict.fromkeys([*ids, *carried]))
            stored = store.get_records(kind, ids) if ids else {}
            entry[kind] = {i: stored.get(i) for i in ids}
        if self._file is None:
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115
            self._file.write(json.dumps({"run": self.run_key}) + "\n")
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def clear(self) -> None:
        """The batches so far are checkpointed: nothing of them is to be undone."""
        if self._file is not None:
            self._file.close()
            self._file = None
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.path)

    def undo(self, store: Store, committed: int) -> int:
        """Put back what the batches after commit number ``committed`` (the checkpoint's
        last, 0 when none) changed; returns how many batches. Only a journal of this same
        run counts. Store errors propagate (the journal is kept for the next try)."""
        entries = [e for e in self._entries() or [] if e.get("commit", 0) > committed]
        for entry in reversed(entries):
            for kind in reversed(KINDS):
                before = entry.get(kind, {})
                gone = [i for i, record in before.items() if record is None]
                kept = [record for record in before.values() if record is not None]
                if gone:
                    store.delete_records(kind, gone)
                if kept:
                    {
                        "outlets": store.put_outlets,
                        "speakers": store.put_speakers,
                        "statements": store.put_statements,
                    }[kind](kept)
            for article_id, stored in entry.get("articles", {}).items():
                if stored is None:
                    store.delete_article(article_id)
                else:
                    store.delete_article(article_id)  # its fingerprint must not match
                    store.put_articles([ArticleRecord(stored["article"], stored["attributions"])])
        self.clear()
        return len(entries)

    def _entries(self) -> list[dict[str, Any]] | None:
        try:
            with open(self.path, encoding="utf-8") as f:
                header = json.loads(f.readline() or "{}")
                if header.get("run") != self.run_key:
                    return None
                entries = []
                for line in f:
                    try:
                        entries.append(json.loads(line))
                    except ValueError:
                        break  # torn: that batch's writes never started
                return entries
        except (OSError, ValueError, AttributeError):
            return None

    def remove(self) -> None:
        """The run completed."""
        self.clear()
