"""Resuming an interrupted ``index`` run: which inputs are done, how far the others got.

The checkpoint is an append-only JSON Lines log next to the store (or in ``--state-dir``):
a header naming the run (inputs, mapping, store), then one line per commit: its number and
how far each input it touched got. A commit is also the point the linker's memory was
saved at and the journal's batches up to it are final (``indexer.journal``), so a resumed
run starts exactly where an uninterrupted one was; a torn last line is a commit that did
not happen.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from typing import Any

FILE_NAME = ".quotetrail-checkpoint.jsonl"
MAX_REJECTS_KEPT = 1000  # per input, replayed into the rejects file when resuming


@dataclass
class SourceState:
    articles: int = 0  # articles of this input written, in reading order
    done: bool = False
    rejects: list[dict[str, Any]] = field(default_factory=list)


def run_key(paths: list[str], options: dict[str, Any], store_location: str) -> str:
    """What makes two runs the same command: inputs (absolute), options, store."""
    absolute = [p if p == "-" else os.path.abspath(p) for p in paths]
    text = json.dumps([absolute, options, store_location], sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Checkpoint:
    def __init__(self, path: str, key: str, sources: dict[str, SourceState] | None = None):
        self.path = path
        self.key = key
        self.sources = sources or {}
        self.loaded = bool(self.sources)  # resuming: append to the saved log
        self.committed = 0  # number of the last commit (0: none)
        self._file = None
        self._closed = False
        self._lock = threading.Lock()  # the writer thread commits, the main thread closes

    @classmethod
    def load(cls, state_dir: str, key: str) -> Checkpoint:
        """The saved progress of this same run, or an empty checkpoint."""
        path = os.path.join(state_dir, FILE_NAME)
        sources: dict[str, SourceState] = {}
        committed = 0
        try:
            with open(path, encoding="utf-8") as f:
                header = json.loads(f.readline() or "{}")
                if header.get("run") != key:
                    return cls(path, key)
                for line in f:
                    try:
                        commit = json.loads(line)
                    except ValueError:
                        break  # a torn last line: everything before it counts
                    for event in commit["sources"]:
                        state = sources.setdefault(event["source"], SourceState())
                        state.articles = max(state.articles, event.get("articles", 0))
                        state.done = state.done or event.get("done", False)
                        state.rejects += event.get("rejects", [])
                    committed = commit["commit"]
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            return cls(path, key)
        checkpoint = cls(path, key, sources)
        checkpoint.committed = committed
        return checkpoint

    def get(self, source_key: str | None) -> SourceState | None:
        return self.sources.get(source_key) if source_key else None

    def commit(self, progress: list[tuple[str | None, int, bool, list[dict]]]) -> bool:
        """Append one commit: per input (key, articles written, done, rejects), called after
        the articles were written and the linker's memory was saved as ``committed + 1``.
        False when the checkpoint was closed (an interrupted run commits nothing more)."""
        with self._lock:
            if self._closed:
                return False
            self._commit(progress)
            return True

    def _commit(self, progress: list[tuple[str | None, int, bool, list[dict]]]) -> None:
        events = []
        for source_key, articles, done, rejects in progress:
            if source_key is None:
                continue
            state = self.sources.setdefault(source_key, SourceState())
            state.articles = max(state.articles, articles)
            state.done = state.done or done
            kept = rejects[: max(0, MAX_REJECTS_KEPT - len(state.rejects))]
            state.rejects += kept
            events.append(
                {"source": source_key, "articles": articles, "done": done, "rejects": kept}
            )
        self.committed += 1
        self._append({"commit": self.committed, "sources": events})

    def _append(self, event: dict[str, Any]) -> None:
        if self._file is None:
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            fresh = not self.loaded or not os.path.exists(self.path)
            self._file = open(self.path, "w" if fresh else "a", encoding="utf-8")  # noqa: SIM115
            if fresh:
                self._file.write(json.dumps({"run": self.key}) + "\n")
        self._file.write(json.dumps(event) + "\n")
        self._file.flush()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._file is not None:
                self._file.close()
                self._file = None

    def remove(self) -> None:
        """The run completed: nothing to resume."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.path)
