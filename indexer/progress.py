"""Progress of an ``index`` run: a tqdm bar on a terminal, periodic log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from indexer.read.model import human_size

LOG_EVERY_SECONDS = 10.0


class Progress:
    """Bytes of input consumed (for the ETA) and articles written (count and rate)."""

    def __init__(self, total_bytes: int | None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total_bytes or None
        self.started = time.monotonic()
        self.articles = 0
        self.done_bytes = 0
        self._last_log = self.started
        self._bar = None
        if self.stream.isatty():
            import shutil

            from tqdm import tqdm

            self._bar = tqdm(
                total=self.total,
                unit="B",
                unit_scale=True,
                desc="indexing",
                file=self.stream,
                # a terminal that reports no size (0x0) would otherwise hide the bar
                ncols=min(shutil.get_terminal_size((100, 20)).columns or 100, 120),
                nrows=shutil.get_terminal_size((100, 20)).lines or 20,
                mininterval=0.5,
            )

    def update(self, bytes_read: int, articles: int) -> None:
        self.articles = articles
        delta, self.done_bytes = bytes_read - self.done_bytes, bytes_read
        now = time.monotonic()
        rate = articles / max(now - self.started, 1e-9)
        if self._bar is not None:
            self._bar.update(max(delta, 0))
            self._bar.set_postfix_str(f"{articles} articles, {rate:.1f}/s", refresh=False)
        elif now - self._last_log >= LOG_EVERY_SECONDS:
            self._last_log = now
            of = f" of {human_size(self.total)}" if self.total else ""
            print(
                f"quotetrail: so far {articles} articles written ({rate:.1f}/s), "
                f"{human_size(bytes_read)}{of} read",
                file=self.stream,
                flush=True,
            )

    def write(self, line: str) -> None:
        """A message that does not break the bar."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
