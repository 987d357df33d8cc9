"""Resuming an interrupted ``index`` run: which inputs are done, how far the others got.

The checkpoint is an append-only JSON Lines log next to the store (or in ``--state-dir``):
a header naming the run (inputs, mapping, store), then one line per written batch. Only
work is saved by it; correctness comes from idempotent writes by stable ids, so a lost or
torn last line only means some articles are read again and found unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
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
        self._file = None
        self._closed = False

    @classmethod
    def load(cls, state_dir: str, key: str) -> Checkpoint:
        """The saved progress of this same run, or an empty checkpoint."""
        path = os.path.join(state_dir, FILE_NAME)
        sources: dict[str, SourceState] = {}
        try:
            with open(path, encoding="utf-8") as f:
                header = json.loads(f.readline() or "{}")
                if header.get("run") != key:
                    return cls(path, key)
                for line in f:
                    try:
                        event = json.loads(line)
                    except ValueError:
                        break  # a torn last line: everything before it counts
                    state = sources.setdefault(event["source"], SourceState())
                    state.articles = max(state.articles, event.get("articles", 0))
                    state.done = state.done or event.get("done", False)
                    state.rejects += event.get("rejects", [])
        except (OSError, ValueError, KeyError, AttributeError):
            return cls(path, key)
        return cls(path, key, sources)

    def get(self, source_key: str | None) -> SourceState | None:
        return self.sources.get(source_key) if source_key else None

    def record(
        self, source_key: str | None, articles: int, done: bool, rejects: list[dict]
    ) -> None:
        """Append one input's progress (called after its articles were written)."""
        if source_key is None or self._closed:
            return  # closed: a write finishing after an interruption saves nothing more
        state = self.sources.setdefault(source_key, SourceState())
        state.articles = max(state.articles, articles)
        state.done = state.done or done
        kept = rejects[: max(0, MAX_REJECTS_KEPT - len(state.rejects))]
        state.rejects += kept
        self._append({"source": source_key, "articles": articles, "done": done, "rejects": kept})

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
        self._closed = True
        if self._file is not None:
            self._file.close()
            self._file = None

    def remove(self) -> None:
        """The run completed: nothing to resume."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.path)
