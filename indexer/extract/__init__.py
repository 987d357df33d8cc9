"""Attribution extraction: who said what, with which cue, relayed by whom.

from indexer.extract import extract, extract_many
extract(text) -> list[dict]
extract_many(texts, n_process=2) -> iterator of list[dict], in input order
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from indexer.extract import nlp
from indexer.extract.attributions import analyse
from indexer.extract.cues import LEXICON_PATH

__all__ = ["VERSION", "extract", "extract_many"]

# Changes whenever the rules or the learned lexicon do, so stored results can be refreshed.
RULES_VERSION = "6"
VERSION = f"{RULES_VERSION}.{hashlib.sha1(LEXICON_PATH.read_bytes()).hexdigest()[:8]}"


def extract(text: str) -> list[dict]:
    """Attributions of one article body; spans are offsets into `text`."""
    return analyse(text)


def extract_many(
    texts: Iterable[str], n_process: int = 2, batch_size: int = 4
) -> Iterator[list[dict]]:
    """Attributions of many articles, in input order, spread over `n_process` processes."""
    if n_process <= 1:
        for text in texts:
            yield analyse(text)
        return
    nlp.load()  # loaded once, shared with the forked workers
    ctx = multiprocessing.get_context("fork")
    window = n_process * batch_size * 16  # bounded read-ahead: input may be a long stream
    iterator = iter(texts)
    with ctx.Pool(n_process) as pool:
        while chunk := list(itertools.islice(iterator, window)):
            yield from pool.imap(analyse, chunk, chunksize=batch_size)
