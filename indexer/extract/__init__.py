"""Attribution extraction: who said what, with which cue, relayed by whom.

from indexer.extract import extract, extract_many
extract(text, title=None) -> list[dict]
extract_many(texts, n_process=2) -> iterator of list[dict], in input order

Every record says which `part` of the article it comes from ("title" or "body"; a headline
quotes people too) and its spans are offsets into that part.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future

from indexer.extract.article import extract_article
from indexer.extract.cues import LEXICON_PATH
from indexer.extract.scoring import MODEL_PATH

__all__ = ["VERSION", "extract", "extract_many"]

# Changes whenever the rules or the learned lexicon do, so stored results can be refreshed.
RULES_VERSION = "18"
VERSION = (
    f"{RULES_VERSION}."
    f"{hashlib.sha1(LEXICON_PATH.read_bytes() + MODEL_PATH.read_bytes()).hexdigest()[:8]}"
)


def extract(text: str, title: str | None = None) -> list[dict]:
    """Attributions of one article body (and its headline, when given); spans are offsets
    into the record's `part`: `text` for the body, `title` for the headline."""
    return extract_article(title, text)


def extract_many(
    texts: Iterable[str], n_process: int = 2, batch_size: int = 4
) -> Iterator[list[dict]]:
    """Attributions of many articles, in input order, spread over `n_process` processes
    (the :class:`~indexer.extract.workers.ExtractionPool`) in batches of `batch_size`."""
    if n_process <= 1:
        for text in texts:
            yield extract(text)
        return
    from indexer.extract.workers import ExtractionPool

    window = n_process * 16  # batches in flight: bounded read-ahead, input may be a long stream
    iterator = iter(texts)
    with ExtractionPool(n_process) as pool:
        pending: deque[Future[tuple[list[list[dict]], float]]] = deque()
        while batch := list(itertools.islice(iterator, batch_size)):
            pending.append(pool.submit([(None, text) for text in batch]))
            while len(pending) > window:
                yield from pending.popleft().result()[0]
        while pending:
            yield from pending.popleft().result()[0]
